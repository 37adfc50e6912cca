//! The clipboard.

use wasm_bindgen_futures::JsFuture;
use yew::Callback;

/// Offers `text` to the clipboard; `done` gets whether the browser took it.
pub fn copy(text: String, done: Callback<bool>) {
    let Some(window) = web_sys::window() else {
        done.emit(false);
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done.emit(JsFuture::from(promise).await.is_ok());
    });
}
