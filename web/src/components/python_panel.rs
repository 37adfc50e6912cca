//! The `main.py` panel (and `user_data.py` when the stack writes a script there).

use std::rc::Rc;

use ec2_playground_core::python_files;
use yew::prelude::*;

use super::code_view::CodeView;
use crate::app::AppContext;
use crate::highlight::CodeLang;

/// The Python of the stack, as the course writes it, derived where it is shown.
#[function_component]
pub fn PythonPanel() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let lang = app.state.lang;
    let files = use_memo(app.state.stack.clone(), |stack| python_files(stack));
    let main_py = Some(Rc::new(files.main_py.clone()));
    let user_data_py = files.user_data_py.clone().map(Rc::new);
    html! {
        <div class="python-files">
            <CodeView id="code-python" file_name="main.py" code={main_py} code_lang={CodeLang::Python} {lang} />
            if let Some(text) = user_data_py {
                <CodeView id="code-user-data" file_name="user_data.py" code={Some(text)} code_lang={CodeLang::Python} {lang} />
            }
        </div>
    }
}
