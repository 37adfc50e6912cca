//! AMI lookups (`DataAwsAmi`) and literal AMI ids.
//!
//! Sources: the Terraform `aws_ami` data source (provider 6 refuses `most_recent = true`
//! without `owners` or an owner or image-id filter, unless `allow_unsafe_filter`; several
//! matches without `most_recent` are an error); EC2's `DescribeImages` filters
//! (`architecture`, `name`); the Amazon Linux 2 FAQ (end of support on 2026-06-30); AMI ids
//! are `ami-` and 8 or 17 hexadecimal digits.

use super::catalog::*;
use super::instance_types::Arch;
use super::{t, Sink};
use crate::model::DataAwsAmi;

/// True for `ami-` followed by 8 or 17 lowercase hexadecimal digits.
pub(crate) fn is_ami_id(s: &str) -> bool {
    s.strip_prefix("ami-").is_some_and(|hex| {
        (hex.len() == 8 || hex.len() == 17) && hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// The architecture a lookup asks for: an `architecture` filter, or what its name filter
/// or regex says (`...-x86_64-gp2`, `...-arm64`).
pub(crate) fn architecture(ami: &DataAwsAmi) -> Option<Arch> {
    let filters = ami.filter.as_deref().unwrap_or_default();
    let from_text = |v: &str| {
        if v.contains("arm64") || v.contains("aarch64") {
            Some(Arch::Arm64)
        } else if v.contains("x86_64") || v.contains("amd64") {
            Some(Arch::X86_64)
        } else {
            None
        }
    };
    if let Some(f) = filters.iter().find(|f| f.name == "architecture") {
        return match f.values.as_slice() {
            [one] if one == "arm64" => Some(Arch::Arm64),
            [one] if one == "x86_64" => Some(Arch::X86_64),
            _ => None,
        };
    }
    let names = filters
        .iter()
        .filter(|f| f.name == "name")
        .flat_map(|f| f.values.iter());
    let mut found = names
        .map(|v| from_text(v))
        .chain(ami.name_regex.as_deref().map(from_text));
    let first = found.next().flatten()?;
    found.all(|a| a == Some(first)).then_some(first)
}

/// True when every name the lookup accepts is Amazon Linux 2023, whose AMIs require IMDSv2.
pub(crate) fn requires_imdsv2(ami: &DataAwsAmi) -> bool {
    let mut names = ami
        .filter
        .iter()
        .flatten()
        .filter(|f| f.name == "name")
        .flat_map(|f| f.values.iter())
        .peekable();
    names.peek().is_some() && names.all(|v| v.starts_with("al2023-ami"))
}

pub(super) fn check(sink: &mut Sink, i: usize, ami: &DataAwsAmi) {
    let filters = ami.filter.as_deref().unwrap_or_default();
    let wildcard = filters.iter().any(|f| f.values.iter().any(|v| v.contains(['*', '?'])));
    if ami.most_recent != Some(true) && (wildcard || ami.name_regex.is_some() || filters.is_empty()) {
        sink.push(
            &AMI_LOOKUP_AMBIGUOUS,
            i,
            "most_recent",
            t(
                "Cette recherche peut trouver plusieurs AMI et n'a pas most_recent=True : Terraform échoue alors (« Your query returned more than one result »).",
                "This lookup may find several AMIs and has no most_recent=True: Terraform then fails (\"Your query returned more than one result\").",
            ),
            t("Ajoutez most_recent=True pour prendre la plus récente.", "Add most_recent=True to take the latest."),
        );
    }
    let owner_filter = filters
        .iter()
        .any(|f| matches!(f.name.as_str(), "owner-id" | "owner-alias" | "image-id"));
    if ami.most_recent == Some(true) && ami.owners.as_ref().is_none_or(Vec::is_empty) && !owner_filter {
        sink.push(
            &AMI_LOOKUP_UNSAFE,
            i,
            "owners",
            t(
                "Cette recherche prend l'AMI la plus récente sans en préciser le propriétaire : n'importe qui pourrait publier une AMI au nom correspondant. Le provider AWS 6 la refuse.",
                "This lookup takes the latest AMI without saying whose: anyone could publish an AMI with a matching name. AWS provider 6 refuses it.",
            ),
            t(
                "Ajoutez owners=[\"amazon\"] (ou l'id du compte de l'éditeur, 099720109477 pour Ubuntu).",
                "Add owners=[\"amazon\"] (or the publisher's account id, 099720109477 for Ubuntu).",
            ),
        );
    }
    for (k, f) in filters.iter().enumerate() {
        if f.name != "name" {
            continue;
        }
        if let Some(m) = f.values.iter().position(|v| v.starts_with("amzn2-ami")) {
            sink.push(
                &AMI_AMAZON_LINUX_2,
                i,
                &format!("filter[{k}].values[{m}]"),
                t(
                    "La prise en charge d'Amazon Linux 2 s'arrête le 30 juin 2026 : après cette date, plus aucun correctif de sécurité.",
                    "Amazon Linux 2's support ends on 30 June 2026: no security fixes after that date.",
                ),
                t(
                    "Passez à Amazon Linux 2023 : values=[\"al2023-ami-*-x86_64\"]. yum y fonctionne toujours (c'est un alias de dnf), et IMDSv2 y est imposé d'office.",
                    "Move to Amazon Linux 2023: values=[\"al2023-ami-*-x86_64\"]. yum still works there (it is dnf), and IMDSv2 is required by default.",
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AmiFilter;

    #[test]
    fn ami_ids() {
        assert!(is_ami_id("ami-0c55b159cbfafe1f0"));
        assert!(is_ami_id("ami-12345678"));
        assert!(!is_ami_id("ami-0C55B159CBFAFE1F0"));
        assert!(!is_ami_id("ami-123"));
        assert!(!is_ami_id("0c55b159cbfafe1f0"));
        assert!(!is_ami_id("ami-0c55b159cbfafe1fz"));
    }

    #[test]
    fn architectures() {
        let lookup = |name: &str, value: &str| DataAwsAmi {
            filter: Some(vec![AmiFilter {
                name: name.into(),
                values: vec![value.into()],
            }]),
            ..Default::default()
        };
        assert_eq!(
            architecture(&lookup("name", "amzn2-ami-hvm-*-x86_64-gp2")),
            Some(Arch::X86_64)
        );
        assert_eq!(architecture(&lookup("name", "al2023-ami-*-arm64")), Some(Arch::Arm64));
        assert_eq!(architecture(&lookup("architecture", "arm64")), Some(Arch::Arm64));
        assert_eq!(architecture(&lookup("name", "my-image-*")), None);
        assert!(requires_imdsv2(&lookup("name", "al2023-ami-*-x86_64")));
        assert!(!requires_imdsv2(&lookup("name", "amzn2-ami-hvm-*")));
    }
}
