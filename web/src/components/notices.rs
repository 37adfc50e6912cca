//! What the page has to tell the learner: a saved stack it could not read, a broken link,
//! a shared stack shown in place of their work, an undo.
//!
//! A notice that only informs (the undo offer after a removal or an example) goes away by
//! itself after [`UNDO_NOTICE_MS`], but not while the pointer or the focus is on it; the
//! others stay until the learner closes them.

use std::rc::Rc;

use ec2_playground_core::Lang;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::app::AppContext;
use crate::i18n::{kind_title, tr};
use crate::state::{Action, Notice, Replacement};

fn notice_text(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::SavedUnreadable { backup_key, error } => {
            let kept = match (backup_key, lang) {
                (Some(k), Lang::Fr) => format!("Son texte est conservé dans le localStorage sous la clé « {k} »."),
                (Some(k), Lang::En) => format!("Its text is kept in localStorage under the key “{k}”."),
                (None, Lang::Fr) => "Le navigateur refuse d'écrire : son texte reste sous la clé d'origine, qui ne sera pas écrasée.".to_owned(),
                (None, Lang::En) => "The browser refuses to write: its text stays under its original key, which will not be overwritten.".to_owned(),
            };
            match lang {
                Lang::Fr => format!(
                    "Votre stack enregistrée n'a pas pu être relue ({}). {kept} Le lab du cours est chargé à la place.",
                    error.message(lang)
                ),
                Lang::En => format!(
                    "Your saved stack could not be read back ({}). {kept} The course lab is loaded instead.",
                    error.message(lang)
                ),
            }
        }
        Notice::LinkBroken(e) => format!(
            "{} {}",
            e.message(lang),
            tr(lang, "Votre travail enregistré est affiché.", "Your saved work is shown.")
        ),
        Notice::CannotSave => tr(
            lang,
            "Ce navigateur refuse l'enregistrement local (navigation privée ou stockage plein) : vos modifications seront perdues à la fermeture. Téléchargez le projet ou copiez un lien de partage.",
            "This browser refuses local storage (private browsing or full storage): your changes will be lost when the page closes. Download the project or copy a share link.",
        )
        .to_owned(),
        Notice::ShareTooLong(e) => e.message(lang),
        Notice::ExportFailed(why) => format!(
            "{} {why}",
            tr(lang, "Le zip du projet n'a pas pu être préparé.", "The project zip could not be made.")
        ),
        Notice::LabFileBad(name, e) => match lang {
            Lang::Fr => format!("Le fichier de lab « {name} » n'a pas pu être lu : {}. Le lab suivi reste le même.", e.message(lang)),
            Lang::En => format!("The lab file “{name}” could not be read: {}. The lab you follow stays the same.", e.message(lang)),
        },
        Notice::LabTemplateFailed(e) => match lang {
            Lang::Fr => format!("L'étape n'a pas pu être ajoutée : {}.", e.message(lang)),
            Lang::En => format!("The step could not be added: {}.", e.message(lang)),
        },
        Notice::FixFailed(e) => match lang {
            Lang::Fr => format!("La correction n'a pas pu être appliquée : {}.", e.message(lang)),
            Lang::En => format!("The fix could not be applied: {}.", e.message(lang)),
        },
        Notice::LargeStack(n) => match lang {
            Lang::Fr => format!(
                "Cette stack a {} ressources : le playground reste fluide jusqu'à environ {} ; au-delà, l'ouverture prend plusieurs secondes et chaque modification une demi-seconde ou plus. La CLI (ec2-playground synth, check, diagram) traite les grandes stacks en un instant.",
                ec2_playground_core::cost::format_number(*n as f64, 0, lang),
                ec2_playground_core::cost::format_number(crate::state::LARGE_STACK as f64, 0, lang)
            ),
            Lang::En => format!(
                "This stack has {} resources: the playground stays smooth up to about {}; past that, opening takes seconds and each edit half a second or more. The CLI (ec2-playground synth, check, diagram) handles large stacks at once.",
                ec2_playground_core::cost::format_number(*n as f64, 0, lang),
                ec2_playground_core::cost::format_number(crate::state::LARGE_STACK as f64, 0, lang)
            ),
        },
        Notice::ImageTooLarge { width, height } => match lang {
            Lang::Fr => format!("Le diagramme fait {width} × {height} pixels : une image PNG ne pourrait le montrer que réduit au point d'être illisible. Téléchargez le SVG, qui s'agrandit sans perte."),
            Lang::En => format!("The diagram is {width} × {height} pixels: a PNG could only show it shrunk past reading. Download the SVG, which scales without loss."),
        },
        Notice::ImportFailed { name, limit_bytes } => {
            let limit = if limit_bytes % (1024 * 1024) == 0 {
                (limit_bytes / (1024 * 1024), tr(lang, "Mo", "MB"))
            } else {
                (limit_bytes / 1024, tr(lang, "ko", "KB"))
            };
            match lang {
                Lang::Fr => format!("Le fichier « {name} » n'a pas pu être ouvert (illisible, ou plus de {} {}) : rien n'a changé.", limit.0, limit.1),
                Lang::En => format!("The file “{name}” could not be opened (unreadable, or over {} {}): nothing has changed.", limit.0, limit.1),
            }
        }
        Notice::ModuleFailed(file) => match lang {
            Lang::Fr => format!("Une partie de la page ({file}) n'a pas pu être chargée : rechargez la page. Votre travail est enregistré."),
            Lang::En => format!("A part of the page ({file}) could not be loaded: reload the page. Your work is saved."),
        },
        Notice::ImageFailed(why) => format!(
            "{} {why}",
            tr(lang, "L'image du diagramme n'a pas pu être préparée.", "The diagram's image could not be made.")
        ),
    }
}

