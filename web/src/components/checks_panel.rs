//! The checks panel: counts by severity, then each finding, which takes the learner to its
//! field.

use ec2_playground_core::fix::{fix_offer, FixOffer, FixParams};
use ec2_playground_core::{Diagnostic, Lang, Severity, Stack};
use yew::prelude::*;

use crate::app::AppContext;
use crate::i18n::{kind_title, tr};
use crate::issues::{element_ids, split_path};
use crate::services::document;
use crate::state::{Action, Playground, Workbench};

fn severity_label(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => tr(lang, "Erreur", "Error"),
        Severity::Warning => tr(lang, "Attention", "Warning"),
        Severity::Info => tr(lang, "Info", "Info"),
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// How many findings the panel shows at first, and adds at each "show more".
const FINDINGS_PAGE: usize = 200;

/// Where a finding is, in the learner's words: `Groupe de sécurité « web_sg » · ingress[0].from_port`.
fn place(stack: &Stack, path: &str, lang: Lang) -> String {
    let (index, rest) = split_path(path);
    match index.and_then(|i| stack.resources.get(i)) {
        Some(r) => {
            let what = match lang {
                Lang::Fr => format!("{} « {} »", kind_title(lang, r.kind()), r.id()),
                Lang::En => format!("{} “{}”", kind_title(lang, r.kind()), r.id()),
            };
            if rest.is_empty() {
                what
            } else {
                format!("{what} · {rest}")
            }
        }
        None => tr(lang, "La stack", "The stack").to_owned(),
    }
}

/// Shows the resource at `index` in its form (the card opens), then brings the field of
/// `ids` into view with the focus, once drawn.
fn go_to(
    dispatcher: &UseReducerDispatcher<Playground>,
    index: Option<usize>,
    ids: Vec<String>,
) -> Callback<MouseEvent> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |_: MouseEvent| {
        match index {
            Some(i) => dispatcher.dispatch(Action::Select(Some(i))),
            None => dispatcher.dispatch(Action::ShowWorkbench(Workbench::Forms)),
        }
        let ids = ids.clone();
        gloo::timers::callback::Timeout::new(0, move || {
            document::reveal(&ids);
        })
        .forget();
    })
}

#[derive(Properties, PartialEq)]
struct FixProps {
    offer: FixOffer,
    code: String,
    path: String,
    /// The finding's place in the list, for unique element ids.
    n: usize,
    lang: Lang,
}

/// The "Corriger" button of a finding, with a field for each value the fix needs (the
/// learner's address, which the page never looks up).
#[function_component]
fn FixButton(props: &FixProps) -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let values = use_state(FixParams::new);
    let lang = props.lang;
    let onclick = {
        let state = app.state.clone();
        let (code, path, values) = (props.code.clone(), props.path.clone(), values.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::ApplyFix {
                code: code.clone(),
                path: path.clone(),
                params: (*values).clone(),
            })
        })
    };
    let missing = props
        .offer
        .params
        .iter()
        .any(|p| values.get(&p.name).is_none_or(|v| v.trim().is_empty()));
    html! {
        <div class="fix-offer">
            { for props.offer.params.iter().map(|p| {
                let id = format!("fix-{}-{}", props.n, p.name);
                let oninput = {
                    let values = values.clone();
                    let name = p.name.clone();
                    Callback::from(move |e: InputEvent| {
                        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                        let mut next = (*values).clone();
                        next.insert(name.clone(), input.value());
                        values.set(next);
                    })
                };
                html! {
                    <label for={id.clone()} class="fix-param">
                        { p.label.get(lang).to_owned() }
                        <input type="text" id={id} placeholder={p.example.clone()} spellcheck="false"
                            value={values.get(&p.name).cloned().unwrap_or_default()} {oninput} />
                    </label>
                }
            }) }
            <button type="button" class="fix-button" id={format!("fix-{}", props.n)} {onclick} disabled={missing}
                title={props.offer.description.get(lang).to_owned()}>
                { props.offer.label.get(lang).to_owned() }
            </button>
            <span class="fix-what">{ props.offer.description.get(lang).to_owned() }</span>
        </div>
    }
}

