//! What `cdktf deploy` would do to a deployed stack (issue 16): per resource, create,
//! update in place, replace (destroy, then create) or destroy, and which attribute forces
//! a replacement.
//!
//! Both stacks are synthesized and compared as Terraform compares them: resource by
//! resource at the level of `cdk.tf.json`, keyed by address (`aws_instance.web`, from the
//! construct's logical id), so a renamed construct is destroyed and created again, as
//! `terraform plan` shows it. An attribute's change is classified with the table of
//! [`crate::deploy_rules`]. As in Terraform, a reference to an attribute of a resource that
//! is created or replaced is unknown until apply (`(known after apply)`), unless the code
//! sets that attribute; an unknown value in an attribute that forces replacement replaces
//! the referring resource too (replacing the lab's instance replaces the `EbsVolume` whose
//! `availability_zone` is `inst.availability_zone` when the instance's zone is not written).
//!
//! What the preview cannot know: the values AWS holds (drift), and what a changed AMI
//! lookup finds; such a change is marked `certain: false`.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::deploy_rules::{class_of, rule, Effect, WhenRemoved};
use crate::i18n::{Lang, Text};
use crate::logical_id::logical_id;
use crate::model::Stack;
use crate::synth::{synth_value, SynthError, SynthOptions};

/// What Terraform does to one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Nothing changes.
    NoChange,
    /// A new resource.
    Create,
    /// Changed where it stands (an API call; an instance may be stopped and started).
    Update,
    /// Destroyed, then created again (a new id, an empty new volume ...).
    Replace,
    /// Destroyed.
    Destroy,
    /// A data source read again (its arguments changed).
    Read,
}

impl Action {
    /// The action in the course's words.
    pub fn label(self) -> Text {
        match self {
            Action::NoChange => Text::new("aucun changement", "no change"),
            Action::Create => Text::new("création", "create"),
            Action::Update => Text::new("modification sur place", "update in place"),
            Action::Replace => Text::new(
                "remplacement (destruction puis création)",
                "replace (destroy, then create)",
            ),
            Action::Destroy => Text::new("destruction", "destroy"),
            Action::Read => Text::new("nouvelle lecture", "read again"),
        }
    }
}

/// One attribute that changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributeChange {
    /// As in `cdk.tf.json`; `block.attribute` inside a block (`"root_block_device.volume_size"`).
    pub attribute: String,
    /// The deployed value (`None`: not set).
    pub before: Option<Value>,
    /// The new value (`None`: not set); meaningless when `after_known` is false.
    pub after: Option<Value>,
    /// False when the new value is only known after apply (it refers to a resource that
    /// is created or replaced).
    pub after_known: bool,
    /// True when this change forces the replacement of the resource.
    pub forces_replacement: bool,
    /// False when the change depends on what a changed AMI lookup finds.
    pub certain: bool,
    /// The attribute in the course's words (`"l'AMI"`).
    pub label: Text,
}

/// What happens to one resource or data source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedChange {
    /// The Terraform address (`"aws_instance.web"`, `"data.aws_ami.amazon_linux"`).
    pub address: String,
    /// The cdktf class (`"Instance"`).
    pub class: &'static str,
    /// The construct id as written in the stack that has it (the current one first).
    pub construct_id: String,
    /// What Terraform does.
    pub action: Action,
    /// The attributes that change (empty for create, destroy and no change).
    pub attributes: Vec<AttributeChange>,
    /// The attributes that force the replacement, when `action` is [`Action::Replace`].
    pub replaced_because: Vec<String>,
    /// False when the action depends on what a changed AMI lookup finds.
    pub certain: bool,
    /// One sentence: the resource, the action, why.
    pub summary: Text,
    /// What the learner should know (stop/start, data lost, a new public IP ...).
    pub notes: Vec<Text>,
}

/// What happens to one output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputAction {
    /// Unchanged.
    NoChange,
    /// A new output.
    Added,
    /// Its value or options change (or become known only after apply).
    Changed,
    /// Removed.
    Removed,
}

/// One output (`TerraformOutput`), listed apart: outputs create no resource.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutputChange {
    /// The output's name in `cdk.tf.json`.
    pub name: String,
    /// What happens to it.
    pub action: OutputAction,
    /// False when the new value is only known after apply.
    pub known_before_apply: bool,
    /// One sentence.
    pub summary: Text,
}

