//! `SecurityGroup`: its name and its inbound and outbound rules.

use ec2_playground_core::{SecurityGroup, SecurityGroupRule};
use yew::prelude::*;

use crate::components::fields::{holder_class, problem_class};

use super::rule::RuleEditor;
use super::{FormCtx, FormProps, Setting};
use crate::components::fields::{edit, non_empty, TagsField, TextField};
use crate::templates;

#[derive(Clone, Copy, PartialEq)]
enum Direction {
    Ingress,
    Egress,
}

fn rules_of(sg: &SecurityGroup, d: Direction) -> &Option<Vec<SecurityGroupRule>> {
    match d {
        Direction::Ingress => &sg.ingress,
        Direction::Egress => &sg.egress,
    }
}

fn rules_mut(sg: &mut SecurityGroup, d: Direction) -> &mut Option<Vec<SecurityGroupRule>> {
    match d {
        Direction::Ingress => &mut sg.ingress,
        Direction::Egress => &mut sg.egress,
    }
}

fn rule_list(sg: &SecurityGroup, d: Direction, ctx: &FormCtx, on_change: &Callback<SecurityGroup>) -> Html {
    let (kwarg, title, add_text) = match d {
        Direction::Ingress => (
            "ingress",
            ctx.tr("Règles entrantes", "Inbound rules"),
            ctx.tr("+ Autre règle entrante", "+ Other inbound rule"),
        ),
        Direction::Egress => (
            "egress",
            ctx.tr("Règles sortantes", "Outbound rules"),
            ctx.tr("+ Autre règle sortante", "+ Other outbound rule"),
        ),
    };
    let one = match d {
        Direction::Ingress => ctx.tr("Règle entrante", "Inbound rule"),
        Direction::Egress => ctx.tr("Règle sortante", "Outbound rule"),
    };
    let rules = rules_of(sg, d).clone().unwrap_or_default();
    let count = rules.len();
    let items = rules.iter().enumerate().map(|(i, rule)| {
        let mut removed = sg.clone();
        if let Some(list) = rules_mut(&mut removed, d).as_mut() {
            if i < list.len() {
                list.remove(i);
            }
        }
        let on_rule = {
            let sg = sg.clone();
            let cb = on_change.clone();
            Callback::from(move |r: SecurityGroupRule| {
                let mut next = sg.clone();
                if let Some(slot) = rules_mut(&mut next, d).as_mut().and_then(|l| l.get_mut(i)) {
                    *slot = r;
                }
                cb.emit(next);
            })
        };
        let on_remove = {
            let cb = on_change.clone();
            Callback::from(move |_| cb.emit(removed.clone()))
        };
        let on_move = {
            let sg = sg.clone();
            let cb = on_change.clone();
            Callback::from(move |delta: isize| {
                let mut next = sg.clone();
                if let Some(list) = rules_mut(&mut next, d).as_mut() {
                    if let Some(j) = i.checked_add_signed(delta).filter(|j| *j < list.len()) {
                        list.swap(i, j);
                        cb.emit(next);
                    }
                }
            })
        };
        html! {
            <RuleEditor key={format!("{kwarg}-{i}-{count}")} value={rule.clone()} path={format!("{kwarg}[{i}]")}
                title={format!("{one} {}", i + 1)} ctx={ctx.clone()} on_change={on_rule} {on_remove} {on_move}
                first={i == 0} last={i + 1 == count} />
        }
    });
    let add = {
        let mut next = sg.clone();
        rules_mut(&mut next, d).get_or_insert_with(Vec::new).push(match d {
            Direction::Ingress => templates::new_ingress_rule(),
            Direction::Egress => templates::new_egress_rule(),
        });
        let cb = on_change.clone();
        Callback::from(move |_: MouseEvent| cb.emit(next.clone()))
    };
    let presets = templates::rule_presets(d == Direction::Ingress)
        .into_iter()
        .enumerate()
        .map(|(n, (name, rule))| {
            let mut next = sg.clone();
            rules_mut(&mut next, d).get_or_insert_with(Vec::new).push(rule);
            let cb = on_change.clone();
            let label = if name == "*" {
                ctx.tr("+ Tout le trafic", "+ All traffic").to_owned()
            } else {
                format!("+ {name}")
            };
            html! {
                <button type="button" class="small preset" id={ctx.id(&format!("{kwarg}-preset-{n}"))}
                    onclick={Callback::from(move |_: MouseEvent| cb.emit(next.clone()))}>{ label }</button>
            }
        })
        .collect::<Html>();
    let error = ctx.own_error(kwarg);
    html! {
        <fieldset class={classes!("field", "rules", holder_class(error.as_deref()))} id={ctx.id(kwarg)}>
            <legend><span class="label-text">{ title }</span><code class="kwarg">{ kwarg }</code></legend>
            if rules_of(sg, d).is_none() {
                <p class="hint">{ ctx.tr("Non défini : AWS garde ses règles par défaut.", "Not set: AWS keeps its default rules.") }</p>
            } else if count == 0 {
                <p class="hint">{ ctx.tr("Liste vide : aucune règle.", "Empty list: no rule.") }</p>
            }
            <ol class="sub-cards">{ for items }</ol>
            <div class="rule-presets">
                { presets }
                <button type="button" class="small" onclick={add} id={ctx.id(&format!("{kwarg}-add"))}>{ add_text }</button>
            </div>
            if let Some(e) = error { <p class={problem_class(&e)} aria-live="polite">{ e }</p> }
        </fieldset>
    }
}

