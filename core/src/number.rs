//! Numbers as cdktf holds them: cdktf is JavaScript, so every number a learner gives a
//! numeric kwarg or an output is a JavaScript `Number`, an IEEE 754 double.
//!
//! What this means, each seen with the real cdktf 0.21.0 (`docs/numbers.md`):
//! - Python `1.5` is written `1.5`, `0.1 + 0.2` is written `0.30000000000000004`;
//! - a Python `int` crosses jsii as JSON and JavaScript rounds it to the nearest double:
//!   `9007199254740993` (2^53 + 1) is written `9007199254740992`, `2**64` is written
//!   `18446744073709552000`;
//! - from 10^21 on, and below 10^-6, JavaScript writes an exponent: `10**22` is written
//!   `1e+22`, `1e-7` is written `1e-7`;
//! - `-0.0` (and `-0`) is written `0`, as `JSON.stringify(-0)` writes it;
//! - `float("nan")` and `float("inf")` are refused by jsii (Python writes `NaN` and
//!   `Infinity`, which are not JSON), so a [`JsNumber`] is never NaN nor infinite.
//!
//! The text is JavaScript's `Number.prototype.toString` (which `JSON.stringify` uses for a
//! finite number), computed by the `ryu-js` crate.

use std::fmt;
use std::hash::{Hash, Hasher};

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// 2^53, the first integer past which a double no longer holds every integer
/// (`Number.MAX_SAFE_INTEGER` is 2^53 - 1).
const TWO_POW_53: f64 = 9_007_199_254_740_992.0;

/// 2^63: Terraform reads an integer attribute (`from_port`, `volume_size`...) as a Go
/// `int64`, which holds -2^63 up to 2^63 - 1.
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

/// A number as JavaScript holds it: a finite IEEE 754 double (never NaN, never infinite).
///
/// In the stack document a JSON number: written as an integer (`80`) when it is one that
/// an `i64` holds, else as a float as serde_json writes it (`1.5`, `1e+22`, `-0.0`). Any JSON number reads: an
/// integer past 2^53 is rounded to the nearest double, as JavaScript does.
///
/// Equality is bit for bit, so that a document keeps `-0.0` as written (`-0.0 != 0.0`
/// here, though cdktf writes both `0`).
#[derive(Clone, Copy)]
pub struct JsNumber(f64);

impl JsNumber {
    /// The number `value`, or `None` for NaN and the infinities, which cdktf never gets.
    pub fn new(value: f64) -> Option<JsNumber> {
        value.is_finite().then_some(JsNumber(value))
    }

    /// The double.
    pub fn value(self) -> f64 {
        self.0
    }

    /// The number as an `i64` when it is a whole number that an `i64` holds exactly
    /// (-2^63 up to 2^63 - 1; `-0.0` gives 0), else `None` (`1.5`, `1e22`).
    ///
    /// This is also what Terraform accepts for an integer attribute: `terraform validate`
    /// refuses anything else with "Attribute must be a whole number, got 1.5" (seen with
    /// Terraform 1.11 and the AWS provider on `from_port`, `volume_size`, `size`, `iops`,
    /// `http_put_response_hop_limit`; `9223372036854775808` is refused too).
    pub fn as_i64(self) -> Option<i64> {
        let v = self.0;
        // `as` is exact here: v is whole and within the range.
        (v.fract() == 0.0 && (-TWO_POW_63..TWO_POW_63).contains(&v)).then_some(v as i64)
    }

    /// True for a whole number within ±2^53: one that JavaScript holds exactly along with
    /// its neighbours, and writes without exponent or fraction.
    pub fn is_safe_integer(self) -> bool {
        self.0.fract() == 0.0 && self.0.abs() <= TWO_POW_53
    }

    /// The text JavaScript writes for this number (`Number.prototype.toString`, what
    /// `JSON.stringify` and so `cdk.tf.json` use): `80`, `1.5`, `1e+22`, `1e-7`, `0` for
    /// `-0.0`.
    pub fn js_text(self) -> String {
        ryu_js::Buffer::new().format_finite(self.0).to_owned()
    }

    /// The Python literal the writer gives for this number: the text cdktf writes
    /// ([`JsNumber::js_text`]), which is a Python `int` literal for a whole number below
    /// 10^21 (`80`, `9007199254740992`) and a Python `float` literal otherwise (`1.5`,
    /// `1e-7`), with its exponent written as `ruff format` writes it (`1e22`, not `1e+22`);
    /// `-0.0` stays `-0.0` as the learner wrote it. Reading it back gives this same number,
    /// and cdktf writes the same JSON for it (`scripts/conformance.sh numbers`).
    pub fn python_text(self) -> String {
        if self.0 == 0.0 && self.0.is_sign_negative() {
            "-0.0".to_owned()
        } else {
            self.js_text().replace("e+", "e")
        }
    }