/// The whole preview.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeployPreview {
    /// Every resource and data source of either stack: the current stack's in its
    /// `cdk.tf.json` order, then those only deployed.
    pub resources: Vec<PlannedChange>,
    /// Every output of either stack.
    pub outputs: Vec<OutputChange>,
    /// Resources to create (a replacement counts one), as `terraform plan`'s "to add".
    pub to_add: usize,
    /// Resources updated in place ("to change").
    pub to_change: usize,
    /// Resources to destroy (a replacement counts one).
    pub to_destroy: usize,
    /// `Plan: 1 to add, 0 to change, 1 to destroy.`, as Terraform writes it, in both languages.
    pub summary: Text,
    /// Notes on the whole stack (a renamed stack, a changed region).
    pub notes: Vec<Text>,
}

/// Which of the two stacks could not be synthesized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeployPreviewError {
    /// The stack marked deployed.
    Deployed(SynthError),
    /// The stack as it is now.
    Current(SynthError),
}

impl DeployPreviewError {
    /// The error in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DeployPreviewError::Deployed(e), Lang::Fr) => format!("la stack déployée : {}", e.message(lang)),
            (DeployPreviewError::Deployed(e), Lang::En) => format!("the deployed stack: {}", e.message(lang)),
            (DeployPreviewError::Current(e), _) => e.message(lang),
        }
    }
}

impl std::fmt::Display for DeployPreviewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for DeployPreviewError {}

/// A resource or data source as `cdk.tf.json` configures it.
#[derive(Debug, Clone)]
struct Config {
    terraform_type: String,
    is_data: bool,
    body: Map<String, Value>,
}

/// Keys of a resource that are Terraform meta-arguments or cdktf metadata, not attributes.
const META: [&str; 7] = [
    "//",
    "depends_on",
    "lifecycle",
    "provider",
    "count",
    "for_each",
    "connection",
];

fn configs(tf: &Value) -> Vec<(String, Config)> {
    let mut out = Vec::new();
    for (section, is_data) in [("data", true), ("resource", false)] {
        let Some(types) = tf.get(section).and_then(Value::as_object) else {
            continue;
        };
        for (ty, named) in types {
            let Some(named) = named.as_object() else { continue };
            for (name, body) in named {
                let body: Map<String, Value> = body
                    .as_object()
                    .map(|m| {
                        m.iter()
                            .filter(|(k, _)| !META.contains(&k.as_str()))
                            .map(|(k, v)| (k.clone(), v.clone()))
                            .collect()
                    })
                    .unwrap_or_default();
                let address = if is_data {
                    format!("data.{ty}.{name}")
                } else {
                    format!("{ty}.{name}")
                };
                out.push((
                    address,
                    Config {
                        terraform_type: ty.clone(),
                        is_data,
                        body,
                    },
                ));
            }
        }
    }
    out
}

fn provider(tf: &Value) -> Map<String, Value> {
    tf.pointer("/provider/aws/0")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}

fn outputs(tf: &Value) -> Map<String, Value> {
    tf.get("output").and_then(Value::as_object).cloned().unwrap_or_default()
}

/// Construct ids by address, from the stack's constructs.
fn construct_ids(stack: &Stack) -> HashMap<String, String> {
    let mut ids = HashMap::new();
    for r in &stack.resources {
        let (Some(ty), Ok(name)) = (r.kind().terraform_type(), logical_id(r.id())) else {
            continue;
        };
        let address = if r.kind().is_data_source() {
            format!("data.{ty}.{name}")
        } else {
            format!("{ty}.{name}")
        };
        ids.entry(address).or_insert_with(|| r.id().to_owned());
    }
    ids
}

