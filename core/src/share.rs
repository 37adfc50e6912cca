//! Share links: the stack carried in the URL fragment.
//!
//! A link's fragment is `s1.<payload>` or `s2.<payload>`: the prefix is the version of this
//! format, the payload compact JSON compressed with raw deflate and written in base64url
//! without padding. In `s1` the JSON is the stack document (as [`serde_json`] writes a
//! [`Stack`]); in `s2`, written when the learner has their own code, it is
//! `{"stack": <document>, "main_py": "...", "user_data_py": "...", "lab": {...}}`
//! (`user_data_py` only when there is one; `lab`, the learner's [`LabProgress`], only when
//! they are in a lab other than the course's or ticked a step by hand; an `s2` link may
//! carry a lab without code). The document inside carries its own `"version"`, read by
//! [`crate::load_stack`], so both layers can evolve and older links keep opening.
//!
//! Pure code, in the core so that it is fuzzed natively (`fuzz/fuzz_targets/share_decode.rs`);
//! the web crate re-exports it as `share`, and reads and writes `location.hash` in its
//! `services::location`.

use std::io::{Read, Write};

use crate::{load_stack, LabProgress, Lang, LoadError, Stack};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;

/// The prefix of a version-1 link fragment (the stack alone).
pub const LINK_PREFIX_V1: &str = "s1.";
/// The prefix of a version-2 link fragment (the stack and the learner's code).
pub const LINK_PREFIX_V2: &str = "s2.";

/// What a link carries: a stack, and the learner's code (`main.py`, `user_data.py`) when
/// they had some.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    /// The stack.
    pub stack: Stack,
    /// `main.py` and `user_data.py`, as the learner wrote them.
    pub code: Option<(String, Option<String>)>,
    /// Where the learner stood in a lab. A link whose lab part does not read still opens
    /// its stack, without it.
    pub lab: Option<LabProgress>,
}

/// The longest fragment this playground writes or reads (characters). Browsers accept
/// far longer URLs, but chat tools, mail clients and course pages cut them.
pub const MAX_FRAGMENT_CHARS: usize = 16 * 1024;

/// The largest stack document a link may unpack to (bytes): a bound against a crafted
/// link that inflates without end.
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;

/// Why a link could not be written or opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The stack is too large to travel in a link, or the link is longer than we read.
    TooLong {
        /// Characters the fragment has or would have.
        chars: usize,
    },
    /// A fragment that is no playground link at all, or of a version this build does not know.
    UnknownFormat {
        /// The first characters of the fragment, to show.
        start: String,
    },
    /// The payload is not base64url (the link was cut or altered when copied).
    NotBase64,
    /// The payload does not unpack (cut or altered), or unpacks to more than we accept.
    Corrupt,
    /// The payload unpacks, but not to a stack document this playground reads.
    Stack(LoadError),
}

impl LinkError {
    /// What went wrong, in the learner's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LinkError::TooLong { chars }, Lang::Fr) => format!(
                "Le lien fait {chars} caractères, plus que les {MAX_FRAGMENT_CHARS} qu'un lien de partage peut porter. Téléchargez plutôt le projet (zip)."
            ),
            (LinkError::TooLong { chars }, Lang::En) => format!(
                "The link is {chars} characters long, more than the {MAX_FRAGMENT_CHARS} a share link may carry. Download the project (zip) instead."
            ),
            (LinkError::UnknownFormat { start }, Lang::Fr) => format!(
                "L'adresse se termine par « #{start} », qui n'est pas un lien de partage de ce playground (ou vient d'une version plus récente)."
            ),
            (LinkError::UnknownFormat { start }, Lang::En) => format!(
                "The address ends with “#{start}”, which is not a share link of this playground (or comes from a newer version)."
            ),
            (LinkError::NotBase64, Lang::Fr) => {
                "Le lien de partage est abîmé (caractères inattendus) : il a sans doute été coupé ou modifié en le copiant.".to_owned()
            }
            (LinkError::NotBase64, Lang::En) => {
                "The share link is damaged (unexpected characters): it was probably cut or altered when copied.".to_owned()
            }
            (LinkError::Corrupt, Lang::Fr) => {
                "Le lien de partage est incomplet ou abîmé : il a sans doute été coupé en le copiant.".to_owned()
            }
            (LinkError::Corrupt, Lang::En) => {
                "The share link is incomplete or damaged: it was probably cut when copied.".to_owned()
            }
            (LinkError::Stack(e), Lang::Fr) => format!("Le lien porte une stack illisible : {}", e.message(lang)),
            (LinkError::Stack(e), Lang::En) => format!("The link carries an unreadable stack: {}", e.message(lang)),
        }
    }
}

