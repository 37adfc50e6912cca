//! The outputs every part of the page needs, derived with `use_memo`: recomputed when the
//! stack changes, never stored beside it. (Panels that only they need, `main.py` and the
//! diagram, derive theirs where they are shown.)

use std::cell::RefCell;
use std::rc::Rc;

use ec2_playground_core::{check, synth, Diagnostic, Severity, Stack, SynthError, SynthOptions};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::issues::FieldIssue;

/// What the panels and the fields show for one stack.
#[derive(Debug, Clone, PartialEq)]
pub struct Outputs {
    /// `cdk.tf.json` of the last stack that synthesized: while the stack holds an error,
    /// the panel keeps showing the last good text (`None` until one stack synthesizes).
    pub json: Option<Rc<String>>,
    /// The stack that `json` comes from: the current one, or the last that synthesized.
    /// `main.py` and the zip are made from it, so that every file the learner reads or
    /// downloads describes the same stack.
    pub good_stack: Option<Rc<Stack>>,
    /// Why the current stack does not synthesize, if it does not.
    pub synth_error: Option<Rc<SynthError>>,
    /// What the checks say of the current stack.
    pub diagnostics: Rc<Vec<Diagnostic>>,
    /// The problems to show beside the fields: the synth error, then the checks' errors
    /// and warnings (infos stay in the checks panel).
    pub issues: Rc<Vec<FieldIssue>>,
    /// The stack these outputs are of: the current one, or for a large stack the last that
    /// stayed unchanged while typing paused (it is also what the page saves).
    pub settled: Rc<Stack>,
}

/// How long typing must pause before the outputs (synth, the checks) are made again and the
/// stack is saved (milliseconds). Measured in headless Chromium (`scripts/page-bench.sh`):
/// made at each keystroke, they held a keystroke of the lab for about 50 ms and of a
/// 1,000-resource stack for seconds; made once typing pauses, a keystroke paints in about
/// 16 ms (the lab) to 35 ms (1,000 resources).
pub const SETTLE_MS: u32 = 150;

/// The last `stack` that stayed unchanged for [`SETTLE_MS`] (the first one at once).
#[hook]
fn use_settled(stack: Rc<Stack>) -> Rc<Stack> {
    let settled = use_state(|| stack.clone());
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let settled = settled.clone();
        use_effect_with(stack, move |stack| {
            if Rc::ptr_eq(&settled, stack) {
                timer.borrow_mut().take();
            } else {
                let (s, stack) = (settled.clone(), stack.clone());
                *timer.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || s.set(stack)));
            }
        });
    }
    (*settled).clone()
}

/// The outputs of `stack`, once typing pauses ([`SETTLE_MS`]).
#[hook]
pub fn use_outputs(stack: Rc<Stack>) -> Outputs {
    let stack = use_settled(stack);
    let settled = stack.clone();
    let current = stack.clone();
    let synthesized = use_memo(stack.clone(), |stack| {
        synth(stack, &SynthOptions::for_stack(stack))
            .map(Rc::new)
            .map_err(Rc::new)
    });
    let diagnostics = use_memo(stack, |stack| check(stack));
    // The one thing kept between renders: the last good JSON, a cache of a derived value
    // (the stack it came from is gone), so a field with a bad value does not blank the panel.
    type LastGood = Option<(Rc<String>, Rc<Stack>)>;
    let last_good: Rc<RefCell<LastGood>> = use_mut_ref(|| None);
    let (good, synth_error) = match &*synthesized {
        Ok(text) => {
            let good = (text.clone(), current);
            *last_good.borrow_mut() = Some(good.clone());
            (Some(good), None)
        }
        Err(e) => (last_good.borrow().clone(), Some(e.clone())),
    };
    let (json, good_stack) = match good {
        Some((json, stack)) => (Some(json), Some(stack)),
        None => (None, None),
    };
    let issues = use_memo((synthesized.clone(), diagnostics.clone()), |(result, diagnostics)| {
        let mut issues = Vec::new();
        if let Err(e) = &**result {
            issues.push(FieldIssue::from_synth_error(e));
        }
        for d in diagnostics.iter().filter(|d| d.severity != Severity::Info) {
            let issue = FieldIssue::from_diagnostic(d);
            // The synth error already says it, with why the panel is stale.
            if !issues.iter().any(|i| i.index == issue.index && i.path == issue.path) {
                issues.push(issue);
            }
        }
        issues
    });
    Outputs {
        json,
        good_stack,
        synth_error,
        diagnostics,
        issues,
        settled,
    }
}
