//! The Python the course would have the learner write for a stack: `main.py`, and
//! `user_data.py` when a script lives there.
//!
//! The shape follows the course (`docs/course-module-2.md` and the lab's
//! `main.py`): imports from `constructs`, `cdktf` and `cdktf_cdktf_provider_aws.<module>`
//! (only those used, sorted as isort sorts them), user-data constants, one
//! `class <Name>(TerraformStack)` declaring the resources in the stack's order with the
//! learner's variable names and construct ids, then `app = App()`, the stack, `app.synth()`.
//! Layout is `ruff format`'s ([`writer`]); strings go through one escaper ([`literal`]).
//! Run by the real cdktf, the code synthesizes exactly what [`crate::synth`] writes
//! (checked for every fixture by `scripts/conformance.sh`).

pub mod literal;
pub mod writer;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde_json::{Map, Value};

use crate::model::{Resource, Stack, UserData, UserDataEncoding, UserDataLocation};
use crate::number::JsNumber;
use crate::schema::{self, Block, Kind, Kwarg};
use crate::synth::{document_fields, typed, validate, SynthError};
use crate::value::{OutputValue, StrValue};
use writer::{Arg, Expr, Writer};

/// The Python files of a stack's project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PythonFiles {
    /// `main.py`.
    pub main_py: String,
    /// `user_data.py`, when a script is written there ([`UserDataLocation::Module`]).
    pub user_data_py: Option<String>,
}

/// `main.py` for `stack`, as the CLI's `python` prints it.
///
/// Errors: the [`SynthError`] [`crate::synth()`] gives for `stack`, word for word: what
/// cdktf refuses, `python` refuses too, rather than write code the real cdktf rejects
/// (issue 13; a rule listing its own group in `security_groups` would fail with
/// `UnboundLocalError`).
pub fn main_py(stack: &Stack) -> Result<String, SynthError> {
    try_python_files(stack).map(|files| files.main_py)
}

/// `main.py` and, when used, `user_data.py` for `stack`, after [`crate::synth::validate`].
///
/// Errors: the [`SynthError`] [`crate::synth()`] gives for `stack` (see [`main_py`]).
pub fn try_python_files(stack: &Stack) -> Result<PythonFiles, SynthError> {
    validate(stack)?;
    Ok(python_files(stack))
}

/// `main.py` and, when used, `user_data.py` for `stack`, whether synth accepts it or not:
/// for the code editor ([`crate::apply_edit`]), which places the code of a stack being
/// written, dangling references and all, and for views that only show stacks that
/// synthesize. What the learner takes away goes through [`try_python_files`]. Never fails:
/// names that are not valid Python (a variable `class`, a class `My Stack`) are made valid
/// deterministically.
pub fn python_files(stack: &Stack) -> PythonFiles {
    Generator::new(stack, Style::default()).generate()
}

/// Other ways a learner writes the same program, all accepted by the real cdktf and by
/// [`crate::read`]: the differential test writes generated stacks in these styles to check
/// that reading any of them gives what cdktf synthesizes. The default is the course's style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// Nested blocks as dicts (`{"from_port": 22, ...}`) rather than classes; jsii builds
    /// the struct from the dict's keys, the Python kwarg names.
    pub blocks_as_dicts: bool,
    /// `import cdktf` and `cdktf.App`, `cdktf.TerraformStack`, `cdktf.Fn`,
    /// `cdktf.TerraformOutput` rather than `from cdktf import ...`.
    pub qualified_cdktf: bool,
    /// A comment line before each construct and at the top.
    pub comments: bool,
    /// A variable for every construct, referenced or not.
    pub every_variable: bool,
}

/// [`python_files`] in another [`Style`]. The code is valid and means the same; it is not
/// laid out as `ruff format` would.
pub fn python_files_styled(stack: &Stack, style: Style) -> PythonFiles {
    Generator::new(stack, style).generate()
}

