//! The playground's state: the learner's stack and the page's choices, changed only by
//! [`Action`]s through [`Playground::reduce`].
//!
//! Nothing computed from the stack lives here: the JSON, `main.py`, the diagram and the
//! checks are derived where they are shown (see [`crate::hooks`]).

use std::rc::Rc;

use ec2_playground_core::fix::{apply_fix, FixError, FixParams};
use ec2_playground_core::lab::Lab;
use ec2_playground_core::saved;
use ec2_playground_core::{
    apply_step_template, load_stack, save_stack, EditReply, LabError, LabProgress, Lang, LoadError, ReplyDiagnostic,
    Resource, ResourceKind, Severity, Stack, Text,
};
use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::examples::Example;
use crate::labs::ActiveLab;
use crate::services::code_modules;
use crate::share::{self, LinkError, Shared};
use crate::templates;

/// A panel of outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Panel {
    /// `cdk.tf.json`.
    #[default]
    Json,
    /// `main.py`.
    Python,
    /// `main.tf`: the stack as plain Terraform (HCL).
    Hcl,
    /// The diagram.
    Diagram,
    /// The checks.
    Checks,
    /// The lab's steps, ticked from the stack.
    Lab,
    /// What `cdktf deploy` would do from the stack marked deployed, and what the stack costs.
    Deploy,
}

impl Panel {
    /// Every panel (`&panel=` of an embed may ask for any).
    pub const ALL: [Panel; 7] = [
        Panel::Json,
        Panel::Python,
        Panel::Hcl,
        Panel::Diagram,
        Panel::Checks,
        Panel::Lab,
        Panel::Deploy,
    ];
    /// The output tabs of the page; `main.py` is on the editor side ([`Workbench::Code`]).
    pub const TABS: [Panel; 6] = [
        Panel::Json,
        Panel::Hcl,
        Panel::Diagram,
        Panel::Checks,
        Panel::Lab,
        Panel::Deploy,
    ];

    /// The code used in `&panel=` (`json`, `python`, `hcl`, `diagram`, `checks`, `lab`,
    /// `deploy`).
    pub fn code(self) -> &'static str {
        match self {
            Panel::Json => "json",
            Panel::Python => "python",
            Panel::Hcl => "hcl",
            Panel::Diagram => "diagram",
            Panel::Checks => "checks",
            Panel::Lab => "lab",
            Panel::Deploy => "deploy",
        }
    }

    /// The panel whose [`Panel::code`] is `code`.
    pub fn from_code(code: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// What the editor side of the page shows: the learner's `main.py` (the course has them
/// write it), or the stack as forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Workbench {
    /// `main.py` in the code editor.
    #[default]
    Code,
    /// One form per resource.
    Forms,
}

/// Light or dark colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the system's setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Every choice, in the order the switch offers them.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// `system`, `light` or `dark`: the `data-theme` of the page.
    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme whose [`Theme::code`] is `code`.
    pub fn from_code(code: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// The learner's saved choices (`localStorage`, versioned key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Prefs {
    /// The language the learner picked, if they picked one.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Light, dark or the system's.
    #[serde(default)]
    pub theme: Theme,
}

/// How the page is shown, from its query string: `?embed=1&panel=json&readonly=1&lang=en`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mode {
    /// Inside a course page's `<iframe>`: no toolbar, no saving.
    pub embed: bool,
    /// The only panel to show, if one was asked for.
    pub only_panel: Option<Panel>,
    /// No editing.
    pub readonly: bool,
    /// A language forced by the page (`&lang=`).
    pub lang: Option<Lang>,
}

impl Mode {
    /// Reads the query string's parameters (`name`, `value` pairs).
    pub fn from_query<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> Mode {
        let mut mode = Mode::default();
        let yes = |v: &str| matches!(v, "1" | "true" | "yes" | "");
        for (name, value) in params {
            match name {
                "embed" => mode.embed = yes(value),
                "readonly" => mode.readonly = yes(value),
                "panel" => mode.only_panel = Panel::from_code(value),
                "lang" => mode.lang = Lang::from_code(value),
                _ => {}
            }
        }
        mode
    }
}

/// What the page tells the learner at the top until they dismiss it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The saved stack could not be read; it was kept under `backup_key`.
    SavedUnreadable {
        /// Where the unreadable text now is (`None`: it could not even be copied).
        backup_key: Option<String>,
        /// Why it could not be read.
        error: LoadError,
    },
    /// The link in the address could not be opened.
    LinkBroken(LinkError),
    /// The browser refuses to save (private mode, full storage): work is not kept.
    CannotSave,
    /// A share link would be too long.
    ShareTooLong(LinkError),
    /// The project zip could not be made or offered (the reason, if known).
    ExportFailed(String),
    /// The diagram could not be made into a file (the browser's reason, if known).
    ImageFailed(String),
    /// A file picked or dropped could not be read: its name, and the size past which that
    /// reader refuses a file (in bytes: 2 MiB for `main.py`, 512 KiB for a lab file).
    ImportFailed {
        /// The file's name, as the browser gives it.
        name: String,
        /// The reader's size limit (bytes).
        limit_bytes: u32,
    },
    /// The code editor or the reader could not be loaded (the file that failed).
    ModuleFailed(String),
    /// A lab file the learner opened could not be read (its name, and why).
    LabFileBad(String, LabError),
    /// A lab step's template could not be applied.
    LabTemplateFailed(LabError),
    /// A fix could not be applied.
    FixFailed(FixError),
    /// The stack is larger than the page edits smoothly (its number of resources).
    LargeStack(usize),
    /// The diagram is too large for a readable PNG (its size in CSS pixels).
    ImageTooLarge {
        /// Width of the drawing.
        width: u32,
        /// Height of the drawing.
        height: u32,
    },
}

/// Above this many resources the page says that it slows down: measured in headless
/// Chromium (BENCHMARKS.md), a stack of 1,000 resources opens in about 1 s with 25 ms
/// keystrokes, one of 10,000 in 5 to 6 s with keystrokes of 0.4 to 0.6 s and 2.5 s from an
/// edit to the JSON.
pub const LARGE_STACK: usize = 2_000;

