//! `EbsSnapshot`: a point-in-time copy of a volume.

use ec2_playground_core::{EbsSnapshot, ResourceKind};
use yew::prelude::*;

use super::{FormProps, Setting};
use crate::components::fields::ref_field::candidates;
use crate::components::fields::{edit, non_empty, RefField, TagsField, TextField};

/// The snapshot's form.
#[function_component]
pub fn EbsSnapshotForm(props: &FormProps<EbsSnapshot>) -> Html {
    let ctx = &props.ctx;
    let v = &props.value;
    let lang = ctx.lang;
    let settings = [
        Setting {
            key: "description",
            set: v.description.is_some(),
            label: ("Description", "Description"),
            help: ("visible dans la console EC2", "shown in the EC2 console"),
        },
        Setting {
            key: "tags",
            set: v.tags.is_some(),
            label: ("Tags", "Tags"),
            help: ("Name et autres étiquettes", "Name and other labels"),
        },
    ];
    html! {
        <>
            <RefField id={ctx.id("volume_id")} label={ctx.tr("Volume", "Volume")} kwarg="volume_id" value={Some(v.volume_id.clone())}
                optional={false} {lang} placeholder="vol-0123456789abcdef0"
                candidates={candidates(&ctx.stack, ResourceKind::EbsVolume, "id")} error={ctx.error("volume_id")}
                on_change={edit(v, &props.on_change, |s, val: Option<_>| s.volume_id = val.unwrap_or_default())} />
            if ctx.shows("description", v.description.is_some()) {
                <TextField id={ctx.id("description")} label={ctx.tr("Description", "Description")} kwarg="description"
                    value={v.description.clone().unwrap_or_default()} error={ctx.error("description")}
                    on_change={edit(v, &props.on_change, |s, t: String| s.description = non_empty(t))} />
            }
            if ctx.shows("tags", v.tags.is_some()) {
                <TagsField id={ctx.id("tags")} label={ctx.tr("Tags", "Tags")} kwarg="tags" value={v.tags.clone()} {lang}
                    error={ctx.error("tags")} on_change={edit(v, &props.on_change, |s, t| s.tags = t)} />
            }
            { ctx.add_menu(&settings) }
        </>
    }
}