/// Every `<address>.<attribute>` a value refers to (inside `${...}`).
fn references(value: &Value, addresses: &[&str], out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) if s.contains("${") => {
            for address in addresses {
                let needle = format!("{address}.");
                let mut from = 0;
                while let Some(pos) = s.get(from..).and_then(|rest| rest.find(&needle)) {
                    let start = from + pos;
                    let before = s[..start].chars().next_back();
                    let bounded =
                        !matches!(before, Some(c) if c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.');
                    let attr_start = start + needle.len();
                    let attr: String = s[attr_start..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if bounded && !attr.is_empty() {
                        out.push(((*address).to_owned(), attr.clone()));
                    }
                    from = attr_start + attr.len();
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| references(v, addresses, out)),
        Value::Object(map) => map.values().for_each(|v| references(v, addresses, out)),
        _ => {}
    }
}

/// How well a referenced attribute's new value is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Known {
    Yes,
    /// Only after apply.
    No,
    /// After the AMI lookup, which changed.
    Lookup,
}

/// Resolves a whole-string reference `${<address>.<attr>}` to the literal value the code
/// gives that attribute, so a literal and a reference to the same value compare equal.
fn resolve(value: &Value, configs: &HashMap<&str, &Config>) -> Value {
    if let Value::String(s) = value {
        if let Some(inner) = s.strip_prefix("${").and_then(|r| r.strip_suffix('}')) {
            if let Some((address, attr)) = inner.rsplit_once('.') {
                if let Some(target) = configs.get(address) {
                    if let Some(v @ (Value::String(_) | Value::Number(_) | Value::Bool(_))) = target.body.get(attr) {
                        if !v.as_str().is_some_and(|t| t.contains("${")) {
                            return v.clone();
                        }
                    }
                }
            }
        }
    }
    value.clone()
}

struct Planner<'a> {
    before: HashMap<&'a str, &'a Config>,
    after: HashMap<&'a str, &'a Config>,
    addresses: Vec<&'a str>,
    actions: HashMap<String, Action>,
}

impl Planner<'_> {
    /// How well `<address>.<attr>` is known at plan time.
    fn known(&self, address: &str, attr: &str) -> Known {
        let Some(action) = self.actions.get(address) else {
            return Known::Yes;
        };
        match action {
            Action::Read => Known::Lookup,
            Action::Create | Action::Replace => {
                let configured = self.after.get(address).and_then(|c| c.body.get(attr));
                match configured {
                    Some(v) if attr != "id" => self.value_known(v),
                    _ => Known::No,
                }
            }
            _ => Known::Yes,
        }
    }

    fn value_known(&self, v: &Value) -> Known {
        let mut refs = Vec::new();
        references(v, &self.addresses, &mut refs);
        let mut k = Known::Yes;
        for (a, _) in refs {
            // A configured value refers one level further; stop at the resource's own
            // address to avoid a loop on a self-reference.
            let next = match self.actions.get(a.as_str()) {
                Some(Action::Create | Action::Replace) => Known::No,
                Some(Action::Read) => Known::Lookup,
                _ => Known::Yes,
            };
            k = match (k, next) {
                (Known::No, _) | (_, Known::No) => Known::No,
                (Known::Lookup, _) | (_, Known::Lookup) => Known::Lookup,
                _ => Known::Yes,
            };
        }
        k
    }

    /// How well a new attribute value is known, given what it refers to.
    fn known_value(&self, v: &Value) -> Known {
        let mut refs = Vec::new();
        references(v, &self.addresses, &mut refs);
        refs.iter()
            .fold(Known::Yes, |k, (a, attr)| match (k, self.known(a, attr)) {
                (Known::No, _) | (_, Known::No) => Known::No,
                (Known::Lookup, _) | (_, Known::Lookup) => Known::Lookup,
                _ => Known::Yes,
            })
    }

    /// The attribute changes of a resource in both stacks.
    fn diff(&self, address: &str, class: &'static str) -> Vec<AttributeChange> {
        let (Some(before), Some(after)) = (self.before.get(address), self.after.get(address)) else {
            return Vec::new();
        };
        let replace_on_change = after.body.get("user_data_replace_on_change") == Some(&Value::Bool(true));
        let mut paths: Vec<(String, Option<Value>, Option<Value>)> = Vec::new();
        let mut keys: Vec<&String> = after.body.keys().collect();
        keys.extend(before.body.keys().filter(|k| !after.body.contains_key(*k)));
        for key in keys {
            let (b, a) = (before.body.get(key), after.body.get(key));
            let nested = matches!(key.as_str(), "root_block_device" | "metadata_options")
                && b.is_none_or(Value::is_object)
                && a.is_none_or(Value::is_object);
            if nested && b.is_some() && a.is_some() {
                let (bm, am) = (
                    b.and_then(Value::as_object).cloned().unwrap_or_default(),
                    a.and_then(Value::as_object).cloned().unwrap_or_default(),
                );
                let mut sub: Vec<&String> = am.keys().collect();
                sub.extend(bm.keys().filter(|k| !am.contains_key(*k)));
                for s in sub {
                    paths.push((format!("{key}.{s}"), bm.get(s).cloned(), am.get(s).cloned()));
                }
            } else {
                paths.push((key.clone(), b.cloned(), a.cloned()));
            }
        }
        let mut changes = Vec::new();
        for (path, b, a) in paths {
            let row = rule(class, &path);
            let a = match (&a, row.map(|r| r.when_removed)) {
                (None, Some(WhenRemoved::Kept)) => continue,
                (None, Some(WhenRemoved::Default(text))) => serde_json::from_str(text).ok(),
                _ => a,
            };
            let b_resolved = b.as_ref().map(|v| resolve(v, &self.before));
            let a_resolved = a.as_ref().map(|v| resolve(v, &self.after));
            let known = a.as_ref().map_or(Known::Yes, |v| self.known_value(v));
            if b_resolved == a_resolved && known == Known::Yes {
                continue;
            }
            let effect = row.map_or(Effect::UpdatesInPlace, |r| r.effect);
            let forces = match effect {
                Effect::Replaces => true,
                Effect::UpdatesInPlace => false,
                Effect::ReplacesIfUserDataReplaceOnChange => replace_on_change,
            };
            let label = row.map_or_else(
                || Text::new(path.clone(), path.clone()),
                |r| Text::new(r.label_fr, r.label_en),
            );
            changes.push(AttributeChange {
                attribute: path,
                before: b,
                after: a,
                after_known: known == Known::Yes,
                forces_replacement: forces,
                certain: known != Known::Lookup,
                label,
            });
        }
        changes
    }
}

