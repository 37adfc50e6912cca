//! The edit path: a form edit carried into the learner's `main.py` (`apply_edit`).
//!
//! The input is `main.py`, NUL, `user_data.py` (none when empty), NUL, the edit: its first byte picks the kind (replace a value, remove a field, remove a
//! resource; the field is the byte divided by 3), its second which value, object or
//! resource, the rest the new text. The edit is made on
//! the stack document the code reads to; when the edited document loads, `apply_edit` must
//! not panic, and code it returns reads to exactly the edited stack (the law its docs state).
#![no_main]

use ec2_playground_core::{apply_edit, load_stack, read_python, save_stack};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// The JSON pointers of a document's leaves (strings, numbers, booleans, nulls) and of its
/// objects with at least one key.
fn pointers(v: &Value, at: String, leaves: &mut Vec<String>, objects: &mut Vec<String>) {
    let escape = |k: &str| k.replace('~', "~0").replace('/', "~1");
    match v {
        Value::Object(m) => {
            if !m.is_empty() {
                objects.push(at.clone());
            }
            for (k, x) in m {
                pointers(x, format!("{at}/{}", escape(k)), leaves, objects);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), leaves, objects);
            }
        }
        _ => leaves.push(at),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0);
    let (Some(main_py), user_data_py, edit) = (parts.next(), parts.next(), parts.next().unwrap_or(&[])) else {
        return;
    };
    let Ok(main_py) = std::str::from_utf8(main_py) else {
        return;
    };
    let user_data_py = match user_data_py.filter(|u| !u.is_empty()).map(std::str::from_utf8) {
        None => None,
        Some(Ok(text)) => Some(text),
        Some(Err(_)) => return,
    };
    let Some(old) = read_python(main_py, user_data_py).stack else {
        return;
    };
    let Ok(mut doc) = serde_json::from_str::<Value>(&save_stack(&old)) else {
        return;
    };
    let kind = edit.first().copied().unwrap_or(0);
    let which = usize::from(edit.get(1).copied().unwrap_or(0));
    let text = String::from_utf8_lossy(edit.get(2..).unwrap_or(&[])).into_owned();
    let (mut leaves, mut objects) = (Vec::new(), Vec::new());
    pointers(&doc, String::new(), &mut leaves, &mut objects);
    match kind % 3 {
        0 => {
            let pointer = leaves.get(which % leaves.len().max(1));
            if let Some(leaf) = pointer.and_then(|p| doc.pointer_mut(p)) {
                *leaf = match leaf {
                    Value::Number(_) => text.parse::<i64>().map(Value::from).unwrap_or(Value::from(text)),
                    Value::Bool(b) => Value::Bool(!*b),
                    _ => Value::String(text),
                };
            }
        }
        1 => {
            let pointer = objects.get(which % objects.len().max(1));
            if let Some(Value::Object(map)) = pointer.and_then(|p| doc.pointer_mut(p)) {
                let key = map.keys().nth(usize::from(kind / 3) % map.len().max(1)).cloned();
                if let Some(key) = key {
                    map.shift_remove(&key);
                }
            }
        }
        _ => {
            if let Some(Value::Array(resources)) = doc.get_mut("resources") {
                if !resources.is_empty() {
                    let k = which % resources.len();
                    resources.remove(k);
                }
            }
        }
    }
    let Ok(new) = load_stack(&doc.to_string()) else {
        return;
    };
    if let Ok(placed) = apply_edit(main_py, user_data_py, &new) {
        let read = read_python(&placed, user_data_py);
        assert_eq!(
            read.stack.as_ref(),
            Some(&new),
            "the placed edit reads to another stack:\n{placed}"
        );
    }
});
