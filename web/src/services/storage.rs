//! `localStorage`, under versioned keys.
//!
//! Reached through `web_sys` rather than `gloo-storage`, whose `LocalStorage::raw()` panics
//! when the browser refuses storage (cookies blocked, some sandboxed frames): here such a
//! browser just gets `None` or an `Err`, and the page says its work is not saved.

use web_sys::Storage;

/// The learner's stack document (`save_stack` text). Version 1 of the key; a later
/// version would read this one and migrate it.
pub const STACK_KEY: &str = "ec2-playground:stack:v1";
/// The learner's own code (`SavedCode` as JSON), beside the stack; absent while the code
/// shown is the one written from the stack.
pub const CODE_KEY: &str = "ec2-playground:code:v1";
/// Where an unreadable saved stack is kept (a suffix is added when it is taken).
pub const BACKUP_KEY: &str = "ec2-playground:stack:v1:backup";
/// Where the learner stands in a lab (`LabProgress` as JSON).
pub const LAB_KEY: &str = "ec2-playground:lab:v1";
/// The stack the learner marked deployed (a stack document), for the deploy preview.
pub const DEPLOYED_KEY: &str = "ec2-playground:deployed:v1";
/// The learner's language and theme (JSON).
pub const PREFS_KEY: &str = "ec2-playground:prefs:v1";

/// Why a value was not written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageError;

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value under `key`, if storage is reachable and holds one.
pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Writes `value` under `key`.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()
        .ok_or(StorageError)?
        .set_item(key, value)
        .map_err(|_| StorageError)
}

/// Removes the value under `key` (nothing to do when there is none).
pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()
        .ok_or(StorageError)?
        .remove_item(key)
        .map_err(|_| StorageError)
}

/// Keeps `text` under [`BACKUP_KEY`], or under `BACKUP_KEY:<n>` when that key already
/// holds something else; returns the key used.
pub fn keep_backup(text: &str) -> Result<String, StorageError> {
    let mut key = BACKUP_KEY.to_owned();
    for n in 2..1000 {
        match read(&key) {
            Some(existing) if existing != text => key = format!("{BACKUP_KEY}:{n}"),
            _ => break,
        }
    }
    write(&key, text)?;
    Ok(key)
}
