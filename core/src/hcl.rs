//! `hcl`: the stack as the `main.tf` a person would write for plain Terraform, the way out
//! of cdktf (archived by HashiCorp on 2025-12-10) that keeps the same plan.
//!
//! The HCL is derived from the `cdk.tf.json` that [`synth`](crate::synth()) predicts
//! ([`synth_value`]), so it says exactly what the JSON says: one block per provider, data
//! source, resource and output; the `terraform { required_providers, backend }` blocks cdktf
//! writes; references as expressions; nested blocks as blocks. It is written through
//! hcl-edit's syntax tree, whose decor (the whitespace around each node) gives the layout
//! `terraform fmt` writes (Terraform 1.11.4, `hclwrite`'s `format`): two spaces per level,
//! `=` aligned over a run of one-line attributes, a multi-line value ending the run.
//!
//! The rules for reading the JSON come from the HCL JSON syntax specification (a property
//! `"//"` in a block body is a comment; every string, and every property name of an object
//! value, is a template) and from the HCL native syntax specification (a template made of
//! one interpolation only, `"${x}"`, has the value of `x` itself, so `x` is written bare).

use std::collections::HashSet;

use hcl_edit::expr::{
    Array, Expression, FuncArgs, FuncCall, FuncName, Object, ObjectKey, ObjectValue, ObjectValueAssignment,
    ObjectValueTerminator,
};
use hcl_edit::structure::{Attribute, Block, BlockLabel, Body};
use hcl_edit::template::{Element, HeredocTemplate, StringTemplate, Template};
use hcl_edit::{Decor, Decorate, Decorated, Ident};
use serde_json::{Map, Value};
use thiserror::Error;
use unicode_segmentation::UnicodeSegmentation;

use crate::i18n::Lang;
use crate::logical_id::logical_id;
use crate::model::Stack;
use crate::quote::{quoted, shortened, PATH_CHARS};
use crate::synth::{synth_value, SynthError, SynthOptions};

/// Why a stack has no `main.tf`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum HclError {
    /// The stack cannot be synthesized: cdktf itself would refuse it.
    #[error(transparent)]
    Synth(#[from] SynthError),
    /// A string that is not a Terraform template (`"${"`, `"%{if x}"` without `%{endif}`):
    /// Terraform reads every string of `cdk.tf.json` as a template (HCL JSON syntax
    /// specification), so it refuses the JSON too ("Invalid template" errors, seen with
    /// Terraform 1.11.4); there is no HCL that means the same.
    #[error("{}: {} is not a Terraform template ({reason}); Terraform refuses the cdk.tf.json too, so there is no main.tf that means the same (escape a literal ${{ or %{{ as $${{ or %%{{)", shortened(.path, PATH_CHARS, Lang::En), quoted(.text, Lang::En))]
    InvalidTemplate { path: String, text: String, reason: String },
    /// A part of the JSON that has no place in HCL (never written by our synth).
    #[error("{}: {what}", shortened(.path, PATH_CHARS, Lang::En))]
    Unexpected { path: String, what: String },
}

impl HclError {
    /// The error in the learner's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (HclError::Synth(e), _) => e.message(lang),
            (_, Lang::En) => self.to_string(),
            (HclError::InvalidTemplate { path, text, reason }, Lang::Fr) => format!(
                "{} : {} n'est pas un template Terraform ({reason}) ; Terraform refuse aussi le cdk.tf.json, aucun main.tf ne dit donc la même chose (écrivez un ${{ ou %{{ littéral $${{ ou %%{{)",
                shortened(path, PATH_CHARS, Lang::Fr),
                quoted(text, Lang::Fr)
            ),
            (HclError::Unexpected { path, what }, Lang::Fr) => {
                format!("{} : {what}", shortened(path, PATH_CHARS, Lang::Fr))
            }
        }
    }
}