/// What `cdktf deploy` would do to `deployed` to make it `current`: one [`PlannedChange`]
/// per resource and data source of either stack (no change included), the outputs apart,
/// and Terraform's counts.
///
/// Errors: either stack refused by [`crate::synth`] (the error says which).
pub fn deploy_preview(deployed: &Stack, current: &Stack) -> Result<DeployPreview, DeployPreviewError> {
    let tf_before = synth_value(deployed, &SynthOptions::for_stack(deployed)).map_err(DeployPreviewError::Deployed)?;
    let tf_after = synth_value(current, &SynthOptions::for_stack(current)).map_err(DeployPreviewError::Current)?;
    let mut notes = Vec::new();
    // Another stack name is another state file: cdktf deploys a new stack, the old one stays.
    let same_stack = deployed.name == current.name;
    if !same_stack {
        notes.push(Text::new(
            format!("La stack s'appelle maintenant « {} » : c'est un autre état (terraform.{}.tfstate). cdktf deploy crée tout à nouveau et la stack « {} » reste déployée ; détruisez-la d'abord avec cdktf destroy.", current.name, current.name, deployed.name),
            format!("The stack is now named \"{}\": that is another state (terraform.{}.tfstate). cdktf deploy creates everything anew and the stack \"{}\" stays deployed; destroy it first with cdktf destroy.", current.name, current.name, deployed.name),
        ));
    }
    let before_list = if same_stack { configs(&tf_before) } else { Vec::new() };
    let after_list = configs(&tf_after);
    let before: HashMap<&str, &Config> = before_list.iter().map(|(a, c)| (a.as_str(), c)).collect();
    let after: HashMap<&str, &Config> = after_list.iter().map(|(a, c)| (a.as_str(), c)).collect();
    let mut order: Vec<&str> = after_list.iter().map(|(a, _)| a.as_str()).collect();
    order.extend(
        before_list
            .iter()
            .map(|(a, _)| a.as_str())
            .filter(|a| !after.contains_key(a)),
    );
    let mut planner = Planner {
        before,
        after,
        addresses: order.clone(),
        actions: HashMap::new(),
    };

    // Provider-wide changes: the region (every resource replaced) and the default tags.
    let (pb, pa) = (provider(&tf_before), provider(&tf_after));
    let region_change = same_stack && pb.get("region") != pa.get("region");
    let tags_change = same_stack && pb.get("default_tags") != pa.get("default_tags");
    if region_change {
        let r = |p: &Map<String, Value>| p.get("region").and_then(Value::as_str).unwrap_or("?").to_owned();
        notes.push(Text::new(
            format!("La région passe de {} à {} : chaque ressource est recréée dans la nouvelle région et détruite dans l'ancienne.", r(&pb), r(&pa)),
            format!("The region changes from {} to {}: every resource is created again in the new region and destroyed in the old one.", r(&pb), r(&pa)),
        ));
    }

    // Actions, to a fixed point: a replaced resource can replace those referring to it.
    for address in &order {
        let action = match (planner.before.get(address), planner.after.get(address)) {
            (None, Some(c)) if !c.is_data => Action::Create,
            (Some(c), None) if !c.is_data => Action::Destroy,
            (Some(b), Some(a)) if a.is_data && b.body != a.body => Action::Read,
            _ => Action::NoChange,
        };
        planner.actions.insert((*address).to_owned(), action);
    }
    let mut diffs: BTreeMap<String, Vec<AttributeChange>> = BTreeMap::new();
    for _ in 0..=order.len() {
        let mut changed = false;
        for address in &order {
            let (Some(_), Some(a)) = (planner.before.get(address), planner.after.get(address)) else {
                continue;
            };
            if a.is_data {
                continue;
            }
            let class = class_of(&a.terraform_type).unwrap_or("?");
            let mut attrs = planner.diff(address, class);
            if region_change {
                attrs.push(AttributeChange {
                    attribute: "region".into(),
                    before: pb.get("region").cloned(),
                    after: pa.get("region").cloned(),
                    after_known: true,
                    forces_replacement: true,
                    certain: true,
                    label: Text::new("la région", "the region"),
                });
            }
            if tags_change {
                attrs.push(AttributeChange {
                    attribute: "tags_all".into(),
                    before: pb.get("default_tags").cloned(),
                    after: pa.get("default_tags").cloned(),
                    after_known: true,
                    forces_replacement: false,
                    certain: true,
                    label: Text::new("les tags par défaut (tags_all)", "the default tags (tags_all)"),
                });
            }
            let action = if attrs.iter().any(|c| c.forces_replacement) {
                Action::Replace
            } else if attrs.is_empty() {
                Action::NoChange
            } else {
                Action::Update
            };
            if planner.actions.get(*address) != Some(&action) {
                planner.actions.insert((*address).to_owned(), action);
                changed = true;
            }
            diffs.insert((*address).to_owned(), attrs);
        }
        if !changed {
            break;
        }
    }

    let ids_after = construct_ids(current);
    let ids_before = construct_ids(deployed);
    let mut resources = Vec::new();
    for address in &order {
        let config = planner.after.get(address).or_else(|| planner.before.get(address));
        let Some(config) = config else { continue };
        let class = if config.is_data {
            "DataAwsAmi"
        } else {
            class_of(&config.terraform_type).unwrap_or("?")
        };
        let construct_id = ids_after
            .get(*address)
            .or_else(|| ids_before.get(*address))
            .cloned()
            .unwrap_or_else(|| address.rsplit('.').next().unwrap_or_default().to_owned());
        let action = planner.actions.get(*address).copied().unwrap_or(Action::NoChange);
        let attributes = diffs.remove(*address).unwrap_or_default();
        let replaced_because: Vec<String> = if action == Action::Replace {
            attributes
                .iter()
                .filter(|c| c.forces_replacement)
                .map(|c| c.attribute.clone())
                .collect()
        } else {
            Vec::new()
        };
        // Certain when one certain change alone leads to the action.
        let certain = match action {
            Action::Replace => attributes.iter().any(|c| c.certain && c.forces_replacement),
            Action::Update => attributes.iter().any(|c| c.certain),
            _ => true,
        };
        let notes = resource_notes(class, action, &attributes, address, &planner);
        let summary = summary_of(class, &construct_id, action, &attributes, certain);
        resources.push(PlannedChange {
            address: (*address).to_owned(),
            class,
            construct_id,
            action,
            attributes,
            replaced_because,
            certain,
            summary,
            notes,
        });
    }

    let outputs = output_changes(
        &if same_stack { outputs(&tf_before) } else { Map::new() },
        &outputs(&tf_after),
        &planner,
    );
    let count = |f: fn(Action) -> bool| resources.iter().filter(|r| f(r.action)).count();
    let to_add = count(|a| matches!(a, Action::Create | Action::Replace));
    let to_change = count(|a| a == Action::Update);
    let to_destroy = count(|a| matches!(a, Action::Destroy | Action::Replace));
    let outputs_change = outputs.iter().any(|o| o.action != OutputAction::NoChange);
    let summary = if to_add + to_change + to_destroy == 0 && outputs_change {
        Text::new(
            "Aucune ressource ne change ; seules les sorties changent.",
            "No resource changes; only outputs change.",
        )
    } else if to_add + to_change + to_destroy == 0 {
        Text::new(
            "Aucun changement : l'infrastructure correspond à la configuration.",
            "No changes. Your infrastructure matches the configuration.",
        )
    } else {
        Text::new(
            format!("Plan : {to_add} à créer, {to_change} à modifier, {to_destroy} à détruire."),
            format!("Plan: {to_add} to add, {to_change} to change, {to_destroy} to destroy."),
        )
    };
    Ok(DeployPreview {
        resources,
        outputs,
        to_add,
        to_change,
        to_destroy,
        summary,
        notes,
    })
}

