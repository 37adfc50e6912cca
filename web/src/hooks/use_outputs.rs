//! Every output of the stack, derived with `use_memo`: recomputed when the stack changes,
//! never stored beside it.

use std::cell::RefCell;
use std::rc::Rc;

use ec2_playground_core::{synth, Stack, SynthError, SynthOptions};
use yew::prelude::*;

use crate::issues::FieldIssue;

/// What the panels show for one stack.
#[derive(Debug, Clone, PartialEq)]
pub struct Outputs {
    /// `cdk.tf.json` of the last stack that synthesized: while the stack holds an error,
    /// the panel keeps showing the last good text (`None` until one stack synthesizes).
    pub json: Option<Rc<String>>,
    /// Why the current stack does not synthesize, if it does not.
    pub synth_error: Option<Rc<SynthError>>,
    /// The problems to show beside the fields.
    pub issues: Rc<Vec<FieldIssue>>,
}

/// The outputs of `stack`.
#[hook]
pub fn use_outputs(stack: Rc<Stack>) -> Outputs {
    let synthesized = use_memo(stack, |stack| {
        synth(stack, &SynthOptions::for_stack(stack))
            .map(Rc::new)
            .map_err(Rc::new)
    });
    // The one thing kept between renders: the last good JSON, a cache of a derived value
    // (the stack it came from is gone), so a field with a bad value does not blank the panel.
    let last_good: Rc<RefCell<Option<Rc<String>>>> = use_mut_ref(|| None);
    let (json, synth_error) = match &*synthesized {
        Ok(text) => {
            *last_good.borrow_mut() = Some(text.clone());
            (Some(text.clone()), None)
        }
        Err(e) => (last_good.borrow().clone(), Some(e.clone())),
    };
    let issues = use_memo(synthesized.clone(), |result| {
        let mut issues = Vec::new();
        if let Err(e) = &**result {
            issues.push(FieldIssue::from_synth_error(e));
        }
        issues
    });
    Outputs {
        json,
        synth_error,
        issues,
    }
}