/// The fragment (without `#`) of a link to `stack`.
///
/// Errors: [`LinkError::TooLong`] when it would be longer than [`MAX_FRAGMENT_CHARS`].
pub fn encode(stack: &Stack) -> Result<String, LinkError> {
    encode_with_code(stack, None)
}

/// The fragment (without `#`) of a link to `stack` and the learner's code (`main.py`,
/// `user_data.py`): `s2` with code, `s1` without.
///
/// Errors: [`LinkError::TooLong`] when it would be longer than [`MAX_FRAGMENT_CHARS`].
pub fn encode_with_code(stack: &Stack, code: Option<(&str, Option<&str>)>) -> Result<String, LinkError> {
    encode_with(stack, code, None)
}

/// The fragment (without `#`) of a link to `stack`, the learner's code and where they stand
/// in a lab: `s2` with code or a lab, `s1` with neither.
///
/// Errors: [`LinkError::TooLong`] when it would be longer than [`MAX_FRAGMENT_CHARS`].
pub fn encode_with(
    stack: &Stack,
    code: Option<(&str, Option<&str>)>,
    lab: Option<&LabProgress>,
) -> Result<String, LinkError> {
    let (prefix, json) = if code.is_none() && lab.is_none() {
        (LINK_PREFIX_V1, serde_json::to_string(stack))
    } else {
        let mut doc = serde_json::Map::new();
        doc.insert(
            "stack".into(),
            serde_json::to_value(stack).map_err(|_| LinkError::Corrupt)?,
        );
        if let Some((main_py, user_data_py)) = code {
            doc.insert("main_py".into(), main_py.into());
            if let Some(text) = user_data_py {
                doc.insert("user_data_py".into(), text.into());
            }
        }
        if let Some(lab) = lab {
            doc.insert("lab".into(), serde_json::to_value(lab).map_err(|_| LinkError::Corrupt)?);
        }
        (LINK_PREFIX_V2, serde_json::to_string(&doc))
    };
    let json = json.map_err(|_| LinkError::Corrupt)?;
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(json.as_bytes()).map_err(|_| LinkError::Corrupt)?;
    let packed = encoder.finish().map_err(|_| LinkError::Corrupt)?;
    let fragment = format!("{prefix}{}", URL_SAFE_NO_PAD.encode(packed));
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLong { chars: fragment.len() });
    }
    Ok(fragment)
}

