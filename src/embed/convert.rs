//! JS values in and out. What the API returns or emits is written from
//! derived `Serialize` types through serde-wasm-bindgen. The API's
//! arguments are read into derived `Deserialize` types whose fields are
//! JSON-like [`Value`]s (so a wrong type is reported as "expected X, but
//! found Y" by the one place that validates it), from the JS value taken
//! as a [`Value`] (see [`value_of`]).
//!
//! # Why not serde-wasm-bindgen's deserializer?
//!
//! Its errors are built eagerly with serde's "invalid type" wording, which
//! formats floats: that linked `f64`'s `Display` (14 KB of wasm) for
//! messages the widget never shows. [`Value`] deserializes with an error
//! that keeps no message ([`Unreadable`]), so nothing is formatted.
//!
//! Bulk event data does not come this way: 100,000 events cost about
//! 0.5 s as JS values, and a few ms as JSON text (see `pieces.rs`).

use crate::core::json::Value;
use js_sys::{Array, Object};
use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{
    self, Deserialize, DeserializeOwned, Deserializer, IntoDeserializer, MapAccess, SeqAccess,
    Visitor,
};
use serde::Serialize;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// Reads `value` into `T`; `None` when it cannot be read as one (the
/// caller words the error: it knows what it expected).
pub fn from_js<T: DeserializeOwned>(value: &JsValue) -> Option<T> {
    T::deserialize(value_of(value)).ok()
}

/// A JS value as JSON would hold it: `undefined` and what JSON cannot
/// hold (functions, symbols, BigInts) are `null`, as `JSON.stringify`
/// leaves them out.
pub fn value_of(value: &JsValue) -> Value {
    if let Some(text) = value.as_string() {
        Value::String(text)
    } else if let Some(n) = value.as_f64() {
        Value::Number(n)
    } else if let Some(b) = value.as_bool() {
        Value::Bool(b)
    } else if let Some(items) = value.dyn_ref::<Array>() {
        Value::Array(items.iter().map(|item| value_of(&item)).collect())
    } else if value.is_object() && !value.is_function() {
        let members = Object::entries(value.unchecked_ref())
            .iter()
            .filter_map(|entry| {
                let entry: Array = entry.unchecked_into();
                Some((entry.get(0).as_string()?, value_of(&entry.get(1))))
            })
            .collect();
        Value::Object(members)
    } else {
        Value::Null
    }
}

/// Writes `value` as a JS value; absent options become `null`, as the
/// API's shapes promise (`getFilter()` gives `{query: null, …}`).
pub fn to_js<T: Serialize>(value: &T) -> JsValue {
    let writer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value.serialize(&writer).unwrap_or(JsValue::NULL)
}

/// What kind of JS value `value` is, worded for "but found …".
pub fn kind_of(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_undefined() {
        "undefined"
    } else if value.is_string() {
        "a string"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.is_bigint() {
        "a BigInt"
    } else if value.is_function() {
        "a function"
    } else if value.dyn_ref::<js_sys::Array>().is_some() {
        "an array"
    } else {
        "an object"
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(reader: D) -> Result<Value, D::Error> {
        reader.deserialize_any(ValueVisitor)
    }
}

/// Builds a [`Value`] from whatever JS value comes.
struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value JSON can hold")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Number(n))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, reader: D) -> Result<Value, D::Error> {
        Value::deserialize(reader)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = items.next_element()? {
            out.push(item);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(member) = members.next_entry()? {
            out.push(member);
        }
        Ok(Value::Object(out))
    }
}

/// A [`Value`] that does not fit the type asked for; the caller says what
/// it expected (nothing is formatted here).
#[derive(Debug)]
pub struct Unreadable;

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unreadable value")
    }
}

impl std::error::Error for Unreadable {}

impl de::Error for Unreadable {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unreadable
    }
}

impl<'de> Deserializer<'de> for Value {
    type Error = Unreadable;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
        match self {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => visitor.visit_f64(n),
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => visitor.visit_seq(SeqDeserializer::new(items.into_iter())),
            Value::Object(members) => visitor.visit_map(MapDeserializer::new(members.into_iter())),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
        match self {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl IntoDeserializer<'_, Unreadable> for Value {
    type Deserializer = Value;

    fn into_deserializer(self) -> Value {
        self
    }
}