    /// The value of this number in `cdk.tf.json`, to be written by the synth JSON writer:
    /// an integer for a safe integer (`-0.0` gives `0`), else a float, which the writer
    /// formats as [`JsNumber::js_text`].
    pub fn synth_json(self) -> Value {
        if self.is_safe_integer() {
            // Exact: a safe integer fits an i64.
            Value::from(self.0 as i64)
        } else {
            serde_json::Number::from_f64(self.0).map_or(Value::Null, Value::Number)
        }
    }

    /// The value of this number in the stack document (the same as its serde form).
    pub fn document_json(self) -> Value {
        match self.document_integer() {
            Some(i) => Value::from(i),
            None => serde_json::Number::from_f64(self.0).map_or(Value::Null, Value::Number),
        }
    }

    /// The integer the document writes for this number, when it writes one: a whole
    /// number an `i64` holds, not `-0.0`.
    fn document_integer(self) -> Option<i64> {
        if self.0 == 0.0 && self.0.is_sign_negative() {
            return None;
        }
        self.as_i64()
    }

    /// The number a Python `int` literal becomes in JavaScript, from its decimal digits
    /// (an optional `-` then ASCII digits, underscores allowed as Python allows them):
    /// the nearest double, as `JSON.parse` rounds it. `None` when the text is not such an
    /// integer, or when it is beyond the largest double (about 1.8e308: JavaScript would
    /// hold `Infinity`, which cdktf writes `null`).
    pub fn from_decimal_integer(text: &str) -> Option<JsNumber> {
        let digits: String = text.chars().filter(|c| *c != '_').collect();
        let body = digits.strip_prefix('-').unwrap_or(&digits);
        if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // Rust's float parsing is correctly rounded (nearest, ties to even), like JSON.parse.
        // `+ 0.0` turns `-0` into 0: a Python int has no negative zero.
        digits.parse::<f64>().ok().map(|v| v + 0.0).and_then(JsNumber::new)
    }
}

impl PartialEq for JsNumber {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

// Lawful: NaN is never held, and equality is on the bits.
impl Eq for JsNumber {}

impl Hash for JsNumber {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state);
    }
}

impl fmt::Debug for JsNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JsNumber({})", self.python_text())
    }
}

impl fmt::Display for JsNumber {
    /// The text cdktf writes ([`JsNumber::js_text`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(ryu_js::Buffer::new().format_finite(self.0))
    }
}

impl From<i32> for JsNumber {
    fn from(v: i32) -> Self {
        JsNumber(f64::from(v))
    }
}

impl From<u32> for JsNumber {
    fn from(v: u32) -> Self {
        JsNumber(f64::from(v))
    }
}

impl From<i64> for JsNumber {
    /// The nearest double, as JavaScript rounds an integer it receives.
    fn from(v: i64) -> Self {
        // Rounds to nearest, ties to even: what JSON.parse does with the digits.
        JsNumber(v as f64)
    }
}

impl Serialize for JsNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.document_integer() {
            Some(i) => s.serialize_i64(i),
            None => s.serialize_f64(self.0),
        }
    }
}

impl<'de> Deserialize<'de> for JsNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NumberVisitor)
    }
}

/// Reads a JSON number as a [`JsNumber`]; refuses everything else.
pub(crate) struct NumberVisitor;

