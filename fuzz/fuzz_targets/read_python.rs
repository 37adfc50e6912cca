//! The main.py reader: `read_reply` (what the reader module answers the page), over
//! `main.py` and `user_data.py` (the input split at its first NUL byte).
//!
//! Laws: every diagnostic lies inside its file (UTF-16 offsets, `from <= to`); a document
//! the reader gives loads; whatever it reads, the page's outputs do not panic; and the
//! stack's own Python, read back, gives the same stack.
#![no_main]

use ec2_playground_core::{load_stack, read_python, read_reply};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((main_py, user_data_py)) = ec2_playground_fuzz::project(data) else {
        return;
    };
    let reply = read_reply(main_py, user_data_py);
    for d in &reply.diagnostics {
        let text = if d.file == "user_data.py" {
            user_data_py.unwrap_or("")
        } else {
            main_py
        };
        let len = text.encode_utf16().count();
        assert!(d.from <= d.to && d.to <= len, "{d:?} in a file of {len} UTF-16 units");
        assert!(d.line >= 1 && d.column >= 1, "{d:?}");
    }
    let Some(document) = reply.document else {
        return;
    };
    let stack = match load_stack(&document) {
        Ok(s) => s,
        Err(e) => panic!("the reader's document does not load: {e:?}\n{document}"),
    };
    if let Some(files) = ec2_playground_fuzz::outputs(&stack) {
        let again = read_python(&files.main_py, files.user_data_py.as_deref());
        assert_eq!(
            again.stack.as_ref(),
            Some(&stack),
            "the stack's own Python reads to another stack:\n{}",
            files.main_py
        );
    }
});
