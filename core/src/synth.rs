//! `synth`: the `cdk.tf.json` that `cdktf synth` (cdktf 0.21.0,
//! cdktf-cdktf-provider-aws 21.22.1) writes for a stack, byte for byte.
//!
//! Each construct gives a JSON fragment, as its cdktf class's `toTerraform()` does, and the
//! fragments are merged in declaration order with cdktf's `deepMerge` (objects merge, arrays
//! concatenate, scalars are replaced; [`merge`]), so two constructs whose logical ids
//! collide merge exactly as they do in cdktf. The result is written by [`json_writer`].

pub mod expression;
pub mod json_writer;
pub mod merge;

use std::collections::HashMap;

use base64::Engine as _;
use serde_json::{json, Map, Value};
use thiserror::Error;

use crate::attributes::{is_referenceable, referenceable_attributes};
use crate::i18n::Lang;
use crate::logical_id::{
    check_construct_id, construct_path, key_token_marker, logical_id, map_token_marker, sanitize_id, token_marker,
    ConstructIdError, OBJECT_PROTOTYPE_PROPERTIES,
};
use crate::model::{Resource, ResourceKind, Stack, UserData, UserDataEncoding};
use crate::number::JsNumber;
use crate::quote::{excerpt, quoted, shortened, PATH_CHARS};
use crate::schema::{self, Kind};
use crate::value::{OutputValue, Reference, StrValue};

/// cdktf's version, written in `"//".metadata.version`.
pub const CDKTF_VERSION: &str = "0.21.0";
/// The hashicorp/aws provider version cdktf-cdktf-provider-aws 21.22.1 was generated for,
/// written in `terraform.required_providers.aws.version`.
pub const AWS_PROVIDER_VERSION: &str = "6.25.0";
/// The Python package version of the AWS bindings our output matches.
pub const CDKTF_PROVIDER_AWS_VERSION: &str = "21.22.1";

/// What the real tool takes from its environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthOptions {
    /// The absolute directory `cdktf synth` runs in. cdktf's local backend writes
    /// `path.join(cwd, "terraform.<stack>.tfstate")` into the JSON.
    pub project_dir: String,
}

impl SynthOptions {
    /// Options for a project directory such as `/home/learner/ec2-lab`.
    pub fn new(project_dir: impl Into<String>) -> Self {
        SynthOptions {
            project_dir: project_dir.into(),
        }
    }

    /// `/home/learner/<stack name>`: where the course has learners create their project.
    pub fn for_stack(stack: &Stack) -> Self {
        SynthOptions::new(format!("/home/learner/{}", stack.name))
    }
}

/// Where in the stack a synth error is: `resources[<index>] (<Kind> "<id>").<path>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// Index in `resources`.
    pub index: usize,
    /// Class name of the resource (`"Instance"`).
    pub kind: &'static str,
    /// Construct id as written.
    pub id: String,
    /// Kwarg path inside the resource (`"ingress[0].from_port"`); empty for the resource itself.
    pub path: String,
}

impl Site {
    /// The site as messages in `lang` write it; a long id or map key is quoted in part
    /// ([`crate::quote`]).
    pub fn describe(&self, lang: Lang) -> String {
        let mut s = format!("resources[{}] ({} {})", self.index, self.kind, quoted(&self.id, lang));
        if !self.path.is_empty() {
            s.push('.');
            s.push_str(&shortened(&self.path, PATH_CHARS, lang));
        }
        s
    }
}

impl std::fmt::Display for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// Why a stack cannot be synthesized; each names the value and where it is. The learner's
/// strings are quoted in part when long ([`crate::quote`]): the fields keep them whole.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SynthError {
    /// cdktf's `throwIfIdContainsWhitespace` and `throwIfIdIsGlobCharacter`, or an empty id.
    #[error("stack name {}: {reason}", quoted(.name, Lang::En))]
    InvalidStackName { name: String, reason: &'static str },
    /// An id constructs or cdktf refuses.
    #[error("{site}: {source}")]
    InvalidConstructId { site: Box<Site>, source: ConstructIdError },
    /// constructs: "There is already a Construct with name '...'".
    #[error("{site}: there is already a construct with id {} in the stack ({other})", quoted(.sanitized, Lang::En))]
    DuplicateConstructId {
        site: Box<Site>,
        sanitized: String,
        other: String,
    },
    /// A reference to a construct that is not in the stack.
    #[error("{site}: refers to {}, which is not in the stack", quoted(.target, Lang::En))]
    UnknownReference { site: Box<Site>, target: String },
    /// A reference to a construct that has no attributes to refer to.
    #[error("{site}: refers to {}, a {target_kind}, which cannot be referenced", quoted(.target, Lang::En))]
    NotReferenceable {
        site: Box<Site>,
        target: String,
        target_kind: &'static str,
    },
    /// A reference to an attribute the target's kind does not have.
    #[error("{site}: {target_kind} {} has no attribute {} (known: {})", quoted(.target, Lang::En), quoted(.attr, Lang::En), known.join(", "))]
    UnknownAttribute {
        site: Box<Site>,
        target: String,
        target_kind: &'static str,
        attr: String,
        known: &'static [&'static str],
    },
    /// `Fn.base64encode` refuses a string with an unescaped `"`.
    #[error("{site}: Fn.base64encode refuses a script with unescaped double quotes (cdktf: \"has unescaped double quotes in it\"); escape them as \\\" or encode with base64.b64encode")]
    UnescapedQuotes { site: Box<Site> },
    /// cdktf's `ValidateProviderPresence`: resources but no `AwsProvider`.
    #[error("the stack has resources but no AwsProvider (cdktf: \"Found resources without a matching provider construct\"); add AwsProvider(self, \"aws\", region=...)")]
    MissingProvider,
    /// A value cdktf takes for one of its own tokens: a token marker (`${TfToken[...]}`,
    /// `#{TfToken[...]}`, `&{TfToken[...]}`) inside a string or a key, or one of the
    /// placeholders of `Token.asMap` (`"String Map Token Value"`, `"Any Map Token Value"`,
    /// `-123456789`) as a whole value. cdktf's `resolve` then fails ("Unrecognized Token
    /// Key", "Found an encoded list token string in a scalar string context", "Cannot add
    /// elements to map token", "Found an encoded map token in a scalar ... context") or puts
    /// another value in its place.
    #[error("{site}: {} is what cdktf writes for one of its own tokens, so cdktf would not keep it as written (cdktf: \"Unrecognized Token Key\" or another token error)", quoted(.text, Lang::En))]
    CdktfToken { site: Box<Site>, text: String },
    /// A map with both keys `_children` and `_metadata`: cdktf's `resolve` takes it for a
    /// construct (`isConstruct` in `cdktf/lib/tokens/private/resolve.js`) and fails ("Trying
    /// to 'resolve()' a Construct"; seen with the real cdktf).
    #[error("{site}: a map with both keys \"_children\" and \"_metadata\" is what cdktf takes for a construct (cdktf: \"Trying to 'resolve()' a Construct\"); rename one")]
    ConstructLikeMap { site: Box<Site> },
    /// jsii refuses the key `__proto__` in a map: "Key '__proto__' is not supported in maps
    /// or JSON values".
    #[error("{site}: the key \"__proto__\" cannot cross from Python to cdktf (jsii: \"Key '__proto__' is not supported in maps or JSON values\")")]
    ProtoKey { site: Box<Site> },
    /// A reference to the construct itself or to one declared after it: Python creates the
    /// constructs in order, so `main.py` would read a variable before assigning it (seen with
    /// the real cdktf: "UnboundLocalError: cannot access local variable 'sg' where it is not
    /// associated with a value").
    /// A reference to the construct itself cannot be moved up: the message says so, and for
    /// a security group rule naming its own group, gives `self_attribute=True` (issue 13,
    /// case 6).
    #[error("{}", forward_reference(site, target, *target_index, Lang::En))]
    ForwardReference {
        site: Box<Site>,
        target: String,
        target_index: usize,
    },
    /// cdktf's `deepMerge` throws `RangeError: Invalid array length` when it merges this
    /// construct into an earlier one of the same logical id: a key `length` of a map merged
    /// where the earlier value is a list sets the list's length, which must be a whole number
    /// from 0 to 4,294,967,295 (seen with the real cdktf: `"x"`, `1.5`, `-1`, a map, a
    /// reference), or two lists concatenated would be longer ([`merge`]).
    #[error("{site}: cdktf merges this construct into an earlier one with the same logical id, where the value is a list, and the key \"length\" of a map merged into a list sets the list's length: it must be a whole number from 0 to 4294967295 (cdktf: \"RangeError: Invalid array length\"); give the constructs ids that differ in their letters or digits, or rename the key")]
    ArrayLength { site: Box<Site> },
}

