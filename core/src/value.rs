//! Values that a cdktf kwarg can take in the course's stacks: a literal, or a typed
//! reference to another resource's attribute (`sg.id`, `inst.public_ip`, `ami.id`).
//!
//! In a stack document a reference is written `{"ref": "<construct id>", "attr": "<attribute>"}`;
//! a literal string is a JSON string. References are never strings put together by
//! hand: synth turns them into `${aws_instance.web.public_ip}` from the target's kind and
//! logical id, and the Python writer into `inst.public_ip` from its variable name.

use std::fmt;

use indexmap::IndexMap;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::number::JsNumber;

/// A typed reference to an attribute of another construct of the stack.
///
/// `resource` is the target's construct id as written (`"web"`, `"App SG"`), `attr` the
/// Terraform attribute name (`"public_ip"`), which must be one the target's kind exposes
/// (see [`crate::attributes`]). JSON: `{"ref": "web", "attr": "public_ip"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Construct id of the referenced resource, exactly as written in the stack.
    #[serde(rename = "ref")]
    pub resource: String,
    /// Terraform attribute of the referenced resource (`id`, `public_ip`, `key_name`...).
    #[serde(rename = "attr")]
    pub attr: String,
}

impl Reference {
    /// A reference to `attr` of the construct whose id is `resource`.
    pub fn new(resource: impl Into<String>, attr: impl Into<String>) -> Self {
        Reference {
            resource: resource.into(),
            attr: attr.into(),
        }
    }
}

/// A string-typed kwarg: a literal string or a reference to another resource.
///
/// JSON: a string (`"ami-0c55b159cbfafe1f0"`) or a reference object
/// (`{"ref": "amazon_linux", "attr": "id"}`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StrValue {
    /// A string written as a Python literal.
    Literal(String),
    /// An attribute of another construct (`ami.id`).
    Ref(Reference),
}

impl StrValue {
    /// The reference, when this value is one.
    pub fn as_ref(&self) -> Option<&Reference> {
        match self {
            StrValue::Ref(r) => Some(r),
            StrValue::Literal(_) => None,
        }
    }

    /// The literal, when this value is one.
    pub fn as_literal(&self) -> Option<&str> {
        match self {
            StrValue::Literal(s) => Some(s),
            StrValue::Ref(_) => None,
        }
    }
}

impl Default for StrValue {
    /// The empty literal.
    fn default() -> Self {
        StrValue::Literal(String::new())
    }
}

impl From<&str> for StrValue {
    fn from(s: &str) -> Self {
        StrValue::Literal(s.to_owned())
    }
}

impl From<Reference> for StrValue {
    fn from(r: Reference) -> Self {
        StrValue::Ref(r)
    }
}

