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
        /// `text` (one finding per paragraph) or `json` (an array of findings, each with the
        /// fix offered for it, if any).
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Language of the text output: `fr` or `en`.
        #[arg(long, default_value = "fr", value_parser = parse_lang)]
        lang: Lang,
        /// Apply every fix that needs no parameter to the file (a main.py through the
        /// editor's edit, comments kept), print what changed, then check the result.
        #[arg(long)]
        fix: bool,
        /// With --fix: your public IP address or CIDR block (`203.0.113.7`,
        /// `203.0.113.0/24`); SSH and RDP rules open to the whole Internet are limited to it.
        #[arg(long, value_name = "ADDRESS", requires = "fix")]
        my_ip: Option<String>,
    },
    /// Print where STACK stands in the lab LAB (a lab file, see docs/labs.md): each step
    /// done or not, what is missing, and the commands with the stack's names.
    Lab {
        /// The lab file (JSON).
        lab: PathBuf,
        /// The stack document (JSON), or a main.py.
        stack: PathBuf,
        /// `text` or `json` (the steps' statuses).
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
    let findings = core::findings(&stack);
    let has_error = findings.iter().any(|f| f.diagnostic.severity == core::Severity::Error);
    let text = match format {
        CheckFormat::Json => {
            let mut json = serde_json::to_string_pretty(&findings).map_err(|e| Failure::same(format!("json: {e}")))?;
            json.push('\n');
            json
        }
        CheckFormat::Text => {
            let diagnostics: Vec<core::Diagnostic> = findings.into_iter().map(|f| f.diagnostic).collect();
            check_text(&diagnostics, lang)
        }
    };
    write_output(None, text.as_bytes())?;
    Ok(has_error)
}

/// `check --fix`: applies every fix that needs no parameter (and, with `my_ip`, the
/// restriction of SSH and RDP to that address) to the file and says what changed (on
/// stderr, so that stdout stays the check's output). A `main.py` is edited in place through
/// [`core::apply_edit`], which keeps the learner's comments and layout; a fix that edit
/// cannot write (a script that lives in `user_data.py`) is left out and said.
fn run_fix(path: &Path, my_ip: Option<&str>, lang: Lang) -> Result<(), Failure> {
    let is_py = path.extension().is_some_and(|e| e == "py");
    let (stack, code) = if is_py {
        let (stack, code) = read_program_files(path)?;
        (stack, Some(code))
    } else {
        (read_stack(path)?, None)
    };
    let mut params = core::FixParams::new();
    if let Some(ip) = my_ip {
        params.insert(core::fix::CIDR_PARAM.to_owned(), ip.to_owned());
    }
    let editable = |s: &Stack| match &code {
        Some((main_py, user_data_py)) => core::apply_edit(main_py, user_data_py.as_deref(), s).is_ok(),
        None => true,
    };
    let run = core::apply_all_fixes_with(&stack, &params, &editable).map_err(|e| Failure {
        en: format!("--my-ip: {}", e.message(Lang::En)),
        fr: format!("--my-ip : {}", e.message(Lang::Fr)),
    })?;
    let colon = match lang {
        Lang::Fr => " :",
        Lang::En => ":",
    };
    for a in &run.applied {
        eprintln!("{} [{}] {}{colon} {}", a.path, a.code, a.fix, a.description.get(lang));
    }
    for r in &run.refused {
        eprintln!(
            "{} [{}] {}{colon} {}",
            r.path,
            r.code,
            r.fix,
            match lang {
                Lang::Fr =>
                    "non appliquée : main.py ne peut pas recevoir ce changement (corrigez user_data.py à la main)",
                Lang::En => "not applied: main.py cannot take this change (fix user_data.py by hand)",
            }
        );
    }
    if run.applied.is_empty() {
        eprintln!(
            "{}",
            match (lang, my_ip.is_some()) {
                (Lang::Fr, false) => "aucune correction sans paramètre à appliquer",
                (Lang::En, false) => "no parameterless fix to apply",
                (Lang::Fr, true) => "aucune correction à appliquer",
                (Lang::En, true) => "no fix to apply",
            }
        );
        return Ok(());
    }
    let bytes = match code {
        Some((main_py, user_data_py)) => {
            core::apply_edit(&main_py, user_data_py.as_deref(), &run.stack).map_err(|e| Failure {
                en: format!("{}: {e}", path.display()),
                fr: format!("{} : {}", path.display(), e.message_fr()),
            })?
        }
        None => core::save_stack(&run.stack),
    };
    write_output(Some(path), bytes.as_bytes())?;
    eprintln!(
        "{}",
        match lang {
            Lang::Fr => format!("{} correction(s) écrite(s) dans {}", run.applied.len(), path.display()),
            Lang::En => format!("{} fix(es) written to {}", run.applied.len(), path.display()),
        }
    );
    Ok(())
}

/// `lab`: the statuses of the lab's steps on the stack, as text or JSON.
fn run_lab(lab: &Path, stack: &Path, format: CheckFormat, lang: Lang) -> Result<(), Failure> {
    use std::fmt::Write as _;
    let text = read_text(lab)?;
    let lab = core::load_lab(&text).map_err(|e| Failure {
        en: format!("{}: {}", lab.display(), e.message(Lang::En)),
        fr: format!("{} : {}", lab.display(), e.message(Lang::Fr)),
    })?;
    let stack = read_stack(stack)?;
    let progress = core::lab_progress(&lab, &stack);
    let out = match format {
        CheckFormat::Json => {
            let mut json = serde_json::to_string_pretty(&progress).map_err(|e| Failure::same(format!("json: {e}")))?;
            json.push('\n');
            json
        }
        CheckFormat::Text => {
            let mut out = String::new();
            let _ = writeln!(out, "{}\n", lab.title.get(lang));
            for s in &progress {
                let mark = if !s.commands.is_empty() {
                    "[>]"
                } else if s.done {
                    "[x]"
                } else {
                    "[ ]"
                };
                let _ = writeln!(out, "{mark} {} ({})", s.title.get(lang), s.id);
                if let Some(m) = &s.missing {
                    let _ = writeln!(out, "    {}", m.get(lang));
                    let _ = writeln!(out, "    → {}", s.hint.get(lang));
                }
                if !s.commands.is_empty() {
                    let _ = writeln!(out, "    {}", s.hint.get(lang));
                }
                for c in &s.commands {
                    let _ = writeln!(out, "    $ {}", c.run);
                    let _ = writeln!(out, "      {}", c.see.get(lang));
                }
            }
            let stack_steps = progress.iter().filter(|s| s.commands.is_empty());
            let (done, total) = stack_steps.fold((0, 0), |(d, t), s| (d + usize::from(s.done), t + 1));
            let _ = match lang {
                Lang::Fr => writeln!(out, "\n{done}/{total} étape(s) de la stack faite(s)"),
                Lang::En => writeln!(out, "\n{done}/{total} stack step(s) done"),
            };
            out
        }
    };
    write_output(None, out.as_bytes())
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
    let _ = writeln!(
        out,
        "{}",
        core::diagnostic::counts_summary(errors, warnings, infos, lang)
    );
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
        Command::Check {
            stack,
            format,
            lang,
            fix,
            my_ip,
        } => {
            if fix {
                run_fix(&stack, my_ip.as_deref(), lang)?;
            }
            run_check(&stack, format, lang).map(|error| if error { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Lab {
            lab,
            stack,
            format,
            lang,
        } => run_lab(&lab, &stack, format, lang).map(|()| ExitCode::SUCCESS),
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
