//! Every string as Terraform reads it.
//!
//! In `cdk.tf.json` every string is a Terraform template: `${...}` is an expression,
//! `%{...}` a directive, `$${` and `%%{` write them literally, and inside an expression a
//! quoted string has its own escapes (`\n`, `\"`, `\\`, `\uXXXX`... and nothing else) and
//! cannot span lines. This module takes each string of the stack as synth writes it into
//! `cdk.tf.json` (a literal as it is, a reference as `${aws_instance.web.id}`, user data
//! through `Fn.base64encode` as `${base64encode("...")}`), reads it with a real HCL template
//! parser ([`hcl_edit`]) and reports, at the field it came from:
//!
//! - a string Terraform cannot read (an unterminated `${`, an escape HCL does not have
//!   such as `\s`, a line break inside a quoted string): `terraform-template-invalid`;
//! - a reference to something the stack does not declare (`${var.env}`, `${local.x}`, a
//!   shell `${USER}`, a resource of the stack under another name) or a call to a function
//!   Terraform does not have: `terraform-reference-unknown` (`user-data-interpolation` in
//!   user data, where the fix is the shell's).
//!
//! Sources: Terraform's string templates and JSON syntax
//! (<https://developer.hashicorp.com/terraform/language/expressions/strings>,
//! <https://developer.hashicorp.com/terraform/language/syntax/json>: "string values are
//! interpreted as string templates"), HCL's native syntax specification (escape sequences,
//! quoted templates end at a newline: "Invalid multi-line string").

use hcl_edit::expr::{Expression, FuncCall, Traversal, TraversalOperator};
use hcl_edit::template::{ForDirective, Template};
use hcl_edit::visit::{visit_expr, visit_for_directive, visit_func_call, Visit};
use hcl_edit::Span as _;

use std::collections::HashMap;

use super::catalog::*;
use super::{t, Cx, Sink};
use crate::i18n::Text;
use crate::logical_id::logical_id;
use crate::model::{Resource, Tags, UserData, UserDataEncoding};
use crate::synth::expression::{base64encode_call, has_unescaped_double_quotes};
use crate::value::{OutputValue, StrValue};

pub(crate) use crate::quote::excerpt;

/// The functions Terraform 1.11 knows (`terraform console` / the language's function
/// list), by name.
const FUNCTIONS: &[&str] = &[
    "abs",
    "abspath",
    "alltrue",
    "anytrue",
    "base64decode",
    "base64encode",
    "base64gzip",
    "base64sha256",
    "base64sha512",
    "basename",
    "bcrypt",
    "can",
    "ceil",
    "chomp",
    "chunklist",
    "cidrhost",
    "cidrnetmask",
    "cidrsubnet",
    "cidrsubnets",
    "coalesce",
    "coalescelist",
    "compact",
    "concat",
    "contains",
    "csvdecode",
    "dirname",
    "distinct",
    "element",
    "endswith",
    "ephemeralasnull",
    "file",
    "filebase64",
    "filebase64sha256",
    "filebase64sha512",
    "fileexists",
    "filemd5",
    "fileset",
    "filesha1",
    "filesha256",
    "filesha512",
    "flatten",
    "floor",
    "format",
    "formatdate",
    "formatlist",
    "indent",
    "index",
    "issensitive",
    "join",
    "jsondecode",
    "jsonencode",
    "keys",
    "length",
    "log",
    "lookup",
    "lower",
    "matchkeys",
    "max",
    "md5",
    "merge",
    "min",
    "nonsensitive",
    "one",
    "parseint",
    "pathexpand",
    "plantimestamp",
    "pow",
    "range",
    "regex",
    "regexall",
    "replace",
    "reverse",
    "rsadecrypt",
    "sensitive",
    "setintersection",
    "setproduct",
    "setsubtract",
    "setunion",
    "sha1",
    "sha256",
    "sha512",
    "signum",
    "slice",
    "sort",
    "split",
    "startswith",
    "strcontains",
    "strrev",
    "substr",
    "sum",
    "templatefile",
    "templatestring",
    "textdecodebase64",
    "textencodebase64",
    "timeadd",
    "timecmp",
    "timestamp",
    "title",
    "tobool",
    "tolist",
    "tomap",
    "tonumber",
    "toset",
    "tostring",
    "transpose",
    "trim",
    "trimprefix",
    "trimspace",
    "trimsuffix",
    "try",
    "upper",
    "urlencode",
    "uuid",
    "uuidv5",
    "values",
    "yamldecode",
    "yamlencode",
    "zipmap",
];

