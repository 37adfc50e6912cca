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
    /// constructs keeps a scope's children in a plain JavaScript object, so a child named
    /// after a property of `Object.prototype` finds that property already there: "There is
    /// already a Construct with name 'constructor'".
    #[error("the construct id {0:?} names a property of JavaScript's Object.prototype, which constructs takes for an existing child (\"There is already a Construct with name '{0}'\")")]
    ObjectPrototype(String),
    /// cdktf's `TerraformElement` refuses an id holding a string token marker
    /// (`${TfToken[...]}`): "You cannot use a token (e.g., a reference to an attribute) as the
    /// id of a construct"; a list marker (`#{TfToken[...]}`) fails when the construct's path is
    /// resolved.
    #[error("the construct id holds {}, a cdktf token marker (cdktf: \"You cannot use a token (e.g., a reference to an attribute) as the id of a construct\")", crate::quote::quoted(.0, crate::i18n::Lang::En))]
    Token(String),
    /// A logical id `__proto__` (from an id such as `"__proto__!"`): cdktf's `deepMerge`
    /// assigns the construct's JSON to `Object.prototype` instead of a key, so the construct
    /// vanishes from `cdk.tf.json` (seen with the real cdktf) and its attributes leak into
    /// every object merged after it.
    #[error("the construct id gives the logical id \"__proto__\", JavaScript's prototype slot: cdktf would leave the construct out of cdk.tf.json")]
    ProtoLogicalId,
}

/// The properties of JavaScript's `Object.prototype` (Node 20), which every plain object
/// already has: constructs' `addChild` tests `this._children[childName]` and refuses an id
/// equal to one of them as a duplicate. Seen with the real cdktf: `Instance(self,
/// "valueOf")` raises "There is already a Construct with name 'valueOf' in TerraformStack".
pub const OBJECT_PROTOTYPE_PROPERTIES: &[&str] = &[
    "__defineGetter__",
    "__defineSetter__",
    "__lookupGetter__",
    "__lookupSetter__",
    "__proto__",
    "constructor",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toLocaleString",
    "toString",
    "valueOf",
];

/// The first cdktf string or list token marker in `s`, `${TfToken[<key>]}` or
/// `#{TfToken[<key>]}` with a key of `A-Z a-z 0-9 : . _ -` (the regexes of
/// `cdktf/lib/tokens/private/encoding.js`). cdktf's `resolve` replaces a string marker by the
/// token it names or fails ("Unrecognized Token Key"), and refuses a list marker ("Found an
/// encoded list token string in a scalar string context"), wherever it is in a string.
pub fn token_marker(s: &str) -> Option<&str> {
    find_marker(s, &["$", "#"])
}

/// The first token marker in a map key: those of [`token_marker`], and the map marker
/// `&{TfToken[<key>]}`, which cdktf's `resolve` looks for in keys only ("Cannot add elements
/// to map token"; in a value, the real cdktf keeps it as written).
pub fn key_token_marker(s: &str) -> Option<&str> {
    find_marker(s, &["$", "#", "&"])
}

/// The first map token marker `&{TfToken[<key>]}` in `s`: cdktf's `Token.isUnresolved`
/// says a map holding one in a key is a token (`containsMapToken`).
pub fn map_token_marker(s: &str) -> Option<&str> {
    find_marker(s, &["&"])
}

fn find_marker<'a>(s: &'a str, sigils: &[&str]) -> Option<&'a str> {
    let mut from = 0;
    while let Some(at) = s[from..].find("{TfToken[").map(|i| i + from) {
        from = at + 1;
        let Some(sigil) = at.checked_sub(1).and_then(|i| s.get(i..at)) else {
            continue;
        };
        if !sigils.contains(&sigil) {
            continue;
        }
        let key_start = at + "{TfToken[".len();
        let key_len = s[key_start..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'.' | b'_' | b'-'))
            .count();
        let end = key_start + key_len;
        if key_len > 0 && s[end..].starts_with("]}") {
            return s.get(at - 1..end + 2);
        }
    }
    None
}

/// Refuses the construct ids constructs or cdktf refuse for any construct (resource,
/// provider or output), beyond [`logical_id`]'s own refusals: an empty id, a name of
/// `Object.prototype` ([`OBJECT_PROTOTYPE_PROPERTIES`], compared once sanitized as
/// constructs compares it) and an id with a token marker ([`token_marker`]).
pub fn check_construct_id(id: &str) -> Result<(), ConstructIdError> {
    if id.is_empty() {
        return Err(ConstructIdError::Empty);
    }
    let sanitized = sanitize_id(id);
    if OBJECT_PROTOTYPE_PROPERTIES.contains(&sanitized.as_str()) {
        return Err(ConstructIdError::ObjectPrototype(sanitized));
    }
    if let Some(marker) = token_marker(id) {
        return Err(ConstructIdError::Token(marker.to_owned()));
    }
    Ok(())
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
/// Errors: [`ConstructIdError::Empty`] for `""`, [`ConstructIdError::Default`] for `"Default"`,
/// [`ConstructIdError::ProtoLogicalId`] when the logical id would be `__proto__`.
pub fn logical_id(id: &str) -> Result<String, ConstructIdError> {
    if id.is_empty() {
        return Err(ConstructIdError::Empty);
    }
    let component = sanitize_id(id);
    if component == "Default" {
        return Err(ConstructIdError::Default);
    }
    let candidate = remove_disallowed(&component);
    if candidate == "__proto__" {
        return Err(ConstructIdError::ProtoLogicalId);
    }
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
    fn ids_constructs_or_cdktf_refuse() {
        assert_eq!(check_construct_id("web"), Ok(()));
        assert_eq!(check_construct_id("constructor!"), Ok(()));
        assert_eq!(
            check_construct_id("valueOf"),
            Err(ConstructIdError::ObjectPrototype("valueOf".into()))
        );
        assert_eq!(
            check_construct_id("a ${TfToken[TOKEN.1]}"),
            Err(ConstructIdError::Token("${TfToken[TOKEN.1]}".into()))
        );
        assert_eq!(check_construct_id(""), Err(ConstructIdError::Empty));
    }

    #[test]
    fn token_markers_follow_the_cdktf_regexes() {
        let table = [
            ("plain ${HOME}", None),
            ("${TfToken[TOKEN.1]}", Some("${TfToken[TOKEN.1]}")),
            ("x #{TfToken[a:b_c-d]} y", Some("#{TfToken[a:b_c-d]}")),
            ("&{TfToken[K]}", None),
            ("%{TfToken[K]}", None),
            ("${TfToken[]}", None),
            ("${TfToken[a b]}", None),
            ("{TfToken[K]}", None),
            ("é${TfToken[${TfToken[K]}", Some("${TfToken[K]}")),
        ];
        for (s, want) in table {
            assert_eq!(token_marker(s), want, "{s:?}");
        }
        assert_eq!(key_token_marker("&{TfToken[K]}"), Some("&{TfToken[K]}"));
        assert_eq!(logical_id("__proto__!"), Err(ConstructIdError::ProtoLogicalId));
        assert_eq!(logical_id("__proto_").as_deref(), Ok("__proto_"));
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
