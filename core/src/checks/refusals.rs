//! What synth refuses, as findings: `check` runs [`crate::synth::synth_value`] and, when it
//! refuses the stack, reports an error at the same place unless another check already has.
//! This keeps the law "when synth refuses a stack, check reports an error at the same
//! path" (tested on generated stacks in `core/tests/law.rs`).
//!
//! Sources: cdktf's own refusals, listed on [`crate::synth::SynthError`] (stack names:
//! `throwIfIdContainsWhitespace` and `throwIfIdIsGlobCharacter` in
//! `cdktf/lib/terraform-stack.js`, the 255-byte file name of `cdktf.out/stacks/<name>`; token
//! markers; jsii's `__proto__`; `Fn.base64encode`'s unescaped quotes; JavaScript numbers).

use super::catalog::*;
use super::templates::excerpt;
use super::{t, Sink};
use crate::i18n::Lang;
use crate::model::Stack;
use crate::synth::{synth_value, SynthError, SynthOptions};

/// The path of the stack document a synth error is about: `name`, `resources` or
/// `resources[<i>]...`.
pub fn synth_error_path(e: &SynthError) -> String {
    match e {
        SynthError::InvalidStackName { .. } => "name".to_owned(),
        SynthError::MissingProvider => "resources".to_owned(),
        other => match other.site() {
            Some(site) if site.path.is_empty() => format!("resources[{}]", site.index),
            Some(site) => format!("resources[{}].{}", site.index, document_path(&site.path)),
            None => "resources".to_owned(),
        },
    }
}

/// Synth names a field by its JSON attributes (`tags.Name`, `default_tags[0].tags.x`); the
/// stack document and the checks write map keys as JSON strings (`tags["Name"]`,
/// `default_tags["x"]`).
fn document_path(path: &str) -> String {
    let path = path.replacen("default_tags[0].tags", "default_tags", 1);
    for map in ["default_tags.", "tags."] {
        if let Some(key) = path.strip_prefix(map) {
            let end = key.find(['.', '[']).unwrap_or(key.len());
            let quoted = serde_json::Value::String(key[..end].to_owned());
            return format!("{}[{quoted}]{}", &map[..map.len() - 1], &key[end..]);
        }
    }
    path
}

/// True when two paths name the same field, or one a part of the other
/// (`resources[4]` and `resources[4].id`; `resources[4].tags` and `resources[4].tags["a"]`).
pub fn same_place(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long == short || (long.starts_with(short) && long[short.len()..].starts_with(['.', '[']))
}

/// The reason cdktf gives for a stack name, in both languages.
fn stack_name_reason(reason: &str) -> (&'static str, &'static str) {
    if reason.contains("whitespace") {
        (
            "cdktf refuse les espaces dans un nom de stack (« Stack name must not contain whitespace »)",
            "cdktf refuses whitespace in a stack name (\"Stack name must not contain whitespace\")",
        )
    } else if reason.contains("glob") {
        (
            "cdktf refuse les caractères * ? [ ] { } ! dans un nom de stack",
            "cdktf refuses the characters * ? [ ] { } ! in a stack name",
        )
    } else if reason.contains("255") {
        (
            "cdktf écrit la stack dans le dossier cdktf.out/stacks/<nom>, et un nom de fichier compte au plus 255 octets (« ENAMETOOLONG »)",
            "cdktf writes the stack into the folder cdktf.out/stacks/<name>, and a file name holds at most 255 bytes (\"ENAMETOOLONG\")",
        )
    } else if reason.contains("NUL") {
        (
            "un nom de fichier ne peut pas contenir le caractère NUL",
            "a file name cannot hold the NUL character",
        )
    } else if reason.contains("prototype") {
        (
            "ce nom est une propriété d'Object.prototype en JavaScript, que constructs prend pour une stack existante",
            "the name is a property of JavaScript's Object.prototype, which constructs takes for an existing stack",
        )
    } else {
        ("une stack doit avoir un nom", "a stack needs a name")
    }
}