impl Visitor<'_> for NumberVisitor {
    type Value = JsNumber;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<JsNumber, E> {
        Ok(JsNumber::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<JsNumber, E> {
        // Rounds to nearest, ties to even, as JavaScript does.
        Ok(JsNumber(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<JsNumber, E> {
        JsNumber::new(v).ok_or_else(|| E::custom(format!("{v} is not a number cdktf can write")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: f64) -> JsNumber {
        JsNumber::new(v).unwrap_or(JsNumber(f64::MIN))
    }

    /// Each text as the real cdktf 0.21.0 wrote it in cdk.tf.json (docs/numbers.md).
    #[test]
    fn js_text_is_what_cdktf_writes() {
        let cases = [
            (1.5, "1.5"),
            (1e22, "1e+22"),
            (-0.0, "0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (1e-7, "1e-7"),
            (1.23e-7, "1.23e-7"),
            (9_007_199_254_740_993_u64 as f64, "9007199254740992"),
            (-(9_007_199_254_740_993_i64 as f64), "-9007199254740992"),
            (18_446_744_073_709_551_616.0, "18446744073709552000"),
            (5.0, "5"),
            (1e300, "1e+300"),
            (80.0, "80"),
            (-1.0, "-1"),
        ];
        for (v, text) in cases {
            assert_eq!(n(v).js_text(), text, "{v:?}");
            assert_eq!(n(v).to_string(), text, "{v:?}");
        }
    }

    #[test]
    fn nan_and_infinities_are_not_numbers() {
        assert!(JsNumber::new(f64::NAN).is_none());
        assert!(JsNumber::new(f64::INFINITY).is_none());
        assert!(JsNumber::new(f64::NEG_INFINITY).is_none());
        assert_eq!(JsNumber::new(2.5).map(JsNumber::value), Some(2.5));
    }

    #[test]
    fn python_ints_round_as_javascript_rounds_them() {
        let cases = [
            ("9007199254740993", 9_007_199_254_740_992.0),
            ("-9007199254740993", -9_007_199_254_740_992.0),
            ("9007199254740995", 9_007_199_254_740_996.0),
            ("10000000000000000000000", 1e22),
            ("1_000", 1000.0),
            ("18446744073709551616", 18_446_744_073_709_551_616.0),
        ];
        for (text, v) in cases {
            assert_eq!(
                JsNumber::from_decimal_integer(text).map(JsNumber::value),
                Some(v),
                "{text}"
            );
        }
        let too_big = format!("1{}", "0".repeat(400));
        assert_eq!(JsNumber::from_decimal_integer(&too_big), None);
        assert_eq!(JsNumber::from_decimal_integer("1.5"), None);
        assert_eq!(JsNumber::from_decimal_integer("-0"), JsNumber::new(0.0));
        assert_eq!(JsNumber::from_decimal_integer("-"), None);
        assert_eq!(
            JsNumber::from(9_007_199_254_740_993_i64).value(),
            9_007_199_254_740_992.0
        );
    }

    #[test]
    fn whole_numbers_terraform_reads_as_int64() {
        assert_eq!(n(80.0).as_i64(), Some(80));
        assert_eq!(n(-0.0).as_i64(), Some(0));
        assert_eq!(n(1.5).as_i64(), None);
        assert_eq!(n(1e22).as_i64(), None);
        assert_eq!(n(9_223_372_036_854_774_784.0).as_i64(), Some(9_223_372_036_854_774_784));
        assert_eq!(n(9_223_372_036_854_775_808.0).as_i64(), None);
        assert_eq!(n(-9_223_372_036_854_775_808.0).as_i64(), Some(i64::MIN));
        assert!(n(9_007_199_254_740_992.0).is_safe_integer());
        assert!(!n(18_014_398_509_481_984.0).is_safe_integer());
    }

    #[test]
    fn python_text_reads_back_as_the_same_number() {
        assert_eq!(n(80.0).python_text(), "80");
        assert_eq!(n(1.5).python_text(), "1.5");
        assert_eq!(n(1e22).python_text(), "1e22");
        assert_eq!(n(-2.5e177).python_text(), "-2.5e177");
        assert_eq!(n(-0.0).python_text(), "-0.0");
        for v in [1.5, 1e22, 1e-7, 0.1 + 0.2, 1.7976931348623157e308, 5e-324, -2.5e-300] {
            assert_eq!(n(v).python_text().parse::<f64>().ok(), Some(v));
        }
    }

    #[test]
    fn the_document_keeps_integers_integers_and_minus_zero_minus_zero() {
        let text = |v: f64| serde_json::to_string(&n(v)).unwrap_or_default();
        assert_eq!(text(80.0), "80");
        assert_eq!(text(-0.0), "-0.0");
        assert_eq!(text(1.5), "1.5");
        assert_eq!(text(1e22), "1e+22");
        for t in [
            "80",
            "-0.0",
            "1.5",
            "1e22",
            "1e+22",
            "9007199254740993",
            "100000000000000000000000000",
        ] {
            let v: JsNumber = serde_json::from_str(t).unwrap_or(JsNumber(f64::MIN));
            let back: JsNumber =
                serde_json::from_str(&serde_json::to_string(&v).unwrap_or_default()).unwrap_or(JsNumber(f64::MAX));
            assert_eq!(v, back, "{t}");
            assert_eq!(serde_json::to_value(v).ok(), Some(v.document_json()), "{t}");
        }
        assert_ne!(n(-0.0), n(0.0));
        assert!(serde_json::from_str::<JsNumber>("\"1\"").is_err());
        assert!(serde_json::from_str::<JsNumber>("true").is_err());
    }
}
