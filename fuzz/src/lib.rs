//! What the fuzz targets share: the page's outputs of a stack, which must never panic.

use ec2_playground_core::{check, diagram_svg, main_tf, synth, try_python_files, Lang, Stack, SynthOptions};

/// Computes everything the page shows for `stack` (synth, the checks, the diagram, `main.tf`,
/// the Python project): each may refuse the stack with an error, none may panic. Returns the
/// Python project when the stack is valid, for the reader's round trip.
pub fn outputs(stack: &Stack) -> Option<ec2_playground_core::PythonFiles> {
    let options = SynthOptions::new("/home/learner/fuzz");
    let synthesized = synth(stack, &options);
    let diagnostics = check(stack);
    let _ = diagram_svg(stack, &diagnostics, Lang::Fr);
    let _ = main_tf(stack, &options);
    let files = try_python_files(stack).ok();
    // The writer accepts exactly what synth accepts.
    assert_eq!(
        synthesized.is_ok(),
        files.is_some(),
        "synth and the Python writer disagree"
    );
    files
}

/// Splits fuzz bytes at the first NUL: `(main.py, Some(user_data.py))`, or the whole as
/// `main.py` without a NUL. `None` when either part is not UTF-8.
pub fn project(data: &[u8]) -> Option<(&str, Option<&str>)> {
    match data.iter().position(|&b| b == 0) {
        Some(i) => Some((
            std::str::from_utf8(data.get(..i)?).ok()?,
            Some(std::str::from_utf8(data.get(i + 1..)?).ok()?),
        )),
        None => Some((std::str::from_utf8(data).ok()?, None)),
    }
}
