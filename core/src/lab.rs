//! Labs as data: a lab file (JSON, documented in `docs/labs.md`) lists the steps of a
//! course lab; each step says, as a condition on the [`Stack`], when it is done, and may
//! carry a template that adds what is missing. Steps after the stack (synth, deploy, SSH,
//! destroy) give the exact commands for the downloaded project.
//!
//! - [`load_lab`]: the lab file's text → [`Lab`], or a [`LabError`] naming the value and
//!   where (line and column, or JSON path), in French and English;
//! - [`lab_progress`]: one [`StepStatus`] per step (done or not, what is missing, whether
//!   its template applies, the commands with the stack's names);
//! - [`apply_step_template`]: the stack with a step's template applied.
//!
//! Pure functions over [`Stack`], serializable results, no browser crate: the web page
//! calls them as the CLI does (`ec2-playground lab LAB STACK`).
//!
//! # Conditions
//!
//! A [`Condition`] is one of:
//! - `{"resource": "<class>", "where": {<kwarg>: <predicate>, ...}, "at_least": n}`: at
//!   least `n` (default 1) resources of that cdktf class whose kwargs satisfy every predicate;
//! - `{"step": "<id>"}`: the condition of an earlier step holds (its matches are its own);
//! - `{"all": [...]}` / `{"any": [...]}`: every / some condition holds.
//!
//! A [`Predicate`] looks at one kwarg's value as the stack document writes it (JSON). Every
//! field given must hold: `set` (present or absent), `equals`, `one_of`, `contains` (text of
//! a string, a script or any item of a list), `references` (a reference `{"ref", "attr"}`
//! anywhere in the value whose target satisfies a condition; `attr` narrows the attribute),
//! `allows` (a list of security group rules lets `{"protocol", "port"}` through), `where`
//! (a nested block, or some item of a list of blocks, satisfies these predicates) and
//! `at_least` (a list has at least n items).
//!
//! # Templates
//!
//! A [`Template`] is `{"add": <resource>}` (a resource of the stack document, inserted after
//! the resources it refers to: a provider first, an output last, anything else before the
//! first output that comes after what it refers to) or `{"on": <condition>, "set": {...},
//! "append": {...}}` (kwargs set on, or list items appended to, the first resource the
//! condition matches). In either, a reference `{"ref": {"step": "<id>"}, "attr": "..."}`
//! names the first resource the step's condition matches.

use std::collections::HashMap;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use thiserror::Error;

use crate::i18n::{Lang, Text};
use crate::model::{DataAwsAmi, Resource, ResourceKind, Stack};
use crate::quote::{shortened, EXCERPT_CHARS, PATH_CHARS};
use crate::schema;
use crate::value::StrValue;

/// The lab file version this build reads.
pub const LAB_VERSION: u32 = 1;

/// A lab: its steps, in the order the learner takes them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lab {
    /// Always [`LAB_VERSION`].
    pub lab_version: u32,
    /// Stable id (`"module-2-ec2"`).
    pub id: String,
    /// The lab's title.
    pub title: Text,
    /// What the lab builds, in a sentence or two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// The fixture folder, from the repository's root (`"tests/fixtures/ec2-lab"`, holding
    /// `stack.json` and `cdk.tf.json`), that the templates applied in order from the empty
    /// stack reach; `core/tests/lab.rs` checks it for every lab under `labs/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub golden: Option<String>,
    /// The name of the empty stack the lab starts from (also the project folder's name),
    /// [`DEFAULT_STACK_NAME`] when absent; a lab with a golden names the golden's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stack_name: Option<String>,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

/// The name of the stack a lab starts from when its file gives none.
pub const DEFAULT_STACK_NAME: &str = "ma-stack";

impl Lab {
    /// The empty stack the lab starts from: no resource, named [`Lab::stack_name`].
    pub fn start_stack(&self) -> Stack {
        Stack::new(self.stack_name.as_deref().unwrap_or(DEFAULT_STACK_NAME))
    }
}

/// One step of a lab: a condition on the stack, or commands to run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable id, unique in the lab (`"security_group"`).
    pub id: String,
    /// The step's title.
    pub title: Text,
    /// What is missing while the step is not done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<Text>,
    /// How to do it (the cdktf Python to write).
    pub hint: Text,
    /// When the step is done: a condition on the stack. Absent for a commands step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// What adds the missing part, if the lab gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<Template>,
    /// Commands to run in the downloaded project (a commands step has no condition).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commands: Vec<CommandSpec>,
}

/// A command of a commands step. `run` (and `see`, and the step's hint) may hold
/// placeholders, replaced from the stack:
/// `{stack}` (the stack's name), `{key_name}` (the key pair name of the first instance with
/// one), `{ssh_user}` (the default user of that instance's AMI, see [`ssh_user`]),
/// `{public_ip}` (`<name of the output giving the public IP>`, to replace by its value).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandSpec {
    /// The command line.
    pub run: String,
    /// What the learner should see.
    pub see: Text,
}

/// A condition on the stack (see the module's documentation).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// A cdktf class (`"SecurityGroup"`): resources of that class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// Predicates on the kwargs (stack document keys: `self`, `type`) of those resources.
    #[serde(default, rename = "where", skip_serializing_if = "IndexMap::is_empty")]
    pub where_: IndexMap<String, Predicate>,
    /// How many resources must match (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<usize>,
    /// An earlier step's condition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// Every condition holds (matches: those of the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Condition>>,
    /// Some condition holds (matches: those of the first that holds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Condition>>,
}