/// Every string of resource `r` as synth writes it into `cdk.tf.json` and Terraform reads it
/// as a template, with its kwarg path (map keys included). References are left out (synth
/// writes them right); user data comes as its JSON string; an output's description is not
/// there, since Terraform takes it literally.
pub fn strings(r: &Resource) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |path: String, s: &str| out.push((path, s.to_owned()));
    fn tags(out: &mut Vec<(String, String)>, field: &str, tags: Option<&Tags>) {
        for (k, v) in tags.into_iter().flatten() {
            let path = format!("{field}[{}]", serde_json::Value::String(k.clone()));
            out.push((path.clone(), k.clone()));
            out.push((path, v.clone()));
        }
    }
    let lit = |v: &StrValue| v.as_literal().map(str::to_owned);
    match r {
        Resource::AwsProvider(p) => {
            p.region.iter().for_each(|s| push("region".into(), s));
            p.profile.iter().for_each(|s| push("profile".into(), s));
            tags(&mut out, "default_tags", p.default_tags.as_ref());
        }
        Resource::DataAwsAmi(a) => {
            for (j, o) in a.owners.iter().flatten().enumerate() {
                push(format!("owners[{j}]"), o);
            }
            for (j, f) in a.filter.iter().flatten().enumerate() {
                push(format!("filter[{j}].name"), &f.name);
                for (k, v) in f.values.iter().enumerate() {
                    push(format!("filter[{j}].values[{k}]"), v);
                }
            }
            a.name_regex.iter().for_each(|s| push("name_regex".into(), s));
        }
        Resource::SecurityGroup(sg) => {
            sg.name.iter().for_each(|s| push("name".into(), s));
            sg.description.iter().for_each(|s| push("description".into(), s));
            sg.vpc_id.iter().for_each(|s| push("vpc_id".into(), s));
            for (list, rules) in [("ingress", &sg.ingress), ("egress", &sg.egress)] {
                for (j, rule) in rules.iter().flatten().enumerate() {
                    let p = format!("{list}[{j}]");
                    rule.protocol.iter().for_each(|s| push(format!("{p}.protocol"), s));
                    for (name, items) in [
                        ("cidr_blocks", &rule.cidr_blocks),
                        ("ipv6_cidr_blocks", &rule.ipv6_cidr_blocks),
                        ("prefix_list_ids", &rule.prefix_list_ids),
                    ] {
                        for (k, s) in items.iter().flatten().enumerate() {
                            push(format!("{p}.{name}[{k}]"), s);
                        }
                    }
                    for (k, v) in rule.security_groups.iter().flatten().enumerate() {
                        if let Some(s) = lit(v) {
                            push(format!("{p}.security_groups[{k}]"), &s);
                        }
                    }
                    rule.description
                        .iter()
                        .for_each(|s| push(format!("{p}.description"), s));
                }
            }
            tags(&mut out, "tags", sg.tags.as_ref());
        }
        Resource::KeyPair(k) => {
            k.key_name.iter().for_each(|s| push("key_name".into(), s));
            push("public_key".into(), &k.public_key);
            tags(&mut out, "tags", k.tags.as_ref());
        }
        Resource::Instance(inst) => {
            for (name, v) in [
                ("ami", &inst.ami),
                ("key_name", &inst.key_name),
                ("subnet_id", &inst.subnet_id),
                ("availability_zone", &inst.availability_zone),
            ] {
                if let Some(s) = v.as_ref().and_then(lit) {
                    push(name.into(), &s);
                }
            }
            inst.instance_type.iter().for_each(|s| push("instance_type".into(), s));
            for (k, v) in inst.vpc_security_group_ids.iter().flatten().enumerate() {
                if let Some(s) = lit(v) {
                    push(format!("vpc_security_group_ids[{k}]"), &s);
                }
            }
            for (name, ud) in [
                ("user_data", &inst.user_data),
                ("user_data_base64", &inst.user_data_base64),
            ] {
                if let Some(s) = ud.as_ref().and_then(user_data_json) {
                    push(name.into(), &s);
                }
            }
            if let Some(root) = &inst.root_block_device {
                root.volume_type
                    .iter()
                    .for_each(|s| push("root_block_device.volume_type".into(), s));
            }
            for (j, d) in inst.ebs_block_device.iter().flatten().enumerate() {
                push(format!("ebs_block_device[{j}].device_name"), &d.device_name);
                d.volume_type
                    .iter()
                    .for_each(|s| push(format!("ebs_block_device[{j}].volume_type"), s));
                d.snapshot_id
                    .iter()
                    .for_each(|s| push(format!("ebs_block_device[{j}].snapshot_id"), s));
            }
            if let Some(m) = &inst.metadata_options {
                for (name, v) in [
                    ("http_endpoint", &m.http_endpoint),
                    ("http_tokens", &m.http_tokens),
                    ("instance_metadata_tags", &m.instance_metadata_tags),
                ] {
                    v.iter().for_each(|s| push(format!("metadata_options.{name}"), s));
                }
            }
            tags(&mut out, "tags", inst.tags.as_ref());
        }
        Resource::EbsVolume(v) => {
            if let Some(s) = lit(&v.availability_zone) {
                push("availability_zone".into(), &s);
            }
            v.volume_type.iter().for_each(|s| push("type".into(), s));
            if let Some(s) = v.snapshot_id.as_ref().and_then(lit) {
                push("snapshot_id".into(), &s);
            }
            tags(&mut out, "tags", v.tags.as_ref());
        }
        Resource::VolumeAttachment(a) => {
            push("device_name".into(), &a.device_name);
            for (name, v) in [("volume_id", &a.volume_id), ("instance_id", &a.instance_id)] {
                if let Some(s) = lit(v) {
                    push(name.into(), &s);
                }
            }
        }
        Resource::EbsSnapshot(s) => {
            if let Some(v) = lit(&s.volume_id) {
                push("volume_id".into(), &v);
            }
            s.description.iter().for_each(|d| push("description".into(), d));
            tags(&mut out, "tags", s.tags.as_ref());
        }
        Resource::TerraformOutput(o) => {
            fn walk(out: &mut Vec<(String, String)>, v: &OutputValue) {
                match v {
                    OutputValue::Str(s) => out.push(("value".into(), s.clone())),
                    OutputValue::List(items) => items.iter().for_each(|i| walk(out, i)),
                    OutputValue::Map(m) => {
                        for (k, v) in m {
                            out.push(("value".into(), k.clone()));
                            walk(out, v);
                        }
                    }
                    OutputValue::Ref(_) | OutputValue::Number(_) | OutputValue::Bool(_) => {}
                }
            }
            walk(&mut out, &o.value);
            // An output's description is not an expression: Terraform takes the JSON string
            // literally (seen with `terraform validate`: "${local.x}" passes there).
        }
    }
    out
}

