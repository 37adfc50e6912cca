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

/// `synth` takes a `main.py` wherever it takes a stack document: the course's code, read by
/// the playground, gives the bytes the real cdktf wrote for that very file.
#[test]
fn synth_of_every_fixture_main_py_prints_its_golden() {
    let mut checked = 0;
    for entry in std::fs::read_dir(fixtures_dir()).expect("fixtures") {
        let dir = entry.expect("entry").path();
        if !dir.join("main.py").is_file() {
            continue;
        }
        let name = dir.file_name().expect("name").to_string_lossy().into_owned();
        let out = bin()
            .args(["synth", "--project-dir", &format!("/home/learner/{name}")])
            .arg(dir.join("main.py"))
            .output()
            .expect("runs");
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let golden = std::fs::read(dir.join("cdk.tf.json")).expect("golden");
        assert!(out.stdout == golden, "{name}: stdout differs from the golden");
        checked += 1;
    }
    assert!(checked >= 18, "{checked}");
}

#[test]
fn read_prints_the_stack_document_of_a_main_py() {
    let out = bin()
        .arg("read")
        .arg(fixtures_dir().join("user-data-module/main.py"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc = ec2_playground_core::load_stack(&String::from_utf8_lossy(&out.stdout)).expect("a stack document");
    let expected = ec2_playground_core::load_stack(
        &std::fs::read_to_string(fixtures_dir().join("user-data-module/stack.json")).expect("stack"),
    )
    .expect("loads");
    assert_eq!(doc, expected);
}

#[test]
fn a_bad_main_py_fails_with_line_and_column_in_both_languages() {
    let dir = std::env::temp_dir().join(format!("ec2p-cli-py-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let main = dir.join("main.py");
    std::fs::write(
        &main,
        "from constructs import Construct\nfrom cdktf import App, TerraformStack\nfrom cdktf_cdktf_provider_aws.instance import Instance\n\nclass S(TerraformStack):\n    def __init__(self, scope: Construct, id: str):\n        super().__init__(scope, id)\n        Instance(self, \"web\", instance_typ=\"t3.micro\")\n\napp = App()\nS(app, \"lab\")\napp.synth()\n",
    )
    .expect("write");
    let out = bin().arg("python").arg(&main).output().expect("runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("main.py:8:31: Instance has no argument instance_typ (TypeError: unexpected keyword argument) (did you mean instance_type?)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("main.py:8:31: Instance n'a pas d'argument instance_typ"),
        "{stderr}"
    );
}

#[test]
fn export_of_a_main_py_keeps_the_learners_text() {
    let dir = std::env::temp_dir().join(format!("ec2p-cli-export-py-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let fixture = fixtures_dir().join("user-data-module");
    let main_py = format!(
        "# Mon lab, à ma façon\n{}",
        std::fs::read_to_string(fixture.join("main.py")).expect("main.py")
    );
    let user_data_py = std::fs::read_to_string(fixture.join("user_data.py")).expect("user_data.py");
    std::fs::write(dir.join("main.py"), &main_py).expect("write");
    std::fs::write(dir.join("user_data.py"), &user_data_py).expect("write");
    let zip = dir.join("out.zip");
    let out = bin()
        .arg("export")
        .arg(dir.join("main.py"))
        .arg("-o")
        .arg(&zip)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&zip).expect("zip");
    let _ = std::fs::remove_dir_all(&dir);
    let stack = ec2_playground_core::read_python(&main_py, Some(&user_data_py))
        .stack
        .expect("reads");
    let generated = ec2_playground_core::export_project(&stack).expect("exports");
    let expected = ec2_playground_core::zip_project(&ec2_playground_core::with_learner_code(
        generated.clone(),
        &main_py,
        Some(&user_data_py),
    ))
    .expect("zip");
    assert_eq!(bytes, expected, "the zip holds the learner's main.py");
    assert_ne!(
        bytes,
        ec2_playground_core::zip_project(&generated).expect("zip"),
        "not the generated one"
    );
}

/// Issue 13: `python` and `export` refuse what `synth` refuses, with the same words on
/// stderr and the same status; a 5 MB stack name is quoted in part.
#[test]
fn python_and_export_refuse_what_synth_refuses_in_the_same_words() {
    let cases = [
        ("mon lab".to_owned(), "error: stack name \"mon lab\": cdktf refuses whitespace in a stack name\nerreur : nom de stack \"mon lab\" : cdktf refuse les espaces dans un nom de stack\n".to_owned()),
        ("x".repeat(5_000_000), format!(
            "error: stack name \"{x}…\" (5000000 characters): cdktf writes the stack into the folder cdktf.out/stacks/<name>, and a file name holds at most 255 bytes (\"ENAMETOOLONG\")\nerreur : nom de stack \"{x}…\" (5000000 caractères) : cdktf écrit la stack dans le dossier cdktf.out/stacks/<nom>, et un nom de fichier compte au plus 255 octets (« ENAMETOOLONG »)\n",
            x = "x".repeat(40)
        )),
    ];
    for (k, (name, stderr)) in cases.iter().enumerate() {
        let tmp = std::env::temp_dir().join(format!("ec2p-cli-refused-{}-{k}.json", std::process::id()));
        let zip = std::env::temp_dir().join(format!("ec2p-cli-refused-{}-{k}.zip", std::process::id()));
        let doc = serde_json::json!({"version": 1, "name": name, "resources": [
            {"AwsProvider": {"id": "aws", "region": "eu-west-3"}}]});
        std::fs::write(&tmp, doc.to_string()).expect("write");
        let runs: [Vec<&str>; 5] = [
            vec!["synth"],
            vec!["python"],
            vec!["export", "--format", "cdktf", "-o"],
            vec!["export", "--format", "cdktn", "-o"],
            vec!["export", "--format", "both", "-o"],
        ];
        for args in runs {
            let mut cmd = bin();
            cmd.args(&args);
            if args.len() > 1 {
                cmd.arg(&zip);
            }
            let out = cmd.arg(&tmp).output().expect("runs");
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert!(out.stdout.is_empty(), "{args:?}");
            assert_eq!(String::from_utf8_lossy(&out.stderr), *stderr, "{args:?}");
            assert!(!zip.exists(), "{args:?} wrote a zip");
        }
        let _ = std::fs::remove_file(&tmp);
    }
}
