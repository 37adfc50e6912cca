//! `ec2-playground`: the playground's core from the command line.
//!
//! Every command reads a stack document, or a project's `main.py` (with the `user_data.py`
//! beside it), and calls the same core function as the web app. A bad document, program or
//! stack exits with status 2 and the error (English, then French) on stderr.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use ec2_playground_core::{self as core, Lang, Stack, SynthOptions};

#[derive(Parser)]
#[command(
    name = "ec2-playground",
    version,
    about = "EC2 Playground: cdktf EC2 stacks, synthesized as cdktf 0.21.0 does"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the cdk.tf.json that `cdktf synth` would write for STACK.
    Synth {
        /// The stack document (JSON), or a main.py.
        stack: PathBuf,
        /// The directory cdktf runs in (written into the local backend's path);
        /// the current directory by default, as for cdktf.
        #[arg(long)]
        project_dir: Option<String>,
        /// Write to FILE instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write the whole cdktf project (main.py, cdktf.json, Pipfile, README...) as a zip.
    Export {
        /// The stack document (JSON), or a main.py.
        stack: PathBuf,
        /// The zip to write.
        #[arg(short, long)]
        output: PathBuf,
        /// `cdktf` (the course's project), `terraform` (main.tf and its README), `both`
        /// (the cdktf project with the Terraform one in `terraform/`, sharing its state) or
        /// `cdktn` (the same project for CDK Terrain).
        #[arg(long, value_enum, default_value_t = ExportFormat::Cdktf)]
        format: ExportFormat,
    },
    /// Print STACK as the Terraform main.tf a person would write (the plan of cdk.tf.json).
    Hcl {
        /// The stack document (JSON).
        stack: PathBuf,
        /// The directory of the cdktf project whose local state main.tf keeps using (as
        /// synth's --project-dir); by default the state is `terraform.<stack>.tfstate`
        /// beside main.tf.
        #[arg(long, default_value = ".")]
        project_dir: String,
        /// Write to FILE instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print the main.py the course would have the learner write for STACK.
    Python {
        /// The stack document (JSON), or a main.py.
        stack: PathBuf,
        /// Write to FILE instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write the diagram of STACK as SVG.
    Diagram {
        /// The stack document (JSON), or a main.py.
        stack: PathBuf,
        /// Write to FILE instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The language of the labels: fr or en.
        #[arg(long, default_value = "fr", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Read a project's main.py (and the user_data.py beside it) and print its stack document.
    Read {
        /// The program (main.py).
        main_py: PathBuf,
        /// Write to FILE instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Check STACK for what AWS or Terraform would refuse and what would surprise or expose
    /// the learner; exit status 1 when there is an error (see docs/checks.md).
    Check {
        /// The stack document (JSON), or a main.py.
        stack: PathBuf,
        /// `text` (one finding per paragraph) or `json` (an array of diagnostics).
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Language of the text output: `fr` or `en`.
        #[arg(long, default_value = "fr", value_parser = parse_lang)]
        lang: Lang,
    },
}

/// Which project `export` zips.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    Cdktf,
    Terraform,
    Both,
    Cdktn,
}

/// How `check` prints its findings.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum CheckFormat {
    Text,
    Json,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("unknown language {s:?}: fr or en"))
}

/// `check`: the findings as text or JSON, and whether any is an error.
fn run_check(stack: &Path, format: CheckFormat, lang: Lang) -> Result<bool, Failure> {
    let stack = read_stack(stack)?;
    let diagnostics = core::check(&stack);
    let has_error = diagnostics.iter().any(|d| d.severity == core::Severity::Error);
    let text = match format {
        CheckFormat::Json => {
            let mut json =
                serde_json::to_string_pretty(&diagnostics).map_err(|e| Failure::same(format!("json: {e}")))?;
            json.push('\n');
            json
        }
        CheckFormat::Text => check_text(&diagnostics, lang),
    };
    write_output(None, text.as_bytes())?;
    Ok(has_error)
}

fn check_text(diagnostics: &[core::Diagnostic], lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings, infos) = (
        count(core::Severity::Error),
        count(core::Severity::Warning),
        count(core::Severity::Info),
    );
    for d in diagnostics {
        let severity = match (d.severity, lang) {
            (core::Severity::Error, Lang::Fr) => "erreur",
            (core::Severity::Warning, Lang::Fr) => "avertissement",
            (core::Severity::Info, Lang::Fr) => "info",
            (core::Severity::Error, Lang::En) => "error",
            (core::Severity::Warning, Lang::En) => "warning",
            (core::Severity::Info, Lang::En) => "info",
        };
        let checkov = d.checkov.as_deref().map(|c| format!(", {c}")).unwrap_or_default();
        let _ = writeln!(out, "{} [{}{checkov}] {severity}", d.path, d.code);
        let _ = writeln!(out, "  {}", d.message.get(lang));
        let _ = writeln!(out, "  → {}", d.hint.get(lang));
        out.push('\n');
    }
    let _ = match lang {
        Lang::Fr => writeln!(out, "{errors} erreur(s), {warnings} avertissement(s), {infos} info(s)"),
        Lang::En => writeln!(out, "{errors} error(s), {warnings} warning(s), {infos} info(s)"),
    };
    out
}

