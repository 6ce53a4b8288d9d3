//! Reads `mount`'s options object (the loader has already turned
//! `data-*` attributes into this object and resolved `lang`), refusing a
//! wrong type with a message that names the option.

use super::convert::{from_js, kind_of};
use crate::core::json::Value;
use crate::core::lanes::LaneMode;
use crate::core::model::Problem;
use crate::core::scale::DEFAULT_MIN_SPAN_MS;
use crate::core::zone::TimeZone;
use crate::ui::color_scheme::Theme;
use crate::ui::intl;
use crate::ui::{Layout, ViewOptions};
use serde::Deserialize;
use std::fmt;
use wasm_bindgen::JsValue;

/// The widget's default height in CSS pixels (the contract's 420).
const DEFAULT_HEIGHT: f64 = 420.0;

/// The options object as it comes; each field is checked in
/// [`Options::read`].
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct OptionsArgument {
    height: Option<Value>,
    min_span: Option<Value>,
    lang: Option<Value>,
    title: Option<Value>,
    debug: Option<Value>,
    theme: Option<Value>,
    layout: Option<Value>,
    time_zone: Option<Value>,
    lanes: Option<Value>,
}

/// Validated mount options.
pub struct Options {
    /// What the view needs.
    pub view: ViewOptions,
    /// The narrowest window reader zooming allows, in ms.
    pub min_span_ms: f64,
    /// The zone of the axis and of every time shown.
    pub time_zone: TimeZone,
    /// Whether groups get lanes.
    pub lanes: LaneMode,
    /// Options with a value the widget does not know, each with the
    /// default it took instead: warnings at `options.<name>` (a page's
    /// typo never keeps its timeline from showing).
    pub notices: Vec<Problem>,
}

/// An option `mount` refuses; `Display` words it for the JS `Error`.
#[derive(Debug)]
pub enum OptionsProblem {
    NotAnObject(&'static str),
    Height,
    MinSpan,
    Title,
    Debug,
    Theme,
}

impl fmt::Display for OptionsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("options")?;
        f.write_str(match self {
            OptionsProblem::NotAnObject(found) => {
                return write!(f, ": expected an object, but found {found}")
            }
            OptionsProblem::Height => ".height: expected a positive number of pixels, such as 420",
            OptionsProblem::MinSpan => {
                ".minSpan: expected a number of milliseconds of at least 1, such as 3600000"
            }
            OptionsProblem::Title => ".title: expected a string",
            OptionsProblem::Debug => ".debug: expected true or false",
            OptionsProblem::Theme => r#".theme: expected "auto", "light" or "dark""#,
        })
    }
}

impl std::error::Error for OptionsProblem {}

/// An option whose value the widget does not know: a warning at
/// `options.<name>`, and the default is used.
#[derive(Debug, Clone, Copy)]
enum Notice {
    Layout,
    TimeZone,
    Lanes,
}

