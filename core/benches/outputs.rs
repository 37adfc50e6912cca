//! How long the playground waits for each output of a stack. Budgets are in
//! `scripts/budgets.sh`, which reads criterion's estimates after `cargo bench`.
//! For scale: the real `cdktf synth` takes about 10 s for the lab.

use criterion::{criterion_group, criterion_main, Criterion};
use ec2_playground_core::{
    check, export_zip, load_stack, main_py, python_files, read_python, synth, Resource, Stack, SynthOptions,
};
use std::hint::black_box;

fn lab() -> Stack {
    load_stack(include_str!("../../tests/fixtures/ec2-lab/stack.json")).expect("the lab loads")
}

/// The lab with its security group, instance and volume repeated until it holds about
/// `size` resources (400 is the size the examples' README times the real cdktf at).
fn big(size: usize) -> Stack {
    let lab = lab();
    let mut stack = lab.clone();
    stack.resources.truncate(2);
    for n in 0..(size / 6) {
        for r in lab.resources.iter().skip(2).take(6) {
            let mut r: Resource = r.clone();
            let id = format!("{}_{n}", r.id());
            r.set_id(id);
            r.set_var(None);
            stack.resources.push(r);
        }
    }
    // References point at the first copy's ids, which exist under their suffixed names.
    let text = ec2_playground_core::save_stack(&stack)
        .replace("\"ref\": \"web_sg\"", "\"ref\": \"web_sg_0\"")
        .replace("\"ref\": \"deployer\"", "\"ref\": \"deployer_0\"")
        .replace("\"ref\": \"web\"", "\"ref\": \"web_0\"")
        .replace("\"ref\": \"data\"", "\"ref\": \"data_0\"");
    load_stack(&text).expect("the big stack loads")
}

fn benches(c: &mut Criterion) {
    let lab = lab();
    let options = SynthOptions::for_stack(&lab);
    let lab_text = include_str!("../../tests/fixtures/ec2-lab/stack.json");
    c.bench_function("load_lab", |b| b.iter(|| load_stack(black_box(lab_text))));
    c.bench_function("synth_lab", |b| b.iter(|| synth(black_box(&lab), &options)));
    c.bench_function("python_lab", |b| b.iter(|| main_py(black_box(&lab))));
    c.bench_function("zip_lab", |b| b.iter(|| export_zip(black_box(&lab))));
    // check runs synth and reads every template string with the HCL parser.
    c.bench_function("check_lab", |b| b.iter(|| check(black_box(&lab))));
    let big400 = big(400);
    assert!(synth(&big400, &SynthOptions::for_stack(&big400)).is_ok());
    c.bench_function("synth_400", |b| b.iter(|| synth(black_box(&big400), &options)));
    c.bench_function("check_400", |b| b.iter(|| check(black_box(&big400))));
    // The main.py reader: the lab as the course writes it, and 1,000 resources.
    let lab_py = include_str!("../../tests/fixtures/ec2-lab/main.py");
    assert!(read_python(lab_py, None).stack.is_some());
    c.bench_function("read_lab", |b| b.iter(|| read_python(black_box(lab_py), None)));
    let thousand = python_files(&big(1000)).main_py;
    assert_eq!(read_python(&thousand, None).stack.map(|s| s.resources.len()), Some(998));
    c.bench_function("read_1000", |b| b.iter(|| read_python(black_box(&thousand), None)));
}

criterion_group!(outputs, benches);
criterion_main!(outputs);
