//! Small line icons drawn in SVG, so that they show whatever fonts the machine has.

use yew::prelude::*;

/// An icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Two overlapping sheets.
    Duplicate,
    /// A bin.
    Delete,
    /// An "i" in a circle: a note to read.
    Info,
}

impl Icon {
    /// The icon, hidden from screen readers (its button carries the label).
    pub fn render(self) -> Html {
        let path = match self {
            Icon::Up => "M8 13V3M3.5 7.5 8 3l4.5 4.5",
            Icon::Down => "M8 3v10M3.5 8.5 8 13l4.5-4.5",
            Icon::Duplicate => "M5.5 5.5h8v8h-8zM2.5 10.5v-8h8",
            Icon::Delete => "M2.5 4.5h11M6 4.5V2.5h4v2M4 4.5l.8 9h6.4l.8-9M6.8 7v4.5M9.2 7v4.5",
            Icon::Info => "M8 1.75a6.25 6.25 0 1 0 0 12.5a6.25 6.25 0 1 0 0-12.5zM8 7.25v4M8 4.75v.1",
        };
        html! {
            <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                <path d={path} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" />
            </svg>
        }
    }
}