/// The JSON string synth writes for user data, when it writes one.
fn user_data_json(ud: &UserData) -> Option<String> {
    match ud.encoding {
        UserDataEncoding::Plain => Some(ud.script.clone()),
        // Base64 text holds neither `$` nor `%`.
        UserDataEncoding::Base64 => None,
        UserDataEncoding::FnBase64encode => {
            (!has_unescaped_double_quotes(&ud.script)).then(|| base64encode_call(&ud.script))
        }
    }
}

/// What is wrong with a string as Terraform reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// Terraform cannot parse the string: what it would say, in both languages.
    Invalid(Text),
    /// A reference or a function the stack does not have: the expression as written, and
    /// why, in both languages.
    Unknown { expr: String, why: Text },
}

/// The declared names a template may refer to: `(terraform type, logical id)` of every
/// resource and data source of the stack.
pub(crate) struct Names {
    /// For each logical id, the `(data source?, terraform type)` of the resources that
    /// have it: a template's reference is found in one lookup, not by reading them all.
    declared: HashMap<String, Vec<(bool, &'static str)>>,
}

impl Names {
    pub(crate) fn of(cx: &Cx) -> Self {
        let mut declared: HashMap<String, Vec<(bool, &'static str)>> = HashMap::new();
        for r in &cx.stack.resources {
            let (Some(ty), Ok(logical)) = (r.kind().terraform_type(), logical_id(r.id())) else {
                continue;
            };
            let kinds = declared.entry(logical).or_default();
            if !kinds.contains(&(r.kind().is_data_source(), ty)) {
                kinds.push((r.kind().is_data_source(), ty));
            }
        }
        Names { declared }
    }

    fn has(&self, data: bool, ty: &str, name: &str) -> bool {
        self.declared
            .get(name)
            .is_some_and(|kinds| kinds.iter().any(|(d, t)| *d == data && *t == ty))
    }
}

/// Reads `s` as Terraform reads a string of `cdk.tf.json`; the problems found, in order.
pub(crate) fn read(s: &str, names: &Names) -> Vec<Problem> {
    if !s.contains("${") && !s.contains("%{") {
        return Vec::new();
    }
    let template = match hcl_edit::parser::parse_template(s) {
        Ok(t) => t,
        Err(e) => return vec![Problem::Invalid(parse_error(s, &e))],
    };
    let mut reader = Reader {
        source: s,
        names,
        bound: Vec::new(),
        problems: Vec::new(),
    };
    reader.visit_template(&template);
    reader.problems
}

/// The parser's complaint in the learner's words.
fn parse_error(s: &str, e: &hcl_edit::parser::Error) -> Text {
    let offset = e.location().offset();
    let at = s.get(offset..).unwrap_or_default();
    let before = s.get(..offset).unwrap_or_default();
    let escape = e.to_string().contains("escape") || at.starts_with('\\');
    let backslash = before
        .rfind('\\')
        .filter(|k| offset - k <= 10)
        .or(at.starts_with('\\').then_some(offset));
    if let Some(k) = backslash.filter(|_| escape) {
        let seq: String = s[k..].chars().take(2).collect();
        return t(
            format!("Terraform refuse la séquence « {seq} » : dans une chaîne entre guillemets d'une expression, il ne connaît que \\n, \\r, \\t, \\\\, \\\", \\uXXXX et \\UXXXXXXXX (« Invalid escape sequence »)."),
            format!("Terraform refuses the sequence \"{seq}\": in a quoted string of an expression it knows only \\n, \\r, \\t, \\\\, \\\", \\uXXXX and \\UXXXXXXXX (\"Invalid escape sequence\")."),
        );
    }
    let opened = before.rfind("${").or_else(|| before.rfind("%{"));
    let shown = excerpt(opened.and_then(|k| s.get(k..)).unwrap_or(at));
    t(
        format!("Terraform ne sait pas lire « {shown} » : ${{…}} et %{{…}} y ouvrent une expression ou une directive, et celle-ci est mal formée ou pas refermée (ligne {}, colonne {})." , e.location().line(), e.location().column()),
        format!("Terraform cannot read \"{shown}\": ${{…}} and %{{…}} open an expression or a directive there, and this one is malformed or not closed (line {}, column {}).", e.location().line(), e.location().column()),
    )
}

struct Reader<'a> {
    source: &'a str,
    names: &'a Names,
    /// Names a `for` binds (`%{ for x in ... }`), which may be read bare.
    bound: Vec<String>,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn unknown(&mut self, expr: String, why: Text) {
        let p = Problem::Unknown {
            expr: excerpt(&expr),
            why,
        };
        if !self.problems.contains(&p) {
            self.problems.push(p);
        }
    }

