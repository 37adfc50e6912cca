//! `ec2-playground lab` and `ec2-playground check --fix` / `--format json` with fixes.

use std::path::PathBuf;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ec2-playground"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ec2-playground-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn lab_prints_the_progress_and_the_commands() {
    let out = bin()
        .args(["lab", "--lang", "en"])
        .arg(root().join("labs/module-2-ec2.json"))
        .arg(root().join("tests/fixtures/ec2-lab/main.py"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("[x] A security group that lets SSH in (security_group)\n"),
        "{text}"
    );
    assert!(
        text.contains("    $ ssh -i ~/.ssh/deployer-key ec2-user@<public_ip>\n"),
        "{text}"
    );
    assert!(text.ends_with("\n14/14 stack step(s) done\n"), "{text}");

    let out = bin()
        .args(["lab", "--format", "json"])
        .arg(root().join("tests/labs/two-zones.json"))
        .arg(root().join("tests/fixtures/multi-zone/stack.json"))
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json[6]["id"], "imdsv2");
    assert_eq!(json[6]["done"], false);
    assert_eq!(json[6]["template"]["state"], "applies");
}

#[test]
fn a_bad_lab_exits_2_with_where() {
    let dir = temp_dir("bad-lab");
    let lab = dir.join("lab.json");
    std::fs::write(&lab, "{\"lab_version\": 1, \"id\": \"x\",\n \"title\": 3}").expect("write");
    let out = bin()
        .arg("lab")
        .arg(&lab)
        .arg(root().join("tests/fixtures/ec2-lab/stack.json"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("lab.json: title (line 2, column 11): invalid type: integer `3`"),
        "{err}"
    );
    assert!(err.contains("(ligne 2, colonne 11)"), "{err}");
}

#[test]
fn check_json_names_the_fix_of_each_finding() {
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(root().join("tests/fixtures/ec2-lab/stack.json"))
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let items = json.as_array().expect("array");
    let fix_of = |code: &str| {
        items
            .iter()
            .find(|i| i["code"] == code)
            .map(|i| i["fix"]["id"].clone())
            .unwrap_or_default()
    };
    assert_eq!(fix_of("sg-ssh-open"), "restrict-source");
    assert_eq!(fix_of("imdsv1"), "require-imdsv2");
    assert_eq!(fix_of("key-sample"), serde_json::Value::Null);
}

#[test]
fn check_fix_edits_a_main_py_and_keeps_its_comments() {
    let dir = temp_dir("fix-main-py");
    let main_py = dir.join("main.py");
    let original = std::fs::read_to_string(root().join("tests/fixtures/ec2-lab/main.py")).expect("fixture");
    let commented = original.replace("class MyStack", "# the learner's comment\nclass MyStack");
    std::fs::write(&main_py, &commented).expect("write");
    let out = bin()
        .args(["check", "--fix", "--lang", "en"])
        .arg(&main_py)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("resources[4].metadata_options [imdsv1] require-imdsv2"),
        "{err}"
    );
    assert!(err.contains("3 fix(es) written to"), "{err}");
    let fixed = std::fs::read_to_string(&main_py).expect("read");
    assert!(fixed.contains("# the learner's comment\nclass MyStack"));
    assert!(fixed.contains("metadata_options=InstanceMetadataOptions(http_tokens=\"required\")"));
    // The check printed after the fixes no longer finds what was fixed.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("[imdsv1"), "{stdout}");
    assert!(stdout.contains("[sg-ssh-open"), "{stdout}");
    // Again: nothing left to fix, the file is untouched.
    let out = bin()
        .args(["check", "--fix", "--lang", "en"])
        .arg(&main_py)
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no parameterless fix to apply"));
    assert_eq!(std::fs::read_to_string(&main_py).expect("read"), fixed);
}

#[test]
fn check_fix_rewrites_a_stack_document() {
    let dir = temp_dir("fix-stack");
    let stack = dir.join("stack.json");
    std::fs::copy(root().join("tests/fixtures/ec2-lab/stack.json"), &stack).expect("copy");
    let out = bin().args(["check", "--fix"]).arg(&stack).output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&stack).expect("read")).expect("JSON");
    assert_eq!(
        doc["resources"][4]["Instance"]["metadata_options"]["http_tokens"],
        "required"
    );
    assert_eq!(doc["resources"][5]["EbsVolume"]["encrypted"], true);
}

#[test]
fn check_fix_with_my_ip_limits_ssh_to_it() {
    let dir = temp_dir("fix-my-ip");
    let main_py = dir.join("main.py");
    std::fs::copy(root().join("tests/fixtures/ec2-lab/main.py"), &main_py).expect("copy");
    let out = bin()
        .args(["check", "--fix", "--my-ip", "203.0.113.7", "--lang", "fr"])
        .arg(&main_py)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("resources[2].ingress[0].cidr_blocks[0] [sg-ssh-open] restrict-source : Remplace"),
        "{err}"
    );
    assert!(err.contains("4 correction(s) écrite(s) dans"), "{err}");
    let fixed = std::fs::read_to_string(&main_py).expect("read");
    assert!(fixed.contains("cidr_blocks=[\"203.0.113.7/32\"]"), "{fixed}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("[sg-ssh-open"), "{stdout}");
    // Not an address: exit 2, said in both languages, the file untouched.
    std::fs::copy(root().join("tests/fixtures/ec2-lab/main.py"), &main_py).expect("copy");
    let out = bin()
        .args(["check", "--fix", "--my-ip", "0.0.0.0/0"])
        .arg(&main_py)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--my-ip: \"0.0.0.0/0\" is not an IP address"), "{err}");
    assert!(err.contains("--my-ip : « 0.0.0.0/0 » n'est ni une adresse IP"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&main_py).expect("read"),
        std::fs::read_to_string(root().join("tests/fixtures/ec2-lab/main.py")).expect("read")
    );
}

#[test]
fn check_fix_leaves_a_script_of_user_data_py_and_says_so() {
    let dir = temp_dir("fix-user-data-py");
    let src = root().join("tests/fixtures/user-data-module");
    let main_py = dir.join("main.py");
    std::fs::copy(src.join("main.py"), &main_py).expect("copy");
    let user_data = std::fs::read_to_string(src.join("user_data.py")).expect("user_data.py");
    let broken = user_data.replacen("#!/bin/bash\n", "", 1);
    assert_ne!(broken, user_data);
    std::fs::write(dir.join("user_data.py"), &broken).expect("write");
    let out = bin()
        .args(["check", "--fix", "--lang", "en"])
        .arg(&main_py)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("[user-data-no-shebang] add-shebang: not applied: main.py cannot take this change"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(dir.join("user_data.py")).expect("read"), broken);
    assert!(String::from_utf8_lossy(&out.stdout).contains("[user-data-no-shebang"));
}
