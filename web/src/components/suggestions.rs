//! `<datalist>`s that suggest values while the learner types: AWS regions, the zones of the
//! stack's region, instance types. The data are the core's tables (the same the checks use).

use ec2_playground_core::checks::instance_types::FAMILIES;
use ec2_playground_core::checks::regions::{zones, REGIONS};
use yew::prelude::*;

/// The families suggested for `instance_type`: the burstable ones the course starts with,
/// then current general-purpose, compute and memory families (every type stays typable).
const SUGGESTED_FAMILIES: &[&str] = &[
    "t2", "t3", "t3a", "t4g", "m5", "m6i", "m7i", "c5", "c6i", "c7i", "r5", "r6i",
];

/// Props of [`Suggestions`].
#[derive(Properties, PartialEq)]
pub struct SuggestionsProps {
    /// The region of the stack's provider, if it names one.
    pub region: Option<AttrValue>,
}

/// The datalists (`aws-regions`, `aws-zones`, `ec2-instance-types`).
#[function_component]
pub fn Suggestions(props: &SuggestionsProps) -> Html {
    let region = props.region.as_deref().unwrap_or_default();
    let zone_names: Vec<String> = zones(region)
        .map(|letters| letters.chars().map(|c| format!("{region}{c}")).collect())
        .unwrap_or_default();
    let types = FAMILIES
        .iter()
        .filter(|(family, _, _)| SUGGESTED_FAMILIES.contains(family))
        .flat_map(|(family, _, sizes)| sizes.iter().map(move |size| format!("{family}.{size}")));
    html! {
        <div hidden=true>
            <datalist id="aws-regions">
                { for REGIONS.iter().map(|(r, _)| html! { <option value={*r} /> }) }
            </datalist>
            <datalist id="aws-zones">
                { for zone_names.into_iter().map(|z| html! { <option value={z} /> }) }
            </datalist>
            <datalist id="ec2-instance-types">
                { for types.map(|t| html! { <option value={t} /> }) }
            </datalist>
        </div>
    }
}
