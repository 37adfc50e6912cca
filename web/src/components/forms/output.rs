//! `TerraformOutput`: a value shown after `cdktf deploy`.

use ec2_playground_core::TerraformOutput;
use yew::prelude::*;

use super::{FormProps, Setting};
use crate::components::fields::{edit, non_empty, BoolField, OutputValueField, TextField};

/// The output's form.
#[function_component]
pub fn OutputForm(props: &FormProps<TerraformOutput>) -> Html {
    let ctx = &props.ctx;
    let v = &props.value;
    let lang = ctx.lang;
    let settings = [
        Setting {
            key: "description",
            set: v.description.is_some(),
            label: ("Description", "Description"),
            help: ("affichée avec la sortie", "shown with the output"),
        },
        Setting {
            key: "sensitive",
            set: v.sensitive.is_some(),
            label: ("Sensible", "Sensitive"),
            help: ("masquée dans cdktf output", "hidden by cdktf output"),
        },
    ];
    html! {
        <>
            <OutputValueField id={ctx.id("value")} value={v.value.clone()} stack={ctx.stack.clone()} {lang} error={ctx.error("value")}
                on_change={edit(v, &props.on_change, |o, val| o.value = val)} />
            if ctx.shows("description", v.description.is_some()) {
                <TextField id={ctx.id("description")} label={ctx.tr("Description", "Description")} kwarg="description"
                    value={v.description.clone().unwrap_or_default()} error={ctx.error("description")}
                    on_change={edit(v, &props.on_change, |o, t: String| o.description = non_empty(t))} />
            }
            if ctx.shows("sensitive", v.sensitive.is_some()) {
                <BoolField unset_is_false=true id={ctx.id("sensitive")} label={ctx.tr("Sensible (masquée dans la sortie)", "Sensitive (hidden in the output)")}
                    kwarg="sensitive" value={v.sensitive} {lang} error={ctx.error("sensitive")}
                    on_change={edit(v, &props.on_change, |o, b| o.sensitive = b)} />
            }
            { ctx.add_menu(&settings) }
        </>
    }
}