/// How long the undo offer stays when the learner does not touch it (milliseconds): long
/// enough to read it and reach "Annuler" (WCAG 2.2.1 asks for at least 20 s only when the
/// content cannot be had again; an undone removal is also Ctrl-Z in the code).
pub const UNDO_NOTICE_MS: u32 = 8_000;

/// The notices, at the top of the page.
#[function_component]
pub fn Notices() -> Html {
    let app = use_context::<AppContext>();
    // The undo offer's own timer: restarted for each new offer, held while hovered or focused.
    // `held` is the offer the pointer or focus is on: a later offer is not held by it.
    let held = use_state(|| None::<usize>);
    let undo_key = app
        .as_ref()
        .and_then(|a| a.state.undo.as_ref().map(|(old, _, _)| Rc::as_ptr(old) as usize));
    {
        let state = app.as_ref().map(|a| a.state.clone());
        let is_held = undo_key.is_some() && *held == undo_key;
        use_effect_with((undo_key, is_held), move |(key, held)| {
            let timer = match (key, held, state) {
                (Some(_), false, Some(state)) => Some(Timeout::new(UNDO_NOTICE_MS, move || {
                    state.dispatch(Action::DismissUndo)
                })),
                _ => None,
            };
            move || drop(timer)
        });
    }
    let Some(app) = app else {
        return html! {};
    };
    let state = &app.state;
    let lang = state.lang;
    let dispatch = |a: Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(a.clone()))
    };
    let shared = state.aside.as_ref().map(|(saved, _, _)| {
        let text = match lang {
            Lang::Fr => format!(
                "Vous voyez une stack partagée par lien (« {} »). Votre propre travail (« {} », {} ressources) est mis de côté et n'est pas modifié tant que vous n'avez pas choisi.",
                state.stack.name,
                saved.name,
                saved.resources.len()
            ),
            Lang::En => format!(
                "You are looking at a stack shared by link (“{}”). Your own work (“{}”, {} resources) is set aside and left untouched until you choose.",
                state.stack.name,
                saved.name,
                saved.resources.len()
            ),
        };
        html! {
            <div class="notice warning" id="shared-offer" role="region" aria-label={tr(lang, "Stack partagée", "Shared stack")}>
                <p>{ text }</p>
                <div class="buttons">
                    <button type="button" id="keep-shared" onclick={dispatch(Action::KeepShared)}>
                        { tr(lang, "Garder la stack partagée (remplace mon travail)", "Keep the shared stack (replaces my work)") }
                    </button>
                    <button type="button" id="restore-saved" onclick={dispatch(Action::RestoreSaved)}>
                        { tr(lang, "Revenir à mon travail", "Back to my work") }
                    </button>
                </div>
            </div>
        }
    });
    let hold = |on: bool| {
        let held = held.clone();
        Callback::from(move |_: PointerEvent| held.set(undo_key.filter(|_| on)))
    };
    let hold_focus = |on: bool| {
        let held = held.clone();
        Callback::from(move |_: FocusEvent| held.set(undo_key.filter(|_| on)))
    };
    let undo = state.undo.as_ref().map(|(old, why, _)| {
        let text = match why {
            Replacement::Example(x) => match lang {
                Lang::Fr => format!("Exemple chargé : {}.", x.title(lang)),
                Lang::En => format!("Example loaded: {}.", x.title(lang)),
            },
            Replacement::Removed(i) => {
                let what = old
                    .resources
                    .get(*i)
                    .map(|r| match lang {
                        Lang::Fr => format!("{} « {} »", kind_title(lang, r.kind()), r.id()),
                        Lang::En => format!("{} “{}”", kind_title(lang, r.kind()), r.id()),
                    })
                    .unwrap_or_default();
                match lang {
                    Lang::Fr => format!("Supprimé : {what}."),
                    Lang::En => format!("Removed: {what}."),
                }
            }
            Replacement::LabStarted => tr(
                lang,
                "Lab commencé depuis une stack vide.",
                "Lab started from an empty stack.",
            )
            .to_owned(),
            Replacement::Template(title) => match lang {
                Lang::Fr => format!("Étape ajoutée : {}.", title.get(lang)),
                Lang::En => format!("Step added: {}.", title.get(lang)),
            },
            Replacement::Fixed(what) => match lang {
                Lang::Fr => format!("Corrigé : {}", what.get(lang)),
                Lang::En => format!("Fixed: {}", what.get(lang)),
            },
        };
        html! {
            <div class="notice info" id="undo-notice" role="status"
                onpointerenter={hold(true)} onpointerleave={hold(false)}
                onfocusin={hold_focus(true)} onfocusout={hold_focus(false)}>
                <p>{ text }</p>
                <div class="buttons">
                    <button type="button" id="undo" onclick={dispatch(Action::Undo)}>{ tr(lang, "Annuler", "Undo") }</button>
                    <button type="button" class="small" onclick={dispatch(Action::DismissUndo)}
                        aria-label={tr(lang, "Masquer ce message", "Hide this message")}>{ "✕" }</button>
                </div>
            </div>
        }
    });
    html! {
        <div class="notices">
            { for state.notices.iter().enumerate().map(|(i, n)| {
                let (class, id) = match n {
                    Notice::SavedUnreadable { .. } => ("warning", "notice-saved-unreadable"),
                    Notice::LinkBroken(_) => ("warning", "notice-link-broken"),
                    Notice::CannotSave => ("warning", "notice-cannot-save"),
                    Notice::ShareTooLong(_) => ("warning", "notice-share-too-long"),
                    Notice::ExportFailed(_) => ("warning", "notice-export-failed"),
                    Notice::ImageFailed(_) => ("warning", "notice-image-failed"),
                    Notice::ImageTooLarge { .. } => ("warning", "notice-image-too-large"),
                    Notice::ImportFailed { .. } => ("warning", "notice-import-failed"),
                    Notice::ModuleFailed(_) => ("warning", "notice-module-failed"),
                    Notice::LabFileBad(..) => ("warning", "notice-lab-file-bad"),
                    Notice::LabTemplateFailed(_) => ("warning", "notice-lab-template-failed"),
                    Notice::FixFailed(_) => ("warning", "notice-fix-failed"),
                    Notice::LargeStack(_) => ("info", "notice-large-stack"),
                };
                html! {
                    <div class={classes!("notice", class)} id={id} role="alert">
                        <p>{ notice_text(n, lang) }</p>
                        <button type="button" class="small" onclick={dispatch(Action::DismissNotice(i))}
                            aria-label={tr(lang, "Masquer ce message", "Hide this message")}>{ "✕" }</button>
                    </div>
                }
            }) }
            { for shared }
            { for undo }
        </div>
    }
}
