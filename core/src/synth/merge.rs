//! cdktf's `deepMerge` (`cdktf/lib/util.js`), with arrays as JavaScript holds them.
//!
//! cdktf builds `cdk.tf.json` by deep-merging every construct's fragment into one object,
//! in order, then `resolve`s it. Objects merge key by key, arrays concatenate, anything else
//! is replaced. JavaScript's `typeof` says `"object"` for arrays too, so an object merged
//! where the target holds an array writes its keys onto the array:
//! - an array-index key (`"0"` to `"4294967294"`, [`super::is_array_index`]) sets that
//!   element, past the end too, leaving holes between;
//! - the key `length` sets the array's length: it cuts the array, or makes it longer with
//!   holes. JavaScript reads the value as a number (`true` is 1, `" 0x2 "` is 2, `[[1]]` is
//!   1, `""` and `[]` are 0), and throws `RangeError: Invalid array length` unless it is a
//!   whole number from 0 to 4,294,967,295 ([`MergeError`]);
//! - any other key is set on the array and lost: `resolve` maps arrays by index.
//!
//! Index keys come first in `Object.keys`, in ascending order, then the others: in one map,
//! `length` applies after the index keys. Holes keep their places until the end (a later
//! index key may fill one; a later array concatenates after them), and `resolve` drops them.
//! Seen with the real cdktf 0.21.0 in the goldens `tests/fixtures/output-merges` and
//! `tests/fixtures/output-merge-lists` (stack 320 of seed 2 of the differential:
//! `{"length": true}` merged into a list of three leaves its first item).

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde_json::{Map, Value};

use super::is_array_index;
use crate::number::JsNumber;

/// The longest array JavaScript holds: 2³² − 1 elements.
const MAX_LENGTH: u64 = 4_294_967_295;

/// Why cdktf's `deepMerge` throws: an array's length would not be a whole number from 0 to
/// 4,294,967,295 (`RangeError: Invalid array length`), from a key `length` merged into an
/// array or from two arrays whose concatenation is longer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeError {
    /// The keys from the root of the merged fragment to the value at fault: the key
    /// `length`, or the key of the array too long.
    pub path: Vec<String>,
}

/// A value while `deepMerge` builds it.
#[derive(Debug, Clone)]
enum Js {
    /// A value as JSON holds it, not merged into yet: arrays without holes.
    Plain(Value),
    /// An object some fragment merged into: keys in insertion order.
    Object(IndexMap<String, Js>),
    /// An array an object merged into: `len` and the elements present (absent: holes).
    Array { len: u64, items: BTreeMap<u64, Js> },
}

impl Js {
    /// What `resolve` makes of it: holes dropped.
    fn into_value(self) -> Value {
        match self {
            Js::Plain(v) => v,
            Js::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, v.into_value())).collect()),
            Js::Array { items, .. } => Value::Array(items.into_values().map(Js::into_value).collect()),
        }
    }

    /// True for what `typeof` calls `"object"` and `deepMerge` recurses into. (`null` is one
    /// too for JavaScript, and cdktf would fail reading a key of it; synth never merges an
    /// object where a `null` is, so it is replaced as a scalar.)
    fn is_object(&self) -> bool {
        matches!(
            self,
            Js::Plain(Value::Object(_) | Value::Array(_)) | Js::Object(_) | Js::Array { .. }
        )
    }
}

/// The result of merging fragments, one after the other, as cdktf does.
#[derive(Debug, Clone)]
pub struct Merged(Js);

impl Merged {
    /// Starts from `value`.
    pub fn new(value: Value) -> Self {
        Merged(Js::Plain(value))
    }

    /// `deepMerge(this, source)`. A `source` that is not an object changes nothing (cdktf
    /// would throw; synth's fragments are objects).
    pub fn merge(&mut self, source: Value) -> Result<(), MergeError> {
        let Value::Object(source) = source else {
            return Ok(());
        };
        let mut path = Vec::new();
        merge_object(&mut self.0, source, &mut path)
    }

