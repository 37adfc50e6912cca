//! `EbsVolume`: a volume created apart from any instance.

use ec2_playground_core::{EbsVolume, ResourceKind, StrValue};
use yew::prelude::*;

use super::{FormProps, Setting};
use crate::components::fields::ref_field::candidates;
use crate::components::fields::{edit, non_empty, BoolField, NumberField, RefField, TagsField, TextField};

/// The volume's form.
#[function_component]
pub fn EbsVolumeForm(props: &FormProps<EbsVolume>) -> Html {
    let ctx = &props.ctx;
    let v = &props.value;
    let lang = ctx.lang;
    let settings = [
        Setting {
            key: "type",
            set: v.volume_type.is_some(),
            label: ("Type de volume", "Volume type"),
            help: ("gp3, gp2, io2… (gp2 sinon)", "gp3, gp2, io2… (else gp2)"),
        },
        Setting {
            key: "iops",
            set: v.iops.is_some(),
            label: ("IOPS", "IOPS"),
            help: ("pour gp3, io1, io2", "for gp3, io1, io2"),
        },
        Setting {
            key: "throughput",
            set: v.throughput.is_some(),
            label: ("Débit", "Throughput"),
            help: ("pour gp3, en Mio/s", "for gp3, in MiB/s"),
        },
        Setting {
            key: "encrypted",
            set: v.encrypted.is_some(),
            label: ("Chiffré", "Encrypted"),
            help: ("chiffrement au repos", "encryption at rest"),
        },
        Setting {
            key: "snapshot_id",
            set: v.snapshot_id.is_some(),
            label: ("Créé depuis un snapshot", "Created from a snapshot"),
            help: ("restaure un snapshot", "restores a snapshot"),
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
            <RefField id={ctx.id("availability_zone")} label={ctx.tr("Zone de disponibilité", "Availability zone")} kwarg="availability_zone"
                value={Some(v.availability_zone.clone())} optional={false} {lang} list="aws-zones" placeholder="eu-west-3a"
                candidates={candidates(&ctx.stack, ResourceKind::Instance, "availability_zone")} error={ctx.error("availability_zone")}
                on_change={edit(v, &props.on_change, |vol, z: Option<StrValue>| vol.availability_zone = z.unwrap_or_default())} />
            <div class="field-row">
                <NumberField id={ctx.id("size")} label={ctx.tr("Taille (Gio)", "Size (GiB)")} kwarg="size" value={v.size} {lang}
                    error={ctx.error("size")} on_change={edit(v, &props.on_change, |vol, n| vol.size = n)} />
                if ctx.shows("type", v.volume_type.is_some()) {
                    <TextField id={ctx.id("type")} label={ctx.tr("Type de volume", "Volume type")} kwarg="type" mono=true
                        value={v.volume_type.clone().unwrap_or_default()} placeholder="gp3" error={ctx.error("type")}
                        on_change={edit(v, &props.on_change, |vol, s: String| vol.volume_type = non_empty(s))} />
                }
                if ctx.shows("iops", v.iops.is_some()) {
                    <NumberField id={ctx.id("iops")} label={ctx.tr("IOPS", "IOPS")} kwarg="iops" value={v.iops} {lang}
                        error={ctx.error("iops")} on_change={edit(v, &props.on_change, |vol, n| vol.iops = n)} />
                }
                if ctx.shows("throughput", v.throughput.is_some()) {
                    <NumberField id={ctx.id("throughput")} label={ctx.tr("Débit (Mio/s)", "Throughput (MiB/s)")} kwarg="throughput" value={v.throughput} {lang}
                        error={ctx.error("throughput")} on_change={edit(v, &props.on_change, |vol, n| vol.throughput = n)} />
                }
            </div>
            if ctx.shows("encrypted", v.encrypted.is_some()) {
                <BoolField id={ctx.id("encrypted")} label={ctx.tr("Chiffré", "Encrypted")} kwarg="encrypted" value={v.encrypted} {lang}
                    error={ctx.error("encrypted")} on_change={edit(v, &props.on_change, |vol, b| vol.encrypted = b)} />
            }
            if ctx.shows("snapshot_id", v.snapshot_id.is_some()) {
                <RefField id={ctx.id("snapshot_id")} label={ctx.tr("Créé depuis le snapshot", "Created from snapshot")} kwarg="snapshot_id"
                    value={v.snapshot_id.clone()} {lang} placeholder="snap-0123456789abcdef0"
                    candidates={candidates(&ctx.stack, ResourceKind::EbsSnapshot, "id")} error={ctx.error("snapshot_id")}
                    on_change={edit(v, &props.on_change, |vol, s| vol.snapshot_id = s)} />
            }
            if ctx.shows("tags", v.tags.is_some()) {
                <TagsField id={ctx.id("tags")} label={ctx.tr("Tags", "Tags")} kwarg="tags" value={v.tags.clone()} {lang}
                    error={ctx.error("tags")} on_change={edit(v, &props.on_change, |vol, t| vol.tags = t)} />
            }
            { ctx.add_menu(&settings) }
        </>
    }
}
