//! Writes a JSON value the way cdktf 0.21.0 writes `cdk.tf.json`.
//!
//! cdktf calls `json-stable-stringify` 1.3.0 with `{space: 2}` (read in
//! `cdktf/lib/synthesize/synthesizer.js`). Its output differs from `JSON.stringify` in two
//! ways, both reproduced here:
//! - object keys are sorted with JavaScript's default `Array.prototype.sort`, which
//!   compares UTF-16 code units (so `"\u{FF01}"` sorts after `"😀"`);
//! - an empty array or object is written open and closed on separate lines
//!   (`[` newline, indent, `]`), because `collapseEmpty` is off.
//!
//! Numbers are written as JavaScript's `Number.prototype.toString` writes them
//! ([`crate::number::JsNumber::js_text`]: `1.5`, `1e+22`, `1e-7`, `0` for `-0`).
//!
//! Strings are escaped by serde_json, whose escapes match `JSON.stringify` for every
//! Rust string (`\"`, `\\`, `\b \f \n \r \t`, other controls as lowercase `\u00xx`,
//! everything else raw UTF-8). There is no newline at the end.

use std::io;

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::ser::Formatter;
use serde_json::Value;

/// Writes `value` as cdktf writes `cdk.tf.json`: sorted keys (UTF-16 order), two-space
/// indent, empty collections on two lines, no final newline.
pub fn to_cdktf_json(value: &Value) -> String {
    let mut out = Vec::with_capacity(4096);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, StableFormatter::default());
    // Writing a `Value` into a Vec cannot fail: its keys are strings and there is no I/O.
    if Sorted(value).serialize(&mut ser).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Compares two keys as JavaScript's default sort does: by UTF-16 code units.
pub fn js_key_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// A value serialized with each object's keys in [`js_key_order`], read in place: the
/// tree is not copied (the copy cost as much as the writing, issue 14), only each
/// object's entries are gathered by reference and sorted.
struct Sorted<'a>(&'a Value);

impl Serialize for Sorted<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Object(map) => {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                // keys of a map are distinct: an unstable sort gives the one order
                entries.sort_unstable_by(|a, b| js_key_order(a.0, b.0));
                let mut out = serializer.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    out.serialize_entry(k, &Sorted(v))?;
                }
                out.end()
            }
            Value::Array(items) => {
                let mut out = serializer.serialize_seq(Some(items.len()))?;
                for v in items {
                    out.serialize_element(&Sorted(v))?;
                }
                out.end()
            }
            scalar => scalar.serialize(serializer),
        }
    }
}

/// serde_json formatter reproducing `json-stable-stringify`'s layout with `space: 2`.
#[derive(Default)]
struct StableFormatter {
    depth: usize,
}

impl StableFormatter {
    fn newline_indent<W: ?Sized + io::Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl Formatter for StableFormatter {
    fn write_f64<W: ?Sized + io::Write>(&mut self, w: &mut W, value: f64) -> io::Result<()> {
        // A serde_json number is always finite; `null` is what JSON.stringify writes otherwise.
        match crate::number::JsNumber::new(value) {
            Some(n) => w.write_all(n.js_text().as_bytes()),
            None => w.write_all(b"null"),
        }
    }
    fn write_u64<W: ?Sized + io::Write>(&mut self, w: &mut W, value: u64) -> io::Result<()> {
        // JavaScript holds the nearest double: 2^64 - 1 is written 18446744073709552000.
        self.write_f64(w, value as f64)
    }
    fn write_i64<W: ?Sized + io::Write>(&mut self, w: &mut W, value: i64) -> io::Result<()> {
        self.write_f64(w, value as f64)
    }
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        w.write_all(b"[")
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        self.newline_indent(w)?;
        w.write_all(b"]")
    }
    fn begin_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline_indent(w)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        Ok(())
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        w.write_all(b"{")
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        self.newline_indent(w)?;
        w.write_all(b"}")
    }
    fn begin_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline_indent(w)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn empty_collections_open_on_two_lines_like_json_stable_stringify() {
        let v = json!({"a": [], "b": {}, "c": [1]});
        assert_eq!(
            to_cdktf_json(&v),
            "{\n  \"a\": [\n  ],\n  \"b\": {\n  },\n  \"c\": [\n    1\n  ]\n}"
        );
    }

    #[test]
    fn keys_sort_by_utf16_code_units_not_code_points() {
        let v = json!({"\u{FF01}": 1, "😀": 2, "B": 3, "a": 4, "10": 5, "9": 6});
        let text = to_cdktf_json(&v);
        let order: Vec<usize> = ["\"10\"", "\"9\"", "\"B\"", "\"a\"", "\"😀\"", "\"\u{FF01}\""]
            .iter()
            .map(|k| text.find(k).unwrap_or(usize::MAX))
            .collect();
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(order, sorted, "{text}");
    }

    /// As the real cdktf 0.21.0 wrote them (docs/numbers.md).
    #[test]
    fn numbers_as_javascript_writes_them() {
        let v = json!([
            1.5,
            1e22,
            -0.0,
            1e21,
            1e20,
            1e-7,
            9_007_199_254_740_993_u64,
            18_446_744_073_709_551_615_u64,
            -3,
            5.0
        ]);
        assert_eq!(
            to_cdktf_json(&v),
            "[\n  1.5,\n  1e+22,\n  0,\n  1e+21,\n  100000000000000000000,\n  1e-7,\n  9007199254740992,\n  18446744073709552000,\n  -3,\n  5\n]"
        );
    }

    #[test]
    fn strings_escape_as_json_stringify() {
        let v = json!({"s": "tab\t nl\n quote\" back\\ nul\u{0} us\u{1f} del\u{7f} é 😀 \u{2028}"});
        assert_eq!(
            to_cdktf_json(&v),
            "{\n  \"s\": \"tab\\t nl\\n quote\\\" back\\\\ nul\\u0000 us\\u001f del\u{7f} é 😀 \u{2028}\"\n}"
        );
    }
}
