//! One card per resource: its kind and id, buttons to move, duplicate and remove it, and
//! its form.

use std::rc::Rc;

use ec2_playground_core::{Lang, Resource, Stack};
use yew::prelude::*;

use crate::components::icon::Icon;

use super::fields::{non_empty, TextField};
use super::forms::ami::AmiForm;
use super::forms::ebs_snapshot::EbsSnapshotForm;
use super::forms::ebs_volume::EbsVolumeForm;
use super::forms::instance::InstanceForm;
use super::forms::key_pair::KeyPairForm;
use super::forms::output::OutputForm;
use super::forms::provider::ProviderForm;
use super::forms::security_group::SecurityGroupForm;
use super::forms::volume_attachment::VolumeAttachmentForm;
use super::forms::FormCtx;
use crate::i18n::kind_title;
use crate::issues::FieldIssue;
use crate::state::{Action, Playground};

/// Props of [`ResourceCard`]. None of them is the whole stack: a folded card is not
/// rendered again when another resource changes (only its open form reads the stack, from
/// the page's context).
#[derive(Properties, PartialEq)]
pub struct ResourceCardProps {
    /// The resource.
    pub resource: Resource,
    /// How many resources the stack has.
    pub count: usize,
    /// Its index in the stack.
    pub index: usize,
    /// The page's language.
    pub lang: Lang,
    /// Its problems.
    pub issues: Rc<Vec<FieldIssue>>,
    /// Where its edits go.
    pub dispatcher: UseReducerDispatcher<Playground>,
    /// True when the learner picked it in the diagram (or just added it).
    #[prop_or_default]
    pub selected: bool,
    /// True when it starts unfolded.
    #[prop_or(true)]
    pub open_at_first: bool,
}

/// Props of [`CardForm`].
#[derive(Properties, PartialEq)]
struct CardFormProps {
    resource: Resource,
    index: usize,
    lang: Lang,
    issues: Rc<Vec<FieldIssue>>,
    dispatcher: UseReducerDispatcher<Playground>,
}

/// The stack as the forms read it, for references only (kinds, construct ids, variables):
/// it changes when one of those does, not at each keystroke in another card, so an open
/// card is drawn again only when its own resource, its problems or the references change.
/// Two are equal when they are the same `Rc`.
#[derive(Debug, Clone)]
pub struct RefStack(pub Rc<Stack>);

