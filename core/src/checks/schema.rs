//! Every value as the AWS provider validates it: one table, [`PROVIDER_RULES`], of the
//! attributes of the nine classes that the provider's schema validates before anything
//! reaches AWS (`terraform validate` and `plan` refuse them), with the rule and the check
//! code that applies it.
//!
//! Source: the AWS provider's schema validators (`validation.StringInSlice(..., false)`,
//! `validation.IntBetween`, `verify.ValidCIDRNetworkAddress`...), as `terraform validate`
//! with the AWS provider 5.100 reports them (`scripts/terraform-validate.sh`); the
//! messages quoted below are the provider's. `docs/checks.md` lists the table; a test keeps
//! the two in step.

use super::catalog::*;
use super::{list, t, Sink};
use serde_json::{Map, Value};

use crate::model::{DataAwsAmi, Instance, Resource, ResourceKind};
use crate::number::JsNumber;
use crate::schema::{Kind, Kwarg};

/// What the provider accepts for an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Exactly one of these strings, case included (`StringInSlice(..., false)`).
    OneOf(&'static [&'static str]),
    /// An integer in this closed range (`IntBetween`).
    Between(i64, i64),
    /// A string that is not empty (`NoZeroValues`).
    NotEmpty,
    /// At most this many characters (`StringLenBetween(0, n)`).
    MaxLen(usize),
    /// A CIDR block written as its network address (`ValidCIDRNetworkAddress`).
    CidrNetwork,
    /// The characters AWS allows in a rule description, at most 255.
    RuleDescription,
    /// Base64 text (`user_data_base64`).
    Base64,
    /// A regular expression Go's `regexp` compiles (`StringIsValidRegExp`).
    Regexp,
}

/// One validated attribute: its class, its kwarg path (`[]` for every item of a list), the
/// rule, and the code of the check that applies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttrRule {
    /// The class.
    pub kind: ResourceKind,
    /// The kwarg path as the stack document writes it, `[]` for any list item.
    pub attr: &'static str,
    /// What the provider accepts.
    pub rule: Rule,
    /// The check code that applies the rule (`None`: not checked, see `docs/checks.md`).
    pub code: Option<&'static str>,
}

/// The instance metadata options the provider validates, `StringInSlice(..., false)`.
pub const ENABLED_DISABLED: &[&str] = &["enabled", "disabled"];
/// `http_tokens`.
pub const HTTP_TOKENS: &[&str] = &["optional", "required"];
/// EBS volume types (`ec2.VolumeType_Values()`).
pub const VOLUME_TYPES: &[&str] = &["standard", "io1", "io2", "gp2", "sc1", "st1", "gp3"];

const fn row(kind: ResourceKind, attr: &'static str, rule: Rule, code: Option<&'static str>) -> AttrRule {
    AttrRule { kind, attr, rule, code }
}

use ResourceKind as K;