/// The `main.tf` for `stack`: what `terraform plan` reads the same way as the `cdk.tf.json`
/// that [`crate::synth()`] writes with the same `options` (the local backend's path comes
/// from `options.project_dir`; `SynthOptions::new(".")` gives the relative
/// `terraform.<stack>.tfstate`). Data sources and resources come in the stack's order.
///
/// Errors: every [`SynthError`], and [`HclError::InvalidTemplate`] for a string that
/// Terraform cannot read as a template.
pub fn main_tf(stack: &Stack, options: &SynthOptions) -> Result<String, HclError> {
    let tf = synth_value(stack, options)?;
    tf_json_to_hcl(&tf, &declaration_order(stack))
}

/// One data source or resource as the stack declares it: `("data" | "resource", type,
/// logical id)`.
pub type BlockKey = (&'static str, &'static str, String);

/// The data sources and resources of `stack` in the order it declares them (each logical id
/// once: colliding constructs are one block, as in `cdk.tf.json`).
pub fn declaration_order(stack: &Stack) -> Vec<BlockKey> {
    let mut seen = HashSet::new();
    let mut order = Vec::new();
    for resource in &stack.resources {
        let kind = resource.kind();
        let (Some(ty), Ok(id)) = (kind.terraform_type(), logical_id(resource.id())) else {
            continue;
        };
        let section = if kind.is_data_source() { "data" } else { "resource" };
        if seen.insert((section, ty, id.clone())) {
            order.push((section, ty, id));
        }
    }
    order
}

/// The `main.tf` that means what a Terraform JSON configuration `tf` (the `cdk.tf.json` of
/// [`synth_value`]) means. Data sources and resources listed in `order` come first in that
/// order, the others after them in the JSON's order.
///
/// Errors: [`HclError::InvalidTemplate`] for a string that is not a template, and
/// [`HclError::Unexpected`] for JSON our synth never writes (an attribute name that is not
/// an identifier, a top-level key other than `//`, `terraform`, `provider`, `data`,
/// `resource`, `output`).
pub fn tf_json_to_hcl(tf: &Value, order: &[BlockKey]) -> Result<String, HclError> {
    let root = tf
        .as_object()
        .ok_or_else(|| unexpected("", "the configuration is not a JSON object"))?;
    let mut blocks: Vec<Block> = Vec::new();
    for key in root.keys() {
        if !matches!(
            key.as_str(),
            "//" | "terraform" | "provider" | "data" | "resource" | "output"
        ) {
            return Err(unexpected(key, "a top-level key main.tf does not write"));
        }
    }
    if let Some(terraform) = root.get("terraform") {
        blocks.push(terraform_block(terraform)?);
    }
    if let Some(providers) = root.get("provider") {
        let providers = object(providers, "provider")?;
        for (name, configs) in providers {
            let path = format!("provider.{name}");
            let configs: Vec<&Value> = match configs {
                Value::Array(items) => items.iter().collect(),
                other => vec![other],
            };
            for (i, config) in configs.into_iter().enumerate() {
                let path = format!("{path}[{i}]");
                let body = body_items(object(config, &path)?, Schema::Provider, &path, 1)?;
                blocks.push(block("provider", &[name], body, 0));
            }
        }
    }
    let mut written: HashSet<(&str, &str, &str)> = HashSet::new();
    for (section, ty, name) in order {
        if let Some(body) = root.get(*section).and_then(|s| s.get(*ty)).and_then(|t| t.get(name)) {
            if written.insert((section, ty, name)) {
                blocks.push(resource_block(section, ty, name, body)?);
            }
        }
    }
    for section in ["data", "resource"] {
        let Some(types) = root.get(section) else {
            continue;
        };
        for (ty, items) in object(types, section)? {
            for (name, body) in object(items, &format!("{section}.{ty}"))? {
                if written.insert((section, ty, name)) {
                    blocks.push(resource_block(section, ty, name, body)?);
                }
            }
        }
    }
    if let Some(outputs) = root.get("output") {
        for (name, body) in object(outputs, "output")? {
            let path = format!("output.{name}");
            // Terraform reads an output's description without variables (it must be a
            // literal): in JSON its text is taken as written, so it stays text here (seen
            // with Terraform 1.11.4, as for the terraform block).
            let mut body = object(body, &path)?.clone();
            if let Some(description) = body.get_mut("description") {
                *description = escape_markers_in(description);
            }
            let items = body_items(&body, Schema::Output, &path, 1)?;
            blocks.push(block("output", &[name], items, 0));
        }
    }
    let mut file = Body::new();
    for (i, mut b) in blocks.into_iter().enumerate() {
        // terraform fmt keeps blank lines; a person separates top-level blocks by one.
        b.decor_mut().set_prefix(if i == 0 { "" } else { "\n" });
        file.push(b);
    }
    Ok(file.to_string())
}

