//! The `main.py` panel.

use yew::prelude::*;

use crate::app::AppContext;
use crate::i18n::tr;

/// The Python of the stack, as the course writes it.
#[function_component]
pub fn PythonPanel() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = app.state.lang;
    // TODO(issue 4): show `ec2_playground_core::python::main_py(&stack)` once it is on main.
    html! {
        <p class="hint pending">{ tr(lang,
            "Le main.py arrive avec le générateur Python du cœur (ticket 4) : il n'est pas encore dans cette version.",
            "main.py comes with the core's Python writer (issue 4): it is not in this build yet.") }</p>
    }
}