impl Serialize for StrValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            StrValue::Literal(v) => s.serialize_str(v),
            StrValue::Ref(r) => r.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for StrValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = StrValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a string or a reference {"ref": "<construct id>", "attr": "<attribute>"}"#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<StrValue, E> {
                Ok(StrValue::Literal(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<StrValue, E> {
                Ok(StrValue::Literal(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<StrValue, A::Error> {
                Reference::deserialize(de::value::MapAccessDeserializer::new(map)).map(StrValue::Ref)
            }
        }
        d.deserialize_any(V)
    }
}

/// The value of a `TerraformOutput`: a reference, a literal, or a list or map of them.
///
/// JSON: a string, a number (see [`JsNumber`]), a boolean, an array of values, a reference object
/// (`{"ref": "web", "attr": "public_ip"}`) or a map written `{"map": {"key": value, ...}}`
/// (the map keeps the order the learner wrote; synth sorts it as cdktf does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputValue {
    /// `value=inst.public_ip`
    Ref(Reference),
    /// `value="text"`
    Str(String),
    /// `value=3`, `value=1.5`: a number as JavaScript holds it (cdktf writes `1e+22` for
    /// `10**22`, `0` for `-0.0`).
    Number(JsNumber),
    /// `value=True`
    Bool(bool),
    /// `value=[...]`
    List(Vec<OutputValue>),
    /// `value={"a": ..., "b": ...}`
    Map(IndexMap<String, OutputValue>),
}

impl OutputValue {
    /// Every reference inside this value, depth first, in the order written.
    pub fn references(&self) -> Vec<&Reference> {
        let mut out = Vec::new();
        self.collect_references(&mut out);
        out
    }

    /// Calls `f` on every reference inside this value, to change it in place.
    pub fn for_each_reference_mut(&mut self, f: &mut impl FnMut(&mut Reference)) {
        match self {
            OutputValue::Ref(r) => f(r),
            OutputValue::List(items) => items.iter_mut().for_each(|v| v.for_each_reference_mut(f)),
            OutputValue::Map(m) => m.values_mut().for_each(|v| v.for_each_reference_mut(f)),
            OutputValue::Str(_) | OutputValue::Number(_) | OutputValue::Bool(_) => {}
        }
    }

    fn collect_references<'a>(&'a self, out: &mut Vec<&'a Reference>) {
        match self {
            OutputValue::Ref(r) => out.push(r),
            OutputValue::List(items) => items.iter().for_each(|v| v.collect_references(out)),
            OutputValue::Map(m) => m.values().for_each(|v| v.collect_references(out)),
            OutputValue::Str(_) | OutputValue::Number(_) | OutputValue::Bool(_) => {}
        }
    }
}

impl Serialize for OutputValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            OutputValue::Ref(r) => r.serialize(s),
            OutputValue::Str(v) => s.serialize_str(v),
            OutputValue::Number(n) => n.serialize(s),
            OutputValue::Bool(b) => s.serialize_bool(*b),
            OutputValue::List(items) => items.serialize(s),
            OutputValue::Map(m) => {
                let mut map = s.serialize_map(Some(1))?;
                map.serialize_entry("map", m)?;
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for OutputValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OutputValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    r#"a string, a number, a boolean, a list, a reference {"ref": ..., "attr": ...} or a map {"map": {...}}"#,
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OutputValue, E> {
                Ok(OutputValue::Str(v.to_owned()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<OutputValue, E> {
                Ok(OutputValue::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<OutputValue, E> {
                crate::number::NumberVisitor.visit_i64(v).map(OutputValue::Number)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<OutputValue, E> {
                crate::number::NumberVisitor.visit_u64(v).map(OutputValue::Number)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<OutputValue, E> {
                crate::number::NumberVisitor.visit_f64(v).map(OutputValue::Number)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OutputValue, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(OutputValue::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OutputValue, A::Error> {
                let mut resource: Option<String> = None;
                let mut attr: Option<String> = None;
                let mut entries: Option<IndexMap<String, OutputValue>> = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "ref" if resource.is_none() => resource = Some(map.next_value()?),
                        "attr" if attr.is_none() => attr = Some(map.next_value()?),
                        "map" if entries.is_none() => entries = Some(map.next_value()?),
                        "ref" | "attr" | "map" => return Err(de::Error::duplicate_field("ref")),
                        other => {
                            return Err(de::Error::unknown_field(other, &["ref", "attr", "map"]));
                        }
                    }
                }
                match (resource, attr, entries) {
                    (Some(resource), Some(attr), None) => Ok(OutputValue::Ref(Reference { resource, attr })),
                    (None, None, Some(m)) => Ok(OutputValue::Map(m)),
                    (Some(_), None, None) => Err(de::Error::missing_field("attr")),
                    (None, Some(_), None) => Err(de::Error::missing_field("ref")),
                    (None, None, None) => Err(de::Error::custom(
                        r#"an empty object: write a reference {"ref": ..., "attr": ...} or a map {"map": {...}}"#,
                    )),
                    _ => Err(de::Error::custom(
                        r#"an object holds either "ref"/"attr" or "map", not both"#,
                    )),
                }
            }
        }
        d.deserialize_any(V)
    }
}
