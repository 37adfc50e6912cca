//! The reader's answers as plain data, for a page that runs the reader in a second,
//! lazily loaded WebAssembly module (`reader/`): [`read_reply`] and [`edit_reply`] give
//! values that travel as JSON between the two modules and that the page reads back with
//! serde. Positions are counted in UTF-16 code units, as JavaScript and CodeMirror count
//! them.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::edit::{apply_edit, EditError};
use crate::i18n::Text;
use crate::load::{load_stack, save_stack};
use crate::read::{read_python, SourceFile};

/// One reader finding, placed for an editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyDiagnostic {
    /// The reader's code (`py-syntax`, `py-unknown-kwarg`, ...).
    pub code: String,
    /// Error (the code does not become a stack) or warning.
    pub severity: Severity,
    /// `main.py` or `user_data.py`.
    pub file: String,
    /// Start, in UTF-16 code units from the start of `file`.
    pub from: usize,
    /// End (exclusive), in UTF-16 code units.
    pub to: usize,
    /// 1-based line of `from`.
    pub line: usize,
    /// 1-based column of `from`, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: Text,
    /// What to write instead.
    pub hint: Text,
}

/// What reading a project gave: the stack document when the code has no error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadReply {
    /// The stack as [`save_stack`] writes it (`None` when the code has an error).
    pub document: Option<String>,
    /// Every finding, in the order of the code.
    pub diagnostics: Vec<ReplyDiagnostic>,
}

/// What carrying a form edit into the code gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditReply {
    /// The new `main.py`.
    Placed(String),
    /// Why the edit was not placed; the code is unchanged.
    NotPlaced(Text),
}

/// UTF-16 length of `text[..byte]` (`byte` clamped to the text and to a char boundary).
fn utf16_offset(text: &str, byte: usize) -> usize {
    let mut end = byte.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].encode_utf16().count()
}

/// Reads `main_py` (and `user_data_py`) as [`read_python`] does, with positions in UTF-16.
pub fn read_reply(main_py: &str, user_data_py: Option<&str>) -> ReadReply {
    let outcome = read_python(main_py, user_data_py);
    let diagnostics = outcome
        .diagnostics
        .iter()
        .map(|d| {
            let text = match d.file {
                SourceFile::MainPy => main_py,
                SourceFile::UserDataPy => user_data_py.unwrap_or(""),
            };
            ReplyDiagnostic {
                code: d.code.to_owned(),
                severity: d.severity,
                file: d.file.name().to_owned(),
                from: utf16_offset(text, d.span.start),
                to: utf16_offset(text, d.span.end),
                line: d.span.line,
                column: d.span.column,
                message: d.message.clone(),
                hint: d.hint.clone(),
            }
        })
        .collect();
    ReadReply {
        document: outcome.stack.as_ref().filter(|_| !outcome.has_errors()).map(save_stack),
        diagnostics,
    }
}

/// Carries the stack `document` (a [`save_stack`] text) into `main_py` as [`apply_edit`]
/// does, or says in French and English why it cannot.
pub fn edit_reply(main_py: &str, user_data_py: Option<&str>, document: &str) -> EditReply {
    let stack = match load_stack(document) {
        Ok(stack) => stack,
        Err(e) => {
            return EditReply::NotPlaced(Text::new(
                format!("la stack ne se lit pas : {}", e.message(crate::i18n::Lang::Fr)),
                format!("the stack does not load: {}", e.message(crate::i18n::Lang::En)),
            ))
        }
    };
    match apply_edit(main_py, user_data_py, &stack) {
        Ok(text) => EditReply::Placed(text),
        Err(e @ EditError::DoesNotRead) | Err(e @ EditError::CannotPlace { .. }) => {
            EditReply::NotPlaced(Text::new(e.message_fr(), e.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_utf16() {
        // "é" is 2 bytes and 1 UTF-16 unit; "🙂" is 4 bytes and 2 units.
        let code = "# é🙂\nx = )\n";
        let reply = read_reply(code, None);
        assert_eq!(reply.document, None);
        let d = reply
            .diagnostics
            .iter()
            .find(|d| d.line == 2)
            .expect("a finding on line 2");
        assert_eq!((d.code.as_str(), d.column), ("py-syntax", 5), "{d:?}");
        // "# é🙂\nx = " is 1+1+1+2+1+4 = 10 UTF-16 units.
        assert_eq!(d.from, 10, "{d:?}");
        assert!(d.to > d.from);
    }

    #[test]
    fn a_stack_reads_and_an_edit_is_placed() {
        let stack = crate::load_stack(include_str!("../../tests/fixtures/ec2-lab/stack.json")).expect("fixture");
        let files = crate::python_files(&stack);
        let main = format!("# mon commentaire\n{}", files.main_py);
        let reply = read_reply(&main, files.user_data_py.as_deref());
        let document = reply.document.expect("reads");
        assert_eq!(load_stack(&document).expect("loads"), stack);
        let mut renamed = stack.clone();
        renamed.name = "autre".into();
        match edit_reply(&main, files.user_data_py.as_deref(), &save_stack(&renamed)) {
            EditReply::Placed(text) => {
                assert!(text.starts_with("# mon commentaire\n"));
                assert!(text.contains("\"autre\""));
            }
            EditReply::NotPlaced(why) => panic!("not placed: {}", why.en),
        }
        match edit_reply("x = (", None, &save_stack(&renamed)) {
            EditReply::NotPlaced(why) => assert!(why.fr.contains("ne se lit pas"), "{}", why.fr),
            EditReply::Placed(_) => panic!("placed in code that does not read"),
        }
    }
}
