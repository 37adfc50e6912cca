//! Share links: the stack carried in the URL fragment. The codec is the core's
//! ([`ec2_playground_core::share`], where it is fuzzed natively); the browser side (reading
//! and writing `location.hash`) is in [`crate::services::location`].

pub use ec2_playground_core::share::*;