/// A predicate on one kwarg's value (see the module's documentation). Every field given
/// must hold; an empty predicate `{}` holds for any value, present or not.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Predicate {
    /// `true`: the kwarg is given; `false`: it is left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<bool>,
    /// The value, as the stack document writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<Value>,
    /// One of these values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<Value>>,
    /// Text found in the value: a string, a user-data script, or an item of a list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contains: Option<String>,
    /// A reference in the value whose target satisfies this condition (a `resource`
    /// condition is tested on the target itself; a `step` condition asks the target to be
    /// one of the step's matches).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub references: Option<Box<Condition>>,
    /// The referenced attribute (`"public_ip"`), with `references`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attr: Option<String>,
    /// A list of security group rules lets this traffic through, whatever the source (a
    /// rule of protocol `-1` lets everything through).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allows: Option<Traffic>,
    /// A nested block (or some item of a list of blocks) satisfies these predicates.
    #[serde(default, rename = "where", skip_serializing_if = "Option::is_none")]
    pub where_: Option<IndexMap<String, Predicate>>,
    /// A list with at least this many items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<usize>,
}

/// Traffic a rule lets through: `{"protocol": "tcp", "port": 22}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Traffic {
    /// `tcp`, `udp`, `icmp` or a protocol number; a rule of protocol `-1` lets all through.
    pub protocol: String,
    /// The port (for ICMP, the type).
    pub port: i64,
}

/// What adds a step's missing part (see the module's documentation).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// A resource of the stack document to add (`{"SecurityGroup": {...}}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add: Option<Value>,
    /// The resource to change: the first this condition matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<Condition>,
    /// Kwargs to set on it.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub set: Map<String, Value>,
    /// Items to append to its list kwargs (the list is created when absent).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub append: Map<String, Value>,
}

/// Whether a step's template can be applied to the stack now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum TemplateState {
    /// The step has no template (or is a commands step).
    None,
    /// The step is done: nothing to add.
    Done,
    /// The template applies.
    Applies,
    /// The template needs what an earlier step makes: do that step first.
    Blocked {
        /// That step's id.
        step: String,
    },
}

/// A command with the stack's names put in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandLine {
    /// The command to type.
    pub run: String,
    /// What the learner should see.
    pub see: Text,
}

/// Where one step stands on a stack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepStatus {
    /// The step's id.
    pub id: String,
    /// The step's title.
    pub title: Text,
    /// True when the condition holds (always false for a commands step).
    pub done: bool,
    /// What is missing, when not done (a commands step: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<Text>,
    /// How to do it.
    pub hint: Text,
    /// Whether the template applies.
    pub template: TemplateState,
    /// Construct ids of the resources the condition matched, in stack order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matched: Vec<String>,
    /// The commands of a commands step, with the stack's names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commands: Vec<CommandLine>,
}

/// Why a lab file could not be read, or a template not applied.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LabError {
    /// Not JSON, or JSON of the wrong shape (unknown fields included).
    #[error("{} (line {line}, column {column}): {message}", shortened(.path, PATH_CHARS, Lang::En))]
    Invalid {
        /// JSON path of the fault (`steps[2].condition.where`), or `.`.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde's description.
        message: String,
    },
    /// A lab file of another version.
    #[error("lab_version: this is a lab file of version {found}; this playground reads version {LAB_VERSION}")]
    UnknownVersion {
        /// The version found.
        found: u32,
    },
    /// A value the lab format refuses, at a JSON path.
    #[error("{path}: {en}")]
    Refused {
        /// JSON path of the value (`steps[3].condition.resource`).
        path: String,
        /// What is wrong, in English.
        en: String,
        /// What is wrong, in French.
        fr: String,
    },
    /// No step with this id.
    #[error("no step \"{0}\" in this lab")]
    UnknownStep(String),
    /// The step has no template.
    #[error("the step \"{0}\" has no template")]
    NoTemplate(String),
    /// The step is already done.
    #[error("the step \"{0}\" is already done")]
    AlreadyDone(String),
    /// The template needs what another step makes, and the stack does not have it yet.
    #[error("the step \"{step}\" needs the step \"{needs}\" first")]
    Blocked {
        /// The step asked for.
        step: String,
        /// The step to do first.
        needs: String,
    },
    /// The template's result is not a valid stack document.
    #[error("the template of step \"{step}\" does not give a valid resource: {message}")]
    Template {
        /// The step.
        step: String,
        /// Why, from the document's reader.
        message: String,
    },
}

impl LabError {
    /// The error in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (
                LabError::Invalid {
                    path,
                    line,
                    column,
                    message,
                },
                Lang::Fr,
            ) => format!(
                "{} (ligne {line}, colonne {column}) : {message}",
                shortened(path, PATH_CHARS, Lang::Fr)
            ),
            (LabError::UnknownVersion { found }, Lang::Fr) => format!(
                "lab_version : ce fichier de lab est en version {found} ; ce playground lit la version {LAB_VERSION}"
            ),
            (LabError::Refused { path, fr, .. }, Lang::Fr) => format!("{path} : {fr}"),
            (LabError::UnknownStep(s), Lang::Fr) => format!("pas d'étape « {s} » dans ce lab"),
            (LabError::NoTemplate(s), Lang::Fr) => format!("l'étape « {s} » n'a pas de modèle"),
            (LabError::AlreadyDone(s), Lang::Fr) => format!("l'étape « {s} » est déjà faite"),
            (LabError::Blocked { step, needs }, Lang::Fr) => {
                format!("l'étape « {step} » demande d'abord l'étape « {needs} »")
            }
            (LabError::Template { step, message }, Lang::Fr) => {
                format!("le modèle de l'étape « {step} » ne donne pas une ressource valide : {message}")
            }
        }
    }
}

fn refused(path: impl Into<String>, en: impl Into<String>, fr: impl Into<String>) -> LabError {
    LabError::Refused {
        path: path.into(),
        en: en.into(),
        fr: fr.into(),
    }
}

/// The placeholders a command may hold.
const PLACEHOLDERS: &[&str] = &["stack", "key_name", "ssh_user", "public_ip"];

