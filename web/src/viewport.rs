//! Zoom and pan of the diagram: where the drawing sits in its frame, and how the learner's
//! gestures move it. Pure arithmetic in CSS pixels, tested here; the panel reads sizes from
//! the page and writes [`View::transform`].

/// The smallest zoom the buttons and gestures reach (2 %: a stack of a few dozen instances
/// is several thousand pixels tall).
pub const MIN_SCALE: f64 = 0.02;
/// The smallest zoom a drawing opens at (60 %: its 12 px labels stay about 7 px, still
/// read). A drawing whose fit is smaller opens at 100 % on its start (the title and the
/// first zone, where the first instance is) instead; "Ajuster" still shows all of it.
pub const READABLE_SCALE: f64 = 0.6;
/// The largest zoom (400 %).
pub const MAX_SCALE: f64 = 4.0;
/// What one press of a zoom button (or `+`, `-`) multiplies the zoom by.
pub const STEP: f64 = 1.25;
/// How far an arrow key moves the drawing, in CSS pixels.
pub const PAN_STEP: f64 = 60.0;
/// How much of the drawing stays in the frame, at least, in CSS pixels on each axis: the
/// learner cannot lose it off screen.
pub const KEEP_VISIBLE: f64 = 40.0;

/// A width and a height, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// The drawing's placement in its frame: its top-left corner at (`x`, `y`) from the frame's
/// top-left corner, drawn at `scale` (1 = the SVG's own pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Zoom factor, between [`MIN_SCALE`] and [`MAX_SCALE`].
    pub scale: f64,
    /// Horizontal offset, CSS pixels.
    pub x: f64,
    /// Vertical offset, CSS pixels.
    pub y: f64,
}

impl View {
    /// The drawing (`content`, at scale 1) centred in `frame` at the largest zoom that shows
    /// all of it, never above 100 %. Past the smallest zoom, an axis that still does not fit
    /// starts at the drawing's start (its title), not somewhere in its middle.
    pub fn fit(content: Size, frame: Size) -> View {
        let scale = if content.width > 0.0 && content.height > 0.0 {
            (frame.width / content.width)
                .min(frame.height / content.height)
                .clamp(MIN_SCALE, 1.0)
        } else {
            1.0
        };
        let centre = |room: f64, drawn: f64| ((room - drawn) / 2.0).max(0.0);
        View {
            scale,
            x: centre(frame.width, content.width * scale),
            y: centre(frame.height, content.height * scale),
        }
    }

    /// The view a drawing opens at: [`View::fit`] when that is at least [`READABLE_SCALE`],
    /// else 100 % from the drawing's top-left corner (centred on an axis that fits).
    pub fn opening(content: Size, frame: Size) -> View {
        let fit = View::fit(content, frame);
        if fit.scale >= READABLE_SCALE {
            return fit;
        }
        let start = |room: f64, drawn: f64| ((room - drawn) / 2.0).max(0.0);
        View {
            scale: 1.0,
            x: start(frame.width, content.width),
            y: start(frame.height, content.height),
        }
    }

    /// Zooms by `factor` around the frame point (`px`, `py`), which stays where it is (the
    /// drawing under the pointer does not move). The zoom is kept within its bounds.
    pub fn zoom_at(self, factor: f64, px: f64, py: f64) -> View {
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let ratio = scale / self.scale;
        View {
            scale,
            x: px - (px - self.x) * ratio,
            y: py - (py - self.y) * ratio,
        }
    }

