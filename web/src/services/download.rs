//! Files handed to the browser's downloads.

use gloo::file::{Blob, ObjectUrl};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlAnchorElement;

/// Offers `bytes` as a download named `file_name`. Returns false when the page cannot.
pub fn save(file_name: &str, mime: &str, bytes: &[u8]) -> bool {
    offer(file_name, ObjectUrl::from(Blob::new_with_options(bytes, Some(mime))))
}

/// Clicks a link to `url` that downloads as `file_name`, and frees the URL once the click's
/// navigation is done (a minute later). Returns false when the page has no document.
fn offer(file_name: &str, url: ObjectUrl) -> bool {
    let Some(anchor) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
    else {
        return false;
    };
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    Timeout::new(60_000, move || drop(url)).forget();
    true
}

/// Why a PNG could not be made: the browser's own words (or what was missing).
pub type RasterError = String;

/// Draws `svg` (whose own size is `width` × `height` CSS pixels) on a canvas at `scale`
/// pixels per CSS pixel, and offers the PNG as a download named `file_name`.
///
/// The browser does the drawing (an `<img>` of the SVG, then a `<canvas>`): the image is the
/// one the learner sees, fonts included. Errors: the image would not decode, no 2D canvas,
/// or the canvas would not encode (too large for this browser).
pub async fn save_png(file_name: &str, svg: &str, width: f64, height: f64, scale: f64) -> Result<(), RasterError> {
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement};

    let describe = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let url = ObjectUrl::from(Blob::new_with_options(svg.as_bytes(), Some("image/svg+xml")));
    let image = HtmlImageElement::new().map_err(describe)?;
    image.set_src(&url);
    JsFuture::from(image.decode()).await.map_err(describe)?;
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "no canvas")?;
    // Whole pixels, at least one; the scale was chosen by the caller within the canvas limits.
    let (w, h) = ((width * scale).ceil().max(1.0), (height * scale).ceil().max(1.0));
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(describe)?
        .ok_or("no 2D canvas")?
        .dyn_into()
        .map_err(|_| "no 2D canvas")?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, w, h)
        .map_err(describe)?;
    let blob = JsFuture::from(js_sys::Promise::new(&mut |resolve, reject: js_sys::Function| {
        let refuse = reject.clone();
        let done = wasm_bindgen::closure::Closure::once_into_js(move |blob: wasm_bindgen::JsValue| {
            let _ = if blob.is_null() {
                refuse.call1(
                    &wasm_bindgen::JsValue::NULL,
                    &"the canvas is too large to encode".into(),
                )
            } else {
                resolve.call1(&wasm_bindgen::JsValue::NULL, &blob)
            };
        });
        if let Err(e) = canvas.to_blob(done.unchecked_ref()) {
            let _ = reject.call1(&wasm_bindgen::JsValue::NULL, &e);
        }
    }))
    .await
    .map_err(describe)?;
    let blob: web_sys::Blob = blob.dyn_into().map_err(|_| "not a blob")?;
    if offer(file_name, ObjectUrl::from(Blob::from(blob))) {
        Ok(())
    } else {
        Err("no link".into())
    }
}

/// Below this [`png_scale`], a PNG's text (11 px at scale 1) would be under 5 pixels tall:
/// the page offers the SVG instead.
pub const PNG_LEAST_SCALE: f64 = 0.45;

/// The scale for a PNG of a `width` × `height` drawing: twice the CSS size for sharp text,
/// less when that would pass 8192 pixels on a side or 32 million pixels in all (what
/// browsers' canvases reliably encode).
pub fn png_scale(width: f64, height: f64) -> f64 {
    const SIDE: f64 = 8192.0;
    const AREA: f64 = 32_000_000.0;
    if !(width >= 1.0 && height >= 1.0) {
        return 1.0;
    }
    2.0_f64
        .min(SIDE / width)
        .min(SIDE / height)
        .min((AREA / (width * height)).sqrt())
}

#[cfg(test)]
mod tests {
    use super::png_scale;

    #[test]
    fn png_scale_is_two_within_the_canvas_limits() {
        assert_eq!(png_scale(1200.0, 600.0), 2.0);
        assert_eq!(png_scale(8192.0, 100.0), 1.0);
        let s = png_scale(6000.0, 6000.0);
        assert!(6000.0 * s <= 8192.0 && 36e6 * s * s <= 32e6 + 1.0, "{s}");
        assert_eq!(png_scale(0.0, 10.0), 1.0);
        assert_eq!(png_scale(f64::NAN, 10.0), 1.0);
    }
}