/// Reads a lab file (JSON text, `docs/labs.md`).
///
/// Errors: [`LabError::Invalid`] with line and column for bad JSON, a wrong type or an
/// unknown field; [`LabError::UnknownVersion`]; [`LabError::Refused`] with the JSON path for
/// what the format refuses: two steps with one id, an unknown class, a kwarg the class does
/// not have, a `step` that is not an earlier step, a condition that is none or two of
/// `resource`/`step`/`all`/`any`, a step with neither condition nor commands, a template
/// whose resource does not read, an unknown placeholder in a command. Never panics.
pub fn load_lab(text: &str) -> Result<Lab, LabError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let de = &mut serde_json::Deserializer::from_str(text);
    let lab: Lab = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let message = inner.to_string();
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_owned(),
            None => message,
        };
        LabError::Invalid {
            path,
            line: inner.line(),
            column: inner.column(),
            message: shortened(&message, 200, Lang::En),
        }
    })?;
    if lab.lab_version != LAB_VERSION {
        return Err(LabError::UnknownVersion { found: lab.lab_version });
    }
    validate(&lab)?;
    Ok(lab)
}

fn validate(lab: &Lab) -> Result<(), LabError> {
    let mut earlier: Vec<&str> = Vec::new();
    for (i, step) in lab.steps.iter().enumerate() {
        let at = format!("steps[{i}]");
        if step.id.is_empty() {
            return Err(refused(
                format!("{at}.id"),
                "a step id is empty",
                "un id d'étape est vide",
            ));
        }
        if earlier.contains(&step.id.as_str()) {
            return Err(refused(
                format!("{at}.id"),
                format!("two steps have the id \"{}\"", step.id),
                format!("deux étapes ont l'id « {} »", step.id),
            ));
        }
        match (&step.condition, step.commands.is_empty()) {
            (Some(c), true) => validate_condition(c, &format!("{at}.condition"), &earlier)?,
            (None, false) => {
                for (j, c) in step.commands.iter().enumerate() {
                    validate_command(&c.run, &format!("{at}.commands[{j}].run"))?;
                }
            }
            (Some(_), false) => {
                return Err(refused(
                    &at,
                    "a step has a condition or commands, not both",
                    "une étape a une condition ou des commandes, pas les deux",
                ))
            }
            (None, true) => {
                return Err(refused(
                    &at,
                    "a step needs a condition (a stack step) or commands (a commands step)",
                    "une étape a besoin d'une condition (étape de stack) ou de commandes (étape de commandes)",
                ))
            }
        }
        if step.condition.is_some() && step.missing.is_none() {
            return Err(refused(
                format!("{at}.missing"),
                "a stack step says what is missing (\"missing\": {\"fr\": ..., \"en\": ...})",
                "une étape de stack dit ce qui manque (\"missing\": {\"fr\": ..., \"en\": ...})",
            ));
        }
        if let Some(t) = &step.template {
            if step.condition.is_none() {
                return Err(refused(
                    format!("{at}.template"),
                    "a commands step has no template",
                    "une étape de commandes n'a pas de modèle",
                ));
            }
            // The step itself may be named in its template's `on`.
            let mut with_self = earlier.clone();
            with_self.push(&step.id);
            validate_template(t, &format!("{at}.template"), &earlier, &with_self)?;
        }
        earlier.push(&step.id);
    }
    Ok(())
}

