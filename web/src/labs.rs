//! The labs built into the page, and the learner's place in the lab they follow.
//!
//! The course's lab is the project's own file (`labs/module-2-ec2.json`, documented in
//! `docs/labs.md`); a teacher's lab file opened by the learner is carried in their
//! [`LabProgress`] (saved and shared with the stack).

use std::rc::Rc;

use ec2_playground_core::lab::Lab;
use ec2_playground_core::{load_lab, LabProgress, Text};

/// The course's lab file.
const COURSE: &str = include_str!("../../labs/module-2-ec2.json");

/// The course lab's id (`"module-2-ec2"`).
pub const COURSE_ID: &str = "module-2-ec2";

/// The lab built into the page under `id`, if any.
pub fn builtin(id: &str) -> Option<Lab> {
    (id == COURSE_ID).then(|| load_lab(COURSE).ok()).flatten()
}

/// The course's lab. (The file is checked by `core/tests/lab.rs` and this crate's tests; a
/// lab of no steps stands in should it ever not load, rather than a panic.)
pub fn course() -> Lab {
    builtin(COURSE_ID).unwrap_or_else(|| Lab {
        lab_version: ec2_playground_core::lab::LAB_VERSION,
        id: COURSE_ID.to_owned(),
        title: Text::new("Lab", "Lab"),
        intro: None,
        golden: None,
        stack_name: None,
        steps: Vec::new(),
    })
}

/// The lab the learner follows and the commands steps they ticked by hand.
#[derive(Debug, Clone, PartialEq)]
pub struct ActiveLab {
    /// The lab.
    pub lab: Rc<Lab>,
    /// True when it is built into the page (its file is not saved nor shared).
    pub builtin: bool,
    /// The commands steps ticked by hand, by id.
    pub ticked: Vec<String>,
}

impl Default for ActiveLab {
    /// The course's lab, nothing ticked.
    fn default() -> Self {
        ActiveLab {
            lab: Rc::new(course()),
            builtin: true,
            ticked: Vec::new(),
        }
    }
}

impl ActiveLab {
    /// A lab to follow from its start.
    pub fn new(lab: Lab) -> ActiveLab {
        let builtin = builtin(&lab.id).is_some_and(|b| b == lab);
        ActiveLab {
            lab: Rc::new(lab),
            builtin,
            ticked: Vec::new(),
        }
    }

    /// What to save or share of it.
    pub fn progress(&self) -> LabProgress {
        LabProgress {
            lab: self.lab.id.clone(),
            ticked: self.ticked.clone(),
            file: (!self.builtin).then(|| (*self.lab).clone()),
        }
    }

    /// True when it is the course's lab with nothing ticked: a share link need not carry it.
    pub fn is_default(&self) -> bool {
        self.builtin && self.lab.id == COURSE_ID && self.ticked.is_empty()
    }

    /// The lab a saved or shared progress names: its file, else the built-in lab of its id
    /// (`None`: neither, as for a lab of a later page).
    pub fn restore(progress: LabProgress) -> Option<ActiveLab> {
        let (lab, builtin) = match progress.file {
            Some(lab) => {
                let builtin = builtin(&lab.id).is_some_and(|b| b == lab);
                (lab, builtin)
            }
            None => (builtin(&progress.lab)?, true),
        };
        let ticked = progress
            .ticked
            .into_iter()
            .filter(|id| lab.steps.iter().any(|s| &s.id == id && !s.commands.is_empty()))
            .collect();
        Some(ActiveLab {
            lab: Rc::new(lab),
            builtin,
            ticked,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_course_lab_is_built_in_and_restores() {
        let lab = course();
        assert_eq!(lab.id, COURSE_ID);
        assert!(lab.steps.len() >= 8, "{} steps", lab.steps.len());
        assert_eq!(lab.start_stack().name, "ec2-lab");
        let mut active = ActiveLab::default();
        assert!(active.is_default());
        let commands = lab
            .steps
            .iter()
            .find(|s| !s.commands.is_empty())
            .map(|s| s.id.clone())
            .expect("a commands step");
        active.ticked = vec![commands.clone(), "provider".into()];
        let progress = active.progress();
        assert!(progress.file.is_none(), "a built-in lab is named, not carried");
        let back = ActiveLab::restore(progress).expect("restores");
        assert_eq!(back.ticked, vec![commands], "only commands steps are ticked by hand");
        assert!(ActiveLab::restore(LabProgress {
            lab: "later-lab".into(),
            ..LabProgress::default()
        })
        .is_none());
    }

    #[test]
    fn a_teachers_lab_travels_with_its_file() {
        let lab = load_lab(include_str!("../../tests/labs/two-zones.json")).expect("loads");
        let active = ActiveLab::new(lab.clone());
        assert!(!active.builtin);
        let progress = active.progress();
        assert_eq!(progress.file.as_ref(), Some(&lab));
        assert_eq!(ActiveLab::restore(progress).map(|a| (*a.lab).clone()), Some(lab));
    }
}