impl Notice {
    /// The warning for `found`.
    fn at(self, found: &Value) -> Problem {
        let (path, expected) = match self {
            Notice::Layout => (
                "options.layout",
                r#"expected "auto", "timeline" or "list", but found "#,
            ),
            Notice::Lanes => (
                "options.lanes",
                r#"expected "auto", "group" or "none", but found "#,
            ),
            Notice::TimeZone => (
                "options.timeZone",
                r#"expected "auto", "UTC", "reader" or a time zone name such as "America/New_York", but found "#,
            ),
        };
        let found = match found {
            Value::String(s) => ["\"", s, "\""].concat(),
            other => other.kind_name().to_owned(),
        };
        Problem {
            path: path.to_owned(),
            message: [expected, &found, r#"; "auto" is used"#].concat(),
        }
    }
}

/// `value` unless it is absent (`undefined` or `null`).
fn given(value: Option<Value>) -> Option<Value> {
    value.filter(|v| *v != Value::Null)
}

/// A number `valid` accepts, or `problem`.
fn number(
    value: Option<Value>,
    valid: fn(f64) -> bool,
    problem: OptionsProblem,
) -> Result<Option<f64>, OptionsProblem> {
    match given(value) {
        None => Ok(None),
        Some(Value::Number(n)) if valid(n) => Ok(Some(n)),
        Some(_) => Err(problem),
    }
}

impl Options {
    /// The options `value` asks for; `undefined` or `null` for all the
    /// defaults.
    pub fn read(value: JsValue) -> Result<Options, OptionsProblem> {
        let argument: OptionsArgument = if value.is_undefined() || value.is_null() {
            OptionsArgument::default()
        } else {
            let found = kind_of(&value);
            if found != "an object" {
                return Err(OptionsProblem::NotAnObject(found));
            }
            from_js(&value).ok_or(OptionsProblem::NotAnObject(found))?
        };
        let height = number(
            argument.height,
            |h| h.is_finite() && h > 0.0,
            OptionsProblem::Height,
        )?;
        let min_span_ms = number(
            argument.min_span,
            |ms| ms.is_finite() && ms >= 1.0,
            OptionsProblem::MinSpan,
        )?;
        let title = match given(argument.title) {
            None => None,
            Some(Value::String(title)) => Some(title),
            Some(_) => return Err(OptionsProblem::Title),
        };
        let debug = match given(argument.debug) {
            None => false,
            Some(Value::Bool(debug)) => debug,
            Some(_) => return Err(OptionsProblem::Debug),
        };
        let theme = match given(argument.theme) {
            None => Theme::Auto,
            Some(v) => v
                .as_str()
                .and_then(Theme::parse)
                .ok_or(OptionsProblem::Theme)?,
        };
        let mut notices = Vec::new();
        let layout = match given(argument.layout) {
            None => Layout::Auto,
            Some(value) => value.as_str().and_then(Layout::parse).unwrap_or_else(|| {
                notices.push(Notice::Layout.at(&value));
                Layout::Auto
            }),
        };
        let lanes = match given(argument.lanes) {
            None => LaneMode::Auto,
            Some(value) => value.as_str().and_then(LaneMode::parse).unwrap_or_else(|| {
                notices.push(Notice::Lanes.at(&value));
                LaneMode::Auto
            }),
        };
        let lang = match given(argument.lang) {
            Some(Value::String(lang)) => lang,
            _ => "en".to_owned(),
        };
        let (time_zone, zone_name) = read_time_zone(given(argument.time_zone), &mut notices);
        Ok(Options {
            view: ViewOptions {
                title,
                debug,
                lang,
                dir: None,
                height: height.unwrap_or(DEFAULT_HEIGHT),
                theme,
                layout,
                zone_name,
            },
            min_span_ms: min_span_ms.unwrap_or(DEFAULT_MIN_SPAN_MS),
            time_zone,
            lanes,
            notices,
        })
    }
}

/// The `timeZone` option: "auto" (also when absent), "UTC", "reader" or
/// an IANA name Intl knows, with the name of a zone whose offsets vary;
/// anything else is a warning at `options.timeZone`, and "auto".
fn read_time_zone(value: Option<Value>, notices: &mut Vec<Problem>) -> (TimeZone, Option<String>) {
    let named = match &value {
        None => return (TimeZone::Auto, None),
        Some(Value::String(name)) => match name.as_str() {
            "auto" => return (TimeZone::Auto, None),
            utc if utc.eq_ignore_ascii_case("UTC") => return (TimeZone::Fixed(0), None),
            "reader" => intl::time_zone(None),
            name => intl::time_zone(Some(name)),
        },
        Some(_) => None,
    };
    if let Some((zone, name)) = named {
        let varying = matches!(zone, TimeZone::Varying(_));
        return (zone, varying.then_some(name));
    }
    if let Some(value) = value {
        notices.push(Notice::TimeZone.at(&value));
    }
    (TimeZone::Auto, None)
}
