//! The checks: what AWS or Terraform would refuse in a stack, and what deploys but would
//! surprise or expose the learner, as [`Diagnostic`]s in French and English.
//!
//! One entry point, [`check`]. Every check is listed, with its code, severity, checkov
//! rule and source, in [`catalog::CATALOG`]; `docs/checks.md` documents each one. The
//! data the checks need (regions and zones, instance types) are tables in
//! [`regions`] and [`instance_types`], each naming its source.
//!
//! Paths: `resources[<i>]` is the resource at index `i` of `Stack::resources`; then the
//! kwarg names of the stack document, list items as `[<j>]` and map keys as `["<key>"]`:
//! `resources[2].ingress[0].from_port`, `resources[4].tags["Name"]`. A path may name a
//! kwarg the learner left out (`resources[4].metadata_options`): the place to add it.
//! A finding about the whole stack has the path `resources`.

pub mod catalog;
pub mod cidr;
pub mod instance_types;
pub mod public_key;
pub mod regions;
pub mod schema;

mod ami;
pub mod bidi;
mod ids;
mod instances;
mod key_pairs;
pub use key_pairs::SAMPLE_KEY;
mod names;
mod outputs;
mod provider;
mod references;
mod refusals;
mod regexp;
mod security_groups;
mod templates;
mod user_data;
mod volumes;

use std::collections::{HashMap, HashSet};

pub use catalog::{CheckInfo, CATALOG};
pub use refusals::{same_place, synth_error_path};
pub use templates::strings as terraform_strings;
/// The header cloud-init reads at the start of a script (`#!`, `#cloud-config`...), for the fixes.
pub(crate) use user_data::header as user_data_header;

use crate::diagnostic::Diagnostic;
use crate::i18n::Text;
use crate::model::{Instance, Resource, ResourceKind, SecurityGroup, Stack};
use crate::value::{Reference, StrValue};

/// Checks `stack` and returns every finding, ordered by resource index, then by the order
/// of the fields in the stack document (findings about the whole stack first).
///
/// Pure and deterministic: the same stack always gives the same list. Never panics,
/// whatever the stack holds.
pub fn check(stack: &Stack) -> Vec<Diagnostic> {
    let cx = Cx::new(stack);
    let mut sink = Sink::default();
    provider::check_stack(&cx, &mut sink);
    let declared = templates::Names::of(&cx);
    // Terraform configures the AWS provider, and so reads the strings of its block, only
    // when a resource or a data source uses it: `terraform validate` and `terraform plan`
    // of a stack of outputs alone accept `region = "%{if x}..."` (seen with Terraform 1.11,
    // scripts/terraform-validate.sh 150 3).
    let provider_read = stack.resources.iter().any(|r| r.kind().terraform_type().is_some());
    for (i, resource) in stack.resources.iter().enumerate() {
        names::check_ids(&cx, &mut sink, i, resource);
        references::check(&cx, &mut sink, i, resource);
        if provider_read || resource.kind() != ResourceKind::AwsProvider {
            templates::check(&mut sink, i, resource, &declared);
        }
        ids::check(&mut sink, i, resource);
        bidi::check(&mut sink, i, resource);
        schema::check_whole_numbers(&mut sink, i, resource);
        match resource {
            Resource::AwsProvider(p) => provider::check(&cx, &mut sink, i, p),
            Resource::DataAwsAmi(a) => {
                ami::check(&mut sink, i, a);
                schema::check_ami(&mut sink, i, a);
            }
            Resource::SecurityGroup(sg) => security_groups::check(&cx, &mut sink, i, sg),
            Resource::KeyPair(k) => key_pairs::check(&cx, &mut sink, i, k),
            Resource::Instance(inst) => instances::check(&cx, &mut sink, i, inst),
            Resource::EbsVolume(v) => volumes::check_ebs_volume(&cx, &mut sink, i, v),
            Resource::VolumeAttachment(a) => volumes::check_attachment(&cx, &mut sink, i, a),
            Resource::EbsSnapshot(s) => names::check_tags(&cx, &mut sink, i, "tags", s.tags.as_ref()),
            Resource::TerraformOutput(o) => outputs::check(&cx, &mut sink, i, o),
        }
    }
    refusals::check(stack, &mut sink);
    sink.into_sorted(stack)
}

/// What the checks know of the whole stack.
pub(crate) struct Cx<'a> {
    pub stack: &'a Stack,
    /// The region of the first `AwsProvider`, when it is one AWS has.
    pub region: Option<&'a str>,
    /// Index of the first resource with each construct id.
    by_id: HashMap<&'a str, usize>,
    /// The first resource of each sanitized id and of each logical id.
    pub first_ids: names::FirstIds,
    /// Index of the first `AwsProvider`.
    pub first_provider: Option<usize>,
    /// The keys of every provider's `default_tags`, which each resource's `tags` add to.
    pub default_tag_keys: HashSet<&'a str>,
    /// Index of the first key pair with each `key_name`.
    pub first_key_name: HashMap<&'a str, usize>,
    /// Key pairs an instance's `key_name` refers to (`key.key_name` or `key.id`), by index.
    pub key_pairs_referenced: HashSet<usize>,
    /// Key names instances write as literals.
    pub key_names_written: HashSet<&'a str>,
    /// Index of the first security group with each `(name, vpc_id)`.
    pub first_group_name: HashMap<(&'a str, Option<&'a str>), usize>,
    /// Index of the first `VolumeAttachment` with each `(device_name, instance)`, the
    /// instance being the index of the one its `instance_id` refers to.
    pub first_device: HashMap<(&'a str, usize), usize>,
}