/// Runs synth and reports its refusal, if any, unless `sink` already holds an error there.
pub(super) fn check(stack: &Stack, sink: &mut Sink) {
    let Err(e) = synth_value(stack, &SynthOptions::for_stack(stack)) else {
        return;
    };
    let path = synth_error_path(&e);
    if sink.has_error_at(&path) {
        return;
    }
    let (info, message, hint) = match &e {
        SynthError::InvalidStackName { name, reason } => {
            let (fr, en) = stack_name_reason(reason);
            let shown = excerpt(name);
            (
                &STACK_NAME_INVALID,
                t(
                    format!("Nom de stack « {shown} » ({} octets) : {fr}. cdktf synth échoue avant d'écrire quoi que ce soit.", name.len()),
                    format!("Stack name \"{shown}\" ({} bytes): {en}. cdktf synth fails before writing anything.", name.len()),
                ),
                t(
                    "Choisissez un nom court en lettres, chiffres et tirets, par exemple « mon-lab » : c'est l'argument de MyStack(app, \"mon-lab\").",
                    "Choose a short name of letters, digits and hyphens, for instance \"my-lab\": it is the argument of MyStack(app, \"my-lab\").",
                ),
            )
        }
        SynthError::MissingProvider => (
            &PROVIDER_MISSING,
            t(
                "La stack a des ressources mais pas d'AwsProvider : cdktf refuse (« Found resources without a matching provider construct »).",
                "The stack has resources but no AwsProvider: cdktf refuses it (\"Found resources without a matching provider construct\").",
            ),
            t(
                "Ajoutez en tête AwsProvider(self, \"AWS\", region=\"eu-west-3\").",
                "Add AwsProvider(self, \"AWS\", region=\"eu-west-3\") first.",
            ),
        ),
        SynthError::UnescapedQuotes { .. } => (
            &CDKTF_REFUSED,
            t(
                "Fn.base64encode refuse un script qui contient un guillemet double non échappé (cdktf : « has unescaped double quotes in it »).",
                "Fn.base64encode refuses a script holding an unescaped double quote (cdktf: \"has unescaped double quotes in it\").",
            ),
            t(
                "Écrivez \\\" pour chaque guillemet (\\\\\" dans le Python), ou encodez le script en Python : base64.b64encode(USER_DATA.encode()).decode().",
                "Write \\\" for each quote (\\\\\" in the Python), or encode the script in Python: base64.b64encode(USER_DATA.encode()).decode().",
            ),
        ),
        SynthError::CdktfToken { text, .. } => {
            let shown = excerpt(text);
            (
                &CDKTF_REFUSED,
                t(
                    format!("« {shown} » est ce que cdktf écrit pour l'un de ses propres tokens : cdktf ne le garderait pas tel quel (« Unrecognized Token Key »)."),
                    format!("\"{shown}\" is what cdktf writes for one of its own tokens: cdktf would not keep it as written (\"Unrecognized Token Key\")."),
                ),
                t(
                    "Retirez ce texte : pour faire référence à une ressource, utilisez son attribut (inst.id).",
                    "Remove this text: to refer to a resource, use its attribute (inst.id).",
                ),
            )
        }
        SynthError::ProtoKey { .. } => (
            &CDKTF_REFUSED,
            t(
                "La clé « __proto__ » ne passe pas de Python à cdktf (jsii : « Key '__proto__' is not supported in maps or JSON values »).",
                "The key \"__proto__\" cannot cross from Python to cdktf (jsii: \"Key '__proto__' is not supported in maps or JSON values\").",
            ),
            t("Renommez la clé.", "Rename the key."),
        ),
        SynthError::ConstructLikeMap { .. } => (
            &CDKTF_REFUSED,
            t(
                "Une map qui a à la fois les clés « _children » et « _metadata » est ce que cdktf prend pour un construct (« Trying to 'resolve()' a Construct »).",
                "A map with both keys \"_children\" and \"_metadata\" is what cdktf takes for a construct (\"Trying to 'resolve()' a Construct\").",
            ),
            t("Renommez l'une des deux clés.", "Rename one of the two keys."),
        ),
        SynthError::ArrayLength { .. } => (
            &CDKTF_REFUSED,
            t(
                "cdktf fusionne cette sortie avec une précédente de même nom Terraform, dont la valeur est une liste : la clé « length » d'une map fusionnée dans une liste en fixe la longueur, qui doit être un nombre entier de 0 à 4294967295 (« RangeError: Invalid array length »).",
                "cdktf merges this output into an earlier one of the same Terraform name, whose value is a list: the key \"length\" of a map merged into a list sets its length, which must be a whole number from 0 to 4294967295 (\"RangeError: Invalid array length\").",
            ),
            t(
                "Donnez aux deux sorties des ids qui diffèrent par leurs lettres ou chiffres, ou renommez la clé « length ».",
                "Give the two outputs ids that differ in their letters or digits, or rename the key \"length\".",
            ),
        ),
        other => {
            let cut = |s: String| excerpt_long(&s);
            (
                &CDKTF_REFUSED,
                t(cut(other.message(Lang::Fr)), cut(other.message(Lang::En))),
                t(
                    "Corrigez la valeur en cause : cdktf synth échoue tant qu'elle est là.",
                    "Fix the value in question: cdktf synth fails as long as it is there.",
                ),
            )
        }
    };
    sink.push_path(info, &path, message, hint);
}

/// A message cut to 300 characters, with `…` when cut.
fn excerpt_long(s: &str) -> String {
    match s.char_indices().nth(300) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_paths() {
        assert_eq!(document_path("tags.Name"), "tags[\"Name\"]");
        assert_eq!(document_path("default_tags[0].tags.x"), "default_tags[\"x\"]");
        assert_eq!(document_path("ingress[0].description"), "ingress[0].description");
    }

    #[test]
    fn places() {
        assert!(same_place("resources[4]", "resources[4].id"));
        assert!(same_place("resources[4].tags[\"a\"]", "resources[4].tags"));
        assert!(!same_place("resources[4]", "resources[40]"));
        assert!(same_place("name", "name"));
        assert!(!same_place("name", "resources"));
    }
}
