//! The `cdk.tf.json` panel.

use yew::prelude::*;

use super::code_view::{CodeLang, CodeView};
use crate::app::AppContext;
use crate::i18n::tr;
use crate::services::download;

/// The Terraform JSON of the stack, as `cdktf synth` writes it.
#[function_component]
pub fn JsonPanel() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = app.state.lang;
    let stale = app.outputs.synth_error.as_ref().map(|e| {
        AttrValue::from(format!(
            "{} {}",
            tr(
                lang,
                "La stack actuelle ne se synthétise pas ; voici la dernière sortie valide. Erreur :",
                "The current stack does not synthesize; this is the last valid output. Error:"
            ),
            e.message(lang)
        ))
    });
    let on_download = {
        let json = app.outputs.json.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = &json {
                download::save("cdk.tf.json", "application/json", text.as_bytes());
            }
        })
    };
    html! {
        <CodeView id="code-json" file_name="cdk.tf.json" code={app.outputs.json.clone()} code_lang={CodeLang::Json} {stale} {lang}>
            <button type="button" class="small" id="download-json" onclick={on_download}
                aria-label={tr(lang, "Télécharger cdk.tf.json", "Download cdk.tf.json")} disabled={app.outputs.json.is_none() || app.outputs.synth_error.is_some()}>
                { tr(lang, "Télécharger", "Download") }
            </button>
        </CodeView>
    }
}
