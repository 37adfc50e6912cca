//! `ec2-playground hcl`: the stack as the Terraform `main.tf` a person would write.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ec2-playground"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../tests/fixtures/{name}/stack.json"))
}

#[test]
fn hcl_prints_the_core_main_tf_with_the_state_beside_it() {
    let out = bin().arg("hcl").arg(fixture("ec2-lab")).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let stack =
        ec2_playground_core::load_stack(&std::fs::read_to_string(fixture("ec2-lab")).expect("stack")).expect("loads");
    let expected = ec2_playground_core::main_tf(&stack, &ec2_playground_core::SynthOptions::new(".")).expect("hcl");
    assert_eq!(text, expected);
    assert!(text.contains("    path = \"terraform.ec2-lab.tfstate\"\n"));
    assert!(text.contains("resource \"aws_instance\" \"web\" {\n"));
}

#[test]
fn hcl_writes_to_a_file_with_dash_o_and_takes_a_project_dir() {
    let tmp = std::env::temp_dir().join(format!("ec2p-cli-{}.tf", std::process::id()));
    let status = bin()
        .args(["hcl", "--project-dir", "/home/learner/ec2-lab", "-o"])
        .arg(&tmp)
        .arg(fixture("ec2-lab"))
        .status()
        .expect("runs");
    assert!(status.success());
    let written = std::fs::read_to_string(&tmp).expect("written");
    let _ = std::fs::remove_file(&tmp);
    assert!(written.starts_with("terraform {\n  required_providers {\n"));
    assert!(written.contains("    path = \"/home/learner/ec2-lab/terraform.ec2-lab.tfstate\"\n"));
}

#[test]
fn a_string_terraform_cannot_read_exits_2_in_both_languages() {
    let out = bin().arg("hcl").arg(fixture("escapes")).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: resource.aws_instance.plain.user_data: "),
        "{err}"
    );
    assert!(err.contains("is not a Terraform template"));
    assert!(err.contains("\nerreur : resource.aws_instance.plain.user_data : "));
}

/// Whether the zip at `path` has an entry `name` (entry names are stored as they are).
fn has_entry(path: &Path, name: &str) -> bool {
    let bytes = std::fs::read(path).expect("zip written");
    bytes.windows(name.len()).any(|w| w == name.as_bytes())
}

#[test]
fn export_format_terraform_and_both() {
    let dir = std::env::temp_dir().join(format!("ec2p-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let (tf, both, cdktf, cdktn) = (
        dir.join("tf.zip"),
        dir.join("both.zip"),
        dir.join("cdktf.zip"),
        dir.join("cdktn.zip"),
    );
    for (format, out) in [
        ("terraform", &tf),
        ("both", &both),
        ("cdktf", &cdktf),
        ("cdktn", &cdktn),
    ] {
        let status = bin()
            .args(["export", "--format", format, "-o"])
            .arg(out)
            .arg(fixture("ec2-lab"))
            .status()
            .expect("runs");
        assert!(status.success(), "{format}");
    }
    let stack =
        ec2_playground_core::load_stack(&std::fs::read_to_string(fixture("ec2-lab")).expect("stack")).expect("loads");
    let kinds = [
        (&tf, ec2_playground_core::ProjectKind::Terraform),
        (&both, ec2_playground_core::ProjectKind::Both),
        (&cdktf, ec2_playground_core::ProjectKind::Cdktf),
        (&cdktn, ec2_playground_core::ProjectKind::Cdktn),
    ];
    for (path, kind) in kinds {
        let expected = ec2_playground_core::export_zip_as(&stack, kind).expect("zip");
        assert_eq!(std::fs::read(path).expect("zip"), expected);
    }
    assert!(has_entry(&tf, "ec2-lab/main.tf") && !has_entry(&tf, "ec2-lab/main.py"));
    assert!(has_entry(&both, "ec2-lab/terraform/main.tf") && has_entry(&both, "ec2-lab/main.py"));
    assert!(!has_entry(&cdktf, "main.tf"));
    let out = bin()
        .args(["export", "--format", "terraform", "-o"])
        .arg(dir.join("no.zip"))
        .arg(fixture("escapes"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a Terraform template"));
    assert!(!dir.join("no.zip").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
