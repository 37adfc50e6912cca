//! The `main.py` reader for the page, as its own WebAssembly module.
//!
//! The Python parser weighs about 740 KB gzipped in WebAssembly, five times the rest of the
//! page: the page loads this module (`dist/reader/`, built by `scripts/build-reader.sh`)
//! only when the learner first works with the code. Each function takes and returns text:
//! JSON of [`ec2_playground_core::ReadReply`] and [`ec2_playground_core::EditReply`],
//! which the page reads back with serde.

use ec2_playground_core::{edit_reply, read_reply};
use wasm_bindgen::prelude::*;

/// Reads `main_py` (and `user_data_py`): JSON of a [`ec2_playground_core::ReadReply`].
#[wasm_bindgen]
pub fn read(main_py: &str, user_data_py: Option<String>) -> String {
    serde_json::to_string(&read_reply(main_py, user_data_py.as_deref())).unwrap_or_default()
}

/// Carries the stack `document` into `main_py`: JSON of a [`ec2_playground_core::EditReply`].
#[wasm_bindgen]
pub fn edit(main_py: &str, user_data_py: Option<String>, document: &str) -> String {
    serde_json::to_string(&edit_reply(main_py, user_data_py.as_deref(), document)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_are_json_the_page_reads_back() {
        let reply: ec2_playground_core::ReadReply = serde_json::from_str(&read("x = )\n", None)).expect("json");
        assert_eq!(reply.document, None);
        assert_eq!(reply.diagnostics[0].code, "py-syntax");
        let edited: ec2_playground_core::EditReply = serde_json::from_str(&edit("x = )\n", None, "{}")).expect("json");
        assert!(matches!(edited, ec2_playground_core::EditReply::NotPlaced(_)));
    }
}
