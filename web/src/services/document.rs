//! The document around the app: its language, its theme, the browser's languages.

/// The browser's languages, preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut langs: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if langs.is_empty() {
        langs.extend(navigator.language());
    }
    langs
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Sets `<html lang>`, so that screen readers speak the right language.
pub fn set_language(code: &str) {
    if let Some(html) = root() {
        let _ = html.set_attribute("lang", code);
    }
}

/// Sets `<html data-theme>`: `system`, `light` or `dark` (see `static/style.css`).
pub fn set_theme(code: &str) {
    if let Some(html) = root() {
        let _ = html.set_attribute("data-theme", code);
    }
}

/// Sets `<html data-embed>` when the page is inside a course page's frame.
pub fn set_embedded(embedded: bool) {
    if let Some(html) = root() {
        let _ = if embedded {
            html.set_attribute("data-embed", "1")
        } else {
            html.remove_attribute("data-embed")
        };
    }
}

/// Sets the document's title.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Moves the keyboard focus to the element with this id, if there is one.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// [`reveal`] of the element `id` once the page has drawn it (the field a menu just added).
pub fn focus_later(id: &str) {
    let id = id.to_owned();
    gloo::timers::callback::Timeout::new(0, move || {
        reveal(&[id]);
    })
    .forget();
}

/// Brings the first element of `ids` that exists into view and gives it (or the first
/// enabled field inside it, else the first enabled button) the keyboard focus, opening the
/// `<details>` around it. Returns false when none exists.
pub fn reveal(ids: &[String]) -> bool {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(element) = ids.iter().find_map(|id| document.get_element_by_id(id)) else {
        return false;
    };
    let mut around = element.closest("details").ok().flatten();
    while let Some(details) = around {
        let _ = details.set_attribute("open", "");
        around = details
            .parent_element()
            .and_then(|p| p.closest("details").ok().flatten());
    }
    // A field before a button (a rule's "move up" comes first in its card, and is disabled
    // on the first rule: a disabled control cannot take the focus).
    const FIELDS: &str = "input:not([disabled]), select:not([disabled]), textarea:not([disabled])";
    const BUTTONS: &str = "button:not([disabled])";
    let target = if element.matches("input, select, textarea, button").unwrap_or(false) {
        Some(element.clone())
    } else {
        [FIELDS, BUTTONS]
            .into_iter()
            .find_map(|selector| element.query_selector(selector).ok().flatten())
    };
    // In the middle of the screen, with what surrounds it (not against an edge).
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
    true
}

/// Scrolls the element with this id into view and gives it the focus, without touching
/// the address (a `#id` there would later read as a broken share link).
pub fn go_to(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// A link's click that goes to the element `id` in the page without writing `#id` into the
/// address (see [`go_to`]).
pub fn in_page_link(id: &'static str) -> yew::Callback<web_sys::MouseEvent> {
    yew::Callback::from(move |e: web_sys::MouseEvent| {
        e.prevent_default();
        go_to(id);
    })
}

/// True when the system asks for dark colours (`prefers-color-scheme: dark`).
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}