/// "Instance « web » : remplacement (destruction puis création), à cause de l'AMI (ami)."
fn summary_of(class: &str, id: &str, action: Action, attributes: &[AttributeChange], certain: bool) -> Text {
    let label = action.label();
    let forcing: Vec<&AttributeChange> = attributes.iter().filter(|c| c.forces_replacement).collect();
    let list = |lang: Lang| -> String {
        let items: Vec<String> = match action {
            Action::Replace => forcing
                .iter()
                .map(|c| format!("{} ({})", c.label.get(lang), c.attribute))
                .collect(),
            _ => attributes
                .iter()
                .map(|c| format!("{} ({})", c.label.get(lang), c.attribute))
                .collect(),
        };
        let and = if lang == Lang::Fr { " et " } else { " and " };
        match items.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{}{and}{last}", rest.join(", ")),
        }
    };
    let (fr, en) = match action {
        Action::Replace => (
            format!("{class} « {id} » : {}, à cause de {}", label.fr, list(Lang::Fr)),
            format!("{class} \"{id}\": {}, because of {}", label.en, list(Lang::En)),
        ),
        Action::Update => (
            format!("{class} « {id} » : {} de {}", label.fr, list(Lang::Fr)),
            format!("{class} \"{id}\": {} of {}", label.en, list(Lang::En)),
        ),
        _ => (
            format!("{class} « {id} » : {}", label.fr),
            format!("{class} \"{id}\": {}", label.en),
        ),
    };
    if certain {
        Text::new(format!("{fr}."), format!("{en}."))
    } else {
        Text::new(
            format!("{fr}, si la nouvelle recherche d'AMI trouve une autre valeur."),
            format!("{en}, if the new AMI lookup finds another value."),
        )
    }
}

