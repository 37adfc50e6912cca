//! Public keys as EC2's `ImportKeyPair` takes them.
//!
//! Source: <https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/create-key-pairs.html>
//! ("Import a public key"): OpenSSH public key format (the `authorized_keys` line), base64
//! DER, or the SSH2 format of RFC 4716; RSA and ED25519 keys only (no DSA, no ECDSA).
//! The OpenSSH blob is read as RFC 4253 §6.6 (RSA) and RFC 8709 §4 (ED25519) define it.

use base64::Engine as _;

/// What is wrong with a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    /// A private key (`-----BEGIN OPENSSH PRIVATE KEY-----`...).
    Private,
    /// Nothing there.
    Empty,
    /// A key type EC2 does not import (`ssh-dss`, `ecdsa-sha2-nistp256`...).
    UnsupportedType(String),
    /// A first word that is no key type at all.
    NotAKey,
    /// The base64 part does not decode.
    BadBase64,
    /// The decoded key is not what its type says; in English and French.
    BadBlob { en: String, fr: String },
}

/// Key types EC2 knows of but refuses to import.
const REFUSED: &[&str] = &[
    "ssh-dss",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
];

/// Checks `key` as EC2 would import it. Never panics.
pub fn check(key: &str) -> Result<(), KeyProblem> {
    let key = key.trim();
    if key.contains("PRIVATE KEY") {
        return Err(KeyProblem::Private);
    }
    if key.is_empty() {
        return Err(KeyProblem::Empty);
    }
    // RFC 4716 and PEM/DER forms: EC2 reads them; their inside is not checked here.
    if key.starts_with("---- BEGIN SSH2 PUBLIC KEY ----") || key.starts_with("-----BEGIN PUBLIC KEY-----") {
        return Ok(());
    }
    let mut words = key.split_whitespace();
    let kind = words.next().unwrap_or_default();
    if key.starts_with("MII") && !key.contains(char::is_whitespace) {
        return decode(key).map(|_| ());
    }
    if REFUSED.contains(&kind) {
        return Err(KeyProblem::UnsupportedType(kind.to_owned()));
    }
    if kind != "ssh-rsa" && kind != "ssh-ed25519" {
        return Err(KeyProblem::NotAKey);
    }
    let blob = decode(words.next().unwrap_or_default())?;
    check_blob(kind, &blob)
}

fn decode(text: &str) -> Result<Vec<u8>, KeyProblem> {
    let engines = [
        base64::engine::general_purpose::STANDARD,
        base64::engine::general_purpose::STANDARD_NO_PAD,
    ];
    engines
        .iter()
        .find_map(|e| e.decode(text).ok())
        .filter(|b| !b.is_empty())
        .ok_or(KeyProblem::BadBase64)
}

/// Reads one SSH `string` (u32 big-endian length, then bytes) from `blob` at `*at`.
fn read_string<'a>(blob: &'a [u8], at: &mut usize) -> Option<&'a [u8]> {
    let len_bytes: [u8; 4] = blob.get(*at..*at + 4)?.try_into().ok()?;
    let len = u32::from_be_bytes(len_bytes) as usize;
    let start = *at + 4;
    let out = blob.get(start..start.checked_add(len)?)?;
    *at = start + len;
    Some(out)
}

fn bad(en: String, fr: String) -> KeyProblem {
    KeyProblem::BadBlob { en, fr }
}

