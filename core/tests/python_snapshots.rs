//! The Python of every fixture, pinned with insta. (The fixtures' `cdk.tf.json` goldens
//! come from the real cdktf; these snapshots pin our Python, which
//! `scripts/conformance.sh` runs through the real cdktf.)

use std::path::{Path, PathBuf};

use ec2_playground_core::{load_stack, python_files};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("fixtures")
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
fn python_of_every_fixture() {
    for dir in fixtures() {
        let text = std::fs::read_to_string(dir.join("stack.json")).expect("stack.json");
        let files = python_files(&load_stack(&text).expect("loads"));
        insta::assert_snapshot!(format!("{}__main_py", name(&dir)), files.main_py);
        if let Some(user_data) = files.user_data_py {
            insta::assert_snapshot!(format!("{}__user_data_py", name(&dir)), user_data);
        }
    }
}

/// A snapshot whose fixture is gone fails, so stale snapshots do not pile up.
#[test]
fn no_stale_snapshots() {
    let names: Vec<String> = fixtures().iter().map(|d| name(d)).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for entry in std::fs::read_dir(dir).expect("snapshots dir") {
        let file = entry.expect("entry").file_name().to_string_lossy().into_owned();
        // Other test files keep their snapshots here too; only this file's are checked.
        let Some(rest) = file.strip_prefix("python_snapshots__") else {
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