/// Why the stack was replaced, for the undo notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replacement {
    /// An example was loaded.
    Example(Example),
    /// A resource was removed (its construct id is in the undo's old stack).
    Removed(usize),
    /// A lab was started: the stack is the lab's empty one.
    LabStarted,
    /// A lab step's template was applied (the step's title).
    Template(Text),
    /// A fix was applied (what it changed).
    Fixed(Text),
}

/// What the share box shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShareBox {
    /// Closed.
    #[default]
    Closed,
    /// Open; `copied` says whether the clipboard took the link (`None`: not known yet).
    Open {
        /// The clipboard's answer.
        copied: Option<bool>,
    },
}

/// Where the learner's code stands against the stack the page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeStatus {
    /// The code reads to the stack shown.
    InStep,
    /// The code has not been read yet: the reader is loading.
    Unread,
    /// The code does not read (an error in it): the stack is the last one that did.
    DoesNotRead,
    /// A form edit waits for the reader to be carried into the code.
    EditPending,
    /// A form edit could not be carried into the code (why); the code is as the learner
    /// left it, and the stack has the edit.
    NotPlaced(Text),
}

/// The learner's own `main.py` (and `user_data.py`): what they typed, pasted or imported.
/// While there is none, the `main.py` panel shows the code written from the stack.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnerCode {
    /// `main.py`.
    pub main_py: Rc<String>,
    /// `user_data.py`, when the project has one.
    pub user_data_py: Option<Rc<String>>,
    /// Where the code stands against the stack.
    pub status: CodeStatus,
    /// The reader's findings on this text (empty until it is read).
    pub diagnostics: Rc<Vec<ReplyDiagnostic>>,
}

impl LearnerCode {
    /// New text, not read yet.
    pub fn new(main_py: String, user_data_py: Option<String>) -> LearnerCode {
        LearnerCode {
            main_py: Rc::new(main_py),
            user_data_py: user_data_py.map(Rc::new),
            status: CodeStatus::Unread,
            diagnostics: Rc::default(),
        }
    }

    /// `user_data.py`, if any, as text.
    pub fn user_data(&self) -> Option<&str> {
        self.user_data_py.as_deref().map(String::as_str)
    }

    /// The errors among the findings.
    pub fn errors(&self) -> impl Iterator<Item = &ReplyDiagnostic> {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error)
    }
}

/// The code as saved in the browser (`localStorage`, beside the stack document): the core's
/// [`saved::SavedCode`] (where the parse of the saved value is fuzzed), with what the page
/// saves of its [`LearnerCode`] and restores from it. Saved as the core's JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct SavedCode(pub saved::SavedCode);

impl SavedCode {
    /// What to save of `code`.
    pub fn of(code: &LearnerCode) -> SavedCode {
        SavedCode(saved::SavedCode {
            main_py: code.main_py.to_string(),
            user_data_py: code.user_data_py.as_ref().map(|t| t.to_string()),
            in_step: !matches!(code.status, CodeStatus::NotPlaced(_)),
        })
    }

    /// The code it holds, not read yet (or kept apart from the stack when it was not in step).
    pub fn restore(self) -> LearnerCode {
        let mut code = LearnerCode::new(self.0.main_py, self.0.user_data_py);
        if !self.0.in_step {
            code.status = CodeStatus::NotPlaced(Text::new(
                "une modification faite dans le formulaire n'avait pas pu être reportée dans le code",
                "an edit made in the form could not be carried into the code",
            ));
        }
        code
    }
}

/// The whole state of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Playground {
    /// The stack being edited.
    pub stack: Rc<Stack>,
    /// The page's language.
    pub lang: Lang,
    /// Light, dark or the system's.
    pub theme: Theme,
    /// The panel shown when panels are tabs.
    pub panel: Panel,
    /// What the editor side shows.
    pub workbench: Workbench,
    /// Embed, read-only, forced panel.
    pub mode: Mode,
    /// Notices shown at the top.
    pub notices: Vec<Notice>,
    /// The learner's own code, when they wrote or imported some (`None`: the code shown is
    /// written from the stack).
    pub code: Option<LearnerCode>,
    /// The learner's saved work (stack, code and lab), held aside while a shared stack is
    /// shown: until they keep the shared stack or restore their work, nothing is saved.
    pub aside: Option<(Rc<Stack>, Option<LearnerCode>, ActiveLab)>,
    /// The stack (and code) before the last replacement, to undo it.
    pub undo: Option<(Rc<Stack>, Replacement, Option<LearnerCode>)>,
    /// The share box.
    pub share: ShareBox,
    /// Counts edits; a resource card keyed by it is rebuilt when the stack is replaced.
    pub generation: u64,
    /// The resource picked in the diagram (its index), shown selected in both the diagram
    /// and the editor.
    pub selected: Option<usize>,
    /// The lab the learner follows (the course's unless they opened another).
    pub lab: ActiveLab,
    /// The stack the learner marked deployed (kept in the page), for the deploy preview.
    pub deployed: Option<Rc<Stack>>,
}