impl SynthError {
    /// Where the error is, for all but a bad stack name.
    pub fn site(&self) -> Option<&Site> {
        match self {
            SynthError::InvalidStackName { .. } | SynthError::MissingProvider => None,
            SynthError::InvalidConstructId { site, .. }
            | SynthError::DuplicateConstructId { site, .. }
            | SynthError::UnknownReference { site, .. }
            | SynthError::NotReferenceable { site, .. }
            | SynthError::UnknownAttribute { site, .. }
            | SynthError::UnescapedQuotes { site }
            | SynthError::CdktfToken { site, .. }
            | SynthError::ProtoKey { site }
            | SynthError::ConstructLikeMap { site }
            | SynthError::ForwardReference { site, .. }
            | SynthError::ArrayLength { site } => Some(site),
        }
    }

    /// The error in the learner's language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let fr = |site: &Site| site.describe(Lang::Fr);
        let q = |s: &str| quoted(s, Lang::Fr);
        match self {
            SynthError::InvalidStackName { name, reason } => {
                let raison = match *reason {
                    STACK_NAME_EMPTY => "une stack doit avoir un nom",
                    STACK_NAME_WHITESPACE => "cdktf refuse les espaces dans un nom de stack",
                    STACK_NAME_PROTOTYPE => "ce nom est une propriété d'Object.prototype en JavaScript, que constructs prend pour une stack existante (« There is already a Construct with name »)",
                    STACK_NAME_NUL => "cdktf écrit la stack dans le dossier cdktf.out/stacks/<nom>, et un nom de fichier ne peut pas contenir NUL (« ERR_INVALID_ARG_VALUE »)",
                    STACK_NAME_TOO_LONG => "cdktf écrit la stack dans le dossier cdktf.out/stacks/<nom>, et un nom de fichier compte au plus 255 octets (« ENAMETOOLONG »)",
                    _ => "cdktf refuse les caractères * ? [ ] { } ! dans un nom de stack",
                };
                format!("nom de stack {} : {raison}", q(name))
            }
            SynthError::InvalidConstructId { site, source } => {
                let raison = match source {
                    ConstructIdError::Empty => "un id de construct ne peut pas être vide".to_owned(),
                    ConstructIdError::Default => "l'id \"Default\" est réservé : cdktf l'omet des logical ids et échoue (« Unable to calculate a unique id for an empty set of components »)".to_owned(),
                    ConstructIdError::ObjectPrototype(name) => format!("l'id {name:?} est une propriété d'Object.prototype en JavaScript, que constructs prend pour un enfant existant (« There is already a Construct with name '{name}' »)"),
                    ConstructIdError::Token(marker) => format!("l'id contient {}, un marqueur de token cdktf (cdktf : « You cannot use a token (e.g., a reference to an attribute) as the id of a construct »)", q(marker)),
                    ConstructIdError::ProtoLogicalId => "l'id donne le logical id \"__proto__\", l'emplacement du prototype en JavaScript : cdktf omettrait le construct de cdk.tf.json".to_owned(),
                };
                format!("{} : {raison}", fr(site))
            }
            SynthError::DuplicateConstructId { site, sanitized, other } => {
                format!("{} : la stack a déjà un construct d'id {} ({other})", fr(site), q(sanitized))
            }
            SynthError::UnknownReference { site, target } => {
                format!("{} : fait référence à {}, qui n'est pas dans la stack", fr(site), q(target))
            }
            SynthError::NotReferenceable { site, target, target_kind } => format!(
                "{} : fait référence à {}, un {target_kind}, auquel on ne peut pas faire référence",
                fr(site),
                q(target)
            ),
            SynthError::UnknownAttribute { site, target, target_kind, attr, known } => format!(
                "{} : {target_kind} {} n'a pas d'attribut {} (connus : {})",
                fr(site),
                q(target),
                q(attr),
                known.join(", ")
            ),
            SynthError::UnescapedQuotes { site } => format!(
                "{} : Fn.base64encode refuse un script avec des guillemets doubles non échappés (cdktf : « has unescaped double quotes in it ») ; échappez-les en \\\" ou encodez avec base64.b64encode",
                fr(site)
            ),
            SynthError::MissingProvider => "la stack a des ressources mais pas d'AwsProvider (cdktf : « Found resources without a matching provider construct ») ; ajoutez AwsProvider(self, \"aws\", region=...)".to_owned(),
            SynthError::CdktfToken { site, text } => format!(
                "{} : {} est ce que cdktf écrit pour l'un de ses propres tokens, il ne le garderait donc pas tel quel (cdktf : « Unrecognized Token Key » ou une autre erreur de token)",
                fr(site),
                q(text)
            ),
            SynthError::ConstructLikeMap { site } => format!(
                "{} : une map qui a à la fois les clés \"_children\" et \"_metadata\" est ce que cdktf prend pour un construct (cdktf : « Trying to 'resolve()' a Construct ») ; renommez l'une des deux",
                fr(site)
            ),
            SynthError::ProtoKey { site } => format!(
                "{} : la clé \"__proto__\" ne peut pas passer de Python à cdktf (jsii : « Key '__proto__' is not supported in maps or JSON values »)",
                fr(site)
            ),
            SynthError::ForwardReference {
                site,
                target,
                target_index,
            } => forward_reference(site, target, *target_index, Lang::Fr),
            SynthError::ArrayLength { site } => format!(
                "{} : cdktf fusionne ce construct avec un précédent de même id logique, dont la valeur est une liste, et la clé \"length\" d'une map fusionnée dans une liste fixe la longueur de la liste : elle doit être un nombre entier de 0 à 4294967295 (cdktf : « RangeError: Invalid array length ») ; donnez aux constructs des ids qui diffèrent par leurs lettres ou chiffres, ou renommez la clé",
                fr(site)
            ),
        }
    }
}

