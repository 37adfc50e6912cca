//! A lab file a learner opens (`core::lab::load_lab`), and the lab progress saved under
//! `ec2-playground:lab:v1` or carried by a share link (`LabProgress::parse`).
//!
//! Laws: a lab that loads writes to JSON that loads to the same lab; a progress that parses
//! saves to JSON that parses to the same progress.
#![no_main]

use ec2_playground_core::lab::{load_lab, LabProgress};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(lab) = load_lab(text) {
        let json = serde_json::to_string(&lab).expect("a lab serializes");
        assert_eq!(load_lab(&json).ok(), Some(lab));
    }
    if let Some(progress) = LabProgress::parse(text) {
        assert_eq!(LabProgress::parse(&progress.to_json()), Some(progress));
    }
});