/// A failure to report: the message in English and in French.
struct Failure {
    en: String,
    fr: String,
}

impl Failure {
    fn same(text: String) -> Self {
        Failure {
            en: text.clone(),
            fr: text,
        }
    }
}

fn read_text(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure {
        en: format!("{}: cannot read: {e}", path.display()),
        fr: format!("{} : lecture impossible : {e}", path.display()),
    })
}

/// A stack from a stack document, or from a program when the file ends in `.py`.
fn read_stack(path: &Path) -> Result<Stack, Failure> {
    if path.extension().is_some_and(|e| e == "py") {
        return read_program(path);
    }
    let bytes = std::fs::read(path).map_err(|e| Failure {
        en: format!("{}: cannot read: {e}", path.display()),
        fr: format!("{} : lecture impossible : {e}", path.display()),
    })?;
    core::load_stack_bytes(&bytes).map_err(|e| Failure {
        en: format!("{}: {}", path.display(), e.message(Lang::En)),
        fr: format!("{} : {}", path.display(), e.message(Lang::Fr)),
    })
}

/// The stack of a `main.py`, read with the `user_data.py` of its folder when there is one;
/// the reader's warnings go to stderr, its errors make the failure.
fn read_program(path: &Path) -> Result<Stack, Failure> {
    read_program_files(path).map(|(stack, _)| stack)
}

/// [`read_program`], with the program's text (`main.py`, `user_data.py`).
fn read_program_files(path: &Path) -> Result<(Stack, (String, Option<String>)), Failure> {
    let main_py = read_text(path)?;
    let user_data_path = path.with_file_name("user_data.py");
    let user_data_py = if user_data_path.is_file() {
        Some(read_text(&user_data_path)?)
    } else {
        None
    };
    let outcome = core::read_python(&main_py, user_data_py.as_deref());
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    let located = |d: &core::CodeDiagnostic, lang: Lang| match dir {
        Some(dir) => format!("{}/{}", dir.display(), d.render(lang)),
        None => d.render(lang),
    };
    match outcome.stack {
        Some(stack) => {
            for d in &outcome.diagnostics {
                eprintln!("warning: {}", located(d, Lang::En));
                eprintln!("avertissement : {}", located(d, Lang::Fr));
            }
            Ok((stack, (main_py, user_data_py)))
        }
        None => {
            let errors: Vec<&core::CodeDiagnostic> = outcome
                .diagnostics
                .iter()
                .filter(|d| d.severity == core::Severity::Error)
                .collect();
            Err(Failure {
                en: errors
                    .iter()
                    .map(|d| located(d, Lang::En))
                    .collect::<Vec<_>>()
                    .join("\n"),
                fr: errors
                    .iter()
                    .map(|d| located(d, Lang::Fr))
                    .collect::<Vec<_>>()
                    .join("\n"),
            })
        }
    }
}

