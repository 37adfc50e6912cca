//! Browser I/O, each behind a small function that never panics: storage, clipboard,
//! downloads, the address bar and the document itself.

pub mod clipboard;
pub mod code_modules;
pub mod document;
pub mod download;
pub mod location;
pub mod storage;