fn validate_command(run: &str, path: &str) -> Result<(), LabError> {
    let mut rest = run;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !PLACEHOLDERS.contains(&name) {
            return Err(refused(
                path,
                format!(
                    "unknown placeholder {{{}}}: write one of {{stack}}, {{key_name}}, {{ssh_user}}, {{public_ip}}",
                    shortened(name, EXCERPT_CHARS, Lang::En)
                ),
                format!(
                    "marque inconnue {{{}}} : écrivez {{stack}}, {{key_name}}, {{ssh_user}} ou {{public_ip}}",
                    shortened(name, EXCERPT_CHARS, Lang::Fr)
                ),
            ));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

fn kind_named(name: &str) -> Option<ResourceKind> {
    ResourceKind::ALL.into_iter().find(|k| k.class_name() == name)
}

fn class_list() -> String {
    ResourceKind::ALL.map(ResourceKind::class_name).join(", ")
}

/// The stack document keys of a class: its kwargs, `id` and `var`.
fn has_key(kind: ResourceKind, key: &str) -> bool {
    key == "id" || key == "var" || schema::class(kind).kwargs.iter().any(|k| k.key == key)
}

fn validate_condition(c: &Condition, path: &str, earlier: &[&str]) -> Result<(), LabError> {
    let forms = [c.resource.is_some(), c.step.is_some(), c.all.is_some(), c.any.is_some()]
        .iter()
        .filter(|b| **b)
        .count();
    if forms != 1 {
        return Err(refused(
            path,
            "a condition is exactly one of {\"resource\": ...}, {\"step\": ...}, {\"all\": [...]}, {\"any\": [...]}",
            "une condition est exactement une de {\"resource\": ...}, {\"step\": ...}, {\"all\": [...]}, {\"any\": [...]}",
        ));
    }
    if c.resource.is_none() && (!c.where_.is_empty() || c.at_least.is_some()) {
        return Err(refused(
            path,
            "\"where\" and \"at_least\" go with \"resource\"",
            "« where » et « at_least » vont avec « resource »",
        ));
    }
    if let Some(name) = &c.resource {
        let Some(kind) = kind_named(name) else {
            return Err(refused(
                format!("{path}.resource"),
                format!(
                    "unknown class \"{}\": write one of {}",
                    shortened(name, EXCERPT_CHARS, Lang::En),
                    class_list()
                ),
                format!(
                    "classe inconnue « {} » : écrivez une de {}",
                    shortened(name, EXCERPT_CHARS, Lang::Fr),
                    class_list()
                ),
            ));
        };
        for (key, p) in &c.where_ {
            let at = format!("{path}.where.{key}");
            if !has_key(kind, key) {
                return Err(refused(
                    &at,
                    format!(
                        "{name} has no kwarg \"{}\" (stack document keys: {})",
                        shortened(key, EXCERPT_CHARS, Lang::En),
                        keys_of(kind)
                    ),
                    format!(
                        "{name} n'a pas de kwarg « {} » (clés du document de stack : {})",
                        shortened(key, EXCERPT_CHARS, Lang::Fr),
                        keys_of(kind)
                    ),
                ));
            }
            validate_predicate(p, &at, earlier)?;
        }
    }
    if let Some(step) = &c.step {
        if !earlier.contains(&step.as_str()) {
            return Err(refused(
                format!("{path}.step"),
                format!(
                    "\"{}\" is not an earlier step: a condition names only the steps before its own",
                    shortened(step, EXCERPT_CHARS, Lang::En)
                ),
                format!(
                    "« {} » n'est pas une étape précédente : une condition ne nomme que les étapes d'avant la sienne",
                    shortened(step, EXCERPT_CHARS, Lang::Fr)
                ),
            ));
        }
    }
    for (name, list) in [("all", &c.all), ("any", &c.any)] {
        for (j, sub) in list.iter().flatten().enumerate() {
            validate_condition(sub, &format!("{path}.{name}[{j}]"), earlier)?;
        }
    }
    Ok(())
}

fn keys_of(kind: ResourceKind) -> String {
    schema::class(kind)
        .kwargs
        .iter()
        .map(|k| k.key)
        .collect::<Vec<_>>()
        .join(", ")
}

fn validate_predicate(p: &Predicate, path: &str, earlier: &[&str]) -> Result<(), LabError> {
    if let Some(c) = &p.references {
        validate_condition(c, &format!("{path}.references"), earlier)?;
    }
    if p.attr.is_some() && p.references.is_none() {
        return Err(refused(
            format!("{path}.attr"),
            "\"attr\" goes with \"references\"",
            "« attr » va avec « references »",
        ));
    }
    for (key, sub) in p.where_.iter().flatten() {
        validate_predicate(sub, &format!("{path}.where.{key}"), earlier)?;
    }
    Ok(())
}

fn validate_template(t: &Template, path: &str, earlier: &[&str], with_self: &[&str]) -> Result<(), LabError> {
    match (&t.add, &t.on) {
        (Some(add), None) => {
            if !t.set.is_empty() || !t.append.is_empty() {
                return Err(refused(
                    path,
                    "\"set\" and \"append\" go with \"on\", not with \"add\"",
                    "« set » et « append » vont avec « on », pas avec « add »",
                ));
            }
            let resolved = resolve_refs(add, &mut |step| {
                earlier
                    .contains(&step)
                    .then(|| "placeholder".to_owned())
                    .ok_or(step.to_owned())
            })
            .map_err(|step| unknown_ref_step(&format!("{path}.add"), &step))?;
            serde_json::from_value::<Resource>(resolved).map_err(|e| {
                refused(
                    format!("{path}.add"),
                    format!("not a resource of the stack document: {e}"),
                    format!("pas une ressource du document de stack : {e}"),
                )
            })?;
            Ok(())
        }
        (None, Some(on)) => {
            validate_condition(on, &format!("{path}.on"), with_self)?;
            if t.set.is_empty() && t.append.is_empty() {
                return Err(refused(
                    path,
                    "a template with \"on\" has \"set\" or \"append\"",
                    "un modèle avec « on » a « set » ou « append »",
                ));
            }
            for (name, map) in [("set", &t.set), ("append", &t.append)] {
                for (key, v) in map {
                    resolve_refs(v, &mut |step| {
                        earlier.contains(&step).then(|| "x".to_owned()).ok_or(step.to_owned())
                    })
                    .map_err(|step| unknown_ref_step(&format!("{path}.{name}.{key}"), &step))?;
                    if name == "append" && !v.is_array() {
                        return Err(refused(
                            format!("{path}.append.{key}"),
                            "\"append\" takes a list of items for each kwarg",
                            "« append » prend une liste d'éléments pour chaque kwarg",
                        ));
                    }
                }
            }
            Ok(())
        }
        _ => Err(refused(
            path,
            "a template is {\"add\": <resource>} or {\"on\": <condition>, \"set\": {...}, \"append\": {...}}",
            "un modèle est {\"add\": <ressource>} ou {\"on\": <condition>, \"set\": {...}, \"append\": {...}}",
        )),
    }
}

fn unknown_ref_step(path: &str, step: &str) -> LabError {
    refused(
        path,
        format!(
            "{{\"ref\": {{\"step\": \"{}\"}}}} does not name an earlier step",
            shortened(step, EXCERPT_CHARS, Lang::En)
        ),
        format!(
            "{{\"ref\": {{\"step\": \"{}\"}}}} ne nomme pas une étape précédente",
            shortened(step, EXCERPT_CHARS, Lang::Fr)
        ),
    )
}

/// `value` with every `{"ref": {"step": S}, "attr": A}` turned into `{"ref": id, "attr": A}`
/// where `id = f(S)`; `Err(S)` when `f` has no id for `S`.
fn resolve_refs(value: &Value, f: &mut dyn FnMut(&str) -> Result<String, String>) -> Result<Value, String> {
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                let step = (k == "ref")
                    .then(|| v.as_object())
                    .flatten()
                    .and_then(|o| o.get("step"))
                    .and_then(Value::as_str);
                match step {
                    Some(step) => {
                        out.insert(k.clone(), Value::String(f(step)?));
                    }
                    None => {
                        out.insert(k.clone(), resolve_refs(v, f)?);
                    }
                }
            }
            Ok(Value::Object(out))
        }
        Value::Array(items) => items
            .iter()
            .map(|v| resolve_refs(v, f))
            .collect::<Result<_, _>>()
            .map(Value::Array),
        other => Ok(other.clone()),
    }
}

/// What is known of a stack while a lab is evaluated on it.
struct Eval<'a> {
    stack: &'a Stack,
    /// Each resource as the stack document writes it (the object under its class).
    docs: Vec<Value>,
    by_id: HashMap<&'a str, usize>,
    /// Matches of the steps evaluated so far (`None`: the condition does not hold).
    steps: HashMap<String, Option<Vec<usize>>>,
}

