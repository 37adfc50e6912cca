//! The `main.tf` of every fixture (and of `tests/hcl/*.json`), pinned with insta. What
//! these files mean is checked by the real Terraform in `scripts/hcl-laws.sh` (`terraform
//! fmt -check`, the same `validate` verdict and the same plan as the fixture's
//! `cdk.tf.json`); a stack whose strings Terraform cannot read pins the error instead.

use std::path::{Path, PathBuf};

use ec2_playground_core::{load_stack, main_tf, Lang, SynthOptions};

fn stacks() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(root.join("tests/fixtures"))
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("stack.json").is_file())
        .map(|p| (name(&p), p.join("stack.json")))
        .collect();
    out.extend(
        std::fs::read_dir(root.join("tests/hcl"))
            .expect("tests/hcl")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .map(|p| (format!("hcl-{}", name(&p).trim_end_matches(".json")), p)),
    );
    out.sort();
    out
}

fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn main_tf_of_every_fixture() {
    for (name, path) in stacks() {
        let text = std::fs::read_to_string(&path).expect("stack");
        let stack = load_stack(&text).expect("loads");
        let out = match main_tf(&stack, &SynthOptions::for_stack(&stack)) {
            Ok(tf) => tf,
            Err(e) => format!("error: {}\nerreur : {}\n", e.message(Lang::En), e.message(Lang::Fr)),
        };
        insta::assert_snapshot!(format!("{name}__main_tf"), out);
    }
}

/// The fixture whose strings Terraform refuses is refused, and only it.
#[test]
fn only_escapes_is_refused() {
    let refused: Vec<String> = stacks()
        .into_iter()
        .filter(|(_, path)| {
            let stack = load_stack(&std::fs::read_to_string(path).expect("stack")).expect("loads");
            main_tf(&stack, &SynthOptions::for_stack(&stack)).is_err()
        })
        .map(|(name, _)| name)
        .collect();
    assert_eq!(refused, ["escapes"]);
}

/// A snapshot whose fixture is gone fails, so stale snapshots do not pile up.
#[test]
fn no_stale_snapshots() {
    let names: Vec<String> = stacks().into_iter().map(|(n, _)| n).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for entry in std::fs::read_dir(dir).expect("snapshots dir") {
        let file = entry.expect("entry").file_name().to_string_lossy().into_owned();
        let Some(rest) = file.strip_prefix("hcl_snapshots__") else {
            continue;
        };
        let fixture = rest.split("__").next().unwrap_or_default().to_owned();
        assert!(
            names.contains(&fixture),
            "stale snapshot {file}: no fixture {fixture:?}"
        );
        assert!(!file.ends_with(".snap.new"), "unreviewed snapshot {file}");
    }
}
