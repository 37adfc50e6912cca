//! The toolbar: examples, reset, share, downloads, language and theme.

use ec2_playground_core::export::project_folder;
use std::rc::Rc;

use ec2_playground_core::{export_project_as, with_learner_code, zip_project, Lang, ProjectKind, Stack};
use yew::prelude::*;

use crate::app::AppContext;
use crate::components::icon::Icon;
use crate::examples::Example;
use crate::i18n::tr;
use crate::services::{clipboard, document, download, location};
use crate::state::{Action, Notice, Panel, Playground, Theme};

/// The projects the zip may hold, in the menu's order.
const KINDS: [ProjectKind; 4] = [
    ProjectKind::Cdktf,
    ProjectKind::Terraform,
    ProjectKind::Both,
    ProjectKind::Cdktn,
];

fn kind_code(kind: ProjectKind) -> &'static str {
    match kind {
        ProjectKind::Cdktf => "cdktf",
        ProjectKind::Terraform => "terraform",
        ProjectKind::Both => "both",
        ProjectKind::Cdktn => "cdktn",
    }
}

fn kind_label(kind: ProjectKind, lang: Lang) -> &'static str {
    match kind {
        ProjectKind::Cdktf => tr(lang, "cdktf (le cours)", "cdktf (the course)"),
        ProjectKind::Terraform => tr(lang, "Terraform (HCL)", "Terraform (HCL)"),
        ProjectKind::Both => tr(lang, "cdktf + Terraform", "cdktf + Terraform"),
        ProjectKind::Cdktn => tr(lang, "CDK Terrain", "CDK Terrain"),
    }
}

/// The zip's file name: the project folder, with the kind when it is not the course's.
fn zip_name(folder: &str, kind: ProjectKind) -> String {
    match kind {
        ProjectKind::Cdktf => format!("{folder}.zip"),
        other => format!("{folder}-{}.zip", kind_code(other)),
    }
}

/// The project of `kind` for `stack`, zipped; the learner's own main.py when it describes
/// this stack (and the project has a cdktf main.py). Errors: the core's, in the page's
/// language.
fn project_zip(stack: &Rc<Stack>, kind: ProjectKind, state: &UseReducerHandle<Playground>) -> Result<Vec<u8>, String> {
    let lang = state.lang;
    let project = export_project_as(stack, kind).map_err(|e| e.message(lang))?;
    let project = match (state.code_for_export(), kind) {
        (Some((main_py, user_data_py)), ProjectKind::Cdktf | ProjectKind::Both) if **stack == *state.stack => {
            with_learner_code(project, main_py, user_data_py)
        }
        _ => project,
    };
    zip_project(&project).map_err(|e| e.message(lang))
}

