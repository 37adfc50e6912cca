//! EC2 instance types, as data: each family with its processor architecture and sizes.
//!
//! Source: AWS's "Amazon EC2 instance types" specifications
//! (<https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-types.html>, general
//! purpose, compute, memory and storage optimized, accelerated computing and HPC pages,
//! with the previous-generation page), as of late 2025. High-memory `u-*` types are left
//! out: they are sold by reservation, not launched by a course.

/// Processor architecture of an instance type or an AMI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arch {
    /// Intel or AMD (`x86_64`).
    X86_64,
    /// AWS Graviton and Apple silicon (`arm64`).
    Arm64,
}

impl Arch {
    /// The name EC2 uses (`x86_64`, `arm64`).
    pub fn name(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64",
            Arch::Arm64 => "arm64",
        }
    }
}

use Arch::{Arm64, X86_64};

const T: &[&str] = &["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"];
const M5: &[&str] = &[
    "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "metal",
];
const M5A: &[&str] = &[
    "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge",
];
const I6: &[&str] = &[
    "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge", "metal",
];
const A6: &[&str] = &[
    "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge", "48xlarge",
    "metal",
];
const G6: &[&str] = &[
    "medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "metal",
];
const GN: &[&str] = &[
    "medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge",
];
const A7: &[&str] = &[
    "medium",
    "large",
    "xlarge",
    "2xlarge",
    "4xlarge",
    "8xlarge",
    "12xlarge",
    "16xlarge",
    "24xlarge",
    "32xlarge",
    "48xlarge",
    "metal-48xl",
];
const I7: &[&str] = &[
    "large",
    "xlarge",
    "2xlarge",
    "4xlarge",
    "8xlarge",
    "12xlarge",
    "16xlarge",
    "24xlarge",
    "48xlarge",
    "metal-24xl",
    "metal-48xl",
];
const FLEX: &[&str] = &[
    "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge",
];
const G8: &[&str] = &[
    "medium",
    "large",
    "xlarge",
    "2xlarge",
    "4xlarge",
    "8xlarge",
    "12xlarge",
    "16xlarge",
    "24xlarge",
    "48xlarge",
    "metal-24xl",
    "metal-48xl",
];
const C5: &[&str] = &[
    "large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge", "metal",
];
const G5: &[&str] = &[
    "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge",
];

