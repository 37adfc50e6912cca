//! The stacks the toolbar offers, each a stack document embedded in the page.
//!
//! The course lab is the project's own fixture (`tests/fixtures/ec2-lab/stack.json`, whose
//! `cdk.tf.json` comes from the real cdktf); the others live in `web/examples/`.

use ec2_playground_core::{load_stack, Lang, Stack};

const LAB: &str = include_str!("../../tests/fixtures/ec2-lab/stack.json");
const EMPTY: &str = include_str!("../examples/empty.json");
const TWO_AZS: &str = include_str!("../examples/two-azs.json");
const DATABASE: &str = include_str!("../examples/database.json");
const MULTI_ZONE: &str = include_str!("../../tests/fixtures/multi-zone/stack.json");

/// A stack to start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Example {
    /// The lab of the course module: the playground's default stack.
    Lab,
    /// Nothing but the AWS provider.
    Empty,
    /// The same web server in two availability zones.
    TwoAzs,
    /// A database server: security group referencing another, extra volumes, a snapshot.
    Database,
    /// Five instances over three zones and one AWS picks, three security groups, volumes
    /// and snapshots: the project's `multi-zone` fixture (golden from the real cdktf).
    MultiZone,
}

impl Example {
    /// Every example, in the order the toolbar lists them.
    pub const ALL: [Example; 5] = [
        Example::Lab,
        Example::Empty,
        Example::TwoAzs,
        Example::Database,
        Example::MultiZone,
    ];

    /// A stable code (`"lab"`), used as the `<option>` value.
    pub fn code(self) -> &'static str {
        match self {
            Example::Lab => "lab",
            Example::Empty => "empty",
            Example::TwoAzs => "two-azs",
            Example::Database => "database",
            Example::MultiZone => "multi-zone",
        }
    }

    /// The example whose [`Example::code`] is `code`.
    pub fn from_code(code: &str) -> Option<Example> {
        Example::ALL.into_iter().find(|e| e.code() == code)
    }

    /// Its name in the toolbar: short enough to show whole in the picker at 1280 px (a
    /// browser test measures it).
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Example::Lab, Lang::Fr) => "Lab du module 2",
            (Example::Lab, Lang::En) => "Module 2 lab",
            (Example::Empty, Lang::Fr) => "Stack vide",
            (Example::Empty, Lang::En) => "Empty stack",
            (Example::TwoAzs, Lang::Fr) => "Deux zones (AZ)",
            (Example::TwoAzs, Lang::En) => "Two zones (AZs)",
            (Example::Database, Lang::Fr) => "Base de données",
            (Example::Database, Lang::En) => "Database",
            (Example::MultiZone, Lang::Fr) => "3 zones, 5 instances",
            (Example::MultiZone, Lang::En) => "3 zones, 5 instances",
        }
    }

    fn document(self) -> &'static str {
        match self {
            Example::Lab => LAB,
            Example::Empty => EMPTY,
            Example::TwoAzs => TWO_AZS,
            Example::Database => DATABASE,
            Example::MultiZone => MULTI_ZONE,
        }
    }

    /// The stack. The documents are checked by this crate's tests; were one ever
    /// unreadable, an empty stack stands in rather than a panic.
    pub fn stack(self) -> Stack {
        load_stack(self.document()).unwrap_or_else(|_| Stack::new("ec2-lab"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ec2_playground_core::{synth, SynthOptions};

    #[test]
    fn every_example_loads_and_synthesizes() {
        for example in Example::ALL {
            let stack = load_stack(example.document()).unwrap_or_else(|e| panic!("{example:?}: {e}"));
            synth(&stack, &SynthOptions::for_stack(&stack)).unwrap_or_else(|e| panic!("{example:?}: {e}"));
            assert_eq!(Example::from_code(example.code()), Some(example));
            assert!(!example.title(Lang::Fr).is_empty() && !example.title(Lang::En).is_empty());
        }
    }

    #[test]
    fn the_lab_gives_the_real_cdktf_golden() {
        let stack = Example::Lab.stack();
        assert_eq!(stack.name, "ec2-lab");
        let json = synth(&stack, &SynthOptions::for_stack(&stack)).expect("synthesizes");
        assert_eq!(json, include_str!("../../tests/fixtures/ec2-lab/cdk.tf.json"));
    }

    #[test]
    fn the_multi_zone_example_gives_the_real_cdktf_golden() {
        let stack = Example::MultiZone.stack();
        let json = synth(&stack, &SynthOptions::for_stack(&stack)).expect("synthesizes");
        assert_eq!(json, include_str!("../../tests/fixtures/multi-zone/cdk.tf.json"));
    }
}