fn unexpected(path: &str, what: &str) -> HclError {
    HclError::Unexpected {
        path: path.to_owned(),
        what: what.to_owned(),
    }
}

fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, HclError> {
    v.as_object().ok_or_else(|| unexpected(path, "expected a JSON object"))
}

fn indent(depth: usize) -> String {
    "  ".repeat(depth)
}

/// What a block body may hold as nested blocks: the `block_types` of the hashicorp/aws
/// provider's schema (`terraform providers schema -json` with provider 5.100.0, read for
/// every resource and data source the stack model writes; `ingress` and `egress` of
/// `aws_security_group` are attributes there, of type set of objects).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Schema {
    Resource(&'static str),
    Data(&'static str),
    Provider,
    Output,
    /// Inside a nested block: no deeper blocks in what the model writes.
    Nested,
}

impl Schema {
    fn of(section: &str, ty: &str) -> Schema {
        // The types whose block names we know, as static names; any other type has no blocks.
        const TYPES: &[&str] = &[
            "aws_instance",
            "aws_security_group",
            "aws_ebs_volume",
            "aws_ebs_snapshot",
            "aws_key_pair",
            "aws_volume_attachment",
            "aws_ami",
        ];
        let ty = TYPES.iter().copied().find(|t| *t == ty).unwrap_or("");
        if section == "data" {
            Schema::Data(ty)
        } else {
            Schema::Resource(ty)
        }
    }

    /// Nested block types (provider schema: `block_types`).
    fn is_block(self, key: &str) -> bool {
        let blocks: &[&str] = match self {
            Schema::Resource("aws_instance") => &[
                "capacity_reservation_specification",
                "cpu_options",
                "credit_specification",
                "ebs_block_device",
                "enclave_options",
                "ephemeral_block_device",
                "instance_market_options",
                "launch_template",
                "maintenance_options",
                "metadata_options",
                "network_interface",
                "private_dns_name_options",
                "root_block_device",
                "timeouts",
            ],
            Schema::Resource(
                "aws_security_group" | "aws_ebs_volume" | "aws_ebs_snapshot" | "aws_volume_attachment",
            ) => &["timeouts"],
            Schema::Data("aws_ami") => &["filter", "timeouts"],
            Schema::Provider => &[
                "assume_role",
                "assume_role_with_web_identity",
                "default_tags",
                "endpoints",
                "ignore_tags",
            ],
            _ => &[],
        };
        blocks.contains(&key)
    }

    /// Attributes the provider lets a configuration write as blocks ("Attributes as
    /// Blocks", Terraform's documentation; `ingress` and `egress` of `aws_security_group`,
    /// whose provider docs show them as blocks). An empty list stays an attribute, `= []`:
    /// no block would mean "not set" rather than "no rules".
    fn is_attribute_as_block(self, key: &str) -> bool {
        matches!(self, Schema::Resource("aws_security_group")) && matches!(key, "ingress" | "egress")
    }
}

fn resource_block(section: &str, ty: &str, name: &str, body: &Value) -> Result<Block, HclError> {
    let path = format!("{section}.{ty}.{name}");
    let items = body_items(object(body, &path)?, Schema::of(section, ty), &path, 1)?;
    Ok(block(section, &[ty, name], items, 0))
}

/// The `terraform` block: `required_providers` (each provider an object attribute), then the
/// backend as `backend "<type>" { ... }`, as the Terraform documentation writes them.
///
/// Terraform reads this block without variables (its settings must be literal), so a JSON
/// string there is not a template but the text itself (HCL JSON syntax: strings are templates
/// only where an evaluation context is given; seen with Terraform 1.11.4: a backend path
/// holding `${x}` is taken as written in `cdk.tf.json`, and refused as a "Variables not
/// allowed" template in HCL). Its markers are escaped first, so they stay text.
fn terraform_block(v: &Value) -> Result<Block, HclError> {
    let escaped = escape_markers_in(v);
    let map = object(&escaped, "terraform")?;
    let mut items = Vec::new();
    if let Some(rp) = map.get("required_providers") {
        let path = "terraform.required_providers";
        let body = body_items(object(rp, path)?, Schema::Nested, path, 2)?;
        items.push(Item::Block(block("required_providers", &[], body, 1)));
    }
    if let Some(backends) = map.get("backend") {
        for (ty, config) in object(backends, "terraform.backend")? {
            let path = format!("terraform.backend.{ty}");
            let body = body_items(object(config, &path)?, Schema::Nested, &path, 2)?;
            items.push(Item::Block(block("backend", &[ty], body, 1)));
        }
    }
    let rest: Map<String, Value> = map
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "required_providers" | "backend"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    items.extend(body_items(&rest, Schema::Nested, "terraform", 1)?);
    Ok(block("terraform", &[], items, 0))
}

/// `v` with `${` and `%{` in every string written `$${` and `%%{`: a literal text as a
/// template that reads as that text.
fn escape_markers_in(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(s.replace("${", "$${").replace("%{", "%%{")),
        Value::Array(items) => Value::Array(items.iter().map(escape_markers_in).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), escape_markers_in(v))).collect()),
        other => other.clone(),
    }
}

