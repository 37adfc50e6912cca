//! Key pairs: the public key, the name, and whether anything uses it.
//!
//! Sources: EC2 `ImportKeyPair` (key names up to 255 ASCII characters, unique in the
//! region; formats and types in [`super::public_key`]).

use super::catalog::*;
use super::public_key::{self, KeyProblem};
use super::{t, Cx, Sink};
use crate::model::{KeyPair, Resource};

/// The longest key pair name EC2 takes.
pub const MAX_KEY_NAME: usize = 255;

pub(super) fn check(cx: &Cx, sink: &mut Sink, i: usize, key: &KeyPair) {
    if let Some(name) = key.key_name.as_deref() {
        if name.is_empty() || name.len() > MAX_KEY_NAME || !name.is_ascii() {
            sink.push(
                &KEY_NAME_INVALID,
                i,
                "key_name",
                t(
                    format!("EC2 veut un nom de paire de clés de 1 à {MAX_KEY_NAME} caractères ASCII (sans accents) ; « {name} » n'en est pas un."),
                    format!("EC2 wants a key pair name of 1 to {MAX_KEY_NAME} ASCII characters (no accents); \"{name}\" is not one."),
                ),
                t("Par exemple : key_name=\"deployer-key\".", "For instance: key_name=\"deployer-key\"."),
            );
        }
        let earlier =
            cx.first_key_name
                .get(name)
                .copied()
                .filter(|&k| k < i)
                .and_then(|k| match cx.stack.resources.get(k) {
                    Some(Resource::KeyPair(other)) => Some((k, other.id.as_str())),
                    _ => None,
                });
        if let Some((k, other)) = earlier {
            sink.push(
                &KEY_NAME_DUPLICATE,
                i,
                "key_name",
                t(
                    format!("La paire de clés resources[{k}] (« {other} ») s'appelle déjà « {name} » : EC2 refusera la seconde (InvalidKeyPair.Duplicate)."),
                    format!("The key pair resources[{k}] (\"{other}\") is already named \"{name}\": EC2 will refuse the second (InvalidKeyPair.Duplicate)."),
                ),
                t("Donnez à chaque paire de clés un nom différent.", "Give each key pair its own name."),
            );
        }
    }
    check_public_key(sink, i, &key.public_key);
    let used = cx.key_pairs_referenced.contains(&i)
        || key
            .key_name
            .as_deref()
            .is_some_and(|name| cx.key_names_written.contains(name));
    if !used {
        sink.push(
            &KEY_PAIR_UNUSED,
            i,
            "",
            t(
                "Aucune instance n'utilise cette paire de clés : elle sera importée dans EC2 sans servir.",
                "No instance uses this key pair: it will be imported into EC2 for nothing.",
            ),
            t(
                "Passez key_name=key.key_name à l'instance, ou retirez la paire de clés.",
                "Pass key_name=key.key_name to the instance, or remove the key pair.",
            ),
        );
    }
    super::names::check_tags(cx, sink, i, "tags", key.tags.as_ref());
}

/// The sample public key of the playground's lab and examples: a real ED25519 key (EC2
/// imports it) whose private half was never kept.
pub const SAMPLE_KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAII/0VvFZoY6hPLOzUek7DlT9fQta3PV30SbAJJJ1HaFI exemple@ec2-playground";

fn check_public_key(sink: &mut Sink, i: usize, key: &str) {
    let hint = t(
        "Collez le contenu de votre fichier .pub (par exemple ~/.ssh/id_ed25519.pub, créé par « ssh-keygen -t ed25519 ») : une seule ligne « ssh-ed25519 AAAA... ».",
        "Paste the content of your .pub file (for instance ~/.ssh/id_ed25519.pub, made by \"ssh-keygen -t ed25519\"): a single line \"ssh-ed25519 AAAA...\".",
    );
    let message = match public_key::check(key) {
        Ok(()) if key.split_whitespace().nth(1) == SAMPLE_KEY.split_whitespace().nth(1) => {
            sink.push(
                &KEY_SAMPLE,
                i,
                "public_key",
                t(
                    "C'est la clé d'exemple du playground : EC2 l'importera, mais personne n'a sa clé privée, donc personne ne pourra se connecter en SSH.",
                    "This is the playground's sample key: EC2 will import it, but nobody holds its private key, so nobody will connect over SSH.",
                ),
                hint,
            );
            return;
        }
        Ok(()) => return,
        Err(KeyProblem::Private) => {
            sink.push(
                &KEY_PRIVATE,
                i,
                "public_key",
                t(
                    "C'est une clé PRIVÉE : EC2 ne l'importera pas, et elle ne doit jamais quitter votre machine ni entrer dans le code ou dans Git.",
                    "This is a PRIVATE key: EC2 will not import it, and it must never leave your machine nor go into code or Git.",
                ),
                t(
                    "Collez la clé publique (le fichier .pub). Considérez cette clé privée comme compromise : générez-en une nouvelle.",
                    "Paste the public key (the .pub file). Consider this private key compromised: generate a new one.",
                ),
            );
            return;
        }
        Err(KeyProblem::Empty) => t("La clé publique est vide.", "The public key is empty."),
        Err(KeyProblem::UnsupportedType(kind)) => t(
            format!("EC2 n'importe que des clés RSA et ED25519, pas {kind}."),
            format!("EC2 imports RSA and ED25519 keys only, not {kind}."),
        ),
        Err(KeyProblem::NotAKey) => t(
            "Ce texte n'est pas une clé publique qu'EC2 sait lire (format OpenSSH « ssh-ed25519 AAAA... » ou « ssh-rsa AAAA... »).",
            "This text is not a public key EC2 can read (OpenSSH format \"ssh-ed25519 AAAA...\" or \"ssh-rsa AAAA...\").",
        ),
        Err(KeyProblem::BadBase64) => t(
            "La partie encodée de la clé n'est pas du base64 valide : la clé a été mal copiée.",
            "The encoded part of the key is not valid base64: the key was copied badly.",
        ),
        Err(KeyProblem::BadBlob { en, fr }) => t(
            format!("EC2 refusera cette clé (InvalidKey.Format) : {fr}."),
            format!("EC2 will refuse this key (InvalidKey.Format): {en}."),
        ),
    };
    sink.push(&KEY_FORMAT, i, "public_key", message, hint);
}
