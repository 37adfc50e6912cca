//! Every fixture's stack, synthesized, equals byte for byte the `cdk.tf.json` the real
//! cdktf 0.21.0 wrote for its `main.py` from `/home/learner/<fixture>`
//! (`scripts/goldens.sh`).

use std::path::{Path, PathBuf};

use ec2_playground_core::{load_stack, save_stack, synth, SynthOptions};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("stack.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn there_are_fixtures_with_goldens() {
    let dirs = fixtures();
    assert!(dirs.len() >= 2, "{dirs:?}");
    for d in &dirs {
        assert!(d.join("cdk.tf.json").is_file(), "{} has no golden", d.display());
        assert!(d.join("main.py").is_file(), "{} has no main.py", d.display());
    }
}

#[test]
fn every_fixture_synthesizes_to_its_golden() {
    let mut failures = Vec::new();
    for dir in fixtures() {
        let name = name(&dir);
        let text = std::fs::read_to_string(dir.join("stack.json")).expect("readable stack.json");
        let stack = match load_stack(&text) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{name}: stack.json does not load: {e}"));
                continue;
            }
        };
        let golden = std::fs::read_to_string(dir.join("cdk.tf.json")).expect("readable golden");
        match synth(&stack, &SynthOptions::new(format!("/home/learner/{name}"))) {
            Ok(ours) if ours == golden => {}
            Ok(ours) => {
                let line = ours
                    .lines()
                    .zip(golden.lines())
                    .position(|(a, b)| a != b)
                    .map(|i| i + 1)
                    .unwrap_or(ours.lines().count().min(golden.lines().count()) + 1);
                failures.push(format!(
                    "{name}: differs from the golden at line {line}:\n  ours:   {:?}\n  golden: {:?}",
                    ours.lines().nth(line - 1).unwrap_or("<end>"),
                    golden.lines().nth(line - 1).unwrap_or("<end>")
                ));
            }
            Err(e) => failures.push(format!("{name}: synth failed: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_round_trips_through_the_document_format() {
    for dir in fixtures() {
        let text = std::fs::read_to_string(dir.join("stack.json")).expect("readable");
        let stack = load_stack(&text).expect("loads");
        let again = load_stack(&save_stack(&stack)).expect("reloads");
        assert_eq!(stack, again, "{}", dir.display());
    }
}