impl<'a> Eval<'a> {
    fn new(stack: &'a Stack) -> Self {
        let docs = stack
            .resources
            .iter()
            .map(|r| {
                serde_json::to_value(r)
                    .ok()
                    .and_then(|v| match v {
                        Value::Object(m) => m.into_iter().next().map(|(_, inner)| inner),
                        _ => None,
                    })
                    .unwrap_or(Value::Null)
            })
            .collect();
        let mut by_id = HashMap::new();
        for (i, r) in stack.resources.iter().enumerate() {
            by_id.entry(r.id()).or_insert(i);
        }
        Eval {
            stack,
            docs,
            by_id,
            steps: HashMap::new(),
        }
    }

    /// The resources the condition matches, when it holds.
    fn matches(&self, c: &Condition) -> Option<Vec<usize>> {
        if c.resource.is_some() {
            let found: Vec<usize> = (0..self.stack.resources.len())
                .filter(|&i| self.resource_satisfies(i, c))
                .collect();
            let need = c.at_least.unwrap_or(1).max(1);
            return (found.len() >= need).then_some(found);
        }
        if let Some(step) = &c.step {
            return self.steps.get(step).cloned().flatten();
        }
        if let Some(all) = &c.all {
            let mut first = None;
            for sub in all {
                let m = self.matches(sub)?;
                first.get_or_insert(m);
            }
            return Some(first.unwrap_or_default());
        }
        if let Some(any) = &c.any {
            return any.iter().find_map(|sub| self.matches(sub));
        }
        None
    }

    /// True when resource `i` is one the condition is about: of its class with every
    /// predicate (a `resource` condition), or one of the matches (any other).
    fn resource_satisfies(&self, i: usize, c: &Condition) -> bool {
        let Some(resource) = self.stack.resources.get(i) else {
            return false;
        };
        match &c.resource {
            Some(name) => {
                resource.kind().class_name() == name
                    && c.where_.iter().all(|(key, p)| {
                        let v = self.docs.get(i).and_then(|d| d.get(key));
                        self.predicate(p, v)
                    })
            }
            None => self.matches(c).is_some_and(|m| m.contains(&i)),
        }
    }

    fn predicate(&self, p: &Predicate, v: Option<&Value>) -> bool {
        let v = v.filter(|v| !v.is_null());
        if let Some(set) = p.set {
            if set != v.is_some() {
                return false;
            }
        }
        if let Some(want) = &p.equals {
            if v != Some(want) {
                return false;
            }
        }
        if let Some(options) = &p.one_of {
            if !v.is_some_and(|v| options.contains(v)) {
                return false;
            }
        }
        if let Some(text) = &p.contains {
            if !v.is_some_and(|v| contains_text(v, text)) {
                return false;
            }
        }
        if let Some(target) = &p.references {
            let mut refs = Vec::new();
            if let Some(v) = v {
                collect_refs(v, &mut refs);
            }
            let ok = refs.iter().any(|(id, attr)| {
                p.attr.as_deref().is_none_or(|a| a == attr)
                    && self
                        .by_id
                        .get(id.as_str())
                        .is_some_and(|&t| self.resource_satisfies(t, target))
            });
            if !ok {
                return false;
            }
        }
        if let Some(traffic) = &p.allows {
            let ok = v
                .and_then(Value::as_array)
                .is_some_and(|rules| rules.iter().any(|r| rule_allows(r, traffic)));
            if !ok {
                return false;
            }
        }
        if let Some(preds) = &p.where_ {
            let holds = |o: &Value| preds.iter().all(|(k, sub)| self.predicate(sub, o.get(k)));
            let ok = match v {
                Some(Value::Array(items)) => items.iter().any(holds),
                Some(o @ Value::Object(_)) => holds(o),
                _ => false,
            };
            if !ok {
                return false;
            }
        }
        if let Some(n) = p.at_least {
            if v.and_then(Value::as_array).is_none_or(|a| a.len() < n) {
                return false;
            }
        }
        true
    }
}

fn contains_text(v: &Value, text: &str) -> bool {
    match v {
        Value::String(s) => s.contains(text),
        Value::Array(items) => items.iter().any(|i| contains_text(i, text)),
        Value::Object(o) => o
            .get("script")
            .and_then(Value::as_str)
            .is_some_and(|s| s.contains(text)),
        _ => false,
    }
}

fn collect_refs(v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(o) => {
            if let (Some(Value::String(r)), Some(Value::String(a))) = (o.get("ref"), o.get("attr")) {
                out.push((r.clone(), a.clone()));
            } else {
                o.values().for_each(|x| collect_refs(x, out));
            }
        }
        Value::Array(items) => items.iter().for_each(|x| collect_refs(x, out)),
        _ => {}
    }
}

/// Protocol names and numbers as the EC2 API takes them (tcp 6, udp 17, icmp 1; -1 all).
fn protocol_number(p: &str) -> Option<i64> {
    match p.to_ascii_lowercase().as_str() {
        "tcp" => Some(6),
        "udp" => Some(17),
        "icmp" => Some(1),
        "icmpv6" => Some(58),
        "-1" | "all" => Some(-1),
        n => n.parse().ok(),
    }
}

fn rule_allows(rule: &Value, t: &Traffic) -> bool {
    let Some(proto) = rule.get("protocol").and_then(Value::as_str).and_then(protocol_number) else {
        return false;
    };
    if proto == -1 {
        return true;
    }
    if Some(proto) != protocol_number(&t.protocol) {
        return false;
    }
    let from = rule.get("from_port").and_then(Value::as_i64);
    let to = rule.get("to_port").and_then(Value::as_i64);
    match (from, to) {
        (Some(f), Some(to)) => f <= t.port && t.port <= to,
        _ => false,
    }
}

/// Evaluates every stack step of `lab` on `stack`, in order.
fn evaluate<'a>(lab: &Lab, stack: &'a Stack) -> Eval<'a> {
    let mut ev = Eval::new(stack);
    for step in &lab.steps {
        if let Some(c) = &step.condition {
            let m = ev.matches(c);
            ev.steps.insert(step.id.clone(), m);
        }
    }
    ev
}