/// One change to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Replace the resource at an index with an edited one.
    EditResource(usize, Box<Resource>),
    /// Rename the stack (its id, also the project folder's name).
    SetStackName(String),
    /// Rename the Python class of the stack.
    SetClassName(String),
    /// Add a resource of a kind at the end.
    AddResource(ResourceKind),
    /// Remove the resource at an index (undoable).
    RemoveResource(usize),
    /// Insert a copy of the resource at an index right after it.
    DuplicateResource(usize),
    /// Move the resource at an index one place up (`-1`) or down (`1`).
    MoveResource(usize, isize),
    /// Load an example (undoable).
    LoadExample(Example),
    /// Go back to the stack before the last replacement.
    Undo,
    /// Forget the undo.
    DismissUndo,
    /// Keep the shared stack shown: it becomes the learner's work.
    KeepShared,
    /// Drop the shared stack and go back to the learner's saved work.
    RestoreSaved,
    /// Change the language.
    SetLang(Lang),
    /// Change the theme.
    SetTheme(Theme),
    /// Show a panel.
    SelectPanel(Panel),
    /// Show the code or the forms on the editor side.
    ShowWorkbench(Workbench),
    /// Add a notice (once).
    Notify(Notice),
    /// Remove the notice at an index.
    DismissNotice(usize),
    /// Open the share box (after the link was made and offered to the clipboard).
    OpenShare,
    /// The clipboard's answer to the share link.
    ShareCopied(bool),
    /// Close the share box.
    CloseShare,
    /// Select the resource at an index (from the diagram), or nothing.
    Select(Option<usize>),
    /// The learner's code changed (typed, pasted, imported): read it, and when it reads,
    /// it becomes the stack.
    SetCode {
        /// `main.py`.
        main_py: String,
        /// `user_data.py`, if the project has one.
        user_data_py: Option<String>,
    },
    /// Drop the learner's code: the code shown is written from the stack again.
    RegenerateCode,
    /// The reader has loaded: do what waited for it.
    ReaderReady,
    /// Start a lab from its empty stack (undoable), showing its panel.
    StartLab(Rc<Lab>),
    /// Follow another lab (a file the learner opened), on the stack as it is.
    OpenLab(Rc<Lab>),
    /// Apply a lab step's template (its id), undoable.
    ApplyStepTemplate(String),
    /// Tick (or untick) a commands step by hand.
    TickStep(String, bool),
    /// Apply the fix of a finding, undoable.
    ApplyFix {
        /// The finding's code.
        code: String,
        /// The finding's path.
        path: String,
        /// What the learner typed for the fix (an address).
        params: FixParams,
    },
    /// Mark the stack as it is now as deployed.
    MarkDeployed,
    /// Forget the stack marked deployed.
    ForgetDeployed,
}

impl Playground {
    /// The share link's fragment: the stack, and the learner's code when they have some.
    ///
    /// Errors: [`LinkError::TooLong`] when it would not fit in a link.
    pub fn share_fragment(&self) -> Result<String, LinkError> {
        let lab = (!self.lab.is_default()).then(|| self.lab.progress());
        share::encode_with(
            &self.stack,
            self.code.as_ref().map(|c| (c.main_py.as_str(), c.user_data())),
            lab.as_ref(),
        )
    }

    /// The learner's code to put in the project zip: theirs when it describes the stack
    /// (`None`: the zip's code is written from the stack).
    pub fn code_for_export(&self) -> Option<(&str, Option<&str>)> {
        self.code
            .as_ref()
            .filter(|c| c.status == CodeStatus::InStep)
            .map(|c| (c.main_py.as_str(), c.user_data()))
    }

    /// True when edits are refused.
    pub fn readonly(&self) -> bool {
        self.mode.readonly
    }

    /// True when the stack must not be written to storage now: embedded, or a shared
    /// stack shown while the learner's work is held aside.
    pub fn autosave_suspended(&self) -> bool {
        self.mode.embed || self.aside.is_some()
    }

    fn edit(&mut self, f: impl FnOnce(&mut Stack)) {
        if self.readonly() {
            return;
        }
        let before = self.stack.clone();
        f(Rc::make_mut(&mut self.stack));
        if self.stack != before {
            self.place_edit();
        }
    }

    fn replace(&mut self, stack: Stack, why: Replacement) {
        if self.readonly() {
            return;
        }
        let old = std::mem::replace(&mut self.stack, Rc::new(stack));
        let new_stack = matches!(why, Replacement::Example(_) | Replacement::LabStarted);
        self.undo = Some((old, why, self.code.clone()));
        self.generation += 1;
        self.selected = None;
        if new_stack {
            // A new stack: the code shown is its own.
            self.code = None;
        } else {
            self.place_edit();
        }
        self.note_size();
    }

    /// Carries the stack, just edited in the forms, into the learner's code (if they have
    /// some): only what changed is rewritten; when that cannot be done, the code is kept
    /// as it is and says so.
    fn place_edit(&mut self) {
        let document = save_stack(&self.stack);
        let Some(code) = &mut self.code else {
            return;
        };
        match code_modules::edit(&code.main_py, code.user_data(), &document) {
            None => code.status = CodeStatus::EditPending,
            Some(EditReply::Placed(text)) => {
                if *code.main_py != text {
                    code.main_py = Rc::new(text);
                }
                code.status = CodeStatus::InStep;
                code.diagnostics = Rc::default();
                // The findings of the new text (warnings, mostly).
                if let Some(reply) = code_modules::read(&code.main_py, code.user_data()) {
                    code.diagnostics = Rc::new(reply.diagnostics);
                }
            }
            Some(EditReply::NotPlaced(why)) => code.status = CodeStatus::NotPlaced(why),
        }
    }

    /// Says so once when the stack has more resources than the page edits smoothly
    /// ([`LARGE_STACK`]); forgets the notice when it no longer has.
    fn note_size(&mut self) {
        let n = self.stack.resources.len();
        self.notices.retain(|x| !matches!(x, Notice::LargeStack(_)));
        if n > LARGE_STACK {
            self.notices.push(Notice::LargeStack(n));
        }
    }

