//! Generated stacks, hostile strings included: synth, the Python writer and the document
//! format never panic and stay consistent; the Python is what `ruff format` writes and
//! evaluates, in CPython, to the very strings of the stack.

use std::path::PathBuf;
use std::process::Command;

#[path = "support/stacks.rs"]
mod stacks;

use ec2_playground_core::python::literal::{string_literal, triple_quoted_literal};
use ec2_playground_core::{load_stack, python_files, save_stack, synth, SynthOptions};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use stacks::{nth_stack, scripts_are_escaped, stack, Mode, HOSTILE};

proptest! {
    #![proptest_config(Config { cases: 256, ..Config::default() })]

    #[test]
    fn synth_python_and_documents_never_panic_and_round_trip(stack in stack(Mode::Any)) {
        let _ = synth(&stack, &SynthOptions::for_stack(&stack));
        // The writer itself, for any stack: `main_py` refuses what synth refuses (law.rs).
        let py = python_files(&stack).main_py;
        prop_assert!(py.starts_with("#!/usr/bin/env python\n"));
        prop_assert!(py.ends_with("app.synth()\n"));
        prop_assert!(!py.lines().any(|l| l.ends_with(' ')), "trailing whitespace");
        let again = load_stack(&save_stack(&stack));
        prop_assert_eq!(again.as_ref().ok(), Some(&stack));
    }

    #[test]
    fn loading_arbitrary_text_never_panics(text in any::<String>()) {
        let _ = load_stack(&text);
    }

    /// The contract `scripts/differential.sh` relies on: "valid" stacks synthesize.
    #[test]
    fn valid_stacks_synthesize(stack in stack(Mode::Valid)) {
        prop_assert!(scripts_are_escaped(&stack));
        let out = synth(&stack, &SynthOptions::new("/home/learner/x"));
        prop_assert!(out.is_ok(), "{:?}", out.err());
        let again = load_stack(&save_stack(&stack));
        prop_assert_eq!(again.as_ref().ok(), Some(&stack));
    }
}

/// The same seed and index give the same stack (the differential test's documents are
/// reproducible from the seed alone).
#[test]
fn stacks_are_deterministic_from_the_seed() {
    for i in 0..5 {
        assert_eq!(nth_stack(Mode::Valid, 42, i), nth_stack(Mode::Valid, 42, i));
    }
    assert_ne!(nth_stack(Mode::Valid, 42, 0), nth_stack(Mode::Valid, 43, 0));
}

fn tools() -> PathBuf {
    std::env::var_os("EC2P_TOOLS")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/ec2-playground")))
        .unwrap_or_default()
}

fn python() -> PathBuf {
    tools().join("cdktf-venv/bin/python")
}

fn ruff() -> PathBuf {
    tools().join("cdktf-venv/bin/ruff")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ec2p-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// 200 generated stacks: every main.py is what `ruff format` would write, and compiles.
#[test]
fn generated_python_is_ruff_formatted_and_compiles() {
    assert!(
        ruff().is_file(),
        "ruff is missing at {}: run scripts/setup.sh python",
        ruff().display()
    );
    let dir = temp_dir("ruff");
    let mut runner = TestRunner::new(Config::default());
    let strategy = stack(Mode::Any);
    for i in 0..200 {
        let stack = strategy.new_tree(&mut runner).expect("a stack").current();
        std::fs::write(dir.join(format!("stack_{i}.py")), python_files(&stack).main_py).expect("write");
    }
    let out = Command::new(ruff())
        .args(["format", "--check", "--diff", "--no-cache", "--quiet"])
        .arg(&dir)
        .output()
        .expect("ruff runs");
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "ruff format would change generated Python:\n{}",
        diff.chars().take(4000).collect::<String>()
    );
    let out = Command::new(python())
        .args(["-m", "compileall", "-q"])
        .arg(&dir)
        .output()
        .expect("python runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every literal the escaper writes evaluates in CPython to the original string.
#[test]
fn python_literals_evaluate_to_the_original_strings() {
    assert!(
        python().is_file(),
        "python is missing at {}: run scripts/setup.sh cdktf",
        python().display()
    );
    let mut values: Vec<String> = HOSTILE.iter().map(|s| (*s).to_owned()).collect();
    values.extend((0u32..0x250).filter_map(char::from_u32).map(|c| format!("a{c}b")));
    values.extend(['\u{2028}', '\u{202e}', '\u{feff}', '\u{1f600}', '\u{e000}', '\u{ffff}'].map(|c| c.to_string()));
    values.push("\"'\"'\"".into());
    values.push("ends with quote\"".into());
    let mut source = String::from("import json, sys\nvalues = [\n");
    for v in &values {
        source.push_str(&format!("    {},\n", string_literal(v)));
        if let Some(t) = triple_quoted_literal(v) {
            source.push_str(&format!("    {t},\n"));
        }
    }
    source.push_str("]\njson.dump(values, sys.stdout)\n");
    let dir = temp_dir("literals");
    let file = dir.join("literals.py");
    std::fs::write(&file, &source).expect("write");
    let out = Command::new(python()).arg(&file).output().expect("python runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: Vec<String> = serde_json::from_slice(&out.stdout).expect("json");
    let mut expected = Vec::new();
    for v in &values {
        expected.push(v.clone());
        if triple_quoted_literal(v).is_some() {
            expected.push(v.clone());
        }
    }
    assert_eq!(got, expected);
    let _ = std::fs::remove_dir_all(&dir);
}
