//! A form edit carried into the learner's own `main.py`: only what changed is rewritten.
//!
//! The learner's code is read ([`crate::read`]), the edited stack is written in the course's
//! style ([`crate::python`]) and read too, and the two are compared resource by resource and
//! kwarg by kwarg through the class table: a changed value replaces the learner's text of
//! that value, a new kwarg is added at the end of its call (or dict), a removed one is cut
//! with its comma, a new resource goes after the last statement of `__init__`, a removed one
//! is cut with its line, and a class or constant the new code needs is imported or defined.
//! Comments, blank lines and the learner's layout everywhere else stay byte for byte.
//!
//! The result is read back and must give the edited stack; when it does not, or when the
//! edit is one this module does not place (a renamed variable, resources reordered, a script
//! in `user_data.py`), it returns [`EditError::CannotPlace`] and the learner's code is
//! untouched.

use serde_json::{Map, Value};
use thiserror::Error;

use crate::model::Stack;
use crate::python::python_files;
use crate::read::{read_python, BlockForm, ReadOutcome};
use crate::schema::{self, Kind, Kwarg};
use crate::synth::document_fields;

/// Why a form edit was not carried into the code.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    /// The code has errors: there is no stack to compare with.
    #[error("main.py does not read; fix it first (the edit was not applied to the code)")]
    DoesNotRead,
    /// The edit is one this module does not place; `path` says where (may be empty).
    #[error("this edit cannot be placed in main.py without rewriting it ({path})")]
    CannotPlace {
        /// The path of the stack the edit is about.
        path: String,
    },
}

impl EditError {
    /// The message in French.
    pub fn message_fr(&self) -> String {
        match self {
            EditError::DoesNotRead => {
                "main.py ne se lit pas ; corrigez-le d'abord (la modification n'a pas été reportée dans le code)"
                    .to_owned()
            }
            EditError::CannotPlace { path } => {
                format!("cette modification ne peut pas être placée dans main.py sans le réécrire ({path})")
            }
        }
    }
}

fn cannot(path: impl Into<String>) -> EditError {
    EditError::CannotPlace { path: path.into() }
}

struct Edits<'a> {
    old: &'a ReadOutcome,
    gen: &'a ReadOutcome,
    gen_text: &'a str,
    /// (start, end, text, order)
    list: Vec<(usize, usize, String)>,
    /// Arguments already inserted into each call, by its path.
    inserted: std::collections::HashMap<String, usize>,
}