    /// A traversal `root.a.b...`: checks what its root names.
    fn root(&mut self, root: &str, attrs: &[&str]) {
        let shown = std::iter::once(root)
            .chain(attrs.iter().copied())
            .collect::<Vec<_>>()
            .join(".");
        let expr = format!("${{{shown}}}");
        if self.bound.iter().any(|b| b == root) {
            return;
        }
        match root {
            "var" | "local" | "module" => {
                let what = match root {
                    "var" => (
                        "une variable d'entrée (TerraformVariable)",
                        "an input variable (TerraformVariable)",
                        "Reference to undeclared input variable",
                    ),
                    "local" => (
                        "une valeur locale (TerraformLocal)",
                        "a local value (TerraformLocal)",
                        "Reference to undeclared local value",
                    ),
                    _ => ("un module", "a module", "Reference to undeclared module"),
                };
                self.unknown(
                    expr.clone(),
                    t(
                        format!("Terraform lit « {} » comme une référence à {} que cette stack ne déclare pas : terraform validate refuse (« {} »).", excerpt(&expr), what.0, what.2),
                        format!("Terraform reads \"{}\" as a reference to {} this stack does not declare: terraform validate refuses it (\"{}\").", excerpt(&expr), what.1, what.2),
                    ),
                );
            }
            "path" | "terraform" => {}
            "data" => {
                let known = matches!(attrs, [ty, name, ..] if self.names.has(true, ty, name));
                if !known {
                    self.not_declared(expr);
                }
            }
            ty if ty.starts_with("aws_") => {
                let known = matches!(attrs, [name, ..] if self.names.has(false, ty, name));
                if !known {
                    self.not_declared(expr);
                }
            }
            _ => {
                let shown = excerpt(&expr);
                self.unknown(
                    expr,
                    t(
                        format!("Terraform lit « {shown} » comme une référence à « {root} », qui n'existe pas pour lui (« Invalid reference ») : ce n'est pas une variable du shell ni de Python ici."),
                        format!("Terraform reads \"{shown}\" as a reference to \"{root}\", which it does not know (\"Invalid reference\"): it is not a shell or Python variable here."),
                    ),
                );
            }
        }
    }