    /// The merged value as cdktf's final `resolve` leaves it: holes dropped, the keys set on
    /// arrays lost.
    pub fn into_value(self) -> Value {
        self.0.into_value()
    }
}

/// `deepMerge(target, source)` for a target that is an object or an array.
fn merge_object(target: &mut Js, source: Map<String, Value>, path: &mut Vec<String>) -> Result<(), MergeError> {
    match target {
        Js::Plain(Value::Object(map)) => {
            let map = std::mem::take(map);
            *target = Js::Object(map.into_iter().map(|(k, v)| (k, Js::Plain(v))).collect());
            merge_object(target, source, path)
        }
        Js::Plain(Value::Array(items)) => {
            let items = std::mem::take(items);
            let len = items.len() as u64;
            *target = Js::Array {
                len,
                items: (0u64..).zip(items.into_iter().map(Js::Plain)).collect(),
            };
            merge_object(target, source, path)
        }
        Js::Object(map) => {
            for (key, value) in source {
                path.push(key.clone());
                match map.get_mut(&key) {
                    Some(slot) => {
                        let old = std::mem::replace(slot, Js::Plain(Value::Null));
                        *slot = merge_slot(Some(old), value, path)?;
                    }
                    None => {
                        let slot = merge_slot(None, value, path)?;
                        map.insert(key, slot);
                    }
                }
                path.pop();
            }
            Ok(())
        }
        Js::Array { len, items } => {
            // `Object.keys` gives the index keys first, in ascending order; then `length`.
            let mut length = None;
            for (key, value) in source {
                if key == "length" {
                    length = Some(value);
                    continue;
                }
                // Keys that are not array indices are set on the array, and lost by `resolve`.
                let Some(index) = key.parse::<u64>().ok().filter(|_| is_array_index(&key)) else {
                    continue;
                };
                path.push(key);
                let old = items.remove(&index);
                items.insert(index, merge_slot(old, value, path)?);
                path.pop();
                *len = (*len).max(index + 1);
            }
            if let Some(value) = length {
                path.push("length".to_owned());
                let new_len = array_length(&value).ok_or_else(|| MergeError { path: path.clone() })?;
                path.pop();
                items.retain(|&i, _| i < new_len);
                *len = new_len;
            }
            Ok(())
        }
        Js::Plain(_) => Ok(()),
    }
}

/// `deepMerge` for one key: the new `target[key]`, from its old value (`None` when absent
/// or a hole) and the source's value.
fn merge_slot(old: Option<Js>, value: Value, path: &mut Vec<String>) -> Result<Js, MergeError> {
    match value {
        // `typeof target[key] !== "object"`: anything else is replaced by `{}` first, and
        // merging into `{}` copies the source.
        Value::Object(source) => match old {
            Some(mut target) if target.is_object() => {
                merge_object(&mut target, source, path)?;
                Ok(target)
            }
            _ => Ok(Js::Plain(Value::Object(source))),
        },
        // `[...target[key], ...value]` when both are arrays; the holes become `undefined`,
        // which `resolve` drops as it drops holes.
        Value::Array(added) => match old {
            Some(Js::Plain(Value::Array(mut existing))) => {
                existing.extend(added);
                Ok(Js::Plain(Value::Array(existing)))
            }
            Some(Js::Array { len, mut items }) => {
                let total = len + added.len() as u64;
                if total > MAX_LENGTH {
                    return Err(MergeError { path: path.clone() });
                }
                items.extend((len..).zip(added.into_iter().map(Js::Plain)));
                Ok(Js::Array { len: total, items })
            }
            _ => Ok(Js::Plain(Value::Array(added))),
        },
        scalar => Ok(Js::Plain(scalar)),
    }
}

/// What `array.length = value` sets, when JavaScript accepts it: `ToNumber(value)`, which
/// must be a whole number from 0 to 2³² − 1 (ECMAScript's `ArraySetLength`). An object is
/// never one (`deepMerge` puts `{}` there first).
fn array_length(value: &Value) -> Option<u64> {
    let number = match value {
        Value::Null => 0.0,
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => string_to_number(s),
        Value::Array(_) => string_to_number(&to_js_string(value)),
        Value::Object(_) => return None,
    };
    // `-0` is a length of 0.
    let whole = number.is_finite() && number >= 0.0 && number.fract() == 0.0 && number <= MAX_LENGTH as f64;
    whole.then_some(number as u64)
}

