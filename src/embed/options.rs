//! Reads `mount`'s options object (the loader has already turned
//! `data-*` attributes into this object and resolved `lang`), refusing a
//! wrong type with a message that names the option. The live-data and
//! opening-view options never refuse: a value they cannot use is a
//! warning at `options.<name>`, and the default is used.

use super::convert::{kind_of, value_of};
use crate::core::json::Value;
use crate::core::lanes::LaneMode;
use crate::core::model::Problem;
use crate::core::scale::DEFAULT_MIN_SPAN_MS;
use crate::core::window::{Opening, StartAt};
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
}

/// The fewest seconds between two refreshes (the loader agrees).
const MIN_REFRESH_S: f64 = 15.0;

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
    /// Whether the window follows later events (`follow`).
    pub follow: bool,
    /// The view to open on (`start`, `end`, `startAt`).
    pub opening: Opening,
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

/// An option whose value the widget cannot use: a warning at
/// `options.<name>` saying what was expected and found, ending with what
/// the widget does instead.
#[derive(Debug, Clone, Copy)]
enum Notice {
    Layout,
    TimeZone,
    Lanes,
    Refresh,
    Follow,
    ShowNow,
    Start,
    End,
    StartAt,
}

impl Notice {
    /// The warning for `found` (see [`found`]).
    fn at(self, found: &str) -> Problem {
        const A_DATE: &str = "a date string such as \"2019-05-05\"";
        const AUTO: &str = "\"auto\" is used";
        let (name, expected, instead) = match self {
            Notice::Layout => ("layout", r#""auto", "timeline" or "list""#, AUTO),
            Notice::TimeZone => (
                "timeZone",
                r#""auto", "UTC", "reader" or a time zone name such as "America/New_York""#,
                AUTO,
            ),
            Notice::Lanes => ("lanes", r#""auto", "group" or "none""#, AUTO),
            Notice::Refresh => (
                "refresh",
                "a number of seconds of at least 15, such as 60",
                "the data is not refreshed",
            ),
            Notice::Follow => ("follow", "true or false", "the window does not follow"),
            Notice::ShowNow => ("showNow", "true or false", "the line is shown"),
            Notice::Start => ("start", A_DATE, "it is ignored"),
            Notice::End => ("end", A_DATE, "it is ignored"),
            Notice::StartAt => (
                "startAt",
                r#""fit", "first", "last", "now" or the id of an event"#,
                "the timeline opens fitted",
            ),
        };
        Problem {
            path: ["options.", name].concat(),
            message: [
                "expected ",
                expected,
                ", but found ",
                found,
                " (",
                instead,
                ")",
            ]
            .concat(),
        }
    }
}

/// A found value as a warning names it: a string quoted, anything else
/// by its kind ("a number").
fn found(value: &Value) -> String {
    match value {
        Value::String(s) => ["\"", s, "\""].concat(),
        other => other.kind_name().to_owned(),
    }
}

/// A boolean option: `default` when absent, a warning when not a boolean.
fn flag(value: Option<Value>, default: bool, notice: Notice, notices: &mut Vec<Problem>) -> bool {
    match given(value) {
        None => default,
        Some(Value::Bool(b)) => b,
        Some(other) => {
            notices.push(notice.at(other.kind_name()));
            default
        }
    }
}

/// A date option's text; a warning when it is not a string.
fn date_text(value: Option<Value>, notice: Notice, notices: &mut Vec<Problem>) -> Option<String> {
    match given(value)? {
        Value::String(text) => Some(text),
        other => {
            notices.push(notice.at(other.kind_name()));
            None
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
        let whole = if value.is_undefined() || value.is_null() {
            Value::Null
        } else {
            let found = kind_of(&value);
            if found != "an object" {
                return Err(OptionsProblem::NotAnObject(found));
            }
            value_of(&value)
        };
        // The options added since are taken out by name (each field of
        // the derived struct costs about half a KB of wasm), and the rest
        // is read into it.
        let mut members = match whole {
            Value::Object(members) => members,
            _ => Vec::new(),
        };
        let mut option = |name: &str| {
            let at = members.iter().position(|(key, _)| key == name)?;
            Some(members.swap_remove(at).1)
        };
        let mut notices = Vec::new();
        // Only the loader refreshes (it has the URL); the value is checked
        // here, with the other options, by the same rule.
        match given(option("refresh")) {
            None => {}
            Some(Value::Number(s)) if s.is_finite() && s >= MIN_REFRESH_S => {}
            Some(Value::Number(_)) => notices.push(Notice::Refresh.at("a number below 15")),
            Some(other) => notices.push(Notice::Refresh.at(other.kind_name())),
        }
        let follow = flag(option("follow"), false, Notice::Follow, &mut notices);
        let show_now = flag(option("showNow"), true, Notice::ShowNow, &mut notices);
        let start = date_text(option("start"), Notice::Start, &mut notices);
        let end = date_text(option("end"), Notice::End, &mut notices);
        let start_at = match given(option("startAt")) {
            None => StartAt::Fit,
            Some(Value::String(at)) => StartAt::parse(&at),
            Some(other) => {
                notices.push(Notice::StartAt.at(other.kind_name()));
                StartAt::Fit
            }
        };
        let layout = match given(option("layout")) {
            None => Layout::Auto,
            Some(value) => value.as_str().and_then(Layout::parse).unwrap_or_else(|| {
                notices.push(Notice::Layout.at(&found(&value)));
                Layout::Auto
            }),
        };
        let lanes = match given(option("lanes")) {
            None => LaneMode::Auto,
            Some(value) => value.as_str().and_then(LaneMode::parse).unwrap_or_else(|| {
                notices.push(Notice::Lanes.at(&found(&value)));
                LaneMode::Auto
            }),
        };
        let (time_zone, zone_name) = read_time_zone(given(option("timeZone")), &mut notices);
        let argument = if members.is_empty() {
            OptionsArgument::default()
        } else {
            OptionsArgument::deserialize(Value::Object(members))
                .map_err(|_| OptionsProblem::NotAnObject("an object"))?
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
        let lang = match given(argument.lang) {
            Some(Value::String(lang)) => lang,
            _ => "en".to_owned(),
        };
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
                show_now,
            },
            min_span_ms: min_span_ms.unwrap_or(DEFAULT_MIN_SPAN_MS),
            time_zone,
            lanes,
            follow,
            opening: Opening {
                start,
                end,
                start_at,
            },
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
        notices.push(Notice::TimeZone.at(&found(&value)));
    }
    (TimeZone::Auto, None)
}