    fn not_declared(&mut self, expr: String) {
        let shown = excerpt(&expr);
        self.unknown(
            expr,
            t(
                format!("« {shown} » vise une ressource que cette stack ne déclare pas sous ce nom : terraform validate refuse (« Reference to undeclared resource »)."),
                format!("\"{shown}\" points to a resource this stack does not declare under that name: terraform validate refuses it (\"Reference to undeclared resource\")."),
            ),
        );
    }

    /// A quoted string inside an expression that holds a raw line break: HCL refuses it.
    fn raw_line_break(&mut self, span: Option<std::ops::Range<usize>>) {
        let Some(raw) = span.and_then(|r| self.source.get(r)) else {
            return;
        };
        if raw.starts_with('"') && raw.contains(['\n', '\r']) {
            let which = if raw.contains('\r') {
                ("un retour chariot (CR, \\r)", "a carriage return (CR, \\r)")
            } else {
                ("un saut de ligne", "a line break")
            };
            let p = Problem::Invalid(t(
                format!("Une chaîne entre guillemets de l'expression contient {} brut : Terraform refuse une chaîne sur plusieurs lignes (« Invalid multi-line string »).", which.0),
                format!("A quoted string of the expression holds a raw {}: Terraform refuses a string over several lines (\"Invalid multi-line string\").", which.1),
            ));
            if !self.problems.contains(&p) {
                self.problems.push(p);
            }
        }
    }
}

fn ident_of(e: &Expression) -> Option<&str> {
    match e {
        Expression::Variable(v) => Some(v.as_str()),
        _ => None,
    }
}

impl Visit for Reader<'_> {
    fn visit_expr(&mut self, expr: &Expression) {
        match expr {
            Expression::Variable(v) => self.root(v.as_str(), &[]),
            Expression::String(s) => self.raw_line_break(s.span()),
            Expression::StringTemplate(st) => {
                self.raw_line_break(st.span());
                visit_expr(self, expr);
            }
            Expression::Traversal(tr) => self.visit_traversal(tr),
            _ => visit_expr(self, expr),
        }
    }

    fn visit_traversal(&mut self, tr: &Traversal) {
        if let Some(root) = ident_of(&tr.expr) {
            let attrs: Vec<&str> = tr
                .operators
                .iter()
                .map_while(|op| match op.value() {
                    TraversalOperator::GetAttr(id) => Some(id.as_str()),
                    _ => None,
                })
                .collect();
            self.root(root, &attrs);
        } else {
            self.visit_expr(&tr.expr);
        }
        for op in &tr.operators {
            if let TraversalOperator::Index(e) = op.value() {
                self.visit_expr(e);
            }
        }
    }

    fn visit_func_call(&mut self, call: &FuncCall) {
        let name = call.name.name.as_str();
        let namespaced = !call.name.namespace.is_empty();
        if !namespaced && !FUNCTIONS.contains(&name) {
            let expr = format!("${{{name}(…)}}");
            self.unknown(
                expr,
                t(
                    format!("Terraform n'a pas de fonction « {name} » (« Call to unknown function »)."),
                    format!("Terraform has no function \"{name}\" (\"Call to unknown function\")."),
                ),
            );
        }
        visit_func_call(self, call);
    }

