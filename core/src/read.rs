//! `read`: a project's `main.py` (and its `user_data.py`) read back into a [`Stack`], with
//! diagnostics at their line and column.
//!
//! The code is parsed by ruff's parser (`ruff_python_parser`, the one ruff lints with: it
//! recovers from syntax errors and reports each with its range), then walked as the course
//! writes a cdktf program: imports, module-level string constants, one
//! `class X(TerraformStack)` whose `__init__` declares the constructs, and `app = App()`,
//! `X(app, "name")`, `app.synth()`. Each construct call's keyword arguments are read through
//! the class table ([`crate::schema`]), so the reader accepts exactly the kwargs the writer
//! and synth know. What the real cdktf would refuse when `python main.py` runs (an unknown
//! kwarg, a missing required one, a string where a number goes, an undefined name) is an
//! error worded for the learner; what is valid Python but outside what the playground models
//! (a loop, a computed value) is an error that says what to write instead. Never panics;
//! linear in the size of the code.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::diagnostic::Severity;
use crate::i18n::{Lang, Text};
use crate::model::{Resource, Stack, STACK_DOCUMENT_VERSION};
use crate::number::JsNumber;
use crate::schema::{self, Block, Class, Kind, Kwarg};

/// A place in a source file: byte offsets `start..end`, and the 1-based line and column
/// (counted in characters) of `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
}

/// Which file of the project a diagnostic is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFile {
    /// `main.py`.
    MainPy,
    /// `user_data.py`.
    UserDataPy,
}

impl SourceFile {
    /// The file's name.
    pub fn name(self) -> &'static str {
        match self {
            SourceFile::MainPy => "main.py",
            SourceFile::UserDataPy => "user_data.py",
        }
    }
}

/// One finding of the reader, at a place in the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeDiagnostic {
    /// Stable code: `py-syntax`, `py-unsupported`, `py-unknown-kwarg`, ...
    pub code: &'static str,
    /// [`Severity::Error`] when the code cannot become a stack (Python or cdktf would fail,
    /// or the playground cannot model it); [`Severity::Warning`] otherwise.
    pub severity: Severity,
    /// The file it is in.
    pub file: SourceFile,
    /// Where.
    pub span: Span,
    /// What is wrong, in French and English.
    pub message: Text,
    /// What to write instead, in French and English.
    pub hint: Text,
}

impl CodeDiagnostic {
    /// `main.py:12:9: message (hint)` in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        format!(
            "{}:{}:{}: {} ({})",
            self.file.name(),
            self.span.line,
            self.span.column,
            self.message.get(lang),
            self.hint.get(lang)
        )
    }
}

/// How a call (a construct or a nested block) is written, for inserting a kwarg into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallLayout {
    /// Where a new argument goes: just after the last argument (before any trailing comma),
    /// or just after the opening bracket when there is none.
    pub insert_at: usize,
    /// True when the call has arguments already (a new one then starts with `, `).
    pub has_args: bool,
    /// How the block is written: a call, a dict, or a dict inside a list (jsii names).
    pub form: BlockForm,
}

/// The form of a nested block in the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockForm {
    /// `Class(kw=...)`, or the construct call itself.
    Call,
    /// `{"kw": ...}` given alone (Python kwarg names as keys).
    Dict,
    /// `{"jsiiName": ...}` inside a list.
    DictInList,
}

/// Where the code of `main.py` is, for rewriting only what a form edit changed
/// ([`crate::edit`]). Byte offsets into `main.py`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CodeLayout {
    /// The statement of each resource, by index in `resources`.
    pub statements: Vec<(usize, usize)>,
    /// Each construct and block call, by path (`resources[2]`, `resources[2].ingress[0]`).
    pub calls: BTreeMap<String, CallLayout>,
    /// For each kwarg path, the bytes to delete to remove it (with its comma).
    pub deletions: BTreeMap<String, (usize, usize)>,
    /// The end of the last statement of `__init__`, and its indentation.
    pub body_end: Option<(usize, String)>,
    /// The end of the last import at the top of the module (0 without one).
    pub imports_end: usize,
    /// Names the module imports (classes, blocks, modules, constants...).
    pub imported: BTreeSet<String>,
    /// For each module named by a top-level `from MODULE import a, b` (the first such
    /// statement; not `import *`, not relative), the byte offset just after its last name:
    /// where `, C` adds a class to it.
    pub import_from_ends: BTreeMap<String, usize>,
    /// The value of each module-level string constant (`USER_DATA = """..."""`).
    pub constants: BTreeMap<String, (usize, usize)>,
}

/// What reading a project gave.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadOutcome {
    /// The stack, when the code has no error.
    pub stack: Option<Stack>,
    /// Every finding, in the order of the code.
    pub diagnostics: Vec<CodeDiagnostic>,
    /// Where each resource and kwarg of the stack is written in `main.py`, by the paths the
    /// checks use (`resources[2]`, `resources[2].ingress[0].from_port`), so that a finding
    /// of [`crate::check`] or [`crate::synth`] can be shown in the code.
    pub spans: BTreeMap<String, Span>,
    /// Where the code's parts are, for [`crate::edit`].
    pub layout: CodeLayout,
}

impl ReadOutcome {
    /// True when the code has an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }

