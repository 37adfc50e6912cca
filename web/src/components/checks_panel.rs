//! The checks panel.

use yew::prelude::*;

use crate::app::AppContext;
use crate::i18n::tr;

/// What the checks say of the stack.
#[function_component]
pub fn ChecksPanel() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = app.state.lang;
    let synth_error = app.outputs.synth_error.as_ref().map(|e| e.message(lang));
    // TODO(issue 7): list `ec2_playground_core::checks::check(&stack)` once it is on main.
    html! {
        <div class="checks">
            if let Some(e) = synth_error {
                <ul class="diagnostics"><li class="diagnostic error"><span class="severity">{ tr(lang, "Erreur", "Error") }</span>{ e }</li></ul>
            }
            <p class="hint pending">{ tr(lang,
                "Les vérifications arrivent avec le module de vérifications du cœur (ticket 7) : elles ne sont pas encore dans cette version.",
                "The checks come with the core's checks module (issue 7): they are not in this build yet.") }</p>
        </div>
    }
}
