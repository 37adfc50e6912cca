//! The share link, shown after "share" was pressed, ready to copy by hand if the
//! clipboard refused it.

use yew::prelude::*;

use crate::app::AppContext;
use crate::i18n::tr;
use crate::services::location;
use crate::state::{Action, ShareBox as Shown};

/// The share box.
#[function_component]
pub fn ShareBox() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let state = &app.state;
    let lang = state.lang;
    let Shown::Open { copied } = state.share else {
        return html! {};
    };
    // Derived from the stack: the link follows every edit made while the box is open.
    let link = match state.share_fragment() {
        Ok(f) => format!("{}#{f}", location::page_address()),
        Err(e) => e.message(lang),
    };
    let status = match copied {
        Some(true) => tr(
            lang,
            "Lien copié dans le presse-papiers.",
            "Link copied to the clipboard.",
        ),
        Some(false) => tr(
            lang,
            "Le navigateur a refusé la copie : copiez le lien ci-dessous.",
            "The browser refused to copy: copy the link below.",
        ),
        None => tr(lang, "Copie en cours…", "Copying…"),
    };
    let close = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::CloseShare))
    };
    let select_all = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>().select();
    });
    html! {
        <div class="share-box notice info" role="region" aria-label={tr(lang, "Lien de partage", "Share link")}>
            <p id="share-status" role="status">{ status }</p>
            <label for="share-link">{ tr(lang, "Ce lien ouvre la même stack, sans rien enregistrer sur un serveur :",
                "This link opens the same stack, with nothing stored on a server:") }</label>
            <input type="text" id="share-link" readonly=true value={link} onfocus={select_all} class="mono" />
            <button type="button" class="small" onclick={close}>{ tr(lang, "Fermer", "Close") }</button>
        </div>
    }
}