    /// Moves the drawing by (`dx`, `dy`) CSS pixels.
    pub fn pan(self, dx: f64, dy: f64) -> View {
        if !(dx.is_finite() && dy.is_finite()) {
            return self;
        }
        View {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }

    /// The same view, moved back so that at least [`KEEP_VISIBLE`] pixels of the drawing (or
    /// all of it, if smaller) stay inside the frame on each axis.
    pub fn kept_in(self, content: Size, frame: Size) -> View {
        let axis = |offset: f64, drawn: f64, room: f64| {
            let keep = KEEP_VISIBLE.min(drawn).min(room);
            offset.clamp(keep - drawn, room - keep)
        };
        View {
            x: axis(self.x, content.width * self.scale, frame.width),
            y: axis(self.y, content.height * self.scale, frame.height),
            ..self
        }
    }

    /// The CSS `transform` that places the drawing (with `transform-origin: 0 0`).
    pub fn transform(&self) -> String {
        format!("translate({:.1}px, {:.1}px) scale({:.4})", self.x, self.y, self.scale)
    }

    /// The zoom as a whole percentage (`125`).
    pub fn percent(&self) -> u32 {
        // In [2, 400] by construction: the cast cannot truncate.
        (self.scale * 100.0).round() as u32
    }
}

/// The zoom factor of a two-finger pinch whose fingers were `before` pixels apart and are now
/// `after` apart (1 when either distance is too small to mean anything).
pub fn pinch_factor(before: f64, after: f64) -> f64 {
    if before < 1.0 || after < 1.0 || !before.is_finite() || !after.is_finite() {
        1.0
    } else {
        after / before
    }
}

/// The diagram's view as the panel keeps it: the placement, whether it follows the fit (it
/// does until the learner zooms or pans, and again after "fit"), and the last sizes measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Where the drawing is.
    pub view: View,
    /// True while the view is the fit, refitted whenever a size changes.
    pub fitted: bool,
    /// The fit followed is the whole drawing ("Ajuster"), not the opening view
    /// ([`View::opening`]).
    pub whole: bool,
    /// The drawing's own size (the SVG's `width` and `height`).
    pub content: Size,
    /// The frame's inner size.
    pub frame: Size,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport {
            view: View {
                scale: 1.0,
                x: 0.0,
                y: 0.0,
            },
            fitted: true,
            whole: false,
            content: Size {
                width: 0.0,
                height: 0.0,
            },
            frame: Size {
                width: 0.0,
                height: 0.0,
            },
        }
    }
}

/// What the learner (or the page) does to the view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ViewAction {
    /// The sizes as measured after a render or a resize.
    Measured {
        /// The drawing's own size.
        content: Size,
        /// The frame's inner size.
        frame: Size,
    },
    /// Back to the fit: all of the drawing.
    Fit,
    /// The view a drawing opens at ([`View::opening`]): a new stack.
    Open,
    /// Back to 100 %, keeping the frame's centre still.
    ActualSize,
    /// Zoom by a factor around a frame point (`None`: the frame's centre).
    Zoom {
        /// Multiplies the zoom.
        factor: f64,
        /// The point that stays still, from the frame's top-left corner.
        at: Option<(f64, f64)>,
    },
    /// Move the drawing by (dx, dy) CSS pixels.
    Pan(f64, f64),
}

impl Viewport {
    /// True when all of the drawing is in view at the fit ("Ajuster" is then pressed).
    pub fn shows_all(&self) -> bool {
        self.fitted && (self.whole || self.view == View::fit(self.content, self.frame))
    }