/// One line (or more) of a body: an attribute or a nested block.
enum Item {
    Attr(String, Expression),
    Block(Block),
}

/// The items of a block body at `depth` (the depth of its content).
fn body_items(map: &Map<String, Value>, schema: Schema, path: &str, depth: usize) -> Result<Vec<Item>, HclError> {
    let mut attrs = Vec::new();
    let mut blocks = Vec::new();
    for (key, value) in map {
        // HCL JSON syntax: a property named "//" in a block body is a comment.
        if key == "//" {
            continue;
        }
        let path = format!("{path}.{key}");
        let as_blocks = schema.is_block(key)
            || (schema.is_attribute_as_block(key)
                && matches!(value, Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_object)));
        if as_blocks {
            let items: Vec<&Value> = match value {
                Value::Array(items) => items.iter().collect(),
                Value::Null => Vec::new(),
                other => vec![other],
            };
            for (i, item) in items.into_iter().enumerate() {
                let path = format!("{path}[{i}]");
                let fields: Map<String, Value> = object(item, &path)?
                    .iter()
                    // A block leaves out what it does not set; the attribute form needs null.
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let body = body_items(&fields, Schema::Nested, &path, depth + 1)?;
                blocks.push(Item::Block(block(key, &[], body, depth)));
            }
        } else {
            if Ident::try_new(key.as_str()).is_err() {
                return Err(unexpected(&path, "an attribute name that is not an identifier"));
            }
            attrs.push(Item::Attr(key.clone(), value_expr(value, &path, depth, true)?));
        }
    }
    // One-line attributes first, then those spanning lines (maps, heredocs), then blocks:
    // the order of the Terraform style guide's examples, which also keeps `=` runs long.
    let (mut items, multi): (Vec<Item>, Vec<Item>) = attrs
        .into_iter()
        .partition(|item| matches!(item, Item::Attr(_, v) if !v.to_string().contains('\n')));
    items.extend(multi);
    items.extend(blocks);
    Ok(items)
}

