//! The learner's code as the page saves it in the browser's `localStorage` (key
//! `ec2-playground:code:v1`, beside the stack document under `ec2-playground:stack:v1`, which
//! [`crate::load_stack`] reads): JSON `{"main_py": "...", "user_data_py": "...", "in_step":
//! false}`, `user_data_py` only when there is one; `in_step` is read as `true` when absent.
//!
//! In the core, not the web crate, so that the parse of what the browser hands back is fuzzed
//! natively (`fuzz/fuzz_targets/saved_code.rs`).

use serde::{Deserialize, Serialize};

/// The code as saved in the browser (`localStorage`, beside the stack document).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedCode {
    /// `main.py`.
    pub main_py: String,
    /// `user_data.py`, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_data_py: Option<String>,
    /// False when the last form edit was not carried into the code (the saved stack then
    /// differs from it, and must not be replaced by what the code reads to).
    #[serde(default = "yes")]
    pub in_step: bool,
}

fn yes() -> bool {
    true
}

impl SavedCode {
    /// Reads a saved value: `None` for anything that is not such a JSON object (another
    /// version's value, a value cut by a full storage, text altered by hand); the page then
    /// opens without the code. Never panics.
    pub fn parse(text: &str) -> Option<SavedCode> {
        serde_json::from_str(text).ok()
    }

    /// The JSON to save (compact; `user_data_py` left out when there is none).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_reads_the_first_format() {
        let code = SavedCode {
            main_py: "print('é')\n".into(),
            user_data_py: Some("USER_DATA = ''\n".into()),
            in_step: false,
        };
        assert_eq!(
            code.to_json(),
            r#"{"main_py":"print('é')\n","user_data_py":"USER_DATA = ''\n","in_step":false}"#
        );
        assert_eq!(SavedCode::parse(&code.to_json()), Some(code));
        assert_eq!(
            SavedCode::parse(r#"{"main_py": "x = 1\n"}"#),
            Some(SavedCode {
                main_py: "x = 1\n".into(),
                user_data_py: None,
                in_step: true
            })
        );
        assert_eq!(SavedCode::parse("[1]"), None);
        assert_eq!(SavedCode::parse(r#"{"main_py": 3}"#), None);
    }
}
