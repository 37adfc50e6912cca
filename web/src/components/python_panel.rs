//! The `main.py` panel (and `user_data.py` when the stack writes a script there).

use std::rc::Rc;

use ec2_playground_core::python_files;
use yew::prelude::*;

use super::code_view::CodeView;
use crate::app::AppContext;
use crate::highlight::CodeLang;
use crate::i18n::tr;

/// The Python of the stack, as the course writes it, derived where it is shown.
#[function_component]
pub fn PythonPanel() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = app.state.lang;
    // From the stack the JSON panel shows: the last that synthesized.
    let stack = app
        .outputs
        .good_stack
        .clone()
        .unwrap_or_else(|| app.state.stack.clone());
    let files = use_memo(stack, |stack| python_files(stack));
    let stale = app.outputs.synth_error.as_ref().map(|e| {
        AttrValue::from(format!(
            "{} {}",
            tr(
                lang,
                "La stack actuelle ne se synthétise pas ; voici le code de la dernière stack valide. Erreur :",
                "The current stack does not synthesize; this is the code of the last valid stack. Error:"
            ),
            e.message(lang)
        ))
    });
    let main_py = Some(Rc::new(files.main_py.clone()));
    let user_data_py = files.user_data_py.clone().map(Rc::new);
    html! {
        <div class="python-files">
            <CodeView id="code-python" file_name="main.py" code={main_py} code_lang={CodeLang::Python} {stale} {lang} />
            if let Some(text) = user_data_py {
                <CodeView id="code-user-data" file_name="user_data.py" code={Some(text)} code_lang={CodeLang::Python} {lang} />
            }
        </div>
    }
}