impl PartialEq for RefStack {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The settings a card shows though unset (see [`FormCtx::added`]).
#[derive(Default, PartialEq)]
struct AddedSettings(Rc<Vec<&'static str>>);

impl Reducible for AddedSettings {
    type Action = &'static str;
    fn reduce(self: Rc<Self>, key: &'static str) -> Rc<Self> {
        if self.0.contains(&key) {
            return self;
        }
        let mut keys = (*self.0).clone();
        keys.push(key);
        Rc::new(AddedSettings(Rc::new(keys)))
    }
}

/// The form of an open card: the only part that reads the rest of the stack (for
/// references, through [`RefStack`]).
#[function_component]
fn CardForm(props: &CardFormProps) -> Html {
    let Some(refs) = use_context::<RefStack>() else {
        return html! {};
    };
    // The optional kwargs asked for with "add a setting", for the card's life.
    let added = use_reducer(AddedSettings::default);
    let ctx = FormCtx {
        lang: props.lang,
        index: props.index,
        stack: refs.0.clone(),
        issues: props.issues.clone(),
        added: added.0.clone(),
        on_add: {
            let d = added.dispatcher();
            Callback::from(move |key: &'static str| d.dispatch(key))
        },
    };
    let index = props.index;
    let d = props.dispatcher.clone();
    let on_change = Callback::from(move |r| d.dispatch(Action::EditResource(index, Box::new(r))));
    let r = &props.resource;
    let on_id = {
        let r = r.clone();
        let cb = on_change.clone();
        Callback::from(move |id: String| {
            let mut next = r.clone();
            next.set_id(id);
            cb.emit(next);
        })
    };
    let on_var = {
        let r = r.clone();
        let cb = on_change.clone();
        Callback::from(move |var: String| {
            let mut next = r.clone();
            next.set_var(non_empty(var));
            cb.emit(next);
        })
    };
    let var_note = r.var().and_then(|v| {
        // The writer's own fallback: the class name in lower case (`securitygroup`).
        let fallback = r.kind().class_name().to_ascii_lowercase();
        crate::i18n::python_name_note(ctx.lang, v, &ec2_playground_core::python_identifier(v, &fallback))
    });
    let form = {
        let cb = on_change;
        let ctx = ctx.clone();
        match r {
            Resource::AwsProvider(v) => {
                html! { <ProviderForm value={v.clone()} {ctx} on_change={cb.reform(Resource::AwsProvider)} /> }
            }
            Resource::DataAwsAmi(v) => {
                html! { <AmiForm value={v.clone()} {ctx} on_change={cb.reform(Resource::DataAwsAmi)} /> }
            }
            Resource::SecurityGroup(v) => {
                html! { <SecurityGroupForm value={v.clone()} {ctx} on_change={cb.reform(Resource::SecurityGroup)} /> }
            }
            Resource::KeyPair(v) => {
                html! { <KeyPairForm value={v.clone()} {ctx} on_change={cb.reform(Resource::KeyPair)} /> }
            }
            Resource::Instance(v) => {
                html! { <InstanceForm value={v.clone()} {ctx} on_change={cb.reform(Resource::Instance)} /> }
            }
            Resource::EbsVolume(v) => {
                html! { <EbsVolumeForm value={v.clone()} {ctx} on_change={cb.reform(Resource::EbsVolume)} /> }
            }
            Resource::VolumeAttachment(v) => {
                html! { <VolumeAttachmentForm value={v.clone()} {ctx} on_change={cb.reform(Resource::VolumeAttachment)} /> }
            }
            Resource::EbsSnapshot(v) => {
                html! { <EbsSnapshotForm value={v.clone()} {ctx} on_change={cb.reform(Resource::EbsSnapshot)} /> }
            }
            Resource::TerraformOutput(v) => {
                html! { <OutputForm value={v.clone()} {ctx} on_change={cb.reform(Resource::TerraformOutput)} /> }
            }
        }
    };
    html! {
        <div class="card-body" id={format!("card-{index}-body")}>
            <div class="field-row">
                <TextField id={ctx.id("id")} label={ctx.tr("Id du construct", "Construct id")} kwarg="id" mono=true
                    value={r.id().to_owned()} error={ctx.error("id")} on_change={on_id} />
                <TextField id={ctx.id("var")} label={ctx.tr("Variable Python", "Python variable")} mono=true
                    value={r.var().unwrap_or_default().to_owned()} error={ctx.error("var")} on_change={on_var}
                    placeholder={ctx.tr("(aucune)", "(none)")} note={var_note} />
            </div>
            { form }
        </div>
    }
}

/// A resource's card.
#[function_component]
pub fn ResourceCard(props: &ResourceCardProps) -> Html {
    let lang = props.lang;
    let tr = |fr: &'static str, en: &'static str| crate::i18n::tr(lang, fr, en);
    let open = use_state(|| props.open_at_first || props.selected);
    // Picked in the diagram: a folded card opens, to show what was picked.
    {
        let open = open.clone();
        use_effect_with(props.selected, move |&selected| {
            if selected && !*open {
                open.set(true);
            }
        });
    }
    let r = &props.resource;
    let index = props.index;
    let kind = kind_title(lang, r.kind());
    let body_id = format!("card-{index}-body");
    let title = match lang {
        Lang::Fr => format!("{kind} « {} »", r.id()),
        Lang::En => format!("{kind} “{}”", r.id()),
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let send = |action: Action| {
        let d = props.dispatcher.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(action.clone()))
    };
    let worst = props.issues.iter().map(|i| i.severity).min();
    let has_issue = worst.is_some();
    let card_class = match worst {
        Some(ec2_playground_core::Severity::Error) => Some("has-issue"),
        Some(_) => Some("has-warning"),
        None => None,
    };
    html! {
        <li class={classes!("card", card_class, props.selected.then_some("selected"))} id={format!("card-{index}")}
            data-kind={r.kind().class_name()} aria-label={title.clone()}
            aria-current={props.selected.then_some("true")} data-path={format!("resources[{index}]")}>
            <div class="card-head">
                <h3>
                    <button type="button" class="card-toggle" onclick={toggle} aria-expanded={(*open).to_string()} aria-controls={body_id.clone()}>
                        <span class="chevron" aria-hidden="true">{ if *open { "▾" } else { "▸" } }</span>
                        <span class="kind">{ kind }</span>
                        <code class="construct-id">{ r.id().to_owned() }</code>
                        if has_issue {
                            <span class={classes!("issue-dot", card_class)} role="img"
                                aria-label={tr("à vérifier : voir les messages dans la carte", "to check: see the messages in the card")}>{ "⚠" }</span>
                        }
                    </button>
                </h3>
                <span class="buttons">
                    <button type="button" class="icon-button" onclick={send(Action::MoveResource(index, -1))} disabled={index == 0}
                        aria-label={format!("{} : {}", title, tr("monter", "move up"))} title={tr("Monter", "Move up")}>{ Icon::Up.render() }</button>
                    <button type="button" class="icon-button" onclick={send(Action::MoveResource(index, 1))} disabled={index + 1 >= props.count}
                        aria-label={format!("{} : {}", title, tr("descendre", "move down"))} title={tr("Descendre", "Move down")}>{ Icon::Down.render() }</button>
                    <button type="button" class="icon-button" onclick={send(Action::DuplicateResource(index))}
                        aria-label={format!("{} : {}", title, tr("dupliquer", "duplicate"))} title={tr("Dupliquer", "Duplicate")}>{ Icon::Duplicate.render() }</button>
                    <button type="button" class="icon-button danger" onclick={send(Action::RemoveResource(index))}
                        aria-label={format!("{} : {}", title, tr("supprimer", "remove"))} title={tr("Supprimer", "Remove")}>{ Icon::Delete.render() }</button>
                </span>
            </div>
            if *open {
                <CardForm resource={r.clone()} {index} {lang} issues={props.issues.clone()} dispatcher={props.dispatcher.clone()} />
            }
        </li>
    }
}
