//! `DataAwsAmi`: an AMI lookup with its filters.

use ec2_playground_core::{AmiFilter, DataAwsAmi};
use yew::prelude::*;

use crate::components::fields::{holder_class, problem_class};

use super::{FormProps, Setting};
use crate::components::fields::{edit, non_empty, BoolField, ListField, TextField};

/// The AMI lookup's form.
#[function_component]
pub fn AmiForm(props: &FormProps<DataAwsAmi>) -> Html {
    let ctx = &props.ctx;
    let v = &props.value;
    let filters = v.filter.clone().unwrap_or_default();
    let set_filters = {
        let value = v.clone();
        let cb = props.on_change.clone();
        move |next: Vec<AmiFilter>| {
            let mut value = value.clone();
            value.filter = if next.is_empty() { None } else { Some(next) };
            cb.emit(value);
        }
    };
    let rows = filters.iter().enumerate().map(|(i, f)| {
        let path = format!("filter[{i}]");
        let set_name = {
            let filters = filters.clone();
            let set_filters = set_filters.clone();
            Callback::from(move |name: String| {
                let mut next = filters.clone();
                if let Some(f) = next.get_mut(i) {
                    f.name = name;
                }
                set_filters(next);
            })
        };
        let set_values = {
            let filters = filters.clone();
            let set_filters = set_filters.clone();
            Callback::from(move |values: Option<Vec<String>>| {
                let mut next = filters.clone();
                if let Some(f) = next.get_mut(i) {
                    f.values = values.unwrap_or_default();
                }
                set_filters(next);
            })
        };
        let remove = {
            let filters = filters.clone();
            let set_filters = set_filters.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = filters.clone();
                if i < next.len() {
                    next.remove(i);
                }
                set_filters(next);
            })
        };
        html! {
            <li class="sub-card">
                <div class="sub-card-head">
                    <span>{ format!("{} {}", ctx.tr("Filtre", "Filter"), i + 1) }</span>
                    <button type="button" class="small" onclick={remove}>{ ctx.tr("Retirer ce filtre", "Remove this filter") }</button>
                </div>
                <TextField id={ctx.id(&format!("{path}.name"))} label={ctx.tr("Nom du filtre", "Filter name")} kwarg="name" mono=true
                    value={f.name.clone()} placeholder="name" error={ctx.error(&format!("{path}.name"))} on_change={set_name} />
                <ListField id={ctx.id(&format!("{path}.values"))} label={ctx.tr("Valeurs acceptées", "Accepted values")} kwarg="values"
                    value={Some(f.values.clone())} placeholder="amzn2-ami-hvm-*-x86_64-gp2" lang={ctx.lang}
                    error={ctx.error(&format!("{path}.values"))} on_change={set_values} />
            </li>
        }
    });
    let add = {
        let filters = filters.clone();
        let set_filters = set_filters.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = filters.clone();
            // One value row to fill in at once.
            next.push(AmiFilter {
                name: "name".into(),
                values: vec![String::new()],
            });
            set_filters(next);
        })
    };
    let settings = [Setting {
        key: "name_regex",
        set: v.name_regex.is_some(),
        label: ("Expression régulière du nom", "Name regular expression"),
        help: ("filtre les noms en plus", "filters the names further"),
    }];
    html! {
        <>
            <BoolField unset_is_false=true id={ctx.id("most_recent")} label={ctx.tr("Prendre la plus récente", "Take the most recent")} kwarg="most_recent"
                value={v.most_recent} lang={ctx.lang} error={ctx.error("most_recent")}
                on_change={edit(v, &props.on_change, |a, b| a.most_recent = b)} />
            <ListField id={ctx.id("owners")} label={ctx.tr("Propriétaires", "Owners")} kwarg="owners" value={v.owners.clone()}
                placeholder="amazon" lang={ctx.lang} error={ctx.error("owners")}
                on_change={edit(v, &props.on_change, |a, l| a.owners = l)} />
            <fieldset class={classes!("field", holder_class(ctx.error("filter").as_deref()))} id={ctx.id("filter")}>
                <legend><span class="label-text">{ ctx.tr("Filtres", "Filters") }</span><code class="kwarg">{ "filter" }</code></legend>
                <ul class="sub-cards">{ for rows }</ul>
                <button type="button" class="small" onclick={add} id={ctx.id("filter-add")}>{ ctx.tr("+ Ajouter un filtre", "+ Add a filter") }</button>
                if let Some(e) = ctx.own_error("filter") { <p class={problem_class(&e)} aria-live="polite">{ e }</p> }
            </fieldset>
            if ctx.shows("name_regex", v.name_regex.is_some()) {
                <TextField id={ctx.id("name_regex")} label={ctx.tr("Expression régulière du nom", "Name regular expression")} kwarg="name_regex"
                    mono=true value={v.name_regex.clone().unwrap_or_default()} error={ctx.error("name_regex")}
                    on_change={edit(v, &props.on_change, |a, s: String| a.name_regex = non_empty(s))} />
            }
            { ctx.add_menu(&settings) }
        </>
    }
}
