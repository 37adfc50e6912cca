//! The learner's code saved under `ec2-playground:code:v1`: `SavedCode::parse`.
//!
//! Law: a value that parses saves to JSON that parses to the same value.
#![no_main]

use ec2_playground_core::saved::SavedCode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(code) = SavedCode::parse(text) else {
        return;
    };
    assert_eq!(SavedCode::parse(&code.to_json()), Some(code));
});
