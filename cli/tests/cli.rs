//! The `ec2-playground` binary, run as a learner or a script would.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ec2-playground"))
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

#[test]
fn synth_prints_every_golden_byte_for_byte() {
    let mut checked = 0;
    for entry in std::fs::read_dir(fixtures_dir()).expect("fixtures") {
        let dir = entry.expect("entry").path();
        if !dir.join("stack.json").is_file() {
            continue;
        }
        let name = dir.file_name().expect("name").to_string_lossy().into_owned();
        let out = bin()
            .args(["synth", "--project-dir", &format!("/home/learner/{name}")])
            .arg(dir.join("stack.json"))
            .output()
            .expect("runs");
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let golden = std::fs::read(dir.join("cdk.tf.json")).expect("golden");
        assert!(out.stdout == golden, "{name}: stdout differs from the golden");
        checked += 1;
    }
    assert!(checked >= 2);
}

#[test]
fn synth_writes_to_a_file_with_dash_o() {
    let tmp = std::env::temp_dir().join(format!("ec2p-cli-{}.json", std::process::id()));
    let status = bin()
        .args(["synth", "--project-dir", "/home/learner/ec2-lab", "-o"])
        .arg(&tmp)
        .arg(fixtures_dir().join("ec2-lab/stack.json"))
        .status()
        .expect("runs");
    assert!(status.success());
    let written = std::fs::read(&tmp).expect("written");
    let _ = std::fs::remove_file(&tmp);
    assert_eq!(
        written,
        std::fs::read(fixtures_dir().join("ec2-lab/cdk.tf.json")).expect("golden")
    );
}

#[test]
fn a_bad_document_fails_with_its_location_on_stderr() {
    let tmp = std::env::temp_dir().join(format!("ec2p-cli-bad-{}.json", std::process::id()));
    std::fs::write(
        &tmp,
        "{\"version\": 1, \"name\": \"lab\",\n \"resources\": [{\"KeyPair\": {\"id\": \"k\", \"public_kee\": \"x\"}}]}",
    )
    .expect("write");
    let out = bin().arg("synth").arg(&tmp).output().expect("runs");
    let _ = std::fs::remove_file(&tmp);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("resources[0].KeyPair.public_kee"), "{err}");
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains("ligne 2"), "{err}");
}

#[test]
fn a_dangling_reference_names_both_ends() {
    let tmp = std::env::temp_dir().join(format!("ec2p-cli-ref-{}.json", std::process::id()));
    std::fs::write(
        &tmp,
        r#"{"version": 1, "name": "lab", "resources": [
            {"AwsProvider": {"id": "aws"}},
            {"EbsVolume": {"id": "data", "availability_zone": {"ref": "webb", "attr": "availability_zone"}}}]}"#,
    )
    .expect("write");
    let out = bin().arg("synth").arg(&tmp).output().expect("runs");
    let _ = std::fs::remove_file(&tmp);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(r#"resources[1] (EbsVolume "data").availability_zone: refers to "webb""#),
        "{err}"
    );
}
