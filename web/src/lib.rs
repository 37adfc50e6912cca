//! EC2 Playground in the browser: a Yew app over `ec2-playground-core`.
//!
//! The web crate turns the learner's actions into edits of the stack ([`state`]) and the
//! core's outputs into views ([`components`]); every rule about EC2, Terraform or Python
//! lives in the core. Browser I/O sits in [`services`].

#![deny(missing_docs)]

pub mod app;
pub mod components;
pub mod examples;
pub mod hooks;
pub mod i18n;
pub mod issues;
pub mod labs;
pub mod services;
pub mod share;
pub mod state;
pub mod templates;
pub mod viewport;

/// Mounts the playground on the page's `<body>`.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