fn resource_notes(
    class: &str,
    action: Action,
    attributes: &[AttributeChange],
    address: &str,
    planner: &Planner<'_>,
) -> Vec<Text> {
    let mut notes = Vec::new();
    let changes = |name: &str| attributes.iter().any(|c| c.attribute == name);
    match (class, action) {
        ("Instance", Action::Replace) => notes.push(Text::new(
            "Une nouvelle instance : nouvel id, nouvelle adresse IP publique, et ce qui était sur son volume racine est perdu.",
            "A new instance: a new id, a new public IP address, and what was on its root volume is lost.",
        )),
        ("Instance", Action::Update) => {
            if changes("instance_type") || changes("user_data") || changes("user_data_base64") {
                notes.push(Text::new(
                    "L'instance est arrêtée puis redémarrée : son adresse IP publique change (sauf adresse IP Elastic).",
                    "The instance is stopped, then started: its public IP address changes (unless it has an Elastic IP).",
                ));
            }
            if changes("user_data") || changes("user_data_base64") {
                notes.push(Text::new(
                    "Le nouveau script de démarrage ne s'exécute pas : cloud-init n'exécute le user data qu'au premier démarrage. Avec user_data_replace_on_change=True, l'instance est remplacée et le script s'exécute.",
                    "The new user data script does not run: cloud-init runs user data on the first boot only. With user_data_replace_on_change=True the instance is replaced and the script runs.",
                ));
            }
        }
        ("EbsVolume", Action::Replace) => notes.push(Text::new(
            "Un nouveau volume : les données de l'ancien sont perdues (faites un snapshot avant).",
            "A new volume: the old one's data is lost (take a snapshot first).",
        )),
        ("SecurityGroup", Action::Replace) => {
            let used = planner.after.iter().any(|(a, c)| {
                let mut refs = Vec::new();
                references(&Value::Object(c.body.clone()), &[address], &mut refs);
                *a != address && !refs.is_empty()
            });
            if used {
                notes.push(Text::new(
                    "Terraform détruit l'ancien groupe avant de créer le nouveau ; tant qu'une instance l'utilise, AWS refuse (DependencyViolation) et le déploiement attend puis échoue. Créez un groupe d'un autre nom, ou remplacez aussi l'instance.",
                    "Terraform destroys the old group before creating the new one; while an instance uses it, AWS refuses (DependencyViolation) and the deployment waits, then fails. Create a group with another name, or replace the instance too.",
                ));
            }
        }
        _ => {}
    }
    // An AMI lookup with most_recent=True finds a newer AMI when Amazon publishes one.
    if class == "Instance" && action != Action::Destroy {
        if let Some(ami) = planner.after.get(address).and_then(|c| c.body.get("ami")) {
            let mut refs = Vec::new();
            references(ami, &planner.addresses, &mut refs);
            let recent = refs.iter().any(|(a, _)| {
                planner
                    .after
                    .get(a.as_str())
                    .is_some_and(|c| c.is_data && c.body.get("most_recent") == Some(&Value::Bool(true)))
            });
            if recent {
                notes.push(Text::new(
                    "L'AMI vient d'une recherche most_recent=True : quand Amazon publie une AMI plus récente, le déploiement suivant remplace l'instance.",
                    "The AMI comes from a most_recent=True lookup: when Amazon publishes a newer AMI, the next deployment replaces the instance.",
                ));
            }
        }
    }
    notes
}