/// Python keywords and the names the generated code itself uses, which a variable must
/// not take.
const RESERVED: &[&str] = &[
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
    "self",
    "scope",
    "id",
    "super",
    "app",
    "base64",
    "App",
    "Fn",
    "TerraformStack",
    "TerraformOutput",
    "Construct",
    "print",
    "type",
    "match",
    "case",
    // The classes main.py may import: a variable, constant or stack class of the same name
    // would shadow the class (seen with the real cdktf: "TypeError: 'Instance' object is not
    // callable").
    "AwsProvider",
    "AwsProviderDefaultTags",
    "DataAwsAmi",
    "DataAwsAmiFilter",
    "SecurityGroup",
    "SecurityGroupIngress",
    "SecurityGroupEgress",
    "KeyPair",
    "Instance",
    "InstanceRootBlockDevice",
    "InstanceEbsBlockDevice",
    "InstanceMetadataOptions",
    "EbsVolume",
    "VolumeAttachment",
    "EbsSnapshot",
];

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

/// A valid Python identifier made from `s` (`"App SG"` → `app_sg`), or `fallback`.
fn identifier_from(s: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_').to_owned();
    if out.is_empty() {
        fallback.to_owned()
    } else if out.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{fallback}_{out}")
    } else {
        out
    }
}

/// The name `main.py` writes for a variable or class the learner named `wanted`, on its
/// own (before two names that clash are told apart with `_2`): `wanted` itself when it is a
/// valid Python identifier that no keyword or imported class takes; else made valid
/// (`"mon instance"` → `mon_instance`, `"class"` → `class_`, `"2sg"` → `<fallback>_2sg`).
/// For the forms, which say when a name is changed (issue 12, friction 6).
pub fn python_identifier(wanted: &str, fallback: &str) -> String {
    Names::default().claim(wanted, fallback)
}

/// Gives each name a unique, valid, unreserved identifier, in order of calls.
#[derive(Default)]
struct Names {
    taken: HashSet<String>,
}

impl Names {
    fn claim(&mut self, wanted: &str, fallback: &str) -> String {
        let base = if is_identifier(wanted) {
            wanted.to_owned()
        } else {
            identifier_from(wanted, fallback)
        };
        // Python mangles `__name` inside a class body (a module constant `__boot` read in
        // `__init__` becomes `_MyStack__boot`: NameError, seen with the real cdktf), and
        // `__class__` or `__builtins__` would break `super()` or the module: one leading
        // underscore at most.
        let base = if base.starts_with("__") {
            format!("_{}", base.trim_start_matches('_'))
        } else {
            base
        };
        let base = if RESERVED.contains(&base.as_str()) {
            format!("{base}_")
        } else {
            base
        };
        let mut name = base.clone();
        let mut n = 2;
        while self.taken.contains(&name) {
            // `_` numbered as `__2` would be mangled again (found by scripts/differential.sh
            // 500 2: two user-data constants named `_`).
            name = if base == "_" {
                format!("_{n}")
            } else {
                format!("{base}_{n}")
            };
            n += 1;
        }
        self.taken.insert(name.clone());
        name
    }
}

struct Generator<'a> {
    stack: &'a Stack,
    style: Style,
    /// Python variable of each resource that has one, by construct id.
    vars: HashMap<&'a str, String>,
    /// Imports: module → names.
    imports: BTreeMap<&'static str, BTreeSet<&'static str>>,
    import_base64: bool,
    /// User-data constants of main.py and of user_data.py: (name, literal), in order.
    main_constants: Vec<(String, String)>,
    module_constants: Vec<(String, String)>,
    /// Constant name of each script already written, by (location is module, name wanted, script).
    constant_names: HashMap<(bool, String, String), String>,
    constant_idents: Names,
}

impl<'a> Generator<'a> {
    fn new(stack: &'a Stack, style: Style) -> Self {
        let referenced: HashSet<&str> = stack
            .resources
            .iter()
            .flat_map(|r| {
                r.references()
                    .into_iter()
                    .map(|(_, reference)| reference.resource.as_str())
            })
            .collect();
        let mut names = Names::default();
        if style.qualified_cdktf {
            names.taken.insert("cdktf".to_owned());
        }
        let mut vars = HashMap::new();
        for r in &stack.resources {
            let wanted = match (r.var(), referenced.contains(r.id()) || style.every_variable) {
                (Some(v), _) => v.to_owned(),
                (None, true) => r.id().to_owned(),
                (None, false) => continue,
            };
            let fallback = identifier_from(r.kind().class_name(), "resource");
            vars.insert(r.id(), names.claim(&wanted, &fallback));
        }
        Generator {
            stack,
            style,
            vars,
            imports: BTreeMap::new(),
            import_base64: false,
            main_constants: Vec::new(),
            module_constants: Vec::new(),
            constant_names: HashMap::new(),
            constant_idents: names,
        }
    }