/// The toolbar.
#[function_component]
pub fn Toolbar() -> Html {
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let state = &app.state;
    let lang = state.lang;
    let example = use_state(|| Example::Lab);
    let on_example = {
        let example = example.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(x) = Example::from_code(&v) {
                example.set(x);
            }
        })
    };
    let load = |x: Example| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::LoadExample(x)))
    };
    let on_share = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| match state.share_fragment() {
            Ok(fragment) => {
                let link = format!("{}#{fragment}", location::page_address());
                state.dispatch(Action::OpenShare);
                let s = state.clone();
                clipboard::copy(link, Callback::from(move |ok| s.dispatch(Action::ShareCopied(ok))));
            }
            Err(e) => state.dispatch(Action::Notify(Notice::ShareTooLong(e))),
        })
    };
    // Which project the zip holds: the course's cdktf one unless the learner picks another.
    let kind = use_state(|| ProjectKind::Cdktf);
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(k) = KINDS.iter().find(|k| kind_code(**k) == v) {
                kind.set(*k);
            }
        })
    };
    let on_zip = {
        let state = state.clone();
        let good = app.outputs.good_stack.clone();
        let kind = *kind;
        Callback::from(move |_: MouseEvent| {
            let Some(stack) = &good else { return };
            match project_zip(stack, kind, &state) {
                Ok(bytes) => {
                    let name = zip_name(&project_folder(stack), kind);
                    if !download::save(&name, "application/zip", &bytes) {
                        state.dispatch(Action::Notify(Notice::ExportFailed(String::new())));
                    }
                }
                Err(message) => state.dispatch(Action::Notify(Notice::ExportFailed(message))),
            }
        })
    };
    let on_show_hcl = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::SelectPanel(Panel::Hcl));
            document::focus("tab-hcl");
        })
    };
    // While the stack does not synthesize, the files would describe the last valid stack,
    // not the one in the editor: the buttons wait for the fix and say so.
    let blocked = app.outputs.synth_error.is_some();
    let blocked_title = blocked.then(|| {
        tr(
            lang,
            "Corrigez d'abord l'erreur signalée : les fichiers décriraient la dernière stack valide.",
            "Fix the error shown first: the files would describe the last valid stack.",
        )
    });
    let on_lang = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(l) = Lang::from_code(&v) {
                state.dispatch(Action::SetLang(l));
            }
        })
    };
    let on_theme = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(t) = Theme::from_code(&v) {
                state.dispatch(Action::SetTheme(t));
            }
        })
    };
    let theme_label = |t: Theme| match t {
        Theme::System => tr(lang, "Système", "System"),
        Theme::Light => tr(lang, "Clair", "Light"),
        Theme::Dark => tr(lang, "Sombre", "Dark"),
    };
    let readonly = state.readonly();
    html! {
        <header class="toolbar">
            <h1 class="title">
                <span class="logo" aria-hidden="true">{ "⚙" }</span>
                { "EC2 Playground" }
                <span class="subtitle">{ tr(lang, "cdktf · Python · module 2", "cdktf · Python · module 2") }</span>
            </h1>
            <nav class="actions" aria-label={tr(lang, "Actions", "Actions")}>
                <div class="group">
                    <label for="example-select" class="visually-hidden">{ tr(lang, "Exemple", "Example") }</label>
                    <select id="example-select" onchange={on_example} disabled={readonly}>
                        { for Example::ALL.iter().map(|x| html! {
                            <option value={x.code()} selected={*x == *example}>{ x.title(lang) }</option>
                        }) }
                    </select>
                    <button type="button" id="load-example" onclick={load(*example)} disabled={readonly}
                        aria-label={tr(lang, "Charger l'exemple", "Load the example")}>
                        { tr(lang, "Charger", "Load") }
                    </button>
                    <button type="button" id="reset" class="icon-text" onclick={load(Example::Lab)} disabled={readonly}
                        title={tr(lang, "Réinitialiser : revenir au lab du cours", "Reset: back to the course lab")}
                        aria-label={tr(lang, "Réinitialiser", "Reset")}>
                        <span aria-hidden="true">{ "↺" }</span>
                    </button>
                </div>
                <div class="group">
                    <button type="button" id="share" onclick={on_share} title={tr(lang, "Un lien qui ouvre cette stack", "A link that opens this stack")}>
                        { tr(lang, "Partager", "Share") }
                    </button>
                </div>
                <div class="group download" role="group" aria-labelledby="download-zip">
                    <label for="export-kind" class="visually-hidden">{ tr(lang, "Projet à télécharger", "Project to download") }</label>
                    <select id="export-kind" onchange={on_kind}>
                        { for KINDS.iter().map(|k| html! {
                            <option value={kind_code(*k)} selected={*k == *kind}>{ kind_label(*k, lang) }</option>
                        }) }
                    </select>
                    <button type="button" id="download-zip" class="primary" onclick={on_zip} disabled={blocked || app.outputs.good_stack.is_none()}
                        title={blocked_title}
                        aria-label={format!("{} : {}", tr(lang, "Télécharger le projet (zip)", "Download the project (zip)"), kind_label(*kind, lang))}>
                        { tr(lang, "Télécharger", "Download") }<span class="wide-only">{ tr(lang, " le projet", " the project") }</span>
                    </button>
                    <details class="menu export-info">
                        <summary id="export-info-summary">
                            <span class="narrow-only">{ Icon::Info.render() }</span>
                            <span class="hide-when-narrow">{ tr(lang, "cdktf archivé", "cdktf archived") }</span>
                        </summary>
                        <p class="export-note menu-body" id="export-note">
                            { tr(lang, "cdktf est archivé depuis décembre 2025 ; deux suites : Terraform pur (HCL) ou CDK Terrain, au choix dans la liste à gauche.",
                                "cdktf is archived since December 2025; two ways on: plain Terraform (HCL) or CDK Terrain, to choose in the list on the left.") }
                            { " " }
                            <button type="button" class="link-button" id="show-hcl" onclick={on_show_hcl}>{ tr(lang, "Voir main.tf", "See main.tf") }</button>
                        </p>
                    </details>
                </div>
                <details class="menu settings" id="settings">
                    <summary>
                        <span aria-hidden="true">{ "⚙ " }</span>{ if lang == Lang::Fr { "FR" } else { "EN" } }
                        <span class="visually-hidden">{ tr(lang, " : langue et thème", ": language and theme") }</span>
                    </summary>
                    <div class="menu-body">
                        <label for="lang-select">{ tr(lang, "Langue", "Language") }</label>
                        <select id="lang-select" onchange={on_lang}>
                            <option value="fr" selected={lang == Lang::Fr} lang="fr">{ "Français" }</option>
                            <option value="en" selected={lang == Lang::En} lang="en">{ "English" }</option>
                        </select>
                        <label for="theme-select">{ tr(lang, "Thème", "Theme") }</label>
                        <select id="theme-select" onchange={on_theme}>
                            { for Theme::ALL.iter().map(|t| html! {
                                <option value={t.code()} selected={*t == state.theme}>{ theme_label(*t) }</option>
                            }) }
                        </select>
                    </div>
                </details>
            </nav>
        </header>
    }
}