/// A block whose body content is at `depth + 1`: the items get their indentation, `=`
/// alignment and the blank line a person puts before a nested block.
fn block(ident: &str, labels: &[&str], items: Vec<Item>, depth: usize) -> Block {
    let mut b = Block::new(Ident::new_sanitized(ident));
    b.labels = labels
        .iter()
        .map(|l| BlockLabel::String(Decorated::new((*l).to_owned())))
        .collect();
    let inner = indent(depth + 1);
    let widths: Vec<Option<usize>> = items
        .iter()
        .map(|item| match item {
            Item::Attr(key, value) if is_assignable(value) => Some(key.graphemes(true).count()),
            _ => None,
        })
        .collect();
    let pads = align(&widths);
    let mut body = Body::new();
    let count = items.len();
    for (i, (item, pad)) in items.into_iter().zip(pads).enumerate() {
        match item {
            Item::Attr(key, value) => {
                let mut key = Decorated::new(Ident::new_sanitized(key));
                key.decor_mut().set_suffix(" ".repeat(pad));
                let mut attr = Attribute::new(key, value);
                attr.decor_mut().set_prefix(inner.clone());
                body.push(attr);
            }
            Item::Block(mut nested) => {
                let blank = if i > 0 { "\n" } else { "" };
                nested.decor_mut().set_prefix(format!("{blank}{inner}"));
                body.push(nested);
            }
        }
    }
    if count == 0 {
        body.set_prefer_oneline(true);
    } else {
        body.decor_mut().set_suffix(indent(depth));
    }
    b.body = body;
    b
}

/// terraform fmt (`hclwrite` `formatCells`): over each run of lines `key = value` whose
/// value ends on the same line (or opens a heredoc), every `=` stands one space after the
/// longest key; any other line ends the run. `widths[i]` is the key's width in grapheme
/// clusters for a line in a run, `None` for a line that ends it. Returns the spaces before
/// each `=`.
fn align(widths: &[Option<usize>]) -> Vec<usize> {
    let mut pads = vec![1; widths.len()];
    let mut start = 0;
    while start < widths.len() {
        if widths[start].is_none() {
            start += 1;
            continue;
        }
        let end = widths[start..]
            .iter()
            .position(Option::is_none)
            .map_or(widths.len(), |p| start + p);
        let max = widths[start..end].iter().flatten().copied().max().unwrap_or(0);
        for i in start..end {
            pads[i] = max - widths[i].unwrap_or(max) + 1;
        }
        start = end;
    }
    pads
}

/// True when `key = value` is one line for terraform fmt's alignment: the value has no line
/// break, or it opens a heredoc (fmt aligns `user_data = <<-EOT` with its neighbours, seen
/// with Terraform 1.11.4).
fn is_assignable(value: &Expression) -> bool {
    let text = value.to_string();
    text.starts_with("<<") || !text.contains('\n')
}

/// A JSON value as an expression whose continuation lines are indented for `depth`.
/// `heredoc`: whether a multi-line string may become a heredoc (block attributes only).
fn value_expr(v: &Value, path: &str, depth: usize, heredoc: bool) -> Result<Expression, HclError> {
    Ok(match v {
        Value::Null => Expression::Null(Decorated::new(hcl_edit::expr::Null)),
        Value::Bool(b) => Expression::from(*b),
        Value::Number(n) => number(n, path)?,
        Value::String(s) => string_expr(s, path, depth, heredoc)?,
        Value::Array(items) => array(items, path, depth)?,
        Value::Object(map) => object_expr(map, path, depth)?,
    })
}

/// A number of `cdk.tf.json` in HCL: an integer as such, any other number in the very text
/// cdktf writes for it (`1.5`, `1e+22`, `1e-7`), which HCL reads as the same number.
fn number(n: &serde_json::Number, path: &str) -> Result<Expression, HclError> {
    if let Some(i) = n.as_i64() {
        return Ok(Expression::from(hcl_edit::Number::from(i)));
    }
    let js = n
        .as_f64()
        .and_then(crate::number::JsNumber::new)
        .ok_or_else(|| unexpected(path, "a number HCL cannot write"))?;
    match js.as_i64() {
        Some(i) if js.is_safe_integer() => Ok(Expression::from(hcl_edit::Number::from(i))),
        _ => js
            .js_text()
            .parse::<Expression>()
            .map_err(|_| unexpected(path, "a number HCL cannot write")),
    }
}

