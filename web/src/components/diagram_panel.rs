//! The diagram panel: the core's SVG in a frame the learner zooms and pans; clicking an
//! instance, a volume, a group or a rule opens its card in the editor; the drawing downloads
//! as SVG (the core's bytes, as the CLI writes them) or as PNG (drawn by the browser).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use ec2_playground_core::export::project_folder;
use ec2_playground_core::{diagram_svg, Diagnostic, Lang, Stack};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::AppContext;
use crate::i18n::tr;
use crate::issues::{element_ids, split_path};
use crate::services::{document, download};
use crate::state::{Action, Notice, Theme};
use crate::viewport::{pinch_factor, Size, ViewAction, Viewport, MAX_SCALE, MIN_SCALE, PAN_STEP, STEP};

/// How far a pointer moves, in CSS pixels, before a press becomes a drag (and no longer a
/// click on what is under it).
const DRAG_THRESHOLD: f64 = 4.0;

impl Reducible for Viewport {
    type Action = ViewAction;

    fn reduce(self: Rc<Self>, action: ViewAction) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The SVG, and how long the core took to draw it (milliseconds, from `performance.now()`).
#[derive(PartialEq)]
struct Drawing {
    svg: AttrValue,
    millis: f64,
}

/// The last drawing made, with what it was made from: drawn ahead, while the learner looks
/// at another tab and the page is idle, and laid out in a hidden panel (see
/// [`DiagramPanelProps::active`]), so that opening the diagram only shows it.
#[derive(Clone, Default)]
pub struct DrawingCache(Rc<RefCell<Option<Drawn>>>, Rc<Cell<u64>>);

/// A drawing and what it was made from.
type Drawn = (DrawingKey, Rc<Drawing>);

/// The stack, the checks' findings and the language a drawing was made from (the stack and
/// findings compared by pointer: the outputs keep them in `Rc`s until they change).
#[derive(Clone)]
struct DrawingKey(Rc<Stack>, Rc<Vec<Diagnostic>>, Lang);

impl DrawingKey {
    fn same(&self, other: &DrawingKey) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && Rc::ptr_eq(&self.1, &other.1) && self.2 == other.2
    }
}

impl PartialEq for DrawingCache {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A drawing with nothing in it: what a hidden panel shows before anything was drawn.
fn no_drawing() -> Rc<Drawing> {
    Rc::new(Drawing {
        svg: AttrValue::Static(""),
        millis: 0.0,
    })
}

impl DrawingCache {
    /// The drawing of `stack` with `diagnostics` in `lang`: the cached one when it is of
    /// the same, else drawn now and cached.
    fn get(&self, stack: &Rc<Stack>, diagnostics: &Rc<Vec<Diagnostic>>, lang: Lang) -> Rc<Drawing> {
        let key = DrawingKey(stack.clone(), diagnostics.clone(), lang);
        if let Some((k, drawing)) = &*self.0.borrow() {
            if k.same(&key) {
                return drawing.clone();
            }
        }
        let start = now();
        let svg = diagram_svg(stack, diagnostics, lang);
        let drawing = Rc::new(Drawing {
            svg: AttrValue::from(svg),
            millis: now() - start,
        });
        *self.0.borrow_mut() = Some((key, drawing.clone()));
        self.1.set(self.1.get() + 1);
        drawing
    }

    /// The last drawing made, whatever it was made from; `None` before the first.
    fn latest(&self) -> Option<Rc<Drawing>> {
        self.0.borrow().as_ref().map(|(_, drawing)| drawing.clone())
    }

    /// How many drawings were made: a new one is to be shown when this changes.
    pub fn revision(&self) -> u64 {
        self.1.get()
    }

    /// Whether a drawing was made (and a hidden panel can hold it).
    pub fn has_drawing(&self) -> bool {
        self.0.borrow().is_some()
    }

