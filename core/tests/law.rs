//! The law between synth and check, on generated stacks (`support/stacks.rs`, hostile strings
//! and all): when `synth` refuses a stack, `check` reports an error at the same path (the
//! same field, or a part or a whole of it: `resources[3]` and `resources[3].id`).

#[path = "support/stacks.rs"]
mod stacks;

use ec2_playground_core::checks::{same_place, synth_error_path};
use ec2_playground_core::{check, synth, Severity, Stack, SynthOptions};
use proptest::prelude::*;
use proptest::test_runner::Config;
use stacks::{nth_stack, stack, Mode};

fn law_holds(stack: &Stack) -> Result<(), String> {
    let Err(e) = synth(stack, &SynthOptions::for_stack(stack)) else {
        return Ok(());
    };
    let path = synth_error_path(&e);
    let found = check(stack);
    if found
        .iter()
        .any(|d| d.severity == Severity::Error && same_place(&d.path, &path))
    {
        Ok(())
    } else {
        Err(format!(
            "synth refuses at {path} ({e}), check has no error there; check says:\n{}",
            found
                .iter()
                .map(|d| format!("  {:?} {} {}\n", d.severity, d.code, d.path))
                .collect::<String>()
        ))
    }
}

proptest! {
    #![proptest_config(Config { cases: 512, ..Config::default() })]

    #[test]
    fn when_synth_refuses_check_has_an_error_at_the_same_path(stack in stack(Mode::Any)) {
        let verdict = law_holds(&stack);
        prop_assert!(verdict.is_ok(), "{}", verdict.err().unwrap_or_default());
    }
}

/// The same law on 300 numbered stacks (reproducible from the seed), most of which synth
/// refuses: the law is not held by stacks that never reach it.
#[test]
fn the_law_on_numbered_stacks() {
    let mut refused = 0;
    for i in 0..300 {
        let stack = nth_stack(Mode::Any, 13, i);
        if synth(&stack, &SynthOptions::for_stack(&stack)).is_err() {
            refused += 1;
        }
        if let Err(e) = law_holds(&stack) {
            panic!("stack {i} of seed 13: {e}");
        }
    }
    eprintln!("{refused} of 300 stacks refused by synth, each with an error of check there");
    assert!(refused >= 30, "only {refused} of 300 stacks refused by synth");
}

/// The refusals the generator rarely makes, one by one.
#[test]
fn each_kind_of_refusal() {
    use ec2_playground_core::{load_stack, Resource};
    let base = r#"{"version": 1, "name": "lab", "resources": [
        {"AwsProvider": {"id": "AWS", "region": "eu-west-3"}},
        {"SecurityGroup": {"id": "sg", "name": "web", "description": "web", "tags": {"a": "b"}}},
        {"Instance": {"id": "web", "ami": "ami-0c55b159cbfafe1f0", "instance_type": "t3.micro"}}
    ]}"#;
    type Edit = Box<dyn Fn(&mut Stack)>;
    let edits: Vec<(&str, Edit)> = vec![
        (
            "stack name with a space",
            Box::new(|s: &mut Stack| s.name = "mon lab".into()),
        ),
        (
            "stack name too long",
            Box::new(|s: &mut Stack| s.name = "x".repeat(300)),
        ),
        (
            "stack name with a glob",
            Box::new(|s: &mut Stack| s.name = "lab*".into()),
        ),
        (
            "no provider",
            Box::new(|s: &mut Stack| {
                s.resources.remove(0);
            }),
        ),
        (
            "id constructor",
            Box::new(|s: &mut Stack| s.resources[1].set_id("constructor")),
        ),
        (
            "token in a tag",
            Box::new(|s: &mut Stack| {
                if let Resource::SecurityGroup(sg) = &mut s.resources[1] {
                    sg.tags = Some(
                        [("a".to_owned(), "${TfToken[TOKEN.1]}".to_owned())]
                            .into_iter()
                            .collect(),
                    );
                }
            }),
        ),
        (
            "__proto__ tag",
            Box::new(|s: &mut Stack| {
                if let Resource::SecurityGroup(sg) = &mut s.resources[1] {
                    sg.tags = Some([("__proto__".to_owned(), "x".to_owned())].into_iter().collect());
                }
            }),
        ),
        (
            "huge number",
            Box::new(|s: &mut Stack| {
                if let Resource::Instance(i) = &mut s.resources[2] {
                    i.root_block_device = Some(ec2_playground_core::RootBlockDevice {
                        volume_size: Some(i64::MAX),
                        ..Default::default()
                    });
                }
            }),
        ),
        (
            "unescaped quote",
            Box::new(|s: &mut Stack| {
                if let Resource::Instance(i) = &mut s.resources[2] {
                    i.user_data = Some(ec2_playground_core::UserData {
                        script: "#!/bin/bash\necho \"hi\"\n".into(),
                        encoding: ec2_playground_core::UserDataEncoding::FnBase64encode,
                        ..Default::default()
                    });
                }
            }),
        ),
    ];
    for (what, edit) in edits {
        let mut stack = load_stack(base).unwrap_or_else(|e| panic!("{e}"));
        edit(&mut stack);
        assert!(
            synth(&stack, &SynthOptions::for_stack(&stack)).is_err(),
            "{what}: synth accepts it"
        );
        if let Err(e) = law_holds(&stack) {
            panic!("{what}: {e}");
        }
    }
}
