//! `KeyPair`: a public key imported into EC2.

use ec2_playground_core::KeyPair;
use yew::prelude::*;

use super::{FormProps, Setting};
use crate::components::fields::{edit, non_empty, TagsField, TextField};

/// The key pair's form.
#[function_component]
pub fn KeyPairForm(props: &FormProps<KeyPair>) -> Html {
    let ctx = &props.ctx;
    let v = &props.value;
    let settings = [Setting {
        key: "tags",
        set: v.tags.is_some(),
        label: ("Tags", "Tags"),
        help: ("Name et autres étiquettes", "Name and other labels"),
    }];
    html! {
        <>
            <TextField id={ctx.id("key_name")} label={ctx.tr("Nom de la clé dans EC2", "Key name in EC2")} kwarg="key_name" mono=true
                value={v.key_name.clone().unwrap_or_default()} error={ctx.error("key_name")}
                on_change={edit(v, &props.on_change, |k, s: String| k.key_name = non_empty(s))} />
            <TextField id={ctx.id("public_key")} label={ctx.tr("Clé publique (format OpenSSH)", "Public key (OpenSSH format)")} kwarg="public_key"
                multiline=true value={v.public_key.clone()} placeholder="ssh-ed25519 AAAA… user@host" error={ctx.error("public_key")}
                on_change={edit(v, &props.on_change, |k, s: String| k.public_key = s)} />
            if ctx.shows("tags", v.tags.is_some()) {
                <TagsField id={ctx.id("tags")} label={ctx.tr("Tags", "Tags")} kwarg="tags" value={v.tags.clone()} lang={ctx.lang}
                    error={ctx.error("tags")} on_change={edit(v, &props.on_change, |k, t| k.tags = t)} />
            }
            { ctx.add_menu(&settings) }
        </>
    }
}
