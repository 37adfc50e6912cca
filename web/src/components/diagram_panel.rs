//! The diagram panel.

use ec2_playground_core::diagram_svg;
use yew::prelude::*;

use crate::app::AppContext;
use crate::state::Theme;

/// The stack drawn by the core (SVG with its own escaping), with the checks' warnings,
/// derived where it is shown.
#[function_component]
pub fn DiagramPanel() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = app.state.lang;
    let svg = use_memo(
        (app.state.stack.clone(), app.outputs.diagnostics.clone(), lang),
        |(stack, diagnostics, lang)| AttrValue::from(diagram_svg(stack, diagnostics, *lang)),
    );
    // The SVG follows the system's colours by itself; a forced theme is a class around it.
    let theme = match app.state.theme {
        Theme::System => None,
        Theme::Light => Some("ec2p-light"),
        Theme::Dark => Some("ec2p-dark"),
    };
    html! {
        <div class={classes!("diagram", theme)} id="diagram" tabindex="0">
            { Html::from_html_unchecked((*svg).clone()) }
        </div>
    }
}
