//! The thin bar of an embedded page: a title and a link to open the stack in the full
//! playground.

use yew::prelude::*;

use crate::app::AppContext;
use crate::i18n::tr;
use crate::services::location;

/// The embed bar.
#[function_component]
pub fn EmbedBar() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = app.state.lang;
    let href = match app.state.share_fragment() {
        Ok(f) => format!("{}#{f}", location::page_address()),
        Err(_) => location::page_address(),
    };
    html! {
        <header class="embed-bar">
            <span class="title">{ "EC2 Playground" }</span>
            <a id="open-playground" href={href} target="_blank" rel="noopener">
                { tr(lang, "Ouvrir dans le playground ↗", "Open in the playground ↗") }
            </a>
        </header>
    }
}