    fn visit_for_directive(&mut self, d: &ForDirective) {
        let intro = &d.for_expr;
        if let Some(k) = &intro.key_var {
            self.bound.push(k.as_str().to_owned());
        }
        self.bound.push(intro.value_var.as_str().to_owned());
        visit_for_directive(self, d);
    }

    fn visit_template(&mut self, tpl: &Template) {
        hcl_edit::visit::visit_template(self, tpl);
    }
}

/// Checks every string of resource `i` as Terraform reads it.
pub(super) fn check(sink: &mut Sink, i: usize, r: &Resource, names: &Names) {
    for (field, s) in strings(r) {
        let user_data = field == "user_data" || field == "user_data_base64";
        for problem in read(&s, names) {
            match problem {
                Problem::Invalid(_) if user_data && sequence_in_script(r, &field).is_some() => {
                    let seq = sequence_in_script(r, &field).unwrap_or_default();
                    sink.push(
                        &USER_DATA_INTERPOLATION,
                        i,
                        &field,
                        t(
                            format!("Le script contient « {seq} » : Terraform y lit une expression ou une directive à lui, et non du shell ; terraform validate le refuse."),
                            format!("The script holds \"{seq}\": Terraform reads it as its own expression or directive, not shell; terraform validate refuses it."),
                        ),
                        t(
                            "Écrivez la variable sans accolades ($HOME), ou doublez le premier caractère ($${HOME}, %%{) pour que Terraform laisse le texte tel quel.",
                            "Write the variable without braces ($HOME), or double the first character ($${HOME}, %%{) so that Terraform leaves the text alone.",
                        ),
                    );
                }
                Problem::Invalid(message) => sink.push(
                    &TERRAFORM_TEMPLATE_INVALID,
                    i,
                    &field,
                    message,
                    if user_data && s.contains('\r') {
                        t(
                            "Enregistrez le script avec des fins de ligne LF (VS Code : « CRLF » en bas à droite, puis LF), ou passez USER_DATA.replace(\"\\r\\n\", \"\\n\").",
                            "Save the script with LF line endings (VS Code: \"CRLF\" at the bottom right, then LF), or pass USER_DATA.replace(\"\\r\\n\", \"\\n\").",
                        )
                    } else if user_data {
                        t(
                            "Doublez les barres obliques inverses que le script doit garder (\\\\s), ou encodez le script en Python (base64.b64encode), que Terraform ne relit pas ; pour ${ ou %{ écrivez $${ ou %%{.",
                            "Double the backslashes the script must keep (\\\\s), or encode the script in Python (base64.b64encode), which Terraform does not read again; for ${ or %{ write $${ or %%{.",
                        )
                    } else {
                        t(
                            "Pour écrire ${ ou %{ tels quels, doublez le premier caractère : $${ ou %%{.",
                            "To write ${ or %{ as they are, double the first character: $${ or %%{.",
                        )
                    },
                ),
                Problem::Unknown { expr, why } if user_data => sink.push(
                    &USER_DATA_INTERPOLATION,
                    i,
                    &field,
                    why,
                    t(
                        format!("Écrivez la variable du shell sans accolades ($HOME), ou doublez le $ (« ${} ») pour que Terraform laisse le texte tel quel.", dollar_escaped(&expr)),
                        format!("Write the shell variable without braces ($HOME), or double the $ (\"{}\") so that Terraform leaves the text alone.", dollar_escaped(&expr)),
                    ),
                ),
                Problem::Unknown { expr, why } => sink.push(
                    &TERRAFORM_REFERENCE_UNKNOWN,
                    i,
                    &field,
                    why,
                    t(
                        format!("Pour garder le texte tel quel, doublez le $ : « {} ». Pour une valeur calculée, construisez la chaîne en Python (f-string) ou faites référence à un attribut (inst.id).", dollar_escaped(&expr)),
                        format!("To keep the text as it is, double the $: \"{}\". For a computed value, build the string in Python (an f-string) or refer to an attribute (inst.id).", dollar_escaped(&expr)),
                    ),
                ),
            }
        }
    }
}