/// Every attribute of the nine classes that the AWS provider validates in its schema. An
/// attribute absent from this table is not validated by the provider (AWS may still refuse
/// it at apply: see the other checks).
pub const PROVIDER_RULES: &[AttrRule] = &[
    row(
        K::DataAwsAmi,
        "owners[]",
        Rule::NotEmpty,
        Some("provider-value-invalid"),
    ),
    row(
        K::DataAwsAmi,
        "name_regex",
        Rule::Regexp,
        Some("provider-value-invalid"),
    ),
    row(K::SecurityGroup, "name", Rule::MaxLen(255), Some("sg-name-invalid")),
    row(
        K::SecurityGroup,
        "description",
        Rule::MaxLen(255),
        Some("sg-description-invalid"),
    ),
    row(
        K::SecurityGroup,
        "ingress[].cidr_blocks[]",
        Rule::CidrNetwork,
        Some("cidr-not-network"),
    ),
    row(
        K::SecurityGroup,
        "ingress[].ipv6_cidr_blocks[]",
        Rule::CidrNetwork,
        Some("cidr-not-network"),
    ),
    row(
        K::SecurityGroup,
        "ingress[].description",
        Rule::RuleDescription,
        Some("sg-rule-description-invalid"),
    ),
    row(
        K::SecurityGroup,
        "egress[].cidr_blocks[]",
        Rule::CidrNetwork,
        Some("cidr-not-network"),
    ),
    row(
        K::SecurityGroup,
        "egress[].ipv6_cidr_blocks[]",
        Rule::CidrNetwork,
        Some("cidr-not-network"),
    ),
    row(
        K::SecurityGroup,
        "egress[].description",
        Rule::RuleDescription,
        Some("sg-rule-description-invalid"),
    ),
    row(K::KeyPair, "key_name", Rule::MaxLen(255), Some("key-name-invalid")),
    row(
        K::Instance,
        "user_data_base64",
        Rule::Base64,
        Some("user-data-base64-invalid"),
    ),
    row(
        K::Instance,
        "root_block_device.volume_type",
        Rule::OneOf(VOLUME_TYPES),
        Some("volume-type-unknown"),
    ),
    row(
        K::Instance,
        "ebs_block_device[].volume_type",
        Rule::OneOf(VOLUME_TYPES),
        Some("volume-type-unknown"),
    ),
    row(
        K::Instance,
        "metadata_options.http_endpoint",
        Rule::OneOf(ENABLED_DISABLED),
        Some("provider-value-invalid"),
    ),
    row(
        K::Instance,
        "metadata_options.http_tokens",
        Rule::OneOf(HTTP_TOKENS),
        Some("provider-value-invalid"),
    ),
    row(
        K::Instance,
        "metadata_options.http_put_response_hop_limit",
        Rule::Between(1, 64),
        Some("provider-value-invalid"),
    ),
    row(
        K::Instance,
        "metadata_options.instance_metadata_tags",
        Rule::OneOf(ENABLED_DISABLED),
        Some("provider-value-invalid"),
    ),
    row(
        K::EbsVolume,
        "throughput",
        Rule::Between(125, 2000),
        Some("volume-throughput"),
    ),
];

/// The rule of `kind`'s `attr`, when the provider validates it.
pub fn rule(kind: ResourceKind, attr: &str) -> Option<Rule> {
    PROVIDER_RULES
        .iter()
        .find(|r| r.kind == kind && r.attr == attr)
        .map(|r| r.rule)
}

/// A string value against a [`Rule::OneOf`] or [`Rule::NotEmpty`] of the table.
fn check_str(sink: &mut Sink, i: usize, kind: ResourceKind, attr: &str, path: &str, value: &str) {
    match rule(kind, attr) {
        Some(Rule::OneOf(allowed)) if !allowed.contains(&value) => {
            let quoted: Vec<String> = allowed.iter().map(|a| format!("\"{a}\"")).collect();
            let name = attr.rsplit('.').next().unwrap_or(attr);
            let case = allowed.iter().find(|a| a.eq_ignore_ascii_case(value));
            let hint = match case {
                Some(a) => t(
                    format!("Écrivez « {a} », en minuscules."),
                    format!("Write \"{a}\", in lowercase."),
                ),
                None => t(
                    format!("Valeurs possibles : {}.", list(&quoted)),
                    format!("Allowed values: {}.", list(&quoted)),
                ),
            };
            let shown = super::templates::excerpt(value);
            sink.push(
                &PROVIDER_VALUE_INVALID,
                i,
                path,
                t(
                    format!("Le provider AWS n'accepte pour {name} que {} (casse comprise), pas « {shown} » : terraform plan refuse (« expected {name} to be one of »).", list(&quoted)),
                    format!("The AWS provider accepts only {} for {name} (case included), not \"{shown}\": terraform plan refuses it (\"expected {name} to be one of\").", list(&quoted)),
                ),
                hint,
            );
        }
        Some(Rule::NotEmpty) if value.is_empty() => sink.push(
            &PROVIDER_VALUE_INVALID,
            i,
            path,
            t(
                "Valeur vide : le provider AWS la refuse (« must not be empty »).",
                "Empty value: the AWS provider refuses it (\"must not be empty\").",
            ),
            t(
                "Retirez-la, ou écrivez un propriétaire : « amazon », « self » ou un numéro de compte.",
                "Remove it, or write an owner: \"amazon\", \"self\" or an account number.",
            ),
        ),
        _ => {}
    }
}