/// What a link's fragment (without `#`) carries. Never panics, whatever the text.
pub fn decode(fragment: &str) -> Result<Shared, LinkError> {
    let chars = fragment.chars().count();
    if chars > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLong { chars });
    }
    let (version, payload) = if let Some(p) = fragment.strip_prefix(LINK_PREFIX_V1) {
        (1, p)
    } else if let Some(p) = fragment.strip_prefix(LINK_PREFIX_V2) {
        (2, p)
    } else {
        return Err(LinkError::UnknownFormat {
            start: fragment.chars().take(12).collect(),
        });
    };
    // Some mail clients append the padding or a trailing newline; neither is data.
    let payload = payload.trim_end_matches(['=', '\n', '\r', ' ']);
    let packed = URL_SAFE_NO_PAD.decode(payload).map_err(|_| LinkError::NotBase64)?;
    let mut json = Vec::new();
    let limit = u64::try_from(MAX_DOCUMENT_BYTES).unwrap_or(u64::MAX).saturating_add(1);
    DeflateDecoder::new(packed.as_slice())
        .take(limit)
        .read_to_end(&mut json)
        .map_err(|_| LinkError::Corrupt)?;
    if json.len() > MAX_DOCUMENT_BYTES {
        return Err(LinkError::Corrupt);
    }
    let text = String::from_utf8(json).map_err(|_| LinkError::Corrupt)?;
    if version == 1 {
        let stack = load_stack(&text).map_err(LinkError::Stack)?;
        return Ok(Shared {
            stack,
            code: None,
            lab: None,
        });
    }
    let serde_json::Value::Object(mut doc) = serde_json::from_str(&text).map_err(|_| LinkError::Corrupt)? else {
        return Err(LinkError::Corrupt);
    };
    let stack = doc.remove("stack").ok_or(LinkError::Corrupt)?;
    let stack = load_stack(&stack.to_string()).map_err(LinkError::Stack)?;
    let text = |v: Option<serde_json::Value>| match v {
        Some(serde_json::Value::String(s)) => Ok(Some(s)),
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(_) => Err(LinkError::Corrupt),
    };
    let main_py = text(doc.remove("main_py"))?;
    let user_data_py = text(doc.remove("user_data_py"))?;
    let lab = doc.remove("lab").and_then(|v| LabProgress::parse(&v.to_string()));
    Ok(Shared {
        stack,
        code: main_py.map(|m| (m, user_data_py)),
        lab,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixture's stack document (`tests/fixtures/*/stack.json`), by name.
    fn fixtures() -> Vec<(String, Stack)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("tests/fixtures is readable") {
            let path = entry.expect("a directory entry").path().join("stack.json");
            let text = std::fs::read_to_string(&path).expect("each fixture has a stack.json");
            let stack = load_stack(&text).expect("each fixture's stack.json loads");
            out.push((path.display().to_string(), stack));
        }
        assert!(out.len() > 10, "{} fixtures", out.len());
        out
    }

    fn lab() -> Stack {
        let text = include_str!("../../tests/fixtures/ec2-lab/stack.json");
        load_stack(text).expect("the lab fixture loads")
    }

    #[test]
    fn every_fixture_round_trips() {
        let mut linked = 0;
        for (path, stack) in fixtures() {
            let fragment = match encode(&stack) {
                Ok(f) => f,
                // A stack too large for a link (the fixtures of overlong ids) says so.
                Err(LinkError::TooLong { chars }) => {
                    assert!(chars > MAX_FRAGMENT_CHARS, "{path}: {chars}");
                    continue;
                }
                Err(e) => panic!("{path}: {e:?}"),
            };
            assert!(fragment.starts_with("s1."));
            assert!(fragment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
            assert_eq!(
                decode(&fragment),
                Ok(Shared {
                    stack,
                    code: None,
                    lab: None
                }),
                "{path}"
            );
            linked += 1;
        }
        assert!(linked > 10, "only {linked} fixtures fit in a link");
    }

    #[test]
    fn the_learners_code_travels_with_the_stack() {
        let stack = lab();
        let main_py = "# mon code\nprint('é')\n";
        let fragment = encode_with_code(&stack, Some((main_py, Some("USER_DATA = 'x'\n")))).expect("fits");
        assert!(fragment.starts_with("s2."));
        let shared = decode(&fragment).expect("opens");
        assert_eq!(shared.stack, stack);
        assert_eq!(
            shared.code,
            Some((main_py.to_owned(), Some("USER_DATA = 'x'\n".to_owned())))
        );
        let without = decode(&encode_with_code(&stack, Some((main_py, None))).expect("fits")).expect("opens");
        assert_eq!(without.code, Some((main_py.to_owned(), None)));
    }

    #[test]
    fn the_lab_progress_travels_with_or_without_code() {
        let stack = lab();
        let progress = LabProgress {
            lab: "module-2-ec2".into(),
            ticked: vec!["synth".into(), "deploy".into()],
            file: None,
        };
        let fragment = encode_with(&stack, None, Some(&progress)).expect("fits");
        assert!(fragment.starts_with("s2."));
        let shared = decode(&fragment).expect("opens");
        assert_eq!(
            (shared.stack, shared.code, shared.lab),
            (stack.clone(), None, Some(progress.clone()))
        );
        let both =
            decode(&encode_with(&stack, Some(("x = 1\n", None)), Some(&progress)).expect("fits")).expect("opens");
        assert_eq!(both.code, Some(("x = 1\n".to_owned(), None)));
        assert_eq!(both.lab, Some(progress));
        // A lab part that does not read: the stack still opens, without it.
        let mut doc = serde_json::Map::new();
        doc.insert(
            "stack".into(),
            serde_json::to_value(&stack).expect("a stack serializes"),
        );
        doc.insert("lab".into(), serde_json::json!({"lab": 7}));
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder
            .write_all(serde_json::Value::Object(doc).to_string().as_bytes())
            .expect("writes to memory");
        let packed = encoder.finish().expect("writes to memory");
        let odd = decode(&format!("{LINK_PREFIX_V2}{}", URL_SAFE_NO_PAD.encode(packed))).expect("opens");
        assert_eq!((odd.stack, odd.lab), (stack, None));
    }

    #[test]
    fn the_lab_link_is_short() {
        let fragment = encode(&lab()).expect("fits");
        assert!(fragment.len() < 2000, "{}", fragment.len());
    }

    #[test]
    fn broken_links_say_why() {
        assert_eq!(decode("hello"), Err(LinkError::UnknownFormat { start: "hello".into() }));
        assert!(matches!(decode("s3.abc"), Err(LinkError::UnknownFormat { .. })));
        assert!(matches!(
            decode("s2.abc"),
            Err(LinkError::Corrupt | LinkError::NotBase64)
        ));
        assert_eq!(decode("s1.@@@"), Err(LinkError::NotBase64));
        assert_eq!(decode("s1.AAAA"), Err(LinkError::Corrupt));
        let good = encode(&lab()).expect("fits");
        for cut in [good.len() / 2, good.len() / 2 + 1, good.len() - 1] {
            assert!(matches!(
                decode(&good[..cut]),
                Err(LinkError::Corrupt | LinkError::NotBase64)
            ));
        }
        let long = format!("s1.{}", "A".repeat(MAX_FRAGMENT_CHARS));
        assert!(matches!(decode(&long), Err(LinkError::TooLong { .. })));
        for lang in [Lang::Fr, Lang::En] {
            assert!(!LinkError::Corrupt.message(lang).is_empty());
        }
    }

    #[test]
    fn a_valid_payload_with_a_bad_document_names_the_fault() {
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(br#"{"version": 9, "name": "x"}"#).expect("writes");
        let fragment = format!("s1.{}", URL_SAFE_NO_PAD.encode(encoder.finish().expect("finishes")));
        assert!(matches!(
            decode(&fragment),
            Err(LinkError::Stack(LoadError::UnknownVersion { .. }))
        ));
    }

    /// Found by fuzzing (fuzz/fuzz_targets/share_decode.rs): a link whose document had text
    /// after its object opened with `version: 0`, and its own re-encoded link did not open.
    #[test]
    fn a_document_with_text_after_it_is_refused() {
        let fragment = "s1.q1YqSy0qzszPU7Iy0FHKS8xNVbJSKq7MTcrPKc7UNVTSUUrOSSwujofK-FYGlyQmZwOFi1KL80uLklOLlayiY2sB";
        // That is `{"version":0,"name":"symbolsi-1","class_name":"MyStack","resources":[]}`, the
        // re-encoding of the first decode; the fuzzer's input had `}},{...` after the object.
        assert_eq!(
            decode(fragment),
            Err(LinkError::Stack(LoadError::UnknownVersion { found: "0".into() }))
        );
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::fast());
        encoder
            .write_all(br#"{"version":0,"name":"symbolsi-1"}},{"TerraformOutput":{"id":"o/p","value":"y"}}]}"#)
            .expect("writes");
        let fragment = format!("s1.{}", URL_SAFE_NO_PAD.encode(encoder.finish().expect("finishes")));
        assert!(matches!(
            decode(&fragment),
            Err(LinkError::Stack(LoadError::Invalid { column: 34, .. }))
        ));
    }

    #[test]
    fn a_deflate_bomb_is_refused() {
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&vec![b' '; MAX_DOCUMENT_BYTES * 2]).expect("writes");
        let fragment = format!("s1.{}", URL_SAFE_NO_PAD.encode(encoder.finish().expect("finishes")));
        assert!(fragment.len() < MAX_FRAGMENT_CHARS);
        assert_eq!(decode(&fragment), Err(LinkError::Corrupt));
    }
}
