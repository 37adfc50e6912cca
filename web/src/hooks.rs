//! Hooks that derive what the panels show from the stack.

pub mod use_outputs;

pub use use_outputs::{use_outputs, Outputs};