/// `(family, architecture, sizes)`: the type `<family>.<size>` exists for each size.
pub const FAMILIES: &[(&str, Arch, &[&str])] = &[
    // General purpose.
    ("t1", X86_64, &["micro"]),
    ("t2", X86_64, T),
    ("t3", X86_64, T),
    ("t3a", X86_64, T),
    ("t4g", Arm64, T),
    ("m1", X86_64, &["small", "medium", "large", "xlarge"]),
    ("m2", X86_64, &["xlarge", "2xlarge", "4xlarge"]),
    ("m3", X86_64, &["medium", "large", "xlarge", "2xlarge"]),
    (
        "m4",
        X86_64,
        &["large", "xlarge", "2xlarge", "4xlarge", "10xlarge", "16xlarge"],
    ),
    ("m5", X86_64, M5),
    ("m5d", X86_64, M5),
    ("m5n", X86_64, M5),
    ("m5dn", X86_64, M5),
    ("m5a", X86_64, M5A),
    ("m5ad", X86_64, M5A),
    (
        "m5zn",
        X86_64,
        &["large", "xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge", "metal"],
    ),
    ("m6a", X86_64, A6),
    ("m6i", X86_64, I6),
    ("m6id", X86_64, I6),
    ("m6in", X86_64, I6),
    ("m6idn", X86_64, I6),
    ("m6g", Arm64, G6),
    ("m6gd", Arm64, G6),
    ("m7a", X86_64, A7),
    ("m7i", X86_64, I7),
    ("m7i-flex", X86_64, FLEX),
    ("m7g", Arm64, G6),
    ("m7gd", Arm64, G6),
    ("m8g", Arm64, G8),
    ("m8gd", Arm64, G8),
    ("m8a", X86_64, G8),
    (
        "m8i",
        X86_64,
        &[
            "large",
            "xlarge",
            "2xlarge",
            "4xlarge",
            "8xlarge",
            "12xlarge",
            "16xlarge",
            "24xlarge",
            "32xlarge",
            "48xlarge",
            "96xlarge",
            "metal-48xl",
            "metal-96xl",
        ],
    ),
    ("m8i-flex", X86_64, FLEX),
    (
        "a1",
        Arm64,
        &["medium", "large", "xlarge", "2xlarge", "4xlarge", "metal"],
    ),
    ("mac1", X86_64, &["metal"]),
    ("mac2", Arm64, &["metal"]),
    ("mac2-m2", Arm64, &["metal"]),
    ("mac2-m2pro", Arm64, &["metal"]),
    // Compute optimized.
    ("c1", X86_64, &["medium", "xlarge"]),
    ("c3", X86_64, &["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"]),
    ("c4", X86_64, &["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"]),
    ("c5", X86_64, C5),
    ("c5d", X86_64, C5),
    ("c5a", X86_64, M5A),
    ("c5ad", X86_64, M5A),
    (
        "c5n",
        X86_64,
        &["large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "18xlarge", "metal"],
    ),
    ("c6a", X86_64, A6),
    ("c6i", X86_64, I6),
    ("c6id", X86_64, I6),
    ("c6in", X86_64, I6),
    ("c6g", Arm64, G6),
    ("c6gd", Arm64, G6),
    ("c6gn", Arm64, GN),
    ("c7a", X86_64, A7),
    ("c7i", X86_64, I7),
    ("c7i-flex", X86_64, FLEX),
    ("c7g", Arm64, G6),
    ("c7gd", Arm64, G6),
    ("c7gn", Arm64, G6),
    ("c8g", Arm64, G8),
    ("c8gd", Arm64, G8),
    // Memory optimized.
    ("r3", X86_64, &["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"]),
    (
        "r4",
        X86_64,
        &["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"],
    ),
    ("r5", X86_64, M5),
    ("r5d", X86_64, M5),
    ("r5n", X86_64, M5),
    ("r5dn", X86_64, M5),
    ("r5b", X86_64, M5),
    ("r5a", X86_64, M5A),
    ("r5ad", X86_64, M5A),
    ("r6a", X86_64, A6),
    ("r6i", X86_64, I6),
    ("r6id", X86_64, I6),
    ("r6in", X86_64, I6),
    ("r6idn", X86_64, I6),
    ("r6g", Arm64, G6),
    ("r6gd", Arm64, G6),
    ("r7a", X86_64, A7),
    ("r7i", X86_64, I7),
    (
        "r7iz",
        X86_64,
        &[
            "large",
            "xlarge",
            "2xlarge",
            "4xlarge",
            "8xlarge",
            "12xlarge",
            "16xlarge",
            "32xlarge",
            "metal-16xl",
            "metal-32xl",
        ],
    ),
    ("r7g", Arm64, G6),
    ("r7gd", Arm64, G6),
    ("r8g", Arm64, G8),
    ("r8gd", Arm64, G8),
    ("x1", X86_64, &["16xlarge", "32xlarge"]),
    (
        "x1e",
        X86_64,
        &["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "32xlarge"],
    ),
    ("x2gd", Arm64, G6),
    ("x2idn", X86_64, &["16xlarge", "24xlarge", "32xlarge", "metal"]),
    (
        "x2iedn",
        X86_64,
        &[
            "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "24xlarge", "32xlarge", "metal",
        ],
    ),
    (
        "x2iezn",
        X86_64,
        &["2xlarge", "4xlarge", "6xlarge", "8xlarge", "12xlarge", "metal"],
    ),
    (
        "z1d",
        X86_64,
        &["large", "xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge", "metal"],
    ),
    // Storage optimized.
    ("d2", X86_64, &["xlarge", "2xlarge", "4xlarge", "8xlarge"]),
    ("d3", X86_64, &["xlarge", "2xlarge", "4xlarge", "8xlarge"]),
    (
        "d3en",
        X86_64,
        &["xlarge", "2xlarge", "4xlarge", "6xlarge", "8xlarge", "12xlarge"],
    ),
    ("h1", X86_64, &["2xlarge", "4xlarge", "8xlarge", "16xlarge"]),
    ("i2", X86_64, &["xlarge", "2xlarge", "4xlarge", "8xlarge"]),
    (
        "i3",
        X86_64,
        &["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "metal"],
    ),
    (
        "i3en",
        X86_64,
        &[
            "large", "xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge", "24xlarge", "metal",
        ],
    ),
    ("i4i", X86_64, I6),
    (
        "i4g",
        Arm64,
        &["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"],
    ),
    (
        "im4gn",
        Arm64,
        &["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"],
    ),
    (
        "is4gen",
        Arm64,
        &["medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge"],
    ),
    (
        "i7ie",
        X86_64,
        &[
            "large",
            "xlarge",
            "2xlarge",
            "3xlarge",
            "6xlarge",
            "12xlarge",
            "18xlarge",
            "24xlarge",
            "48xlarge",
            "metal-24xl",
            "metal-48xl",
        ],
    ),
    (
        "i8g",
        Arm64,
        &[
            "large",
            "xlarge",
            "2xlarge",
            "4xlarge",
            "8xlarge",
            "12xlarge",
            "16xlarge",
            "24xlarge",
            "metal-24xl",
        ],
    ),
    // Accelerated computing.
    ("p2", X86_64, &["xlarge", "8xlarge", "16xlarge"]),
    ("p3", X86_64, &["2xlarge", "8xlarge", "16xlarge"]),
    ("p3dn", X86_64, &["24xlarge"]),
    ("p4d", X86_64, &["24xlarge"]),
    ("p4de", X86_64, &["24xlarge"]),
    ("p5", X86_64, &["4xlarge", "48xlarge"]),
    ("p5e", X86_64, &["48xlarge"]),
    ("p5en", X86_64, &["48xlarge"]),
    ("g3", X86_64, &["4xlarge", "8xlarge", "16xlarge"]),
    ("g3s", X86_64, &["xlarge"]),
    (
        "g4dn",
        X86_64,
        &[
            "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "metal",
        ],
    ),
    ("g4ad", X86_64, &["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"]),
    ("g5", X86_64, G5),
    (
        "g5g",
        Arm64,
        &["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "metal"],
    ),
    ("g6", X86_64, G5),
    ("g6e", X86_64, G5),
    ("gr6", X86_64, &["4xlarge", "8xlarge"]),
    ("inf1", X86_64, &["xlarge", "2xlarge", "6xlarge", "24xlarge"]),
    ("inf2", X86_64, &["xlarge", "8xlarge", "24xlarge", "48xlarge"]),
    ("trn1", X86_64, &["2xlarge", "32xlarge"]),
    ("trn1n", X86_64, &["32xlarge"]),
    ("trn2", X86_64, &["48xlarge"]),
    ("f1", X86_64, &["2xlarge", "4xlarge", "16xlarge"]),
    ("f2", X86_64, &["6xlarge", "12xlarge", "48xlarge"]),
    ("dl1", X86_64, &["24xlarge"]),
    ("vt1", X86_64, &["3xlarge", "6xlarge", "24xlarge"]),
    // High performance computing.
    ("hpc6a", X86_64, &["48xlarge"]),
    ("hpc6id", X86_64, &["32xlarge"]),
    ("hpc7a", X86_64, &["12xlarge", "24xlarge", "48xlarge", "96xlarge"]),
    ("hpc7g", Arm64, &["4xlarge", "8xlarge", "16xlarge"]),
];

/// What an instance type name says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// A real type, with its architecture.
    Known(Arch),
    /// A real family, a size it does not have; the family's sizes.
    UnknownSize {
        family: &'static str,
        sizes: &'static [&'static str],
    },
    /// No such family.
    UnknownFamily,
}

/// Looks an instance type (`t2.micro`) up in [`FAMILIES`].
pub fn lookup(instance_type: &str) -> Lookup {
    let Some((family, size)) = instance_type.split_once('.') else {
        return Lookup::UnknownFamily;
    };
    match FAMILIES.iter().find(|(f, _, _)| *f == family) {
        Some(&(_, arch, sizes)) if sizes.contains(&size) => Lookup::Known(arch),
        Some(&(family, _, sizes)) => Lookup::UnknownSize { family, sizes },
        None => Lookup::UnknownFamily,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_course_types_exist() {
        assert_eq!(lookup("t2.micro"), Lookup::Known(X86_64));
        assert_eq!(lookup("t3.small"), Lookup::Known(X86_64));
        assert_eq!(lookup("t4g.nano"), Lookup::Known(Arm64));
        assert_eq!(lookup("m7i-flex.large"), Lookup::Known(X86_64));
        assert_eq!(lookup("t2.huge"), Lookup::UnknownSize { family: "t2", sizes: T });
        assert_eq!(lookup("t5.micro"), Lookup::UnknownFamily);
        assert_eq!(lookup("t2micro"), Lookup::UnknownFamily);
        assert_eq!(lookup(""), Lookup::UnknownFamily);
        assert_eq!(lookup("T2.MICRO"), Lookup::UnknownFamily);
    }

    #[test]
    fn families_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for (f, _, sizes) in FAMILIES {
            assert!(seen.insert(*f), "{f} twice");
            assert!(!sizes.is_empty(), "{f}");
        }
    }
}
