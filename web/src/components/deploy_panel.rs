//! The deploy panel: what `cdktf deploy` would do to the stack the learner marked deployed
//! (the core's [`deploy_preview`]: create, update in place, replace, destroy, and what
//! forces a replacement), and what leaving the stack running costs a month (the core's
//! [`monthly_cost`], from its dated price table).

use ec2_playground_core::cost::format_usd;
use ec2_playground_core::cost_prices::{PRICES_AS_OF, PRICES_SOURCE};
use ec2_playground_core::deploy::{Action as DeployAction, OutputAction};
use ec2_playground_core::{deploy_preview, monthly_cost, Lang};
use yew::prelude::*;

use crate::app::AppContext;
use crate::i18n::tr;
use crate::state::Action;

fn action_class(a: DeployAction) -> &'static str {
    match a {
        DeployAction::NoChange => "no-change",
        DeployAction::Create => "create",
        DeployAction::Update => "update",
        DeployAction::Replace => "replace",
        DeployAction::Destroy => "destroy",
        DeployAction::Read => "read",
    }
}

fn action_sign(a: DeployAction) -> &'static str {
    match a {
        DeployAction::NoChange => "=",
        DeployAction::Create => "+",
        DeployAction::Update => "~",
        DeployAction::Replace => "-/+",
        DeployAction::Destroy => "-",
        DeployAction::Read => "<=",
    }
}

/// The deploy preview of the stack against the one marked deployed.
#[function_component]
fn DeployPreviewView() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let state = app.state.clone();
    let lang = state.lang;
    let settled = app.outputs.settled.clone();
    let preview = use_memo((state.deployed.clone(), settled), |(deployed, current)| {
        deployed.as_ref().map(|d| deploy_preview(d, current))
    });
    let on_mark = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::MarkDeployed))
    };
    let on_forget = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ForgetDeployed))
    };
    let readonly = state.readonly();
    let Some(preview) = &*preview else {
        return html! {
            <section class="deploy-preview" aria-labelledby="deploy-title">
                <h2 id="deploy-title">{ tr(lang, "Aperçu du déploiement", "Deploy preview") }</h2>
                <p class="hint">{ tr(lang,
                    "Après « cdktf deploy », marquez la stack comme déployée : la page dira alors, à chaque modification, ce que le prochain déploiement créera, modifiera, remplacera ou détruira.",
                    "After “cdktf deploy”, mark the stack as deployed: the page will then tell, at each edit, what the next deploy creates, updates, replaces or destroys.") }</p>
                if !readonly {
                    <button type="button" class="primary" id="mark-deployed" onclick={on_mark}>
                        { tr(lang, "Marquer comme déployée", "Mark as deployed") }
                    </button>
                }
            </section>
        };
    };
    let body = match preview {
        Err(e) => html! { <p class="deploy-error" role="alert">{ e.message(lang) }</p> },
        Ok(p) => {
            let changes: Vec<_> = p
                .resources
                .iter()
                .filter(|r| r.action != DeployAction::NoChange)
                .collect();
            let unchanged = p.resources.len() - changes.len();
            let outputs: Vec<_> = p
                .outputs
                .iter()
                .filter(|o| o.action != OutputAction::NoChange)
                .collect();
            html! {
                <>
                    <p class="plan-summary" id="plan-summary" role="status">{ p.summary.get(lang).to_owned() }</p>
                    if changes.is_empty() {
                        <p class="hint">{ tr(lang, "Rien ne change : « cdktf deploy » ne ferait rien.", "Nothing changes: “cdktf deploy” would do nothing.") }</p>
                    }
                    <ul class="plan-changes">
                        { for changes.iter().map(|c| html! {
                            <li class={classes!("plan-change", action_class(c.action))} id={format!("plan-{}", c.address.replace('.', "-"))}>
                                <p class="plan-head">
                                    <span class="plan-sign" aria-hidden="true">{ action_sign(c.action) }</span>
                                    <code>{ c.address.clone() }</code>
                                    <span class="plan-action">{ c.action.label().get(lang).to_owned() }</span>
                                </p>
                                <p class="plan-summary-line">{ c.summary.get(lang).to_owned() }</p>
                                if !c.attributes.is_empty() {
                                    <ul class="plan-attributes">
                                        { for c.attributes.iter().map(|a| html! {
                                            <li class={classes!(a.forces_replacement.then_some("forces"))}>
                                                <code>{ a.attribute.clone() }</code>
                                                { format!(" ({})", a.label.get(lang)) }
                                                if a.forces_replacement {
                                                    <strong class="forces-label">{ tr(lang, " — force le remplacement", " — forces replacement") }</strong>
                                                }
                                            </li>
                                        }) }
                                    </ul>
                                }
                                { for c.notes.iter().map(|n| html! { <p class="plan-note">{ n.get(lang).to_owned() }</p> }) }
                            </li>
                        }) }
                    </ul>
                    if unchanged > 0 {
                        <p class="hint">{ match lang {
                            Lang::Fr => format!("{unchanged} ressource{} sans changement.", if unchanged > 1 { "s" } else { "" }),
                            Lang::En => format!("{unchanged} resource{} unchanged.", if unchanged == 1 { "" } else { "s" }),
                        } }</p>
                    }
                    if !outputs.is_empty() {
                        <ul class="plan-outputs">
                            { for outputs.iter().map(|o| html! { <li>{ o.summary.get(lang).to_owned() }</li> }) }
                        </ul>
                    }
                    { for p.notes.iter().map(|n| html! { <p class="plan-note">{ n.get(lang).to_owned() }</p> }) }
                </>
            }
        }
    };
    html! {
        <section class="deploy-preview" aria-labelledby="deploy-title">
            <h2 id="deploy-title">{ tr(lang, "Aperçu du déploiement", "Deploy preview") }</h2>
            <p class="hint">{ tr(lang,
                "Par rapport à la stack marquée comme déployée, « cdktf deploy » ferait :",
                "Against the stack marked as deployed, “cdktf deploy” would:") }</p>
            { body }
            if !readonly {
                <div class="buttons">
                    <button type="button" id="mark-deployed" onclick={on_mark}>
                        { tr(lang, "Marquer la stack actuelle comme déployée", "Mark the current stack as deployed") }
                    </button>
                    <button type="button" id="forget-deployed" onclick={on_forget}>
                        { tr(lang, "Oublier le déploiement", "Forget the deployment") }
                    </button>
                </div>
            }
        </section>
    }
}