/// JavaScript's `String(value)` of a JSON value: an array is its items joined with `,`
/// (`null` as nothing), an object `[object Object]`.
fn to_js_string(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n
            .as_f64()
            .and_then(JsNumber::new)
            .map_or_else(|| n.to_string(), JsNumber::js_text),
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::Null => String::new(),
                other => to_js_string(other),
            })
            .collect::<Vec<_>>()
            .join(","),
        Value::Object(_) => "[object Object]".to_owned(),
    }
}

/// JavaScript's white space and line terminators, which `Number(text)` trims.
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\u{9}' | '\u{a}' | '\u{b}' | '\u{c}' | '\u{d}' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

/// JavaScript's `Number(text)` (ECMAScript's `StringToNumber`): white space trimmed; empty
/// is 0; a decimal literal with an optional sign and exponent (`"2."`, `".5e1"`, `"-0"`),
/// `Infinity`, or `0x`, `0o`, `0b` digits without a sign; anything else is `NaN`.
fn string_to_number(text: &str) -> f64 {
    let s = text.trim_matches(is_js_space);
    if s.is_empty() {
        return 0.0;
    }
    let radix = match s.get(..2) {
        Some("0x" | "0X") => Some(16),
        Some("0o" | "0O") => Some(8),
        Some("0b" | "0B") => Some(2),
        _ => None,
    };
    if let Some(radix) = radix {
        let digits = &s[2..];
        if digits.is_empty() {
            return f64::NAN;
        }
        return digits
            .chars()
            .try_fold(0.0f64, |n, c| {
                Some(n * f64::from(radix) + f64::from(c.to_digit(radix)?))
            })
            .unwrap_or(f64::NAN);
    }
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    if unsigned == "Infinity" {
        return if s.starts_with('-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    if is_decimal_literal(unsigned) {
        s.parse().unwrap_or(f64::NAN)
    } else {
        f64::NAN
    }
}

/// ECMAScript's `StrUnsignedDecimalLiteral` without `Infinity`: digits with an optional
/// `.` and fraction, or `.` and digits; then an optional exponent.
fn is_decimal_literal(s: &str) -> bool {
    let bytes = s.as_bytes();
    let digits = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let whole = digits(0);
    let mut at = whole;
    let mut fraction = 0;
    if bytes.get(at) == Some(&b'.') {
        fraction = digits(at + 1);
        at += 1 + fraction;
    }
    if whole + fraction == 0 {
        return false;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let exponent = digits(at);
        if exponent == 0 {
            return false;
        }
        at += exponent;
    }
    at == bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn merged(values: &[Value]) -> Result<Value, MergeError> {
        let mut m = Merged::new(json!({}));
        for v in values {
            m.merge(json!({ "v": v }))?;
        }
        Ok(m.into_value()["v"].clone())
    }

    #[test]
    fn numbers_as_javascript_reads_them() {
        for (text, n) in [
            ("", 0.0),
            (" \u{a0}\u{2028}\u{feff}", 0.0),
            ("2", 2.0),
            (" 0x2 ", 2.0),
            ("0B10", 2.0),
            ("0o17", 15.0),
            ("+2", 2.0),
            ("-0", 0.0),
            ("2.", 2.0),
            (".5e1", 5.0),
            ("2e0", 2.0),
            ("1E+3", 1000.0),
            ("Infinity", f64::INFINITY),
            ("-Infinity", f64::NEG_INFINITY),
        ] {
            assert_eq!(string_to_number(text), n, "{text:?}");
        }
        for text in [
            "x", ".", "1_0", "-0x2", "0x", "0xg", "1e", "e1", "inf", "infinity", "NaN", "1 2", "\u{85}1", "１",
        ] {
            assert!(string_to_number(text).is_nan(), "{text:?}");
        }
    }

    #[test]
    fn array_lengths_as_javascript_sets_them() {
        for (value, len) in [
            (json!(true), 1),
            (json!(false), 0),
            (json!(null), 0),
            (json!(3), 3),
            (json!(2.0), 2),
            (json!(-0.0), 0),
            (json!(""), 0),
            (json!([]), 0),
            (json!([[1]]), 1),
            (json!([null]), 0),
            (json!(4_294_967_295u64), 4_294_967_295),
        ] {
            assert_eq!(array_length(&value), Some(len), "{value}");
        }
        for value in [
            json!(1.5),
            json!(-1),
            json!(4_294_967_296u64),
            json!("x"),
            json!("Infinity"),
            json!([1, 2]),
            json!([true]),
            json!([{}]),
            json!({}),
            json!("${aws_key_pair.k.key_name}"),
        ] {
            assert_eq!(array_length(&value), None, "{value}");
        }
    }

    #[test]
    fn objects_merge_arrays_concatenate_scalars_are_replaced() {
        assert_eq!(
            merged(&[
                json!({"a": [1], "b": {"c": 1, "d": 2}, "e": 1}),
                json!({"a": [2], "b": {"c": 3}, "e": {"x": null}})
            ]),
            Ok(json!({"a": [1, 2], "b": {"c": 3, "d": 2}, "e": {"x": null}}))
        );
        assert_eq!(merged(&[json!("s"), json!(["t"])]), Ok(json!(["t"])));
        assert_eq!(merged(&[json!(["t"]), json!(5)]), Ok(json!(5)));
    }

    #[test]
    fn a_map_merged_into_a_list_sets_its_elements_then_its_length() {
        // the goldens of tests/fixtures/output-merges and output-merge-lists
        assert_eq!(
            merged(&[
                json!(["a", "b", "c"]),
                json!({"x": "lost", "5": "F", "1": "B", "01": "no"})
            ]),
            Ok(json!(["a", "B", "c", "F"]))
        );
        assert_eq!(
            merged(&[
                json!({"k": "w"}),
                json!(["a", "b", {"k": "v"}]),
                json!({"length": true, "01": 61920, "": "z"}),
                json!({"a b": true})
            ]),
            Ok(json!(["a"]))
        );
        assert_eq!(
            merged(&[json!(["a", "b", "c"]), json!({"length": "2", "5": "x", "1": "B"})]),
            Ok(json!(["a", "B"]))
        );
        assert_eq!(
            merged(&[json!(["a", "b", "c"]), json!({"5": "F"}), json!({"4": "G"})]),
            Ok(json!(["a", "b", "c", "G", "F"]))
        );
        assert_eq!(
            merged(&[json!(["a"]), json!({"3": "D"}), json!(["e"]), json!({"1": "B"})]),
            Ok(json!(["a", "B", "D", "e"]))
        );
        assert_eq!(
            merged(&[json!(["a"]), json!({"length": 3}), json!({"2": "c"}), json!(["d"])]),
            Ok(json!(["a", "c", "d"]))
        );
        assert_eq!(
            merged(&[
                json!({"l": ["a", "b"], "m": {"a": 1}}),
                json!({"l": {"length": 1}, "m": {"length": 3}})
            ]),
            Ok(json!({"l": ["a"], "m": {"a": 1, "length": 3}}))
        );
    }

    #[test]
    fn an_invalid_length_is_refused_where_it_is() {
        assert_eq!(
            merged(&[json!({"l": ["a"]}), json!({"l": {"length": "x"}})]),
            Err(MergeError {
                path: vec!["v".into(), "l".into(), "length".into()]
            })
        );
        assert_eq!(
            merged(&[json!(["a"]), json!({"4294967294": 1}), json!(["b"])]),
            Err(MergeError { path: vec!["v".into()] })
        );
        assert_eq!(
            merged(&[json!(["a"]), json!({"4294967293": 1}), json!(["b"])]).map(|v| v.as_array().map(Vec::len)),
            Ok(Some(3))
        );
    }
}