impl Edits<'_> {
    fn gen_value(&self, path: &str) -> Result<String, EditError> {
        let span = self.gen.spans.get(path).ok_or_else(|| cannot(path))?;
        self.gen_text
            .get(span.start..span.end)
            .map(str::to_owned)
            .ok_or_else(|| cannot(path))
    }

    fn replace(&mut self, old_path: &str, new_path: &str) -> Result<(), EditError> {
        let span = self.old.spans.get(old_path).ok_or_else(|| cannot(old_path))?;
        let text = self.gen_value(new_path)?;
        self.list.push((span.start, span.end, text));
        Ok(())
    }

    fn insert(&mut self, call_path: &str, kwarg: &Kwarg, new_path: &str) -> Result<(), EditError> {
        let call = self
            .old
            .layout
            .calls
            .get(call_path)
            .ok_or_else(|| cannot(call_path))?
            .clone();
        let value = self.gen_value(new_path)?;
        let arg = match call.form {
            BlockForm::Call => format!("{}={value}", kwarg.python),
            BlockForm::Dict => format!("\"{}\": {value}", kwarg.python),
            BlockForm::DictInList => format!("\"{}\": {value}", kwarg.jsii_name()),
        };
        let count = self.inserted.entry(call_path.to_owned()).or_default();
        let text = if call.has_args || *count > 0 {
            format!(", {arg}")
        } else {
            arg
        };
        *count += 1;
        self.list.push((call.insert_at, call.insert_at, text));
        Ok(())
    }

    fn delete(&mut self, old_path: &str) -> Result<(), EditError> {
        let (start, end) = *self
            .old
            .layout
            .deletions
            .get(old_path)
            .ok_or_else(|| cannot(old_path))?;
        self.list.push((start, end, String::new()));
        Ok(())
    }

    /// The kwargs of one call (construct or block) at `old_prefix` / `new_prefix`.
    fn kwargs(
        &mut self,
        kwargs: &'static [Kwarg],
        old_prefix: &str,
        new_prefix: &str,
        a: &Map<String, Value>,
        b: &Map<String, Value>,
    ) -> Result<(), EditError> {
        for k in kwargs {
            let (old_path, new_path) = (format!("{old_prefix}.{}", k.key), format!("{new_prefix}.{}", k.key));
            match (a.get(k.key), b.get(k.key)) {
                (x, y) if x == y => {}
                (Some(_), None) => self.delete(&old_path)?,
                (None, Some(_)) => self.insert(old_prefix, k, &new_path)?,
                (Some(x), Some(y)) => match k.kind {
                    Kind::Block(block) => {
                        let (x, y) = (
                            x.as_object().cloned().unwrap_or_default(),
                            y.as_object().cloned().unwrap_or_default(),
                        );
                        self.kwargs(block.kwargs, &old_path, &new_path, &x, &y)?;
                    }
                    Kind::Blocks(block) => match (x.as_array(), y.as_array()) {
                        (Some(xs), Some(ys)) if xs.len() == ys.len() => {
                            for (i, (xi, yi)) in xs.iter().zip(ys).enumerate() {
                                let (x, y) = (
                                    xi.as_object().cloned().unwrap_or_default(),
                                    yi.as_object().cloned().unwrap_or_default(),
                                );
                                self.kwargs(
                                    block.kwargs,
                                    &format!("{old_path}[{i}]"),
                                    &format!("{new_path}[{i}]"),
                                    &x,
                                    &y,
                                )?;
                            }
                        }
                        (Some(xs), Some(ys)) if ys.len() > xs.len() && ys.get(..xs.len()) == Some(xs.as_slice()) => {
                            // Blocks appended at the end of the list (a new rule).
                            let list = self
                                .old
                                .layout
                                .calls
                                .get(&old_path)
                                .ok_or_else(|| cannot(&old_path))?
                                .clone();
                            for k in xs.len()..ys.len() {
                                let item = self.gen_value(&format!("{new_path}[{k}]"))?;
                                let text = if list.has_args || k > xs.len() {
                                    format!(", {item}")
                                } else {
                                    item
                                };
                                self.list.push((list.insert_at, list.insert_at, text));
                            }
                        }
                        _ => self.replace(&old_path, &new_path)?,
                    },
                    Kind::UserData => self.user_data(&old_path, &new_path, x, y)?,
                    _ => self.replace(&old_path, &new_path)?,
                },
                (None, None) => {}
            }
        }
        Ok(())
    }

    /// A changed script kept in the same constant: the constant's text changes (when no other
    /// kwarg reads it); otherwise the kwarg's value.
    fn user_data(&mut self, old_path: &str, new_path: &str, x: &Value, y: &Value) -> Result<(), EditError> {
        let same_but_script = ["encoding", "location", "name"].iter().all(|f| x.get(f) == y.get(f));
        let location = y.get("location").and_then(Value::as_str).unwrap_or("constant");
        if same_but_script && location == "constant" {
            let name = y.get("name").and_then(Value::as_str).unwrap_or("USER_DATA");
            let (Some(&(start, end)), Some(&(gs, ge))) =
                (self.old.layout.constants.get(name), self.gen.layout.constants.get(name))
            else {
                return Err(cannot(old_path));
            };
            let text = self.gen_text.get(gs..ge).ok_or_else(|| cannot(old_path))?.to_owned();
            self.list.push((start, end, text));
            return Ok(());
        }
        if location == "module" {
            return Err(cannot(old_path));
        }
        self.replace(old_path, new_path)
    }
}

/// Start of the line holding `at`.
fn line_start(text: &str, at: usize) -> usize {
    text.get(..at).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1)
}