/// [`SynthError::ForwardReference`] in `lang`.
fn forward_reference(site: &Site, target: &str, target_index: usize, lang: Lang) -> String {
    let (here, t) = (site.describe(lang), quoted(target, lang));
    let own_group = site.kind == "SecurityGroup" && site.path.contains("security_groups");
    match (target_index == site.index, own_group, lang) {
        (true, true, Lang::En) => format!("{here}: the rule names its own group {t}; Python cannot use the variable inside its own assignment (UnboundLocalError): remove it from security_groups and write self_attribute=True in the rule"),
        (true, true, Lang::Fr) => format!("{here} : la règle nomme son propre groupe {t} ; Python ne peut pas utiliser la variable dans sa propre affectation (UnboundLocalError) : retirez-le de security_groups et écrivez self_attribute=True dans la règle"),
        (true, false, Lang::En) => format!("{here}: refers to {t}, the construct itself; Python cannot use the variable inside its own assignment (UnboundLocalError): remove the reference"),
        (true, false, Lang::Fr) => format!("{here} : fait référence à {t}, le construct lui-même ; Python ne peut pas utiliser la variable dans sa propre affectation (UnboundLocalError) : retirez la référence"),
        (false, _, Lang::En) => format!("{here}: refers to {t} (resources[{target_index}]), which is not declared before it; Python creates constructs in order (UnboundLocalError), so move {t} up"),
        (false, _, Lang::Fr) => format!("{here} : fait référence à {t} (resources[{target_index}]), qui n'est pas déclaré avant ; Python crée les constructs dans l'ordre (UnboundLocalError) : remontez {t}"),
    }
}

/// Synthesizes `stack` into the text of `cdk.tf.json`.
///
/// Errors: see [`SynthError`]; every error cdktf itself raises for such a stack, plus
/// references to constructs or attributes that do not exist.
pub fn synth(stack: &Stack, options: &SynthOptions) -> Result<String, SynthError> {
    synth_value(stack, options).map(|v| json_writer::to_cdktf_json(&v))
}

/// Runs every check of [`synth`] without writing the JSON: `Ok` exactly when `synth`
/// accepts `stack` (with any [`SynthOptions`]: they only name the state file), else the
/// same [`SynthError`]. `python` and `export` run it first, so they refuse what `synth`
/// refuses, with the same words (issue 13).
pub fn validate(stack: &Stack) -> Result<(), SynthError> {
    synth_value(stack, &SynthOptions::for_stack(stack)).map(drop)
}

/// The JSON value of `cdk.tf.json`, before it is written (keys in merge order).
pub fn synth_value(stack: &Stack, options: &SynthOptions) -> Result<Value, SynthError> {
    check_stack_name(&stack.name)?;
    let index = ConstructIndex::build(stack)?;
    let has_provider = stack.resources.iter().any(|r| r.kind() == ResourceKind::AwsProvider);
    let needs_provider = stack.resources.iter().any(|r| r.kind().terraform_type().is_some());
    if needs_provider && !has_provider {
        return Err(SynthError::MissingProvider);
    }
    let mut tf = merge::Merged::new(json!({
        "//": {
            "metadata": {
                "backend": "local",
                "stackName": sanitize_id(&stack.name),
                "version": CDKTF_VERSION,
            },
            "outputs": {},
        }
    }));
    for i in synthesis_order(stack) {
        let Some(resource) = stack.resources.get(i) else {
            continue;
        };
        let ctx = Ctx {
            index: i,
            resource,
            constructs: &index,
            stack,
        };
        let fragment = ctx.fragment()?;
        tf.merge(fragment).map_err(|e| SynthError::ArrayLength {
            site: ctx.site(&merge_path(&e.path)),
        })?;
    }
    let backend = json!({
        "terraform": {
            "backend": {
                "local": {
                    "path": join_path(&options.project_dir, &format!("terraform.{}.tfstate", sanitize_id(&stack.name)))
                }
            }
        }
    });
    // Objects into objects: this merge has no list to fail on.
    if let Err(e) = tf.merge(backend) {
        debug_assert!(false, "the backend's merge failed at {:?}", e.path);
    }
    Ok(tf.into_value())
}

/// The kwarg path of a [`merge::MergeError`]'s path in a construct's fragment
/// (`["output", "o", "value", "l", "length"]` → `value["l"]["length"]`): the block, type
/// and name left out, then the kwarg, then map keys as JSON strings.
fn merge_path(path: &[String]) -> String {
    let skip = match path.first().map(String::as_str) {
        Some("output") => 2,
        Some("resource" | "data") => 3,
        _ => 0,
    };
    let mut parts = path.iter().skip(skip);
    let mut out = parts.next().cloned().unwrap_or_default();
    for key in parts {
        out.push('[');
        out.push_str(&Value::String(key.clone()).to_string());
        out.push(']');
    }
    out
}

/// True when `key` is an array index for JavaScript (`"0"` to `"4294967294"`, without
/// leading zeros): such keys come first in a plain object, in ascending numeric order,
/// before the other keys in insertion order.
pub fn is_array_index(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 10
        && key.bytes().all(|b| b.is_ascii_digit())
        && (key == "0" || !key.starts_with('0'))
        && key.parse::<u64>().is_ok_and(|n| n <= 4_294_967_294)
}

/// The order cdktf turns the stack's constructs into JSON: constructs keeps a scope's
/// children in a plain JavaScript object keyed by (sanitized) id, and `node.children` is
/// `Object.values` of it, so the constructs whose id is an array index ([`is_array_index`])
/// come first, by number, then the others in declaration order. The order decides how
/// colliding logical ids merge and the order of `provider.aws` (seen in the golden
/// `tests/fixtures/array-index-ids`).
fn synthesis_order(stack: &Stack) -> Vec<usize> {
    let mut indexed: Vec<(u64, usize)> = Vec::new();
    let mut named: Vec<usize> = Vec::new();
    for (i, r) in stack.resources.iter().enumerate() {
        let id = sanitize_id(r.id());
        match id.parse::<u64>() {
            Ok(n) if is_array_index(&id) => indexed.push((n, i)),
            _ => named.push(i),
        }
    }
    indexed.sort();
    indexed.into_iter().map(|(_, i)| i).chain(named).collect()
}

