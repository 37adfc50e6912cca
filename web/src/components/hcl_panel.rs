//! The `main.tf` panel: the stack as plain Terraform (HCL), the way out for a learner
//! whose course tool (cdktf) is archived.

use std::rc::Rc;

use ec2_playground_core::{main_tf, SynthOptions};
use yew::prelude::*;

use super::code_view::{CodeLang, CodeView};
use crate::app::AppContext;
use crate::i18n::tr;
use crate::services::download;

/// `main.tf` of the stack the JSON panel shows (the last that synthesized).
#[function_component]
pub fn HclPanel() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = app.state.lang;
    let stack = app.outputs.good_stack.clone();
    let text = use_memo(stack, |stack| {
        stack
            .as_ref()
            .map(|s| main_tf(s, &SynthOptions::for_stack(s)).map(Rc::new))
    });
    let (code, error) = match &*text {
        Some(Ok(t)) => (Some(t.clone()), None),
        Some(Err(e)) => (None, Some(e.message(lang))),
        None => (None, None),
    };
    let on_download = {
        let code = code.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = &code {
                download::save("main.tf", "text/plain", text.as_bytes());
            }
        })
    };
    let note = html! {
        <p class="hint" id="hcl-note">{ tr(lang,
            "Le même stack en Terraform pur (HCL) : terraform init puis terraform plan le lisent comme le cdk.tf.json. C'est une suite possible du cours, cdktf étant archivé depuis décembre 2025.",
            "The same stack as plain Terraform (HCL): terraform init then terraform plan read it as they read cdk.tf.json. It is one way on from the course, cdktf being archived since December 2025.") }</p>
    };
    html! {
        <CodeView id="code-hcl" file_name="main.tf" {code} code_lang={CodeLang::Hcl} {lang} status={note}
            stale={error.map(AttrValue::from)}>
            if !app.state.mode.embed {
                <button type="button" class="small" id="download-hcl" onclick={on_download} disabled={!matches!(&*text, Some(Ok(_)))}>
                    { tr(lang, "Télécharger", "Download") }
                </button>
            }
        </CodeView>
    }
}
