//! Construct ids, the logical ids cdktf derives from them, and tags.
//!
//! Sources: cdktf and constructs (see [`crate::logical_id`]: empty ids and `Default` are
//! refused, `backend` is taken by the local backend cdktf adds, two constructs of one
//! scope cannot share an id); Terraform identifiers (a name starts with a letter or `_`;
//! cdktf deep-merges two constructs that give the same name, so the second silently
//! overwrites the first); EC2 tag restrictions (at most 50 tags per resource, provider
//! `default_tags` included; keys of 1–128 characters, values up to 256; the `aws:` prefix
//! is reserved).

use super::catalog::*;
use super::{t, Cx, Sink};
use crate::logical_id::{logical_id, sanitize_id};
use crate::model::{Resource, ResourceKind, Stack, Tags};
use std::collections::HashMap;

/// At most this many tags on one resource.
pub const MAX_TAGS: usize = 50;
/// Longest tag key, in characters.
pub const MAX_TAG_KEY: usize = 128;
/// Longest tag value, in characters.
pub const MAX_TAG_VALUE: usize = 256;

/// The namespace a logical id lives in: outputs, data sources, or resources of one type.
fn namespace(kind: ResourceKind) -> Option<(bool, &'static str)> {
    match kind {
        ResourceKind::AwsProvider => None,
        ResourceKind::TerraformOutput => Some((false, "output")),
        k => k.terraform_type().map(|ty| (k.is_data_source(), ty)),
    }
}

