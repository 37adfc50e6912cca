//! The one Python writer: expressions laid out as `ruff format` (Black style, 88 columns)
//! lays them out, written line by line at an indent depth with no trailing whitespace.
//!
//! The layout rules, checked against ruff 0.17 (`ruff format --check` on every fixture and
//! on generated stacks, in the tests):
//! - a statement that fits in 88 columns stays on one line;
//! - a call that does not fit opens its parentheses; its arguments go on one line when
//!   they fit there ("hug"), else one per line with a trailing comma; a single argument
//!   that does not fit is split in turn, without a trailing comma;
//! - a list or dict literal that does not fit puts one element per line with a trailing
//!   comma when it has several, or its single element on its own line without one;
//! - an empty list, dict or call stays closed (`[]`, `{}`) however long its line;
//! - a class line that does not fit splits its bases, one per line;
//! - strings are never split.
//!
//! Width is counted in Unicode display columns, as ruff does.

use unicode_width::UnicodeWidthStr;

use super::literal::string_literal;

/// The line length ruff formats to.
pub const LINE_LENGTH: usize = 88;

/// A Python expression as the generated code uses them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// Source text written as is: a name, a number, `True`, `inst.public_ip`.
    Raw(String),
    /// A string, written through [`string_literal`].
    Str(String),
    /// A literal written as is that never splits (a triple-quoted string).
    Verbatim(String),
    /// `func(args)suffix`, as `Instance(self, "web", ami=ami.id)` or
    /// `base64.b64encode(X.encode()).decode()` (suffix `.decode()`).
    Call {
        /// The callee (`Instance`, `base64.b64encode`).
        func: String,
        /// Arguments in order.
        args: Vec<Arg>,
        /// Text after the closing parenthesis.
        suffix: String,
    },
    /// `[a, b]`
    List(Vec<Expr>),
    /// `{"k": v}`
    Dict(Vec<(Expr, Expr)>),
}

/// One argument of a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A positional argument.
    Positional(Expr),
    /// `name=value`
    Keyword(String, Expr),
}

impl Expr {
    /// A call without suffix.
    pub fn call(func: impl Into<String>, args: Vec<Arg>) -> Expr {
        Expr::Call {
            func: func.into(),
            args,
            suffix: String::new(),
        }
    }

    /// A raw piece of source.
    pub fn raw(text: impl Into<String>) -> Expr {
        Expr::Raw(text.into())
    }

