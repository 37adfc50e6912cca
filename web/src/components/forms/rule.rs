//! One inbound or outbound rule of a security group.

use ec2_playground_core::{ResourceKind, SecurityGroupRule};
use yew::prelude::*;

use crate::components::icon::Icon;

use super::FormCtx;
use crate::components::fields::ref_field::candidates;
use crate::components::fields::{
    described_by, edit, non_empty, shell, BoolField, ListField, NumberField, RefListField, TextField,
};

/// The protocols the select offers; anything else is typed ("other").
const PROTOCOLS: [&str; 5] = ["-1", "tcp", "udp", "icmp", "icmpv6"];

/// Props of [`RuleEditor`].
#[derive(Properties, PartialEq)]
pub struct RuleEditorProps {
    /// The rule.
    pub value: SecurityGroupRule,
    /// Its kwarg path (`ingress[0]`).
    pub path: AttrValue,
    /// Its title (`Règle entrante 1`).
    pub title: AttrValue,
    /// Language, index, stack, problems.
    pub ctx: FormCtx,
    /// Sends the edited rule.
    pub on_change: Callback<SecurityGroupRule>,
    /// Removes the rule.
    pub on_remove: Callback<()>,
    /// Moves the rule up (`-1`) or down (`1`).
    pub on_move: Callback<isize>,
    /// First of its list.
    pub first: bool,
    /// Last of its list.
    pub last: bool,
}