fn check_blob(kind: &str, blob: &[u8]) -> Result<(), KeyProblem> {
    let mut at = 0;
    let truncated = || {
        bad(
            "the key is truncated: its data ends before what it announces".to_owned(),
            "la clé est tronquée : ses données s'arrêtent avant ce qu'elles annoncent".to_owned(),
        )
    };
    let inner = read_string(blob, &mut at).ok_or_else(truncated)?;
    if inner != kind.as_bytes() {
        return Err(bad(
            format!(
                "the key says {kind} outside but {} inside",
                String::from_utf8_lossy(inner)
            ),
            format!(
                "la clé annonce {kind} au début mais {} à l'intérieur",
                String::from_utf8_lossy(inner)
            ),
        ));
    }
    match kind {
        "ssh-ed25519" => {
            let Some(point) = read_string(blob, &mut at) else {
                let left = blob.len().saturating_sub(at + 4);
                return Err(bad(
                    format!("an ED25519 key holds 32 bytes; this one holds {left}: it is truncated or made up"),
                    format!("une clé ED25519 contient 32 octets ; celle-ci en contient {left} : elle est tronquée ou inventée"),
                ));
            };
            if point.len() != 32 {
                return Err(bad(
                    format!("an ED25519 key holds 32 bytes; this one holds {}", point.len()),
                    format!(
                        "une clé ED25519 contient 32 octets ; celle-ci en contient {}",
                        point.len()
                    ),
                ));
            }
        }
        _ => {
            let _exponent = read_string(blob, &mut at).ok_or_else(truncated)?;
            let modulus = read_string(blob, &mut at).ok_or_else(truncated)?;
            let leading = modulus.iter().take_while(|b| **b == 0).count();
            let bits = (modulus.len() - leading) * 8;
            if bits < 1024 {
                return Err(bad(
                    format!("an RSA key of about {bits} bits: EC2 wants 1024 bits or more (2048 or 4096 advised)"),
                    format!("une clé RSA d'environ {bits} bits : EC2 en veut au moins 1024 (2048 ou 4096 conseillés)"),
                ));
            }
        }
    }
    if at != blob.len() {
        return Err(bad(
            "the key has extra bytes after its end".to_owned(),
            "la clé a des octets en trop après sa fin".to_owned(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn openssh(kind: &str, parts: &[&[u8]]) -> String {
        let mut blob = Vec::new();
        for p in std::iter::once(&kind.as_bytes()).chain(parts) {
            blob.extend_from_slice(&(p.len() as u32).to_be_bytes());
            blob.extend_from_slice(p);
        }
        format!(
            "{kind} {} me@host",
            base64::engine::general_purpose::STANDARD.encode(blob)
        )
    }

    #[test]
    fn good_keys() {
        assert_eq!(check(&openssh("ssh-ed25519", &[&[7u8; 32]])), Ok(()));
        let mut n = vec![0u8];
        n.extend([0xC5u8; 256]);
        assert_eq!(check(&openssh("ssh-rsa", &[&[1, 0, 1], &n])), Ok(()));
        assert_eq!(
            check("---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n---- END SSH2 PUBLIC KEY ----"),
            Ok(())
        );
    }

    #[test]
    fn bad_keys() {
        assert_eq!(
            check("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----"),
            Err(KeyProblem::Private)
        );
        assert_eq!(check("  "), Err(KeyProblem::Empty));
        assert_eq!(
            check(&openssh("ecdsa-sha2-nistp256", &[b"nistp256", &[4u8; 65]])),
            Err(KeyProblem::UnsupportedType("ecdsa-sha2-nistp256".into()))
        );
        assert_eq!(check("hello world"), Err(KeyProblem::NotAKey));
        assert_eq!(check("ssh-ed25519 %%%%"), Err(KeyProblem::BadBase64));
        assert_eq!(check("ssh-ed25519"), Err(KeyProblem::BadBase64));
        assert!(matches!(
            check(&openssh("ssh-ed25519", &[&[7u8; 31]])),
            Err(KeyProblem::BadBlob { .. })
        ));
        assert!(matches!(
            check(&openssh("ssh-rsa", &[&[1, 0, 1], &[0xC5; 64]])),
            Err(KeyProblem::BadBlob { .. })
        ));
        assert!(matches!(
            check(&openssh("ssh-ed25519", &[&[7u8; 32], b"x"])),
            Err(KeyProblem::BadBlob { .. })
        ));
    }

    #[test]
    fn the_course_placeholder_key_is_truncated() {
        let lab = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGZkZXBsb3llcmtleWV4YW1wbGVleGFtcGxlZXhhbXA user@host";
        match check(lab) {
            Err(KeyProblem::BadBlob { en, .. }) => assert!(en.contains("holds 31"), "{en}"),
            other => panic!("{other:?}"),
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = check(&s);
        }

        #[test]
        fn never_panics_on_blobs(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..80)) {
            let text = format!("ssh-rsa {}", base64::engine::general_purpose::STANDARD.encode(&bytes));
            let _ = check(&text);
            let text = format!("ssh-ed25519 {}", base64::engine::general_purpose::STANDARD.encode(&bytes));
            let _ = check(&text);
        }
    }
}
