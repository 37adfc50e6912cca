//! `ec2-playground diagram STACK.json -o stack.svg`: the same SVG as the core's.

use std::path::Path;
use std::process::Command;

use ec2_playground_core::{check, diagram_svg, load_stack, Lang};

fn lab() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/ec2-lab/stack.json")
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ec2-playground"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

#[test]
fn writes_the_diagram_to_a_file() {
    let out = std::env::temp_dir().join(format!("ec2p-diagram-{}.svg", std::process::id()));
    let lab = lab();
    let result = run(&[
        "diagram",
        lab.to_str().expect("utf-8 path"),
        "-o",
        out.to_str().expect("utf-8 path"),
    ]);
    assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr));
    let written = std::fs::read_to_string(&out).expect("the SVG was written");
    let _ = std::fs::remove_file(&out);
    let stack = load_stack(&std::fs::read_to_string(lab).expect("lab")).expect("lab loads");
    // The CLI runs the checks: the SSH rule open to the world is drawn in warning style.
    assert_eq!(written, diagram_svg(&stack, &check(&stack), Lang::Fr));
    assert!(written.contains(
        "class=\"rule warn\" data-kind=\"rule\" data-direction=\"ingress\" data-path=\"resources[2].ingress[0]\""
    ));
    assert!(written.contains("AWS choisit la zone"));
}

#[test]
fn speaks_english_on_request() {
    let lab = lab();
    let result = run(&["diagram", lab.to_str().expect("utf-8 path"), "--lang", "en"]);
    assert!(result.status.success());
    let svg = String::from_utf8(result.stdout).expect("utf-8");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("AWS chooses the zone"));
}

#[test]
fn refuses_a_missing_stack_and_an_unknown_language() {
    let result = run(&["diagram", "/nonexistent/stack.json"]);
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("cannot read"));
    let lab = lab();
    let result = run(&["diagram", lab.to_str().expect("utf-8 path"), "--lang", "de"]);
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("fr or en"));
}