/// A rule's fields.
#[function_component]
pub fn RuleEditor(props: &RuleEditorProps) -> Html {
    let ctx = &props.ctx;
    let v = &props.value;
    let p = |name: &str| format!("{}.{name}", props.path);
    let protocol_id = ctx.id(&p("protocol"));
    let protocol = v.protocol.clone();
    let choice = match protocol.as_deref() {
        None => "unset".to_owned(),
        Some(x) if PROTOCOLS.contains(&x) => x.to_owned(),
        Some(_) => "other".to_owned(),
    };
    let on_protocol = {
        let value = v.clone();
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            let c = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let mut next = value.clone();
            next.protocol = match c.as_str() {
                "unset" => None,
                "other" => Some("6".into()),
                x => Some(x.to_owned()),
            };
            cb.emit(next);
        })
    };
    let on_protocol_text = edit(v, &props.on_change, |r, e: InputEvent| {
        r.protocol = non_empty(e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
    });
    let protocol_error = ctx.error(&p("protocol"));
    let protocol_control = html! {
        <div class="ref-field">
            <select id={protocol_id.clone()} onchange={on_protocol} aria-invalid={crate::components::fields::invalid(protocol_error.as_deref())}
                aria-describedby={described_by(&protocol_id, protocol_error.as_deref())}>
                <option value="unset" selected={choice == "unset"}>{ ctx.tr("— non défini —", "— not set —") }</option>
                <option value="-1" selected={choice == "-1"}>{ ctx.tr("Tous (-1)", "All (-1)") }</option>
                <option value="tcp" selected={choice == "tcp"}>{ "tcp" }</option>
                <option value="udp" selected={choice == "udp"}>{ "udp" }</option>
                <option value="icmp" selected={choice == "icmp"}>{ "icmp" }</option>
                <option value="icmpv6" selected={choice == "icmpv6"}>{ "icmpv6" }</option>
                <option value="other" selected={choice == "other"}>{ ctx.tr("Autre (numéro)…", "Other (number)…") }</option>
            </select>
            if choice == "other" {
                <input type="text" class="mono num" id={format!("{protocol_id}-other")} value={protocol.unwrap_or_default()}
                    oninput={on_protocol_text} aria-label={ctx.tr("Numéro de protocole", "Protocol number")} />
            }
        </div>
    };
    let remove = {
        let cb = props.on_remove.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let up = {
        let cb = props.on_move.clone();
        Callback::from(move |_: MouseEvent| cb.emit(-1))
    };
    let down = {
        let cb = props.on_move.clone();
        Callback::from(move |_: MouseEvent| cb.emit(1))
    };
    let title = props.title.to_string();
    html! {
        <li class="sub-card rule" id={ctx.id(&props.path)} aria-label={title.clone()}
            data-path={format!("resources[{}].{}", ctx.index, props.path)}>
            <div class="sub-card-head">
                <span>{ title.clone() }</span>
                <span class="buttons">
                    <button type="button" class="icon-button" onclick={up} disabled={props.first}
                        aria-label={format!("{} : {}", title, ctx.tr("monter", "move up"))} title={ctx.tr("Monter", "Move up")}>{ Icon::Up.render() }</button>
                    <button type="button" class="icon-button" onclick={down} disabled={props.last}
                        aria-label={format!("{} : {}", title, ctx.tr("descendre", "move down"))} title={ctx.tr("Descendre", "Move down")}>{ Icon::Down.render() }</button>
                    <button type="button" class="small danger" onclick={remove}
                        aria-label={format!("{} : {}", title, ctx.tr("retirer", "remove"))}>{ ctx.tr("Retirer", "Remove") }</button>
                </span>
            </div>
            // Protocol, ports and description on one line where the card is wide enough.
            <div class="field-row rule-row">
                { shell(&protocol_id, ctx.tr("Protocole", "Protocol"), Some("protocol"), protocol_error.as_deref(), protocol_control) }
                <NumberField id={ctx.id(&p("from_port"))} label={ctx.tr("Port de début", "From port")} kwarg="from_port"
                    value={v.from_port} lang={ctx.lang} error={ctx.error(&p("from_port"))}
                    on_change={edit(v, &props.on_change, |r, n| r.from_port = n)} />
                <NumberField id={ctx.id(&p("to_port"))} label={ctx.tr("Port de fin", "To port")} kwarg="to_port"
                    value={v.to_port} lang={ctx.lang} error={ctx.error(&p("to_port"))}
                    on_change={edit(v, &props.on_change, |r, n| r.to_port = n)} />
                <TextField id={ctx.id(&p("description"))} label={ctx.tr("Description", "Description")} kwarg="description"
                    value={v.description.clone().unwrap_or_default()} error={ctx.error(&p("description"))}
                    on_change={edit(v, &props.on_change, |r, s: String| r.description = non_empty(s))} />
            </div>
            <ListField id={ctx.id(&p("cidr_blocks"))} label={ctx.tr("Blocs CIDR IPv4", "IPv4 CIDR blocks")} kwarg="cidr_blocks"
                value={v.cidr_blocks.clone()} placeholder="0.0.0.0/0" lang={ctx.lang} error={ctx.error(&p("cidr_blocks"))}
                on_change={edit(v, &props.on_change, |r, l| r.cidr_blocks = l)} />
            <details class="more">
                <summary>{ ctx.tr("IPv6, listes de préfixes, autres groupes, self", "IPv6, prefix lists, other groups, self") }</summary>
                <ListField id={ctx.id(&p("ipv6_cidr_blocks"))} label={ctx.tr("Blocs CIDR IPv6", "IPv6 CIDR blocks")} kwarg="ipv6_cidr_blocks"
                    value={v.ipv6_cidr_blocks.clone()} placeholder="::/0" lang={ctx.lang} error={ctx.error(&p("ipv6_cidr_blocks"))}
                    on_change={edit(v, &props.on_change, |r, l| r.ipv6_cidr_blocks = l)} />
                <ListField id={ctx.id(&p("prefix_list_ids"))} label={ctx.tr("Listes de préfixes", "Prefix lists")} kwarg="prefix_list_ids"
                    value={v.prefix_list_ids.clone()} placeholder="pl-0123456789abcdef0" lang={ctx.lang} error={ctx.error(&p("prefix_list_ids"))}
                    on_change={edit(v, &props.on_change, |r, l| r.prefix_list_ids = l)} />
                <RefListField id={ctx.id(&p("security_groups"))} label={ctx.tr("Groupes de sécurité", "Security groups")} kwarg="security_groups"
                    value={v.security_groups.clone()} candidates={candidates(&ctx.stack, ResourceKind::SecurityGroup, "id")}
                    lang={ctx.lang} error={ctx.error(&p("security_groups"))}
                    on_change={edit(v, &props.on_change, |r, l| r.security_groups = l)} />
                <BoolField unset_is_false=true id={ctx.id(&p("self"))} label={ctx.tr("Le groupe lui-même", "The group itself")} kwarg="self_attribute"
                    value={v.self_attribute} lang={ctx.lang} error={ctx.error(&p("self"))}
                    on_change={edit(v, &props.on_change, |r, b| r.self_attribute = b)} />
            </details>
        </li>
    }
}
