//! A user-data script: the script in a monospace area, how it is encoded and where the
//! Python project writes it.

use ec2_playground_core::{Lang, UserData, UserDataEncoding, UserDataLocation};
use yew::prelude::*;

use super::{edit, SelectField, TextField};
use crate::i18n::tr;

/// Props of [`UserDataField`].
#[derive(Properties, PartialEq)]
pub struct UserDataFieldProps {
    /// Element id.
    pub id: AttrValue,
    /// What the learner reads.
    pub label: AttrValue,
    /// The Python kwarg (`user_data` or `user_data_base64`).
    pub kwarg: AttrValue,
    /// The script (`None`: no user data).
    pub value: Option<UserData>,
    /// Sends it.
    pub on_change: Callback<Option<UserData>>,
    /// A problem with the value.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The page's language.
    pub lang: Lang,
}

/// The user-data editor.
#[function_component]
pub fn UserDataField(props: &UserDataFieldProps) -> Html {
    let lang = props.lang;
    let id = props.id.to_string();
    let on_toggle = {
        let cb = props.on_change.clone();
        let present = props.value.is_some();
        Callback::from(move |_: Event| {
            cb.emit(if present {
                None
            } else {
                Some(UserData {
                    script: "#!/bin/bash\n".into(),
                    ..UserData::default()
                })
            })
        })
    };
    let toggle_id = format!("{id}-on");
    let body = match &props.value {
        None => html! {},
        Some(ud) => {
            let set = |f: fn(&mut UserData, String)| {
                let cb = props.on_change.clone();
                edit(ud, &Callback::from(move |u: UserData| cb.emit(Some(u))), f)
            };
            let encoding = match ud.encoding {
                UserDataEncoding::Plain => "plain",
                UserDataEncoding::Base64 => "base64",
                UserDataEncoding::FnBase64encode => "fn_base64encode",
            };
            let location = match ud.location {
                UserDataLocation::Constant => "constant",
                UserDataLocation::Module => "module",
                UserDataLocation::Inline => "inline",
            };
            let opt = |v: &'static str, t: &'static str| (AttrValue::from(v), AttrValue::from(t));
            html! {
                <div class="sub-fields">
                    <TextField id={format!("{id}-script")} label={tr(lang, "Script exécuté au premier démarrage", "Script run at first boot")}
                        value={ud.script.clone()} multiline=true error={props.error.clone()}
                        on_change={set(|u, s| u.script = s)} />
                    <div class="field-row">
                        <SelectField id={format!("{id}-encoding")} label={tr(lang, "Encodage", "Encoding")}
                            options={vec![
                                opt("plain", tr(lang, "Texte tel quel", "Plain text")),
                                opt("base64", "base64.b64encode(...)"),
                                opt("fn_base64encode", "Fn.base64encode(...)"),
                            ]}
                            value={encoding}
                            on_change={set(|u, v| u.encoding = match v.as_str() {
                                "base64" => UserDataEncoding::Base64,
                                "fn_base64encode" => UserDataEncoding::FnBase64encode,
                                _ => UserDataEncoding::Plain,
                            })} />
                        <SelectField id={format!("{id}-location")} label={tr(lang, "Écrit dans le projet", "Written in the project")}
                            options={vec![
                                opt("constant", tr(lang, "Constante de main.py", "Constant in main.py")),
                                opt("module", tr(lang, "Constante de user_data.py", "Constant in user_data.py")),
                                opt("inline", tr(lang, "Dans l'appel Instance(...)", "Inside the Instance(...) call")),
                            ]}
                            value={location}
                            on_change={set(|u, v| u.location = match v.as_str() {
                                "module" => UserDataLocation::Module,
                                "inline" => UserDataLocation::Inline,
                                _ => UserDataLocation::Constant,
                            })} />
                        if ud.location != UserDataLocation::Inline {
                            <TextField id={format!("{id}-name")} label={tr(lang, "Nom de la constante", "Constant name")}
                                value={ud.name.clone().unwrap_or_default()} mono=true placeholder="USER_DATA"
                                on_change={set(|u, v| u.name = if v.is_empty() { None } else { Some(v) })} />
                        }
                    </div>
                </div>
            }
        }
    };
    html! {
        <fieldset class="field user-data">
            <legend>
                <span class="label-text">{ props.label.clone() }</span>
                <code class="kwarg">{ props.kwarg.clone() }</code>
            </legend>
            <div class="check-row">
                <input type="checkbox" id={toggle_id.clone()} checked={props.value.is_some()} onchange={on_toggle} />
                <label for={toggle_id}>{ tr(lang, "Fournir un script", "Provide a script") }</label>
            </div>
            { body }
        </fieldset>
    }
}
