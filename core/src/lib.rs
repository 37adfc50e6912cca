//! EC2 Playground core: the stack model of the course's cdktf EC2 stacks, and everything
//! computed from it.
//!
//! One entry point per job, shared by the web app, the CLI and the tests:
//! - [`load_stack`] / [`save_stack`]: the stack document (JSON, `"version": 1`);
//! - [`synth`]: the `cdk.tf.json` that cdktf 0.21.0 writes, byte for byte;
//! - [`check`]: the learner's mistakes, as [`Diagnostic`]s in French and English;
//! - [`findings`] / [`apply_fix`]: the same, with the one-click fix of each (module [`fix`]);
//! - [`diagram_svg`]: the diagram of the stack, as SVG text;
//! - [`main_py`] / [`export_zip`]: the Python the course writes, and the whole project;
//! - [`load_lab`] / [`lab_progress`] / [`apply_step_template`]: labs as data (module [`lab`]);
//! - [`main_tf`]: the same stack as the Terraform HCL a person would write;
//! - [`cdktn`]: the same project for CDK Terrain, cdktf's community continuation.
//!
//! Pure Rust: no browser crate; builds for x86_64 and wasm32-unknown-unknown.

pub mod attributes;
pub mod cdktn;
pub mod checks;
pub mod cost;
pub mod cost_prices;
pub mod deploy;
pub mod deploy_rules;
pub mod diagnostic;
pub mod diagram;
pub mod edit;
pub mod export;
pub mod fix;
pub mod hcl;
pub mod i18n;
pub mod lab;
pub mod load;
pub mod logical_id;
pub mod model;
pub mod number;
pub mod python;
pub mod quote;
pub mod read;
pub mod read_reply;
pub mod saved;
pub mod schema;
pub mod share;
pub mod synth;
pub mod value;

pub use checks::check;
pub use cost::{format_usd, monthly_cost, CostEstimate, CostLine};
pub use deploy::{deploy_preview, DeployPreview, DeployPreviewError, PlannedChange};
pub use diagnostic::{Diagnostic, Severity};
pub use diagram::diagram_svg;
pub use edit::{apply_edit, EditError};
pub use export::{
    export_project, export_project_as, export_zip, export_zip_as, with_learner_code, zip_project, ExportAsError,
    ExportError, Project, ProjectFile, ProjectKind,
};
pub use fix::{
    apply_all_fixes, apply_all_fixes_with, apply_fix, findings, AppliedFix, Finding, FixError, FixOffer, FixParams,
    FixRun,
};
pub use hcl::{main_tf, HclError};
pub use i18n::{Lang, Text};
pub use lab::{apply_step_template, lab_progress, load_lab, Lab, LabError, LabProgress, StepStatus};
pub use load::{load_stack, load_stack_bytes, save_stack, LoadError};
pub use model::*;
pub use number::JsNumber;
pub use python::{main_py, python_files, python_identifier, try_python_files, PythonFiles};
pub use read::{read_python, CodeDiagnostic, ReadOutcome};
pub use read_reply::{edit_reply, read_reply, EditReply, ReadReply, ReplyDiagnostic};
pub use synth::{synth, validate, SynthError, SynthOptions};
pub use value::{OutputValue, Reference, StrValue};