    fn import(&mut self, module: &'static str, name: &'static str) {
        if !(self.style.qualified_cdktf && module == "cdktf") {
            self.imports.entry(module).or_default().insert(name);
        }
    }

    /// How the code names a class of `cdktf` (`App`, or `cdktf.App` in that style).
    fn cdktf(&self, name: &str) -> String {
        if self.style.qualified_cdktf {
            format!("cdktf.{name}")
        } else {
            name.to_owned()
        }
    }

    fn str_value(&self, v: &StrValue) -> Expr {
        match v {
            StrValue::Literal(s) => Expr::Str(s.clone()),
            StrValue::Ref(r) => {
                // A dangling reference (synth refuses it) still reads as the learner meant it.
                let var = self
                    .vars
                    .get(r.resource.as_str())
                    .cloned()
                    .unwrap_or_else(|| identifier_from(&r.resource, "missing"));
                Expr::raw(format!("{var}.{}", r.attr))
            }
        }
    }

    fn generate(mut self) -> PythonFiles {
        self.import("constructs", "Construct");
        self.import("cdktf", "App");
        self.import("cdktf", "TerraformStack");
        let mut body = Vec::new();
        for r in &self.stack.resources {
            let stmt = self.statement(r);
            body.push(stmt);
        }

        let mut w = Writer::new();
        w.line(0, "#!/usr/bin/env python");
        if self.style.comments {
            w.line(0, "# The stack, written in another style (scripts/differential.sh).");
        }
        if self.style.qualified_cdktf {
            w.line(0, "import cdktf");
        }
        if self.import_base64 {
            w.line(0, "import base64");
            w.line(0, "");
        }
        // isort order: third-party modules sorted by name (cdktf < cdktf_cdktf_provider_aws.* < constructs).
        for (module, names) in &self.imports {
            let names: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
            w.import_from(module, &names);
        }
        if !self.module_constants.is_empty() {
            w.line(0, "");
            let names: Vec<String> = self.module_constants.iter().map(|(n, _)| n.clone()).collect();
            w.import_from("user_data", &names);
        }
        for (name, literal) in &self.main_constants {
            w.line(0, "");
            w.expr(0, &format!("{name} = "), &Expr::Verbatim(literal.clone()), "");
        }
        // The class lives among the module's constants: it must not take one's name.
        let mut module_names = Names::default();
        module_names.taken.extend(
            self.main_constants
                .iter()
                .chain(&self.module_constants)
                .map(|(n, _)| n.clone()),
        );
        let class_name = module_names.claim(&self.stack.class_name, "MyStack");
        w.line(0, "");
        w.line(0, "");
        let class_line = format!("class {class_name}({}):", self.cdktf("TerraformStack"));
        if writer::width(&class_line) <= writer::LINE_LENGTH {
            w.line(0, &class_line);
        } else {
            // ruff splits the bases of a class line that does not fit, whatever the name's length.
            w.line(0, &format!("class {class_name}("));
            w.line(1, &self.cdktf("TerraformStack"));
            w.line(0, "):");
        }
        w.line(1, "def __init__(self, scope: Construct, id: str):");
        w.line(2, "super().__init__(scope, id)");
        if !body.is_empty() {
            w.line(0, "");
        }
        for ((prefix, expr), r) in body.iter().zip(&self.stack.resources) {
            if self.style.comments {
                let id: String = r.id().chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
                w.line(2, &format!("# {} {id}", r.kind().class_name()));
            }
            w.expr(2, prefix, expr, "");
        }
        w.line(0, "");
        w.line(0, "");
        w.line(0, &format!("app = {}()", self.cdktf("App")));
        w.expr(
            0,
            "",
            &Expr::call(
                class_name,
                vec![
                    Arg::Positional(Expr::raw("app")),
                    Arg::Positional(Expr::Str(self.stack.name.clone())),
                ],
            ),
            "",
        );
        w.line(0, "app.synth()");
        let main_py = w.finish();

        let user_data_py = if self.module_constants.is_empty() {
            None
        } else {
            let mut out = String::from("\"\"\"User-data scripts of the stack, imported by main.py.\"\"\"\n");
            let mut w = Writer::new();
            for (name, literal) in &self.module_constants {
                w.line(0, "");
                w.expr(0, &format!("{name} = "), &Expr::Verbatim(literal.clone()), "");
            }
            out.push_str(&w.finish());
            Some(out)
        };
        PythonFiles { main_py, user_data_py }
    }