    /// The span of `path` in `main.py`, or of its nearest enclosing path that has one
    /// (`resources[2].ingress[0].from_port`, then `resources[2].ingress[0]`, ...).
    pub fn span_of(&self, path: &str) -> Option<Span> {
        let mut p = path;
        loop {
            if let Some(s) = self.spans.get(p) {
                return Some(*s);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

/// The largest `main.py` the reader takes, in bytes (a course stack is a few kilobytes; a
/// 10,000-resource stack about 2 MB).
pub const MAX_SOURCE_BYTES: usize = 8 * 1024 * 1024;

/// The longest string the reader builds from `"x" * n` or `a + b`, in bytes: a larger one
/// is not read (no input makes the page allocate without bound).
pub const MAX_STRING_BYTES: usize = 1024 * 1024;

/// Reads `main_py` (and `user_data_py`, the text of `user_data.py` when the project has one)
/// into a stack. See the module's documentation for what is accepted.
pub fn read_python(main_py: &str, user_data_py: Option<&str>) -> ReadOutcome {
    let mut r = Reader::new(main_py);
    if main_py.len() > MAX_SOURCE_BYTES {
        r.error(
            "py-too-large",
            TextRange::default(),
            Text::new(
                format!(
                    "main.py fait {} octets, plus que les {MAX_SOURCE_BYTES} que le playground lit",
                    main_py.len()
                ),
                format!(
                    "main.py is {} bytes, more than the {MAX_SOURCE_BYTES} the playground reads",
                    main_py.len()
                ),
            ),
            Text::new("découpez la stack", "split the stack"),
        );
        return r.finish(None);
    }
    if let Some(ud) = user_data_py {
        r.read_user_data_module(ud);
    }
    let parsed = ruff_python_parser::parse_module(main_py);
    let module = match parsed {
        Ok(p) => p,
        Err(_) => {
            let parsed = ruff_python_parser::parse_unchecked_source(main_py, ast::PySourceType::Python);
            for e in parsed.errors() {
                r.error(
                    "py-syntax",
                    e.location,
                    Text::new(
                        format!("erreur de syntaxe Python : {}", e.error),
                        format!("Python syntax error: {}", e.error),
                    ),
                    Text::new(
                        "corrigez la syntaxe ; les panneaux gardent la dernière stack lue",
                        "fix the syntax; the panels keep the last stack that read",
                    ),
                );
            }
            return r.finish(None);
        }
    };
    let stack = r.read_module(module.suite());
    r.finish(stack)
}

/// What a name means at some point of the program.
#[derive(Debug, Clone)]
enum Binding {
    /// A cdktf class of the table, imported.
    Class(&'static Class),
    /// A nested block class, imported.
    Block(&'static Block),
    /// Something else imported from cdktf or constructs (`App`, `Fn`, `Construct`...).
    Cdktf(&'static str),
    /// The `base64` module.
    Base64,
    /// A string constant of the module (`USER_DATA`), and whether it comes from user_data.py.
    Constant { text: String, from_module: bool },
    /// A construct declared in the stack: its index in `resources`.
    Construct(usize),
    /// `app = App()`.
    App,
    /// The stack class.
    StackClass,
    /// A module (`import cdktf`, `from cdktf_cdktf_provider_aws import instance`): its full
    /// name, through which `instance.Instance` names a class.
    Module(String),
    /// Imported from a module the playground does not model.
    Other,
}

struct Reader<'s> {
    source: &'s str,
    line_starts: Vec<usize>,
    user_data_source: String,
    user_data_line_starts: Vec<usize>,
    user_data_constants: HashMap<String, String>,
    diagnostics: Vec<CodeDiagnostic>,
    spans: BTreeMap<String, Span>,
    layout: CodeLayout,
    names: HashMap<String, Binding>,
    resources: Vec<Resource>,
    construct_ids: HashSet<String>,
    stack_class: Option<String>,
    stack_name: Option<String>,
    has_app: bool,
    has_synth: bool,
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn span_in(text: &str, starts: &[usize], range: TextRange) -> Span {
    let start = usize::from(range.start()).min(text.len());
    let end = usize::from(range.end()).clamp(start, text.len());
    let line = starts.partition_point(|&s| s <= start).max(1);
    let line_start = starts.get(line - 1).copied().unwrap_or(0);
    let column = text.get(line_start..start).map_or(0, |s| s.chars().count()) + 1;
    Span {
        start,
        end,
        line,
        column,
    }
}

/// Python's name for what an expression is, for messages (`a string`, `a number`).
fn what(e: &Expr) -> Text {
    match e {
        Expr::StringLiteral(_) | Expr::FString(_) => Text::new("une chaîne", "a string"),
        Expr::NumberLiteral(n) if n.value.is_float() => Text::new("un nombre décimal", "a decimal number"),
        Expr::NumberLiteral(_) => Text::new("un nombre", "a number"),
        Expr::UnaryOp(_) => Text::new("un nombre", "a number"),
        Expr::BooleanLiteral(_) => Text::new("un booléen", "a boolean"),
        Expr::NoneLiteral(_) => Text::new("None", "None"),
        Expr::List(_) => Text::new("une liste", "a list"),
        Expr::Tuple(_) => Text::new("un tuple", "a tuple"),
        Expr::Dict(_) => Text::new("un dict", "a dict"),
        Expr::Call(_) => Text::new("un appel", "a call"),
        Expr::Attribute(_) => Text::new("une référence", "a reference"),
        Expr::Name(_) => Text::new("un nom", "a name"),
        _ => Text::new("une expression", "an expression"),
    }
}

/// What a kwarg of `kind` expects, for messages.
fn expects(kind: Kind) -> Text {
    match kind {
        Kind::Str => Text::new("une chaîne (\"...\")", "a string (\"...\")"),
        Kind::StrOrRef => Text::new("une chaîne ou une référence (sg.id)", "a string or a reference (sg.id)"),
        Kind::Number => Text::new("un nombre (22, sans guillemets)", "a number (22, without quotes)"),
        Kind::Bool => Text::new("True ou False", "True or False"),
        Kind::StrList => Text::new("une liste de chaînes ([\"...\"])", "a list of strings ([\"...\"])"),
        Kind::StrOrRefList => Text::new(
            "une liste de chaînes ou de références ([sg.id])",
            "a list of strings or references ([sg.id])",
        ),
        Kind::Tags => Text::new(
            "un dict de chaînes ({\"Name\": \"web\"})",
            "a dict of strings ({\"Name\": \"web\"})",
        ),
        Kind::UserData => Text::new(
            "un script : une chaîne, une constante, Fn.base64encode(...) ou base64.b64encode(....encode()).decode()",
            "a script: a string, a constant, Fn.base64encode(...) or base64.b64encode(....encode()).decode()",
        ),
        Kind::OutputValue => Text::new(
            "une valeur : une référence, une chaîne, un nombre, un booléen, une liste ou un dict",
            "a value: a reference, a string, a number, a boolean, a list or a dict",
        ),
        Kind::Block(b) => Text::new(
            format!("{}(...) ou un dict", b.class),
            format!("{}(...) or a dict", b.class),
        ),
        Kind::Blocks(b) | Kind::DefaultTags(b) => Text::new(
            format!("une liste de {}(...) ou de dicts", b.class),
            format!("a list of {}(...) or of dicts", b.class),
        ),
    }
}

/// Python's built-in functions a learner may call in `main.py` (`print` to see a value):
/// they run in Python, so calling one is no NameError, but they make no resource.
/// Source: the Python 3.11 library reference, "Built-in Functions".
const PYTHON_BUILTINS: &[&str] = &[
    "abs",
    "all",
    "any",
    "bool",
    "dict",
    "enumerate",
    "float",
    "format",
    "input",
    "int",
    "isinstance",
    "len",
    "list",
    "max",
    "min",
    "open",
    "print",
    "range",
    "repr",
    "round",
    "set",
    "sorted",
    "str",
    "sum",
    "tuple",
    "type",
    "zip",
];

/// The closest of `candidates` to `word` (Levenshtein distance at most 3), for "did you
/// mean".
fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, cb) in b.iter().enumerate() {
                let cost = usize::from(ca != *cb);
                cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }
    if word.len() > 64 {
        return None;
    }
    candidates
        .into_iter()
        .map(|c| (distance(word, c), c))
        .filter(|(d, _)| *d <= 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

/// The name of a call's function when it is a plain name (`Instance`) or a dotted one
/// (`Fn.base64encode`).
fn dotted(e: &Expr) -> Option<String> {
    match e {
        Expr::Name(n) => Some(n.id.as_str().to_owned()),
        Expr::Attribute(a) => Some(format!("{}.{}", dotted(&a.value)?, a.attr.as_str())),
        _ => None,
    }
}

impl<'s> Reader<'s> {
    fn new(source: &'s str) -> Self {
        Reader {
            source,
            line_starts: line_starts(source),
            user_data_source: String::new(),
            user_data_line_starts: vec![0],
            user_data_constants: HashMap::new(),
            diagnostics: Vec::new(),
            spans: BTreeMap::new(),
            layout: CodeLayout::default(),
            names: HashMap::new(),
            resources: Vec::new(),
            construct_ids: HashSet::new(),
            stack_class: None,
            stack_name: None,
            has_app: false,
            has_synth: false,
        }
    }

    fn span(&self, range: TextRange) -> Span {
        span_in(self.source, &self.line_starts, range)
    }

    fn push(&mut self, code: &'static str, severity: Severity, range: TextRange, message: Text, hint: Text) {
        let span = self.span(range);
        self.diagnostics.push(CodeDiagnostic {
            code,
            severity,
            file: SourceFile::MainPy,
            span,
            message,
            hint,
        });
    }

    fn error(&mut self, code: &'static str, range: TextRange, message: Text, hint: Text) {
        self.push(code, Severity::Error, range, message, hint);
    }

    /// A number cdktf does not get as written ([`NumLit::Infinite`], [`NumLit::NotANumber`]).
    fn number_refused(&mut self, range: TextRange, lit: &NumLit) {
        let (message, hint) = match lit {
            NumLit::Number(_) => return,
            NumLit::Infinite => (
                Text::new(
                    "ce nombre dépasse le plus grand nombre de JavaScript (environ 1,8e308) : jsii refuse float(\"inf\") (« is not valid JSON ») et cdktf écrirait null pour un tel entier",
                    "this number is beyond JavaScript's largest number (about 1.8e308): jsii refuses float(\"inf\") (\"is not valid JSON\") and cdktf would write null for such an integer",
                ),
                Text::new("écrivez un nombre plus petit", "write a smaller number"),
            ),
            NumLit::NotANumber => (
                Text::new(
                    "jsii refuse float(\"nan\") : Python l'écrit NaN, qui n'est pas du JSON (« is not valid JSON »)",
                    "jsii refuses float(\"nan\"): Python writes it NaN, which is not JSON (\"is not valid JSON\")",
                ),
                Text::new("écrivez un nombre", "write a number"),
            ),
            NumLit::Unsupported => {
                self.unsupported(
                    range,
                    "ce calcul",
                    "this arithmetic",
                    Text::new(
                        "écrivez le nombre lui-même : 22, 1.5, 1e22 ou 10**22",
                        "write the number itself: 22, 1.5, 1e22 or 10**22",
                    ),
                );
                return;
            }
        };
        self.error("py-number", range, message, hint);
    }

    fn unsupported(&mut self, range: TextRange, what_fr: &str, what_en: &str, hint: Text) {
        self.error(
            "py-unsupported",
            range,
            Text::new(
                format!("le playground ne lit pas {what_fr}"),
                format!("the playground does not read {what_en}"),
            ),
            hint,
        );
    }

    fn finish(mut self, stack: Option<Stack>) -> ReadOutcome {
        self.diagnostics
            .sort_by_key(|d| (d.file == SourceFile::MainPy, d.span.start));
        let stack = if self.diagnostics.iter().any(|d| d.severity == Severity::Error) {
            None
        } else {
            stack
        };
        ReadOutcome {
            stack,
            diagnostics: self.diagnostics,
            spans: self.spans,
            layout: self.layout,
        }
    }

    /// What a plain or dotted name means: `Instance`, `Fn.base64encode`'s `Fn`, or a class
    /// through its module (`instance.Instance`, `cdktf.App`).
    fn lookup(&self, name: &str) -> Option<Binding> {
        if let Some(b) = self.names.get(name) {
            return Some(b.clone());
        }
        let (head, rest) = name.split_once('.')?;
        let Some(Binding::Module(module)) = self.names.get(head) else {
            return None;
        };
        let full = format!("{module}.{rest}");
        let (module, class) = full.rsplit_once('.')?;
        if module == "cdktf" {
            return match class {
                "App" => Some(Binding::Cdktf("App")),
                "TerraformStack" => Some(Binding::Cdktf("TerraformStack")),
                "Fn" => Some(Binding::Cdktf("Fn")),
                "TerraformOutput" => Some(Binding::Class(&schema::TERRAFORM_OUTPUT)),
                _ => None,
            };
        }
        if module == "constructs" && class == "Construct" {
            return Some(Binding::Cdktf("Construct"));
        }
        if let Some(c) = schema::class_named(class).filter(|c| c.module == module) {
            return Some(Binding::Class(c));
        }
        schema::block_named(class)
            .filter(|(c, _, _)| c.module == module)
            .map(|(_, _, b)| Binding::Block(b))
    }

    // ----- user_data.py -----

    fn read_user_data_module(&mut self, text: &str) {
        self.user_data_source = text.to_owned();
        self.user_data_line_starts = line_starts(text);
        let parsed = match ruff_python_parser::parse_module(text) {
            Ok(p) => p,
            Err(e) => {
                self.user_data_error(
                    e.location,
                    Text::new(
                        format!("erreur de syntaxe Python : {}", e.error),
                        format!("Python syntax error: {}", e.error),
                    ),
                    Text::new("corrigez la syntaxe", "fix the syntax"),
                );
                return;
            }
        };
        for stmt in parsed.suite() {
            match stmt {
                Stmt::Expr(e) if matches!(*e.value, Expr::StringLiteral(_)) => {}
                Stmt::Assign(a) => {
                    let [Expr::Name(target)] = a.targets.as_slice() else {
                        self.user_data_error(
                            a.range,
                            Text::new("affectation non lue", "assignment not read"),
                            Text::new("écrivez NOM = \"\"\"...\"\"\"", "write NAME = \"\"\"...\"\"\""),
                        );
                        continue;
                    };
                    match self.string_constant(&a.value, &HashMap::new()) {
                        Some(s) => {
                            self.user_data_constants.insert(target.id.as_str().to_owned(), s);
                        }
                        None => self.user_data_error(
                            a.value.range(),
                            Text::new(
                                "user_data.py ne peut définir que des chaînes",
                                "user_data.py may only define strings",
                            ),
                            Text::new("écrivez NOM = \"\"\"...\"\"\"", "write NAME = \"\"\"...\"\"\""),
                        ),
                    }
                }
                other => self.user_data_error(
                    other.range(),
                    Text::new(
                        "instruction non lue dans user_data.py",
                        "statement not read in user_data.py",
                    ),
                    Text::new(
                        "user_data.py ne contient que des constantes de scripts",
                        "user_data.py holds script constants only",
                    ),
                ),
            }
        }
    }

    fn user_data_error(&mut self, range: TextRange, message: Text, hint: Text) {
        let span = span_in(&self.user_data_source, &self.user_data_line_starts, range);
        self.diagnostics.push(CodeDiagnostic {
            code: "py-user-data-module",
            severity: Severity::Error,
            file: SourceFile::UserDataPy,
            span,
            message,
            hint,
        });
    }

    // ----- strings -----

    /// The text of a string expression: a literal (implicit concatenation included), an
    /// f-string without placeholders, or the name of a string constant. `None` otherwise.
    fn string_constant(&self, e: &Expr, locals: &HashMap<String, String>) -> Option<String> {
        match e {
            Expr::StringLiteral(s) => Some(s.value.to_str().to_owned()),
            Expr::FString(f) => {
                let mut out = String::new();
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(l) => out.push_str(&l.value),
                        ast::FStringPart::FString(fs) => {
                            for el in fs.elements.iter() {
                                match el {
                                    ast::InterpolatedStringElement::Literal(l) => out.push_str(&l.value),
                                    ast::InterpolatedStringElement::Interpolation(_) => return None,
                                }
                            }
                        }
                    }
                }
                Some(out)
            }
            Expr::BinOp(b) if b.op == ast::Operator::Add => {
                let left = self.string_constant(&b.left, locals)?;
                let right = self.string_constant(&b.right, locals)?;
                (left.len() + right.len() <= MAX_STRING_BYTES).then(|| left + &right)
            }
            Expr::BinOp(b) if b.op == ast::Operator::Mult => {
                let (text, times) = match (int_literal(&b.left), int_literal(&b.right)) {
                    (_, Some(IntLit::Int(n))) => (self.string_constant(&b.left, locals)?, n),
                    (Some(IntLit::Int(n)), _) => (self.string_constant(&b.right, locals)?, n),
                    _ => return None,
                };
                let times = usize::try_from(times).unwrap_or(0);
                (text.len().saturating_mul(times) <= MAX_STRING_BYTES).then(|| text.repeat(times))
            }
            Expr::Name(n) => {
                let name = n.id.as_str();
                if let Some(s) = locals.get(name) {
                    return Some(s.clone());
                }
                match self.names.get(name) {
                    Some(Binding::Constant { text, .. }) => Some(text.clone()),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    // ----- the module -----

    fn read_module(&mut self, suite: &[Stmt]) -> Option<Stack> {
        let mut class_def: Option<&ast::StmtClassDef> = None;
        for stmt in suite {
            match stmt {
                Stmt::Import(i) => {
                    for alias in &i.names {
                        let full = alias.name.as_str();
                        // `import a.b` binds `a`; `import a.b as c` binds `c` to `a.b`.
                        let (local, module) = match &alias.asname {
                            Some(as_name) => (as_name.as_str().to_owned(), full.to_owned()),
                            None => {
                                let head = full.split('.').next().unwrap_or(full);
                                (head.to_owned(), head.to_owned())
                            }
                        };
                        let binding = if module == "base64" {
                            Binding::Base64
                        } else {
                            Binding::Module(module)
                        };
                        self.layout.imported.insert(local.clone());
                        self.names.insert(local, binding);
                    }
                    if class_def.is_none() {
                        self.layout.imports_end = usize::from(i.range.end());
                    }
                }
                Stmt::ImportFrom(i) => {
                    self.import_from(i);
                    if class_def.is_none() {
                        self.layout.imports_end = usize::from(i.range.end());
                    }
                    let relative = i.level > 0;
                    if let (Some(module), Some(last), false) = (&i.module, i.names.last(), relative) {
                        if last.name.as_str() != "*" {
                            self.layout
                                .import_from_ends
                                .entry(module.as_str().to_owned())
                                .or_insert(usize::from(last.range.end()));
                        }
                    }
                    for alias in &i.names {
                        self.layout
                            .imported
                            .insert(alias.asname.as_ref().unwrap_or(&alias.name).as_str().to_owned());
                    }
                }
                Stmt::Assign(a) => self.module_assign(a),
                Stmt::Expr(e) => self.module_expr(&e.value),
                Stmt::ClassDef(c) => {
                    if class_def.is_some() {
                        self.unsupported(
                            c.name.range,
                            "une deuxième classe",
                            "a second class",
                            Text::new(
                                "une seule classe de stack par main.py",
                                "one stack class per main.py",
                            ),
                        );
                        continue;
                    }
                    class_def = Some(c);
                    self.names.insert(c.name.as_str().to_owned(), Binding::StackClass);
                    self.stack_class = Some(c.name.as_str().to_owned());
                    self.read_stack_class(c);
                }
                Stmt::If(i) if is_main_guard(&i.test) => {
                    for s in &i.body {
                        match s {
                            Stmt::Assign(a) => self.module_assign(a),
                            Stmt::Expr(e) => self.module_expr(&e.value),
                            other => self.unsupported(
                                other.range(),
                                "cette instruction",
                                "this statement",
                                Text::new(
                                    "écrivez app = App(), MaStack(app, \"nom\"), app.synth()",
                                    "write app = App(), MyStack(app, \"name\"), app.synth()",
                                ),
                            ),
                        }
                    }
                }
                other => self.unsupported(
                    other.range(),
                    "cette instruction au niveau du module",
                    "this statement at module level",
                    Text::new(
                        "main.py contient les imports, des constantes de chaînes, la classe de la stack et app = App(), MaStack(app, \"nom\"), app.synth()",
                        "main.py holds imports, string constants, the stack class and app = App(), MyStack(app, \"name\"), app.synth()",
                    ),
                ),
            }
        }
        let Some(class_def) = class_def else {
            self.error(
                "py-no-stack",
                TextRange::default(),
                Text::new(
                    "main.py ne déclare aucune classe de stack",
                    "main.py declares no stack class",
                ),
                Text::new(
                    "écrivez class MaStack(TerraformStack): avec def __init__(self, scope: Construct, id: str):",
                    "write class MyStack(TerraformStack): with def __init__(self, scope: Construct, id: str):",
                ),
            );
            return None;
        };
        let Some(name) = self.stack_name.clone() else {
            self.error(
                "py-no-stack",
                class_def.name.range,
                Text::new(
                    format!("la stack {} n'est jamais créée", class_def.name.as_str()),
                    format!("the stack {} is never created", class_def.name.as_str()),
                ),
                Text::new(
                    format!(
                        "ajoutez app = App(), {}(app, \"nom\"), app.synth() à la fin",
                        class_def.name.as_str()
                    ),
                    format!(
                        "add app = App(), {}(app, \"name\"), app.synth() at the end",
                        class_def.name.as_str()
                    ),
                ),
            );
            return None;
        };
        if !self.has_synth {
            self.push(
                "py-no-synth",
                Severity::Warning,
                TextRange::new(
                    ruff_text_size::TextSize::try_from(self.source.len()).unwrap_or_default(),
                    ruff_text_size::TextSize::try_from(self.source.len()).unwrap_or_default(),
                ),
                Text::new(
                    "app.synth() manque : cdktf synth n'écrirait rien",
                    "app.synth() is missing: cdktf synth would write nothing",
                ),
                Text::new("ajoutez app.synth() à la fin", "add app.synth() at the end"),
            );
        }
        Some(Stack {
            version: STACK_DOCUMENT_VERSION,
            name,
            class_name: self.stack_class.clone().unwrap_or_else(|| "MyStack".to_owned()),
            resources: std::mem::take(&mut self.resources),
        })
    }

    fn import_from(&mut self, i: &ast::StmtImportFrom) {
        let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or_default();
        for alias in &i.names {
            let name = alias.name.as_str();
            let local = alias.asname.as_ref().unwrap_or(&alias.name).as_str().to_owned();
            let binding = if module == "user_data" {
                match self.user_data_constants.get(name) {
                    Some(text) => Binding::Constant {
                        text: text.clone(),
                        from_module: true,
                    },
                    None => {
                        self.error(
                            "py-import",
                            alias.range,
                            Text::new(
                                format!("{name} n'est pas défini dans user_data.py"),
                                format!("{name} is not defined in user_data.py"),
                            ),
                            Text::new(
                                format!("ajoutez {name} = \"\"\"...\"\"\" à user_data.py (ImportError sinon)"),
                                format!("add {name} = \"\"\"...\"\"\" to user_data.py (ImportError otherwise)"),
                            ),
                        );
                        Binding::Other
                    }
                }
            } else if module == "cdktf_cdktf_provider_aws" {
                Binding::Module(format!("{module}.{name}"))
            } else if let Some(rest) = module.strip_prefix("cdktf_cdktf_provider_aws.") {
                let full = format!("cdktf_cdktf_provider_aws.{rest}");
                if let Some(c) = schema::class_named(name).filter(|c| c.module == full) {
                    Binding::Class(c)
                } else if let Some((_, _, b)) = schema::block_named(name).filter(|(c, _, _)| c.module == full) {
                    Binding::Block(b)
                } else {
                    let right_module = schema::class_named(name)
                        .map(|c| c.module)
                        .or_else(|| schema::block_named(name).map(|(c, _, _)| c.module));
                    let hint = match right_module {
                        Some(m) => Text::new(format!("écrivez from {m} import {name}"), format!("write from {m} import {name}")),
                        None => Text::new(
                            "le playground connaît AwsProvider, DataAwsAmi, SecurityGroup, KeyPair, Instance, EbsVolume, VolumeAttachment, EbsSnapshot et leurs blocs",
                            "the playground knows AwsProvider, DataAwsAmi, SecurityGroup, KeyPair, Instance, EbsVolume, VolumeAttachment, EbsSnapshot and their blocks",
                        ),
                    };
                    self.error(
                        "py-import",
                        alias.range,
                        Text::new(
                            format!("{name} ne s'importe pas de {full}"),
                            format!("{name} is not imported from {full}"),
                        ),
                        hint,
                    );
                    Binding::Other
                }
            } else if module == "cdktf" {
                match name {
                    "App" | "TerraformStack" | "Fn" => Binding::Cdktf(match name {
                        "App" => "App",
                        "TerraformStack" => "TerraformStack",
                        _ => "Fn",
                    }),
                    "TerraformOutput" => Binding::Class(&schema::TERRAFORM_OUTPUT),
                    _ => Binding::Other,
                }
            } else if module == "constructs" && name == "Construct" {
                Binding::Cdktf("Construct")
            } else {
                Binding::Other
            };
            self.names.insert(local, binding);
        }
    }

    fn module_assign(&mut self, a: &ast::StmtAssign) {
        let [Expr::Name(target)] = a.targets.as_slice() else {
            self.unsupported(
                a.range,
                "cette affectation",
                "this assignment",
                Text::new("écrivez NOM = valeur", "write NAME = value"),
            );
            return;
        };
        let target_name = target.id.as_str().to_owned();
        if let Expr::Call(call) = &*a.value {
            if matches!(
                dotted(&call.func).as_deref().and_then(|f| self.lookup(f)),
                Some(Binding::Cdktf("App"))
            ) {
                self.has_app = true;
                self.names.insert(target_name, Binding::App);
                return;
            }
        }
        match self.string_constant(&a.value, &HashMap::new()) {
            Some(text) => {
                self.layout.constants.insert(
                    target_name.clone(),
                    (usize::from(a.value.range().start()), usize::from(a.value.range().end())),
                );
                self.names.insert(
                    target_name,
                    Binding::Constant {
                        text,
                        from_module: false,
                    },
                );
            }
            None => self.unsupported(
                a.value.range(),
                "cette valeur de constante",
                "this constant's value",
                Text::new(
                    "au niveau du module, le playground lit les constantes de chaînes (USER_DATA = \"\"\"...\"\"\") et app = App()",
                    "at module level, the playground reads string constants (USER_DATA = \"\"\"...\"\"\") and app = App()",
                ),
            ),
        }
    }

    fn module_expr(&mut self, e: &Expr) {
        match e {
            Expr::StringLiteral(_) => {} // a docstring
            Expr::Call(call) => {
                let func = dotted(&call.func);
                match func.as_deref().map(|f| (f, self.lookup(f))) {
                    Some((_, Some(Binding::StackClass))) => self.stack_instance(call),
                    Some((f, _))
                        if f.ends_with(".synth")
                            && matches!(self.names.get(f.trim_end_matches(".synth")), Some(Binding::App)) =>
                    {
                        self.has_synth = true;
                    }
                    _ => self.unsupported(
                        call.range(),
                        "cet appel au niveau du module",
                        "this call at module level",
                        Text::new(
                            "écrivez MaStack(app, \"nom\") puis app.synth()",
                            "write MyStack(app, \"name\") then app.synth()",
                        ),
                    ),
                }
            }
            other => self.unsupported(
                other.range(),
                "cette expression",
                "this expression",
                Text::new("supprimez-la", "remove it"),
            ),
        }
    }

    fn stack_instance(&mut self, call: &ast::ExprCall) {
        let args = &call.arguments.args;
        let app_ok =
            matches!(args.first(), Some(Expr::Name(n)) if matches!(self.names.get(n.id.as_str()), Some(Binding::App)));
        let name = args.get(1).and_then(|e| self.string_constant(e, &HashMap::new()));
        match (app_ok, name, args.len(), call.arguments.keywords.is_empty()) {
            (true, Some(name), 2, true) => {
                if self.stack_name.is_some() {
                    self.unsupported(
                        call.range(),
                        "une deuxième stack",
                        "a second stack",
                        Text::new("une seule stack par main.py", "one stack per main.py"),
                    );
                } else {
                    self.spans.insert("name".into(), self.span(args[1].range()));
                    self.stack_name = Some(name);
                }
            }
            _ => self.error(
                "py-stack-call",
                call.range(),
                Text::new(
                    "la stack se crée avec l'app et un nom",
                    "the stack is created with the app and a name",
                ),
                Text::new(
                    "écrivez MaStack(app, \"nom\") après app = App()",
                    "write MyStack(app, \"name\") after app = App()",
                ),
            ),
        }
    }

    // ----- the stack class -----

    fn read_stack_class(&mut self, c: &ast::StmtClassDef) {
        self.spans.insert("class_name".into(), self.span(c.name.range));
        let bases_ok = c.arguments.as_ref().is_some_and(|a| {
            a.keywords.is_empty()
                && matches!(&*a.args, [base] if matches!(dotted(base).and_then(|b| self.lookup(&b)), Some(Binding::Cdktf("TerraformStack"))))
        });
        if !bases_ok {
            self.error(
                "py-stack-class",
                c.name.range,
                Text::new(
                    format!("la classe {} doit hériter de TerraformStack", c.name.as_str()),
                    format!("the class {} must inherit from TerraformStack", c.name.as_str()),
                ),
                Text::new(
                    format!(
                        "écrivez class {}(TerraformStack): et from cdktf import TerraformStack",
                        c.name.as_str()
                    ),
                    format!(
                        "write class {}(TerraformStack): and from cdktf import TerraformStack",
                        c.name.as_str()
                    ),
                ),
            );
        }
        let mut init = None;
        for stmt in &c.body {
            match stmt {
                Stmt::FunctionDef(f) if f.name.as_str() == "__init__" && init.is_none() => init = Some(f),
                Stmt::Expr(e) if matches!(*e.value, Expr::StringLiteral(_)) => {}
                Stmt::Pass(_) => {}
                other => self.unsupported(
                    other.range(),
                    "cette instruction dans la classe",
                    "this statement in the class",
                    Text::new(
                        "la classe ne contient que def __init__(self, scope: Construct, id: str):",
                        "the class holds only def __init__(self, scope: Construct, id: str):",
                    ),
                ),
            }
        }
        let Some(init) = init else {
            self.error(
                "py-stack-class",
                c.name.range,
                Text::new(
                    format!("la classe {} n'a pas de __init__", c.name.as_str()),
                    format!("the class {} has no __init__", c.name.as_str()),
                ),
                Text::new(
                    "ajoutez def __init__(self, scope: Construct, id: str): super().__init__(scope, id)",
                    "add def __init__(self, scope: Construct, id: str): super().__init__(scope, id)",
                ),
            );
            return;
        };
        let params: Vec<&str> = init.parameters.args.iter().map(|p| p.parameter.name.as_str()).collect();
        let simple = init.parameters.posonlyargs.is_empty()
            && init.parameters.vararg.is_none()
            && init.parameters.kwarg.is_none()
            && init.parameters.kwonlyargs.is_empty()
            && init.parameters.args.iter().all(|p| p.default.is_none());
        if params.len() != 3 || !simple {
            self.error(
                "py-stack-class",
                init.parameters.range,
                Text::new(
                    "__init__ prend trois paramètres : self, scope et id",
                    "__init__ takes three parameters: self, scope and id",
                ),
                Text::new(
                    "écrivez def __init__(self, scope: Construct, id: str):",
                    "write def __init__(self, scope: Construct, id: str):",
                ),
            );
            return;
        }
        let (this, scope, id) = (params[0], params[1], params[2]);
        let mut body = init.body.iter();
        match body.next() {
            Some(Stmt::Expr(e)) if is_super_init(&e.value, scope, id) => {}
            Some(other) => {
                self.error(
                    "py-super",
                    other.range(),
                    Text::new(
                        "__init__ doit commencer par super().__init__(scope, id)",
                        "__init__ must begin with super().__init__(scope, id)",
                    ),
                    Text::new(
                        format!("écrivez super().__init__({scope}, {id}) en première ligne"),
                        format!("write super().__init__({scope}, {id}) as the first line"),
                    ),
                );
                return;
            }
            None => return,
        }
        // `__init__` is a scope of its own: its variables end with it.
        let module_names = self.names.clone();
        let mut locals: HashMap<String, String> = HashMap::new();
        let mut last = init.body.first().map(Ranged::range);
        for stmt in body {
            let before = self.resources.len();
            self.init_statement(stmt, this, &mut locals);
            if self.resources.len() > before {
                self.layout
                    .statements
                    .push((usize::from(stmt.range().start()), usize::from(stmt.range().end())));
            }
            last = Some(stmt.range());
        }
        if let Some(last) = last {
            let start = usize::from(last.start());
            let line_start = self
                .source
                .get(..start)
                .and_then(|t| t.rfind('\n'))
                .map_or(0, |i| i + 1);
            let indent = self.source.get(line_start..start).unwrap_or("        ").to_owned();
            self.layout.body_end = Some((usize::from(last.end()), indent));
        }
        self.names = module_names;
    }

    fn init_statement(&mut self, stmt: &Stmt, this: &str, locals: &mut HashMap<String, String>) {
        let (target, value) = match stmt {
            Stmt::Assign(a) => match a.targets.as_slice() {
                [Expr::Name(n)] => (Some(n.id.as_str().to_owned()), &*a.value),
                _ => {
                    self.unsupported(
                        a.range,
                        "cette affectation",
                        "this assignment",
                        Text::new(
                            "écrivez nom = Classe(self, \"id\", ...)",
                            "write name = Class(self, \"id\", ...)",
                        ),
                    );
                    return;
                }
            },
            Stmt::AnnAssign(a) => match (&*a.target, &a.value) {
                (Expr::Name(n), Some(v)) => (Some(n.id.as_str().to_owned()), &**v),
                _ => {
                    self.unsupported(
                        a.range,
                        "cette affectation",
                        "this assignment",
                        Text::new(
                            "écrivez nom = Classe(self, \"id\", ...)",
                            "write name = Class(self, \"id\", ...)",
                        ),
                    );
                    return;
                }
            },
            Stmt::Expr(e) => {
                if matches!(*e.value, Expr::StringLiteral(_)) {
                    return;
                }
                (None, &*e.value)
            }
            Stmt::Pass(_) => return,
            other => {
                self.unsupported(
                    other.range(),
                    "cette instruction dans __init__",
                    "this statement in __init__",
                    Text::new(
                        "déclarez chaque ressource par un appel : nom = Classe(self, \"id\", ...) ; pas de boucle ni de condition",
                        "declare each resource with a call: name = Class(self, \"id\", ...); no loop nor condition",
                    ),
                );
                return;
            }
        };
        if let Expr::Call(call) = value {
            if let Some(Binding::Class(class)) = dotted(&call.func).and_then(|f| self.lookup(&f)) {
                if let Some(index) = self.construct(class, call, target.as_deref(), this, locals) {
                    if let Some(t) = target {
                        locals.remove(&t);
                        self.names.insert(t, Binding::Construct(index));
                    }
                }
                return;
            }
        }
        if let (Some(t), Some(text)) = (&target, self.string_constant(value, locals)) {
            locals.insert(t.clone(), text);
            return;
        }
        self.undefined_or_unsupported(value);
    }

    /// An error for an expression that is not a construct call: an undefined name (Python's
    /// NameError) or something outside what the playground reads.
    fn undefined_or_unsupported(&mut self, value: &Expr) {
        if let Expr::Call(call) = value {
            if let Some(f) = dotted(&call.func) {
                let head = f.split('.').next().unwrap_or_default();
                if !self.names.contains_key(head) && PYTHON_BUILTINS.contains(&f.as_str()) {
                    // print(...) runs in Python; it is not a NameError, but it makes no
                    // resource, and the playground reads only what does.
                    self.unsupported(
                        call.range(),
                        &format!("l'appel {f}(...)"),
                        &format!("the call {f}(...)"),
                        Text::new(
                            "retirez-le : il ne change pas la stack (cdktf synth n'en garde rien)",
                            "remove it: it does not change the stack (cdktf synth keeps nothing of it)",
                        ),
                    );
                    return;
                }
                if !self.names.contains_key(head) {
                    let known = schema::CLASSES.iter().map(|c| c.class);
                    let exact = schema::CLASSES.iter().find(|c| c.class == f);
                    let hint = match (exact, closest(&f, known)) {
                        // The right class, not imported (TerraformOutput without its import).
                        (Some(class), _) => Text::new(
                            format!("importez-le : from {} import {}", class.module, class.class),
                            format!("import it: from {} import {}", class.module, class.class),
                        ),
                        (None, Some(c)) => Text::new(
                            format!("vouliez-vous dire {c} ? importez-le"),
                            format!("did you mean {c}? import it"),
                        ),
                        (None, None) => Text::new(
                            format!("importez {f} (from cdktf_cdktf_provider_aws.<module> import {f})"),
                            format!("import {f} (from cdktf_cdktf_provider_aws.<module> import {f})"),
                        ),
                    };
                    self.error(
                        "py-undefined-name",
                        call.func.range(),
                        Text::new(
                            format!("{f} n'est pas défini (NameError)"),
                            format!("{f} is not defined (NameError)"),
                        ),
                        hint,
                    );
                    return;
                }
            }
        }
        self.unsupported(
            value.range(),
            "cette instruction dans __init__",
            "this statement in __init__",
            Text::new(
                "déclarez chaque ressource par un appel : nom = Classe(self, \"id\", ...)",
                "declare each resource with a call: name = Class(self, \"id\", ...)",
            ),
        );
    }

    /// Reads `Class(self, "id", kw=...)` into a resource; its index in `resources`.
    fn construct(
        &mut self,
        class: &'static Class,
        call: &ast::ExprCall,
        var: Option<&str>,
        this: &str,
        locals: &HashMap<String, String>,
    ) -> Option<usize> {
        let index = self.resources.len();
        let path = format!("resources[{index}]");
        let args = &call.arguments.args;
        let scope_ok = matches!(args.first(), Some(Expr::Name(n)) if n.id.as_str() == this);
        let id = args.get(1).and_then(|e| self.string_constant(e, locals));
        let (Some(id), true, 2) = (id.clone(), scope_ok, args.len()) else {
            let message = if args.len() > 2 {
                Text::new(
                    format!(
                        "{} prend deux arguments sans nom (self et l'id), puis des arguments nommés (TypeError)",
                        class.class
                    ),
                    format!(
                        "{} takes two positional arguments (self and the id), then keyword arguments (TypeError)",
                        class.class
                    ),
                )
            } else {
                Text::new(
                    format!("{} commence par self et un id de construct en chaîne", class.class),
                    format!("{} begins with self and a construct id as a string", class.class),
                )
            };
            self.error(
                "py-construct-call",
                call.range(),
                message,
                Text::new(
                    format!("écrivez {}({this}, \"mon_id\", ...)", class.class),
                    format!("write {}({this}, \"my_id\", ...)", class.class),
                ),
            );
            return None;
        };
        self.spans.insert(path.clone(), self.span(call.range()));
        if let Some(e) = args.get(1) {
            self.spans.insert(format!("{path}.id"), self.span(e.range()));
        }
        if !self.construct_ids.insert(id.clone()) {
            if let Some(e) = args.get(1) {
                self.error(
                    "py-duplicate-id",
                    e.range(),
                    Text::new(
                        format!("l'id {id:?} est déjà pris dans cette stack (constructs : « There is already a Construct with name »)"),
                        format!("the id {id:?} is already taken in this stack (constructs: \"There is already a Construct with name\")"),
                    ),
                    Text::new("donnez un id unique à chaque ressource", "give each resource a unique id"),
                );
            }
        }
        let mut fields = Map::new();
        fields.insert("id".into(), Value::String(id));
        if let Some(v) = var {
            fields.insert("var".into(), Value::String(v.to_owned()));
        }
        let ok = self.keywords(
            class.class,
            class.kwargs,
            &call.arguments,
            call.range(),
            &path,
            &mut fields,
            locals,
        );
        if !ok {
            return None;
        }
        let doc = json!({ class.class: Value::Object(fields) });
        match serde_json::from_value::<Resource>(doc) {
            Ok(r) => {
                self.resources.push(r);
                Some(index)
            }
            Err(e) => {
                self.error(
                    "py-construct-call",
                    call.range(),
                    Text::new(format!("{} : {e}", class.class), format!("{}: {e}", class.class)),
                    Text::new("vérifiez les arguments", "check the arguments"),
                );
                None
            }
        }
    }

    /// Reads the keyword arguments of a call to `class` into `fields`; false when one failed.
    #[allow(clippy::too_many_arguments)]
    fn keywords(
        &mut self,
        class: &str,
        kwargs: &'static [Kwarg],
        arguments: &ast::Arguments,
        call_range: TextRange,
        path: &str,
        fields: &mut Map<String, Value>,
        locals: &HashMap<String, String>,
    ) -> bool {
        let keywords = &arguments.keywords;
        let mut all: Vec<TextRange> = arguments
            .args
            .iter()
            .map(Ranged::range)
            .chain(keywords.iter().map(|k| k.range))
            .collect();
        all.sort_by_key(|r| r.start());
        self.layout.calls.insert(
            path.to_owned(),
            CallLayout {
                insert_at: all
                    .last()
                    .map_or(usize::from(arguments.range.start()) + 1, |r| usize::from(r.end())),
                has_args: !all.is_empty(),
                form: BlockForm::Call,
            },
        );
        let mut ok = true;
        let mut seen = HashSet::new();
        for k in keywords {
            let Some(arg) = &k.arg else {
                self.unsupported(
                    k.range,
                    "**kwargs",
                    "**kwargs",
                    Text::new("écrivez chaque argument nommé", "write each keyword argument"),
                );
                ok = false;
                continue;
            };
            let name = arg.as_str();
            let Some(kwarg) = kwargs.iter().find(|kw| kw.python == name) else {
                let hint = match closest(name, kwargs.iter().map(|kw| kw.python)) {
                    Some(c) => Text::new(format!("vouliez-vous dire {c} ?"), format!("did you mean {c}?")),
                    None => Text::new(
                        format!(
                            "{class} accepte : {}",
                            kwargs.iter().map(|kw| kw.python).collect::<Vec<_>>().join(", ")
                        ),
                        format!(
                            "{class} takes: {}",
                            kwargs.iter().map(|kw| kw.python).collect::<Vec<_>>().join(", ")
                        ),
                    ),
                };
                self.error(
                    "py-unknown-kwarg",
                    arg.range,
                    Text::new(
                        format!("{class} n'a pas d'argument {name} (TypeError : unexpected keyword argument)"),
                        format!("{class} has no argument {name} (TypeError: unexpected keyword argument)"),
                    ),
                    hint,
                );
                ok = false;
                continue;
            };
            if !seen.insert(name.to_owned()) {
                self.error(
                    "py-duplicate-kwarg",
                    arg.range,
                    Text::new(
                        format!("{name} est donné deux fois (SyntaxError)"),
                        format!("{name} is given twice (SyntaxError)"),
                    ),
                    Text::new("gardez-en un", "keep one"),
                );
                ok = false;
                continue;
            }
            let kpath = join(path, kwarg.key);
            self.spans.insert(kpath.clone(), self.span(k.value.range()));
            self.layout.deletions.insert(kpath.clone(), deletion(&all, k.range));
            match self.value(kwarg, &k.value, &kpath, locals) {
                Some(v) => {
                    fields.insert(kwarg.key.to_owned(), v);
                }
                None => ok = false,
            }
        }
        for kwarg in kwargs.iter().filter(|kw| kw.required) {
            if !seen.contains(kwarg.python) {
                self.error(
                    "py-missing-kwarg",
                    call_range,
                    Text::new(
                        format!(
                            "{class} exige l'argument {} (TypeError : missing required argument)",
                            kwarg.python
                        ),
                        format!(
                            "{class} requires the argument {} (TypeError: missing required argument)",
                            kwarg.python
                        ),
                    ),
                    Text::new(
                        format!("ajoutez {}=... ({})", kwarg.python, kwarg.label_fr),
                        format!("add {}=... ({})", kwarg.python, kwarg.label_en),
                    ),
                );
                ok = false;
            }
        }
        ok
    }

    fn type_error(&mut self, kwarg: &Kwarg, kind: Kind, e: &Expr) {
        let got = what(e);
        let want = expects(kind);
        self.error(
            "py-type",
            e.range(),
            Text::new(
                format!(
                    "{} attend {}, pas {} (cdktf : TypeError)",
                    kwarg.python, want.fr, got.fr
                ),
                format!(
                    "{} expects {}, not {} (cdktf: TypeError)",
                    kwarg.python, want.en, got.en
                ),
            ),
            Text::new(format!("écrivez {}", want.fr), format!("write {}", want.en)),
        );
    }

    /// The document value of `kwarg` written as `e`; `None` (with a diagnostic) when it
    /// cannot be read.
    fn value(&mut self, kwarg: &Kwarg, e: &Expr, path: &str, locals: &HashMap<String, String>) -> Option<Value> {
        self.value_of(kwarg, kwarg.kind, e, path, locals)
    }

    fn value_of(
        &mut self,
        kwarg: &Kwarg,
        kind: Kind,
        e: &Expr,
        path: &str,
        locals: &HashMap<String, String>,
    ) -> Option<Value> {
        match kind {
            Kind::Str => match self.string_constant(e, locals) {
                Some(s) => Some(Value::String(s)),
                None => {
                    self.mismatch(kwarg, kind, e);
                    None
                }
            },
            Kind::StrOrRef => {
                if let Some(s) = self.string_constant(e, locals) {
                    return Some(Value::String(s));
                }
                if let Some(r) = self.reference(e) {
                    return Some(r);
                }
                self.mismatch(kwarg, kind, e);
                None
            }
            Kind::Number => match number_literal(e) {
                Some(NumLit::Number(n)) => Some(n.document_json()),
                Some(lit) => {
                    self.number_refused(e.range(), &lit);
                    None
                }
                None => {
                    self.mismatch(kwarg, kind, e);
                    None
                }
            },
            Kind::Bool => match e {
                Expr::BooleanLiteral(b) => Some(Value::Bool(b.value)),
                _ => {
                    self.mismatch(kwarg, kind, e);
                    None
                }
            },
            Kind::StrList | Kind::StrOrRefList => {
                let Expr::List(list) = e else {
                    self.mismatch(kwarg, kind, e);
                    return None;
                };
                let item_kind = if kind == Kind::StrList {
                    Kind::Str
                } else {
                    Kind::StrOrRef
                };
                let mut out = Vec::new();
                let mut ok = true;
                for (i, item) in list.elts.iter().enumerate() {
                    let p = format!("{path}[{i}]");
                    self.spans.insert(p.clone(), self.span(item.range()));
                    match self.value_of(kwarg, item_kind, item, &p, locals) {
                        Some(v) => out.push(v),
                        None => ok = false,
                    }
                }
                ok.then_some(Value::Array(out))
            }
            Kind::Tags => {
                let Expr::Dict(d) = e else {
                    self.mismatch(kwarg, kind, e);
                    return None;
                };
                let mut out = Map::new();
                let mut ok = true;
                for item in d.iter() {
                    let key = item.key.as_ref().and_then(|k| self.string_constant(k, locals));
                    let value = self.string_constant(&item.value, locals);
                    match (key, value) {
                        (Some(k), Some(v)) => {
                            self.spans
                                .insert(format!("{path}[{k:?}]"), self.span(item.value.range()));
                            out.insert(k, Value::String(v));
                        }
                        _ => {
                            let at = item
                                .key
                                .as_ref()
                                .map_or(item.value.range(), |k| k.range().cover(item.value.range()));
                            self.error(
                                "py-type",
                                at,
                                Text::new(
                                    format!("{} : chaque clé et chaque valeur est une chaîne", kwarg.python),
                                    format!("{}: every key and every value is a string", kwarg.python),
                                ),
                                Text::new("écrivez \"Name\": \"web\"", "write \"Name\": \"web\""),
                            );
                            ok = false;
                        }
                    }
                }
                ok.then_some(Value::Object(out))
            }
            Kind::UserData => self.user_data(kwarg, e, locals),
            Kind::OutputValue => self.output_value(kwarg, e, path, locals),
            Kind::Block(block) => self.block(kwarg, block, e, path, locals, false).map(Value::Object),
            Kind::Blocks(block) => {
                let Expr::List(list) = e else {
                    self.mismatch(kwarg, kind, e);
                    return None;
                };
                self.layout.calls.insert(
                    path.to_owned(),
                    CallLayout {
                        insert_at: list
                            .elts
                            .last()
                            .map_or(usize::from(list.range.start()) + 1, |l| usize::from(l.range().end())),
                        has_args: !list.elts.is_empty(),
                        form: BlockForm::Call,
                    },
                );
                let mut out = Vec::new();
                let mut ok = true;
                for (i, item) in list.elts.iter().enumerate() {
                    let p = format!("{path}[{i}]");
                    self.spans.insert(p.clone(), self.span(item.range()));
                    match self.block(kwarg, block, item, &p, locals, true) {
                        Some(m) => out.push(Value::Object(m)),
                        None => ok = false,
                    }
                }
                ok.then_some(Value::Array(out))
            }
            Kind::DefaultTags(block) => {
                let Expr::List(list) = e else {
                    self.mismatch(kwarg, kind, e);
                    return None;
                };
                let [item] = list.elts.as_slice() else {
                    self.unsupported(
                        e.range(),
                        "plusieurs blocs default_tags (ou aucun)",
                        "several default_tags blocks (or none)",
                        Text::new(
                            "écrivez default_tags=[AwsProviderDefaultTags(tags={...})], un seul bloc",
                            "write default_tags=[AwsProviderDefaultTags(tags={...})], one block",
                        ),
                    );
                    return None;
                };
                let m = self.block(kwarg, block, item, &format!("{path}[0]"), locals, true)?;
                Some(m.get("tags").cloned().unwrap_or_else(|| Value::Object(Map::new())))
            }
        }
    }

    /// A type error, or for a name that is not defined, Python's NameError.
    fn mismatch(&mut self, kwarg: &Kwarg, kind: Kind, e: &Expr) {
        if let Expr::Name(n) = e {
            if !self.names.contains_key(n.id.as_str()) {
                self.error(
                    "py-undefined-name",
                    e.range(),
                    Text::new(
                        format!("{} n'est pas défini (NameError)", n.id.as_str()),
                        format!("{} is not defined (NameError)", n.id.as_str()),
                    ),
                    Text::new(
                        "définissez-le avant, ou écrivez la valeur",
                        "define it before, or write the value",
                    ),
                );
                return;
            }
        }
        if let Expr::Attribute(_) = e {
            if matches!(kind, Kind::Str | Kind::StrList | Kind::Number | Kind::Bool | Kind::Tags) {
                self.unsupported(
                    e.range(),
                    format!("une référence pour {}", kwarg.python).as_str(),
                    format!("a reference for {}", kwarg.python).as_str(),
                    Text::new(
                        format!("écrivez {}", expects(kind).fr),
                        format!("write {}", expects(kind).en),
                    ),
                );
                return;
            }
        }
        self.type_error(kwarg, kind, e);
    }

    /// `var.attr` where `var` names a construct declared before: `{"ref": id, "attr": attr}`.
    fn reference(&mut self, e: &Expr) -> Option<Value> {
        let Expr::Attribute(a) = e else { return None };
        let Expr::Name(n) = &*a.value else { return None };
        match self.names.get(n.id.as_str()) {
            Some(Binding::Construct(i)) => {
                let id = self.resources.get(*i).map(|r| r.id().to_owned())?;
                Some(json!({"ref": id, "attr": a.attr.as_str()}))
            }
            _ => None,
        }
    }

    /// One nested block, `Class(...)` or a dict. A dict given alone becomes
    /// `Class(**dict)` in cdktf's Python bindings, so its keys are the Python kwargs; a dict
    /// inside a list (`in_list`) goes to JavaScript as it is, so its keys are the jsii names
    /// ([`Kwarg::jsii_name`]), and a Python name there would be dropped by cdktf: an error.
    fn block(
        &mut self,
        kwarg: &Kwarg,
        block: &'static Block,
        e: &Expr,
        path: &str,
        locals: &HashMap<String, String>,
        in_list: bool,
    ) -> Option<Map<String, Value>> {
        match e {
            Expr::Call(call) => {
                let func = dotted(&call.func);
                match func.as_deref().and_then(|f| self.lookup(f)) {
                    Some(Binding::Block(b)) if b.class == block.class => {}
                    Some(Binding::Block(b)) => {
                        let other = b.class;
                        self.error(
                            "py-type",
                            call.func.range(),
                            Text::new(
                                format!("{} attend {}(...), pas {other}(...)", kwarg.python, block.class),
                                format!("{} expects {}(...), not {other}(...)", kwarg.python, block.class),
                            ),
                            Text::new(
                                format!("écrivez {}(...)", block.class),
                                format!("write {}(...)", block.class),
                            ),
                        );
                        return None;
                    }
                    _ => {
                        let name = func.unwrap_or_default();
                        let (message, hint) = if name == block.class {
                            (
                                Text::new(
                                    format!("{name} n'est pas importé (NameError)"),
                                    format!("{name} is not imported (NameError)"),
                                ),
                                Text::new(
                                    format!("ajoutez {name} à l'import de son module"),
                                    format!("add {name} to its module's import"),
                                ),
                            )
                        } else {
                            (
                                Text::new(
                                    format!("{} attend {}(...)", kwarg.python, block.class),
                                    format!("{} expects {}(...)", kwarg.python, block.class),
                                ),
                                Text::new(
                                    format!("écrivez {}(...) ou un dict", block.class),
                                    format!("write {}(...) or a dict", block.class),
                                ),
                            )
                        };
                        self.error("py-type", call.func.range(), message, hint);
                        return None;
                    }
                }
                if !call.arguments.args.is_empty() {
                    self.error(
                        "py-construct-call",
                        call.range(),
                        Text::new(
                            format!("{} ne prend que des arguments nommés (TypeError)", block.class),
                            format!("{} takes keyword arguments only (TypeError)", block.class),
                        ),
                        Text::new("écrivez nom=valeur", "write name=value"),
                    );
                    return None;
                }
                let mut fields = Map::new();
                self.keywords(
                    block.class,
                    block.kwargs,
                    &call.arguments,
                    call.range(),
                    path,
                    &mut fields,
                    locals,
                )
                .then_some(fields)
            }
            Expr::Dict(d) => {
                let items: Vec<TextRange> = d
                    .iter()
                    .map(|item| {
                        item.key
                            .as_ref()
                            .map_or(item.value.range(), |k| k.range().cover(item.value.range()))
                    })
                    .collect();
                self.layout.calls.insert(
                    path.to_owned(),
                    CallLayout {
                        insert_at: items
                            .last()
                            .map_or(usize::from(d.range.start()) + 1, |r| usize::from(r.end())),
                        has_args: !items.is_empty(),
                        form: if in_list {
                            BlockForm::DictInList
                        } else {
                            BlockForm::Dict
                        },
                    },
                );
                let mut fields = Map::new();
                let mut ok = true;
                let mut seen = HashSet::new();
                for item in d.iter() {
                    let Some(key) = item.key.as_ref().and_then(|k| self.string_constant(k, locals)) else {
                        self.error(
                            "py-type",
                            item.value.range(),
                            Text::new(
                                format!("les clés d'un bloc {} sont des chaînes", block.class),
                                format!("the keys of a {} block are strings", block.class),
                            ),
                            Text::new("écrivez \"from_port\": 22", "write \"from_port\": 22"),
                        );
                        ok = false;
                        continue;
                    };
                    let range = item.key.as_ref().map_or(item.value.range(), Ranged::range);
                    let found = if in_list {
                        block.kwargs.iter().find(|k| k.jsii_name() == key)
                    } else {
                        block.kwarg(&key)
                    };
                    if in_list && found.is_none() {
                        if let Some(snake) = block.kwarg(&key) {
                            let camel = snake.jsii_name();
                            self.error(
                                "py-dict-key",
                                range,
                                Text::new(
                                    format!("dans une liste, cdktf ignore la clé {key:?} d'un dict : il attend le nom jsii {camel:?} (la valeur serait perdue sans erreur)"),
                                    format!("in a list, cdktf ignores the dict key {key:?}: it expects the jsii name {camel:?} (the value would be lost without an error)"),
                                ),
                                Text::new(
                                    format!("écrivez \"{camel}\": ... ou {}({key}=...)", block.class),
                                    format!("write \"{camel}\": ... or {}({key}=...)", block.class),
                                ),
                            );
                            ok = false;
                            continue;
                        }
                    }
                    let Some(inner) = found else {
                        let hint = match closest(&key, block.kwargs.iter().map(|k| k.python)) {
                            Some(c) => {
                                Text::new(format!("vouliez-vous dire \"{c}\" ?"), format!("did you mean \"{c}\"?"))
                            }
                            None => Text::new(
                                format!(
                                    "{} accepte : {}",
                                    block.class,
                                    block.kwargs.iter().map(|k| k.python).collect::<Vec<_>>().join(", ")
                                ),
                                format!(
                                    "{} takes: {}",
                                    block.class,
                                    block.kwargs.iter().map(|k| k.python).collect::<Vec<_>>().join(", ")
                                ),
                            ),
                        };
                        self.error(
                            "py-unknown-kwarg",
                            range,
                            Text::new(
                                format!("{} n'a pas de champ {key:?} (TypeError)", block.class),
                                format!("{} has no field {key:?} (TypeError)", block.class),
                            ),
                            hint,
                        );
                        ok = false;
                        continue;
                    };
                    seen.insert(inner.python);
                    let kpath = join(path, inner.key);
                    let whole = item
                        .key
                        .as_ref()
                        .map_or(item.value.range(), |k| k.range().cover(item.value.range()));
                    self.layout.deletions.insert(kpath.clone(), deletion(&items, whole));
                    self.spans.insert(kpath.clone(), self.span(item.value.range()));
                    match self.value(inner, &item.value, &kpath, locals) {
                        Some(v) => {
                            fields.insert(inner.key.to_owned(), v);
                        }
                        None => ok = false,
                    }
                }
                for k in block.kwargs.iter().filter(|k| k.required) {
                    if !seen.contains(k.python) {
                        self.error(
                            "py-missing-kwarg",
                            e.range(),
                            Text::new(
                                format!("il manque {:?} à ce bloc {} (TypeError)", k.python, block.class),
                                format!("this {} block lacks {:?} (TypeError)", block.class, k.python),
                            ),
                            Text::new(
                                format!("ajoutez \"{}\": ...", k.python),
                                format!("add \"{}\": ...", k.python),
                            ),
                        );
                        ok = false;
                    }
                }
                ok.then_some(fields)
            }
            other => {
                self.mismatch(kwarg, kwarg.kind, other);
                None
            }
        }
    }

    /// A user-data kwarg: the script and how it was written (constant, module, inline;
    /// plain, `base64.b64encode(X.encode()).decode()`, `Fn.base64encode(X)`).
    fn user_data(&mut self, kwarg: &Kwarg, e: &Expr, locals: &HashMap<String, String>) -> Option<Value> {
        let (inner, encoding) = match e {
            Expr::Call(call) => {
                let func = dotted(&call.func).unwrap_or_default();
                if let Some(arg) = fn_base64encode_arg(&func, call, |n| self.lookup(n)) {
                    (arg, "fn_base64encode")
                } else if let Some(arg) = b64encode_decode_arg(call, |n| self.lookup(n)) {
                    (arg, "base64")
                } else {
                    self.mismatch(kwarg, Kind::UserData, e);
                    return None;
                }
            }
            other => (other, "plain"),
        };
        let Some(script) = self.string_constant(inner, locals) else {
            self.mismatch(kwarg, Kind::UserData, inner);
            return None;
        };
        let (location, name) = match inner {
            Expr::Name(n) if !locals.contains_key(n.id.as_str()) => match self.names.get(n.id.as_str()) {
                Some(Binding::Constant { from_module, .. }) => (
                    if *from_module { "module" } else { "constant" },
                    Some(n.id.as_str().to_owned()),
                ),
                _ => ("inline", None),
            },
            _ => ("inline", None),
        };
        let mut m = Map::new();
        m.insert("script".into(), Value::String(script));
        m.insert("encoding".into(), Value::String(encoding.into()));
        m.insert("location".into(), Value::String(location.into()));
        if let Some(n) = name {
            m.insert("name".into(), Value::String(n));
        }
        Some(Value::Object(m))
    }

    fn output_value(&mut self, kwarg: &Kwarg, e: &Expr, path: &str, locals: &HashMap<String, String>) -> Option<Value> {
        if let Some(s) = self.string_constant(e, locals) {
            return Some(Value::String(s));
        }
        if let Some(r) = self.reference(e) {
            return Some(r);
        }
        match e {
            Expr::BooleanLiteral(b) => Some(Value::Bool(b.value)),
            Expr::NumberLiteral(_) | Expr::UnaryOp(_) | Expr::BinOp(_) | Expr::Call(_)
                if number_literal(e).is_some() =>
            {
                match number_literal(e) {
                    Some(NumLit::Number(n)) => Some(n.document_json()),
                    Some(lit) => {
                        self.number_refused(e.range(), &lit);
                        None
                    }
                    None => None,
                }
            }
            Expr::NumberLiteral(_) | Expr::UnaryOp(_) => {
                self.unsupported(
                    e.range(),
                    "ce nombre",
                    "this number",
                    Text::new("écrivez un nombre : 22, 1.5 ou 1e22", "write a number: 22, 1.5 or 1e22"),
                );
                None
            }
            Expr::List(list) => {
                let mut out = Vec::new();
                let mut ok = true;
                for (i, item) in list.elts.iter().enumerate() {
                    match self.output_value(kwarg, item, &format!("{path}[{i}]"), locals) {
                        Some(v) => out.push(v),
                        None => ok = false,
                    }
                }
                ok.then_some(Value::Array(out))
            }
            Expr::Dict(d) => {
                let mut out = Map::new();
                let mut ok = true;
                for item in d.iter() {
                    let Some(key) = item.key.as_ref().and_then(|k| self.string_constant(k, locals)) else {
                        self.error(
                            "py-type",
                            item.value.range(),
                            Text::new(
                                "les clés d'un dict de sortie sont des chaînes",
                                "an output dict's keys are strings",
                            ),
                            Text::new("écrivez \"clé\": valeur", "write \"key\": value"),
                        );
                        ok = false;
                        continue;
                    };
                    match self.output_value(kwarg, &item.value, &format!("{path}[{key:?}]"), locals) {
                        Some(v) => {
                            out.insert(key, v);
                        }
                        None => ok = false,
                    }
                }
                ok.then_some(json!({ "map": Value::Object(out) }))
            }
            other => {
                self.mismatch(kwarg, Kind::OutputValue, other);
                None
            }
        }
    }
}

/// The bytes to delete to remove the argument at `range` among `all` (sorted): from the end
/// of the one before (its comma with it), or to the start of the one after, or itself alone.
fn deletion(all: &[TextRange], range: TextRange) -> (usize, usize) {
    let i = all.iter().position(|r| *r == range).unwrap_or(0);
    match (i.checked_sub(1).and_then(|p| all.get(p)), all.get(i + 1)) {
        (Some(prev), _) => (usize::from(prev.end()), usize::from(range.end())),
        (None, Some(next)) => (usize::from(range.start()), usize::from(next.start())),
        (None, None) => (usize::from(range.start()), usize::from(range.end())),
    }
}

enum IntLit {
    Int(i64),
    TooBig,
}

/// What a numeric expression of `main.py` is for cdktf.
#[derive(Debug, Clone, PartialEq)]
enum NumLit {
    /// A number JavaScript holds (a Python `int` rounded to the nearest double).
    Number(JsNumber),
    /// `float("inf")`, `1e400`, or an `int` past the largest double.
    Infinite,
    /// `float("nan")`.
    NotANumber,
    /// A power the reader does not compute (`2**0.5`, `3**-1`, a result past 10^38 that is
    /// not a power of ten).
    Unsupported,
}

/// A number as the learner writes one: an `int` or `float` literal (`22`, `1.5`, `1e22`,
/// `0x10`, `1_000`, big integers included), signed (`-1`, `+1`), `int ** int` with a
/// non-negative exponent (`10**22`), or `float("inf")` / `float("nan")` / `float("1.5")`.
/// Booleans are not numbers here: jsii refuses `True` for a number ("Unable to deserialize
/// value", seen with cdktf 0.21.0). `None` when `e` is none of these.
fn number_literal(e: &Expr) -> Option<NumLit> {
    match e {
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => Some(int_value(i)),
            ast::Number::Float(f) => Some(float_value(*f)),
            ast::Number::Complex { .. } => None,
        },
        Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub | ast::UnaryOp::UAdd) => {
            match number_literal(&u.operand)? {
                // Python's int has no negative zero: `-0` is 0; only `-0.0` is -0.0.
                NumLit::Number(n) if u.op == ast::UnaryOp::USub && n.value() == 0.0 && is_python_int(&u.operand) => {
                    Some(NumLit::Number(JsNumber::from(0)))
                }
                NumLit::Number(n) if u.op == ast::UnaryOp::USub => Some(float_value(-n.value())),
                other => Some(other),
            }
        }
        Expr::BinOp(b) if b.op == ast::Operator::Pow => Some(power(&b.left, &b.right)),
        Expr::Call(call) => {
            let Expr::Name(f) = call.func.as_ref() else { return None };
            let [arg] = call.arguments.args.as_ref() else {
                return None;
            };
            if f.id.as_str() != "float" || !call.arguments.keywords.is_empty() {
                return None;
            }
            let Expr::StringLiteral(s) = arg else { return None };
            let text = s.value.to_str().trim().to_ascii_lowercase();
            let (sign, body) = match text.strip_prefix('-') {
                Some(rest) => (-1.0, rest),
                None => (1.0, text.strip_prefix('+').unwrap_or(&text)),
            };
            match body {
                "inf" | "infinity" => Some(NumLit::Infinite),
                "nan" => Some(NumLit::NotANumber),
                _ => body.parse::<f64>().ok().map(|v| float_value(sign * v)),
            }
        }
        _ => None,
    }
}

/// True when Python computes `e` as an `int`: an integer literal, signed, or `int ** int`
/// with a non-negative exponent.
fn is_python_int(e: &Expr) -> bool {
    match e {
        Expr::NumberLiteral(n) => matches!(n.value, ast::Number::Int(_)),
        Expr::UnaryOp(u) => matches!(u.op, ast::UnaryOp::USub | ast::UnaryOp::UAdd) && is_python_int(&u.operand),
        Expr::BinOp(b) => b.op == ast::Operator::Pow && is_python_int(&b.left) && is_python_int(&b.right),
        _ => false,
    }
}

/// A Python `float`: itself, or [`NumLit::Infinite`].
fn float_value(v: f64) -> NumLit {
    if v.is_nan() {
        NumLit::NotANumber
    } else {
        JsNumber::new(v).map_or(NumLit::Infinite, NumLit::Number)
    }
}

/// A Python `int` literal as JavaScript gets it: the nearest double.
fn int_value(i: &ast::Int) -> NumLit {
    if let Some(v) = i.as_u64() {
        // Rounds to nearest, ties to even, as JSON.parse does.
        return float_value(v as f64);
    }
    // A big literal keeps its source text: decimal digits, or 0x/0o/0b and digits.
    let text: String = i.to_string().chars().filter(|c| *c != '_').collect();
    let lower = text.to_ascii_lowercase();
    let radix = match lower.get(..2) {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 10,
    };
    let decimal = if radix == 10 {
        Some(lower)
    } else {
        lower.get(2..).and_then(|digits| to_decimal(digits, radix))
    };
    match decimal {
        Some(d) => JsNumber::from_decimal_integer(&d).map_or(NumLit::Infinite, NumLit::Number),
        None => NumLit::Unsupported,
    }
}

/// The decimal digits of `digits` written in `radix` (an arbitrary-size integer).
fn to_decimal(digits: &str, radix: u32) -> Option<String> {
    // Little-endian limbs of 10^9.
    let mut limbs: Vec<u64> = vec![0];
    for c in digits.chars() {
        let mut carry = u64::from(c.to_digit(radix)?);
        for limb in &mut limbs {
            let v = *limb * u64::from(radix) + carry;
            *limb = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        while carry > 0 {
            limbs.push(carry % 1_000_000_000);
            carry /= 1_000_000_000;
        }
    }
    let mut out = String::new();
    for (k, limb) in limbs.iter().rev().enumerate() {
        if k == 0 {
            out.push_str(&limb.to_string());
        } else {
            out.push_str(&format!("{limb:09}"));
        }
    }
    Some(out)
}

/// `base ** exponent` for integer literals, as Python computes it then JavaScript rounds it.
fn power(base: &Expr, exponent: &Expr) -> NumLit {
    let (Some(IntLit::Int(b)), Some(IntLit::Int(x))) = (int_literal(base), int_literal(exponent)) else {
        return NumLit::Unsupported;
    };
    let Ok(x) = u32::try_from(x) else {
        return NumLit::Unsupported;
    };
    if let Some(v) = i128::from(b).checked_pow(x) {
        // Exact in i128, then rounded to the nearest double (ties to even).
        return float_value(v as f64);
    }
    if b == 10 || b == -10 {
        if x > 400 {
            // 10^309 is already past the largest double.
            return NumLit::Infinite;
        }
        let digits = format!("1{}", "0".repeat(x as usize));
        let sign = if b < 0 && x % 2 == 1 { "-" } else { "" };
        return JsNumber::from_decimal_integer(&format!("{sign}{digits}")).map_or(NumLit::Infinite, NumLit::Number);
    }
    NumLit::Unsupported
}

/// An integer literal, negative ones included (`-1`); booleans are not numbers here (jsii
/// refuses `True` for a number).
fn int_literal(e: &Expr) -> Option<IntLit> {
    match e {
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => Some(i.as_i64().map_or(IntLit::TooBig, IntLit::Int)),
            _ => None,
        },
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match int_literal(&u.operand)? {
            IntLit::Int(n) => Some(n.checked_neg().map_or(IntLit::TooBig, IntLit::Int)),
            IntLit::TooBig => Some(IntLit::TooBig),
        },
        _ => None,
    }
}

/// `Fn.base64encode(X)` (with `Fn` imported from cdktf): `X`.
fn fn_base64encode_arg<'e>(
    func: &str,
    call: &'e ast::ExprCall,
    lookup: impl Fn(&str) -> Option<Binding>,
) -> Option<&'e Expr> {
    let (head, method) = func.rsplit_once('.')?;
    if method != "base64encode" || !matches!(lookup(head), Some(Binding::Cdktf("Fn"))) {
        return None;
    }
    match (&*call.arguments.args, call.arguments.keywords.is_empty()) {
        ([arg], true) => Some(arg),
        _ => None,
    }
}

/// `base64.b64encode(X.encode()).decode()`: `X`.
fn b64encode_decode_arg(call: &ast::ExprCall, lookup: impl Fn(&str) -> Option<Binding>) -> Option<&Expr> {
    // The outer call is `<...>.decode()`.
    let Expr::Attribute(decode) = &*call.func else {
        return None;
    };
    if decode.attr.as_str() != "decode" || !call.arguments.args.is_empty() || !call.arguments.keywords.is_empty() {
        return None;
    }
    let Expr::Call(encode_call) = &*decode.value else {
        return None;
    };
    let func = dotted(&encode_call.func)?;
    let (head, method) = func.split_once('.')?;
    if method != "b64encode" || !matches!(lookup(head), Some(Binding::Base64)) {
        return None;
    }
    let [Expr::Call(inner)] = &*encode_call.arguments.args else {
        return None;
    };
    let Expr::Attribute(enc) = &*inner.func else {
        return None;
    };
    if enc.attr.as_str() != "encode" || !inner.arguments.args.is_empty() || !inner.arguments.keywords.is_empty() {
        return None;
    }
    Some(&enc.value)
}

/// `super().__init__(scope, id)` with the parameters' names.
fn is_super_init(e: &Expr, scope: &str, id: &str) -> bool {
    let Expr::Call(call) = e else { return false };
    let Expr::Attribute(attr) = &*call.func else {
        return false;
    };
    let Expr::Call(sup) = &*attr.value else { return false };
    matches!(&*sup.func, Expr::Name(n) if n.id.as_str() == "super")
        && sup.arguments.args.is_empty()
        && attr.attr.as_str() == "__init__"
        && matches!(&*call.arguments.args, [Expr::Name(a), Expr::Name(b)] if a.id.as_str() == scope && b.id.as_str() == id)
        && call.arguments.keywords.is_empty()
}

/// `if __name__ == "__main__":`.
fn is_main_guard(test: &Expr) -> bool {
    let Expr::Compare(c) = test else { return false };
    matches!(&*c.left, Expr::Name(n) if n.id.as_str() == "__name__")
        && matches!(&*c.comparators, [Expr::StringLiteral(s)] if s.value.to_str() == "__main__")
}