/// An integer value against a [`Rule::Between`] of the table.
fn check_int(sink: &mut Sink, i: usize, kind: ResourceKind, attr: &str, path: &str, value: i64) {
    if let Some(Rule::Between(lo, hi)) = rule(kind, attr) {
        if !(lo..=hi).contains(&value) {
            let name = attr.rsplit('.').next().unwrap_or(attr);
            sink.push(
                &PROVIDER_VALUE_INVALID,
                i,
                path,
                t(
                    format!("Le provider AWS attend pour {name} un entier de {lo} à {hi}, pas {value} : terraform plan refuse (« expected {name} to be in the range ({lo} - {hi}) »)."),
                    format!("The AWS provider expects for {name} an integer from {lo} to {hi}, not {value}: terraform plan refuses it (\"expected {name} to be in the range ({lo} - {hi})\")."),
                ),
                t(
                    format!("Choisissez une valeur de {lo} à {hi}."),
                    format!("Choose a value from {lo} to {hi}."),
                ),
            );
        }
    }
}

/// [`NUMBER_NOT_WHOLE`]: every numeric kwarg of `resource` (the table's
/// [`crate::schema::Kind::Number`], nested blocks included) that Terraform cannot read as
/// the `int64` the AWS provider's schema asks for.
pub(super) fn check_whole_numbers(sink: &mut Sink, i: usize, resource: &Resource) {
    let fields = crate::synth::document_fields(resource);
    walk_numbers(sink, i, "", crate::schema::class(resource.kind()).kwargs, &fields);
}

