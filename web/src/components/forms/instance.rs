//! `Instance`: the AMI, type, key pair, groups, user data, volumes and options.

use ec2_playground_core::{EbsBlockDevice, Instance, JsNumber, Lang, MetadataOptions, ResourceKind, RootBlockDevice};
use yew::prelude::*;

use crate::components::fields::{holder_class, problem_class};

use super::{FormCtx, FormProps, Setting};
use crate::components::fields::ref_field::candidates;
use crate::components::fields::{
    edit, non_empty, BoolField, NumberField, RefField, RefListField, SelectField, TagsField, TextField, UserDataField,
};
use crate::i18n::tr;

/// A select over fixed texts for an optional string kwarg; a value outside `choices` is kept.
#[allow(clippy::too_many_arguments)]
fn choice_field(
    id: AttrValue,
    label: &'static str,
    kwarg: &'static str,
    value: &Option<String>,
    choices: &[&'static str],
    lang: Lang,
    error: Option<AttrValue>,
    on_change: Callback<Option<String>>,
) -> Html {
    let mut options = vec![(
        AttrValue::from(""),
        AttrValue::from(tr(lang, "— non défini —", "— not set —")),
    )];
    options.extend(choices.iter().map(|c| (AttrValue::from(*c), AttrValue::from(*c))));
    if let Some(v) = value.as_deref().filter(|v| !choices.contains(v)) {
        options.push((AttrValue::from(v.to_owned()), AttrValue::from(v.to_owned())));
    }
    let on_change = on_change.reform(non_empty);
    html! {
        <SelectField {id} label={label} kwarg={kwarg} {options} value={value.clone().unwrap_or_default()} {error} {on_change} />
    }
}

/// The problems about a whole block (`metadata_options` left out, say), below it.
fn own_error(ctx: &FormCtx, path: &str) -> Html {
    match ctx.own_error(path) {
        Some(e) => html! { <p class={problem_class(&e)} aria-live="polite">{ e }</p> },
        None => html! {},
    }
}

fn root_device(v: &Instance, ctx: &FormCtx, on_change: &Callback<Instance>) -> Html {
    let lang = ctx.lang;
    let toggle_id = ctx.id("root_block_device-on");
    let on_toggle = edit(v, on_change, |i, _: Event| {
        i.root_block_device = match i.root_block_device {
            Some(_) => None,
            None => Some(RootBlockDevice::default()),
        }
    });
    let body = match &v.root_block_device {
        None => html! {},
        Some(rbd) => {
            let set = {
                let v = v.clone();
                let cb = on_change.clone();
                move |f: fn(&mut RootBlockDevice, Option<JsNumber>)| {
                    let v = v.clone();
                    let cb = cb.clone();
                    Callback::from(move |n: Option<JsNumber>| {
                        let mut next = v.clone();
                        if let Some(r) = next.root_block_device.as_mut() {
                            f(r, n);
                        }
                        cb.emit(next);
                    })
                }
            };
            let set_bool = |f: fn(&mut RootBlockDevice, Option<bool>)| {
                edit(v, on_change, move |i, b: Option<bool>| {
                    if let Some(r) = i.root_block_device.as_mut() {
                        f(r, b);
                    }
                })
            };
            let p = |n: &str| format!("root_block_device.{n}");
            html! {
                <div class="sub-fields">
                    <div class="field-row">
                        <NumberField id={ctx.id(&p("volume_size"))} label={ctx.tr("Taille (Gio)", "Size (GiB)")} kwarg="volume_size"
                            value={rbd.volume_size} {lang} error={ctx.error(&p("volume_size"))} on_change={set(|r, n| r.volume_size = n)} />
                        <TextField id={ctx.id(&p("volume_type"))} label={ctx.tr("Type", "Type")} kwarg="volume_type" mono=true
                            value={rbd.volume_type.clone().unwrap_or_default()} placeholder="gp3" error={ctx.error(&p("volume_type"))}
                            on_change={edit(v, on_change, |i, s: String| if let Some(r) = i.root_block_device.as_mut() { r.volume_type = non_empty(s) })} />
                        <NumberField id={ctx.id(&p("iops"))} label={ctx.tr("IOPS", "IOPS")} kwarg="iops"
                            value={rbd.iops} {lang} error={ctx.error(&p("iops"))} on_change={set(|r, n| r.iops = n)} />
                        <NumberField id={ctx.id(&p("throughput"))} label={ctx.tr("Débit (Mio/s)", "Throughput (MiB/s)")} kwarg="throughput"
                            value={rbd.throughput} {lang} error={ctx.error(&p("throughput"))} on_change={set(|r, n| r.throughput = n)} />
                    </div>
                    <div class="field-row">
                        <BoolField id={ctx.id(&p("encrypted"))} label={ctx.tr("Chiffré", "Encrypted")} kwarg="encrypted"
                            value={rbd.encrypted} {lang} error={ctx.error(&p("encrypted"))} on_change={set_bool(|r, b| r.encrypted = b)} />
                        <BoolField id={ctx.id(&p("delete_on_termination"))} label={ctx.tr("Supprimé avec l'instance", "Deleted with the instance")}
                            kwarg="delete_on_termination" value={rbd.delete_on_termination} {lang} error={ctx.error(&p("delete_on_termination"))}
                            on_change={set_bool(|r, b| r.delete_on_termination = b)} />
                    </div>
                </div>
            }
        }
    };
    html! {
        <fieldset class={classes!("field", holder_class(ctx.error("root_block_device").as_deref()))} id={ctx.id("root_block_device")}>
            <legend><span class="label-text">{ ctx.tr("Volume racine", "Root volume") }</span><code class="kwarg">{ "root_block_device" }</code></legend>
            <div class="check-row">
                <input type="checkbox" id={toggle_id.clone()} checked={v.root_block_device.is_some()} onchange={on_toggle} />
                <label for={toggle_id}>{ ctx.tr("Configurer le volume racine", "Configure the root volume") }</label>
            </div>
            { body }
            { own_error(ctx, "root_block_device") }
        </fieldset>
    }
}

fn ebs_devices(v: &Instance, ctx: &FormCtx, on_change: &Callback<Instance>) -> Html {
    let lang = ctx.lang;
    let devices = v.ebs_block_device.clone().unwrap_or_default();
    let count = devices.len();
    let items = devices.iter().enumerate().map(|(i, d)| {
        let p = |n: &str| format!("ebs_block_device[{i}].{n}");
        let upd = |f: fn(&mut EbsBlockDevice, Option<JsNumber>)| {
            edit(v, on_change, move |inst, n: Option<JsNumber>| {
                if let Some(dev) = inst.ebs_block_device.as_mut().and_then(|l| l.get_mut(i)) {
                    f(dev, n);
                }
            })
        };
        let upd_bool = |f: fn(&mut EbsBlockDevice, Option<bool>)| {
            edit(v, on_change, move |inst, b: Option<bool>| {
                if let Some(dev) = inst.ebs_block_device.as_mut().and_then(|l| l.get_mut(i)) {
                    f(dev, b);
                }
            })
        };
        let upd_text = |f: fn(&mut EbsBlockDevice, String)| {
            edit(v, on_change, move |inst, s: String| {
                if let Some(dev) = inst.ebs_block_device.as_mut().and_then(|l| l.get_mut(i)) {
                    f(dev, s);
                }
            })
        };
        let remove = edit(v, on_change, move |inst, _: MouseEvent| {
            if let Some(l) = inst.ebs_block_device.as_mut() {
                if i < l.len() {
                    l.remove(i);
                }
                if l.is_empty() {
                    inst.ebs_block_device = None;
                }
            }
        });
        html! {
            <li class="sub-card" key={format!("ebs-{i}-{count}")}>
                <div class="sub-card-head">
                    <span>{ format!("{} {}", ctx.tr("Volume supplémentaire", "Extra volume"), i + 1) }</span>
                    <button type="button" class="small danger" onclick={remove}>{ ctx.tr("Retirer", "Remove") }</button>
                </div>
                <div class="field-row">
                    <TextField id={ctx.id(&p("device_name"))} label={ctx.tr("Périphérique", "Device")} kwarg="device_name" mono=true
                        value={d.device_name.clone()} placeholder="/dev/sdf" error={ctx.error(&p("device_name"))}
                        on_change={upd_text(|dev, s| dev.device_name = s)} />
                    <NumberField id={ctx.id(&p("volume_size"))} label={ctx.tr("Taille (Gio)", "Size (GiB)")} kwarg="volume_size"
                        value={d.volume_size} {lang} error={ctx.error(&p("volume_size"))} on_change={upd(|dev, n| dev.volume_size = n)} />
                    <TextField id={ctx.id(&p("volume_type"))} label={ctx.tr("Type", "Type")} kwarg="volume_type" mono=true
                        value={d.volume_type.clone().unwrap_or_default()} placeholder="gp3" error={ctx.error(&p("volume_type"))}
                        on_change={upd_text(|dev, s| dev.volume_type = non_empty(s))} />
                </div>
                <div class="field-row">
                    <NumberField id={ctx.id(&p("iops"))} label={ctx.tr("IOPS", "IOPS")} kwarg="iops"
                        value={d.iops} {lang} error={ctx.error(&p("iops"))} on_change={upd(|dev, n| dev.iops = n)} />
                    <NumberField id={ctx.id(&p("throughput"))} label={ctx.tr("Débit (Mio/s)", "Throughput (MiB/s)")} kwarg="throughput"
                        value={d.throughput} {lang} error={ctx.error(&p("throughput"))} on_change={upd(|dev, n| dev.throughput = n)} />
                    <TextField id={ctx.id(&p("snapshot_id"))} label={ctx.tr("Snapshot source", "Source snapshot")} kwarg="snapshot_id" mono=true
                        value={d.snapshot_id.clone().unwrap_or_default()} error={ctx.error(&p("snapshot_id"))}
                        on_change={upd_text(|dev, s| dev.snapshot_id = non_empty(s))} />
                </div>
                <div class="field-row">
                    <BoolField id={ctx.id(&p("encrypted"))} label={ctx.tr("Chiffré", "Encrypted")} kwarg="encrypted"
                        value={d.encrypted} {lang} error={ctx.error(&p("encrypted"))} on_change={upd_bool(|dev, b| dev.encrypted = b)} />
                    <BoolField id={ctx.id(&p("delete_on_termination"))} label={ctx.tr("Supprimé avec l'instance", "Deleted with the instance")}
                        kwarg="delete_on_termination" value={d.delete_on_termination} {lang} error={ctx.error(&p("delete_on_termination"))}
                        on_change={upd_bool(|dev, b| dev.delete_on_termination = b)} />
                </div>
            </li>
        }
    });
    let add = edit(v, on_change, |inst, _: MouseEvent| {
        let list = inst.ebs_block_device.get_or_insert_with(Vec::new);
        let letter = char::from(b'f' + u8::try_from(list.len() % 10).unwrap_or(0));
        list.push(EbsBlockDevice {
            device_name: format!("/dev/sd{letter}"),
            volume_size: Some(10.into()),
            volume_type: Some("gp3".into()),
            ..EbsBlockDevice::default()
        });
    });
    html! {
        <fieldset class={classes!("field", holder_class(ctx.error("ebs_block_device").as_deref()))} id={ctx.id("ebs_block_device")}>
            <legend><span class="label-text">{ ctx.tr("Volumes créés avec l'instance", "Volumes created with the instance") }</span>
                <code class="kwarg">{ "ebs_block_device" }</code></legend>
            <ul class="sub-cards">{ for items }</ul>
            <button type="button" class="small" onclick={add}>{ ctx.tr("+ Ajouter un volume", "+ Add a volume") }</button>
            { own_error(ctx, "ebs_block_device") }
        </fieldset>
    }
}

fn metadata(v: &Instance, ctx: &FormCtx, on_change: &Callback<Instance>) -> Html {
    let lang = ctx.lang;
    let toggle_id = ctx.id("metadata_options-on");
    let on_toggle = edit(v, on_change, |i, _: Event| {
        i.metadata_options = match i.metadata_options {
            Some(_) => None,
            None => Some(MetadataOptions {
                http_tokens: Some("required".into()),
                ..MetadataOptions::default()
            }),
        }
    });
    let body = match &v.metadata_options {
        None => html! {},
        Some(m) => {
            let p = |n: &str| format!("metadata_options.{n}");
            let set = |f: fn(&mut MetadataOptions, Option<String>)| {
                edit(v, on_change, move |i, s: Option<String>| {
                    if let Some(m) = i.metadata_options.as_mut() {
                        f(m, s);
                    }
                })
            };
            html! {
                <div class="field-row">
                    { choice_field(ctx.id(&p("http_endpoint")), ctx.tr("Service de métadonnées", "Metadata service"), "http_endpoint",
                        &m.http_endpoint, &["enabled", "disabled"], lang, ctx.error(&p("http_endpoint")), set(|m, s| m.http_endpoint = s)) }
                    { choice_field(ctx.id(&p("http_tokens")), ctx.tr("Jetons (required = IMDSv2)", "Tokens (required = IMDSv2)"), "http_tokens",
                        &m.http_tokens, &["required", "optional"], lang, ctx.error(&p("http_tokens")), set(|m, s| m.http_tokens = s)) }
                    <NumberField id={ctx.id(&p("http_put_response_hop_limit"))} label={ctx.tr("Sauts maximum", "Hop limit")}
                        kwarg="http_put_response_hop_limit" value={m.http_put_response_hop_limit} {lang}
                        error={ctx.error(&p("http_put_response_hop_limit"))}
                        on_change={edit(v, on_change, |i, n| if let Some(m) = i.metadata_options.as_mut() { m.http_put_response_hop_limit = n })} />
                    { choice_field(ctx.id(&p("instance_metadata_tags")), ctx.tr("Tags dans les métadonnées", "Tags in metadata"), "instance_metadata_tags",
                        &m.instance_metadata_tags, &["enabled", "disabled"], lang, ctx.error(&p("instance_metadata_tags")),
                        set(|m, s| m.instance_metadata_tags = s)) }
                </div>
            }
        }
    };
    html! {
        <fieldset class={classes!("field", holder_class(ctx.error("metadata_options").as_deref()))} id={ctx.id("metadata_options")}>
            <legend><span class="label-text">{ ctx.tr("Métadonnées de l'instance (IMDS)", "Instance metadata (IMDS)") }</span>
                <code class="kwarg">{ "metadata_options" }</code></legend>
            <div class="check-row">
                <input type="checkbox" id={toggle_id.clone()} checked={v.metadata_options.is_some()} onchange={on_toggle} />
                <label for={toggle_id}>{ ctx.tr("Configurer le service de métadonnées", "Configure the metadata service") }</label>
            </div>
            { body }
            { own_error(ctx, "metadata_options") }
        </fieldset>
    }
}

/// The instance's form.
#[function_component]
pub fn InstanceForm(props: &FormProps<Instance>) -> Html {
    let ctx = &props.ctx;
    let v = &props.value;
    let lang = ctx.lang;
    let cb = &props.on_change;
    let settings = [
        Setting {
            key: "key_name",
            set: v.key_name.is_some(),
            label: ("Paire de clés", "Key pair"),
            help: ("la clé SSH pour se connecter", "the SSH key to connect with"),
        },
        Setting {
            key: "vpc_security_group_ids",
            set: v.vpc_security_group_ids.is_some(),
            label: ("Groupes de sécurité", "Security groups"),
            help: ("le pare-feu de l'instance", "the instance's firewall"),
        },
        Setting {
            key: "user_data",
            set: v.user_data.is_some(),
            label: ("Script de démarrage (user data)", "User data (start-up script)"),
            help: ("lancé au premier démarrage", "run at first boot"),
        },
        Setting {
            key: "root_block_device",
            set: v.root_block_device.is_some(),
            label: ("Volume racine", "Root volume"),
            help: (
                "taille, type, chiffrement du disque système",
                "size, type, encryption of the system disk",
            ),
        },
        Setting {
            key: "tags",
            set: v.tags.is_some(),
            label: ("Tags", "Tags"),
            help: ("Name et autres étiquettes", "Name and other labels"),
        },
        Setting {
            key: "availability_zone",
            set: v.availability_zone.is_some(),
            label: ("Zone de disponibilité", "Availability zone"),
            help: ("le centre de données de la région", "the data centre within the region"),
        },
        Setting {
            key: "subnet_id",
            set: v.subnet_id.is_some(),
            label: ("Sous-réseau", "Subnet"),
            help: ("sinon celui par défaut du VPC", "else the VPC's default one"),
        },
        Setting {
            key: "associate_public_ip_address",
            set: v.associate_public_ip_address.is_some(),
            label: ("Adresse IPv4 publique", "Public IPv4 address"),
            help: ("sinon selon le sous-réseau", "else as the subnet says"),
        },
        Setting {
            key: "ebs_block_device",
            set: v.ebs_block_device.is_some(),
            label: ("Volumes EBS de l'instance", "The instance's EBS volumes"),
            help: ("des disques créés avec elle", "disks created with it"),
        },
        Setting {
            key: "metadata_options",
            set: v.metadata_options.is_some(),
            label: ("Métadonnées (IMDS)", "Metadata (IMDS)"),
            help: ("exiger IMDSv2", "require IMDSv2"),
        },
        Setting {
            key: "monitoring",
            set: v.monitoring.is_some(),
            label: ("Supervision détaillée", "Detailed monitoring"),
            help: ("métriques à la minute, payantes", "per-minute metrics, billed"),
        },
        Setting {
            key: "ebs_optimized",
            set: v.ebs_optimized.is_some(),
            label: ("Optimisée pour EBS", "EBS-optimized"),
            help: ("débit dédié aux disques", "dedicated disk throughput"),
        },
        Setting {
            key: "user_data_base64",
            set: v.user_data_base64.is_some(),
            label: ("Script de démarrage en base64", "User data in base64"),
            help: ("un script déjà encodé", "a script already encoded"),
        },
        Setting {
            key: "user_data_replace_on_change",
            set: v.user_data_replace_on_change.is_some(),
            label: ("Remplacer si le script change", "Replace when the script changes"),
            help: (
                "recrée l'instance à chaque modification du script",
                "recreates the instance when the script changes",
            ),
        },
    ];
    let shows = |key: &str, set: bool| ctx.shows(key, set);
    html! {
        <>
            <RefField id={ctx.id("ami")} label={ctx.tr("AMI", "AMI")} kwarg="ami" value={v.ami.clone()} {lang}
                candidates={candidates(&ctx.stack, ResourceKind::DataAwsAmi, "id")} placeholder="ami-0c55b159cbfafe1f0"
                error={ctx.error("ami")} on_change={edit(v, cb, |i, a| i.ami = a)} />
            <div class="field-row">
                <TextField id={ctx.id("instance_type")} label={ctx.tr("Type d'instance", "Instance type")} kwarg="instance_type" mono=true
                    list="ec2-instance-types" value={v.instance_type.clone().unwrap_or_default()} placeholder="t2.micro"
                    error={ctx.error("instance_type")} on_change={edit(v, cb, |i, s: String| i.instance_type = non_empty(s))} />
                if shows("key_name", v.key_name.is_some()) {
                    <RefField id={ctx.id("key_name")} label={ctx.tr("Paire de clés", "Key pair")} kwarg="key_name" value={v.key_name.clone()} {lang}
                        candidates={candidates(&ctx.stack, ResourceKind::KeyPair, "key_name")} placeholder="deployer-key"
                        error={ctx.error("key_name")} on_change={edit(v, cb, |i, k| i.key_name = k)} />
                }
            </div>
            if shows("vpc_security_group_ids", v.vpc_security_group_ids.is_some()) {
                <RefListField id={ctx.id("vpc_security_group_ids")} label={ctx.tr("Groupes de sécurité", "Security groups")}
                    kwarg="vpc_security_group_ids" value={v.vpc_security_group_ids.clone()} {lang}
                    candidates={candidates(&ctx.stack, ResourceKind::SecurityGroup, "id")} error={ctx.error("vpc_security_group_ids")}
                    on_change={edit(v, cb, |i, l| i.vpc_security_group_ids = l)} />
            }
            <div class="field-row">
                if shows("availability_zone", v.availability_zone.is_some()) {
                    <RefField id={ctx.id("availability_zone")} label={ctx.tr("Zone de disponibilité", "Availability zone")} kwarg="availability_zone"
                        value={v.availability_zone.clone()} {lang} candidates={Vec::new()} list="aws-zones" placeholder="eu-west-3a"
                        error={ctx.error("availability_zone")} on_change={edit(v, cb, |i, z| i.availability_zone = z)} />
                }
                if shows("subnet_id", v.subnet_id.is_some()) {
                    <RefField id={ctx.id("subnet_id")} label={ctx.tr("Sous-réseau", "Subnet")} kwarg="subnet_id" value={v.subnet_id.clone()} {lang}
                        candidates={Vec::new()} placeholder="subnet-0123456789abcdef0"
                        error={ctx.error("subnet_id")} on_change={edit(v, cb, |i, s| i.subnet_id = s)} />
                }
                if shows("associate_public_ip_address", v.associate_public_ip_address.is_some()) {
                    <BoolField id={ctx.id("associate_public_ip_address")} label={ctx.tr("Adresse IPv4 publique", "Public IPv4 address")}
                        kwarg="associate_public_ip_address" value={v.associate_public_ip_address} {lang}
                        error={ctx.error("associate_public_ip_address")} on_change={edit(v, cb, |i, b| i.associate_public_ip_address = b)} />
                }
            </div>
            if shows("user_data", v.user_data.is_some()) {
                <UserDataField id={ctx.id("user_data")} label={ctx.tr("Script de démarrage (user data)", "User data (start-up script)")} kwarg="user_data" value={v.user_data.clone()} {lang}
                    error={ctx.error("user_data")} on_change={edit(v, cb, |i, u| i.user_data = u)} />
            }
            if shows("user_data_base64", v.user_data_base64.is_some()) {
                <UserDataField id={ctx.id("user_data_base64")} label={ctx.tr("Script de démarrage en base64 (remplace le précédent)", "User data in base64 (replaces the one above)")} kwarg="user_data_base64"
                    value={v.user_data_base64.clone()} {lang} error={ctx.error("user_data_base64")}
                    on_change={edit(v, cb, |i, u| i.user_data_base64 = u)} />
            }
            if shows("user_data_replace_on_change", v.user_data_replace_on_change.is_some()) {
                <BoolField unset_is_false=true id={ctx.id("user_data_replace_on_change")} label={ctx.tr("Remplacer l'instance si le script change", "Replace the instance when the script changes")}
                    kwarg="user_data_replace_on_change" value={v.user_data_replace_on_change} {lang}
                    error={ctx.error("user_data_replace_on_change")} on_change={edit(v, cb, |i, b| i.user_data_replace_on_change = b)} />
            }
            if shows("root_block_device", v.root_block_device.is_some()) { { root_device(v, ctx, cb) } }
            if shows("ebs_block_device", v.ebs_block_device.is_some()) { { ebs_devices(v, ctx, cb) } }
            if shows("metadata_options", v.metadata_options.is_some()) { { metadata(v, ctx, cb) } }
            <div class="field-row">
                if shows("monitoring", v.monitoring.is_some()) {
                    <BoolField unset_is_false=true id={ctx.id("monitoring")} label={ctx.tr("Supervision détaillée (1 min)", "Detailed monitoring (1 min)")} kwarg="monitoring"
                        value={v.monitoring} {lang} error={ctx.error("monitoring")} on_change={edit(v, cb, |i, b| i.monitoring = b)} />
                }
                if shows("ebs_optimized", v.ebs_optimized.is_some()) {
                    <BoolField id={ctx.id("ebs_optimized")} label={ctx.tr("Optimisée pour EBS", "EBS-optimized")} kwarg="ebs_optimized"
                        value={v.ebs_optimized} {lang} error={ctx.error("ebs_optimized")} on_change={edit(v, cb, |i, b| i.ebs_optimized = b)} />
                }
            </div>
            if shows("tags", v.tags.is_some()) {
                <TagsField id={ctx.id("tags")} label={ctx.tr("Tags", "Tags")} kwarg="tags" value={v.tags.clone()} {lang}
                    error={ctx.error("tags")} on_change={edit(v, cb, |i, t| i.tags = t)} />
            }
            { ctx.add_menu(&settings) }
        </>
    }
}
