//! The two parts of the page loaded when first needed, each an ES module beside the page:
//! the code editor (`editor/editor.js`, CodeMirror 6, about 145 KB gzipped, built by
//! `scripts/build-editor.sh`) and the `main.py` reader (`reader/`, a second WebAssembly
//! module of about 750 KB gzipped, built by `scripts/build-reader.sh`).
//!
//! Each loads once; [`load_editor`] and [`load_reader`] resolve to whether it is there.
//! Until the reader is loaded, [`read`] and [`edit`] answer `None`. Outside WebAssembly
//! (the unit tests) the reader is the core's own, always there.

use ec2_playground_core::{EditReply, ReadReply};

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(inline_js = r#"
let editorModule = null;
let readerModule = null;
export function import_editor(url) {
  return import(url).then((m) => { editorModule = m; return true; });
}
export function editor_ready() { return editorModule !== null; }
export function create_editor(parent, doc, language, readOnly, label, onChange) {
  return editorModule.createEditor(parent, { doc, language, readOnly, label, onChange });
}
export function import_reader(url) {
  return import(url).then(async (m) => { await m.default(); readerModule = m; return true; });
}
export function reader_ready() { return readerModule !== null; }
export function reader_read(main, userData) { return readerModule.read(main, userData); }
export function reader_edit(main, userData, doc) { return readerModule.edit(main, userData, doc); }
"#)]
    extern "C" {
        pub fn import_editor(url: &str) -> js_sys::Promise;
        pub fn editor_ready() -> bool;
        pub fn create_editor(
            parent: &web_sys::Element,
            doc: &str,
            language: &str,
            read_only: bool,
            label: &str,
            on_change: &Closure<dyn FnMut(String)>,
        ) -> EditorHandle;
        pub fn import_reader(url: &str) -> js_sys::Promise;
        pub fn reader_ready() -> bool;
        #[wasm_bindgen(catch)]
        pub fn reader_read(main: &str, user_data: Option<String>) -> Result<String, JsValue>;
        #[wasm_bindgen(catch)]
        pub fn reader_edit(main: &str, user_data: Option<String>, doc: &str) -> Result<String, JsValue>;

        /// An editor made by `createEditor` (web/js/editor.js).
        pub type EditorHandle;
        /// Takes `text`, marking the changed lines when `mark`.
        #[wasm_bindgen(method, js_name = setDoc)]
        pub fn set_doc(this: &EditorHandle, text: &str, mark: bool);
        /// Shows the marks (`[{from, to, severity, message}]`).
        #[wasm_bindgen(method, js_name = setDiagnostics)]
        pub fn set_diagnostics(this: &EditorHandle, list: &JsValue);
        /// Renames the text for screen readers.
        #[wasm_bindgen(method, js_name = setLabel)]
        pub fn set_label(this: &EditorHandle, label: &str);
        /// Puts the cursor at a UTF-16 offset and the focus in the text.
        #[wasm_bindgen(method, js_name = focusAt)]
        pub fn focus_at(this: &EditorHandle, offset: usize);
        /// Removes the editor from the page.
        #[wasm_bindgen(method)]
        pub fn destroy(this: &EditorHandle);
    }
}

#[cfg(target_arch = "wasm32")]
pub use js::EditorHandle;

/// Where a file beside the page is, resolved against the document's address (so a page
/// served under a sub-path, or embedded, finds its own files).
#[cfg(target_arch = "wasm32")]
fn beside_page(path: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(path, &base).ok().map(|u| u.href())
}

#[cfg(target_arch = "wasm32")]
async fn load(path: &str, import: fn(&str) -> js_sys::Promise) -> bool {
    let Some(url) = beside_page(path) else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(import(&url)).await.is_ok()
}

/// Loads the code editor; true once it is there (at once if it already was).
pub async fn load_editor() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        js::editor_ready() || load("editor/editor.js", js::import_editor).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// True when the code editor is loaded.
pub fn editor_ready() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        js::editor_ready()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// Loads the reader; true once it is there.
pub async fn load_reader() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        js::reader_ready() || load("reader/ec2_playground_reader.js", js::import_reader).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        true
    }
}

/// What a code editor calls on each edit of the learner (with the whole text).
#[cfg(target_arch = "wasm32")]
pub type OnChange = wasm_bindgen::closure::Closure<dyn FnMut(String)>;

/// Makes an editor in `parent` for `language` (`python`, `json` or `plain`; see
/// web/js/editor.js); `None` until the editor is loaded.
#[cfg(target_arch = "wasm32")]
pub fn create_editor(
    parent: &web_sys::Element,
    doc: &str,
    language: &str,
    read_only: bool,
    label: &str,
    on_change: &OnChange,
) -> Option<EditorHandle> {
    js::editor_ready().then(|| js::create_editor(parent, doc, language, read_only, label, on_change))
}

/// Reads `main_py` (and `user_data_py`); `None` while the reader is not loaded.
pub fn read(main_py: &str, user_data_py: Option<&str>) -> Option<ReadReply> {
    #[cfg(target_arch = "wasm32")]
    {
        if !js::reader_ready() {
            return None;
        }
        let text = js::reader_read(main_py, user_data_py.map(str::to_owned)).ok()?;
        serde_json::from_str(&text).ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Some(ec2_playground_core::read_reply(main_py, user_data_py))
    }
}

/// Carries the stack `document` into `main_py`; `None` while the reader is not loaded.
pub fn edit(main_py: &str, user_data_py: Option<&str>, document: &str) -> Option<EditReply> {
    #[cfg(target_arch = "wasm32")]
    {
        if !js::reader_ready() {
            return None;
        }
        let text = js::reader_edit(main_py, user_data_py.map(str::to_owned), document).ok()?;
        serde_json::from_str(&text).ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Some(ec2_playground_core::edit_reply(main_py, user_data_py, document))
    }
}