fn entry(
    n: usize,
    d: &Diagnostic,
    offer: Option<FixOffer>,
    stack: &Stack,
    lang: Lang,
    dispatcher: &UseReducerDispatcher<Playground>,
) -> Html {
    let (index, rest) = split_path(&d.path);
    let ids = element_ids(index, &rest);
    let onclick = go_to(dispatcher, index, ids);
    html! {
        <li class={classes!("diagnostic", severity_class(d.severity))}>
            <button type="button" class="diagnostic-target" {onclick}
                title={tr(lang, "Aller au champ", "Go to the field")}>
                <span class="severity">{ severity_label(d.severity, lang) }</span>
                <span class="place">{ place(stack, &d.path, lang) }</span>
            </button>
            <p class="message">{ d.message.get(lang).to_owned() }</p>
            <p class="fix">{ d.hint.get(lang).to_owned() }</p>
            if let Some(offer) = offer {
                <FixButton {offer} code={d.code.clone()} path={d.path.clone()} {n} {lang} />
            }
            <p class="meta">
                <code>{ d.code.clone() }</code>
                if let Some(ckv) = &d.checkov { { " · checkov " }<code>{ ckv.clone() }</code> }
            </p>
        </li>
    }
}

/// What the checks say of the stack.
#[function_component]
pub fn ChecksPanel() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = app.state.lang;
    let stack = app.outputs.settled.clone();
    let readonly = app.state.readonly();
    let dispatcher = app.state.dispatcher();
    let diagnostics = app.outputs.diagnostics.clone();
    // Errors first, then warnings, then what is only worth knowing; in the stack's order
    // within each.
    // A long list is shown a page at a time: 1,657 findings of a 1,000-resource stack took
    // the tab a second to draw, and no one reads them all at once.
    let shown = use_state(|| FINDINGS_PAGE);
    let sorted = {
        let mut sorted: Vec<(usize, &Diagnostic)> = diagnostics.iter().enumerate().collect();
        sorted.sort_by_key(|(_, d)| d.severity);
        sorted
    };
    // The fixes offered, once per stack (each is tried on a copy of its resource).
    let offers = use_memo(
        (stack.clone(), diagnostics.clone(), readonly),
        |(stack, diagnostics, readonly)| {
            diagnostics
                .iter()
                .map(|d| if *readonly { None } else { fix_offer(stack, d) })
                .collect::<Vec<_>>()
        },
    );
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings, infos) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    let synth_error = app.outputs.synth_error.as_ref().map(|e| {
        let site = e.site();
        let ids = site
            .map(|s| element_ids(Some(s.index), &s.path))
            .unwrap_or_else(|| element_ids(None, "name"));
        let onclick = go_to(&dispatcher, site.map(|s| s.index), ids);
        html! {
            <li class="diagnostic error">
                <button type="button" class="diagnostic-target" {onclick}>
                    <span class="severity">{ tr(lang, "Synthèse impossible", "Cannot synthesize") }</span>
                </button>
                <p class="message">{ e.message(lang) }</p>
            </li>
        }
    });
    let summary = ec2_playground_core::diagnostic::counts_summary(errors, warnings, infos, lang);
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + FINDINGS_PAGE))
    };
    html! {
        <div class="checks">
            <p class="counts" id="checks-summary" role="status">
                <span class="count error">{ errors }</span>
                <span class="count warning">{ warnings }</span>
                <span class="count info">{ infos }</span>
                <span class="summary-text">{ summary }</span>
            </p>
            if diagnostics.is_empty() && synth_error.is_none() {
                <p class="hint">{ tr(lang, "Rien à signaler : AWS devrait accepter cette stack.", "Nothing to report: AWS should accept this stack.") }</p>
            }
            <ul class="diagnostics">
                { for synth_error }
                { for sorted.iter().take(*shown).enumerate().map(|(n, (i, d))| entry(n, d, offers.get(*i).cloned().flatten(), &stack, lang, &dispatcher)) }
            </ul>
            if sorted.len() > *shown {
                <button type="button" id="checks-more" onclick={on_more}>
                    { match lang {
                        Lang::Fr => format!("Afficher {} de plus ({} restantes)", FINDINGS_PAGE.min(sorted.len() - *shown), sorted.len() - *shown),
                        Lang::En => format!("Show {} more ({} left)", FINDINGS_PAGE.min(sorted.len() - *shown), sorted.len() - *shown),
                    } }
                </button>
            }
        </div>
    }
}