/// The security group's form.
#[function_component]
pub fn SecurityGroupForm(props: &FormProps<SecurityGroup>) -> Html {
    let ctx = &props.ctx;
    let v = &props.value;
    let set = |f: fn(&mut SecurityGroup, String)| edit(v, &props.on_change, f);
    let settings = [
        Setting {
            key: "vpc_id",
            set: v.vpc_id.is_some(),
            label: ("VPC", "VPC"),
            help: ("sinon le VPC par défaut", "else the default VPC"),
        },
        Setting {
            key: "description",
            set: v.description.is_some(),
            label: ("Description", "Description"),
            help: ("« Managed by Terraform » sinon", "else “Managed by Terraform”"),
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
            <div class="field-row">
                <TextField id={ctx.id("name")} label={ctx.tr("Nom dans AWS", "Name in AWS")} kwarg="name" mono=true
                    value={v.name.clone().unwrap_or_default()} error={ctx.error("name")} on_change={set(|g, s| g.name = non_empty(s))} />
                if ctx.shows("vpc_id", v.vpc_id.is_some()) {
                    <TextField id={ctx.id("vpc_id")} label={ctx.tr("VPC (vide : VPC par défaut)", "VPC (empty: default VPC)")} kwarg="vpc_id" mono=true
                        value={v.vpc_id.clone().unwrap_or_default()} error={ctx.error("vpc_id")} on_change={set(|g, s| g.vpc_id = non_empty(s))} />
                }
            </div>
            if ctx.shows("description", v.description.is_some()) {
                <TextField id={ctx.id("description")} label={ctx.tr("Description", "Description")} kwarg="description"
                    value={v.description.clone().unwrap_or_default()} error={ctx.error("description")}
                    on_change={set(|g, s| g.description = non_empty(s))} />
            }
            { rule_list(v, Direction::Ingress, ctx, &props.on_change) }
            { rule_list(v, Direction::Egress, ctx, &props.on_change) }
            if ctx.shows("tags", v.tags.is_some()) {
                <TagsField id={ctx.id("tags")} label={ctx.tr("Tags", "Tags")} kwarg="tags" value={v.tags.clone()} lang={ctx.lang}
                    error={ctx.error("tags")} on_change={edit(v, &props.on_change, |g, t| g.tags = t)} />
            }
            { ctx.add_menu(&settings) }
        </>
    }
}
