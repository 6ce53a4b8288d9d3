//! Reads `mount`'s options object, refusing wrong types with a message that
//! names the option (the loader has already turned `data-*` attributes into
//! this object and resolved `lang`).

use crate::ui::color_scheme::Theme;
use crate::ui::ViewOptions;
use js_sys::Reflect;
use wasm_bindgen::{JsError, JsValue};

/// The widget's default height in CSS pixels (the contract's 420).
const DEFAULT_HEIGHT: f64 = 420.0;

/// The narrowest window reader zooming allows by default: an hour.
const DEFAULT_MIN_SPAN_MS: f64 = 3_600_000.0;

/// Validated mount options.
pub struct Options {
    /// What the view needs.
    pub view: ViewOptions,
    /// The narrowest window reader zooming allows, in ms.
    pub min_span_ms: f64,
}

impl Options {
    pub fn read(value: &JsValue) -> Result<Options, JsError> {
        if !(value.is_undefined() || value.is_null() || value.is_object()) {
            return Err(JsError::new("options: expected an object"));
        }
        let get = |key: &str| -> JsValue {
            if value.is_object() {
                Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
            } else {
                JsValue::UNDEFINED
            }
        };
        let absent = |v: &JsValue| v.is_undefined() || v.is_null();
        let height = match get("height") {
            v if absent(&v) => DEFAULT_HEIGHT,
            v => match v.as_f64() {
                Some(h) if h.is_finite() && h > 0.0 => h,
                _ => {
                    return Err(JsError::new(
                        "options.height: expected a positive number of pixels, such as 420",
                    ))
                }
            },
        };
        let min_span_ms = match get("minSpan") {
            v if absent(&v) => DEFAULT_MIN_SPAN_MS,
            v => match v.as_f64() {
                Some(ms) if ms.is_finite() && ms >= 1.0 => ms,
                _ => {
                    return Err(JsError::new(
                        "options.minSpan: expected a number of milliseconds of at least 1, such as 3600000",
                    ))
                }
            },
        };
        let lang = get("lang").as_string().unwrap_or_else(|| "en".to_owned());
        let title = match get("title") {
            v if absent(&v) => None,
            v => Some(
                v.as_string()
                    .ok_or_else(|| JsError::new("options.title: expected a string"))?,
            ),
        };
        let debug = match get("debug") {
            v if absent(&v) => false,
            v => v
                .as_bool()
                .ok_or_else(|| JsError::new("options.debug: expected true or false"))?,
        };
        let theme = match get("theme") {
            v if absent(&v) => Theme::Auto,
            v => v
                .as_string()
                .as_deref()
                .and_then(Theme::parse)
                .ok_or_else(|| {
                    JsError::new(r#"options.theme: expected "auto", "light" or "dark""#)
                })?,
        };
        Ok(Options {
            view: ViewOptions {
                title,
                debug,
                lang,
                dir: None,
                height,
                theme,
            },
            min_span_ms,
        })
    }
}
