//! Share links: the stack carried in the URL fragment.
//!
//! A link's fragment is `s1.<payload>`: `s1` is the version of this format, the payload the
//! stack document (compact JSON, as [`serde_json`] writes a [`Stack`]) compressed with raw
//! deflate and written in base64url without padding. The document inside carries its own
//! `"version"`, read by [`ec2_playground_core::load_stack`], so both layers can evolve and
//! older links keep opening.
//!
//! Pure code: the browser side (reading and writing `location.hash`) is in
//! [`crate::services::location`].

use std::io::{Read, Write};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use ec2_playground_core::{load_stack, Lang, LoadError, Stack};
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;

/// The prefix of a version-1 link fragment.
pub const LINK_PREFIX_V1: &str = "s1.";

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
    let json = serde_json::to_string(stack).map_err(|_| LinkError::Corrupt)?;
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(json.as_bytes()).map_err(|_| LinkError::Corrupt)?;
    let packed = encoder.finish().map_err(|_| LinkError::Corrupt)?;
    let fragment = format!("{LINK_PREFIX_V1}{}", URL_SAFE_NO_PAD.encode(packed));
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLong { chars: fragment.len() });
    }
    Ok(fragment)
}

/// The stack a link's fragment (without `#`) carries. Never panics, whatever the text.
pub fn decode(fragment: &str) -> Result<Stack, LinkError> {
    let chars = fragment.chars().count();
    if chars > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLong { chars });
    }
    let Some(payload) = fragment.strip_prefix(LINK_PREFIX_V1) else {
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
    load_stack(&text).map_err(LinkError::Stack)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::Example;

    #[test]
    fn every_example_round_trips() {
        for example in Example::ALL {
            let stack = example.stack();
            let fragment = encode(&stack).expect("fits in a link");
            assert!(fragment.starts_with("s1."));
            assert!(fragment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
            assert_eq!(decode(&fragment), Ok(stack));
        }
    }

    #[test]
    fn the_lab_link_is_short() {
        let fragment = encode(&Example::Lab.stack()).expect("fits");
        assert!(fragment.len() < 2000, "{}", fragment.len());
    }

    #[test]
    fn broken_links_say_why() {
        assert_eq!(decode("hello"), Err(LinkError::UnknownFormat { start: "hello".into() }));
        assert!(matches!(decode("s2.abc"), Err(LinkError::UnknownFormat { .. })));
        assert_eq!(decode("s1.@@@"), Err(LinkError::NotBase64));
        assert_eq!(decode("s1.AAAA"), Err(LinkError::Corrupt));
        let good = encode(&Example::Lab.stack()).expect("fits");
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

    #[test]
    fn a_deflate_bomb_is_refused() {
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&vec![b' '; MAX_DOCUMENT_BYTES * 2]).expect("writes");
        let fragment = format!("s1.{}", URL_SAFE_NO_PAD.encode(encoder.finish().expect("finishes")));
        assert!(fragment.len() < MAX_FRAGMENT_CHARS);
        assert_eq!(decode(&fragment), Err(LinkError::Corrupt));
    }
}
