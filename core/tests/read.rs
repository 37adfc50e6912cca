//! The `main.py` reader: every fixture's hand-written `main.py` reads to a stack that
//! synthesizes to its golden (the bytes the real cdktf wrote for that very file), the
//! Python the writer produces reads back to the same stack, and what Python or cdktf would
//! refuse is reported at its line and column.

use std::path::{Path, PathBuf};

#[path = "support/stacks.rs"]
mod stacks;

use ec2_playground_core::python::{python_files_styled, Style};
use ec2_playground_core::read::{read_python, ReadOutcome, SourceFile};
use ec2_playground_core::{load_stack, python_files, synth, Severity, Stack, SynthOptions};
use proptest::prelude::*;
use proptest::test_runner::Config;
use stacks::{stack, Mode};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("main.py").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn read_dir(dir: &Path) -> ReadOutcome {
    let main = std::fs::read_to_string(dir.join("main.py")).expect("readable main.py");
    let ud = std::fs::read_to_string(dir.join("user_data.py")).ok();
    read_python(&main, ud.as_deref())
}

fn errors(outcome: &ReadOutcome) -> Vec<String> {
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.render(ec2_playground_core::Lang::En))
        .collect()
}

/// The law on the fixtures: the real cdktf ran each `main.py` and wrote the golden; our
/// reading of the same file synthesizes to the same bytes.
#[test]
fn every_fixture_main_py_reads_to_a_stack_that_synthesizes_to_its_golden() {
    let mut failures = Vec::new();
    let dirs = fixtures();
    assert!(dirs.len() >= 18, "{dirs:?}");
    for dir in dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let outcome = read_dir(&dir);
        let Some(stack) = outcome.stack.clone() else {
            failures.push(format!("{name}: does not read:\n  {}", errors(&outcome).join("\n  ")));
            continue;
        };
        let golden = std::fs::read_to_string(dir.join("cdk.tf.json")).expect("golden");
        match synth(&stack, &SynthOptions::new(format!("/home/learner/{name}"))) {
            Ok(ours) if ours == golden => {}
            Ok(_) => failures.push(format!("{name}: synth of the read stack differs from the golden")),
            Err(e) => failures.push(format!("{name}: synth of the read stack fails: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A stack without its Python spellings: variable names and user-data constant names, which
/// the `python-names` fixture gives in forms Python cannot take (`"var": "__class__"`) and
/// its `main.py` writes as valid names.
fn without_python_names(stack: &Stack) -> serde_json::Value {
    let mut doc = serde_json::to_value(stack).unwrap_or_default();
    if let Some(resources) = doc.get_mut("resources").and_then(|r| r.as_array_mut()) {
        for r in resources {
            if let Some(fields) = r
                .as_object_mut()
                .and_then(|o| o.values_mut().next())
                .and_then(|f| f.as_object_mut())
            {
                fields.remove("var");
                for k in ["user_data", "user_data_base64"] {
                    if let Some(ud) = fields.get_mut(k).and_then(|u| u.as_object_mut()) {
                        ud.remove("name");
                    }
                }
            }
        }
    }
    doc
}

/// Every fixture's `main.py` reads to its `stack.json`, field for field; variable and
/// constant names too, except in `python-names`, whose document holds names Python cannot
/// take.
#[test]
fn every_fixture_main_py_reads_to_its_stack_document() {
    let mut failures = Vec::new();
    for dir in fixtures() {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let expected =
            load_stack(&std::fs::read_to_string(dir.join("stack.json")).expect("stack.json")).expect("loads");
        let outcome = read_dir(&dir);
        match outcome.stack {
            Some(s) if s == expected => {}
            Some(s) if name == "python-names" && without_python_names(&s) == without_python_names(&expected) => {}
            Some(s) => {
                let ours = serde_json::to_string_pretty(&s).unwrap_or_default();
                let theirs = serde_json::to_string_pretty(&expected).unwrap_or_default();
                let line = ours.lines().zip(theirs.lines()).position(|(a, b)| a != b).unwrap_or(0);
                failures.push(format!(
                    "{name}: read {:?}, stack.json has {:?}",
                    ours.lines().nth(line).unwrap_or_default(),
                    theirs.lines().nth(line).unwrap_or_default()
                ));
            }
            None => failures.push(format!("{name}: does not read")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What the writer writes, the reader reads back: the same stack for every fixture.
#[test]
fn the_python_of_every_fixture_reads_back_to_the_same_stack() {
    for dir in fixtures() {
        let expected =
            load_stack(&std::fs::read_to_string(dir.join("stack.json")).expect("stack.json")).expect("loads");
        let files = python_files(&expected);
        let outcome = read_python(&files.main_py, files.user_data_py.as_deref());
        let stack = outcome
            .stack
            .clone()
            .unwrap_or_else(|| panic!("{}: {:?}", dir.display(), errors(&outcome)));
        let options = SynthOptions::new("/home/learner/x");
        assert_eq!(
            synth(&stack, &options).ok(),
            synth(&expected, &options).ok(),
            "{}",
            dir.display()
        );
        assert_eq!(stack.resources.len(), expected.resources.len());
        for (a, b) in stack.resources.iter().zip(&expected.resources) {
            assert_eq!(a.id(), b.id());
        }
    }
}

proptest! {
    #![proptest_config(Config { cases: 128, ..Config::default() })]

    /// The writer and the reader agree on every generated valid stack, hostile strings,
    /// numbers at the edges and odd ids included: the code synthesizes to the same bytes.
    #[test]
    fn written_python_reads_back_to_the_same_json(stack in stack(Mode::Valid)) {
        let files = python_files(&stack);
        let outcome = read_python(&files.main_py, files.user_data_py.as_deref());
        prop_assert!(outcome.stack.is_some(), "{:?}\n{}", errors(&outcome), files.main_py);
        let read = outcome.stack.unwrap_or_else(|| Stack::new("x"));
        let options = SynthOptions::new("/home/learner/x");
        prop_assert_eq!(synth(&read, &options).ok(), synth(&stack, &options).ok());
    }

    /// Every other style a learner may write reads back to the same JSON too.
    #[test]
    fn styled_python_reads_back_to_the_same_json(stack in stack(Mode::Valid), bits in 0u8..16) {
        let style = Style {
            blocks_as_dicts: bits & 1 != 0,
            qualified_cdktf: bits & 2 != 0,
            comments: bits & 4 != 0,
            every_variable: bits & 8 != 0,
        };
        let files = python_files_styled(&stack, style);
        let outcome = read_python(&files.main_py, files.user_data_py.as_deref());
        prop_assert!(outcome.stack.is_some(), "{:?}\n{}", errors(&outcome), files.main_py);
        let read = outcome.stack.unwrap_or_else(|| Stack::new("x"));
        let options = SynthOptions::new("/home/learner/x");
        prop_assert_eq!(synth(&read, &options).ok(), synth(&stack, &options).ok());
    }

    /// Any text: no panic, and a stack only without errors.
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let outcome = read_python(&text, None);
        prop_assert_eq!(outcome.stack.is_some(), !outcome.has_errors());
    }
}

const HEAD: &str = "from constructs import Construct
from cdktf import App, TerraformStack, TerraformOutput
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.security_group import SecurityGroup, SecurityGroupIngress
from cdktf_cdktf_provider_aws.instance import Instance


class MyStack(TerraformStack):
    def __init__(self, scope: Construct, id: str):
        super().__init__(scope, id)
        AwsProvider(self, \"aws\", region=\"eu-west-3\")
";

const TAIL: &str = "

app = App()
MyStack(app, \"lab\")
app.synth()
";

fn program(body: &str) -> String {
    format!("{HEAD}{body}{TAIL}")
}

/// The only error of `code`: (code, line, column, English message).
fn only_error(code: &str) -> (String, usize, usize, String, String) {
    let outcome = read_python(code, None);
    let errs: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errs.len(), 1, "{:?}", outcome.diagnostics);
    assert!(outcome.stack.is_none());
    let d = errs[0];
    assert!(!d.message.fr.is_empty() && !d.hint.fr.is_empty() && !d.hint.en.is_empty());
    (
        d.code.to_owned(),
        d.span.line,
        d.span.column,
        d.message.en.clone(),
        d.hint.en.clone(),
    )
}

#[test]
fn a_small_program_reads_with_references_dicts_and_outputs() {
    let code = program(
        "        sg = SecurityGroup(self, \"web_sg\", name=\"web\",  # a comment
            ingress=[SecurityGroupIngress(from_port=22, to_port=22, protocol=\"tcp\", cidr_blocks=[\"0.0.0.0/0\"]),
                     {\"fromPort\": 80, \"toPort\": 80, \"protocol\": \"tcp\", \"selfAttribute\": True}])
        web = Instance(self, \"web\", ami=\"ami-1\", instance_type=f\"t3.micro\", vpc_security_group_ids=[sg.id],
            root_block_device={\"volume_size\": 8, \"encrypted\": True},
            tags={\"Name\": \"web\" \"-server\"})
        TerraformOutput(self, \"ip\", value=web.public_ip)
        TerraformOutput(self, \"all\", value={\"ids\": [web.id, sg.id], \"n\": -1})",
    );
    let outcome = read_python(&code, None);
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
    let stack = outcome.stack.clone().expect("a stack");
    assert_eq!(stack.name, "lab");
    assert_eq!(stack.class_name, "MyStack");
    let doc = serde_json::to_value(&stack).expect("serializes");
    assert_eq!(
        doc["resources"][1]["SecurityGroup"]["ingress"][1],
        serde_json::json!({"from_port": 80, "to_port": 80, "protocol": "tcp", "self": true})
    );
    assert_eq!(doc["resources"][2]["Instance"]["instance_type"], "t3.micro");
    assert_eq!(doc["resources"][2]["Instance"]["var"], "web");
    assert_eq!(
        doc["resources"][2]["Instance"]["vpc_security_group_ids"],
        serde_json::json!([{"ref": "web_sg", "attr": "id"}])
    );
    assert_eq!(doc["resources"][2]["Instance"]["tags"]["Name"], "web-server");
    assert_eq!(
        doc["resources"][4]["TerraformOutput"]["value"],
        serde_json::json!({"map": {"ids": [{"ref": "web", "attr": "id"}, {"ref": "web_sg", "attr": "id"}], "n": -1}})
    );
    // Where things are, for the editor and for showing checks in the code.
    let s = outcome.span_of("resources[1].ingress[0].from_port").expect("a span");
    assert_eq!((s.line, &code[s.start..s.end]), (13, "22"));
    let s = outcome.span_of("resources[2].tags[\"Name\"]").expect("a span");
    assert_eq!(&code[s.start..s.end], "\"web\" \"-server\"");
    assert_eq!(outcome.span_of("resources[2].monitoring").map(|s| s.line), Some(15));
}

#[test]
fn user_data_forms_are_told_apart() {
    let code = "import base64
from constructs import Construct
from cdktf import App, TerraformStack, Fn
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.instance import Instance
from user_data import WEB

BOOT = \"\"\"#!/bin/bash
echo hi
\"\"\"


class S(TerraformStack):
    def __init__(self, scope, id):
        super().__init__(scope, id)
        AwsProvider(self, \"aws\")
        Instance(self, \"a\", user_data=BOOT)
        Instance(self, \"b\", user_data_base64=base64.b64encode(BOOT.encode()).decode())
        Instance(self, \"c\", user_data=Fn.base64encode(WEB))
        Instance(self, \"d\", user_data=\"#!/bin/sh\\n\")


app = App()
S(app, \"ud\")
app.synth()
";
    let outcome = read_python(code, Some("WEB = '#!/bin/bash\\nweb\\n'\n"));
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
    let doc = serde_json::to_value(outcome.stack.expect("a stack")).expect("json");
    let ud = |i: usize, k: &str| doc["resources"][i]["Instance"][k].clone();
    assert_eq!(
        ud(1, "user_data"),
        serde_json::json!({"script": "#!/bin/bash\necho hi\n", "encoding": "plain", "location": "constant", "name": "BOOT"})
    );
    assert_eq!(ud(2, "user_data_base64")["encoding"], "base64");
    assert_eq!(
        ud(3, "user_data"),
        serde_json::json!({"script": "#!/bin/bash\nweb\n", "encoding": "fn_base64encode", "location": "module", "name": "WEB"})
    );
    assert_eq!(ud(4, "user_data")["location"], "inline");
}

/// In a list, jsii passes a dict to JavaScript as it is: a Python name as key is dropped by
/// the real cdktf (the port would vanish); we refuse it and name the key cdktf expects.
#[test]
fn a_python_name_as_a_dict_key_in_a_list_is_refused() {
    let (code, line, column, message, hint) = only_error(&program(
        "        SecurityGroup(self, \"sg\", ingress=[{\"from_port\": 22, \"toPort\": 22}])",
    ));
    assert_eq!((code.as_str(), line, column), ("py-dict-key", 12, 45));
    assert!(message.contains("expects the jsii name \"fromPort\""), "{message}");
    assert_eq!(hint, "write \"fromPort\": ... or SecurityGroupIngress(from_port=...)");
}

#[test]
fn a_misspelt_kwarg_is_refused_with_the_right_name() {
    let (code, line, column, message, hint) = only_error(&program(
        "        Instance(self, \"web\", ami=\"ami-1\", instance_typ=\"t3.micro\")",
    ));
    assert_eq!((code.as_str(), line, column), ("py-unknown-kwarg", 12, 44));
    assert!(message.contains("Instance has no argument instance_typ"), "{message}");
    assert_eq!(hint, "did you mean instance_type?");
}

#[test]
fn a_string_where_a_number_goes_is_refused() {
    let (code, line, column, message, _) = only_error(&program(
        "        SecurityGroup(self, \"sg\", ingress=[SecurityGroupIngress(from_port=\"22\", to_port=22, protocol=\"tcp\")])",
    ));
    assert_eq!((code.as_str(), line, column), ("py-type", 12, 75));
    assert_eq!(
        message,
        "from_port expects a number (22, without quotes), not a string (cdktf: TypeError)"
    );
}

#[test]
fn a_duplicate_construct_id_is_refused_at_the_second() {
    let (code, line, _, message, _) = only_error(&program(
        "        Instance(self, \"web\", ami=\"ami-1\")\n        Instance(self, \"web\", ami=\"ami-2\")",
    ));
    assert_eq!((code.as_str(), line), ("py-duplicate-id", 13));
    assert!(message.contains("already taken"), "{message}");
}

#[test]
fn a_missing_required_kwarg_and_an_undefined_name_are_refused() {
    let (code, _, _, message, _) = only_error(&program("        TerraformOutput(self, \"o\")"));
    assert_eq!(code, "py-missing-kwarg");
    assert!(message.contains("requires the argument value"), "{message}");
    let (code, line, column, message, _) = only_error(&program("        Instance(self, \"w\", ami=img.id)"));
    assert_eq!((code.as_str(), line, column), ("py-type", 12, 33));
    assert!(message.contains("not a reference"), "{message}");
    let (code, _, _, message, hint) = only_error(&program("        KeyPar(self, \"k\", public_key=\"x\")"));
    assert_eq!(code, "py-undefined-name");
    assert_eq!(message, "KeyPar is not defined (NameError)");
    assert_eq!(hint, "did you mean KeyPair? import it");
    // The right class without its import: the import to write, not "did you mean" itself.
    let (code, _, _, message, hint) = only_error(&program("        KeyPair(self, \"k\", public_key=\"x\")"));
    assert_eq!(code, "py-undefined-name");
    assert_eq!(message, "KeyPair is not defined (NameError)");
    assert_eq!(hint, "import it: from cdktf_cdktf_provider_aws.key_pair import KeyPair");
    // print(...) is Python's own: not a NameError, and no import to suggest.
    let (code, line, _, message, hint) = only_error(&program("        print(\"bonjour\")"));
    assert_eq!((code.as_str(), line), ("py-unsupported", 12));
    assert_eq!(message, "the playground does not read the call print(...)");
    assert_eq!(
        hint,
        "remove it: it does not change the stack (cdktf synth keeps nothing of it)"
    );
}

#[test]
fn what_the_playground_does_not_model_says_what_to_write_instead() {
    let (code, line, column, message, hint) = only_error(&program(
        "        for i in range(2):\n            Instance(self, f\"web{i}\", ami=\"ami-1\")",
    ));
    assert_eq!((code.as_str(), line, column), ("py-unsupported", 12, 9));
    assert_eq!(message, "the playground does not read this statement in __init__");
    assert!(hint.contains("no loop"), "{hint}");
}

#[test]
fn a_syntax_error_is_placed_and_nothing_is_lost() {
    let code = program("        Instance(self, \"web\", ami=\"ami-1\"");
    let outcome = read_python(&code, None);
    assert!(outcome.stack.is_none());
    let first = &outcome.diagnostics[0];
    assert_eq!(first.code, "py-syntax");
    assert_eq!(first.file, SourceFile::MainPy);
    assert!(first.span.line >= 12, "{first:?}");
    assert!(first.message.fr.starts_with("erreur de syntaxe Python"));
}

#[test]
fn a_class_imported_from_the_wrong_module_is_named() {
    let code = "from cdktf_cdktf_provider_aws.instance import SecurityGroup\n";
    let outcome = read_python(code, None);
    let d = outcome
        .diagnostics
        .iter()
        .find(|d| d.code == "py-import")
        .expect("an import error");
    assert_eq!((d.span.line, d.span.column), (1, 47));
    assert_eq!(
        d.hint.en,
        "write from cdktf_cdktf_provider_aws.security_group import SecurityGroup"
    );
}

#[test]
fn a_stack_never_created_is_reported() {
    let code = format!("{HEAD}\n\napp = App()\napp.synth()\n");
    let (code, line, _, message, _) = only_error(&code);
    assert_eq!((code.as_str(), line), ("py-no-stack", 8));
    assert_eq!(message, "the stack MyStack is never created");
}

#[test]
fn classes_through_their_modules_read_too() {
    let code = "import cdktf
import constructs
from cdktf_cdktf_provider_aws import instance, provider
import cdktf_cdktf_provider_aws.security_group as sgm


class S(cdktf.TerraformStack):
    def __init__(self, scope: constructs.Construct, id: str):
        super().__init__(scope, id)
        provider.AwsProvider(self, \"aws\")
        sg = sgm.SecurityGroup(self, \"sg\", egress=[sgm.SecurityGroupEgress(from_port=0, to_port=0, protocol=\"-1\")])
        instance.Instance(self, \"w\", vpc_security_group_ids=[sg.id],
                          user_data=cdktf.Fn.base64encode(\"#!/bin/sh\\n\"),
                          root_block_device=instance.InstanceRootBlockDevice(volume_size=8))
        cdktf.TerraformOutput(self, \"o\", value=sg.id)


app = cdktf.App()
S(app, \"mods\")
app.synth()
";
    let outcome = read_python(code, None);
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
    let doc = serde_json::to_value(outcome.stack.expect("a stack")).expect("json");
    assert_eq!(doc["resources"][1]["SecurityGroup"]["egress"][0]["protocol"], "-1");
    assert_eq!(
        doc["resources"][2]["Instance"]["user_data"]["encoding"],
        "fn_base64encode"
    );
    assert_eq!(doc["resources"][2]["Instance"]["root_block_device"]["volume_size"], 8);
    assert_eq!(doc["resources"][3]["TerraformOutput"]["value"]["ref"], "sg");
}

/// Issue 14: numbers as jsii hands them to cdktf (docs/numbers.md): floats and powers read,
/// `-0` is the int 0 and `-0.0` the float, NaN and infinities are refused as jsii refuses them.
#[test]
fn numbers_read_as_javascript_holds_them() {
    let outcome = read_python(
        &program(
            "        TerraformOutput(self, \"a\", value=[1.5, 10**22, -0, -0.0, 9007199254740993, float(\"2.5\"), -1e-7, 0x10])",
        ),
        None,
    );
    assert!(errors(&outcome).is_empty(), "{:?}", errors(&outcome));
    let stack = outcome.stack.expect("reads");
    let text = ec2_playground_core::save_stack(&stack);
    assert!(
        text.contains("\"value\": [\n          1.5,\n          1e+22,\n          0,\n          -0.0,\n          9007199254740992,\n          2.5,\n          -1e-7,\n          16\n        ]"),
        "{text}"
    );
    for (value, en) in [
        ("float(\"nan\")", "jsii refuses float(\"nan\")"),
        ("float(\"-inf\")", "beyond JavaScript's largest number"),
        ("1e400", "beyond JavaScript's largest number"),
        ("10**400", "beyond JavaScript's largest number"),
    ] {
        let (code, _, _, message, _) = only_error(&program(&format!(
            "        TerraformOutput(self, \"a\", value={value})"
        )));
        assert_eq!(code, "py-number", "{value}");
        assert!(message.contains(en), "{value}: {message}");
    }
}