fn output_changes(before: &Map<String, Value>, after: &Map<String, Value>, planner: &Planner<'_>) -> Vec<OutputChange> {
    let mut names: Vec<&String> = after.keys().collect();
    names.extend(before.keys().filter(|k| !after.contains_key(*k)));
    names
        .into_iter()
        .map(|name| {
            let (b, a) = (before.get(name), after.get(name));
            let known = a.is_none_or(|v| planner.known_value(v) == Known::Yes);
            let action = match (b, a) {
                (None, Some(_)) => OutputAction::Added,
                (Some(_), None) => OutputAction::Removed,
                (Some(b), Some(a)) if b != a || !known => OutputAction::Changed,
                _ => OutputAction::NoChange,
            };
            let after_apply = if known { "" } else { " (connue après le déploiement)" };
            let after_apply_en = if known { "" } else { " (known after apply)" };
            let summary = match action {
                OutputAction::Added => Text::new(
                    format!("Sortie « {name} » : ajoutée{after_apply}."),
                    format!("Output \"{name}\": added{after_apply_en}."),
                ),
                OutputAction::Removed => Text::new(
                    format!("Sortie « {name} » : retirée."),
                    format!("Output \"{name}\": removed."),
                ),
                OutputAction::Changed => Text::new(
                    format!("Sortie « {name} » : modifiée{after_apply}."),
                    format!("Output \"{name}\": changed{after_apply_en}."),
                ),
                OutputAction::NoChange => Text::new(
                    format!("Sortie « {name} » : inchangée."),
                    format!("Output \"{name}\": unchanged."),
                ),
            };
            OutputChange {
                name: name.clone(),
                action,
                known_before_apply: known,
                summary,
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "deploy_tests.rs"]
mod tests;