/// The first template sequence Terraform reads in the user data script of `field`.
fn sequence_in_script(r: &Resource, field: &str) -> Option<String> {
    let Resource::Instance(inst) = r else { return None };
    let ud = if field == "user_data" {
        inst.user_data.as_ref()
    } else {
        inst.user_data_base64.as_ref()
    }?;
    let only_directives = match ud.encoding {
        UserDataEncoding::Plain => false,
        UserDataEncoding::FnBase64encode => true,
        UserDataEncoding::Base64 => return None,
    };
    super::user_data::template_sequence(&ud.script, only_directives).map(excerpt)
}

/// `${x}` written so that Terraform keeps it: `$${x}`.
fn dollar_escaped(expr: &str) -> String {
    format!("${expr}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        Names {
            declared: HashMap::from([
                ("web".to_owned(), vec![(false, "aws_instance")]),
                ("al".to_owned(), vec![(true, "aws_ami")]),
            ]),
        }
    }

    fn codes(s: &str) -> Vec<String> {
        read(s, &names())
            .into_iter()
            .map(|p| match p {
                Problem::Invalid(t) => format!("invalid: {}", t.en),
                Problem::Unknown { expr, .. } => format!("unknown: {expr}"),
            })
            .collect()
    }

    #[test]
    fn plain_text_and_escapes_pass() {
        assert!(codes("web-server").is_empty());
        assert!(codes("$${HOME} %%{x}").is_empty());
        assert!(codes("${aws_instance.web.id}").is_empty());
        assert!(codes("${data.aws_ami.al.id}").is_empty());
        assert!(codes("${base64encode(\"#!/bin/bash\\necho $${HOME}\\n\")}").is_empty());
        assert!(codes("${path.module}").is_empty());
    }

    #[test]
    fn references_the_stack_lacks() {
        assert_eq!(codes("web-${var.env}"), vec!["unknown: ${var.env}"]);
        assert_eq!(codes("${USER}"), vec!["unknown: ${USER}"]);
        assert_eq!(codes("${local.x}"), vec!["unknown: ${local.x}"]);
        assert_eq!(codes("${aws_instance.db.id}"), vec!["unknown: ${aws_instance.db.id}"]);
        assert_eq!(codes("${data.aws_ami.x.id}"), vec!["unknown: ${data.aws_ami.x.id}"]);
        assert_eq!(codes("${nope(1)}"), vec!["unknown: ${nope(…)}"]);
        assert_eq!(
            codes("${TfToken[TOKEN.1]}"),
            vec!["unknown: ${TfToken}", "unknown: ${TOKEN}"]
        );
        assert!(codes("%{ for x in [1] }${x}%{ endfor }").is_empty());
    }

    #[test]
    fn strings_terraform_cannot_read() {
        let bad = codes("${base64encode(\"grep -E '^\\s*Listen'\")}");
        assert_eq!(bad.len(), 1, "{bad:?}");
        assert!(bad[0].contains("\"\\s\""), "{bad:?}");
        assert!(codes("echo ${HOME").first().is_some_and(|c| c.starts_with("invalid")));
        let cr = codes("${base64encode(\"#!/bin/bash\r\\n\")}");
        assert_eq!(cr.len(), 1, "{cr:?}");
        assert!(cr[0].contains("carriage return"), "{cr:?}");
    }

    #[test]
    fn excerpts_are_short() {
        assert_eq!(excerpt("abc"), "abc");
        assert_eq!(
            excerpt(&"é".repeat(100)).chars().count(),
            crate::quote::EXCERPT_CHARS + 1
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            let _ = read(&s, &names());
            let _ = read(&format!("${{{s}}}"), &names());
            let _ = read(&base64encode_call(&s), &names());
        }
    }
}

#[cfg(test)]
mod deep {
    use super::*;

    #[test]
    fn deep_nesting_does_not_overflow() {
        let names = Names {
            declared: HashMap::new(),
        };
        for (open, close) in [("(", ")"), ("[", "]"), ("{a=", "}"), ("\"${", "}\"")] {
            let s = format!("${{{}1{}}}", open.repeat(20_000), close.repeat(20_000));
            let _ = read(&s, &names);
        }
    }
}
