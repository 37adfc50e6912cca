//! The address bar: the query string (embed options) and the fragment (share links).

/// The query string's parameters, decoded.
pub fn query_params() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return Vec::new();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in js_sys::try_iter(&params).ok().flatten().into_iter().flatten() {
        let Ok(pair) = entry else { continue };
        let pair = js_sys::Array::from(&pair);
        if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            out.push((k, v));
        }
    }
    out
}

/// The fragment, without `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// The page's address without query nor fragment (`http://127.0.0.1:8080/`).
pub fn page_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// Replaces the fragment in the address bar (no new history entry); `None` removes it.
pub fn replace_fragment(fragment: Option<&str>) {
    let Some(window) = web_sys::window() else { return };
    let Ok(history) = window.history() else { return };
    let search = window.location().search().unwrap_or_default();
    let url = match fragment {
        Some(f) => format!("{}{search}#{f}", window.location().pathname().unwrap_or_default()),
        None => format!("{}{search}", window.location().pathname().unwrap_or_default()),
    };
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}
