//! How long the diagram of the course's lab takes to compute: `cargo bench -p ec2-playground-core`.

use criterion::{criterion_group, criterion_main, Criterion};
use ec2_playground_core::{diagram_svg, load_stack, Diagnostic, Lang, Severity, Text};

fn lab_diagram(c: &mut Criterion) {
    let text = include_str!("../../tests/fixtures/ec2-lab/stack.json");
    let Ok(stack) = load_stack(text) else {
        panic!("the lab fixture does not load");
    };
    let diagnostics = vec![Diagnostic {
        code: "EC2P-SG-SSH-WORLD".into(),
        severity: Severity::Warning,
        path: "resources[2].ingress[0].cidr_blocks[0]".into(),
        message: Text::new("SSH ouvert à tout Internet", "SSH open to the whole Internet"),
        hint: Text::new("Restreignez la source", "Restrict the source"),
        checkov: Some("CKV_AWS_24".into()),
    }];
    c.bench_function("diagram_svg(ec2-lab)", |b| {
        b.iter(|| diagram_svg(std::hint::black_box(&stack), &diagnostics, Lang::Fr))
    });
}

criterion_group!(benches, lab_diagram);
criterion_main!(benches);