    /// Draws ahead (see [`DrawingCache`]): a no-op when the cache already holds this one.
    /// Answers whether a new drawing was made (the hidden panel then takes it).
    pub fn prepare(&self, stack: &Rc<Stack>, diagnostics: &Rc<Vec<Diagnostic>>, lang: Lang) -> bool {
        let before = self.revision();
        let _ = self.get(stack, diagnostics, lang);
        self.revision() != before
    }
}

/// The pointers pressed on the frame (id → last position, client pixels) and whether the
/// press has become a drag.
#[derive(Default)]
struct Gesture {
    pointers: HashMap<i32, (f64, f64)>,
    dragging: bool,
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The drawing's own size (its `width` and `height`) and the frame's inner size.
fn measure(frame: &web_sys::Element) -> Option<(Size, Size)> {
    let svg = frame.query_selector("svg").ok()??;
    let number = |name: &str| svg.get_attribute(name)?.parse::<f64>().ok();
    let content = Size {
        width: number("width")?,
        height: number("height")?,
    };
    let room = Size {
        width: f64::from(frame.client_width()),
        height: f64::from(frame.client_height()),
    };
    Some((content, room))
}

/// A point of the page (client pixels) in the frame's coordinates.
fn in_frame(frame: &web_sys::Element, x: f64, y: f64) -> (f64, f64) {
    let rect = frame.get_bounding_client_rect();
    (
        x - rect.left() - f64::from(frame.client_left()),
        y - rect.top() - f64::from(frame.client_top()),
    )
}

/// Puts `class` on the diagram's drawing of `path` (`resources[2]`, `resources[2].ingress[0]`)
/// and takes it off everything else. A path the diagram does not draw falls back to its
/// resource's drawing (`resources[2].tags` → `resources[2]`).
fn mark(frame: &web_sys::Element, class: &str, path: Option<&str>) {
    let all = |selector: &str| -> Vec<web_sys::Element> {
        let Ok(list) = frame.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()))
            .collect()
    };
    for el in all(&format!(".{class}")) {
        let _ = el.class_list().remove_1(class);
    }
    let Some(path) = path else {
        return;
    };
    // Paths are ours (`resources[N]` and kwarg names): no quote to escape in the selector.
    let mut targets = all(&format!("[data-path=\"{path}\"]"));
    if targets.is_empty() {
        if let (Some(index), _) = split_path(path) {
            targets = all(&format!("[data-path=\"resources[{index}]\"]"));
        }
    }
    for el in targets {
        let _ = el.class_list().add_1(class);
    }
}

fn percent_label(percent: u32, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{percent} %"),
        Lang::En => format!("{percent}%"),
    }
}

/// The diagram's view, kept by the panels while another tab is shown so that coming back
/// shows the same place; with the stack's generation it was taken at (a replaced stack is
/// shown fitted instead).
#[derive(Clone, Default)]
pub struct ViewMemory(Rc<Cell<Option<(Viewport, u64)>>>);

impl PartialEq for ViewMemory {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`DiagramPanel`].
#[derive(Properties, PartialEq)]
pub struct DiagramPanelProps {
    /// Where the view is kept between two visits of the tab.
    #[prop_or_default]
    pub memory: ViewMemory,
    /// The drawing made ahead, if any.
    #[prop_or_default]
    pub cache: DrawingCache,
    /// Whether the panel is shown. A hidden panel (kept by the panels under another tab,
    /// clipped away and `aria-hidden`, its controls out of the Tab order) draws nothing itself: it holds the cache's last drawing, so that
    /// the browser parses, styles and lays out its SVG while the learner is elsewhere (at
    /// 1,000 resources, about 12,500 elements: 300 ms that opening the tab then skips).
    #[prop_or(true)]
    pub active: bool,
    /// The cache's [`DrawingCache::revision`]: a hidden panel takes a new drawing when it
    /// changes.
    #[prop_or_default]
    pub revision: u64,
}

