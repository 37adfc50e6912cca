//! `AwsProvider`.

use ec2_playground_core::AwsProvider;
use yew::prelude::*;

use super::{FormProps, Setting};
use crate::components::fields::{edit, non_empty, TagsField, TextField};

/// The provider's form.
#[function_component]
pub fn ProviderForm(props: &FormProps<AwsProvider>) -> Html {
    let ctx = &props.ctx;
    let v = &props.value;
    let set = |f: fn(&mut AwsProvider, String)| edit(v, &props.on_change, f);
    let settings = [
        Setting {
            key: "profile",
            set: v.profile.is_some(),
            label: ("Profil de l'AWS CLI", "AWS CLI profile"),
            help: ("un autre profil que default", "a profile other than default"),
        },
        Setting {
            key: "default_tags",
            set: v.default_tags.is_some(),
            label: ("Tags par défaut", "Default tags"),
            help: ("posés sur toutes les ressources", "put on every resource"),
        },
    ];
    html! {
        <>
            <TextField id={ctx.id("region")} label={ctx.tr("Région", "Region")} kwarg="region" mono=true
                value={v.region.clone().unwrap_or_default()} placeholder="eu-west-3" list="aws-regions"
                error={ctx.error("region")} on_change={set(|p, s| p.region = non_empty(s))} />
            if ctx.shows("profile", v.profile.is_some()) {
                <TextField id={ctx.id("profile")} label={ctx.tr("Profil de l'AWS CLI", "AWS CLI profile")} kwarg="profile"
                    value={v.profile.clone().unwrap_or_default()} error={ctx.error("profile")}
                    on_change={set(|p, s| p.profile = non_empty(s))} />
            }
            if ctx.shows("default_tags", v.default_tags.is_some()) {
                <TagsField id={ctx.id("default_tags")} label={ctx.tr("Tags par défaut (toutes les ressources)", "Default tags (every resource)")}
                    kwarg="default_tags" value={v.default_tags.clone()} error={ctx.error("default_tags")} lang={ctx.lang}
                    on_change={edit(v, &props.on_change, |p, t| p.default_tags = t)} />
            }
            { ctx.add_menu(&settings) }
        </>
    }
}
