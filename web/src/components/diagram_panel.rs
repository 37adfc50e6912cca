//! The diagram panel.

use yew::prelude::*;

use crate::app::AppContext;
use crate::i18n::tr;

/// The stack drawn.
#[function_component]
pub fn DiagramPanel() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = app.state.lang;
    // TODO(issue 6): show `ec2_playground_core::diagram::diagram_svg(...)` once it is on main.
    html! {
        <p class="hint pending">{ tr(lang,
            "Le diagramme arrive avec le module de diagramme du cœur (ticket 6) : il n'est pas encore dans cette version.",
            "The diagram comes with the core's diagram module (issue 6): it is not in this build yet.") }</p>
    }
}