/// A list: on one line when its items are short one-liners (`[aws_security_group.web_sg.id]`),
/// else one item a line with a trailing comma, as terraform fmt indents it.
fn array(items: &[Value], path: &str, depth: usize) -> Result<Expression, HclError> {
    let mut exprs = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        exprs.push(value_expr(item, &format!("{path}[{i}]"), depth + 1, false)?);
    }
    let texts: Vec<String> = exprs.iter().map(ToString::to_string).collect();
    let one_line = texts.iter().all(|t| !t.contains('\n')) && texts.iter().map(|t| t.len() + 2).sum::<usize>() <= 80;
    let mut array = Array::new();
    let inner = indent(depth + 1);
    for mut e in exprs {
        if !one_line {
            e.decor_mut().set_prefix(format!("\n{inner}"));
        }
        array.push(e);
    }
    if !one_line {
        array.set_trailing_comma(true);
        array.set_trailing(format!("\n{}", indent(depth)));
    }
    Ok(Expression::from(array))
}

/// An object value (`tags = { ... }`): one `key = value` a line, `=` aligned, keys bare when
/// they are identifiers (and not `true`, `false`, `null`, `for`), else quoted; a key is a
/// template in both syntaxes (HCL JSON syntax: property names of an object value are
/// templates), so `"${x}"` stays quoted.
fn object_expr(map: &Map<String, Value>, path: &str, depth: usize) -> Result<Expression, HclError> {
    let inner = indent(depth + 1);
    let mut entries = Vec::with_capacity(map.len());
    for (key, value) in map {
        let path = format!("{path}[{key:?}]");
        let key_expr = object_key(key, &path)?;
        let value = value_expr(value, &path, depth + 1, false)?;
        entries.push((key_expr, value));
    }
    let widths: Vec<Option<usize>> = entries
        .iter()
        .map(|(k, v)| is_assignable(v).then(|| key_columns(k)))
        .collect();
    let pads = align(&widths);
    let mut object = Object::new();
    for (i, ((mut key, value), pad)) in entries.into_iter().zip(pads).enumerate() {
        let prefix = if i == 0 { format!("\n{inner}") } else { inner.clone() };
        set_decor(&mut key, Decor::new(prefix, " ".repeat(pad)));
        let mut value = ObjectValue::new(value);
        value.set_assignment(ObjectValueAssignment::Equals);
        value.set_terminator(ObjectValueTerminator::Newline);
        object.insert(key, value);
    }
    if !map.is_empty() {
        object.set_trailing(indent(depth));
    }
    Ok(Expression::from(object))
}

fn set_decor(key: &mut ObjectKey, decor: Decor) {
    match key {
        ObjectKey::Ident(ident) => *ident.decor_mut() = decor,
        ObjectKey::Expression(expr) => *expr.decor_mut() = decor,
    }
}

/// What terraform fmt counts for a key: grapheme clusters, the quotes counting one each.
fn key_columns(key: &ObjectKey) -> usize {
    match key {
        ObjectKey::Ident(ident) => ident.as_str().graphemes(true).count(),
        ObjectKey::Expression(expr) => {
            let mut e = expr.clone();
            e.decor_mut().clear();
            let text = e.to_string();
            let inner = text
                .strip_prefix('"')
                .and_then(|t| t.strip_suffix('"'))
                .unwrap_or(&text);
            inner.graphemes(true).count() + 2
        }
    }
}

fn is_bare_key(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !matches!(key, "true" | "false" | "null" | "for" | "in" | "if")
}

fn object_key(key: &str, path: &str) -> Result<ObjectKey, HclError> {
    let template = parse_template(key, path)?;
    Ok(match literal(&template) {
        Some(text) if is_bare_key(&text) => ObjectKey::Ident(Decorated::new(Ident::new_sanitized(text))),
        Some(text) => ObjectKey::Expression(literal_expr(text)),
        None => ObjectKey::Expression(Expression::from(StringTemplate::from(split_template(template)))),
    })
}

