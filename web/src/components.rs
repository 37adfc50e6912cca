//! The page's parts: one file per panel or widget.
//!
//! Leaf components take data and `Callback`s; only [`app`](crate::app) and the top-level
//! parts read the shared state through its context.

pub mod checks_panel;
pub mod code_editor;
pub mod code_view;
pub mod deploy_panel;
pub mod diagram_panel;
pub mod editor;
pub mod embed_bar;
pub mod fields;
pub mod forms;
pub mod hcl_panel;
pub mod icon;
pub mod json_panel;
pub mod lab_panel;
pub mod notices;
pub mod panels;
pub mod python_panel;
pub mod resource_card;
pub mod share_box;
pub mod suggestions;
pub mod toolbar;
pub mod workbench;