impl<'a> Cx<'a> {
    fn new(stack: &'a Stack) -> Self {
        let mut by_id = HashMap::new();
        for (i, r) in stack.resources.iter().enumerate() {
            by_id.entry(r.id()).or_insert(i);
        }
        let region = stack
            .resources
            .iter()
            .find_map(|r| match r {
                Resource::AwsProvider(p) => Some(p.region.as_deref()),
                _ => None,
            })
            .flatten()
            .filter(|r| regions::zones(r).is_some());
        let mut cx = Cx {
            stack,
            region,
            by_id,
            first_ids: names::FirstIds::of(stack),
            first_provider: None,
            default_tag_keys: HashSet::new(),
            first_key_name: HashMap::new(),
            key_pairs_referenced: HashSet::new(),
            key_names_written: HashSet::new(),
            first_group_name: HashMap::new(),
            first_device: HashMap::new(),
        };
        // What several resources ask of the whole stack, read once here: asked of every
        // resource by reading the stack again, the checks were quadratic
        // (`core/benches/scale.rs`).
        for (i, r) in stack.resources.iter().enumerate() {
            match r {
                Resource::AwsProvider(p) => {
                    cx.first_provider.get_or_insert(i);
                    cx.default_tag_keys
                        .extend(p.default_tags.iter().flatten().map(|(k, _)| k.as_str()));
                }
                Resource::KeyPair(k) => {
                    if let Some(name) = k.key_name.as_deref() {
                        cx.first_key_name.entry(name).or_insert(i);
                    }
                }
                Resource::SecurityGroup(sg) => {
                    if let Some(name) = sg.name.as_deref() {
                        cx.first_group_name.entry((name, sg.vpc_id.as_deref())).or_insert(i);
                    }
                }
                Resource::Instance(inst) => match &inst.key_name {
                    Some(v @ StrValue::Ref(_)) => {
                        if let Some((k, _)) = cx.target_of(v, ResourceKind::KeyPair, &["key_name", "id"]) {
                            cx.key_pairs_referenced.insert(k);
                        }
                    }
                    Some(StrValue::Literal(n)) => {
                        cx.key_names_written.insert(n.as_str());
                    }
                    None => {}
                },
                Resource::VolumeAttachment(a) => {
                    if let Some((k, _)) = cx.target_of(&a.instance_id, ResourceKind::Instance, &["id"]) {
                        cx.first_device.entry((a.device_name.as_str(), k)).or_insert(i);
                    }
                }
                _ => {}
            }
        }
        cx
    }

    /// The resource a reference names, with its index.
    pub fn target(&self, r: &Reference) -> Option<(usize, &'a Resource)> {
        let i = *self.by_id.get(r.resource.as_str())?;
        Some((i, self.stack.resources.get(i)?))
    }

    /// The resource a value refers to with attribute `attr`, when it does.
    pub fn target_of(&self, v: &StrValue, kind: ResourceKind, attrs: &[&str]) -> Option<(usize, &'a Resource)> {
        let r = v.as_ref()?;
        let (i, res) = self.target(r)?;
        (res.kind() == kind && attrs.contains(&r.attr.as_str())).then_some((i, res))
    }

    /// The security groups of an instance, when all are groups of this stack: an instance
    /// without `vpc_security_group_ids` gets the VPC's default group, which lets nothing in
    /// from outside (`Some(vec![])`). `None` when a group is a literal id or unknown.
    pub fn instance_groups(&self, inst: &Instance) -> Option<Vec<&'a SecurityGroup>> {
        let Some(ids) = &inst.vpc_security_group_ids else {
            return Some(Vec::new());
        };
        ids.iter()
            .map(|v| match self.target_of(v, ResourceKind::SecurityGroup, &["id"]) {
                Some((_, Resource::SecurityGroup(sg))) => Some(sg),
                _ => None,
            })
            .collect()
    }
}

/// Collects findings, then orders them.
#[derive(Default)]
pub(crate) struct Sink {
    items: Vec<(Option<usize>, String, Diagnostic)>,
}

impl Sink {
    /// A finding about `field` (a kwarg path, `""` for the resource itself) of resource `index`.
    pub fn push(&mut self, info: &CheckInfo, index: usize, field: &str, message: Text, hint: Text) {
        let path = if field.is_empty() {
            format!("resources[{index}]")
        } else {
            format!("resources[{index}].{field}")
        };
        self.items
            .push((Some(index), field.to_owned(), diagnostic(info, path, message, hint)));
    }