/// JavaScript's `\s` (ECMAScript WhiteSpace and LineTerminator).
fn is_js_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}'
    )
}

const STACK_NAME_EMPTY: &str = "a stack needs a name";
const STACK_NAME_WHITESPACE: &str = "cdktf refuses whitespace in a stack name";
const STACK_NAME_GLOB: &str = "cdktf refuses the glob characters * ? [ ] { } ! in a stack name";
const STACK_NAME_PROTOTYPE: &str = "the name is a property of JavaScript's Object.prototype, which constructs takes for an existing stack (\"There is already a Construct with name\")";
const STACK_NAME_NUL: &str = "cdktf writes the stack into the folder cdktf.out/stacks/<name>, and a file name cannot hold NUL (\"ERR_INVALID_ARG_VALUE\")";
const STACK_NAME_TOO_LONG: &str = "cdktf writes the stack into the folder cdktf.out/stacks/<name>, and a file name holds at most 255 bytes (\"ENAMETOOLONG\")";

/// The longest file name Linux file systems take, in bytes (`NAME_MAX`).
const NAME_MAX: usize = 255;

/// cdktf's `throwIfIdContainsWhitespace` and `throwIfIdIsGlobCharacter`
/// (`cdktf/lib/terraform-stack.js`), constructs' `addChild` on the `App` (a stack named
/// `constructor` "already exists", see [`OBJECT_PROTOTYPE_PROPERTIES`]; token markers hold
/// glob characters, so they are refused too) and the file system under the folder `cdktf.out/stacks/<sanitized name>` that cdktf creates
/// (`synthesize/synthesizer.js`: no NUL, at most 255 bytes; seen with the real cdktf).
fn check_stack_name(name: &str) -> Result<(), SynthError> {
    let err = |reason| {
        Err(SynthError::InvalidStackName {
            name: name.to_owned(),
            reason,
        })
    };
    if name.is_empty() {
        return err(STACK_NAME_EMPTY);
    }
    if name.chars().any(is_js_whitespace) {
        return err(STACK_NAME_WHITESPACE);
    }
    if name.contains(['*', '?', '[', ']', '{', '}', '!']) {
        return err(STACK_NAME_GLOB);
    }
    if OBJECT_PROTOTYPE_PROPERTIES.contains(&sanitize_id(name).as_str()) {
        return err(STACK_NAME_PROTOTYPE);
    }
    if name.contains('\0') {
        return err(STACK_NAME_NUL);
    }
    if sanitize_id(name).len() > NAME_MAX {
        return err(STACK_NAME_TOO_LONG);
    }
    Ok(())
}

/// Node's `path.join(dir, file)` for the POSIX paths a project lives in: `.`/`..`
/// resolved and repeated slashes folded.
fn join_path(dir: &str, file: &str) -> String {
    let joined = format!("{dir}/{file}");
    let absolute = joined.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !absolute {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let body = parts.join("/");
    if absolute {
        format!("/{body}")
    } else if body.is_empty() {
        ".".to_owned()
    } else {
        body
    }
}

fn site(index: usize, kind: &'static str, id: &str, path: &str) -> Box<Site> {
    Box::new(Site {
        index,
        kind,
        id: id.to_owned(),
        path: path.to_owned(),
    })
}

/// What synth knows of each construct: its kind, logical id and index, by construct id.
struct ConstructIndex {
    by_id: HashMap<String, (ResourceKind, String, usize)>,
}

impl ConstructIndex {
    fn build(stack: &Stack) -> Result<Self, SynthError> {
        let mut by_id = HashMap::new();
        // cdktf adds `LocalBackend(stack, "backend")` at synth time: it takes that id.
        let mut seen: HashMap<String, String> =
            HashMap::from([("backend".to_owned(), "the local backend cdktf adds".to_owned())]);
        for (index, r) in stack.resources.iter().enumerate() {
            let kind = r.kind().class_name();
            let id = r.id();
            check_construct_id(id).map_err(|source| SynthError::InvalidConstructId {
                site: site(index, kind, id, ""),
                source,
            })?;
            let sanitized = sanitize_id(id);
            if let Some(other) = seen.get(&sanitized) {
                return Err(SynthError::DuplicateConstructId {
                    site: site(index, kind, id, ""),
                    sanitized,
                    other: other.clone(),
                });
            }
            seen.insert(sanitized, format!("resources[{index}], {kind} {:?}", excerpt(id)));
            let logical = match r.kind() {
                // A provider's JSON has no name of its own; cdktf never asks for its logical id.
                ResourceKind::AwsProvider => String::new(),
                _ => logical_id(id).map_err(|source| SynthError::InvalidConstructId {
                    site: site(index, kind, id, ""),
                    source,
                })?,
            };
            by_id.insert(id.to_owned(), (r.kind(), logical, index));
        }
        Ok(ConstructIndex { by_id })
    }
}

/// Synthesis of one construct.
struct Ctx<'a> {
    index: usize,
    resource: &'a Resource,
    constructs: &'a ConstructIndex,
    stack: &'a Stack,
}

/// `TerraformOutput.synthesizeValue` (`cdktf/lib/terraform-output.js`): a map with a key
/// `fqn` is taken for a construct (`"fqn" in object`) and replaced by that key's value, as
/// is (not synthesized in turn); lists and other maps are synthesized item by item. A map
/// holding a map token marker in a key is a token, left as it is. Seen in the golden
/// `tests/fixtures/output-fqn`: `{"fqn": "only this is kept", "other": 1}` gives
/// `"only this is kept"`.
fn synthesize_value(value: Value) -> Value {
    match value {
        Value::Object(mut map) if !map.keys().any(|k| map_token_marker(k).is_some()) => match map.remove("fqn") {
            Some(fqn) => fqn,
            None => Value::Object(map.into_iter().map(|(k, v)| (k, synthesize_value(v))).collect()),
        },
        Value::Array(items) => Value::Array(items.into_iter().map(synthesize_value).collect()),
        other => other,
    }
}

/// `Token.STRING_MAP_TOKEN_VALUE` and `Token.ANY_MAP_TOKEN_VALUE` (`cdktf/lib/tokens/token.js`):
/// cdktf's `resolve` refuses a string equal to one ("Found an encoded map token in a scalar
/// string context").
const MAP_TOKEN_STRINGS: [&str; 2] = ["String Map Token Value", "Any Map Token Value"];

/// `Token.NUMBER_MAP_TOKEN_VALUE`: cdktf's `resolve` refuses this number ("Found an encoded
/// map token in a scalar number context").
const MAP_TOKEN_NUMBER: i64 = -123_456_789;