/// For each construct id once sanitized, and for each logical id in its namespace, the index
/// of the first resource that has it: a resource's duplicate is found in one lookup, not by
/// reading every earlier resource again (which made the checks quadratic: 15 s for 10,000
/// resources, `core/benches/scale.rs`).
#[derive(Default)]
pub(crate) struct FirstIds {
    sanitized: HashMap<String, usize>,
    logical: HashMap<((bool, &'static str), String), usize>,
}

impl FirstIds {
    pub(crate) fn of(stack: &Stack) -> Self {
        let mut first = FirstIds::default();
        for (i, r) in stack.resources.iter().enumerate() {
            first.sanitized.entry(sanitize_id(r.id())).or_insert(i);
            if let (Some(space), Ok(logical)) = (namespace(r.kind()), logical_id(r.id())) {
                first.logical.entry((space, logical)).or_insert(i);
            }
        }
        first
    }
}

pub(super) fn check_ids(cx: &Cx, sink: &mut Sink, i: usize, r: &Resource) {
    let id = r.id();
    let reserved = match id {
        "" => Some(t(
            "L'id du construct est vide : constructs le refuse.",
            "The construct id is empty: constructs refuses it.",
        )),
        "Default" => Some(t(
            "L'id « Default » est réservé : cdktf l'omet des noms Terraform et échoue.",
            "The id \"Default\" is reserved: cdktf leaves it out of Terraform names and fails.",
        )),
        "backend" => Some(t(
            "L'id « backend » est déjà pris par le backend local que cdktf ajoute à la stack.",
            "The id \"backend\" is already taken by the local backend cdktf adds to the stack.",
        )),
        _ => None,
    };
    if let Some(message) = reserved {
        sink.push(
            &CONSTRUCT_ID_INVALID,
            i,
            "id",
            message,
            t(
                "Choisissez un autre id, par exemple « web ».",
                "Choose another id, for instance \"web\".",
            ),
        );
        return;
    }
    let sanitized = sanitize_id(id);
    let earlier = cx.first_ids.sanitized.get(&sanitized).copied().filter(|&k| k < i);
    if let Some(k) = earlier {
        sink.push(
            &CONSTRUCT_ID_DUPLICATE,
            i,
            "id",
            t(
                format!("resources[{k}] a déjà l'id « {id} » : deux constructs d'une même stack ne peuvent pas partager un id (« There is already a Construct with name »)."),
                format!("resources[{k}] already has the id \"{id}\": two constructs of one stack cannot share an id (\"There is already a Construct with name\")."),
            ),
            t("Donnez à chaque construct un id différent.", "Give each construct its own id."),
        );
        return;
    }
    let Some(space) = namespace(r.kind()) else { return };
    let Ok(logical) = logical_id(id) else { return };
    let starts_well = logical
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if !starts_well {
        sink.push(
            &LOGICAL_ID_INVALID,
            i,
            "id",
            t(
                format!("cdktf tire de l'id « {id} » le nom Terraform « {logical} », qui ne commence pas par une lettre ou « _ » : Terraform le refuse."),
                format!("cdktf derives from the id \"{id}\" the Terraform name \"{logical}\", which does not start with a letter or \"_\": Terraform refuses it."),
            ),
            t(
                "Commencez l'id par une lettre et gardez lettres, chiffres, « _ » et « - » : « web_1 » plutôt que « 1 web ».",
                "Start the id with a letter and keep to letters, digits, \"_\" and \"-\": \"web_1\" rather than \"1 web\".",
            ),
        );
        return;
    }
    let clash = cx
        .first_ids
        .logical
        .get(&(space, logical.clone()))
        .copied()
        .filter(|&k| k < i);
    if let Some((k, other)) = clash.and_then(|k| Some((k, cx.stack.resources.get(k)?))) {
        let other_id = other.id();
        sink.push(
            &LOGICAL_ID_DUPLICATE,
            i,
            "id",
            t(
                format!("Les ids « {other_id} » (resources[{k}]) et « {id} » donnent tous deux le nom Terraform « {logical} » (cdktf ne garde que lettres, chiffres, « _ » et « - ») : cdktf fusionne les deux en une seule ressource, sans prévenir."),
                format!("The ids \"{other_id}\" (resources[{k}]) and \"{id}\" both give the Terraform name \"{logical}\" (cdktf keeps only letters, digits, \"_\" and \"-\"): cdktf merges the two into one resource, without a word."),
            ),
            t(
                "Choisissez des ids qui diffèrent par leurs lettres ou chiffres, sans accents ni espaces.",
                "Choose ids that differ in their letters or digits, without accents or spaces.",
            ),
        );
    }
}

/// Checks the tags of resource `i` (`field` is `tags` or the provider's `default_tags`).
pub(super) fn check_tags(cx: &Cx, sink: &mut Sink, i: usize, field: &str, tags: Option<&Tags>) {
    let Some(tags) = tags else { return };
    for (key, value) in tags {
        let path = format!("{field}[{}]", serde_json::Value::String(key.clone()));
        let key_len = key.chars().count();
        let problem = if key.is_empty() {
            Some(t("Une clé de tag ne peut pas être vide.", "A tag key cannot be empty."))
        } else if key_len > MAX_TAG_KEY {
            Some(t(
                format!("La clé de tag fait {key_len} caractères ; AWS en accepte {MAX_TAG_KEY} au plus."),
                format!("The tag key is {key_len} characters long; AWS takes {MAX_TAG_KEY} at most."),
            ))
        } else if key.to_ascii_lowercase().starts_with("aws:") {
            Some(t(
                format!("La clé « {key} » commence par « aws: », préfixe réservé à AWS."),
                format!("The key \"{key}\" starts with \"aws:\", a prefix reserved for AWS."),
            ))
        } else {
            let value_len = value.chars().count();
            (value_len > MAX_TAG_VALUE).then(|| {
                t(
                    format!("La valeur du tag « {key} » fait {value_len} caractères ; AWS en accepte {MAX_TAG_VALUE} au plus."),
                    format!("The value of the tag \"{key}\" is {value_len} characters long; AWS takes {MAX_TAG_VALUE} at most."),
                )
            })
        };
        if let Some(message) = problem {
            sink.push(
                &TAG_INVALID,
                i,
                &path,
                message,
                t(
                    "Clés de 1 à 128 caractères, valeurs de 256 au plus, sans le préfixe « aws: ».",
                    "Keys of 1 to 128 characters, values of 256 at most, without the \"aws:\" prefix.",
                ),
            );
        }
    }
    // The tags and the provider's default_tags, each key once.
    let all = if field == "tags" {
        cx.default_tag_keys.len()
            + tags
                .keys()
                .filter(|k| !cx.default_tag_keys.contains(k.as_str()))
                .count()
    } else {
        tags.len()
    };
    if all > MAX_TAGS {
        sink.push(
            &TAGS_TOO_MANY,
            i,
            field,
            t(
                format!(
                    "{} tags (default_tags du provider compris) : AWS en accepte {MAX_TAGS} au plus par ressource.",
                    all
                ),
                format!(
                    "{} tags (the provider's default_tags included): AWS takes {MAX_TAGS} at most per resource.",
                    all
                ),
            ),
            t("Regroupez ou retirez des tags.", "Merge or remove tags."),
        );
    }
}