    /// The view after `action`. A fitted view follows size changes; a view the learner set
    /// keeps its zoom and is only moved back into the frame.
    pub fn apply(self, action: ViewAction) -> Viewport {
        let centre = (self.frame.width / 2.0, self.frame.height / 2.0);
        let manual = |view: View| Viewport {
            view: view.kept_in(self.content, self.frame),
            fitted: false,
            ..self
        };
        match action {
            ViewAction::Measured { content, frame } => {
                let next = Viewport { content, frame, ..self };
                if next.fitted {
                    Viewport {
                        view: if next.whole {
                            View::fit(content, frame)
                        } else {
                            View::opening(content, frame)
                        },
                        ..next
                    }
                } else {
                    // The frame's centre keeps showing the same point of the drawing.
                    let (dx, dy) = if self.frame.width > 0.0 && self.frame.height > 0.0 {
                        (
                            (frame.width - self.frame.width) / 2.0,
                            (frame.height - self.frame.height) / 2.0,
                        )
                    } else {
                        (0.0, 0.0)
                    };
                    Viewport {
                        view: next.view.pan(dx, dy).kept_in(content, frame),
                        ..next
                    }
                }
            }
            ViewAction::Fit => Viewport {
                view: View::fit(self.content, self.frame),
                fitted: true,
                whole: true,
                ..self
            },
            ViewAction::Open => Viewport {
                view: View::opening(self.content, self.frame),
                fitted: true,
                whole: false,
                ..self
            },
            ViewAction::ActualSize => manual(self.view.zoom_at(1.0 / self.view.scale, centre.0, centre.1)),
            ViewAction::Zoom { factor, at } => {
                let (px, py) = at.unwrap_or(centre);
                manual(self.view.zoom_at(factor, px, py))
            }
            ViewAction::Pan(dx, dy) => manual(self.view.pan(dx, dy)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAB: Size = Size {
        width: 1200.0,
        height: 600.0,
    };

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn fit_shows_all_of_the_drawing_centred_never_above_100_percent() {
        let v = View::fit(
            LAB,
            Size {
                width: 600.0,
                height: 600.0,
            },
        );
        assert!(close(v.scale, 0.5));
        assert!(close(v.x, 0.0));
        assert!(close(v.y, 150.0), "centred vertically: {v:?}");
        let big = View::fit(
            LAB,
            Size {
                width: 3000.0,
                height: 3000.0,
            },
        );
        assert!(close(big.scale, 1.0));
        assert!(close(big.x, 900.0));
        let tiny = View::fit(
            Size {
                width: 100_000.0,
                height: 10.0,
            },
            Size {
                width: 300.0,
                height: 300.0,
            },
        );
        assert!(close(tiny.scale, MIN_SCALE));
        assert!(
            close(tiny.x, 0.0),
            "too wide even at the smallest zoom: starts at its left edge"
        );
        let empty = View::fit(
            Size {
                width: 0.0,
                height: 0.0,
            },
            LAB,
        );
        assert!(close(empty.scale, 1.0));
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_still() {
        let v = View {
            scale: 0.5,
            x: 10.0,
            y: 20.0,
        };
        let (px, py) = (200.0, 100.0);
        // The drawing's point under (px, py) before...
        let (dx, dy) = ((px - v.x) / v.scale, (py - v.y) / v.scale);
        let z = v.zoom_at(STEP, px, py);
        assert!(close(z.scale, 0.625));
        // ...is still there after.
        assert!(close(z.x + dx * z.scale, px));
        assert!(close(z.y + dy * z.scale, py));
        assert_eq!(v.zoom_at(f64::NAN, px, py), v);
        assert_eq!(v.zoom_at(0.0, px, py), v);
    }

    #[test]
    fn zoom_stays_within_its_bounds() {
        let mut v = View {
            scale: 1.0,
            x: 0.0,
            y: 0.0,
        };
        for _ in 0..50 {
            v = v.zoom_at(STEP, 0.0, 0.0);
        }
        assert!(close(v.scale, MAX_SCALE));
        assert_eq!(v.percent(), 400);
        for _ in 0..100 {
            v = v.zoom_at(1.0 / STEP, 0.0, 0.0);
        }
        assert!(close(v.scale, MIN_SCALE));
        assert_eq!(v.percent(), 2);
    }

    #[test]
    fn panning_moves_and_the_drawing_cannot_be_lost() {
        let frame = Size {
            width: 500.0,
            height: 400.0,
        };
        let v = View {
            scale: 1.0,
            x: 0.0,
            y: 0.0,
        };
        assert_eq!(v.pan(30.0, -10.0), View { x: 30.0, y: -10.0, ..v });
        assert_eq!(v.pan(f64::INFINITY, 0.0), v);
        let far = v.pan(10_000.0, 10_000.0).kept_in(LAB, frame);
        assert!(close(far.x, 460.0) && close(far.y, 360.0), "{far:?}");
        let gone = v.pan(-10_000.0, -10_000.0).kept_in(LAB, frame);
        assert!(
            close(gone.x, KEEP_VISIBLE - 1200.0) && close(gone.y, KEEP_VISIBLE - 600.0),
            "{gone:?}"
        );
        // A view inside the bounds is left alone.
        let inside = v.pan(-100.0, -50.0);
        assert_eq!(inside.kept_in(LAB, frame), inside);
    }

    #[test]
    fn transform_and_pinch() {
        let v = View {
            scale: 1.25,
            x: -12.345,
            y: 7.0,
        };
        assert_eq!(v.transform(), "translate(-12.3px, 7.0px) scale(1.2500)");
        assert!(close(pinch_factor(100.0, 150.0), 1.5));
        assert!(close(pinch_factor(0.0, 150.0), 1.0));
        assert!(close(pinch_factor(100.0, f64::NAN), 1.0));
    }

    #[test]
    fn a_drawing_opens_fitted_when_that_reads_and_at_100_percent_on_its_start_otherwise() {
        let frame = Size {
            width: 1000.0,
            height: 600.0,
        };
        // The lab: fits at 83 %, opens fitted and shows all.
        let lab = Viewport::default().apply(ViewAction::Measured { content: LAB, frame });
        assert!(close(lab.view.scale, 1000.0 / 1200.0) && lab.shows_all());
        // 1,000 resources: 4,000 × 20,000 px would fit at 3 %; it opens at 100 %, top-left.
        let big = Size {
            width: 4000.0,
            height: 20000.0,
        };
        let v = Viewport::default().apply(ViewAction::Measured { content: big, frame });
        assert_eq!((v.view.scale, v.view.x, v.view.y), (1.0, 0.0, 0.0));
        assert!(!v.shows_all());
        // A narrow, tall drawing opens at 100 %, centred across.
        let tall = Size {
            width: 400.0,
            height: 20000.0,
        };
        let t = Viewport::default().apply(ViewAction::Measured { content: tall, frame });
        assert!(close(t.view.scale, 1.0) && close(t.view.x, 300.0) && close(t.view.y, 0.0));
        // A new stack opens the same way after "Ajuster" showed all of the last one.
        let again = v.apply(ViewAction::Fit).apply(ViewAction::Open);
        assert_eq!(again.view, v.view);
    }

    #[test]
    fn the_viewport_follows_the_fit_until_the_learner_zooms() {
        let frame = Size {
            width: 600.0,
            height: 300.0,
        };
        let v = Viewport::default().apply(ViewAction::Measured { content: LAB, frame });
        assert!(v.fitted);
        // The fit would be 50 %, below what reads: it opens at 100 % on its start.
        assert!(close(v.view.scale, 1.0) && close(v.view.x, 0.0) && close(v.view.y, 0.0));
        assert!(!v.shows_all());
        let v = v.apply(ViewAction::Fit);
        assert!(close(v.view.scale, 0.5) && v.shows_all());
        // The frame grows: a fitted view refits.
        let wide = Size {
            width: 1200.0,
            height: 600.0,
        };
        let v = v.apply(ViewAction::Measured {
            content: LAB,
            frame: wide,
        });
        assert!(close(v.view.scale, 1.0));
        // The learner zooms: the view stops following the fit...
        let z = v.apply(ViewAction::Zoom { factor: STEP, at: None });
        assert!(!z.fitted);
        assert!(close(z.view.scale, STEP));
        let centre_point = |v: &Viewport| {
            (
                (v.frame.width / 2.0 - v.view.x) / v.view.scale,
                (v.frame.height / 2.0 - v.view.y) / v.view.scale,
            )
        };
        let before = centre_point(&z);
        let z = z.apply(ViewAction::Measured { content: LAB, frame });
        assert!(close(z.view.scale, STEP), "a size change keeps the learner's zoom");
        let after = centre_point(&z);
        assert!(
            close(before.0, after.0) && close(before.1, after.1),
            "and the point at the frame's centre: {before:?} → {after:?}"
        );
        // ...until "fit".
        let f = z.apply(ViewAction::Fit);
        assert!(f.fitted && close(f.view.scale, 0.5));
        let one = f.apply(ViewAction::ActualSize);
        assert!(close(one.view.scale, 1.0) && !one.fitted);
        let p = one.apply(ViewAction::Pan(-PAN_STEP, 0.0));
        assert!(close(p.view.x, one.view.x - PAN_STEP));
    }
}