/// What the stack costs a month.
#[function_component]
fn CostView() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = app.state.lang;
    let cost = use_memo(app.outputs.settled.clone(), |stack| monthly_cost(stack));
    let region = cost.region.clone().unwrap_or_else(|| "?".to_owned());
    html! {
        <section class="cost" aria-labelledby="cost-title">
            <h2 id="cost-title">{ tr(lang, "Coût mensuel", "Monthly cost") }</h2>
            <p class="cost-total" id="cost-total">
                { match lang {
                    Lang::Fr => format!("{} par mois si la stack reste en marche (région {region})", cost.total_text(lang)),
                    Lang::En => format!("{} a month if the stack keeps running (region {region})", cost.total_text(lang)),
                } }
            </p>
            if cost.total_after_free_tier < cost.total {
                <p class="cost-free-tier" id="cost-free-tier">
                    { match lang {
                        Lang::Fr => format!("{} avec l'offre gratuite de 12 mois.", format_usd(cost.total_after_free_tier, lang)),
                        Lang::En => format!("{} with the 12-month free tier.", format_usd(cost.total_after_free_tier, lang)),
                    } }
                </p>
            }
            <table class="cost-lines">
                <caption class="visually-hidden">{ tr(lang, "Détail du coût", "Cost breakdown") }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ tr(lang, "Ressource", "Resource") }</th>
                        <th scope="col">{ tr(lang, "Élément", "Item") }</th>
                        <th scope="col" class="amount">{ tr(lang, "Par mois", "Per month") }</th>
                    </tr>
                </thead>
                <tbody>
                    { for cost.lines.iter().map(|l| html! {
                        <tr>
                            <td><code>{ l.resource.clone() }</code></td>
                            <td>
                                { l.description.get(lang).to_owned() }
                                if let Some(free) = &l.free_tier {
                                    <span class="free-tier">{ format!(" · {}", free.get(lang)) }</span>
                                }
                            </td>
                            <td class="amount">{ l.monthly.map(|m| format_usd(m, lang)).unwrap_or_else(|| "?".to_owned()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            { for cost.notes.iter().map(|n| html! { <p class="hint">{ n.get(lang).to_owned() }</p> }) }
            <p class="hint cost-source">
                { match lang {
                    Lang::Fr => format!("Prix à la demande relevés le {PRICES_AS_OF}, à vérifier sur {PRICES_SOURCE}."),
                    Lang::En => format!("On-demand prices as of {PRICES_AS_OF}, to check against {PRICES_SOURCE}."),
                } }
            </p>
        </section>
    }
}

/// The deploy preview and the cost, side by side on a wide screen.
#[function_component]
pub fn DeployPanel() -> Html {
    html! {
        <div class="deploy">
            <DeployPreviewView />
            <CostView />
        </div>
    }
}
