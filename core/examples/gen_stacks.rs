//! Writes random but valid stack documents, deterministically from a seed: the input of
//! `scripts/differential.sh`, which runs each through the real cdktf and compares.
//!
//!     cargo run -p ec2-playground-core --example gen_stacks -- --seed 7 --count 10 --out DIR
//!
//! Writes `DIR/stack-<i>.json` for `i` in `0..count`, and `DIR/styled-<i>/main.py` (with its
//! `user_data.py` when it has one): the same stack as a learner might write it in another
//! style (blocks as dicts, `import cdktf`, comments, a variable for every construct; the
//! style is the bits of `seed + i`), for the reader's law: reading that code gives what the
//! real cdktf synthesizes from it. The stacks follow the strategy of
//! `core/tests/support/stacks.rs`, [`Mode::Valid`]: hostile strings, numbers at the edges,
//! colliding and overlong ids, and every stack one our `synth` accepts). The same seed and
//! index give the same document on every machine. `--mode any` writes documents that need
//! not be valid. Exits with status 1 when a "valid" stack does not synthesize (a bug of the
//! generator), 2 on bad arguments.

#[path = "../tests/support/stacks.rs"]
mod stacks;

use std::path::PathBuf;
use std::process::ExitCode;

use ec2_playground_core::python::{python_files_styled, Style};
use ec2_playground_core::{save_stack, synth, SynthOptions};
use stacks::{nth_stack, Mode};

const USAGE: &str = "usage: gen_stacks --seed SEED --count N --out DIR [--mode valid|any]";

struct Args {
    seed: u64,
    count: u64,
    out: PathBuf,
    mode: Mode,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut seed, mut count, mut out, mut mode) = (None, None, None, Mode::Valid);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--seed" => seed = Some(value.parse::<u64>().map_err(|e| format!("--seed {value:?}: {e}"))?),
            "--count" => count = Some(value.parse::<u64>().map_err(|e| format!("--count {value:?}: {e}"))?),
            "--out" => out = Some(PathBuf::from(value)),
            "--mode" => {
                mode = match value.as_str() {
                    "valid" => Mode::Valid,
                    "any" => Mode::Any,
                    other => return Err(format!("--mode {other:?}: valid or any")),
                }
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Args {
        seed: seed.ok_or("--seed is required")?,
        count: count.ok_or("--count is required")?,
        out: out.ok_or("--out is required")?,
        mode,
    })
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen_stacks: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("gen_stacks: cannot create {}: {e}", args.out.display());
        return ExitCode::from(2);
    }
    for i in 0..args.count {
        let stack = nth_stack(args.mode, args.seed, i);
        let path = args.out.join(format!("stack-{i}.json"));
        if let Err(e) = std::fs::write(&path, save_stack(&stack)) {
            eprintln!("gen_stacks: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
        let bits = args.seed.wrapping_add(i);
        let style = Style {
            blocks_as_dicts: bits & 1 != 0,
            qualified_cdktf: bits & 2 != 0,
            comments: bits & 4 != 0,
            every_variable: bits & 8 != 0,
        };
        let files = python_files_styled(&stack, style);
        let styled = args.out.join(format!("styled-{i}"));
        let written = std::fs::create_dir_all(&styled)
            .and_then(|()| std::fs::write(styled.join("main.py"), &files.main_py))
            .and_then(|()| match &files.user_data_py {
                Some(text) => std::fs::write(styled.join("user_data.py"), text),
                None => Ok(()),
            });
        if let Err(e) = written {
            eprintln!("gen_stacks: cannot write {}: {e}", styled.display());
            return ExitCode::from(2);
        }
        if args.mode == Mode::Valid {
            if let Err(e) = synth(&stack, &SynthOptions::new("/home/learner/gen")) {
                eprintln!(
                    "gen_stacks: seed {} stack {i} ({}) should be valid but synth refuses it: {e}",
                    args.seed,
                    path.display()
                );
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}