impl Ctx<'_> {
    fn site(&self, path: &str) -> Box<Site> {
        site(self.index, self.resource.kind().class_name(), self.resource.id(), path)
    }

    fn reference(&self, path: &str, r: &Reference) -> Result<String, SynthError> {
        let Some((target_kind, logical, target_index)) = self.constructs.by_id.get(&r.resource) else {
            return Err(SynthError::UnknownReference {
                site: self.site(path),
                target: r.resource.clone(),
            });
        };
        let Some(terraform_type) = target_kind.terraform_type() else {
            return Err(SynthError::NotReferenceable {
                site: self.site(path),
                target: r.resource.clone(),
                target_kind: target_kind.class_name(),
            });
        };
        if !is_referenceable(*target_kind, &r.attr) {
            return Err(SynthError::UnknownAttribute {
                site: self.site(path),
                target: r.resource.clone(),
                target_kind: target_kind.class_name(),
                attr: r.attr.clone(),
                known: referenceable_attributes(*target_kind),
            });
        }
        if *target_index >= self.index {
            return Err(SynthError::ForwardReference {
                site: self.site(path),
                target: r.resource.clone(),
                target_index: *target_index,
            });
        }
        Ok(expression::reference(
            terraform_type,
            target_kind.is_data_source(),
            logical,
            &r.attr,
        ))
    }

    fn str_value(&self, path: &str, v: &StrValue) -> Result<Value, SynthError> {
        Ok(Value::String(match v {
            StrValue::Literal(s) => s.clone(),
            StrValue::Ref(r) => self.reference(path, r)?,
        }))
    }

    fn user_data(&self, path: &str, ud: &UserData) -> Result<Value, SynthError> {
        Ok(Value::String(match ud.encoding {
            UserDataEncoding::Plain => ud.script.clone(),
            UserDataEncoding::Base64 => base64::engine::general_purpose::STANDARD.encode(ud.script.as_bytes()),
            UserDataEncoding::FnBase64encode => {
                if expression::has_unescaped_double_quotes(&ud.script) {
                    return Err(SynthError::UnescapedQuotes { site: self.site(path) });
                }
                // The argument is resolved as a string of its own before it is escaped
                // (markers inside it are still seen in the escaped call by `check_values`).
                if MAP_TOKEN_STRINGS.contains(&ud.script.as_str()) {
                    return Err(SynthError::CdktfToken {
                        site: self.site(path),
                        text: ud.script.clone(),
                    });
                }
                expression::base64encode_call(&ud.script)
            }
        }))
    }

    /// The `"//"` metadata every resource and data source carries.
    fn metadata(&self, logical: &str) -> Value {
        json!({
            "metadata": {
                "path": construct_path(&self.stack.name, self.resource.id()),
                "uniqueId": logical,
            }
        })
    }

    fn logical(&self) -> &str {
        self.constructs
            .by_id
            .get(self.resource.id())
            .map(|(_, l, _)| l.as_str())
            .unwrap_or_default()
    }

    fn fragment(&self) -> Result<Value, SynthError> {
        let kind = self.resource.kind();
        let fields = document_fields(self.resource);
        let attrs = self.kwargs("", schema::class(kind).kwargs, &fields, false)?;
        match kind {
            ResourceKind::AwsProvider => self.provider(attrs),
            ResourceKind::TerraformOutput => self.output(attrs),
            _ => {
                self.check_values(&attrs)?;
                let logical = self.logical().to_owned();
                let mut attrs = attrs;
                attrs.insert("//".to_owned(), self.metadata(&logical));
                let block = if kind.is_data_source() { "data" } else { "resource" };
                let mut by_name = Map::new();
                by_name.insert(logical, Value::Object(attrs));
                let mut by_type = Map::new();
                by_type.insert(
                    kind.terraform_type().unwrap_or_default().to_owned(),
                    Value::Object(by_name),
                );
                let mut fragment = Map::new();
                fragment.insert(block.to_owned(), Value::Object(by_type));
                Ok(Value::Object(fragment))
            }
        }
    }

    /// Refuses, in the attributes of a construct, what cdktf or jsii would not carry as
    /// written: see [`SynthError::CdktfToken`] and [`SynthError::ProtoKey`].
    fn check_values(&self, attrs: &Map<String, Value>) -> Result<(), SynthError> {
        for (key, value) in attrs {
            self.check_value(key, value)?;
        }
        Ok(())
    }

    fn check_value(&self, path: &str, value: &Value) -> Result<(), SynthError> {
        match value {
            Value::String(s) => self.check_text(path, s),
            Value::Number(n) if n.as_i64() == Some(MAP_TOKEN_NUMBER) => Err(SynthError::CdktfToken {
                site: self.site(path),
                text: n.to_string(),
            }),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .try_for_each(|(i, item)| self.check_value(&format!("{path}[{i}]"), item)),
            Value::Object(map) if map.contains_key("_children") && map.contains_key("_metadata") => {
                Err(SynthError::ConstructLikeMap { site: self.site(path) })
            }
            Value::Object(map) => map.iter().try_for_each(|(key, item)| {
                let inner = if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && !key.is_empty() {
                    format!("{path}.{key}")
                } else {
                    format!("{path}[{key:?}]")
                };
                if key == "__proto__" {
                    return Err(SynthError::ProtoKey {
                        site: self.site(&inner),
                    });
                }
                if let Some(marker) = key_token_marker(key) {
                    return Err(SynthError::CdktfToken {
                        site: self.site(&inner),
                        text: marker.to_owned(),
                    });
                }
                self.check_text(&inner, key)?;
                self.check_value(&inner, item)
            }),
            _ => Ok(()),
        }
    }

    /// [`SynthError::ProtoKey`] for a key `__proto__` anywhere in `value`.
    fn check_proto_keys(&self, path: &str, value: &Value) -> Result<(), SynthError> {
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .try_for_each(|(i, item)| self.check_proto_keys(&format!("{path}[{i}]"), item)),
            Value::Object(map) => map.iter().try_for_each(|(key, item)| {
                let inner = format!("{path}[{key:?}]");
                if key == "__proto__" {
                    return Err(SynthError::ProtoKey {
                        site: self.site(&inner),
                    });
                }
                self.check_proto_keys(&inner, item)
            }),
            _ => Ok(()),
        }
    }

    fn check_text(&self, path: &str, s: &str) -> Result<(), SynthError> {
        let text = match token_marker(s) {
            Some(marker) => marker,
            None if MAP_TOKEN_STRINGS.contains(&s) => s,
            None => return Ok(()),
        };
        Err(SynthError::CdktfToken {
            site: self.site(path),
            text: text.to_owned(),
        })
    }

    fn provider(&self, attrs: Map<String, Value>) -> Result<Value, SynthError> {
        self.check_values(&attrs)?;
        Ok(json!({
            "provider": { "aws": [Value::Object(attrs)] },
            "terraform": {
                "required_providers": {
                    "aws": { "source": "aws", "version": AWS_PROVIDER_VERSION }
                }
            }
        }))
    }

    fn output_value(&self, v: &OutputValue) -> Result<Value, SynthError> {
        Ok(match v {
            OutputValue::Ref(r) => Value::String(self.reference("value", r)?),
            OutputValue::Str(s) => Value::String(s.clone()),
            OutputValue::Number(n) => n.synth_json(),
            OutputValue::Bool(b) => Value::Bool(*b),
            OutputValue::List(items) => {
                Value::Array(items.iter().map(|i| self.output_value(i)).collect::<Result<_, _>>()?)
            }
            OutputValue::Map(m) => Value::Object(
                m.iter()
                    .map(|(k, v)| Ok((k.clone(), self.output_value(v)?)))
                    .collect::<Result<_, SynthError>>()?,
            ),
        })
    }

    fn output(&self, mut attrs: Map<String, Value>) -> Result<Value, SynthError> {
        let logical = self.logical().to_owned();
        let value = attrs.remove("value").unwrap_or(Value::Null);
        // jsii refuses a key `__proto__` before cdktf sees the value, even where
        // `synthesize_value` would then drop it.
        self.check_proto_keys("value", &value)?;
        attrs.insert("value".to_owned(), synthesize_value(value));
        self.check_values(&attrs)?;
        let mut outputs = Map::new();
        outputs.insert(sanitize_id(self.resource.id()), Value::String(logical.clone()));
        let mut by_stack = Map::new();
        by_stack.insert(sanitize_id(&self.stack.name), Value::Object(outputs));
        let mut output = Map::new();
        output.insert(logical, Value::Object(attrs));
        Ok(json!({
            "//": { "outputs": Value::Object(by_stack) },
            "output": Value::Object(output),
        }))
    }

    /// The JSON of a construct's or block's kwargs, from the [`schema`] rows `kwargs` and the
    /// document's `fields`; `prefix` is the kwarg path of the block (`"ingress[0]"`), empty
    /// for the construct itself. cdktf omits unset kwargs, except in blocks whose every key
    /// it writes ([`schema::Block::null_when_unset`]).
    fn kwargs(
        &self,
        prefix: &str,
        kwargs: &[schema::Kwarg],
        fields: &Map<String, Value>,
        null_when_unset: bool,
    ) -> Result<Map<String, Value>, SynthError> {
        let mut m = Map::new();
        for k in kwargs {
            let path = if prefix.is_empty() {
                k.key.to_owned()
            } else {
                format!("{prefix}.{}", k.key)
            };
            match fields.get(k.key) {
                Some(v) if !v.is_null() => {
                    m.insert(k.key.to_owned(), self.kwarg(&path, k.kind, v)?);
                }
                _ if null_when_unset => {
                    m.insert(k.key.to_owned(), Value::Null);
                }
                _ => {}
            }
        }
        // Keys in the order cdktf writes them (sorted: kwarg names are ASCII), so that
        // readers of `synth_value` (the HCL writer) meet them as in `cdk.tf.json`.
        m.sort_keys();
        Ok(m)
    }

    /// The JSON of one kwarg of kind `kind` whose document value is `v`.
    fn kwarg(&self, path: &str, kind: Kind, v: &Value) -> Result<Value, SynthError> {
        match kind {
            Kind::Str | Kind::Bool | Kind::StrList | Kind::Tags => Ok(v.clone()),
            Kind::Number => Ok(typed::<JsNumber>(v).map_or_else(|| v.clone(), JsNumber::synth_json)),
            Kind::StrOrRef => self.str_value(path, &typed(v).unwrap_or_default()),
            Kind::StrOrRefList => {
                let items = v.as_array().map(Vec::as_slice).unwrap_or_default();
                let out = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.str_value(&format!("{path}[{i}]"), &typed(item).unwrap_or_default()))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Value::Array(out))
            }
            Kind::UserData => self.user_data(path, &typed(v).unwrap_or_default()),
            Kind::OutputValue => match typed(v) {
                Some(value) => self.output_value(&value),
                None => Ok(v.clone()),
            },
            Kind::Block(block) => Ok(Value::Object(self.kwargs(
                path,
                block.kwargs,
                &v.as_object().cloned().unwrap_or_default(),
                block.null_when_unset,
            )?)),
            Kind::Blocks(block) => {
                let items = v.as_array().map(Vec::as_slice).unwrap_or_default();
                let out = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        self.kwargs(
                            &format!("{path}[{i}]"),
                            block.kwargs,
                            &item.as_object().cloned().unwrap_or_default(),
                            block.null_when_unset,
                        )
                        .map(Value::Object)
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Value::Array(out))
            }
            Kind::DefaultTags(block) => {
                let fields: Map<String, Value> = block.kwargs.iter().map(|k| (k.key.to_owned(), v.clone())).collect();
                Ok(Value::Array(vec![Value::Object(self.kwargs(
                    &format!("{path}[0]"),
                    block.kwargs,
                    &fields,
                    block.null_when_unset,
                )?)]))
            }
        }
    }
}