    /// A finding at a whole path: `name`, `resources` or `resources[<i>]...`.
    pub fn push_path(&mut self, info: &CheckInfo, path: &str, message: Text, hint: Text) {
        let index = path
            .strip_prefix("resources[")
            .and_then(|r| r.split_once(']'))
            .and_then(|(n, rest)| Some((n.parse::<usize>().ok()?, rest)));
        match index {
            Some((i, rest)) => self.push(info, i, rest.strip_prefix('.').unwrap_or(rest), message, hint),
            None => self
                .items
                .push((None, String::new(), diagnostic(info, path.to_owned(), message, hint))),
        }
    }

    /// True when an error is already raised at `path`, or at a part or a whole of it.
    pub fn has_error_at(&self, path: &str) -> bool {
        self.items
            .iter()
            .any(|(_, _, d)| d.severity == crate::Severity::Error && same_place(&d.path, path))
    }

    /// A finding about the whole stack (path `resources`).
    pub fn push_stack(&mut self, info: &CheckInfo, message: Text, hint: Text) {
        self.items.push((
            None,
            String::new(),
            diagnostic(info, "resources".to_owned(), message, hint),
        ));
    }

    fn into_sorted(self, stack: &Stack) -> Vec<Diagnostic> {
        let mut items: Vec<_> = self
            .items
            .into_iter()
            .map(|(index, field, d)| {
                let kind = index.and_then(|i| stack.resources.get(i)).map(Resource::kind);
                let (rank, item) = field_rank(kind, &field);
                ((index, rank, item), d)
            })
            .collect();
        // Stable: findings on the same field keep the order they were raised in.
        items.sort_by_key(|(key, _)| *key);
        items.into_iter().map(|(_, d)| d).collect()
    }
}

fn diagnostic(info: &CheckInfo, path: String, message: Text, hint: Text) -> Diagnostic {
    Diagnostic {
        code: info.code.to_owned(),
        severity: info.severity,
        path,
        message,
        hint,
        checkov: info.checkov.map(str::to_owned),
    }
}

/// The kwargs of each kind in the order the stack document declares them (`model.rs`).
fn field_order(kind: ResourceKind) -> &'static [&'static str] {
    match kind {
        ResourceKind::AwsProvider => &["id", "var", "region", "profile", "default_tags"],
        ResourceKind::DataAwsAmi => &["id", "var", "most_recent", "owners", "filter", "name_regex"],
        ResourceKind::SecurityGroup => &[
            "id",
            "var",
            "name",
            "description",
            "vpc_id",
            "ingress",
            "egress",
            "tags",
        ],
        ResourceKind::KeyPair => &["id", "var", "key_name", "public_key", "tags"],
        ResourceKind::Instance => &[
            "id",
            "var",
            "ami",
            "instance_type",
            "key_name",
            "vpc_security_group_ids",
            "subnet_id",
            "availability_zone",
            "associate_public_ip_address",
            "user_data",
            "user_data_base64",
            "user_data_replace_on_change",
            "root_block_device",
            "ebs_block_device",
            "metadata_options",
            "monitoring",
            "ebs_optimized",
            "tags",
        ],
        ResourceKind::EbsVolume => &[
            "id",
            "var",
            "availability_zone",
            "size",
            "type",
            "iops",
            "throughput",
            "encrypted",
            "snapshot_id",
            "tags",
        ],
        ResourceKind::VolumeAttachment => &["id", "var", "device_name", "volume_id", "instance_id"],
        ResourceKind::EbsSnapshot => &["id", "var", "volume_id", "description", "tags"],
        ResourceKind::TerraformOutput => &["id", "var", "value", "description", "sensitive"],
    }
}

/// `(rank of the first kwarg, its list index)` for sorting; the resource itself first.
fn field_rank(kind: Option<ResourceKind>, field: &str) -> (usize, usize) {
    if field.is_empty() {
        return (0, 0);
    }
    let end = field.find(['.', '[']).unwrap_or(field.len());
    let name = &field[..end];
    let rank = kind
        .and_then(|k| field_order(k).iter().position(|f| *f == name))
        .map_or(usize::MAX, |p| p + 1);
    let item = field[end..]
        .strip_prefix('[')
        .and_then(|rest| rest.split(']').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    (rank, item)
}

/// Shorthand for a text in both languages.
pub(crate) fn t(fr: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(fr, en)
}

/// The items joined with `, ` (the same in both languages).
pub(crate) fn list<T: std::fmt::Display>(items: &[T]) -> String {
    items.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_ranks_follow_the_document() {
        let k = Some(ResourceKind::SecurityGroup);
        assert!(field_rank(k, "ingress[1].from_port") > field_rank(k, "ingress[0].to_port"));
        assert!(field_rank(k, "egress[0]") > field_rank(k, "ingress[3].description"));
        assert!(field_rank(k, "name") < field_rank(k, "ingress"));
        assert_eq!(field_rank(k, ""), (0, 0));
        assert_eq!(field_rank(k, "nonsense").0, usize::MAX);
        assert_eq!(field_rank(None, "x[2]"), (usize::MAX, 2));
    }
}
