//! How each output grows with the stack: about 10, 100, 1,000 and 10,000 resources (8, 98,
//! 998 and 9,998: the lab's key pair and provider, then its security group, key pair,
//! instance, volume, attachment and output repeated, as `core/examples/big_stack.rs` makes
//! them for the page's benchmark). Ids are `scale/<output>/<size>`: `load` (the stack
//! document's JSON read), `synth`, `python` (the `main.py` writer), `check`, `diagram`
//! (with the checks' diagnostics, as the page draws it) and `read` (the `main.py` reader).
//!
//! The test command runs the check and the diagram at 1,000 against their budgets
//! (`scripts/budgets.sh`, filter `^scale/(check|diagram)/1000$`); the whole table of
//! `BENCHMARKS.md` is one run by hand (about 2 minutes):
//!
//!   cargo bench -p ec2-playground-core --profile dev --bench scale
//!   cargo bench -p ec2-playground-core --profile dev --bench scale -- '/10000$'

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use ec2_playground_core::{
    check, diagram_svg, load_stack, main_py, python_files, read_python, save_stack, synth, Lang, Resource, Stack,
    SynthOptions,
};
use std::hint::black_box;
use std::time::Duration;

/// The sizes asked for; the stacks hold 2 + 6 × ((size − 2) / 6) resources.
const SIZES: [usize; 4] = [10, 100, 1_000, 10_000];

/// The stack document of about `size` resources, as `core/examples/big_stack.rs` prints it.
fn big_text(size: usize) -> String {
    let lab = load_stack(include_str!("../../tests/fixtures/ec2-lab/stack.json")).expect("the lab loads");
    let mut stack = lab.clone();
    stack.resources.truncate(2);
    for n in 0..(size.saturating_sub(2) / 6).max(1) {
        for r in lab.resources.iter().skip(2).take(6) {
            let mut r: Resource = r.clone();
            let id = format!("{}_{n}", r.id());
            r.set_id(id);
            r.set_var(None);
            stack.resources.push(r);
        }
    }
    // References point at the first copy's ids, which exist under their suffixed names.
    save_stack(&stack)
        .replace("\"ref\": \"web_sg\"", "\"ref\": \"web_sg_0\"")
        .replace("\"ref\": \"deployer\"", "\"ref\": \"deployer_0\"")
        .replace("\"ref\": \"web\"", "\"ref\": \"web_0\"")
        .replace("\"ref\": \"data\"", "\"ref\": \"data_0\"")
}

fn big(size: usize) -> Stack {
    load_stack(&big_text(size)).expect("the big stack loads")
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale");
    // Few samples: a 10,000-resource run takes up to seconds; each sample runs it once.
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    for size in SIZES {
        // Inputs are made inside each closure: criterion calls it only when the filter
        // selects the bench, so that the test command never builds the 10,000 ones.
        group.bench_function(BenchmarkId::new("load", size), |b| {
            let text = big_text(size);
            b.iter(|| load_stack(black_box(&text)))
        });
        group.bench_function(BenchmarkId::new("synth", size), |b| {
            let stack = big(size);
            let options = SynthOptions::for_stack(&stack);
            assert!(synth(&stack, &options).is_ok());
            b.iter(|| synth(black_box(&stack), &options))
        });
        group.bench_function(BenchmarkId::new("python", size), |b| {
            let stack = big(size);
            b.iter(|| main_py(black_box(&stack)))
        });
        group.bench_function(BenchmarkId::new("check", size), |b| {
            let stack = big(size);
            b.iter(|| check(black_box(&stack)))
        });
        group.bench_function(BenchmarkId::new("diagram", size), |b| {
            let stack = big(size);
            let diagnostics = check(&stack);
            b.iter(|| diagram_svg(black_box(&stack), &diagnostics, Lang::Fr))
        });
        group.bench_function(BenchmarkId::new("read", size), |b| {
            let stack = big(size);
            let code = python_files(&stack).main_py;
            let read = read_python(&code, None).stack.map(|s| s.resources.len());
            assert_eq!(read, Some(stack.resources.len()));
            b.iter(|| read_python(black_box(&code), None))
        });
    }
    group.finish();
}

criterion_group!(scale, benches);
criterion_main!(scale);