    /// `(prefix, call)`: `("inst = ", Instance(...))`.
    fn statement(&mut self, r: &Resource) -> (String, Expr) {
        let kind = r.kind();
        let module = kind.python_module();
        let class = kind.class_name();
        self.import(module, class);
        let mut args = vec![
            Arg::Positional(Expr::raw("self")),
            Arg::Positional(Expr::Str(r.id().to_owned())),
        ];
        let class_schema = schema::class(kind);
        let fields = document_fields(r);
        args.extend(self.kwargs(class_schema.module, class_schema.kwargs, &fields));
        let prefix = match self.vars.get(r.id()) {
            Some(var) => format!("{var} = "),
            None => String::new(),
        };
        let func = if kind.python_module() == "cdktf" {
            self.cdktf(class)
        } else {
            class.to_owned()
        };
        (prefix, Expr::call(func, args))
    }

    /// The keyword arguments of a call, from the [`schema`] rows `kwargs` in their order and
    /// the document's `fields`; nested block classes are imported from `module`.
    fn kwargs(&mut self, module: &'static str, kwargs: &'static [Kwarg], fields: &Map<String, Value>) -> Vec<Arg> {
        kwargs
            .iter()
            .filter_map(|k| match fields.get(k.key) {
                Some(v) if !v.is_null() => Some(Arg::Keyword(k.python.to_owned(), self.expr(module, k.kind, v))),
                _ => None,
            })
            .collect()
    }