/// The stack drawn by the core (SVG with its own escaping), with the checks' warnings,
/// derived where it is shown.
#[function_component]
pub fn DiagramPanel(props: &DiagramPanelProps) -> Html {
    // The context is always there (the app provides it before any panel): returning
    // before the hooks never changes their order from one render to the next.
    let Some(app) = use_context::<AppContext>() else {
        return html! {};
    };
    let frame = use_node_ref();
    let generation = app.state.generation;
    let viewport = use_reducer({
        let memory = props.memory.clone();
        move || match memory.0.get() {
            Some((view, at)) if at == generation => view,
            _ => Viewport::default(),
        }
    });
    let gesture = use_mut_ref(Gesture::default);
    let state = app.state.clone();
    let (stack, lang, theme, selected) = (state.stack.clone(), state.lang, state.theme, state.selected);
    let diagnostics = app.outputs.diagnostics.clone();
    let active = props.active;
    let drawing = {
        let cache = props.cache.clone();
        use_memo(
            (stack.clone(), diagnostics, lang, active, props.revision),
            move |(stack, diagnostics, lang, active, _)| {
                if *active {
                    cache.get(stack, diagnostics, *lang)
                } else {
                    cache.latest().unwrap_or_else(no_drawing)
                }
            },
        )
    };
    let drawing: Rc<Drawing> = (*drawing).clone();
    // A hidden panel that took a new drawing says so (`diagram-drawn-ahead`, read by
    // `scripts/page-bench.sh`): the browser lays it out in the next frame.
    {
        let shown = use_mut_ref(|| None::<*const Drawing>);
        let drawing = drawing.clone();
        use_effect_with(Rc::as_ptr(&drawing) as usize, move |_| {
            let ptr = Rc::as_ptr(&drawing);
            if !active && *shown.borrow() != Some(ptr) && !drawing.svg.is_empty() {
                if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                    let _ = p.mark("diagram-drawn-ahead");
                }
            }
            *shown.borrow_mut() = Some(ptr);
        });
    }

    // Kept for the next visit of the tab.
    {
        let memory = props.memory.clone();
        use_effect_with((*viewport, generation), move |&(view, generation)| {
            memory.0.set(Some((view, generation)));
        });
    }
    // A stack replaced (an example loaded, an undo): its drawing is shown whole.
    {
        let viewport = viewport.clone();
        let seen = use_mut_ref(|| generation);
        use_effect_with(generation, move |&generation| {
            if *seen.borrow() != generation {
                *seen.borrow_mut() = generation;
                viewport.dispatch(ViewAction::Open);
            }
        });
    }
    // After every render: measure, and tell the view when a size changed (a fitted view
    // refits). Measuring twice gives the same sizes, so this settles at once. Hidden, the
    // panel measures only a new drawing (a measure forces the page's layout, and a hidden
    // panel renders at each keystroke), so that it is shown already fitted.
    {
        let frame = frame.clone();
        let viewport = viewport.clone();
        let measured = use_mut_ref(|| None::<*const Drawing>);
        let ptr = Rc::as_ptr(&drawing);
        use_effect(move || {
            if !active && *measured.borrow() == Some(ptr) {
                return;
            }
            *measured.borrow_mut() = Some(ptr);
            if let Some((content, room)) = frame.cast::<web_sys::Element>().as_ref().and_then(measure) {
                if (content, room) != (viewport.content, viewport.frame) {
                    viewport.dispatch(ViewAction::Measured { content, frame: room });
                }
            }
        });
    }
    // The window resized: the frame may have. (No comparison here: this handle's sizes are
    // those of the render that registered the listener; the reducer drops no-op changes.)
    {
        let frame = frame.clone();
        let viewport = viewport.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "resize", move |_| {
                    if let Some((content, room)) = frame.cast::<web_sys::Element>().as_ref().and_then(measure) {
                        viewport.dispatch(ViewAction::Measured { content, frame: room });
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Ctrl (or ⌘) and the wheel, or a trackpad's pinch, zoom at the pointer; the wheel
    // alone scrolls the page as everywhere else. Registered by hand: it must be able to
    // prevent the browser's own zoom.
    {
        let frame = frame.clone();
        let viewport = viewport.clone();
        use_effect_with((), move |_| {
            let listener = frame.cast::<web_sys::Element>().map(|element| {
                let target = element.clone();
                EventListener::new_with_options(
                    &target,
                    "wheel",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(wheel) = event.dyn_ref::<web_sys::WheelEvent>() else {
                            return;
                        };
                        if !(wheel.ctrl_key() || wheel.meta_key()) {
                            return;
                        }
                        wheel.prevent_default();
                        // Lines (mode 1) and pages (2) as pixels, roughly.
                        let unit = match wheel.delta_mode() {
                            1 => 16.0,
                            2 => 400.0,
                            _ => 1.0,
                        };
                        let factor = (-wheel.delta_y() * unit * 0.002).exp();
                        let at = in_frame(&element, f64::from(wheel.client_x()), f64::from(wheel.client_y()));
                        viewport.dispatch(ViewAction::Zoom { factor, at: Some(at) });
                    },
                )
            });
            move || drop(listener)
        });
    }
    // The resource picked in the diagram drawn selected.
    {
        let frame = frame.clone();
        use_effect_with((drawing.clone(), selected), move |(_, selected)| {
            if let Some(element) = frame.cast::<web_sys::Element>() {
                mark(
                    &element,
                    "ec2p-selected",
                    selected.map(|i| format!("resources[{i}]")).as_deref(),
                );
            }
        });
    }
    // What the learner is editing (the card or the rule holding the focus, by its
    // `data-path`) highlighted in the drawing, as hovering a rule does; drawn again on each
    // new drawing, since the learner's typing replaces it.
    let editing = use_mut_ref(|| None::<String>);
    {
        let frame = frame.clone();
        let editing = editing.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|document| {
                EventListener::new(&document, "focusin", move |event| {
                    let path = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|t| t.closest(".editor [data-path]").ok().flatten())
                        .and_then(|el| el.get_attribute("data-path"));
                    if let Some(element) = frame.cast::<web_sys::Element>() {
                        mark(&element, "ec2p-hl", path.as_deref());
                    }
                    *editing.borrow_mut() = path;
                })
            });
            move || drop(listener)
        });
    }
    {
        let frame = frame.clone();
        let editing = editing.clone();
        use_effect_with(drawing.clone(), move |_| {
            if let Some(element) = frame.cast::<web_sys::Element>() {
                mark(&element, "ec2p-hl", editing.borrow().as_deref());
            }
        });
    }

    // The grabbing cursor, while a drag lasts (a render of its own: the gesture is not state).
    let panning = use_state(|| false);
    let onpointerdown = {
        let gesture = gesture.clone();
        let frame = frame.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let mut g = gesture.borrow_mut();
            if g.pointers.is_empty() {
                g.dragging = false;
            }
            g.pointers
                .insert(e.pointer_id(), (f64::from(e.client_x()), f64::from(e.client_y())));
            // The frame gets this pointer's moves even once it leaves the frame, so a quick
            // drag is not lost. (The click then targets the frame: `onclick` looks under the
            // pointer itself.)
            if let Some(element) = frame.cast::<web_sys::Element>() {
                let _ = element.set_pointer_capture(e.pointer_id());
            }
        })
    };
    let onpointermove = {
        let gesture = gesture.clone();
        let viewport = viewport.clone();
        let frame = frame.clone();
        let panning = panning.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(element) = frame.cast::<web_sys::Element>() else {
                return;
            };
            let mut g = gesture.borrow_mut();
            let id = e.pointer_id();
            let Some(&(x0, y0)) = g.pointers.get(&id) else {
                return;
            };
            let (x1, y1) = (f64::from(e.client_x()), f64::from(e.client_y()));
            if !g.dragging && (x1 - x0).hypot(y1 - y0) < DRAG_THRESHOLD && g.pointers.len() == 1 {
                // Still a click, perhaps: the drawing does not move yet.
                return;
            }
            if !g.dragging {
                g.dragging = true;
                panning.set(true);
            }
            match g.pointers.len() {
                1 => viewport.dispatch(ViewAction::Pan(x1 - x0, y1 - y0)),
                2 => {
                    let Some(&(ox, oy)) = g.pointers.iter().find(|(k, _)| **k != id).map(|(_, p)| p) else {
                        return;
                    };
                    let before = (x0 - ox).hypot(y0 - oy);
                    let after = (x1 - ox).hypot(y1 - oy);
                    let (mx, my) = ((x1 + ox) / 2.0, (y1 + oy) / 2.0);
                    let at = in_frame(&element, mx, my);
                    viewport.dispatch(ViewAction::Zoom {
                        factor: pinch_factor(before, after),
                        at: Some(at),
                    });
                    viewport.dispatch(ViewAction::Pan((x1 - x0) / 2.0, (y1 - y0) / 2.0));
                }
                _ => {}
            }
            g.pointers.insert(id, (x1, y1));
        })
    };
    let onpointerup = {
        let gesture = gesture.clone();
        let panning = panning.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            g.pointers.remove(&e.pointer_id());
            if g.pointers.is_empty() {
                panning.set(false);
            }
        })
    };
    let onclick = {
        let gesture = gesture.clone();
        let state = state.clone();
        let frame = frame.clone();
        Callback::from(move |e: MouseEvent| {
            if gesture.borrow().dragging {
                gesture.borrow_mut().dragging = false;
                return;
            }
            // What is under the pointer (the press captured the pointer, so the event's own
            // target is the frame).
            let under = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.element_from_point(e.client_x() as f32, e.client_y() as f32));
            let inside = frame.get();
            let picked = under
                .filter(|t| inside.as_ref().is_some_and(|f| f.contains(Some(t))))
                .and_then(|t| t.closest("[data-ref], [data-path]").ok().flatten())
                .and_then(|el| el.get_attribute("data-ref").or_else(|| el.get_attribute("data-path")));
            let Some((Some(index), rest)) = picked.as_deref().map(split_path) else {
                state.dispatch(Action::Select(None));
                return;
            };
            state.dispatch(Action::Select(Some(index)));
            // After the render that opens a folded card (see `ResourceCard`), so its fields
            // exist to take the focus.
            let ids = element_ids(Some(index), &rest);
            gloo::timers::callback::Timeout::new(0, move || {
                document::reveal(&ids);
            })
            .forget();
        })
    };
    let onkeydown = {
        let viewport = viewport.clone();
        Callback::from(move |e: KeyboardEvent| {
            let action = match e.key().as_str() {
                "+" | "=" => ViewAction::Zoom { factor: STEP, at: None },
                "-" | "_" => ViewAction::Zoom {
                    factor: 1.0 / STEP,
                    at: None,
                },
                "0" => ViewAction::Fit,
                "1" => ViewAction::ActualSize,
                "ArrowLeft" => ViewAction::Pan(PAN_STEP, 0.0),
                "ArrowRight" => ViewAction::Pan(-PAN_STEP, 0.0),
                "ArrowUp" => ViewAction::Pan(0.0, PAN_STEP),
                "ArrowDown" => ViewAction::Pan(0.0, -PAN_STEP),
                _ => return,
            };
            e.prevent_default();
            viewport.dispatch(action);
        })
    };
    let view_button = |action: ViewAction| {
        let viewport = viewport.clone();
        Callback::from(move |_: MouseEvent| viewport.dispatch(action))
    };
    let on_svg = {
        let svg = drawing.svg.clone();
        let name = format!("{}-diagram.svg", project_folder(&stack));
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if !download::save(&name, "image/svg+xml", svg.as_bytes()) {
                state.dispatch(Action::Notify(Notice::ImageFailed(String::new())));
            }
        })
    };
    let on_png = {
        let svg = drawing.svg.clone();
        let name = format!("{}-diagram.png", project_folder(&stack));
        let content = viewport.content;
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            // The image has the colours the learner sees: the theme chosen, or the system's.
            let dark = match theme {
                Theme::Dark => true,
                Theme::Light => false,
                Theme::System => document::prefers_dark(),
            };
            let (w, h) = (content.width, content.height);
            let scale = download::png_scale(w, h);
            if scale < download::PNG_LEAST_SCALE {
                // Both sizes come from the SVG's integer width and height.
                state.dispatch(Action::Notify(Notice::ImageTooLarge {
                    width: w as u32,
                    height: h as u32,
                }));
                return;
            }
            let themed = format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" class=\"{}\">{svg}</svg>",
                if dark { "ec2p-dark" } else { "ec2p-light" }
            );
            let name = name.clone();
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(why) = download::save_png(&name, &themed, w, h, scale).await {
                    state.dispatch(Action::Notify(Notice::ImageFailed(why)));
                }
            });
        })
    };

    // The SVG follows the system's colours by itself; a forced theme is a class around it.
    let theme_class = match theme {
        Theme::System => None,
        Theme::Light => Some("ec2p-light"),
        Theme::Dark => Some("ec2p-dark"),
    };
    let view = viewport.view;
    let dragging = *panning;
    let measured = viewport.frame.width > 0.0;
    // The drawing's height once fitted to the frame's width: on a narrow screen the frame is
    // no taller than that (style.css), so a wide, short drawing leaves no empty band.
    let fit_height = (viewport.content.width > 0.0 && measured).then(|| {
        let scale = (viewport.frame.width / viewport.content.width).min(1.0);
        format!("--fit-height: {:.0}px", (viewport.content.height * scale).ceil())
    });
    // Embedded with this panel alone, there is no editor to open and little room: the hint
    // is left to screen readers, without the sentence about the editor.
    let editor_shown = !(state.mode.embed && state.mode.only_panel.is_some());
    let hint = match (editor_shown, lang) {
        (true, Lang::Fr) => "Glisser pour déplacer ; Ctrl + molette, pincer ou + et − pour zoomer ; 0 pour tout voir. Un clic sur une instance, un volume, un groupe ou une règle ouvre sa carte dans l'éditeur.",
        (true, Lang::En) => "Drag to move; Ctrl + wheel, pinch or + and − to zoom; 0 to see it all. Clicking an instance, a volume, a group or a rule opens its card in the editor.",
        (false, Lang::Fr) => "Glisser pour déplacer ; Ctrl + molette, pincer ou + et − pour zoomer ; 0 pour tout voir.",
        (false, Lang::En) => "Drag to move; Ctrl + wheel, pinch or + and − to zoom; 0 to see it all.",
    };
    // Hidden (kept under another tab), nothing in it is reached by Tab.
    let tab = (!active).then_some("-1");
    html! {
        <div class="diagram-panel">
            <div class="diagram-tools" role="toolbar" aria-label={tr(lang, "Vue du diagramme", "Diagram view")}>
                <button type="button" tabindex={tab} id="diagram-zoom-out" class="icon-button" onclick={view_button(ViewAction::Zoom { factor: 1.0 / STEP, at: None })}
                    disabled={view.scale <= MIN_SCALE}
                    aria-label={tr(lang, "Zoom arrière", "Zoom out")} title={tr(lang, "Zoom arrière (−)", "Zoom out (−)")}>{ "−" }</button>
                <output id="diagram-zoom" class="zoom-level" aria-live="polite"
                    aria-label={tr(lang, "Zoom", "Zoom")}>{ percent_label(view.percent(), lang) }</output>
                <button type="button" tabindex={tab} id="diagram-zoom-in" class="icon-button" onclick={view_button(ViewAction::Zoom { factor: STEP, at: None })}
                    disabled={view.scale >= MAX_SCALE}
                    aria-label={tr(lang, "Zoom avant", "Zoom in")} title={tr(lang, "Zoom avant (+)", "Zoom in (+)")}>{ "+" }</button>
                <button type="button" tabindex={tab} id="diagram-actual-size" onclick={view_button(ViewAction::ActualSize)}
                    title={tr(lang, "Taille réelle (1)", "Actual size (1)")}>{ "100 %" }</button>
                <button type="button" tabindex={tab} id="diagram-fit" onclick={view_button(ViewAction::Fit)} aria-pressed={viewport.shows_all().to_string()}
                    title={tr(lang, "Tout voir (0)", "See it all (0)")}>{ tr(lang, "Ajuster", "Fit") }</button>
                <span class="spacer"></span>
                <button type="button" tabindex={tab} id="download-diagram-svg" onclick={on_svg}
                    title={tr(lang, "Le diagramme en SVG, tel que l'écrit ec2-playground diagram", "The diagram as SVG, as ec2-playground diagram writes it")}>
                    { tr(lang, "SVG ↓", "SVG ↓") }</button>
                <button type="button" tabindex={tab} id="download-diagram-png" onclick={on_png}
                    title={tr(lang, "Le diagramme en PNG, aux couleurs affichées", "The diagram as PNG, in the colours shown")}>
                    { tr(lang, "PNG ↓", "PNG ↓") }</button>
            </div>
            <p class={classes!("hint", "diagram-hint", (!editor_shown).then_some("visually-hidden"))} id="diagram-hint">{ hint }</p>
            <div ref={frame} class={classes!("diagram", theme_class, dragging.then_some("dragging"), (!viewport.fitted).then_some("zoomed"))}
                id="diagram" tabindex={if active { "0" } else { "-1" }} aria-describedby="diagram-hint" style={fit_height}
                data-compute-ms={format!("{:.3}", drawing.millis)}
                {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup} {onclick} {onkeydown}>
                <div class={classes!("diagram-canvas", (!measured).then_some("measuring"))} style={format!("transform: {}", view.transform())}>
                    { Html::from_html_unchecked(drawing.svg.clone()) }
                </div>
            </div>
        </div>
    }
}