    /// The expression on one line.
    pub fn flat(&self) -> String {
        match self {
            Expr::Raw(s) | Expr::Verbatim(s) => s.clone(),
            Expr::Str(s) => string_literal(s),
            Expr::Call { func, args, suffix } => {
                format!(
                    "{func}({}){suffix}",
                    args.iter().map(Arg::flat).collect::<Vec<_>>().join(", ")
                )
            }
            Expr::List(items) => format!("[{}]", items.iter().map(Expr::flat).collect::<Vec<_>>().join(", ")),
            Expr::Dict(entries) => format!(
                "{{{}}}",
                entries
                    .iter()
                    .map(|(k, v)| format!("{}: {}", k.flat(), v.flat()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

impl Arg {
    fn flat(&self) -> String {
        match self {
            Arg::Positional(e) => e.flat(),
            Arg::Keyword(k, e) => format!("{k}={}", e.flat()),
        }
    }

    fn prefix(&self) -> String {
        match self {
            Arg::Positional(_) => String::new(),
            Arg::Keyword(k, _) => format!("{k}="),
        }
    }

    fn expr(&self) -> &Expr {
        match self {
            Arg::Positional(e) | Arg::Keyword(_, e) => e,
        }
    }
}

/// Display width of a line, as ruff measures it.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Accumulates lines of Python source.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    /// An empty writer.
    pub fn new() -> Self {
        Writer::default()
    }

    /// Writes one line at `indent` levels of four spaces; an empty `text` writes an empty line.
    pub fn line(&mut self, indent: usize, text: &str) {
        if !text.is_empty() {
            for _ in 0..indent {
                self.out.push_str("    ");
            }
            self.out.push_str(text.trim_end());
        }
        self.out.push('\n');
    }

    /// Writes `prefix` + `expr` + `suffix` at `indent`, split as ruff splits it.
    pub fn expr(&mut self, indent: usize, prefix: &str, expr: &Expr, suffix: &str) {
        let flat = format!("{prefix}{}{suffix}", expr.flat());
        if indent * 4 + width(&flat) <= LINE_LENGTH {
            self.line(indent, &flat);
            return;
        }
        if let Some(target) = prefix.strip_suffix(" = ") {
            let opened_fits = indent * 4 + width(&format!("{target} = (")) <= LINE_LENGTH;
            let parenthesize = match expr {
                // `name = func(` does not fit but `name = (` does: ruff wraps the value.
                Expr::Call { func, .. } => opened_fits && indent * 4 + width(&format!("{prefix}{func}(")) > LINE_LENGTH,
                // A one-line string that fits once wrapped in parentheses.
                Expr::Str(_) | Expr::Verbatim(_) => {
                    let text = expr.flat();
                    opened_fits && !text.contains('\n') && (indent + 1) * 4 + width(&text) <= LINE_LENGTH
                }
                _ => false,
            };
            if parenthesize {
                // ruff keeps the parentheses only when everything inside them then fits.
                let mut inner = Writer::new();
                inner.expr(indent + 1, "", expr, "");
                let inner = inner.finish();
                if inner.lines().all(|l| width(l) <= LINE_LENGTH) {
                    self.line(indent, &format!("{target} = ("));
                    self.out.push_str(&inner);
                    self.line(indent, &format!("){suffix}"));
                    return;
                }
            }
        }
        match expr {
            // ruff never opens an empty collection: `"long key": {}` stays on its line.
            Expr::Raw(_) | Expr::Str(_) | Expr::Verbatim(_) => self.line(indent, &flat),
            Expr::List(items) if items.is_empty() => self.line(indent, &flat),
            Expr::Dict(entries) if entries.is_empty() => self.line(indent, &flat),
            Expr::Call {
                func,
                args,
                suffix: call_suffix,
            } => {
                if args.is_empty() {
                    self.line(indent, &flat);
                    return;
                }
                self.line(indent, &format!("{prefix}{func}("));
                let body = args.iter().map(Arg::flat).collect::<Vec<_>>().join(", ");
                if (indent + 1) * 4 + width(&body) <= LINE_LENGTH {
                    self.line(indent + 1, &body);
                } else if let [only] = args.as_slice() {
                    self.expr(indent + 1, &only.prefix(), only.expr(), "");
                } else {
                    for a in args {
                        self.expr(indent + 1, &a.prefix(), a.expr(), ",");
                    }
                }
                self.line(indent, &format!("){call_suffix}{suffix}"));
            }
            Expr::List(items) => {
                self.line(indent, &format!("{prefix}["));
                self.items(indent + 1, items.iter().map(|e| (String::new(), e)).collect());
                self.line(indent, &format!("]{suffix}"));
            }
            Expr::Dict(entries) => {
                self.line(indent, &format!("{prefix}{{"));
                self.items(
                    indent + 1,
                    entries.iter().map(|(k, v)| (format!("{}: ", k.flat()), v)).collect(),
                );
                self.line(indent, &format!("}}{suffix}"));
            }
        }
    }

    /// The elements of an opened list or dict: one per line, trailing commas when several.
    fn items(&mut self, indent: usize, items: Vec<(String, &Expr)>) {
        let comma = if items.len() > 1 { "," } else { "" };
        for (prefix, e) in items {
            self.expr(indent, &prefix, e, comma);
        }
    }

    /// Writes `from module import a, b`, wrapped in parentheses one name per line (with a
    /// trailing comma) when it does not fit, as ruff does.
    pub fn import_from(&mut self, module: &str, names: &[String]) {
        let flat = format!("from {module} import {}", names.join(", "));
        if width(&flat) <= LINE_LENGTH {
            self.line(0, &flat);
            return;
        }
        self.line(0, &format!("from {module} import ("));
        for n in names {
            self.line(1, &format!("{n},"));
        }
        self.line(0, ")");
    }

    /// The source written so far.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(e: &Expr) -> String {
        let mut w = Writer::new();
        w.expr(2, "", e, "");
        w.finish()
    }

    fn kw(k: &str, e: Expr) -> Arg {
        Arg::Keyword(k.into(), e)
    }

    #[test]
    fn short_calls_stay_on_one_line() {
        let e = Expr::call(
            "AwsProvider",
            vec![
                Arg::Positional(Expr::raw("self")),
                Arg::Positional(Expr::Str("AWS".into())),
                kw("region", Expr::Str("eu-west-3".into())),
            ],
        );
        assert_eq!(render(&e), "        AwsProvider(self, \"AWS\", region=\"eu-west-3\")\n");
    }

    #[test]
    fn a_call_hugs_its_arguments_when_they_fit() {
        let e = Expr::call(
            "TerraformOutput",
            vec![
                Arg::Positional(Expr::raw("self")),
                Arg::Positional(Expr::Str("instance_id".into())),
                kw("value", Expr::raw("inst.id")),
                kw("description", Expr::Str("a long description here".into())),
            ],
        );
        assert_eq!(
            render(&e),
            "        TerraformOutput(\n            self, \"instance_id\", value=inst.id, description=\"a long description here\"\n        )\n"
        );
    }

    #[test]
    fn single_elements_split_without_trailing_comma() {
        let tags = Expr::Dict(vec![(Expr::Str("Name".into()), Expr::Str("x".repeat(80)))]);
        let e = Expr::call("Instance", vec![Arg::Positional(Expr::raw("self")), kw("tags", tags)]);
        let want = format!(
            "        Instance(\n            self,\n            tags={{\n                \"Name\": \"{}\"\n            }},\n        )\n",
            "x".repeat(80)
        );
        assert_eq!(render(&e), want);
    }

    #[test]
    fn empty_collections_never_open() {
        let key = "k".repeat(90);
        let e = Expr::Dict(vec![
            (Expr::Str(key.clone()), Expr::Dict(vec![])),
            (Expr::Str("x".into()), Expr::List(vec![])),
        ]);
        let mut w = Writer::new();
        w.expr(0, "tags=", &e, "");
        assert_eq!(
            w.finish(),
            format!("tags={{\n    \"{key}\": {{}},\n    \"x\": [],\n}}\n")
        );
    }

    #[test]
    fn long_imports_wrap_one_name_per_line() {
        let mut w = Writer::new();
        w.import_from(
            "cdktf_cdktf_provider_aws.instance",
            &[
                "Instance",
                "InstanceEbsBlockDevice",
                "InstanceMetadataOptions",
                "InstanceRootBlockDevice",
            ]
            .map(String::from),
        );
        assert_eq!(
            w.finish(),
            "from cdktf_cdktf_provider_aws.instance import (\n    Instance,\n    InstanceEbsBlockDevice,\n    InstanceMetadataOptions,\n    InstanceRootBlockDevice,\n)\n"
        );
    }

    #[test]
    fn width_counts_emoji_as_two_columns() {
        assert_eq!(width("😀"), 2);
        assert_eq!(width("é"), 1);
    }
}