/// Where each step of `lab` stands on `stack`, in the lab's order. Pure; never panics.
///
/// A stack step is done when its condition holds; its template applies when the step is
/// not done and every step its template refers to is done. A commands step is never done
/// (the page ticks it by hand); its commands carry the stack's names.
pub fn lab_progress(lab: &Lab, stack: &Stack) -> Vec<StepStatus> {
    let ev = evaluate(lab, stack);
    lab.steps
        .iter()
        .map(|step| {
            let matched = step
                .condition
                .as_ref()
                .and_then(|_| ev.steps.get(&step.id).cloned().flatten());
            let done = matched.is_some();
            let template = match (&step.template, done) {
                (None, _) => TemplateState::None,
                (Some(_), true) => TemplateState::Done,
                (Some(t), false) => match blocking_step(&ev, t) {
                    Some(needs) => TemplateState::Blocked { step: needs },
                    None => TemplateState::Applies,
                },
            };
            StepStatus {
                id: step.id.clone(),
                title: step.title.clone(),
                done,
                missing: if done { None } else { step.missing.clone() },
                hint: if step.commands.is_empty() {
                    step.hint.clone()
                } else {
                    render_text(&step.hint, stack)
                },
                template,
                matched: matched
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|i| stack.resources.get(i).map(|r| r.id().to_owned()))
                    .collect(),
                commands: step
                    .commands
                    .iter()
                    .map(|c| CommandLine {
                        run: render_command(&c.run, stack),
                        see: render_text(&c.see, stack),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The first step the template refers to that does not hold yet.
fn blocking_step(ev: &Eval, t: &Template) -> Option<String> {
    let mut needed = Vec::new();
    for v in t.add.iter().chain(t.set.values()).chain(t.append.values()) {
        let _ = resolve_refs(v, &mut |s| {
            needed.push(s.to_owned());
            Ok(String::new())
        });
    }
    if let Some(on) = &t.on {
        if ev.matches(on).is_none() {
            let mut steps = Vec::new();
            condition_steps(on, &mut steps);
            return Some(steps.into_iter().next().unwrap_or_default());
        }
    }
    needed
        .into_iter()
        .find(|s| !matches!(ev.steps.get(s), Some(Some(m)) if !m.is_empty()))
}

fn condition_steps(c: &Condition, out: &mut Vec<String>) {
    if let Some(s) = &c.step {
        out.push(s.clone());
    }
    for sub in c.all.iter().chain(c.any.iter()).flatten() {
        condition_steps(sub, out);
    }
}

/// `stack` with the template of step `step_id` applied: the step's missing part added.
///
/// Errors: [`LabError::UnknownStep`], [`LabError::NoTemplate`], [`LabError::AlreadyDone`],
/// [`LabError::Blocked`] (an earlier step must be done first), [`LabError::Template`] (the
/// result does not read as a stack document). A construct id the stack already uses gets
/// a suffix (`web_sg_2`), and so does its Python variable. Never panics.
pub fn apply_step_template(lab: &Lab, step_id: &str, stack: &Stack) -> Result<Stack, LabError> {
    let step = lab
        .steps
        .iter()
        .find(|s| s.id == step_id)
        .ok_or_else(|| LabError::UnknownStep(step_id.to_owned()))?;
    let template = step
        .template
        .as_ref()
        .ok_or_else(|| LabError::NoTemplate(step_id.to_owned()))?;
    let ev = evaluate(lab, stack);
    if matches!(ev.steps.get(step_id), Some(Some(_))) {
        return Err(LabError::AlreadyDone(step_id.to_owned()));
    }
    let blocked = |needs: String| LabError::Blocked {
        step: step_id.to_owned(),
        needs,
    };
    if let Some(needs) = blocking_step(&ev, template) {
        return Err(blocked(needs));
    }
    let mut resolve = |step: &str| -> Result<String, String> {
        ev.steps
            .get(step)
            .cloned()
            .flatten()
            .and_then(|m| m.first().copied())
            .and_then(|i| stack.resources.get(i))
            .map(|r| r.id().to_owned())
            .ok_or_else(|| step.to_owned())
    };
    let invalid = |message: String| LabError::Template {
        step: step_id.to_owned(),
        message,
    };
    let mut out = stack.clone();
    if let Some(add) = &template.add {
        let value = resolve_refs(add, &mut resolve).map_err(blocked)?;
        let mut resource: Resource = serde_json::from_value(value).map_err(|e| invalid(e.to_string()))?;
        make_unique(&mut resource, stack);
        let at = insert_position(&resource, stack);
        out.resources.insert(at, resource);
    } else if let Some(on) = &template.on {
        let target = ev
            .matches(on)
            .and_then(|m| m.first().copied())
            .ok_or_else(|| blocked(String::new()))?;
        let mut value = serde_json::to_value(stack.resources.get(target).ok_or_else(|| blocked(String::new()))?)
            .map_err(|e| invalid(e.to_string()))?;
        let inner = value
            .as_object_mut()
            .and_then(|m| m.values_mut().next())
            .and_then(Value::as_object_mut)
            .ok_or_else(|| invalid("not an object".to_owned()))?;
        for (k, v) in &template.set {
            inner.insert(k.clone(), resolve_refs(v, &mut resolve).map_err(blocked)?);
        }
        for (k, v) in &template.append {
            let items = resolve_refs(v, &mut resolve).map_err(blocked)?;
            let entry = inner.entry(k.clone()).or_insert_with(|| Value::Array(Vec::new()));
            if entry.is_null() {
                *entry = Value::Array(Vec::new());
            }
            match (entry.as_array_mut(), items) {
                (Some(list), Value::Array(new)) => list.extend(new),
                _ => return Err(invalid(format!("{k} is not a list"))),
            }
        }
        let resource: Resource = serde_json::from_value(value).map_err(|e| invalid(e.to_string()))?;
        if let Some(slot) = out.resources.get_mut(target) {
            *slot = resource;
        }
    }
    Ok(out)
}

/// A construct id (and variable) the stack does not use yet: `id`, else `id_2`, `id_3`...
fn make_unique(resource: &mut Resource, stack: &Stack) {
    let id = resource.id().to_owned();
    let var = resource.var().map(str::to_owned);
    let taken_id = |s: &str| stack.resources.iter().any(|r| r.id() == s);
    let taken_var = |s: &str| stack.resources.iter().any(|r| r.var() == Some(s));
    if !taken_id(&id) && var.as_deref().is_none_or(|v| !taken_var(v)) {
        return;
    }
    for n in 2.. {
        let new_id = format!("{id}_{n}");
        let new_var = var.as_ref().map(|v| format!("{v}_{n}"));
        if !taken_id(&new_id) && new_var.as_deref().is_none_or(|v| !taken_var(v)) {
            resource.set_id(new_id);
            resource.set_var(new_var);
            return;
        }
    }
}

/// Where a new resource goes: a provider first; an output last; anything else before the
/// first output, but never before a resource it refers to (Python must have defined the
/// variable first).
fn insert_position(resource: &Resource, stack: &Stack) -> usize {
    let len = stack.resources.len();
    match resource.kind() {
        ResourceKind::AwsProvider => 0,
        ResourceKind::TerraformOutput => len,
        _ => {
            let after = resource
                .references()
                .iter()
                .filter_map(|(_, r)| stack.find(&r.resource).map(|(i, _)| i + 1))
                .max()
                .unwrap_or(0);
            let first_output = stack
                .resources
                .iter()
                .position(|r| r.kind() == ResourceKind::TerraformOutput)
                .unwrap_or(len);
            first_output.max(after)
        }
    }
}

/// A Linux family of AMIs, as its lookup names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmiFamily {
    /// Amazon Linux 2 and 2023 (`amzn2-ami-*`, `al2023-ami-*`).
    AmazonLinux,
    /// Ubuntu (`ubuntu/images/*`, Canonical's account 099720109477).
    Ubuntu,
    /// Debian (`debian-*`, Debian's account 136693071363).
    Debian,
    /// Red Hat Enterprise Linux (`RHEL-*`).
    Rhel,
    /// SUSE Linux Enterprise Server (`suse-sles-*`).
    Suse,
    /// CentOS.
    CentOs,
    /// Fedora.
    Fedora,
    /// Rocky Linux.
    Rocky,
    /// Bitnami.
    Bitnami,
    /// FreeBSD.
    FreeBsd,
}

/// The family of the AMIs a lookup finds, from its `name` filter (or `name_regex`), then
/// its owners; `None` when neither says.
pub fn ami_family(ami: &DataAwsAmi) -> Option<AmiFamily> {
    let names: Vec<String> = ami
        .filter
        .iter()
        .flatten()
        .filter(|f| f.name == "name")
        .flat_map(|f| f.values.iter().map(|v| v.to_ascii_lowercase()))
        .chain(ami.name_regex.iter().map(|r| r.to_ascii_lowercase()))
        .collect();
    let by_name = |n: &str| -> Option<AmiFamily> {
        let n = n.trim_start_matches(['^', '*']);
        Some(
            if n.starts_with("amzn") || n.starts_with("al2023") || n.starts_with("al2") {
                AmiFamily::AmazonLinux
            } else if n.contains("ubuntu") {
                AmiFamily::Ubuntu
            } else if n.starts_with("debian") {
                AmiFamily::Debian
            } else if n.starts_with("rhel") {
                AmiFamily::Rhel
            } else if n.starts_with("suse") {
                AmiFamily::Suse
            } else if n.starts_with("centos") {
                AmiFamily::CentOs
            } else if n.starts_with("fedora") {
                AmiFamily::Fedora
            } else if n.starts_with("rocky") {
                AmiFamily::Rocky
            } else if n.starts_with("bitnami") {
                AmiFamily::Bitnami
            } else if n.starts_with("freebsd") {
                AmiFamily::FreeBsd
            } else {
                return None;
            },
        )
    };
    if let Some(f) = names.iter().find_map(|n| by_name(n)) {
        return Some(f);
    }
    ami.owners.iter().flatten().find_map(|o| match o.as_str() {
        "099720109477" => Some(AmiFamily::Ubuntu),
        "136693071363" => Some(AmiFamily::Debian),
        "137112412989" => Some(AmiFamily::AmazonLinux),
        _ => None,
    })
}

/// The user to log in as over SSH on an instance of that family.
///
/// Source: AWS, "Manage system users on your Amazon EC2 Linux instance", section "Default
/// user names" (<https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/managing-users.html>):
/// Amazon Linux `ec2-user`, CentOS `centos` (or `ec2-user`), Debian `admin`, Fedora
/// `fedora` (or `ec2-user`), FreeBSD `ec2-user`, RHEL `ec2-user` (or `root`), SUSE
/// `ec2-user` (or `root`), Ubuntu `ubuntu`, Bitnami `bitnami`, Rocky Linux `rocky`. Where
/// the page gives two, the first is taken.
pub fn ssh_user(family: AmiFamily) -> &'static str {
    match family {
        AmiFamily::AmazonLinux | AmiFamily::Rhel | AmiFamily::Suse | AmiFamily::FreeBsd => "ec2-user",
        AmiFamily::Ubuntu => "ubuntu",
        AmiFamily::Debian => "admin",
        AmiFamily::CentOs => "centos",
        AmiFamily::Fedora => "fedora",
        AmiFamily::Rocky => "rocky",
        AmiFamily::Bitnami => "bitnami",
    }
}

/// The SSH command for the first instance of `stack` with a key pair:
/// `ssh -i ~/.ssh/<key name> <user>@<public_ip output>`. Parts the stack does not give stay
/// as `<key name>`, `<user>` and `<public_ip>`.
pub fn ssh_command(stack: &Stack) -> String {
    render_command("ssh -i ~/.ssh/{key_name} {ssh_user}@{public_ip}", stack)
}

/// A text of a commands step with its placeholders replaced from `stack`.
fn render_text(text: &Text, stack: &Stack) -> Text {
    Text::new(render_command(&text.fr, stack), render_command(&text.en, stack))
}

/// The command `run` with its placeholders replaced from `stack`.
fn render_command(run: &str, stack: &Stack) -> String {
    let instances: Vec<&crate::model::Instance> = stack
        .resources
        .iter()
        .filter_map(|r| match r {
            Resource::Instance(i) => Some(i),
            _ => None,
        })
        .collect();
    let inst = instances
        .iter()
        .find(|i| i.key_name.is_some())
        .or(instances.first())
        .copied();
    let key_name = inst
        .and_then(|i| i.key_name.as_ref())
        .and_then(|k| match k {
            StrValue::Literal(s) => Some(s.clone()),
            StrValue::Ref(r) => match stack.find(&r.resource) {
                Some((_, Resource::KeyPair(kp))) => kp.key_name.clone(),
                _ => None,
            },
        })
        .unwrap_or_else(|| "<key name>".to_owned());
    let user = inst
        .and_then(|i| i.ami.as_ref())
        .and_then(StrValue::as_ref)
        .and_then(|r| match stack.find(&r.resource) {
            Some((_, Resource::DataAwsAmi(a))) => ami_family(a),
            _ => None,
        })
        .map_or("<user>", ssh_user);
    let ip_output = stack
        .resources
        .iter()
        .find_map(|r| match r {
            Resource::TerraformOutput(o)
                if o.value.references().iter().any(|x| {
                    x.attr == "public_ip"
                        && inst.is_none_or(|i| x.resource == i.id)
                        && matches!(stack.find(&x.resource), Some((_, Resource::Instance(_))))
                }) =>
            {
                Some(o.id.clone())
            }
            _ => None,
        })
        .unwrap_or_else(|| "public_ip".to_owned());
    run.replace("{stack}", &stack.name)
        .replace("{key_name}", &key_name)
        .replace("{ssh_user}", user)
        .replace("{public_ip}", &format!("<{ip_output}>"))
}

/// Where a learner stands in a lab, as the page saves it (`localStorage`, key
/// `ec2-playground:lab:v1`) and as a share link carries it (`"lab"` of an `s2` link, see
/// [`crate::share`]). JSON: `{"lab": "module-2-ec2", "ticked": ["synth"], "file": {...}}`.
///
/// The stack steps need no saving (they are ticked from the stack); only the commands
/// steps the learner ticked by hand are kept. `file` holds the lab itself when it is not
/// one the page has built in (a teacher's lab file opened by the learner).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LabProgress {
    /// The lab's id ([`Lab::id`]).
    pub lab: String,
    /// The commands steps ticked by hand, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ticked: Vec<String>,
    /// The lab file, when the lab is not built into the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<Lab>,
}

impl LabProgress {
    /// Reads a saved or shared value: `None` for anything that is not such a JSON object
    /// or whose `file` is not a lab [`load_lab`] accepts (the page then opens without it,
    /// keeping the stack). Never panics.
    pub fn parse(text: &str) -> Option<LabProgress> {
        #[derive(Deserialize)]
        struct Raw {
            lab: String,
            #[serde(default)]
            ticked: Vec<String>,
            #[serde(default)]
            file: Option<Value>,
        }
        let raw: Raw = serde_json::from_str(text).ok()?;
        let file = match raw.file {
            None | Some(Value::Null) => None,
            Some(v) => Some(load_lab(&v.to_string()).ok()?),
        };
        Some(LabProgress {
            lab: raw.lab,
            ticked: raw.ticked,
            file,
        })
    }

    /// The compact JSON to save or share.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AmiFilter;

    #[test]
    fn progress_round_trips_and_refuses_a_bad_file() {
        let lab = load_lab(include_str!("../../tests/labs/two-zones.json")).expect("the teacher's lab loads");
        let progress = LabProgress {
            lab: lab.id.clone(),
            ticked: vec!["synth".into()],
            file: Some(lab),
        };
        assert_eq!(LabProgress::parse(&progress.to_json()), Some(progress));
        assert_eq!(
            LabProgress::parse(r#"{"lab":"module-2-ec2"}"#),
            Some(LabProgress {
                lab: "module-2-ec2".into(),
                ..LabProgress::default()
            })
        );
        assert_eq!(LabProgress::parse(r#"{"lab":"x","file":{"lab_version":9}}"#), None);
        assert_eq!(LabProgress::parse("not json"), None);
        assert_eq!(LabProgress::parse(r#"{"ticked":[]}"#), None);
    }

    fn lookup(name: &str, owners: &[&str]) -> DataAwsAmi {
        DataAwsAmi {
            id: "ami".into(),
            owners: Some(owners.iter().map(|s| (*s).to_owned()).collect()),
            filter: (!name.is_empty()).then(|| {
                vec![AmiFilter {
                    name: "name".into(),
                    values: vec![name.into()],
                }]
            }),
            ..DataAwsAmi::default()
        }
    }

    #[test]
    fn families_and_users() {
        let user = |name: &str, owners: &[&str]| ami_family(&lookup(name, owners)).map(ssh_user);
        assert_eq!(user("amzn2-ami-hvm-*-x86_64-gp2", &["amazon"]), Some("ec2-user"));
        assert_eq!(user("al2023-ami-*-x86_64", &["amazon"]), Some("ec2-user"));
        assert_eq!(
            user(
                "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*",
                &["099720109477"]
            ),
            Some("ubuntu")
        );
        assert_eq!(user("debian-12-amd64-*", &["136693071363"]), Some("admin"));
        assert_eq!(user("", &["099720109477"]), Some("ubuntu"));
        assert_eq!(user("RHEL-9*", &["309956199498"]), Some("ec2-user"));
        assert_eq!(user("my-golden-image-*", &["self"]), None);
    }

    #[test]
    fn traffic() {
        let rule = serde_json::json!({"from_port": 20, "to_port": 25, "protocol": "tcp"});
        let t = |p: &str, port| Traffic {
            protocol: p.into(),
            port,
        };
        assert!(rule_allows(&rule, &t("tcp", 22)));
        assert!(rule_allows(&rule, &t("6", 22)));
        assert!(!rule_allows(&rule, &t("tcp", 80)));
        assert!(!rule_allows(&rule, &t("udp", 22)));
        assert!(rule_allows(&serde_json::json!({"protocol": "-1"}), &t("tcp", 80)));
    }
}
