//! The stack document (a file the learner opens, the saved stack under
//! `ec2-playground:stack:v1`, the document inside a share link): `load_stack_bytes`.
//!
//! Laws: a document that loads saves to a text that loads to the same stack, and saves again
//! to the same text; everything the page computes from a loaded stack does not panic.
#![no_main]

use ec2_playground_core::{load_stack, load_stack_bytes, save_stack};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(stack) = load_stack_bytes(data) else {
        return;
    };
    let saved = save_stack(&stack);
    let again = match load_stack(&saved) {
        Ok(s) => s,
        Err(e) => panic!("a saved stack does not load: {e:?}\n{saved}"),
    };
    assert_eq!(again, stack, "the saved stack loads to another stack");
    assert_eq!(save_stack(&again), saved);
    ec2_playground_fuzz::outputs(&stack);
});