fn parse_template(s: &str, path: &str) -> Result<Template, HclError> {
    let template = hcl_edit::parser::parse_template(s).map_err(|e| HclError::InvalidTemplate {
        path: path.to_owned(),
        text: s.to_owned(),
        // Where, since a long text is quoted only in part.
        reason: format!(
            "{} at line {}, column {}",
            e.message(),
            e.location().line(),
            e.location().column()
        ),
    })?;
    for element in &template {
        let raw = hcl_edit::Span::span(element).and_then(|r| s.get(r));
        if !matches!(element, Element::Literal(_)) && raw.is_some_and(has_line_break_in_quotes) {
            return Err(HclError::InvalidTemplate {
                path: path.to_owned(),
                text: s.to_owned(),
                reason: "a quoted string inside ${...} holds a line break".to_owned(),
            });
        }
    }
    Ok(template)
}

/// True when `expr` (the source of an interpolation) has a raw `\n` or `\r` inside a
/// quoted string, which Terraform refuses ("Invalid multi-line string"; seen with
/// Terraform 1.11.4 on `${base64encode("a\rb")}`, the `\r` raw, which cdktf writes for a
/// script holding CR) and hcl-edit 0.10 accepts.
fn has_line_break_in_quotes(expr: &str) -> bool {
    let mut in_quotes = false;
    let mut escaped = false;
    for c in expr.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_quotes => escaped = true,
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if in_quotes => return true,
            _ => {}
        }
    }
    false
}

/// The text of a template made of literals only (escapes `$${` and `%%{` read).
fn literal(template: &Template) -> Option<String> {
    let mut out = String::new();
    for element in template {
        out.push_str(element.as_literal()?.value());
    }
    Some(out)
}

/// `text` cut before each `${` and `%{`, as template literals. hcl-edit escapes each
/// literal with hcl-primitives' `escape_markers`, which pairs a `$` or `%` with the character
/// after it once it has met a first marker, so in `"${a} $${b}"` (read: `${a} $` then an
/// escaped `${b}`) the second marker stays unescaped (seen with hcl-primitives 0.1.13: the
/// literal `$${y}` came out as `$${y}`, which Terraform reads as `${y}`, where the JSON
/// meant `$${y}`). HCL's only escapes are `$${` for `${` and `%%{` for `%{` (HCL native
/// syntax specification, "Template Literals"); cut so, each piece holds at most one
/// marker, at its start, which `escape_markers` escapes right.
fn literal_elements(text: &str) -> Vec<Element> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for i in 1..bytes.len() {
        if bytes[i] == b'{' && matches!(bytes[i - 1], b'$' | b'%') && i - 1 > start {
            pieces.push(Element::from(&text[start..i - 1]));
            start = i - 1;
        }
    }
    pieces.push(Element::from(&text[start..]));
    pieces
}

/// A literal string as a quoted string (a quoted template of literal pieces when it holds a
/// marker, see [`literal_elements`]).
fn literal_expr(text: String) -> Expression {
    if text.contains("${") || text.contains("%{") {
        Expression::from(StringTemplate::from(literal_elements(&text)))
    } else {
        Expression::from(text)
    }
}

/// A parsed template with its literals cut as [`literal_elements`] does.
fn split_template(template: Template) -> Template {
    let mut out = Vec::new();
    for element in template {
        match element {
            Element::Literal(lit) => out.extend(literal_elements(lit.value())),
            other => out.push(other),
        }
    }
    Template::from(out)
}