fn walk_numbers(sink: &mut Sink, i: usize, prefix: &str, kwargs: &[Kwarg], fields: &Map<String, Value>) {
    for k in kwargs {
        let Some(v) = fields.get(k.key) else { continue };
        let path = format!("{prefix}{}", k.key);
        match k.kind {
            Kind::Number => {
                let Some(n) = crate::synth::typed::<JsNumber>(v) else {
                    continue;
                };
                if n.as_i64().is_none() {
                    sink.push(
                        &NUMBER_NOT_WHOLE,
                        i,
                        &path,
                        t(
                            format!("{} vaut {n} : Terraform lit {} comme un entier et refuse ce nombre (terraform validate : « Attribute must be a whole number »).", k.python, k.python),
                            format!("{} is {n}: Terraform reads {} as an integer and refuses this number (terraform validate: \"Attribute must be a whole number\").", k.python, k.python),
                        ),
                        t(
                            "Écrivez un nombre entier, sans virgule ni exposant : 22, 8, 3000.",
                            "Write a whole number, without a fraction or an exponent: 22, 8, 3000.",
                        ),
                    );
                }
            }
            Kind::Block(b) => {
                if let Some(m) = v.as_object() {
                    walk_numbers(sink, i, &format!("{path}."), b.kwargs, m);
                }
            }
            Kind::Blocks(b) => {
                for (j, item) in v.as_array().map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
                    if let Some(m) = item.as_object() {
                        walk_numbers(sink, i, &format!("{path}[{j}]."), b.kwargs, m);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The rows of the table that [`PROVIDER_VALUE_INVALID`] applies to an instance.
pub(super) fn check_instance(sink: &mut Sink, i: usize, inst: &Instance) {
    let Some(m) = &inst.metadata_options else { return };
    for (attr, value) in [
        ("metadata_options.http_endpoint", &m.http_endpoint),
        ("metadata_options.http_tokens", &m.http_tokens),
        ("metadata_options.instance_metadata_tags", &m.instance_metadata_tags),
    ] {
        if let Some(v) = value {
            check_str(sink, i, K::Instance, attr, attr, v);
        }
    }
    if let Some(v) = m.http_put_response_hop_limit.and_then(JsNumber::as_i64) {
        let attr = "metadata_options.http_put_response_hop_limit";
        check_int(sink, i, K::Instance, attr, attr, v);
    }
}

/// The rows of the table that [`PROVIDER_VALUE_INVALID`] applies to an AMI lookup: its
/// owners, and its `name_regex` as Go compiles it ([`super::regexp`]; the provider's
/// `validation.StringIsValidRegExp`).
pub(super) fn check_ami(sink: &mut Sink, i: usize, ami: &DataAwsAmi) {
    for (j, owner) in ami.owners.iter().flatten().enumerate() {
        check_str(sink, i, K::DataAwsAmi, "owners[]", &format!("owners[{j}]"), owner);
    }
    if let Some(pattern) = &ami.name_regex {
        check_regexp(sink, i, pattern);
    }
}

/// A `name_regex` Go does not compile: the provider refuses it at plan.
fn check_regexp(sink: &mut Sink, i: usize, pattern: &str) {
    let Some(e) = super::regexp::go_regexp_error(pattern) else {
        return;
    };
    let shown = super::templates::excerpt(pattern);
    let (go, fr, at) = (e.go, e.fr, e.position);
    sink.push(
        &PROVIDER_VALUE_INVALID,
        i,
        "name_regex",
        t(
            format!("name_regex « {shown} » n'est pas une expression régulière que Go compile : {fr}, au caractère {at}. Le provider AWS la refuse : terraform plan échoue (« error parsing regexp: {go} »)."),
            format!("name_regex \"{shown}\" is not a regular expression Go compiles: {go}, at character {at}. The AWS provider refuses it: terraform plan fails (\"error parsing regexp: {go}\")."),
        ),
        t(
            format!("Corrigez l'expression au caractère {at}. Un caractère spécial voulu tel quel, ( ) [ ] {{ }} * + ? . | ^ $ \\, s'écrit précédé de \\ (\\\\ dans une chaîne Python ordinaire), par exemple name_regex=\"^al2023-ami-2023\\\\..*-x86_64$\". Pour un simple joker, préférez filter=[DataAwsAmiFilter(name=\"name\", values=[\"al2023-ami-*\"])]."),
            format!("Fix the expression at character {at}. A special character meant as itself, ( ) [ ] {{ }} * + ? . | ^ $ \\, is written after a \\ (\\\\ in a plain Python string), for instance name_regex=\"^al2023-ami-2023\\\\..*-x86_64$\". For a mere wildcard, prefer filter=[DataAwsAmiFilter(name=\"name\", values=[\"al2023-ami-*\"])]."),
        ),
    );
}

/// True when `value` is one the provider accepts for `kind`'s `attr` (or the provider does
/// not validate it with a [`Rule::OneOf`]).
pub fn accepts(kind: ResourceKind, attr: &str, value: &str) -> bool {
    !matches!(rule(kind, attr), Some(Rule::OneOf(allowed)) if !allowed.contains(&value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_names_a_code_of_the_catalog() {
        for r in PROVIDER_RULES {
            if let Some(code) = r.code {
                assert!(super::super::catalog::find(code).is_some(), "{code}");
            }
        }
        assert_eq!(
            rule(K::Instance, "metadata_options.http_tokens"),
            Some(Rule::OneOf(HTTP_TOKENS))
        );
        assert!(accepts(K::Instance, "metadata_options.http_tokens", "required"));
        assert!(!accepts(K::Instance, "metadata_options.http_tokens", "Required"));
        assert!(accepts(K::Instance, "instance_type", "anything"));
    }
}
