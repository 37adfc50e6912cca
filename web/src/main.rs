//! Starts the playground in the page.

fn main() {
    ec2_playground_web::start();
}