    fn notify(&mut self, notice: Notice) {
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
        }
    }

    /// Reads the learner's code; when it reads, its stack becomes the stack shown.
    fn read_code(&mut self) {
        let Some(code) = &mut self.code else {
            return;
        };
        let Some(reply) = code_modules::read(&code.main_py, code.user_data()) else {
            code.status = CodeStatus::Unread;
            return;
        };
        code.diagnostics = Rc::new(reply.diagnostics);
        match reply.document.as_deref().map(load_stack) {
            Some(Ok(stack)) => {
                code.status = CodeStatus::InStep;
                if stack != *self.stack {
                    self.stack = Rc::new(stack);
                    self.selected = self.selected.filter(|i| *i < self.stack.resources.len());
                    self.note_size();
                }
            }
            _ => code.status = CodeStatus::DoesNotRead,
        }
    }
}

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::EditResource(i, resource) => next.edit(|s| {
                let Some(old_id) = s.resources.get(i).map(|r| r.id().to_owned()) else {
                    return;
                };
                let new_id = resource.id().to_owned();
                if let Some(slot) = s.resources.get_mut(i) {
                    *slot = *resource;
                }
                // A renamed construct takes its references along, as an editor's rename
                // does; not when either name is another resource's (that would move
                // references that are not its own).
                let taken = |id: &str| s.resources.iter().enumerate().any(|(j, r)| j != i && r.id() == id);
                if old_id != new_id && !old_id.is_empty() && !new_id.is_empty() && !taken(&old_id) && !taken(&new_id) {
                    s.rename_references(&old_id, &new_id);
                }
            }),
            Action::SetStackName(name) => next.edit(|s| s.name = name),
            Action::SetClassName(name) => next.edit(|s| s.class_name = name),
            Action::AddResource(kind) => {
                next.workbench = Workbench::Forms;
                next.edit(|s| {
                    let resource = templates::new_resource(kind, s);
                    s.resources.push(resource);
                });
                // The new resource is the one the learner works on: its card opens, selected.
                if !next.readonly() {
                    next.selected = next.stack.resources.len().checked_sub(1);
                }
            }
            Action::RemoveResource(i) => {
                if i < next.stack.resources.len() {
                    let mut stack = (*next.stack).clone();
                    stack.resources.remove(i);
                    next.replace(stack, Replacement::Removed(i));
                }
            }
            Action::DuplicateResource(i) => {
                if i < next.stack.resources.len() && !next.readonly() {
                    next.edit(|s| {
                        if let Some(original) = s.resources.get(i) {
                            let copy = templates::duplicate(original, s);
                            s.resources.insert(i + 1, copy);
                        }
                    });
                    // The resources after the copy move down one place.
                    next.selected = next.selected.map(|s| if s > i { s + 1 } else { s });
                }
            }
            Action::MoveResource(i, delta) => {
                let len = next.stack.resources.len();
                let target = i.checked_add_signed(delta).filter(|t| *t < len);
                if let (Some(target), true) = (target, i < len) {
                    next.edit(|s| s.resources.swap(i, target));
                    // Cards are keyed by position: rebuild them so their drafts follow.
                    next.generation += 1;
                    // The selection follows its resource.
                    next.selected = next.selected.map(|s| match s {
                        s if s == i => target,
                        s if s == target => i,
                        s => s,
                    });
                }
            }
            Action::LoadExample(example) => next.replace(example.stack(), Replacement::Example(example)),
            Action::Undo => {
                if let Some((old, _, code)) = next.undo.take() {
                    if !next.readonly() {
                        next.stack = old;
                        next.code = code;
                        next.generation += 1;
                        next.selected = None;
                        next.note_size();
                    }
                }
            }
            Action::DismissUndo => next.undo = None,
            Action::KeepShared => next.aside = None,
            Action::RestoreSaved => {
                if let Some((saved, code, lab)) = next.aside.take() {
                    next.stack = saved;
                    next.code = code;
                    next.lab = lab;
                    next.note_size();
                    next.generation += 1;
                    next.selected = None;
                }
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::SetTheme(theme) => next.theme = theme,
            Action::SelectPanel(panel) => next.panel = panel,
            Action::ShowWorkbench(view) => next.workbench = view,
            Action::Notify(notice) => next.notify(notice),
            Action::DismissNotice(i) => {
                if i < next.notices.len() {
                    next.notices.remove(i);
                }
            }
            Action::OpenShare => next.share = ShareBox::Open { copied: None },
            Action::ShareCopied(ok) => {
                if let ShareBox::Open { .. } = next.share {
                    next.share = ShareBox::Open { copied: Some(ok) };
                }
            }
            Action::CloseShare => next.share = ShareBox::Closed,
            Action::Select(selected) => {
                next.selected = selected.filter(|i| *i < next.stack.resources.len());
                // A resource picked (in the diagram, the checks) is shown in its form.
                if next.selected.is_some() {
                    next.workbench = Workbench::Forms;
                }
            }
            Action::SetCode { main_py, user_data_py } => {
                if !next.readonly() {
                    next.code = Some(LearnerCode::new(main_py, user_data_py));
                    next.read_code();
                }
            }
            Action::RegenerateCode => {
                if !next.readonly() {
                    next.code = None;
                }
            }
            Action::ReaderReady => match next.code.as_ref().map(|c| &c.status) {
                Some(CodeStatus::Unread) => next.read_code(),
                Some(CodeStatus::EditPending) => next.place_edit(),
                Some(CodeStatus::NotPlaced(_)) => {
                    // Only the findings: the stack has edits the code does not.
                    if let Some(code) = &mut next.code {
                        if let Some(reply) = code_modules::read(&code.main_py, code.user_data()) {
                            code.diagnostics = Rc::new(reply.diagnostics);
                        }
                    }
                }
                _ => {}
            },
            Action::StartLab(lab) => {
                if !next.readonly() {
                    let empty = lab.start_stack();
                    next.lab = ActiveLab::new((*lab).clone());
                    next.replace(empty, Replacement::LabStarted);
                    next.panel = Panel::Lab;
                }
            }
            Action::OpenLab(lab) => {
                next.lab = ActiveLab::new((*lab).clone());
                next.panel = Panel::Lab;
            }
            Action::ApplyStepTemplate(step) => {
                if !next.readonly() {
                    match apply_step_template(&next.lab.lab, &step, &next.stack) {
                        Ok(stack) => {
                            let title = next
                                .lab
                                .lab
                                .steps
                                .iter()
                                .find(|s| s.id == step)
                                .map(|s| s.title.clone())
                                .unwrap_or_else(|| Text::new(step.clone(), step.clone()));
                            next.replace(stack, Replacement::Template(title));
                        }
                        Err(e) => next.notify(Notice::LabTemplateFailed(e)),
                    }
                }
            }
            Action::TickStep(step, on) => {
                let ticked = &mut next.lab.ticked;
                ticked.retain(|s| *s != step);
                let is_commands = next
                    .lab
                    .lab
                    .steps
                    .iter()
                    .any(|s| s.id == step && !s.commands.is_empty());
                if on && is_commands {
                    next.lab.ticked.push(step);
                }
            }
            Action::ApplyFix { code, path, params } => {
                if !next.readonly() {
                    let description = ec2_playground_core::fix::findings(&next.stack)
                        .into_iter()
                        .find(|f| f.diagnostic.code == code && f.diagnostic.path == path)
                        .and_then(|f| f.fix)
                        .map(|f| f.description);
                    match apply_fix(&next.stack, &code, &path, &params) {
                        Ok(stack) => next.replace(
                            stack,
                            Replacement::Fixed(description.unwrap_or_else(|| Text::new(code.clone(), code.clone()))),
                        ),
                        Err(e) => next.notify(Notice::FixFailed(e)),
                    }
                }
            }
            Action::MarkDeployed => next.deployed = Some(next.stack.clone()),
            Action::ForgetDeployed => next.deployed = None,
        }
        Rc::new(next)
    }
}