fn write_output(output: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match output {
        Some(path) => std::fs::write(path, bytes).map_err(|e| Failure {
            en: format!("{}: cannot write: {e}", path.display()),
            fr: format!("{} : écriture impossible : {e}", path.display()),
        }),
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|()| stdout.flush())
                .map_err(|e| Failure::same(format!("stdout: {e}")))
        }
    }
}

fn current_dir() -> String {
    std::env::current_dir()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| ".".to_owned())
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Synth {
            stack,
            project_dir,
            output,
        } => {
            let stack = read_stack(&stack)?;
            let options = SynthOptions::new(project_dir.unwrap_or_else(current_dir));
            let json = core::synth(&stack, &options).map_err(|e| Failure {
                en: e.to_string(),
                fr: e.message(Lang::Fr),
            })?;
            write_output(output.as_deref(), json.as_bytes()).map(|()| ExitCode::SUCCESS)
        }
        Command::Read { main_py, output } => {
            let stack = read_program(&main_py)?;
            write_output(output.as_deref(), core::save_stack(&stack).as_bytes()).map(|()| ExitCode::SUCCESS)
        }
        Command::Check { stack, format, lang } => {
            run_check(&stack, format, lang).map(|error| if error { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Export { stack, output, format } => {
            // From a main.py, the cdktf project holds that very text, comments and all.
            let (stack, code) = if stack.extension().is_some_and(|e| e == "py") {
                let (stack, code) = read_program_files(&stack)?;
                (stack, Some(code))
            } else {
                (read_stack(&stack)?, None)
            };
            let kind = match format {
                ExportFormat::Cdktf => core::ProjectKind::Cdktf,
                ExportFormat::Terraform => core::ProjectKind::Terraform,
                ExportFormat::Both => core::ProjectKind::Both,
                ExportFormat::Cdktn => core::ProjectKind::Cdktn,
            };
            // A synth error in synth's words, for every format (issue 13).
            let mut project = core::export_project_as(&stack, kind).map_err(|e| Failure {
                en: e.to_string(),
                fr: e.message(Lang::Fr),
            })?;
            if let (Some((main_py, user_data_py)), core::ProjectKind::Cdktf | core::ProjectKind::Both) = (&code, kind) {
                project = core::with_learner_code(project, main_py, user_data_py.as_deref());
            }
            let bytes = core::zip_project(&project).map_err(|e| Failure::same(e.to_string()))?;
            write_output(Some(&output), &bytes).map(|()| ExitCode::SUCCESS)
        }
        Command::Hcl {
            stack,
            project_dir,
            output,
        } => {
            let stack = read_stack(&stack)?;
            let hcl = core::main_tf(&stack, &SynthOptions::new(project_dir)).map_err(|e| Failure {
                en: e.to_string(),
                fr: e.message(Lang::Fr),
            })?;
            write_output(output.as_deref(), hcl.as_bytes()).map(|()| ExitCode::SUCCESS)
        }
        Command::Python { stack, output } => {
            let stack = read_stack(&stack)?;
            // What synth refuses, python refuses with the same words (issue 13).
            let main_py = core::main_py(&stack).map_err(|e| Failure {
                en: e.to_string(),
                fr: e.message(Lang::Fr),
            })?;
            write_output(output.as_deref(), main_py.as_bytes()).map(|()| ExitCode::SUCCESS)
        }
        Command::Diagram { stack, output, lang } => {
            let stack = read_stack(&stack)?;
            let svg = core::diagram_svg(&stack, &core::check(&stack), lang);
            write_output(output.as_deref(), svg.as_bytes()).map(|()| ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(f) => {
            eprintln!("error: {}", f.en);
            if f.fr != f.en {
                eprintln!("erreur : {}", f.fr);
            }
            ExitCode::from(2)
        }
    }
}
