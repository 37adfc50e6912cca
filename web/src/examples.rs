//! The stacks the toolbar offers, each a stack document embedded in the page.
//!
//! The course lab is the project's own fixture (`tests/fixtures/ec2-lab/stack.json`, whose
//! `cdk.tf.json` comes from the real cdktf); the others live in `web/examples/`.

use ec2_playground_core::{load_stack, Lang, Stack};

const LAB: &str = include_str!("../../tests/fixtures/ec2-lab/stack.json");
const EMPTY: &str = include_str!("../examples/empty.json");
const TWO_AZS: &str = include_str!("../examples/two-azs.json");
const DATABASE: &str = include_str!("../examples/database.json");

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
}

impl Example {
    /// Every example, in the order the toolbar lists them.
    pub const ALL: [Example; 4] = [Example::Lab, Example::Empty, Example::TwoAzs, Example::Database];

    /// A stable code (`"lab"`), used as the `<option>` value.
    pub fn code(self) -> &'static str {
        match self {
            Example::Lab => "lab",
            Example::Empty => "empty",
            Example::TwoAzs => "two-azs",
            Example::Database => "database",
        }
    }

    /// The example whose [`Example::code`] is `code`.
    pub fn from_code(code: &str) -> Option<Example> {
        Example::ALL.into_iter().find(|e| e.code() == code)
    }

    /// Its name in the toolbar.
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Example::Lab, Lang::Fr) => "Lab du module 2 (serveur web)",
            (Example::Lab, Lang::En) => "Module 2 lab (web server)",
            (Example::Empty, Lang::Fr) => "Stack vide (fournisseur AWS seul)",
            (Example::Empty, Lang::En) => "Empty stack (AWS provider only)",
            (Example::TwoAzs, Lang::Fr) => "Deux zones de disponibilité",
            (Example::TwoAzs, Lang::En) => "Two availability zones",
            (Example::Database, Lang::Fr) => "Base de données avec volumes EBS",
            (Example::Database, Lang::En) => "Database with EBS volumes",
        }
    }

    fn document(self) -> &'static str {
        match self {
            Example::Lab => LAB,
            Example::Empty => EMPTY,
            Example::TwoAzs => TWO_AZS,
            Example::Database => DATABASE,
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
}
