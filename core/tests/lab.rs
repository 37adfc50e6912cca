//! Labs as data: the course's lab (`labs/module-2-ec2.json`) built step by step from the
//! empty stack reaches the course's golden `cdk.tf.json`, written by the real cdktf; a
//! teacher's lab (`tests/labs/two-zones.json`) ticks on the multi-zone fixture; bad lab
//! files say what and where, in both languages.

use std::path::PathBuf;

use ec2_playground_core::lab::{ssh_command, TemplateState};
use ec2_playground_core::{
    apply_step_template, lab_progress, load_lab, load_stack, synth, Lab, LabError, Lang, Stack, SynthOptions,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(rel: &str) -> String {
    let path = root().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn course_lab() -> Lab {
    load_lab(&read("labs/module-2-ec2.json")).unwrap_or_else(|e| panic!("{}", e.message(Lang::En)))
}

fn fixture(name: &str) -> Stack {
    load_stack(&read(&format!("tests/fixtures/{name}/stack.json"))).expect("fixture")
}

/// Applies, in the lab's order, the template of the first step not done, until none is left.
fn build(lab: &Lab, mut stack: Stack) -> (Stack, Vec<String>) {
    let mut applied = Vec::new();
    for _ in 0..lab.steps.len() {
        let progress = lab_progress(lab, &stack);
        let Some(next) = progress.iter().find(|s| s.template == TemplateState::Applies) else {
            break;
        };
        stack = apply_step_template(lab, &next.id, &stack)
            .unwrap_or_else(|e| panic!("step {}: {}", next.id, e.message(Lang::En)));
        let after = lab_progress(lab, &stack);
        let status = after.iter().find(|s| s.id == next.id).expect("step");
        assert!(status.done, "step {} not done after its template", next.id);
        applied.push(next.id.clone());
    }
    (stack, applied)
}

#[test]
fn the_course_lab_from_the_empty_stack_reaches_the_golden() {
    let lab = course_lab();
    let empty = Stack::new("ec2-lab");
    let first = lab_progress(&lab, &empty);
    assert!(first.iter().all(|s| !s.done));
    assert_eq!(first[0].template, TemplateState::Applies);
    // The instance needs the AMI lookup first.
    let instance = first.iter().find(|s| s.id == "instance").expect("instance step");
    assert_eq!(instance.template, TemplateState::Blocked { step: "ami".into() });
    assert!(matches!(
        apply_step_template(&lab, "instance", &empty),
        Err(LabError::Blocked { ref needs, .. }) if needs == "ami"
    ));

    let (stack, applied) = build(&lab, empty);
    assert_eq!(
        applied,
        [
            "provider",
            "ami",
            "security_group",
            "http",
            "key_pair",
            "instance",
            "instance_group",
            "instance_key",
            "root_volume",
            "user_data",
            "data_volume",
            "attachment",
            "output_ip",
            "output_id"
        ]
    );
    let progress = lab_progress(&lab, &stack);
    for s in &progress {
        if s.commands.is_empty() {
            assert!(s.done, "{} not done", s.id);
            assert_eq!(s.template, TemplateState::Done);
            assert!(s.missing.is_none());
        }
    }
    // The law: the stack the templates build is the course's stack, to the byte of cdktf.
    assert_eq!(stack, fixture("ec2-lab"));
    let json = synth(&stack, &SynthOptions::new("/home/learner/ec2-lab")).expect("synth");
    assert_eq!(json, read("tests/fixtures/ec2-lab/cdk.tf.json"));
    assert!(matches!(
        apply_step_template(&lab, "provider", &stack),
        Err(LabError::AlreadyDone(_))
    ));
}

/// The `labs/` validity step: every lab file under `labs/` (and the teachers' labs under
/// `tests/labs/`) loads; a lab that names a golden reaches it from the empty stack, the
/// stack equal to the golden's `stack.json` and its synth to the golden's `cdk.tf.json`.
#[test]
fn every_lab_file_loads_and_reaches_its_golden() {
    let mut loaded = Vec::new();
    for dir in ["labs", "tests/labs"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        for path in files {
            let rel = format!("{dir}/{}", path.file_name().expect("name").to_string_lossy());
            let lab = load_lab(&read(&rel)).unwrap_or_else(|e| panic!("{rel}: {}", e.message(Lang::En)));
            assert!(!lab.steps.is_empty(), "{rel}: no steps");
            if let Some(golden) = &lab.golden {
                let want = load_stack(&read(&format!("{golden}/stack.json"))).expect("golden stack");
                assert_eq!(
                    lab.start_stack().name,
                    want.name,
                    "{rel}: stack_name is not the golden's"
                );
                let (stack, _) = build(&lab, lab.start_stack());
                let progress = lab_progress(&lab, &stack);
                let not_done: Vec<&str> = progress
                    .iter()
                    .filter(|s| s.commands.is_empty() && !s.done)
                    .map(|s| s.id.as_str())
                    .collect();
                assert!(not_done.is_empty(), "{rel}: not done: {not_done:?}");
                assert_eq!(stack, want, "{rel}: the templates do not reach {golden}");
                let name = golden.rsplit('/').next().unwrap_or(golden);
                let json = synth(&stack, &SynthOptions::new(format!("/home/learner/{name}"))).expect("synth");
                assert_eq!(json, read(&format!("{golden}/cdk.tf.json")), "{rel}: synth");
            }
            loaded.push(rel);
        }
    }
    // Another teacher's file adds to the list; these two are always there.
    for want in ["labs/module-2-ec2.json", "tests/labs/two-zones.json"] {
        assert!(loaded.iter().any(|l| l == want), "{want} not in {loaded:?}");
    }
}

#[test]
fn the_course_lab_on_its_fixture_is_done_and_gives_the_commands() {
    let lab = course_lab();
    let stack = fixture("ec2-lab");
    let progress = lab_progress(&lab, &stack);
    assert_eq!(progress.len(), 18);
    let sg = progress.iter().find(|s| s.id == "security_group").expect("step");
    assert_eq!(sg.matched, ["web_sg"]);
    let ssh = progress.iter().find(|s| s.id == "ssh").expect("ssh step");
    assert!(!ssh.done);
    assert_eq!(ssh.commands[0].run, "ssh -i ~/.ssh/deployer-key ec2-user@<public_ip>");
    assert_eq!(ssh.commands[1].run, "curl http://<public_ip>");
    assert!(ssh.hint.fr.contains("Remplacez <public_ip>"), "{}", ssh.hint.fr);
    let synth_step = progress.iter().find(|s| s.id == "synth").expect("synth step");
    assert_eq!(synth_step.commands[1].run, "cdktf synth");
    assert!(synth_step.commands[1]
        .see
        .en
        .contains("cdktf.out/stacks/ec2-lab/cdk.tf.json"));
    assert_eq!(ssh_command(&stack), "ssh -i ~/.ssh/deployer-key ec2-user@<public_ip>");
    // The JSON the page reads.
    let v = serde_json::to_value(&progress).expect("json");
    assert_eq!(v[2]["template"], serde_json::json!({"state": "done"}));
    assert_eq!(v[2]["title"]["en"], "A security group that lets SSH in");
}

#[test]
fn the_ssh_user_follows_the_ami_family() {
    let mut stack = fixture("ec2-lab");
    for r in &mut stack.resources {
        if let ec2_playground_core::Resource::DataAwsAmi(a) = r {
            a.owners = Some(vec!["099720109477".into()]);
            a.filter = None;
        }
    }
    assert_eq!(ssh_command(&stack), "ssh -i ~/.ssh/deployer-key ubuntu@<public_ip>");
    stack.resources.retain(|r| r.id() != "amazon_linux");
    assert_eq!(ssh_command(&stack), "ssh -i ~/.ssh/deployer-key <user>@<public_ip>");
}

#[test]
fn a_step_removed_from_the_stack_is_missing_again_and_its_template_puts_it_back() {
    let lab = course_lab();
    let mut stack = fixture("ec2-lab");
    // The learner's SSH rule lost: the security group step is missing, HTTP still done.
    if let Some(ec2_playground_core::Resource::SecurityGroup(sg)) = stack.resources.get_mut(2) {
        sg.ingress.as_mut().expect("ingress").remove(0);
    }
    let progress = lab_progress(&lab, &stack);
    let by_id = |id: &str| progress.iter().find(|s| s.id == id).expect("step").clone();
    assert!(!by_id("security_group").done);
    assert_eq!(
        by_id("security_group").missing.expect("missing").en,
        "No SecurityGroup opens TCP port 22: no way to connect over SSH."
    );
    assert!(by_id("http").done);
    // The instance's group is the step's match: not done while no group opens SSH.
    assert!(!by_id("instance_group").done);
    // The template adds a group; its id is taken, so it gets a suffix; it goes before the
    // outputs.
    let fixed = apply_step_template(&lab, "security_group", &stack).expect("applies");
    let (i, added) = fixed.find("web_sg_2").expect("added");
    assert_eq!(added.var(), Some("sg_2"));
    assert_eq!(i, 7);
    assert!(lab_progress(&lab, &fixed)
        .iter()
        .any(|s| s.id == "security_group" && s.done));
}

#[test]
fn a_teachers_lab_ticks_on_the_multi_zone_fixture() {
    let lab = load_lab(&read("tests/labs/two-zones.json")).unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
    let stack = fixture("multi-zone");
    let progress = lab_progress(&lab, &stack);
    let done: Vec<(&str, bool)> = progress.iter().map(|s| (s.id.as_str(), s.done)).collect();
    assert_eq!(
        done,
        [
            ("zone_a", true),
            ("zone_b", true),
            ("web_group", true),
            ("admin_ssh", true),
            ("output_a", true),
            ("snapshots", true),
            ("imdsv2", false),
            ("ssh", false)
        ]
    );
    assert_eq!(progress[0].matched, ["web_a"]);
    assert_eq!(progress[1].matched, ["web_b", "database"]);
    // `allows` looks at protocol and port, whatever the source: db_sg's "all traffic from
    // itself" rule lets port 80 through too.
    assert_eq!(progress[2].matched, ["web_a", "web_b", "database"]);
    assert_eq!(progress[3].matched, ["admin_sg"]);
    assert_eq!(progress[5].matched, ["logs_backup", "archive_snap"]);
    assert_eq!(progress[6].template, TemplateState::Applies);
    assert_eq!(
        progress[7].commands[0].run,
        "ssh -i ~/.ssh/deployer-key ec2-user@<web_a_ip>"
    );
    let fixed = apply_step_template(&lab, "imdsv2", &stack).expect("applies");
    assert!(lab_progress(&lab, &fixed).iter().all(|s| s.done || s.id == "ssh"));
    // Only web_a changed.
    for (a, b) in stack.resources.iter().zip(&fixed.resources) {
        assert_eq!(a == b, a.id() != "web_a", "{}", a.id());
    }
    // One instance fewer in the HTTP group: two are needed.
    let mut fewer = stack.clone();
    fewer.resources.retain(|r| r.id() != "web_b" && r.id() != "database");
    let p = lab_progress(&lab, &fewer);
    assert!(!p[2].done);
    assert!(p[2].matched.is_empty());
}

fn error_of(text: &str) -> LabError {
    match load_lab(text) {
        Ok(_) => panic!("loaded: {text}"),
        Err(e) => e,
    }
}

const HEAD: &str = r#"{"lab_version": 1, "id": "t", "title": {"fr": "T", "en": "T"}, "steps": "#;

fn with_steps(steps: &str) -> String {
    format!("{HEAD}{steps}}}")
}

fn step(condition: &str) -> String {
    format!(
        r#"{{"id": "s", "title": {{"fr": "a", "en": "a"}}, "missing": {{"fr": "m", "en": "m"}}, "hint": {{"fr": "h", "en": "h"}}, "condition": {condition}}}"#
    )
}

#[test]
fn bad_lab_files_say_what_and_where() {
    // Not JSON: line and column.
    let e = error_of("{\n  \"lab_version\": 1,\n  \"id\": \"x\" \"title\"\n}");
    assert!(matches!(e, LabError::Invalid { line: 3, .. }), "{e:?}");
    // An unknown field, with its path and position.
    let e = error_of(&with_steps(&format!(
        "[{}]",
        step(r#"{"resource": "Instance", "wher": {}}"#)
    )));
    match &e {
        LabError::Invalid { path, message, .. } => {
            assert_eq!(path, "steps[0].condition.wher");
            assert!(message.contains("unknown field `wher`"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        e.message(Lang::Fr).contains("(ligne 1, colonne"),
        "{}",
        e.message(Lang::Fr)
    );
    // A missing text.
    let e = error_of(&with_steps(
        r#"[{"id": "s", "title": {"fr": "a"}, "hint": {"fr": "h", "en": "h"}, "commands": []}]"#,
    ));
    assert!(
        matches!(&e, LabError::Invalid { path, message, .. } if path == "steps[0].title" && message.contains("missing field `en`")),
        "{e:?}"
    );
    // Another version.
    let e = error_of(r#"{"lab_version": 2, "id": "t", "title": {"fr": "T", "en": "T"}, "steps": []}"#);
    assert_eq!(e, LabError::UnknownVersion { found: 2 });
    // An unknown class.
    let e = error_of(&with_steps(&format!("[{}]", step(r#"{"resource": "SecurityGrup"}"#))));
    assert_eq!(
        e.message(Lang::En),
        "steps[0].condition.resource: unknown class \"SecurityGrup\": write one of AwsProvider, DataAwsAmi, SecurityGroup, KeyPair, Instance, EbsVolume, VolumeAttachment, EbsSnapshot, TerraformOutput"
    );
    assert!(e
        .message(Lang::Fr)
        .starts_with("steps[0].condition.resource : classe inconnue « SecurityGrup »"));
    // A kwarg the class does not have.
    let e = error_of(&with_steps(&format!(
        "[{}]",
        step(r#"{"resource": "Instance", "where": {"instance_typ": {"set": true}}}"#)
    )));
    assert!(
        e.message(Lang::En)
            .starts_with("steps[0].condition.where.instance_typ: Instance has no kwarg \"instance_typ\""),
        "{}",
        e.message(Lang::En)
    );
    // A step that is not an earlier one.
    let e = error_of(&with_steps(&format!("[{}]", step(r#"{"step": "later"}"#))));
    assert!(e
        .message(Lang::En)
        .starts_with("steps[0].condition.step: \"later\" is not an earlier step"));
    // Two forms at once.
    let e = error_of(&with_steps(&format!(
        "[{}]",
        step(r#"{"resource": "Instance", "step": "x"}"#)
    )));
    assert!(e
        .message(Lang::En)
        .starts_with("steps[0].condition: a condition is exactly one of"));
    // Two steps with one id.
    let s = step(r#"{"resource": "Instance"}"#);
    let e = error_of(&with_steps(&format!("[{s}, {s}]")));
    assert_eq!(e.message(Lang::En), "steps[1].id: two steps have the id \"s\"");
    // A template whose resource does not read.
    let bad_template =
        step(r#"{"resource": "Instance"}, "template": {"add": {"Instance": {"id": "web", "instance_type": 3}}}"#);
    let e = error_of(&with_steps(&format!("[{bad_template}]")));
    assert!(
        e.message(Lang::En)
            .starts_with("steps[0].template.add: not a resource of the stack document: invalid type: integer `3`"),
        "{}",
        e.message(Lang::En)
    );
    // A template reference to no earlier step.
    let bad_ref = step(
        r#"{"resource": "Instance"}, "template": {"add": {"TerraformOutput": {"id": "o", "value": {"ref": {"step": "nope"}, "attr": "id"}}}}"#,
    );
    let e = error_of(&with_steps(&format!("[{bad_ref}]")));
    assert!(e
        .message(Lang::En)
        .contains("{\"ref\": {\"step\": \"nope\"}} does not name an earlier step"));
    // An unknown placeholder in a command.
    let e = error_of(&with_steps(
        r#"[{"id": "c", "title": {"fr": "a", "en": "a"}, "hint": {"fr": "h", "en": "h"}, "commands": [{"run": "ssh {user}@{public_ip}", "see": {"fr": "s", "en": "s"}}]}]"#,
    ));
    assert_eq!(
        e.message(Lang::En),
        "steps[0].commands[0].run: unknown placeholder {user}: write one of {stack}, {key_name}, {ssh_user}, {public_ip}"
    );
    // A step with neither condition nor commands.
    let e = error_of(&with_steps(
        r#"[{"id": "c", "title": {"fr": "a", "en": "a"}, "hint": {"fr": "h", "en": "h"}}]"#,
    ));
    assert!(e
        .message(Lang::Fr)
        .starts_with("steps[0] : une étape a besoin d'une condition"));
}

#[test]
fn template_errors() {
    let lab = course_lab();
    let stack = Stack::new("x");
    assert_eq!(
        apply_step_template(&lab, "nope", &stack),
        Err(LabError::UnknownStep("nope".into()))
    );
    assert_eq!(
        apply_step_template(&lab, "synth", &stack),
        Err(LabError::NoTemplate("synth".into()))
    );
    assert_eq!(
        apply_step_template(&lab, "http", &stack)
            .map_err(|e| e.message(Lang::Fr))
            .unwrap_err(),
        "l'étape « http » demande d'abord l'étape « security_group »"
    );
}

#[test]
fn lab_files_never_panic_on_arbitrary_text() {
    for text in [
        "",
        "null",
        "[]",
        "{",
        "{\"lab_version\": 1}",
        "\u{FEFF}{}",
        "{\"steps\": [{}]}",
    ] {
        let _ = load_lab(text);
    }
}
