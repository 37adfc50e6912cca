//! The AWS provider, its region, and availability zones.
//!
//! Sources: Terraform's provider configuration (two default configurations of one
//! provider are "Duplicate provider configuration"); the AWS provider (it refuses a region
//! it does not know: "Invalid AWS Region"); the regions table ([`super::regions`]).

use super::catalog::*;
use super::regions::{self, Zone};
use super::{t, Cx, Sink};
use crate::model::{AwsProvider, Resource};

pub(super) fn check_stack(cx: &Cx, sink: &mut Sink) {
    let has_provider = cx.stack.resources.iter().any(|r| matches!(r, Resource::AwsProvider(_)));
    let has_aws = cx.stack.resources.iter().any(|r| r.kind().terraform_type().is_some());
    if has_aws && !has_provider {
        sink.push_stack(
            &PROVIDER_MISSING,
            t(
                "La stack a des ressources mais pas d'AwsProvider : cdktf synth refuse (« Found resources without a matching provider construct »), et rien ne dirait dans quelle région les créer.",
                "The stack has resources but no AwsProvider: cdktf synth refuses it (\"Found resources without a matching provider construct\"), and nothing would say in which region to create them.",
            ),
            t(
                "Ajoutez en tête AwsProvider(self, \"AWS\", region=\"eu-west-3\").",
                "Add AwsProvider(self, \"AWS\", region=\"eu-west-3\") first.",
            ),
        );
    }
}

pub(super) fn check(cx: &Cx, sink: &mut Sink, i: usize, p: &AwsProvider) {
    if let Some(k) = cx.first_provider.filter(|k| *k < i) {
        sink.push(
            &PROVIDER_DUPLICATE,
            i,
            "",
            t(
                format!("La stack a déjà un AwsProvider (resources[{k}]) : Terraform refuse deux configurations par défaut du même provider (« Duplicate provider configuration »)."),
                format!("The stack already has an AwsProvider (resources[{k}]): Terraform refuses two default configurations of one provider (\"Duplicate provider configuration\")."),
            ),
            t(
                "Gardez un seul AwsProvider ; pour une seconde région, il faudrait un alias, que ce playground ne propose pas.",
                "Keep a single AwsProvider; a second region would need an alias, which this playground does not offer.",
            ),
        );
    }
    if let Some(region) = p.region.as_deref() {
        if regions::zones(region).is_none() {
            let hint = match regions::parse_zone(region) {
                Zone::Standard { region: r } | Zone::UnknownLetter { region: r, .. } | Zone::Local { region: r } => t(
                    format!("« {region} » est une zone de disponibilité ; la région est « {r} »."),
                    format!("\"{region}\" is an availability zone; the region is \"{r}\"."),
                ),
                _ => t(
                    "Une région s'écrit en minuscules avec des tirets : « eu-west-3 » (Paris), « eu-west-1 » (Irlande), « us-east-1 » (Virginie du Nord).",
                    "A region is written in lowercase with hyphens: \"eu-west-3\" (Paris), \"eu-west-1\" (Ireland), \"us-east-1\" (N. Virginia).",
                ),
            };
            sink.push(
                &REGION_UNKNOWN,
                i,
                "region",
                t(
                    format!(
                        "La région « {region} » n'existe pas : le provider AWS la refusera (« Invalid AWS Region »)."
                    ),
                    format!(
                        "There is no region \"{region}\": the AWS provider will refuse it (\"Invalid AWS Region\")."
                    ),
                ),
                hint,
            );
        }
    }
    super::names::check_tags(cx, sink, i, "default_tags", p.default_tags.as_ref());
}

/// Checks a literal availability zone against the table and the provider's region.
pub(super) fn check_zone(cx: &Cx, sink: &mut Sink, i: usize, field: &str, zone: &str) {
    let region = match regions::parse_zone(zone) {
        Zone::Standard { region } | Zone::Local { region } => region,
        Zone::UnknownLetter { region, letters } => {
            let names: Vec<String> = letters.chars().map(|c| format!("{region}{c}")).collect();
            sink.push(
                &AZ_UNKNOWN,
                i,
                field,
                t(
                    format!(
                        "La zone « {zone} » n'existe pas : la région {region} a les zones {}.",
                        names.join(", ")
                    ),
                    format!(
                        "There is no zone \"{zone}\": the region {region} has the zones {}.",
                        names.join(", ")
                    ),
                ),
                t(
                    format!("Choisissez par exemple « {region}a »."),
                    format!("Choose for instance \"{region}a\"."),
                ),
            );
            return;
        }
        Zone::RegionOnly { region } => {
            sink.push(
                &AZ_UNKNOWN,
                i,
                field,
                t(
                    format!("« {zone} » est une région, pas une zone de disponibilité."),
                    format!("\"{zone}\" is a region, not an availability zone."),
                ),
                t(
                    format!("Ajoutez la lettre de la zone : « {region}a »."),
                    format!("Add the zone's letter: \"{region}a\"."),
                ),
            );
            return;
        }
        Zone::Unknown(_) => {
            sink.push(
                &AZ_UNKNOWN,
                i,
                field,
                t(
                    format!("La zone de disponibilité « {zone} » n'existe pas."),
                    format!("There is no availability zone \"{zone}\"."),
                ),
                t(
                    "Une zone s'écrit région + lettre : « eu-west-3a ».",
                    "A zone is a region and a letter: \"eu-west-3a\".",
                ),
            );
            return;
        }
    };
    if let Some(provider_region) = cx.region.filter(|r| *r != region) {
        sink.push(
            &AZ_WRONG_REGION,
            i,
            field,
            t(
                format!("La zone « {zone} » est dans la région {region}, mais le provider vise la région {provider_region} : AWS ne la trouvera pas."),
                format!("The zone \"{zone}\" is in the region {region}, but the provider works in {provider_region}: AWS will not find it."),
            ),
            t(
                format!("Choisissez une zone de {provider_region}, par exemple « {provider_region}a »."),
                format!("Choose a zone of {provider_region}, for instance \"{provider_region}a\"."),
            ),
        );
    }
}
