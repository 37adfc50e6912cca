//! Files handed to the browser's downloads.

use gloo::file::{Blob, ObjectUrl};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlAnchorElement;

/// Offers `bytes` as a download named `file_name`. Returns false when the page cannot.
pub fn save(file_name: &str, mime: &str, bytes: &[u8]) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let url = ObjectUrl::from(Blob::new_with_options(bytes, Some(mime)));
    let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
    else {
        return false;
    };
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The URL must outlive the click's navigation; free it a minute later.
    Timeout::new(60_000, move || drop(url)).forget();
    true
}