/// What the page finds when it opens.
#[derive(Debug, Clone, Default)]
pub struct StartInput {
    /// `?embed=...` and friends.
    pub mode: Mode,
    /// The URL fragment, without `#`.
    pub fragment: String,
    /// The saved stack document, if any.
    pub saved: Option<String>,
    /// The saved code ([`SavedCode`] as JSON), if any.
    pub saved_code: Option<String>,
    /// The saved preferences (JSON), if any.
    pub prefs: Option<String>,
    /// The saved lab progress ([`LabProgress`] as JSON), if any.
    pub saved_lab: Option<String>,
    /// The stack marked deployed (a stack document), if any.
    pub saved_deployed: Option<String>,
    /// The browser's languages, preferred first (`navigator.languages`).
    pub browser_langs: Vec<String>,
}

/// What the page does when it opens: the first state, and what to write back.
#[derive(Debug, Clone)]
pub struct Start {
    /// The first state.
    pub state: Playground,
    /// An unreadable saved value to keep under a backup key before anything is saved.
    pub backup: Option<String>,
    /// Remove the fragment from the address (its stack is saved, or it was broken).
    pub clear_fragment: bool,
}

/// Decides the first state from what the page finds. Never loses work: an unreadable
/// saved value is handed back to be kept; a shared stack never replaces saved work
/// without the learner's word.
pub fn start(input: StartInput) -> Start {
    let prefs: Prefs = input
        .prefs
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok())
        .unwrap_or_default();
    let browser_lang = input.browser_langs.iter().find_map(|l| Lang::from_code(l));
    let lang = input.mode.lang.or(prefs.lang).or(browser_lang).unwrap_or(Lang::Fr);
    let mut notices = Vec::new();
    let mut backup = None;

    // The learner's own work (never read when embedded: a course page shows its own stack).
    // Their code goes with their stack: it is read only when the stack is.
    let saved_code = || {
        input
            .saved_code
            .as_deref()
            .and_then(saved::SavedCode::parse)
            .map(|code| SavedCode(code).restore())
    };
    let saved: Option<(Stack, Option<LearnerCode>)> = match (&input.saved, input.mode.embed) {
        (Some(text), false) => match load_stack(text) {
            Ok(stack) => Some((stack, saved_code())),
            Err(error) => {
                backup = Some(text.clone());
                notices.push(Notice::SavedUnreadable {
                    backup_key: None,
                    error,
                });
                None
            }
        },
        _ => None,
    };

    let fragment = input.fragment.trim_start_matches('#');
    let shared = if fragment.is_empty() {
        None
    } else {
        match share::decode(fragment) {
            Ok(stack) => Some(stack),
            Err(e) => {
                notices.push(Notice::LinkBroken(e));
                None
            }
        }
    };

    // The lab goes with the stack it was followed on: the saved one with the saved stack,
    // a link's with the link's (a link without one: the course's, or the saved progress
    // when the link holds the learner's own work).
    let saved_lab = || {
        input
            .saved_lab
            .as_deref()
            .and_then(LabProgress::parse)
            .and_then(ActiveLab::restore)
            .unwrap_or_default()
    };
    let shared = shared.map(|Shared { stack, code, lab }| {
        let code = code.map(|(main_py, user_data_py)| LearnerCode::new(main_py, user_data_py));
        (stack, code, lab.and_then(ActiveLab::restore))
    });
    let saved = saved.map(|(stack, code)| (stack, code, saved_lab()));
    let same = |a: &(Stack, Option<LearnerCode>, Option<ActiveLab>), b: &(Stack, Option<LearnerCode>, ActiveLab)| {
        let text = |c: &Option<LearnerCode>| c.as_ref().map(|c| (c.main_py.clone(), c.user_data_py.clone()));
        a.0 == b.0 && text(&a.1) == text(&b.1) && a.2.as_ref().is_none_or(|lab| *lab == b.2)
    };
    let ((stack, code, lab), aside, clear_fragment) = match (shared, saved) {
        (Some(shared), Some(saved)) if !same(&shared, &saved) && !input.mode.embed => {
            let (stack, code, lab) = shared;
            (
                (stack, code, lab.unwrap_or_default()),
                Some((Rc::new(saved.0), saved.1, saved.2)),
                false,
            )
        }
        (Some((stack, code, lab)), saved) => {
            let lab = lab.or(saved.map(|s| s.2)).unwrap_or_default();
            ((stack, code, lab), None, !input.mode.embed)
        }
        (None, Some(saved)) => (saved, None, !fragment.is_empty() && !input.mode.embed),
        (None, None) => (
            (Example::Lab.stack(), None, ActiveLab::default()),
            None,
            !fragment.is_empty() && !input.mode.embed,
        ),
    };
    let deployed = input
        .saved_deployed
        .as_deref()
        .filter(|_| !input.mode.embed)
        .and_then(|text| load_stack(text).ok())
        .map(Rc::new);

    let mut state = Playground {
        stack: Rc::new(stack),
        lang,
        theme: prefs.theme,
        panel: input.mode.only_panel.unwrap_or_default(),
        workbench: Workbench::default(),
        mode: input.mode,
        notices,
        code,
        aside,
        undo: None,
        share: ShareBox::Closed,
        generation: 0,
        selected: None,
        lab,
        deployed,
    };
    state.note_size();
    Start {
        state,
        backup,
        clear_fragment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ec2_playground_core::save_stack;

    fn lab() -> Stack {
        Example::Lab.stack()
    }

    #[test]
    fn opens_on_the_lab_in_french() {
        let s = start(StartInput::default());
        assert_eq!(*s.state.stack, lab());
        assert_eq!(s.state.lang, Lang::Fr);
        assert!(s.state.notices.is_empty());
        assert!(s.backup.is_none());
    }

    #[test]
    fn browser_language_then_saved_choice_then_page() {
        let input = |prefs: Option<&str>, query: Option<Lang>| StartInput {
            browser_langs: vec!["de-DE".into(), "en-GB".into()],
            prefs: prefs.map(str::to_owned),
            mode: Mode {
                lang: query,
                ..Mode::default()
            },
            ..StartInput::default()
        };
        assert_eq!(start(input(None, None)).state.lang, Lang::En);
        assert_eq!(start(input(Some(r#"{"lang":"fr"}"#), None)).state.lang, Lang::Fr);
        assert_eq!(
            start(input(Some(r#"{"lang":"fr"}"#), Some(Lang::En))).state.lang,
            Lang::En
        );
        assert_eq!(start(input(Some("garbage"), None)).state.lang, Lang::En);
    }

    #[test]
    fn unreadable_saved_work_is_handed_back_and_the_lab_opens() {
        let s = start(StartInput {
            saved: Some("{\"version\": 1, \"name\": ".into()),
            ..StartInput::default()
        });
        assert_eq!(s.backup.as_deref(), Some("{\"version\": 1, \"name\": "));
        assert_eq!(*s.state.stack, lab());
        assert!(matches!(s.state.notices[..], [Notice::SavedUnreadable { .. }]));
    }

    #[test]
    fn saved_work_opens() {
        let mut mine = lab();
        mine.name = "mine".into();
        let s = start(StartInput {
            saved: Some(save_stack(&mine)),
            ..StartInput::default()
        });
        assert_eq!(*s.state.stack, mine);
        assert!(s.state.aside.is_none());
    }

    #[test]
    fn a_link_never_silently_replaces_saved_work() {
        let mut mine = lab();
        mine.name = "mine".into();
        let shared = Example::TwoAzs.stack();
        let s = start(StartInput {
            saved: Some(save_stack(&mine)),
            fragment: share::encode(&shared).expect("fits"),
            ..StartInput::default()
        });
        assert_eq!(*s.state.stack, shared);
        assert_eq!(s.state.aside.as_ref().map(|(stack, _, _)| &**stack), Some(&mine));
        assert!(s.state.autosave_suspended());
        assert!(!s.clear_fragment);

        let restored = Rc::new(s.state.clone()).reduce(Action::RestoreSaved);
        assert_eq!(*restored.stack, mine);
        assert!(!restored.autosave_suspended());

        let kept = Rc::new(s.state).reduce(Action::KeepShared);
        assert_eq!(*kept.stack, shared);
        assert!(!kept.autosave_suspended());
    }

    #[test]
    fn a_link_without_saved_work_just_opens() {
        let shared = Example::Database.stack();
        let s = start(StartInput {
            fragment: format!("#{}", share::encode(&shared).expect("fits")),
            ..StartInput::default()
        });
        assert_eq!(*s.state.stack, shared);
        assert!(s.state.aside.is_none());
        assert!(s.clear_fragment);
    }

    #[test]
    fn a_broken_link_says_so_and_keeps_saved_work() {
        let mut mine = lab();
        mine.name = "mine".into();
        let s = start(StartInput {
            saved: Some(save_stack(&mine)),
            fragment: "s1.AAAA".into(),
            ..StartInput::default()
        });
        assert_eq!(*s.state.stack, mine);
        assert!(matches!(s.state.notices[..], [Notice::LinkBroken(LinkError::Corrupt)]));
    }

    #[test]
    fn embed_reads_no_saved_work_and_never_saves() {
        let s = start(StartInput {
            mode: Mode::from_query([("embed", "1"), ("panel", "python"), ("readonly", "1"), ("lang", "en")]),
            saved: Some("not even json".into()),
            ..StartInput::default()
        });
        assert!(s.backup.is_none());
        assert_eq!(s.state.panel, Panel::Python);
        assert_eq!(s.state.lang, Lang::En);
        assert!(s.state.autosave_suspended());
        let after = Rc::new(s.state.clone()).reduce(Action::RemoveResource(0));
        assert_eq!(after.stack, s.state.stack, "read-only");
    }

    #[test]
    fn edits_add_remove_duplicate_move_and_undo() {
        let s = Rc::new(start(StartInput::default()).state);
        let n = s.stack.resources.len();
        let s = s.reduce(Action::AddResource(ResourceKind::SecurityGroup));
        assert_eq!(s.stack.resources.len(), n + 1);
        let added = s.stack.resources[n].id().to_owned();
        assert!(s.stack.resources[..n].iter().all(|r| r.id() != added));
        let s = s.reduce(Action::DuplicateResource(2));
        assert_eq!(s.stack.resources.len(), n + 2);
        assert_ne!(s.stack.resources[2].id(), s.stack.resources[3].id());
        let s = s.reduce(Action::MoveResource(0, -1));
        assert_eq!(s.stack.resources[0].kind(), ResourceKind::AwsProvider);
        let s = s.reduce(Action::MoveResource(0, 1));
        assert_eq!(s.stack.resources[1].kind(), ResourceKind::AwsProvider);
        let before = s.stack.clone();
        let s = s.reduce(Action::RemoveResource(1));
        assert_eq!(s.stack.resources.len(), n + 1);
        let s = s.reduce(Action::Undo);
        assert_eq!(s.stack, before);
        let s = s.reduce(Action::LoadExample(Example::Empty));
        assert_eq!(*s.stack, Example::Empty.stack());
        let s = s.reduce(Action::Undo);
        assert_eq!(s.stack, before);
        let s = s.reduce(Action::Select(Some(1)));
        assert_eq!(s.selected, Some(1));
        let s = s.reduce(Action::MoveResource(1, 1));
        assert_eq!(s.selected, Some(2), "the selection follows its resource");
        let s = s.reduce(Action::Select(Some(999)));
        assert_eq!(s.selected, None, "no resource there");
        let s = s.reduce(Action::Select(Some(0)));
        let s = s.reduce(Action::LoadExample(Example::Empty));
        assert_eq!(s.selected, None, "a new stack, nothing selected");
        let s = s.reduce(Action::Undo);
        let before = s.stack.clone();
        let s = s.reduce(Action::EditResource(
            99,
            Box::new(Resource::KeyPair(Default::default())),
        ));
        assert_eq!(s.stack, before);
    }

    fn lab_code() -> String {
        format!("# Mon lab\n{}", ec2_playground_core::python_files(&lab()).main_py)
    }

    #[test]
    fn code_that_reads_becomes_the_stack_and_code_that_does_not_keeps_the_last() {
        let s = Rc::new(start(StartInput::default()).state);
        let code = lab_code().replace("from_port=22", "from_port=2222");
        let s = s.reduce(Action::SetCode {
            main_py: code.clone(),
            user_data_py: None,
        });
        let status = s.code.as_ref().map(|c| c.status.clone());
        assert_eq!(status, Some(CodeStatus::InStep));
        let port = |s: &Playground| {
            s.stack.resources.iter().find_map(|r| match r {
                Resource::SecurityGroup(sg) => sg.ingress.as_ref().and_then(|i| i.first()).and_then(|r| r.from_port),
                _ => None,
            })
        };
        assert_eq!(port(&s), Some(2222.into()));
        let good = s.stack.clone();
        let s = s.reduce(Action::SetCode {
            main_py: code.replace("from_port=2222", "from_port=)"),
            user_data_py: None,
        });
        let c = s.code.as_ref().expect("code");
        assert_eq!(c.status, CodeStatus::DoesNotRead);
        assert_eq!(c.errors().next().map(|d| d.code.as_str()), Some("py-syntax"));
        assert_eq!(s.stack, good, "the last stack that read stays");
    }

    #[test]
    fn a_form_edit_lands_in_the_code_and_keeps_the_comment() {
        let s = Rc::new(start(StartInput::default()).state);
        let s = s.reduce(Action::SetCode {
            main_py: lab_code(),
            user_data_py: None,
        });
        let i = s
            .stack
            .resources
            .iter()
            .position(|r| r.kind() == ResourceKind::SecurityGroup)
            .expect("the lab has a security group");
        let mut sg = s.stack.resources[i].clone();
        if let Resource::SecurityGroup(g) = &mut sg {
            g.description = Some("Autre description".into());
        }
        let s = s.reduce(Action::EditResource(i, Box::new(sg)));
        let c = s.code.as_ref().expect("code");
        assert_eq!(c.status, CodeStatus::InStep);
        assert!(c.main_py.starts_with("# Mon lab\n"), "{}", c.main_py);
        assert!(c.main_py.contains("description=\"Autre description\""), "{}", c.main_py);
        // Loading an example drops the code; undo brings it back.
        let s = s.reduce(Action::LoadExample(Example::Empty));
        assert!(s.code.is_none());
        let s = s.reduce(Action::Undo);
        assert!(s.code.as_ref().is_some_and(|c| c.main_py.contains("Autre description")));
        // Saved and restored.
        let saved = SavedCode::of(s.code.as_ref().expect("code"));
        let again = start(StartInput {
            saved: Some(save_stack(&s.stack)),
            saved_code: serde_json::to_string(&saved).ok(),
            ..StartInput::default()
        });
        assert_eq!(
            again.state.code.as_ref().map(|c| c.main_py.clone()),
            s.code.as_ref().map(|c| c.main_py.clone())
        );
        assert_eq!(*again.state.stack, *s.stack);
    }

    #[test]
    fn an_edit_that_cannot_be_placed_keeps_the_code_and_says_so() {
        let s = Rc::new(start(StartInput::default()).state);
        let broken = "x = )\n".to_owned();
        let s = s.reduce(Action::SetCode {
            main_py: broken.clone(),
            user_data_py: None,
        });
        let s = s.reduce(Action::SetStackName("autre".into()));
        let c = s.code.as_ref().expect("code");
        assert!(
            matches!(&c.status, CodeStatus::NotPlaced(why) if why.fr.contains("ne se lit pas")),
            "{:?}",
            c.status
        );
        assert_eq!(*c.main_py, broken, "the learner's text is untouched");
        assert_eq!(s.stack.name, "autre");
        assert!(
            s.code_for_export().is_none(),
            "the zip does not hold code that misses the edit"
        );
        let saved = SavedCode::of(c);
        assert!(!saved.0.in_step);
        let s = s.reduce(Action::RegenerateCode);
        assert!(s.code.is_none());
    }

    #[test]
    fn a_link_carries_the_code() {
        let s = Rc::new(start(StartInput::default()).state);
        let s = s.reduce(Action::SetCode {
            main_py: lab_code(),
            user_data_py: None,
        });
        let fragment = s.share_fragment().expect("fits");
        let opened = start(StartInput {
            fragment,
            ..StartInput::default()
        });
        assert_eq!(
            opened.state.code.as_ref().map(|c| c.main_py.to_string()),
            Some(lab_code())
        );
    }

    #[test]
    fn renaming_a_construct_renames_its_references() {
        // The construct ids every reference of the stack names.
        let refs = |s: &Playground| -> Vec<String> {
            s.stack
                .resources
                .iter()
                .flat_map(|r| {
                    r.references()
                        .into_iter()
                        .map(|(_, x)| x.resource.clone())
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        let count = |s: &Playground, id: &str| refs(s).iter().filter(|r| *r == id).count();
        let s = Rc::new(start(StartInput::default()).state);
        let i = s
            .stack
            .resources
            .iter()
            .position(|r| r.id() == "data")
            .expect("the lab's volume");
        let mut volume = s.stack.resources[i].clone();
        volume.set_id("disk");
        let s = s.reduce(Action::EditResource(i, Box::new(volume)));
        assert!(count(&s, "disk") >= 1, "{:?}", refs(&s));
        assert_eq!(count(&s, "data"), 0, "{:?}", refs(&s));
        // Onto another resource's name: references stay where they were.
        let mut volume = s.stack.resources[i].clone();
        volume.set_id("web");
        let s = s.reduce(Action::EditResource(i, Box::new(volume)));
        assert_eq!(count(&s, "disk"), 1, "the attachment still names disk");
        assert!(count(&s, "web") >= 1, "the instance's references are its own");
    }
    #[test]
    fn the_lab_from_its_empty_stack_by_its_templates_reaches_the_course_lab() {
        let s = Rc::new(start(StartInput::default()).state);
        let course = s.lab.lab.clone();
        let s = s.reduce(Action::StartLab(course.clone()));
        assert!(s.stack.resources.is_empty());
        assert_eq!(s.stack.name, "ec2-lab");
        assert_eq!(s.panel, Panel::Lab);
        let mut s = s;
        for step in course.steps.iter().filter(|st| st.template.is_some()) {
            s = s.reduce(Action::ApplyStepTemplate(step.id.clone()));
            assert!(s.notices.is_empty(), "{}: {:?}", step.id, s.notices);
        }
        assert_eq!(*s.stack, lab(), "the templates build the course's lab");
        // Each was an undoable edit.
        let before = s.stack.clone();
        let s = s.reduce(Action::Undo);
        assert_ne!(s.stack, before);
        // A template that no longer applies says why, and changes nothing.
        let s = s.reduce(Action::ApplyStepTemplate("provider".into()));
        assert!(matches!(
            s.notices[..],
            [Notice::LabTemplateFailed(LabError::AlreadyDone(_))]
        ));
    }

    #[test]
    fn lab_ticks_travel_with_the_stack_in_storage_and_links() {
        let s = Rc::new(start(StartInput::default()).state);
        let commands = s
            .lab
            .lab
            .steps
            .iter()
            .find(|st| !st.commands.is_empty())
            .map(|st| st.id.clone())
            .expect("a commands step");
        let s = s.reduce(Action::TickStep(commands.clone(), true));
        let s = s.reduce(Action::TickStep("provider".into(), true));
        assert_eq!(
            s.lab.ticked,
            vec![commands.clone()],
            "a stack step is ticked by the stack only"
        );
        let reloaded = start(StartInput {
            saved: Some(save_stack(&s.stack)),
            saved_lab: Some(s.lab.progress().to_json()),
            ..StartInput::default()
        });
        assert_eq!(reloaded.state.lab.ticked, vec![commands.clone()]);
        let opened = start(StartInput {
            fragment: s.share_fragment().expect("fits"),
            ..StartInput::default()
        });
        assert_eq!(opened.state.lab.ticked, vec![commands]);
        // Without ticks, the course's lab is not carried: the link stays a plain one.
        let plain = Rc::new(start(StartInput::default()).state);
        assert!(plain.share_fragment().expect("fits").starts_with("s1."));
    }

    #[test]
    fn a_fix_is_an_undoable_edit_and_deployed_is_kept() {
        let s = Rc::new(start(StartInput::default()).state);
        let finding = ec2_playground_core::fix::findings(&s.stack)
            .into_iter()
            .find(|f| f.fix.as_ref().is_some_and(|o| o.params.is_empty()))
            .expect("the lab has a one-click fix");
        let before = s.stack.clone();
        let s = s.reduce(Action::ApplyFix {
            code: finding.diagnostic.code.clone(),
            path: finding.diagnostic.path.clone(),
            params: FixParams::new(),
        });
        assert_ne!(s.stack, before);
        assert!(ec2_playground_core::fix::findings(&s.stack)
            .iter()
            .all(|f| f.diagnostic != finding.diagnostic));
        assert!(matches!(s.undo, Some((_, Replacement::Fixed(_), _))));
        let s = s.reduce(Action::Undo);
        assert_eq!(s.stack, before);
        let s = s.reduce(Action::MarkDeployed);
        assert_eq!(s.deployed.as_deref(), Some(&*before));
        let again = start(StartInput {
            saved_deployed: s.deployed.as_deref().map(save_stack),
            ..StartInput::default()
        });
        assert_eq!(again.state.deployed.as_deref(), Some(&*before));
        let s = s.reduce(Action::ForgetDeployed);
        assert!(s.deployed.is_none());
    }

    #[test]
    fn a_stack_past_the_smooth_size_says_so() {
        let mut big = lab();
        let volume = big
            .resources
            .iter()
            .find(|r| r.kind() == ResourceKind::EbsVolume)
            .cloned()
            .expect("the lab has a volume");
        for n in 0..LARGE_STACK {
            let mut v = volume.clone();
            v.set_id(format!("v{n}"));
            v.set_var(None);
            big.resources.push(v);
        }
        let s = start(StartInput {
            saved: Some(save_stack(&big)),
            ..StartInput::default()
        });
        let n = big.resources.len();
        assert!(
            s.state.notices.contains(&Notice::LargeStack(n)),
            "{:?}",
            s.state.notices
        );
        let s = Rc::new(s.state).reduce(Action::LoadExample(Example::Lab));
        assert!(!s.notices.iter().any(|x| matches!(x, Notice::LargeStack(_))));
        let s = s.reduce(Action::Undo);
        assert!(s.notices.contains(&Notice::LargeStack(n)));
    }
}
