//! `VolumeAttachment`: a volume attached to an instance.

use ec2_playground_core::{ResourceKind, VolumeAttachment};
use yew::prelude::*;

use super::FormProps;
use crate::components::fields::ref_field::candidates;
use crate::components::fields::{edit, RefField, TextField};

/// The attachment's form.
#[function_component]
pub fn VolumeAttachmentForm(props: &FormProps<VolumeAttachment>) -> Html {
    let ctx = &props.ctx;
    let v = &props.value;
    let lang = ctx.lang;
    html! {
        <>
            <TextField id={ctx.id("device_name")} label={ctx.tr("Nom du périphérique", "Device name")} kwarg="device_name" mono=true
                value={v.device_name.clone()} placeholder="/dev/sdh" error={ctx.error("device_name")}
                on_change={edit(v, &props.on_change, |a, s: String| a.device_name = s)} />
            <RefField id={ctx.id("volume_id")} label={ctx.tr("Volume", "Volume")} kwarg="volume_id" value={Some(v.volume_id.clone())}
                optional={false} {lang} placeholder="vol-0123456789abcdef0"
                candidates={candidates(&ctx.stack, ResourceKind::EbsVolume, "id")} error={ctx.error("volume_id")}
                on_change={edit(v, &props.on_change, |a, s: Option<_>| a.volume_id = s.unwrap_or_default())} />
            <RefField id={ctx.id("instance_id")} label={ctx.tr("Instance", "Instance")} kwarg="instance_id" value={Some(v.instance_id.clone())}
                optional={false} {lang} placeholder="i-0123456789abcdef0"
                candidates={candidates(&ctx.stack, ResourceKind::Instance, "id")} error={ctx.error("instance_id")}
                on_change={edit(v, &props.on_change, |a, s: Option<_>| a.instance_id = s.unwrap_or_default())} />
        </>
    }
}