/// A JSON string, which Terraform reads as a template: `"${x}"` is `x` written bare, a
/// literal stays a quoted string (or a heredoc), anything else a quoted template.
fn string_expr(s: &str, path: &str, depth: usize, heredoc: bool) -> Result<Expression, HclError> {
    let template = parse_template(s, path)?;
    if let Some(Element::Interpolation(interp)) = template.as_single_element() {
        if !interp.strip.strip_start() && !interp.strip.strip_end() {
            let mut expr = interp.expr.clone();
            expr.decor_mut().clear();
            return Ok(if heredoc {
                base64encode_heredoc(expr, depth)
            } else {
                expr
            });
        }
    }
    match literal(&template) {
        Some(text) => Ok(heredoc
            .then(|| heredoc_expr(&text, depth))
            .flatten()
            .unwrap_or_else(|| literal_expr(text))),
        None => Ok(Expression::from(StringTemplate::from(split_template(template)))),
    }
}

/// `base64encode("<multi-line literal>")` (what cdktf writes for `Fn.base64encode`) with its
/// argument as a heredoc where one keeps the bytes; any other expression as it is.
fn base64encode_heredoc(expr: Expression, depth: usize) -> Expression {
    let Expression::FuncCall(call) = &expr else {
        return expr;
    };
    if call.name.is_namespaced() || call.name.name.as_str() != "base64encode" || call.args.len() != 1 {
        return expr;
    }
    let Some(Expression::String(text)) = call.args.get(0) else {
        return expr;
    };
    let Some(doc) = heredoc_expr(text.value(), depth) else {
        return expr;
    };
    let mut args = FuncArgs::new();
    args.push(doc);
    args.set_trailing(format!("\n{}", indent(depth)));
    Expression::from(FuncCall::new(FuncName::new(Ident::new_sanitized("base64encode")), args))
}

/// The delimiters tried, in order, for a heredoc whose text does not hold them.
const DELIMITERS: &[&str] = &["EOT", "EOF", "SCRIPT", "USER_DATA", "END_OF_TEXT"];

/// `text` as a heredoc that keeps its bytes, or `None` when none does.
///
/// A heredoc's value is its lines, each with its `\n` (HCL native syntax specification,
/// "Template Expressions"), so `text` must end with `\n`; we take it for two lines or more,
/// without `\r` or other control characters but the tab (HCL reads `\r\n` as a line break;
/// U+2028 and U+2029 stay as they are, seen with Terraform 1.11.4 in `tests/hcl/heredocs.json`).
/// `<<-EOT` is used when the indentation allows: HCL (`hclsyntax`
/// `flushHeredocTemplateParts`) removes from each line the smallest number of leading
/// white-space grapheme clusters over the lines that are not blank (white space only), and
/// leaves the blank ones as they are. So the lines get `depth + 1` levels of indentation,
/// blank lines none, and `<<-` is only used when a non-blank line starts with no white space
/// (else its own indentation would be removed too) and no line starts with a character that
/// would join the indentation's last space in one grapheme cluster (a combining mark).
/// Otherwise `<<EOT` with the lines at column 0.
fn heredoc_expr(text: &str, depth: usize) -> Option<Expression> {
    let body = text.strip_suffix('\n')?;
    if !body.contains('\n') || text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return None;
    }
    let delimiter = DELIMITERS.iter().find(|d| !text.contains(**d))?;
    let lines: Vec<&str> = body.split('\n').collect();
    let is_blank = |l: &str| l.chars().all(char::is_whitespace);
    let flush = lines
        .iter()
        .any(|l| l.chars().next().is_some_and(|c| !c.is_whitespace()))
        && lines
            .iter()
            .all(|l| is_blank(l) || format!(" {l}").graphemes(true).next() == Some(" "));
    let (content, closing) = if flush {
        let pad = indent(depth + 1);
        let mut content = String::with_capacity(text.len() + lines.len() * pad.len());
        for l in &lines {
            if !is_blank(l) {
                content.push_str(&pad);
            }
            content.push_str(l);
            content.push('\n');
        }
        (content, indent(depth))
    } else {
        (text.to_owned(), String::new())
    };
    let template = Template::from(literal_elements(&content));
    let mut doc = HeredocTemplate::new(Ident::new_sanitized(*delimiter), template);
    if flush {
        doc.set_indent(0);
    }
    doc.set_trailing(closing);
    Some(Expression::from(doc))
}

#[cfg(test)]
mod tests;
