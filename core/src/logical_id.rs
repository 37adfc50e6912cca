//! Construct ids, paths and logical ids, as cdktf 0.21.0 and constructs 10 compute them.
//!
//! Sources (read in the installed packages): constructs' `sanitizeId` replaces `/` and
//! `\n` in an id with `--`; cdktf's `makeUniqueId` (`lib/private/unique.js`) keeps, for a
//! construct placed directly in the stack, the letters, digits, `-` and `_` of its id
//! (`"App SG"` → `AppSG`, `"wéb 2"` → `wb2`), falls back to
//! `<human, 240 chars>_<first 8 hex of md5, upper case>` past 255 characters, and refuses
//! the id `Default`, which it leaves out of every logical id.

use md5::{Digest, Md5};
use thiserror::Error;

/// Why a construct id cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConstructIdError {
    /// constructs: "Only root constructs may have an empty ID".
    #[error("a construct id cannot be empty (constructs: \"Only root constructs may have an empty ID\")")]
    Empty,
    /// cdktf's `makeUniqueId` drops `Default` and then has nothing to name the construct with.
    #[error("the construct id \"Default\" cannot be used: cdktf leaves it out of logical ids and fails with \"Unable to calculate a unique id for an empty set of components\"")]
    Default,
}

/// The id as constructs stores it: `/` and `\n` become `--`.
pub fn sanitize_id(id: &str) -> String {
    id.replace(['/', '\n'], "--")
}

/// The construct path of a direct child of the stack: `<stack>/<sanitized id>`.
pub fn construct_path(stack_name: &str, id: &str) -> String {
    format!("{}/{}", sanitize_id(stack_name), sanitize_id(id))
}

const MAX_ID_LEN: usize = 255;
const MAX_HUMAN_LEN: usize = 240;
const HASH_LEN: usize = 8;

/// The logical id (the JSON name, `uniqueId`) of a construct created directly in the stack.
///
/// Errors: [`ConstructIdError::Empty`] for `""`, [`ConstructIdError::Default`] for `"Default"`.
pub fn logical_id(id: &str) -> Result<String, ConstructIdError> {
    if id.is_empty() {
        return Err(ConstructIdError::Empty);
    }
    let component = sanitize_id(id);
    if component == "Default" {
        return Err(ConstructIdError::Default);
    }
    let candidate = remove_disallowed(&component);
    if candidate.len() <= MAX_ID_LEN {
        return Ok(candidate);
    }
    // `removeDupes` and the `Resource` filter change nothing for a single component
    // longer than 255 characters.
    let hash = Md5::digest(component.as_bytes());
    let hex: String = hash.iter().map(|b| format!("{b:02X}")).collect();
    let mut human = candidate;
    human.truncate(MAX_HUMAN_LEN);
    Ok(format!("{human}_{}", &hex[..HASH_LEN]))
}

/// Keeps `A-Z a-z 0-9 _ -` (cdktf's `removeNonAlphanumericSep`).
fn remove_disallowed(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_the_examples() {
        assert_eq!(logical_id("App SG").as_deref(), Ok("AppSG"));
        assert_eq!(logical_id("wéb 2").as_deref(), Ok("wb2"));
        assert_eq!(logical_id("web-1").as_deref(), Ok("web-1"));
        assert_eq!(logical_id("web_sg").as_deref(), Ok("web_sg"));
    }

    #[test]
    fn slashes_become_double_dashes() {
        assert_eq!(logical_id("a/b").as_deref(), Ok("a--b"));
        assert_eq!(construct_path("lab", "a/b\nc"), "lab/a--b--c");
    }

    #[test]
    fn refused_ids() {
        assert_eq!(logical_id(""), Err(ConstructIdError::Empty));
        assert_eq!(logical_id("Default"), Err(ConstructIdError::Default));
        assert_eq!(logical_id("!!!").as_deref(), Ok(""));
    }

    #[test]
    fn long_ids_are_hashed() {
        let id = "x".repeat(300);
        let got = logical_id(&id).unwrap_or_default();
        assert_eq!(got.len(), 240 + 1 + 8);
        assert!(got.starts_with(&"x".repeat(240)));
        assert_eq!(logical_id(&"y".repeat(255)).as_deref(), Ok("y".repeat(255).as_str()));
    }
}
