//! `ec2-playground check`: exit status, JSON shape, languages.

use std::path::PathBuf;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ec2-playground"))
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../tests/fixtures/{name}/stack.json"))
}

#[test]
fn the_lab_has_no_error_so_check_exits_0_with_json() {
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(fixture("ec2-lab"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let items = json.as_array().expect("an array");
    assert_eq!(items.len(), 7);
    assert_eq!(items[1]["code"], "sg-ssh-open");
    assert_eq!(items[1]["checkov"], "CKV_AWS_24");
    assert_eq!(items[3]["code"], "key-sample");
    assert_eq!(items[3]["severity"], "info");
    assert!(items[3]["message"]["fr"].is_string() && items[3]["message"]["en"].is_string());
}

#[test]
fn an_error_exits_1() {
    let dir = std::env::temp_dir().join(format!("ec2-playground-check-error-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("stack.json");
    let lab = std::fs::read_to_string(fixture("ec2-lab")).expect("lab");
    let broken = lab.replace(
        "AAAAC3NzaC1lZDI1NTE5AAAAII/0VvFZoY6hPLOzUek7DlT9fQta3PV30SbAJJJ1HaFI",
        "AAAAC3NzaC1lZDI1NTE5AAAAII",
    );
    assert_ne!(broken, lab);
    std::fs::write(&path, broken).expect("write");
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert!(json
        .as_array()
        .expect("an array")
        .iter()
        .any(|d| d["code"] == "key-format" && d["severity"] == "error"));
}

#[test]
fn text_output_in_both_languages() {
    let fr = bin().arg("check").arg(fixture("ec2-lab")).output().expect("runs");
    let fr = String::from_utf8_lossy(&fr.stdout);
    assert!(fr.contains("[sg-ssh-open, CKV_AWS_24] avertissement"), "{fr}");
    assert!(fr.ends_with("0 erreur, 4 avertissements, 3 infos\n"), "{fr}");
    let en = bin()
        .args(["check", "--lang", "en"])
        .arg(fixture("ec2-lab"))
        .output()
        .expect("runs");
    let en = String::from_utf8_lossy(&en.stdout);
    assert!(en.contains("SSH (port 22) is open to the whole Internet"), "{en}");
    assert!(en.ends_with("0 errors, 4 warnings, 3 infos\n"), "{en}");
}

#[test]
fn warnings_alone_exit_0() {
    let dir = std::env::temp_dir().join(format!("ec2-playground-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("stack.json");
    let stack = r#"{"version": 1, "name": "w", "resources": [
        {"AwsProvider": {"id": "AWS", "region": "eu-west-3"}},
        {"SecurityGroup": {"id": "sg", "name": "web", "description": "Web",
            "ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"], "description": "SSH"}],
            "egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "description": "out"}]}}
    ]}"#;
    std::fs::write(&path, stack).expect("write");
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json[0]["code"], "sg-ssh-open");
    assert_eq!(json.as_array().map(Vec::len), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_document_exits_2_and_a_bad_language_is_refused() {
    let out = bin().args(["check", "/nonexistent/stack.json"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = bin()
        .args(["check", "--lang", "de"])
        .arg(fixture("ec2-lab"))
        .output()
        .expect("runs");
    assert_ne!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("fr or en"));
}
