//! The share-link fragment: `share::decode`.
//!
//! The first byte chooses the input: odd, the rest is the JSON a link carries (`s1` when the
//! byte's second bit is clear, `s2` when set), packed here as a link packs it, so that the
//! fuzzer reaches the document behind deflate and base64; even, the rest is the fragment as
//! typed. Law: a fragment that decodes re-encodes (unless too long for a link) to a fragment
//! that decodes to the same stack and code.
#![no_main]

use std::io::Write;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use ec2_playground_core::share::{decode, encode_with_code, LinkError};
use flate2::write::DeflateEncoder;
use flate2::Compression;
use libfuzzer_sys::fuzz_target;

fn packed(prefix: &str, json: &[u8]) -> Option<String> {
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(json).ok()?;
    Some(format!("{prefix}{}", URL_SAFE_NO_PAD.encode(encoder.finish().ok()?)))
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let fragment = if first & 1 == 1 {
        match packed(if first & 2 == 0 { "s1." } else { "s2." }, rest) {
            Some(f) => f,
            None => return,
        }
    } else {
        match std::str::from_utf8(rest) {
            Ok(text) => text.to_owned(),
            Err(_) => return,
        }
    };
    let Ok(shared) = decode(&fragment) else {
        return;
    };
    let code = shared.code.as_ref().map(|(m, u)| (m.as_str(), u.as_deref()));
    match encode_with_code(&shared.stack, code) {
        Ok(again) => assert_eq!(decode(&again).as_ref(), Ok(&shared), "{again}"),
        Err(LinkError::TooLong { .. }) => {}
        Err(e) => panic!("a decoded link does not encode: {e:?}"),
    }
});