/// The resource's fields as the stack document holds them: kwarg key → value.
pub(crate) fn document_fields(resource: &Resource) -> Map<String, Value> {
    match serde_json::to_value(resource) {
        Ok(Value::Object(tagged)) => tagged
            .into_iter()
            .next()
            .and_then(|(_, fields)| match fields {
                Value::Object(f) => Some(f),
                _ => None,
            })
            .unwrap_or_default(),
        _ => Map::new(),
    }
}

/// A document value back in its model type. The value comes from serializing the model, so
/// it always reads back; the default is never used in practice.
pub(crate) fn typed<T: serde::de::DeserializeOwned>(v: &Value) -> Option<T> {
    T::deserialize(v).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_path_normalizes_like_node() {
        assert_eq!(
            join_path("/home/learner/lab", "t.tfstate"),
            "/home/learner/lab/t.tfstate"
        );
        assert_eq!(
            join_path("/home/learner/lab/", "t.tfstate"),
            "/home/learner/lab/t.tfstate"
        );
        assert_eq!(join_path("/home//learner/./x/../lab", "t"), "/home/learner/lab/t");
        assert_eq!(join_path("/", "t"), "/t");
    }

    #[test]
    fn array_indices_as_javascript_reads_them() {
        for yes in ["0", "1", "10", "4294967294"] {
            assert!(is_array_index(yes), "{yes}");
        }
        for no in ["", "01", "-1", "1e5", "4294967295", "99999999999", "1 ", "+1", "١"] {
            assert!(!is_array_index(no), "{no}");
        }
    }

    fn doc(resources: &str) -> Stack {
        crate::load_stack(&format!(
            r#"{{"version": 1, "name": "lab", "resources": [{resources}]}}"#
        ))
        .expect("valid document")
    }

    const AWS: &str = r#"{"AwsProvider": {"id": "aws"}}"#;

    #[test]
    fn errors_cdktf_raises_too() {
        let opts = SynthOptions::new("/w");
        // Each seen with the real cdktf 0.21.0 (probes kept in the notes of the fixtures).
        type Case = (String, fn(&SynthError) -> bool);
        let cases: [Case; 6] = [
            (format!(r#"{AWS}, {{"Instance": {{"id": "backend"}}}}"#), |e| {
                matches!(e, SynthError::DuplicateConstructId { .. })
            }),
            (format!(r#"{AWS}, {{"Instance": {{"id": "Default"}}}}"#), |e| {
                matches!(
                    e,
                    SynthError::InvalidConstructId {
                        source: ConstructIdError::Default,
                        ..
                    }
                )
            }),
            (r#"{"Instance": {"id": "web"}}"#.to_owned(), |e| {
                matches!(e, SynthError::MissingProvider)
            }),
            (
                format!(
                    r#"{AWS}, {{"Instance": {{"id": "web", "user_data_base64": {{"script": "echo \"hi\"", "encoding": "fn_base64encode"}}}}}}"#
                ),
                |e| matches!(e, SynthError::UnescapedQuotes { .. }),
            ),
            (
                format!(r#"{AWS}, {{"Instance": {{"id": "a/b"}}}}, {{"Instance": {{"id": "a--b"}}}}"#),
                |e| matches!(e, SynthError::DuplicateConstructId { .. }),
            ),
            (format!(r#"{AWS}, {{"Instance": {{"id": ""}}}}"#), |e| {
                matches!(
                    e,
                    SynthError::InvalidConstructId {
                        source: ConstructIdError::Empty,
                        ..
                    }
                )
            }),
        ];
        for (resources, want) in cases {
            match synth(&doc(&resources), &opts) {
                Err(e) => assert!(want(&e), "{resources}: {e:?}"),
                Ok(_) => panic!("{resources}: synthesized"),
            }
        }
    }

    #[test]
    fn reference_errors_name_both_ends() {
        let opts = SynthOptions::new("/w");
        let e = synth(
            &doc(&format!(
                r#"{AWS}, {{"Instance": {{"id": "web", "ami": {{"ref": "aws", "attr": "id"}}}}}}"#
            )),
            &opts,
        )
        .err();
        assert_eq!(
            e.map(|e| e.to_string()).as_deref(),
            Some(r#"resources[1] (Instance "web").ami: refers to "aws", a AwsProvider, which cannot be referenced"#)
        );
        let e = synth(
            &doc(&format!(
                r#"{AWS}, {{"KeyPair": {{"id": "k", "public_key": "x"}}}}, {{"Instance": {{"id": "web", "key_name": {{"ref": "k", "attr": "nom"}}}}}}"#
            )),
            &opts,
        )
        .err();
        let text = e.map(|e| e.message(Lang::Fr)).unwrap_or_default();
        assert!(
            text.starts_with(r#"resources[2] (Instance "web").key_name : KeyPair "k" n'a pas d'attribut "nom""#),
            "{text}"
        );
    }

    /// As the real cdktf 0.21.0 wrote them (docs/numbers.md): JavaScript's doubles.
    #[test]
    fn numbers_are_written_as_javascript_writes_them() {
        let text = synth(
            &doc(&format!(
                r#"{AWS}, {{"EbsVolume": {{"id": "v", "availability_zone": "a", "size": 9007199254740993, "iops": 1.5, "throughput": -0.0}}}},
                {{"TerraformOutput": {{"id": "o", "value": [1e22, 1e-7, 100000000000000000000, 0.30000000000000004, -9007199254740993, 5.0]}}}}"#
            )),
            &SynthOptions::new("/w"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        for expected in [
            "\"size\": 9007199254740992",
            "\"iops\": 1.5",
            "\"throughput\": 0\n",
            "\"value\": [\n        1e+22,\n        1e-7,\n        100000000000000000000,\n        0.30000000000000004,\n        -9007199254740992,\n        5\n      ]",
        ] {
            assert!(text.contains(expected), "{expected} not in {text}");
        }
    }

    /// Seen with the real cdktf 0.21.0: `"x"`, `1.5`, `-1`, a map, a reference as the
    /// `length` of a map merged into a list throw `RangeError: Invalid array length`.
    #[test]
    fn an_invalid_array_length_is_refused_at_its_key() {
        let opts = SynthOptions::new("/w");
        for length in [
            r#""x""#,
            "1.5",
            "-1",
            r#"{"map": {}}"#,
            r#"{"ref": "k", "attr": "key_name"}"#,
        ] {
            let stack = doc(&format!(
                r#"{AWS}, {{"KeyPair": {{"id": "k", "public_key": "ssh-ed25519 AAAA"}}}},
                {{"TerraformOutput": {{"id": "o", "value": ["a"]}}}},
                {{"TerraformOutput": {{"id": "o ", "value": {{"map": {{"l": 1, "length": {length}}}}}}}}}"#
            ));
            let err = synth(&stack, &opts).map(drop);
            assert!(
                matches!(&err, Err(SynthError::ArrayLength { site }) if site.index == 3 && site.path == r#"value["length"]"#),
                "{length}: {err:?}"
            );
            let message = err.err().map(|e| e.message(Lang::Fr)).unwrap_or_default();
            assert!(message.contains("RangeError: Invalid array length"), "{message}");
        }
        // A valid length, and `length` in a map merged into a map, are kept.
        for (length, want) in [("true", r#"["a"]"#), (r#"" 0x0 ""#, "[]")] {
            let stack = doc(&format!(
                r#"{AWS}, {{"TerraformOutput": {{"id": "o", "value": ["a", "b"]}}}},
                {{"TerraformOutput": {{"id": "o ", "value": {{"map": {{"length": {length}}}}}}}}}"#
            ));
            let value = synth_value(&stack, &opts).map(|v| v["output"]["o"]["value"].to_string());
            assert_eq!(value, Ok(want.to_owned()), "{length}");
        }
        assert_eq!(
            merge_path(&[
                "output".into(),
                "o".into(),
                "value".into(),
                "a b".into(),
                "length".into()
            ]),
            r#"value["a b"]["length"]"#
        );
    }

    /// Each seen with the real cdktf 0.21.0 (`scripts/differential.sh` and its probes).
    #[test]
    fn values_cdktf_does_not_keep_as_written() {
        let opts = SynthOptions::new("/w");
        let refused = [
            (r#"{"Instance": {"id": "valueOf"}}"#, "InvalidConstructId"),
            (r#"{"Instance": {"id": "__proto__!"}}"#, "InvalidConstructId"),
            (r#"{"Instance": {"id": "a${TfToken[TOKEN.1]}"}}"#, "InvalidConstructId"),
            (r#"{"Instance": {"id": "i", "tags": {"__proto__": "x"}}}"#, "ProtoKey"),
            (
                r#"{"TerraformOutput": {"id": "o", "value": {"map": {"fqn": 1, "x": {"map": {"__proto__": 1}}}}}}"#,
                "ProtoKey",
            ),
            (
                r#"{"Instance": {"id": "i", "tags": {"_children": "a", "_metadata": "b"}}}"#,
                "ConstructLikeMap",
            ),
            (
                r#"{"TerraformOutput": {"id": "o", "value": [{"map": {"_children": [], "_metadata": {"map": {}}}}]}}"#,
                "ConstructLikeMap",
            ),
            (
                r#"{"TerraformOutput": {"id": "o", "value": {"map": {"a": {"map": {"__proto__": 1}}}}}}"#,
                "ProtoKey",
            ),
            (
                r#"{"Instance": {"id": "i", "tags": {"k": "a ${TfToken[TOKEN.1]}"}}}"#,
                "CdktfToken",
            ),
            (
                r##"{"Instance": {"id": "i", "tags": {"k": "#{TfToken[TOKEN.1]}"}}}"##,
                "CdktfToken",
            ),
            (
                r#"{"Instance": {"id": "i", "tags": {"&{TfToken[TOKEN.1]}": "v"}}}"#,
                "CdktfToken",
            ),
            (
                r#"{"Instance": {"id": "i", "tags": {"k": "String Map Token Value"}}}"#,
                "CdktfToken",
            ),
            (
                r#"{"Instance": {"id": "i", "user_data": {"script": "Any Map Token Value", "encoding": "fn_base64encode"}}}"#,
                "CdktfToken",
            ),
            (
                r#"{"Instance": {"id": "i", "user_data": {"script": "x ${TfToken[T]}", "encoding": "fn_base64encode"}}}"#,
                "CdktfToken",
            ),
            (
                r#"{"SecurityGroup": {"id": "sg", "ingress": [{"from_port": -123456789}]}}"#,
                "CdktfToken",
            ),
            (
                r#"{"Instance": {"id": "i", "vpc_security_group_ids": [{"ref": "sg", "attr": "id"}]}}, {"SecurityGroup": {"id": "sg"}}"#,
                "ForwardReference",
            ),
            (
                r#"{"SecurityGroup": {"id": "sg", "ingress": [{"security_groups": [{"ref": "sg", "attr": "id"}]}]}}"#,
                "ForwardReference",
            ),
        ];
        for (resources, want) in refused {
            let e = synth(&doc(&format!("{AWS}, {resources}")), &opts);
            let got = format!("{e:?}");
            assert!(got.starts_with(&format!("Err({want}")), "{resources}: {got}");
            if let Err(e) = e {
                assert!(e.site().is_some() && !e.message(Lang::Fr).is_empty(), "{e}");
            }
        }
        // What the real cdktf keeps as written.
        for resources in [
            r#"{"Instance": {"id": "i", "tags": {"k": "&{TfToken[TOKEN.1]}", "__proto_": "${HOME}"}}}"#,
            r#"{"Instance": {"id": "constructor!", "tags": {"n": "-1.8881545897087626e+289 1e5", "_children": "c"}}}"#,
            r#"{"TerraformOutput": {"id": "o", "value": {"map": {"fqn": 1, "_children": 2, "_metadata": 3, "s": "${TfToken[X]}"}}}}"#,
            r#"{"Instance": {"id": "&{TfToken[K]}", "user_data": {"script": "${TfToken[T]}", "encoding": "base64"}}}"#,
        ] {
            let out = synth(&doc(&format!("{AWS}, {resources}")), &opts);
            assert!(out.is_ok(), "{resources}: {out:?}");
        }
    }

    /// Issue 13: an error quotes at most 40 characters of a value, with its length, in
    /// both languages (a 5 MB name, id, reference or token was echoed whole).
    #[test]
    fn long_values_are_quoted_in_part() {
        let huge = "x".repeat(5_000_000);
        let head = "x".repeat(40);
        let e = synth(&Stack::new(&huge), &SynthOptions::new("/w")).expect_err("too long");
        assert!(matches!(&e, SynthError::InvalidStackName { name, .. } if name.len() == 5_000_000));
        assert_eq!(
            e.to_string(),
            format!("stack name \"{head}…\" (5000000 characters): {STACK_NAME_TOO_LONG}")
        );
        assert_eq!(
            e.message(Lang::Fr),
            format!("nom de stack \"{head}…\" (5000000 caractères) : cdktf écrit la stack dans le dossier cdktf.out/stacks/<nom>, et un nom de fichier compte au plus 255 octets (« ENAMETOOLONG »)")
        );
        let resources = format!(
            r#"{AWS}, {{"EbsVolume": {{"id": "{huge}", "availability_zone": {{"ref": "{huge}y", "attr": "id"}}}}}}"#
        );
        let e = synth(&doc(&resources), &SynthOptions::new("/w")).expect_err("dangling");
        assert_eq!(
            e.to_string(),
            format!("resources[1] (EbsVolume \"{head}…\" (5000000 characters)).availability_zone: refers to \"{head}…\" (5000001 characters), which is not in the stack")
        );
        assert_eq!(
            e.message(Lang::Fr),
            format!("resources[1] (EbsVolume \"{head}…\" (5000000 caractères)).availability_zone : fait référence à \"{head}…\" (5000001 caractères), qui n'est pas dans la stack")
        );
        let key = "k".repeat(1000);
        let resources =
            format!(r#"{AWS}, {{"Instance": {{"id": "i", "tags": {{"{key}": "${{TfToken[TOKEN.1]}}"}}}}}}"#);
        let e = synth(&doc(&resources), &SynthOptions::new("/w")).expect_err("token");
        for text in [e.to_string(), e.message(Lang::Fr)] {
            assert!(text.len() < 600, "{} bytes: {text}", text.len());
            assert!(text.contains("… (1005 c"), "{text}");
        }
    }

    #[test]
    fn stack_names_cdktf_refuses() {
        let long = "x".repeat(256);
        for good in [".", "..", "a/b", "x".repeat(255).as_str(), "constructor_", "a\u{1}b"] {
            assert!(synth(&Stack::new(good), &SynthOptions::new("/w")).is_ok(), "{good:?}");
        }
        for bad in [
            "",
            "my lab",
            "lab*",
            "a\u{A0}b",
            "x!",
            "constructor",
            "__proto__",
            "a${TfToken[TOKEN.1]}",
            "a\0b",
            long.as_str(),
        ] {
            let stack = Stack::new(bad);
            assert!(
                matches!(
                    synth(&stack, &SynthOptions::new("/w")),
                    Err(SynthError::InvalidStackName { .. })
                ),
                "{bad:?}"
            );
        }
    }
}