/// The learner's `main_py` (with `user_data_py`) carrying the edit that turned the stack it
/// reads to into `new`. Errors: [`EditError::DoesNotRead`] when the code has errors,
/// [`EditError::CannotPlace`] for an edit not placed; the learner's code is then unchanged.
pub fn apply_edit(main_py: &str, user_data_py: Option<&str>, new: &Stack) -> Result<String, EditError> {
    let old_out = read_python(main_py, user_data_py);
    let old = old_out.stack.clone().ok_or(EditError::DoesNotRead)?;
    if &old == new {
        return Ok(main_py.to_owned());
    }
    let gen_files = python_files(new);
    let gen = read_python(&gen_files.main_py, gen_files.user_data_py.as_deref());
    let gen_stack = gen.stack.clone().ok_or_else(|| cannot(""))?;
    // A script that lives in user_data.py: that file is the learner's to edit.
    if gen_files.user_data_py.is_some() && gen_files.user_data_py.as_deref() != user_data_py {
        return Err(cannot("user_data.py"));
    }
    let mut edits = Edits {
        old: &old_out,
        gen: &gen,
        gen_text: &gen_files.main_py,
        list: Vec::new(),
        inserted: Default::default(),
    };
    if old.name != new.name {
        edits.replace("name", "name")?;
    }
    if old.class_name != new.class_name {
        return Err(cannot("class_name"));
    }
    // Resources: kept ones matched by construct id, in the same order; a resource whose id
    // alone changed (one removed, one added at the same place, same class) is kept too.
    let old_ids: std::collections::HashMap<&str, usize> =
        old.resources.iter().enumerate().map(|(i, r)| (r.id(), i)).collect();
    let new_ids: std::collections::HashSet<&str> = new.resources.iter().map(|r| r.id()).collect();
    let mut kept: Vec<(usize, usize)> = Vec::new();
    let mut added: Vec<usize> = Vec::new();
    for (ni, r) in new.resources.iter().enumerate() {
        match old_ids.get(r.id()) {
            Some(&i) if old.resources[i].kind() == r.kind() => {
                if kept.last().is_some_and(|&(last, _)| last >= i) {
                    return Err(cannot(format!("resources[{ni}]")));
                }
                kept.push((i, ni));
            }
            Some(_) => return Err(cannot(format!("resources[{ni}]"))),
            None => added.push(ni),
        }
    }
    let mut removed: Vec<usize> = (0..old.resources.len())
        .filter(|&i| !new_ids.contains(old.resources[i].id()))
        .collect();
    if let ([i], [ni]) = (removed.as_slice(), added.as_slice()) {
        let before_old = kept.iter().filter(|(k, _)| k < i).count();
        let before_new = kept.iter().filter(|(_, k)| k < ni).count();
        if before_old == before_new && old.resources[*i].kind() == new.resources[*ni].kind() {
            kept.insert(before_old, (*i, *ni));
            removed.clear();
            added.clear();
        }
    }
    for &(i, ni) in &kept {
        let (a, b) = (&old.resources[i], &new.resources[ni]);
        let (old_prefix, new_prefix) = (format!("resources[{i}]"), format!("resources[{ni}]"));
        if a.kind() != b.kind() {
            return Err(cannot(old_prefix));
        }
        if a.id() != b.id() {
            edits.replace(&format!("{old_prefix}.id"), &format!("{new_prefix}.id"))?;
        }
        let gen_var = gen_stack.resources.get(ni).and_then(|r| r.var());
        match (a.var(), gen_var) {
            (x, y) if x == y => {}
            (None, Some(v)) => {
                let &(start, _) = old_out.layout.statements.get(i).ok_or_else(|| cannot(&old_prefix))?;
                edits.list.push((start, start, format!("{v} = ")));
            }
            _ => return Err(cannot(format!("{old_prefix}.var"))),
        }
        let (fa, fb) = (document_fields(a), document_fields(b));
        edits.kwargs(schema::class(b.kind()).kwargs, &old_prefix, &new_prefix, &fa, &fb)?;
    }
    for &i in &removed {
        let &(start, end) = old_out
            .layout
            .statements
            .get(i)
            .ok_or_else(|| cannot(format!("resources[{i}]")))?;
        let start = line_start(main_py, start);
        let end = if main_py.get(end..end + 1) == Some("\n") {
            end + 1
        } else {
            end
        };
        edits.list.push((start, end, String::new()));
    }
    for ni in added {
        // After the statement of the kept resource just before it, or at the end.
        let after = kept.iter().rev().find(|(_, k)| *k < ni).map(|(i, _)| *i);
        let (at, indent) = match after.and_then(|i| old_out.layout.statements.get(i)) {
            Some(&(start, end)) => {
                let ls = line_start(main_py, start);
                (end, main_py.get(ls..start).unwrap_or_default().to_owned())
            }
            None => match kept.first().and_then(|(i, _)| old_out.layout.statements.get(*i)) {
                Some(&(start, _)) => {
                    let ls = line_start(main_py, start);
                    let indent = main_py.get(ls..start).unwrap_or_default().to_owned();
                    let &(gs, ge) = gen
                        .layout
                        .statements
                        .get(ni)
                        .ok_or_else(|| cannot(format!("resources[{ni}]")))?;
                    let text = gen_files
                        .main_py
                        .get(gs..ge)
                        .ok_or_else(|| cannot(format!("resources[{ni}]")))?;
                    edits.list.push((start, start, format!("{text}\n{indent}")));
                    continue;
                }
                None => old_out.layout.body_end.clone().ok_or_else(|| cannot("resources"))?,
            },
        };
        let &(gs, ge) = gen
            .layout
            .statements
            .get(ni)
            .ok_or_else(|| cannot(format!("resources[{ni}]")))?;
        let text = gen_files
            .main_py
            .get(gs..ge)
            .ok_or_else(|| cannot(format!("resources[{ni}]")))?;
        edits.list.push((at, at, format!("\n{indent}{text}")));
    }
    // What the new code needs from the module: imports, then constants.
    let mut head = String::new();
    for name in &gen.layout.imported {
        if old_out.layout.imported.contains(name) || gen.layout.constants.contains_key(name) {
            continue;
        }
        let module = schema::class_named(name)
            .map(|c| c.module)
            .or_else(|| schema::block_named(name).map(|(c, _, _)| c.module))
            .or_else(|| {
                ["App", "TerraformStack", "Fn", "TerraformOutput"]
                    .contains(&name.as_str())
                    .then_some("cdktf")
            });
        match (module, name.as_str()) {
            (Some(m), _) => match old_out.layout.import_from_ends.get(m) {
                // Beside the classes already imported from its module, as a person would add it.
                Some(&at) => edits.list.push((at, at, format!(", {name}"))),
                None => head.push_str(&format!("\nfrom {m} import {name}")),
            },
            (None, "base64") => head.push_str("\nimport base64"),
            (None, "Construct") => head.push_str("\nfrom constructs import Construct"),
            _ => {}
        }
    }
    for (name, &(gs, ge)) in &gen.layout.constants {
        if old_out.layout.constants.contains_key(name) || old_out.layout.imported.contains(name) {
            continue;
        }
        let text = gen_files.main_py.get(gs..ge).ok_or_else(|| cannot(name.clone()))?;
        head.push_str(&format!("\n\n{name} = {text}"));
    }
    if !head.is_empty() {
        let at = old_out.layout.imports_end;
        let text = if at == 0 {
            format!("{}\n", head.trim_start_matches('\n'))
        } else {
            head
        };
        edits.list.push((at, at, text));
    }
    // Apply from the end, keeping the order of insertions at one place.
    let mut list: Vec<(usize, (usize, usize, String))> = edits.list.into_iter().enumerate().collect();
    list.sort_by(|(ia, a), (ib, b)| (b.0, b.1, ib).cmp(&(a.0, a.1, ia)));
    let mut out = main_py.to_owned();
    let mut floor = usize::MAX;
    for (_, (start, end, text)) in list {
        if end > floor || start > end || !out.is_char_boundary(start) || !out.is_char_boundary(end) {
            return Err(cannot("overlap"));
        }
        out.replace_range(start..end, &text);
        floor = start;
    }
    // The law: the edited code reads to the edited stack.
    let again_out = read_python(&out, user_data_py);
    let Some(again) = again_out.stack else {
        return Err(cannot("result"));
    };
    if &again == new || python_files(&again) == gen_files {
        Ok(out)
    } else {
        Err(cannot("result"))
    }
}
