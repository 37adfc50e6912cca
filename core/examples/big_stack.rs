//! Prints a stack document of about N resources: the lab's security group, key pair,
//! instance, volume, attachment and output repeated, each copy under suffixed construct
//! ids, references pointing at the first copy. Used to time the page at scale
//! (scripts/page-bench.sh) and the same shape as the core's benchmarks.
//!
//!   cargo run -q -p ec2-playground-core --example big_stack -- 1000 > big.json

use ec2_playground_core::{load_stack, save_stack, Resource};

fn main() {
    let size: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let lab = match load_stack(include_str!("../../tests/fixtures/ec2-lab/stack.json")) {
        Ok(stack) => stack,
        Err(e) => {
            eprintln!("the lab does not load: {e}");
            std::process::exit(1);
        }
    };
    let mut stack = lab.clone();
    stack.resources.truncate(2);
    let copies = (size.saturating_sub(2) / 6).max(1);
    for n in 0..copies {
        for r in lab.resources.iter().skip(2).take(6) {
            let mut r: Resource = r.clone();
            let id = format!("{}_{n}", r.id());
            r.set_id(id);
            r.set_var(None);
            stack.resources.push(r);
        }
    }
    let text = save_stack(&stack)
        .replace("\"ref\": \"web_sg\"", "\"ref\": \"web_sg_0\"")
        .replace("\"ref\": \"deployer\"", "\"ref\": \"deployer_0\"")
        .replace("\"ref\": \"web\"", "\"ref\": \"web_0\"")
        .replace("\"ref\": \"data\"", "\"ref\": \"data_0\"");
    print!("{text}");
}