    /// The Python expression of a kwarg of kind `kind` whose document value is `v`.
    fn expr(&mut self, module: &'static str, kind: Kind, v: &Value) -> Expr {
        match kind {
            Kind::Str => Expr::Str(v.as_str().unwrap_or_default().to_owned()),
            Kind::Number => number_expr(typed::<JsNumber>(v).unwrap_or(JsNumber::from(0))),
            Kind::Bool => bool_expr(v.as_bool().unwrap_or_default()),
            Kind::StrList => Expr::List(
                v.as_array()
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                    .iter()
                    .map(|s| Expr::Str(s.as_str().unwrap_or_default().to_owned()))
                    .collect(),
            ),
            Kind::StrOrRef => self.str_value(&typed(v).unwrap_or_default()),
            Kind::StrOrRefList => Expr::List(
                v.as_array()
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                    .iter()
                    .map(|item| self.str_value(&typed(item).unwrap_or_default()))
                    .collect(),
            ),
            Kind::Tags => Expr::Dict(
                v.as_object()
                    .map(|m| {
                        m.iter()
                            .map(|(k, v)| {
                                (
                                    Expr::Str(k.clone()),
                                    Expr::Str(v.as_str().unwrap_or_default().to_owned()),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            ),
            Kind::UserData => self.user_data(&typed(v).unwrap_or_default()),
            Kind::OutputValue => match typed(v) {
                Some(value) => self.output_value(&value),
                None => Expr::raw("None"),
            },
            Kind::Block(block) => {
                let fields = v.as_object().cloned().unwrap_or_default();
                self.block(module, block, &fields, false)
            }
            Kind::Blocks(block) => {
                let items = v.as_array().map(Vec::as_slice).unwrap_or_default();
                Expr::List(
                    items
                        .iter()
                        .map(|item| {
                            let fields = item.as_object().cloned().unwrap_or_default();
                            self.block(module, block, &fields, true)
                        })
                        .collect(),
                )
            }
            Kind::DefaultTags(block) => {
                let fields: Map<String, Value> = block.kwargs.iter().map(|k| (k.key.to_owned(), v.clone())).collect();
                Expr::List(vec![self.block(module, block, &fields, true)])
            }
        }
    }

    /// One nested block: `Class(kw=...)` (the class imported from `module`), or a dict in
    /// [`Style::blocks_as_dicts`], whose keys are the Python kwargs alone and the jsii names
    /// inside a list (`in_list`; see [`schema::Kwarg::jsii_name`]).
    fn block(
        &mut self,
        module: &'static str,
        block: &'static Block,
        fields: &Map<String, Value>,
        in_list: bool,
    ) -> Expr {
        let args = self.kwargs(module, block.kwargs, fields);
        if self.style.blocks_as_dicts {
            return Expr::Dict(
                args.into_iter()
                    .filter_map(|a| match a {
                        Arg::Keyword(k, v) if in_list => {
                            let name = block.kwarg(&k).map_or(k, |kw| kw.jsii_name());
                            Some((Expr::Str(name), v))
                        }
                        Arg::Keyword(k, v) => Some((Expr::Str(k), v)),
                        Arg::Positional(_) => None,
                    })
                    .collect(),
            );
        }
        self.import(module, block.class);
        Expr::call(block.class, args)
    }

    /// The expression of a user-data kwarg, registering its constant or import.
    fn user_data(&mut self, ud: &UserData) -> Expr {
        let text = match ud.location {
            UserDataLocation::Inline => Expr::Str(ud.script.clone()),
            UserDataLocation::Constant | UserDataLocation::Module => {
                let in_module = ud.location == UserDataLocation::Module;
                let key = (in_module, ud.constant_name().to_owned(), ud.script.clone());
                let name = match self.constant_names.get(&key) {
                    Some(n) => n.clone(),
                    None => {
                        let n = self.constant_idents.claim(ud.constant_name(), "USER_DATA");
                        let literal = literal::triple_quoted_literal(&ud.script)
                            .unwrap_or_else(|| literal::string_literal(&ud.script));
                        if in_module {
                            self.module_constants.push((n.clone(), literal));
                        } else {
                            self.main_constants.push((n.clone(), literal));
                        }
                        self.constant_names.insert(key, n.clone());
                        n
                    }
                };
                Expr::raw(name)
            }
        };
        match ud.encoding {
            UserDataEncoding::Plain => text,
            UserDataEncoding::Base64 => {
                self.import_base64 = true;
                let inner = match text {
                    Expr::Raw(name) => format!("{name}.encode()"),
                    other => format!("{}.encode()", other.flat()),
                };
                Expr::Call {
                    func: "base64.b64encode".into(),
                    args: vec![Arg::Positional(Expr::raw(inner))],
                    suffix: ".decode()".into(),
                }
            }
            UserDataEncoding::FnBase64encode => {
                self.import("cdktf", "Fn");
                Expr::call(
                    format!("{}.base64encode", self.cdktf("Fn")),
                    vec![Arg::Positional(text)],
                )
            }
        }
    }

    fn output_value(&self, v: &OutputValue) -> Expr {
        match v {
            OutputValue::Ref(r) => self.str_value(&StrValue::Ref(r.clone())),
            OutputValue::Str(s) => Expr::Str(s.clone()),
            OutputValue::Number(n) => number_expr(*n),
            OutputValue::Bool(b) => bool_expr(*b),
            OutputValue::List(items) => Expr::List(items.iter().map(|i| self.output_value(i)).collect()),
            OutputValue::Map(m) => Expr::Dict(
                m.iter()
                    .map(|(k, v)| (Expr::Str(k.clone()), self.output_value(v)))
                    .collect(),
            ),
        }
    }
}

fn bool_expr(b: bool) -> Expr {
    Expr::raw(if b { "True" } else { "False" })
}

/// A number as the learner would write it and cdktf reads it back unchanged
/// ([`JsNumber::python_text`]): `80`, `1.5`, `1e22`, `-0.0`.
fn number_expr(n: JsNumber) -> Expr {
    Expr::raw(n.python_text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_from_construct_ids() {
        assert_eq!(identifier_from("App SG", "sg"), "app_sg");
        assert_eq!(identifier_from("wéb 2", "instance"), "w_b_2");
        assert_eq!(identifier_from("1web", "instance"), "instance_1web");
        assert_eq!(identifier_from("!!!", "instance"), "instance");
        let mut names = Names::default();
        assert_eq!(names.claim("class", "x"), "class_");
        assert_eq!(names.claim("inst", "x"), "inst");
        assert_eq!(names.claim("inst", "x"), "inst_2");
        assert_eq!(names.claim("self", "x"), "self_");
        assert_eq!(names.claim("my var", "x"), "my_var");
        assert_eq!(names.claim("Instance", "x"), "Instance_");
        assert_eq!(names.claim("__boot", "x"), "_boot");
        assert_eq!(names.claim("__class__", "x"), "_class__");
        assert_eq!(names.claim("___", "x"), "_");
        assert_eq!(python_identifier("mon instance", "instance"), "mon_instance");
        assert_eq!(python_identifier("web", "instance"), "web");
        assert_eq!(python_identifier("2sg", "security_group"), "security_group_2sg");
        // Found by scripts/differential.sh 500 2 (stacks 474 and 483: two user-data
        // constants named `_`; `__2` is mangled inside the class, NameError in cdktf).
        assert_eq!(names.claim("_", "x"), "_2");
        assert_eq!(names.claim("_", "x"), "_3");
    }

    /// Seen with the real cdktf: a name shadowing a class breaks main.py ("TypeError:
    /// 'Instance' object is not callable").
    #[test]
    fn the_stack_class_never_takes_a_constant_or_class_name() {
        let mut stack = crate::load_stack(
            r#"{"version": 1, "name": "s", "class_name": "USER_DATA", "resources": [
                {"AwsProvider": {"id": "aws"}},
                {"Instance": {"id": "web", "user_data": {"script": "x"}}}]}"#,
        )
        .expect("loads");
        let py = main_py(&stack).expect("synthesizes");
        assert!(
            py.contains("\nUSER_DATA = \"\"\"x\"\"\"\n") && py.contains("class USER_DATA_2(TerraformStack):"),
            "{py}"
        );
        stack.class_name = "Instance".into();
        assert!(python_files(&stack)
            .main_py
            .contains("class Instance_(TerraformStack):"));
    }

    /// Issue 13, case 6: a rule listing its own group in `security_groups` would be written
    /// `security_groups=[web_sg.id]` inside `web_sg = SecurityGroup(...)`, which the real
    /// cdktf runs into `UnboundLocalError`; `main_py` refuses it as synth does, same words.
    #[test]
    fn what_synth_refuses_python_refuses_with_the_same_words() {
        let stack = crate::load_stack(
            r#"{"version": 1, "name": "lab", "resources": [
                {"AwsProvider": {"id": "aws", "region": "eu-west-3"}},
                {"SecurityGroup": {"id": "web_sg", "ingress": [
                    {"from_port": 80, "to_port": 80, "protocol": "tcp",
                     "security_groups": [{"ref": "web_sg", "attr": "id"}]}]}}]}"#,
        )
        .expect("loads");
        let refused = crate::synth(&stack, &crate::SynthOptions::for_stack(&stack)).expect_err("synth refuses");
        assert_eq!(main_py(&stack), Err(refused.clone()));
        assert_eq!(try_python_files(&stack), Err(refused.clone()));
        assert_eq!(
            refused.to_string(),
            "resources[1] (SecurityGroup \"web_sg\").ingress[0].security_groups[0]: the rule names its own group \"web_sg\"; Python cannot use the variable inside its own assignment (UnboundLocalError): remove it from security_groups and write self_attribute=True in the rule"
        );
        let mut renamed = stack.clone();
        renamed.resources.truncate(1);
        renamed.name = "mon lab".into();
        assert_eq!(
            main_py(&renamed).map_err(|e| e.message(crate::Lang::Fr)),
            Err("nom de stack \"mon lab\" : cdktf refuse les espaces dans un nom de stack".to_owned())
        );
    }
}
