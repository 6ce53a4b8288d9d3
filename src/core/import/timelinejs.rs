//! Reads TimelineJS3 documents, so newsrooms can bring the timelines they
//! already have.
//!
//! # Overview
//!
//! - [`looks_like_timelinejs`]: the detection [`super::parse::parse_value`]
//!   uses to send a document here.
//! - [`parse_timelinejs`]: a TimelineJS3 JSON document → [`Parsed`], with
//!   problems at paths in TimelineJS3's own names
//!   (`events[3].start_date.month`).
//!
//! # Example
//!
//! ```
//! # fn main() -> Result<(), news_timeline::core::parse::DataError> {
//! let parsed = news_timeline::core::parse::parse_document(
//!     r#"{"title": {"text": {"headline": "<b>Rome</b>"}},
//!         "events": [{"start_date": {"year": -44, "month": 3, "day": 15},
//!                     "text": {"headline": "Caesar is killed"}}]}"#,
//! )?;
//! assert_eq!(parsed.timeline.title.as_deref(), Some("Rome"));
//! // TimelineJS3's year -44 is 44 BC: astronomical year -43.
//! assert_eq!(parsed.timeline.events[0].start.to_string(), "-000043-03-15");
//! # Ok(())
//! # }
//! ```
//!
//! # What maps to what?
//!
//! `unique_id` → id, `text.headline` → title (HTML converted to text),
//! `text.text` → text, `group` → one tag, `media` {url, caption, credit,
//! thumbnail, alt} → media, `display_date` → the date label (else
//! `start_date.display_date`, joined with `end_date.display_date` by " – "),
//! `start_date`/`end_date` {year, month?, day?, hour?, minute?, second?,
//! millisecond?} → dates at the precision given. Numbers may be JSON numbers
//! or numeric strings (spaces and thousands commas are ignored, as in
//! TimelineJS3's spreadsheets). TimelineJS3 has no year 0 and shows year -44
//! as 44 BC, so negative years become astronomical `year + 1` (0 is read as
//! 1 BC too); cosmological years beyond -271,822 are kept as written (year
//! precision only, where one year more or less is not seen). The title slide becomes the timeline's title and `eras` its
//! shaded bands; neither is an event.
//!
//! Out of scope: `background`, `type`, `autolink`, `scale`, `format` and
//! embed code (`<iframe>`, `<blockquote>`) as media, which is dropped with a
//! warning.

use super::date::{days_in_month, PartialDate, MAX_CALENDAR_YEAR};
use super::json::Value;
use super::model::text_content;
use super::parse::{
    events_array, non_blank, Builder, DataError, Draft, Parsed, WrongType, END_IGNORED,
    ERA_SKIPPED, EVENT_SKIPPED,
};

/// Whether an object is a TimelineJS3 document rather than the contract's
/// shape: its first object in `events` has a `start_date` (and no `start`),
/// or its `title` is an object with `text` or `media`, or it has `eras`.
pub fn looks_like_timelinejs(value: &Value) -> bool {
    if !matches!(value, Value::Object(_)) {
        return false;
    }
    if value.get("eras").is_some_and(|eras| *eras != Value::Null) {
        return true;
    }
    if let Some(title @ Value::Object(_)) = value.get("title") {
        if title.get("text").is_some() || title.get("media").is_some() {
            return true;
        }
    }
    let first = value
        .get("events")
        .and_then(Value::as_array)
        .and_then(|events| events.iter().find(|e| matches!(e, Value::Object(_))));
    first.is_some_and(|e| e.get("start_date").is_some() && e.get("start").is_none())
}

/// Reads a TimelineJS3 document. Like the contract's shape, it is rejected
/// only when `events` is missing or not an array; everything else is skipped
/// or repaired with a problem.
pub fn parse_timelinejs(value: &Value) -> Result<Parsed, DataError> {
    let events = events_array(value)?;
    let mut b = Builder::default();
    b.timeline.title = title_slide(&mut b, value.get("title"));
    for (index, item) in events.iter().enumerate() {
        if let Some(draft) = event(&mut b, &format!("events[{index}]"), item) {
            b.push_event(draft);
        }
    }
    match value.get("eras") {
        None | Some(Value::Null) => {}
        Some(Value::Array(eras)) => {
            for (index, item) in eras.iter().enumerate() {
                era(&mut b, &format!("eras[{index}]"), item);
            }
        }
        Some(other) => b.problem(
            "eras".into(),
            format!(
                "expected an array of eras, but found {} (the eras are ignored)",
                other.kind_name()
            ),
        ),
    }
    Ok(b.finish())
}

/// The title slide's headline as plain text (a plain string is accepted too).
fn title_slide(b: &mut Builder, value: Option<&Value>) -> Option<String> {
    const IGNORED: &str = "the title is ignored";
    let slide = match value {
        None | Some(Value::Null) => return None,
        Some(Value::String(s)) => return plain(s),
        Some(slide @ Value::Object(_)) => slide,
        Some(other) => {
            b.problem(
                "title".into(),
                format!(
                    "expected an object such as {{\"text\": {{\"headline\": \"…\"}}}}, but found {} ({IGNORED})",
                    other.kind_name()
                ),
            );
            return None;
        }
    };
    let (headline, _) = slide_text(b, "title", slide.get("text"), IGNORED).ok()?;
    headline.as_deref().and_then(plain)
}

/// Headline HTML as trimmed plain text; `None` when nothing is left.
fn plain(html: &str) -> Option<String> {
    Some(text_content(html)).filter(|t| !t.is_empty())
}

/// A slide's `text` object: (headline, text), both optional.
fn slide_text(
    b: &mut Builder,
    path: &str,
    value: Option<&Value>,
    outcome: &str,
) -> Result<(Option<String>, Option<String>), WrongType> {
    match value {
        None | Some(Value::Null) => Ok((None, None)),
        Some(text @ Value::Object(_)) => {
            let headline = b.string_at(
                format!("{path}.text.headline"),
                text.get("headline"),
                outcome,
            )?;
            let body = b.string_at(format!("{path}.text.text"), text.get("text"), outcome)?;
            Ok((headline, body))
        }
        Some(other) => {
            b.problem(
                format!("{path}.text"),
                format!(
                    "expected an object such as {{\"headline\": \"…\", \"text\": \"…\"}}, but found {} ({outcome})",
                    other.kind_name()
                ),
            );
            Err(WrongType)
        }
    }
}

fn event(b: &mut Builder, path: &str, item: &Value) -> Option<Draft> {
    if !matches!(item, Value::Object(_)) {
        b.problem(
            path.to_owned(),
            format!("expected an event object, but found {}", item.kind_name()),
        );
        return None;
    }
    let (start, start_label) = required_date(
        b,
        &format!("{path}.start_date"),
        item.get("start_date"),
        "every event needs a start_date such as {\"year\": 2019}",
        EVENT_SKIPPED,
    )?;
    let (headline, text) = slide_text(b, path, item.get("text"), EVENT_SKIPPED).ok()?;
    let group = b
        .string_at(format!("{path}.group"), item.get("group"), EVENT_SKIPPED)
        .ok()?;
    let id = b
        .string_at(
            format!("{path}.unique_id"),
            item.get("unique_id"),
            EVENT_SKIPPED,
        )
        .ok()?;
    let display_date = b
        .string_at(
            format!("{path}.display_date"),
            item.get("display_date"),
            EVENT_SKIPPED,
        )
        .ok()?;
    let media = b.media(path, item.get("media"), true).ok()?;
    let end_path = format!("{path}.end_date");
    let (end, end_label) = match date_object(b, &end_path, item.get("end_date"), END_IGNORED) {
        Ok(Some((end, label))) => (b.end_after(end_path, &start, end, END_IGNORED), label),
        Ok(None) | Err(WrongType) => (None, None),
    };
    let display_date = non_blank(display_date).or_else(|| match (start_label, end_label) {
        (Some(s), Some(e)) if end.is_some() => Some(format!("{s} – {e}")),
        (start_label, _) => start_label,
    });
    Some(Draft {
        start,
        end,
        title: headline.map(|h| text_content(&h)),
        title_path: format!("{path}.text.headline"),
        title_name: "headline",
        id,
        id_path: format!("{path}.unique_id"),
        text: non_blank(text),
        tags: non_blank(group)
            .map(|g| g.trim().to_owned())
            .into_iter()
            .collect(),
        importance: 2,
        media,
        source: None,
        display_date,
    })
}

fn era(b: &mut Builder, path: &str, item: &Value) {
    if !matches!(item, Value::Object(_)) {
        b.problem(
            path.to_owned(),
            format!(
                "expected an era object, but found {} ({ERA_SKIPPED})",
                item.kind_name()
            ),
        );
        return;
    }
    let Some((start, _)) = required_date(
        b,
        &format!("{path}.start_date"),
        item.get("start_date"),
        "every era needs a start_date such as {\"year\": 1939}",
        ERA_SKIPPED,
    ) else {
        return;
    };
    let Some((end, _)) = required_date(
        b,
        &format!("{path}.end_date"),
        item.get("end_date"),
        "every era needs an end_date such as {\"year\": 1945}",
        ERA_SKIPPED,
    ) else {
        return;
    };
    let Ok((headline, _)) = slide_text(b, path, item.get("text"), ERA_SKIPPED) else {
        return;
    };
    let label = headline.as_deref().and_then(plain).unwrap_or_default();
    b.push_era(format!("{path}.end_date"), start, end, label);
}

/// A date that must be there: a missing one is reported at `path` (or at
/// `path.year` for an object without a year) with `missing`.
fn required_date(
    b: &mut Builder,
    path: &str,
    value: Option<&Value>,
    missing: &str,
    outcome: &str,
) -> Option<(PartialDate, Option<String>)> {
    match date_object(b, path, value, outcome) {
        Ok(Some(date)) => Some(date),
        Ok(None) => {
            let at = match value {
                Some(Value::Object(_)) => format!("{path}.year"),
                _ => path.to_owned(),
            };
            b.problem(at, format!("missing: {missing} ({outcome})"));
            None
        }
        Err(WrongType) => None,
    }
}

/// A TimelineJS3 date object and its own `display_date`; `Ok(None)` when
/// absent or without any date field.
fn date_object(
    b: &mut Builder,
    path: &str,
    value: Option<&Value>,
    outcome: &str,
) -> Result<Option<(PartialDate, Option<String>)>, WrongType> {
    let object = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(object @ Value::Object(_)) => object,
        Some(other) => {
            b.problem(
                path.to_owned(),
                format!(
                    "expected an object such as {{\"year\": 2019, \"month\": 5}}, but found {} ({outcome})",
                    other.kind_name()
                ),
            );
            return Err(WrongType);
        }
    };
    let part = |key: &str| Part {
        raw: Raw::of(object.get(key)),
        path: format!("{path}.{key}"),
    };
    let parts = DateParts {
        year: part("year"),
        month: part("month"),
        day: part("day"),
        hour: part("hour"),
        minute: part("minute"),
        second: part("second"),
        millisecond: part("millisecond"),
    };
    let Some(date) = read_date(b, &parts, outcome)? else {
        return Ok(None);
    };
    let label = b.string_at(
        format!("{path}.display_date"),
        object.get("display_date"),
        outcome,
    )?;
    Ok(Some((date, non_blank(label))))
}

/// One date field as found in the input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Raw<'a> {
    /// Not given (or `null`).
    Absent,
    /// A JSON number (or one read from text by an importer).
    Number(f64),
    /// A string, read as a whole number.
    Text(&'a str),
    /// Anything else: its kind, for the message ("an object").
    Wrong(&'static str),
}

impl<'a> Raw<'a> {
    fn of(value: Option<&'a Value>) -> Self {
        match value {
            None | Some(Value::Null) => Raw::Absent,
            Some(Value::Number(n)) => Raw::Number(*n),
            Some(Value::String(s)) => Raw::Text(s),
            Some(other) => Raw::Wrong(other.kind_name()),
        }
    }

    /// The whole number given; `Ok(None)` when absent or blank, `Err` with
    /// what was found otherwise ("a fraction", "\"May\"").
    fn integer(&self) -> Result<Option<i64>, String> {
        /// Beyond this, years lose precision in f64 and in ISO text.
        const LIMIT: f64 = 1e15;
        match *self {
            Raw::Absent => Ok(None),
            Raw::Wrong(kind) => Err(kind.to_owned()),
            Raw::Number(n) if !n.is_finite() || n.abs() >= LIMIT => {
                Err("a number out of range".to_owned())
            }
            Raw::Number(n) if n.fract() != 0.0 => Err("a fraction".to_owned()),
            Raw::Number(n) => Ok(Some(n as i64)),
            Raw::Text(text) => {
                let cleaned: String = text
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != ',')
                    .collect();
                if cleaned.is_empty() {
                    return Ok(None);
                }
                let (negative, digits) = match cleaned.strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
                };
                let valid =
                    (1..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
                if !valid {
                    return Err(quoted(text));
                }
                let value = digits
                    .bytes()
                    .fold(0i64, |acc, b| acc * 10 + i64::from(b - b'0'));
                Ok(Some(if negative { -value } else { value }))
            }
        }
    }

    fn is_absent(&self) -> bool {
        matches!(self.integer(), Ok(None))
    }
}

/// Text for a message: quoted, cut after 40 characters.
pub(crate) fn quoted(text: &str) -> String {
    let mut shown: String = text.chars().take(40).collect();
    if text.chars().nth(40).is_some() {
        shown.push('…');
    }
    format!("\"{shown}\"")
}

/// A date field and where it is in the input (`events[3].start_date.month`,
/// `rows[4].month`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Part<'a> {
    pub(crate) raw: Raw<'a>,
    pub(crate) path: String,
}

/// A date as separate numeric fields, TimelineJS3's model in JSON and CSV.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateParts<'a> {
    pub(crate) year: Part<'a>,
    pub(crate) month: Part<'a>,
    pub(crate) day: Part<'a>,
    pub(crate) hour: Part<'a>,
    pub(crate) minute: Part<'a>,
    pub(crate) second: Part<'a>,
    pub(crate) millisecond: Part<'a>,
}

/// Reads date fields into a [`PartialDate`] at the precision given:
/// `Ok(None)` when every field is absent; `Err` (reported with `outcome`)
/// when a field is not a whole number, is out of range (month 13, day 31 in
/// April) or the year is missing. Finer fields without the coarser ones
/// they need (a day without a month, a time without a day) and finer fields
/// of years beyond ±271,821 are ignored with a warning.
pub(crate) fn read_date(
    b: &mut Builder,
    parts: &DateParts<'_>,
    outcome: &str,
) -> Result<Option<PartialDate>, WrongType> {
    let finer = [
        &parts.month,
        &parts.day,
        &parts.hour,
        &parts.minute,
        &parts.second,
        &parts.millisecond,
    ];
    if parts.year.raw.is_absent() && finer.iter().all(|p| p.raw.is_absent()) {
        return Ok(None);
    }
    let year = match parts.year.raw.integer() {
        Ok(Some(year)) => year,
        Ok(None) => {
            b.problem(
                parts.year.path.clone(),
                format!("missing: a date needs a year ({outcome})"),
            );
            return Err(WrongType);
        }
        Err(found) => {
            b.problem(
                parts.year.path.clone(),
                format!("expected a year such as 2019 (or -44 for 44 BC), but found {found} ({outcome})"),
            );
            return Err(WrongType);
        }
    };
    // TimelineJS3 shows year -44 as 44 BC, which is astronomical -43;
    // cosmological years ("-13800000000") are kept as written.
    let year = if (-MAX_CALENDAR_YEAR - 1..0).contains(&year) {
        year + 1
    } else {
        year
    };
    let month = ranged(b, &parts.month, "a month", 1, 12, outcome)?;
    let max_day = month.map_or(31, |m| i64::from(days_in_month(year, m as u8)));
    let day = ranged(b, &parts.day, "a day", 1, max_day, outcome)?;
    let hour = ranged(b, &parts.hour, "an hour", 0, 23, outcome)?;
    let minute = ranged(b, &parts.minute, "a minute", 0, 59, outcome)?;
    let second = ranged(b, &parts.second, "a second", 0, 59, outcome)?;
    let millisecond = ranged(b, &parts.millisecond, "a millisecond", 0, 999, outcome)?;
    let first_given = |fields: &[&Part<'_>]| {
        fields
            .iter()
            .find(|p| !p.raw.is_absent())
            .map(|p| p.path.clone())
    };
    let year_only = PartialDate::from_year(year);
    if year.abs() > MAX_CALENDAR_YEAR {
        if let Some(path) = first_given(&finer) {
            b.problem(
                path,
                "years beyond ±271821 can only be given as a year (the month, day and time are ignored)".into(),
            );
        }
        return Ok(Some(year_only));
    }
    let time = [hour, minute, second, millisecond];
    let Some(month) = month else {
        if let Some(path) = first_given(finer.get(1..).unwrap_or_default()) {
            b.problem(
                path,
                "a day or time needs a month (the day and time are ignored)".into(),
            );
        }
        return Ok(Some(year_only));
    };
    let mut iso = format!("{}-{month:02}", iso_year(year));
    match day {
        None => {
            if let Some(path) = first_given(finer.get(2..).unwrap_or_default()) {
                b.problem(path, "a time needs a day (the time is ignored)".into());
            }
        }
        Some(day) => {
            iso.push_str(&format!("-{day:02}"));
            let [hour, minute, second, millisecond] = time;
            if time.iter().any(Option::is_some) {
                iso.push_str(&format!(
                    "T{:02}:{:02}",
                    hour.unwrap_or(0),
                    minute.unwrap_or(0)
                ));
                if second.is_some() || millisecond.is_some() {
                    iso.push_str(&format!(":{:02}", second.unwrap_or(0)));
                }
                if let Some(ms) = millisecond {
                    iso.push_str(&format!(".{ms:03}"));
                }
            }
        }
    }
    match PartialDate::parse(&iso) {
        Ok(date) => Ok(Some(date)),
        Err(e) => {
            // Not expected: every field was checked above.
            b.problem(parts.year.path.clone(), format!("{e} ({outcome})"));
            Err(WrongType)
        }
    }
}

/// An optional whole number within `lo..=hi`; anything else is reported.
fn ranged(
    b: &mut Builder,
    part: &Part<'_>,
    what: &str,
    lo: i64,
    hi: i64,
    outcome: &str,
) -> Result<Option<i64>, WrongType> {
    let found = match part.raw.integer() {
        Ok(None) => return Ok(None),
        Ok(Some(v)) if (lo..=hi).contains(&v) => return Ok(Some(v)),
        Ok(Some(v)) => v.to_string(),
        Err(found) => found,
    };
    b.problem(
        part.path.clone(),
        format!("expected {what} from {lo} to {hi}, but found {found} ({outcome})"),
    );
    Err(WrongType)
}

/// A year as ISO 8601 writes it (expanded beyond 0000–9999).
fn iso_year(year: i64) -> String {
    if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else {
        let sign = if year < 0 { '-' } else { '+' };
        format!("{sign}{:06}", year.unsigned_abs())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::json;
    use crate::core::model::Media;
    use crate::core::parse::parse_document;

    fn parsed(text: &str) -> Parsed {
        parse_document(text).unwrap()
    }

    fn problems(p: &Parsed) -> Vec<String> {
        p.problems.iter().map(ToString::to_string).collect()
    }

    /// A document as TimelineJS3's authoring tools write it.
    const ROME: &str = r##"{
      "scale": "human",
      "title": {
        "media": {"url": "https://upload.wikimedia.org/forum.jpg", "caption": "", "credit": ""},
        "text": {"headline": "The fall of the <i>Republic</i>", "text": "<p>From Caesar to Augustus</p>"}
      },
      "eras": [
        {"start_date": {"year": "-49"}, "end_date": {"year": "-44", "month": "3"},
         "text": {"headline": "Caesar's <b>civil war</b>"}},
        {"start_date": {"year": -44, "month": 13}, "end_date": {"year": -27}, "text": {"headline": "bad"}},
        {"start_date": {"year": -43}, "end_date": {"year": -31}, "text": {"headline": "Second Triumvirate"}}
      ],
      "events": [
        {"start_date": {"year": -44, "month": 3, "day": 15},
         "text": {"headline": "Caesar is <em>assassinated</em>", "text": "<p>Stabbed 23 times.</p>"},
         "media": {"url": "https://upload.wikimedia.org/death.jpg", "caption": "<i>The Death of Caesar</i>",
                   "credit": "Jean-Léon Gérôme", "thumbnail": "https://upload.wikimedia.org/t.jpg"},
         "group": "Politics", "unique_id": "ides", "background": {"color": "#000"}, "autolink": true},
        {"start_date": {"year": "-31", "month": "9", "day": "2", "display_date": "2 September"},
         "end_date": {"year": "-30", "month": "8", "display_date": "August 30 BC"},
         "text": {"headline": "Actium", "text": ""},
         "media": {"url": "", "caption": "", "credit": "", "thumbnail": ""}, "group": "", "type": "overview"},
        {"start_date": {"year": -27, "month": 1, "day": 16, "hour": 12, "minute": "0"},
         "display_date": "January 27 BC", "text": {"headline": "Octavian becomes Augustus"}, "group": "Politics"},
        {"start_date": {"year": -44, "month": 4, "day": 31}, "text": {"headline": "no such day"}},
        {"start_date": {"year": -13800000000}, "text": {"headline": "Big Bang"},
         "media": {"url": "javascript:alert(1)", "credit": "x"}},
        {"start_date": {"year": 14, "month": 8, "day": 19}, "text": {"headline": ""},
         "media": {"url": "https://upload.wikimedia.org/augustus.jpg"}, "unique_id": "ides"}
      ]
    }"##;

    #[test]
    fn reads_a_timelinejs_document() {
        let p = parsed(ROME);
        assert_eq!(parsed(ROME), p, "the same document, the same ids");
        let t = &p.timeline;
        assert_eq!(t.title.as_deref(), Some("The fall of the Republic"));
        let summary: Vec<(String, &str, Option<String>)> = t
            .events
            .iter()
            .map(|e| {
                (
                    e.start.to_string(),
                    e.title.as_str(),
                    e.end.map(|d| d.to_string()),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("-13800000000".to_string(), "Big Bang", None),
                ("-000043-03-15".to_string(), "Caesar is assassinated", None),
                (
                    "-000030-09-02".to_string(),
                    "Actium",
                    Some("-000029-08".to_string())
                ),
                (
                    "-000026-01-16T12:00".to_string(),
                    "Octavian becomes Augustus",
                    None
                ),
                ("0014-08-19".to_string(), "", None),
            ]
        );
        let ides = &t.events[1];
        assert_eq!(ides.id, "ides");
        assert_eq!(ides.tags, ["Politics".into()]);
        assert_eq!(ides.text.as_deref(), Some("<p>Stabbed 23 times.</p>"));
        assert_eq!(
            ides.media,
            Some(Box::new(Media {
                url: "https://upload.wikimedia.org/death.jpg".into(),
                alt: None,
                caption: Some("<i>The Death of Caesar</i>".into()),
                credit: Some("Jean-Léon Gérôme".into()),
                thumbnail: Some("https://upload.wikimedia.org/t.jpg".into()),
            }))
        );
        assert_eq!(ides.display_date, None);
        let actium = &t.events[2];
        assert_eq!(
            actium.display_date.as_deref(),
            Some("2 September – August 30 BC")
        );
        assert_eq!(
            (actium.text.as_deref(), actium.media.as_ref()),
            (None, None)
        );
        assert!(actium.tags.is_empty());
        assert!(actium.id.starts_with("ev-"));
        assert_eq!(t.events[3].display_date.as_deref(), Some("January 27 BC"));
        assert_eq!(t.events[0].media, None);
        assert_eq!(t.events[4].id, "ides-2");
        let eras: Vec<(String, String, &str)> = t
            .eras
            .iter()
            .map(|e| (e.start.to_string(), e.end.to_string(), e.label.as_str()))
            .collect();
        assert_eq!(
            eras,
            [
                ("-000048".into(), "-000043-03".into(), "Caesar's civil war"),
                ("-000042".into(), "-000030".into(), "Second Triumvirate"),
            ]
        );
        assert_eq!(
            problems(&p),
            [
                "events[3].start_date.day: expected a day from 1 to 30, but found 31 (the event is skipped)",
                r#"events[4].media.url: the scheme "javascript:" is not allowed (the media is dropped)"#,
                "events[5].text.headline: empty: every event should have a headline (it is labelled with its date for now)",
                r#"events[5].unique_id: duplicate id "ides" (renamed to "ides-2")"#,
                "eras[1].start_date.month: expected a month from 1 to 12, but found 13 (the era is skipped)",
            ]
        );
    }

    fn date(object: &str) -> Result<String, Vec<String>> {
        let p = parsed(&format!(
            r#"{{"events": [{{"start_date": {object}, "text": {{"headline": "x"}}}}]}}"#
        ));
        match p.timeline.events.first() {
            Some(e) if p.problems.is_empty() => Ok(e.start.to_string()),
            _ => Err(problems(&p)),
        }
    }

    #[test]
    fn maps_date_objects_at_their_precision() {
        let cases = [
            (r#"{"year": 2019}"#, "2019"),
            (r#"{"year": "2019", "month": "5"}"#, "2019-05"),
            (r#"{"year": " 1,815 ", "month": "", "day": null}"#, "1815"),
            (r#"{"year": 2019, "month": 5, "day": 5}"#, "2019-05-05"),
            (
                r#"{"year": 2019, "month": 5, "day": 5, "hour": 14}"#,
                "2019-05-05T14:00",
            ),
            (
                r#"{"year": 2019, "month": 5, "day": 5, "hour": 14, "minute": 30}"#,
                "2019-05-05T14:30",
            ),
            (
                r#"{"year": 2019, "month": 5, "day": 5, "hour": 14, "minute": 30, "second": 15}"#,
                "2019-05-05T14:30:15",
            ),
            (
                r#"{"year": 2019, "month": 5, "day": 5, "hour": 14, "minute": 30, "millisecond": 250}"#,
                "2019-05-05T14:30:00.250",
            ),
            (r#"{"year": 2020, "month": 2, "day": 29}"#, "2020-02-29"),
            (
                r#"{"year": 2019.0, "format": "yyyy", "display_date": ""}"#,
                "2019",
            ),
            (r#"{"year": "+2019"}"#, "2019"),
            (r#"{"year": -44}"#, "-000043"),
            (r#"{"year": "-1"}"#, "0000"),
            (r#"{"year": 0}"#, "0000"),
            (r#"{"year": -13800000000}"#, "-13800000000"),
            (r#"{"year": 271821, "month": 4}"#, "+271821-04"),
            (r#"{"year": -271822, "month": 4}"#, "-271821-04"),
            (r#"{"year": -271823}"#, "-271823"),
        ];
        for (object, expected) in cases {
            assert_eq!(date(object), Ok(expected.to_string()), "{object}");
        }
    }

    #[test]
    fn reports_bad_date_fields_at_their_path() {
        let cases = [
            (r#"{"year": 2019, "month": 13}"#, "events[0].start_date.month: expected a month from 1 to 12, but found 13 (the event is skipped)"),
            (r#"{"year": 2019, "month": 0}"#, "events[0].start_date.month: expected a month from 1 to 12, but found 0 (the event is skipped)"),
            (r#"{"year": 2019, "month": "May"}"#, r#"events[0].start_date.month: expected a month from 1 to 12, but found "May" (the event is skipped)"#),
            (r#"{"year": 2019, "month": 2, "day": 29}"#, "events[0].start_date.day: expected a day from 1 to 28, but found 29 (the event is skipped)"),
            (r#"{"year": 2019, "month": 5, "day": 5, "hour": 24}"#, "events[0].start_date.hour: expected an hour from 0 to 23, but found 24 (the event is skipped)"),
            (r#"{"year": 2019, "month": 5, "day": 5, "minute": 60}"#, "events[0].start_date.minute: expected a minute from 0 to 59, but found 60 (the event is skipped)"),
            (r#"{"year": 2019, "month": 5, "day": 5, "second": -1}"#, "events[0].start_date.second: expected a second from 0 to 59, but found -1 (the event is skipped)"),
            (r#"{"year": 2019, "month": 5, "day": 5, "millisecond": 1000}"#, "events[0].start_date.millisecond: expected a millisecond from 0 to 999, but found 1000 (the event is skipped)"),
            (r#"{"year": "MMXIX"}"#, r#"events[0].start_date.year: expected a year such as 2019 (or -44 for 44 BC), but found "MMXIX" (the event is skipped)"#),
            (r#"{"year": 2019.5}"#, "events[0].start_date.year: expected a year such as 2019 (or -44 for 44 BC), but found a fraction (the event is skipped)"),
            (r#"{"year": 1e300}"#, "events[0].start_date.year: expected a year such as 2019 (or -44 for 44 BC), but found a number out of range (the event is skipped)"),
            (r#"{"year": "12345678901234567"}"#, r#"events[0].start_date.year: expected a year such as 2019 (or -44 for 44 BC), but found "12345678901234567" (the event is skipped)"#),
            (r#"{"year": {"value": 2019}}"#, "events[0].start_date.year: expected a year such as 2019 (or -44 for 44 BC), but found an object (the event is skipped)"),
            (r#"{"year": true}"#, "events[0].start_date.year: expected a year such as 2019 (or -44 for 44 BC), but found a boolean (the event is skipped)"),
            (r#"{"month": 5}"#, "events[0].start_date.year: missing: a date needs a year (the event is skipped)"),
            (r#"{}"#, r#"events[0].start_date.year: missing: every event needs a start_date such as {"year": 2019} (the event is skipped)"#),
            (r#"{"year": ""}"#, r#"events[0].start_date.year: missing: every event needs a start_date such as {"year": 2019} (the event is skipped)"#),
            (r#""2019-05-05""#, r#"events[0].start_date: expected an object such as {"year": 2019, "month": 5}, but found a string (the event is skipped)"#),
            (r#"null"#, r#"events[0].start_date: missing: every event needs a start_date such as {"year": 2019} (the event is skipped)"#),
            (r#"{"year": 2019, "display_date": 5}"#, "events[0].start_date.display_date: expected a string, but found a number (the event is skipped)"),
        ];
        for (object, expected) in cases {
            assert_eq!(date(object), Err(vec![expected.to_string()]), "{object}");
        }
    }

    #[test]
    fn ignores_fields_a_date_cannot_hold_with_a_warning() {
        let kept = |object: &str| {
            let p = parsed(&format!(
                r#"{{"events": [{{"start_date": {object}, "text": {{"headline": "x"}}}}]}}"#
            ));
            (p.timeline.events[0].start.to_string(), problems(&p))
        };
        assert_eq!(
            kept(r#"{"year": 2019, "day": 5, "hour": 3}"#),
            ("2019".into(), vec!["events[0].start_date.day: a day or time needs a month (the day and time are ignored)".to_string()])
        );
        assert_eq!(
            kept(r#"{"year": 2019, "month": 5, "minute": 30}"#),
            (
                "2019-05".into(),
                vec![
                    "events[0].start_date.minute: a time needs a day (the time is ignored)"
                        .to_string()
                ]
            )
        );
        assert_eq!(
            kept(r#"{"year": -13800000000, "month": 1, "day": 1}"#),
            ("-13800000000".into(), vec!["events[0].start_date.month: years beyond ±271821 can only be given as a year (the month, day and time are ignored)".to_string()])
        );
    }

    #[test]
    fn drops_bad_ends_and_keeps_the_event() {
        let p = parsed(
            r#"{"events": [
                {"start_date": {"year": 2019}, "end_date": {"year": 2019, "month": 13}, "text": {"headline": "a"}},
                {"start_date": {"year": 2019, "month": 5}, "end_date": {"year": 2019, "month": 4}, "text": {"headline": "b"}},
                {"start_date": {"year": 2019}, "end_date": "2020", "text": {"headline": "c"}},
                {"start_date": {"year": 2019}, "end_date": {"year": "", "month": "", "day": ""}, "text": {"headline": "d"}},
                {"start_date": {"year": 2019}, "end_date": {"month": 5}, "text": {"headline": "e"}},
                {"start_date": {"year": 2019}, "end_date": {"year": 2021}, "text": {"headline": "f"}}
            ]}"#,
        );
        assert_eq!(p.timeline.events.len(), 6);
        let ends: Vec<Option<String>> = p
            .timeline
            .events
            .iter()
            .map(|e| e.end.map(|d| d.to_string()))
            .collect();
        // Sorted by start: "b" (May 2019) comes last.
        assert_eq!(ends, [None, None, None, None, Some("2021".into()), None]);
        assert_eq!(
            problems(&p),
            [
                "events[0].end_date.month: expected a month from 1 to 12, but found 13 (the end is ignored)",
                r#"events[1].end_date: "2019-04" is before the start "2019-05" (the end is ignored)"#,
                r#"events[2].end_date: expected an object such as {"year": 2019, "month": 5}, but found a string (the end is ignored)"#,
                "events[4].end_date.year: missing: a date needs a year (the end is ignored)",
            ]
        );
    }

    #[test]
    fn skips_events_with_wrong_field_types() {
        let p = parsed(
            r#"{"events": [
                null,
                "2019",
                {"start_date": {"year": 2019}, "text": "Headline"},
                {"start_date": {"year": 2019}, "text": {"headline": 5}},
                {"start_date": {"year": 2019}, "text": {"headline": "h", "text": ["p"]}},
                {"start_date": {"year": 2019}, "text": {"headline": "h"}, "group": 3},
                {"start_date": {"year": 2019}, "text": {"headline": "h"}, "unique_id": 7},
                {"start_date": {"year": 2019}, "text": {"headline": "h"}, "display_date": {}},
                {"start_date": {"year": 2019}, "text": {"headline": "h"}, "media": "a.jpg"},
                {"start_date": {"year": 2019}, "text": {"headline": "h"}, "media": {"url": "a.jpg", "caption": 1}},
                {"start_date": {"year": 2019}},
                {"start_date": {"year": 2019}, "text": {"headline": "good", "x": [[[[{"y": [null]}]]]]},
                 "media": {"url": "a.jpg", "link": {"deep": [[[]]]}}, "background": [1, 2], "type": 5, "autolink": "x"}
            ]}"#,
        );
        let titles: Vec<&str> = p.timeline.events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["", "good"]);
        assert_eq!(
            problems(&p),
            [
                "events[0]: expected an event object, but found null",
                "events[1]: expected an event object, but found a string",
                r#"events[2].text: expected an object such as {"headline": "…", "text": "…"}, but found a string (the event is skipped)"#,
                "events[3].text.headline: expected a string, but found a number (the event is skipped)",
                "events[4].text.text: expected a string, but found an array (the event is skipped)",
                "events[5].group: expected a string, but found a number (the event is skipped)",
                "events[6].unique_id: expected a string, but found a number (the event is skipped)",
                "events[7].display_date: expected a string, but found an object (the event is skipped)",
                r#"events[8].media: expected an object such as {"url": "…"}, but found a string (the event is skipped)"#,
                "events[9].media.caption: expected a string, but found a number (the event is skipped)",
                "events[10].text.headline: missing: every event should have a headline (it is labelled with its date for now)",
            ]
        );
    }

    #[test]
    fn drops_unsafe_media_urls() {
        let urls = [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\\tscript:alert(1)",
            " javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
        ];
        let events: Vec<String> = urls
            .iter()
            .map(|u| format!(r#"{{"start_date": {{"year": 2019}}, "text": {{"headline": "x"}}, "media": {{"url": "{u}"}}}}"#))
            .collect();
        let p = parsed(&format!(r#"{{"events": [{}]}}"#, events.join(",")));
        assert_eq!(p.timeline.events.len(), urls.len());
        assert!(p.timeline.events.iter().all(|e| e.media.is_none()));
        let messages: Vec<&str> = p.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages[..4],
            [r#"the scheme "javascript:" is not allowed (the media is dropped)"#; 4]
        );
        assert_eq!(
            messages[4],
            r#"the scheme "vbscript:" is not allowed (the media is dropped)"#
        );
        assert!(messages[5].starts_with(r#"the scheme "data:" is only allowed for images"#));
        assert_eq!(p.problems[2].path, "events[2].media.url");
    }

    #[test]
    fn reads_the_title_slide_and_reports_bad_eras() {
        let p = parsed(
            r#"{"title": {"text": {"headline": " <h1>War &amp; Peace</h1> "}}, "events": [],
                "eras": [null,
                         {"end_date": {"year": 1945}},
                         {"start_date": {"year": 1939}},
                         {"start_date": {"year": 1945}, "end_date": {"year": 1939}},
                         {"start_date": {"year": 1939}, "end_date": {"year": 1945}, "text": "War"},
                         {"start_date": {"year": 1939}, "end_date": {"year": 1945}}]}"#,
        );
        assert_eq!(p.timeline.title.as_deref(), Some("War & Peace"));
        assert_eq!(p.timeline.eras.len(), 1);
        assert_eq!(p.timeline.eras[0].label, "");
        assert_eq!(
            problems(&p),
            [
                "eras[0]: expected an era object, but found null (the era is skipped)",
                r#"eras[1].start_date: missing: every era needs a start_date such as {"year": 1939} (the era is skipped)"#,
                r#"eras[2].end_date: missing: every era needs an end_date such as {"year": 1945} (the era is skipped)"#,
                r#"eras[3].end_date: "1939" is before the start "1945" (the era is skipped)"#,
                r#"eras[4].text: expected an object such as {"headline": "…", "text": "…"}, but found a string (the era is skipped)"#,
            ]
        );
        let odd = |doc: &str| {
            let p = parsed(doc);
            (p.timeline.title.clone(), problems(&p))
        };
        assert_eq!(
            odd(r#"{"title": 5, "eras": {}, "events": []}"#),
            (
                None,
                vec![
                    r#"title: expected an object such as {"text": {"headline": "…"}}, but found a number (the title is ignored)"#.to_string(),
                    "eras: expected an array of eras, but found an object (the eras are ignored)".to_string(),
                ]
            )
        );
        assert_eq!(
            odd(r#"{"title": {"text": {"headline": 1}}, "eras": [], "events": []}"#),
            (None, vec!["title.text.headline: expected a string, but found a number (the title is ignored)".to_string()])
        );
        assert_eq!(
            odd(r#"{"title": "Plain", "eras": [], "events": []}"#),
            (Some("Plain".into()), vec![])
        );
    }

    #[test]
    fn rejects_documents_without_an_events_array() {
        let error = |text: &str| {
            parse_timelinejs(&json::parse(text).unwrap())
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            error(r#"{"eras": [], "events": {}}"#),
            "events: expected an array of events, but found an object"
        );
        assert_eq!(
            error(r#"{"title": {"text": {"headline": "x"}}}"#),
            r#"data: expected an object with an "events" array, but found an object without "events""#
        );
    }

    #[test]
    fn keeps_long_text() {
        let long = "x".repeat(20_000);
        let p = parsed(&format!(
            r#"{{"events": [{{"start_date": {{"year": 2019}}, "text": {{"headline": "{long}", "text": "{long}"}}}}]}}"#
        ));
        assert_eq!(p.timeline.events[0].title.len(), 20_000);
        assert_eq!(p.timeline.events[0].text.as_deref(), Some(long.as_str()));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use crate::core::parse::parse_document;
        use proptest::prelude::*;
        use std::collections::HashSet;

        /// Strings a TimelineJS3 field might hold, right or wrong.
        const STRINGS: [&str; 14] = [
            "",
            "2019",
            "-44",
            " 1,815 ",
            "May",
            "13",
            "javascript:alert(1)",
            "java\tscript:x",
            "data:image/png,x",
            "https://example.com/a.jpg",
            "<b>bold</b> &amp;",
            "+",
            "-",
            "ides",
        ];

        /// Numbers a TimelineJS3 field might hold, right or wrong.
        const NUMBERS: [f64; 12] = [
            -44.0, -1.0, 0.0, 1.0, 2.0, 5.0, 12.0, 13.0, 31.0, 0.5, -13.8e9, 1e300,
        ];

        /// Values a TimelineJS3 field might hold, right or wrong.
        fn scalar() -> impl Strategy<Value = Value> {
            prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::Bool),
                (-40i64..2100).prop_map(|n| Value::Number(n as f64)),
                proptest::sample::select(&NUMBERS[..]).prop_map(Value::Number),
                proptest::sample::select(&STRINGS[..]).prop_map(|s| Value::String(s.to_owned())),
                proptest::collection::vec(any::<char>(), 0..8)
                    .prop_map(|c| Value::String(c.into_iter().collect())),
            ]
        }

        /// Junk of any shape, nested a few levels.
        fn junk() -> impl Strategy<Value = Value> {
            scalar().prop_recursive(4, 24, 4, |inner| {
                prop_oneof![
                    proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                    proptest::collection::vec((key(), inner), 0..4).prop_map(Value::Object),
                ]
            })
        }

        const KEYS: [&str; 16] = [
            "year",
            "month",
            "day",
            "hour",
            "minute",
            "second",
            "millisecond",
            "display_date",
            "headline",
            "text",
            "url",
            "caption",
            "credit",
            "thumbnail",
            "alt",
            "x",
        ];

        fn key() -> impl Strategy<Value = String> {
            proptest::sample::select(&KEYS[..]).prop_map(str::to_owned)
        }

        fn object(
            fields: Vec<(&'static str, BoxedStrategy<Value>)>,
        ) -> impl Strategy<Value = Value> {
            let fields: Vec<_> = fields
                .into_iter()
                .map(|(k, v)| {
                    proptest::option::weighted(0.7, v)
                        .prop_map(move |v| v.map(|v| (k.to_owned(), v)))
                })
                .collect();
            fields.prop_map(|fs| Value::Object(fs.into_iter().flatten().collect()))
        }

        fn date_object() -> BoxedStrategy<Value> {
            prop_oneof![
                4 => object(vec![
                    ("year", scalar().boxed()),
                    ("month", scalar().boxed()),
                    ("day", scalar().boxed()),
                    ("hour", scalar().boxed()),
                    ("minute", scalar().boxed()),
                    ("second", scalar().boxed()),
                    ("millisecond", scalar().boxed()),
                    ("display_date", scalar().boxed()),
                ]),
                1 => junk(),
            ]
            .boxed()
        }

        fn text_object() -> BoxedStrategy<Value> {
            prop_oneof![
                4 => object(vec![("headline", scalar().boxed()), ("text", scalar().boxed())]),
                1 => junk(),
            ]
            .boxed()
        }

        fn media_object() -> BoxedStrategy<Value> {
            prop_oneof![
                4 => object(vec![
                    ("url", scalar().boxed()),
                    ("caption", scalar().boxed()),
                    ("credit", scalar().boxed()),
                    ("thumbnail", scalar().boxed()),
                    ("alt", scalar().boxed()),
                ]),
                1 => junk(),
            ]
            .boxed()
        }

        fn event() -> BoxedStrategy<Value> {
            prop_oneof![
                6 => object(vec![
                    ("start_date", date_object()),
                    ("end_date", date_object()),
                    ("text", text_object()),
                    ("media", media_object()),
                    ("group", scalar().boxed()),
                    ("unique_id", prop_oneof![Just(Value::String("a".into())), scalar()].boxed()),
                    ("display_date", scalar().boxed()),
                    ("background", junk().boxed()),
                ]),
                1 => junk(),
            ]
            .boxed()
        }

        fn document() -> impl Strategy<Value = Value> {
            let era = object(vec![
                ("start_date", date_object()),
                ("end_date", date_object()),
                ("text", text_object()),
            ])
            .boxed();
            object(vec![
                ("title", prop_oneof![object(vec![("text", text_object()), ("media", media_object())]).boxed(), junk().boxed()].boxed()),
                ("events", prop_oneof![8 => proptest::collection::vec(event(), 0..8).prop_map(Value::Array).boxed(), 1 => junk().boxed()].boxed()),
                ("eras", prop_oneof![4 => proptest::collection::vec(era, 0..4).prop_map(Value::Array).boxed(), 1 => junk().boxed()].boxed()),
            ])
        }

        /// JSON pieces for token soup.
        const TOKENS: [&str; 30] = [
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "null",
            "\"year\"",
            "\"month\"",
            "\"day\"",
            "\"hour\"",
            "\"start_date\"",
            "\"end_date\"",
            "\"text\"",
            "\"headline\"",
            "\"media\"",
            "\"url\"",
            "\"eras\"",
            "\"title\"",
            "\"unique_id\"",
            "\"javascript:x\"",
            "-44",
            "13",
            "2019",
            "1e400",
            "-13800000000",
            "\"12\"",
            "0.5",
            "true",
            "\"\"",
        ];

        proptest! {
            // Each case builds a whole document (about 2 ms in a debug build).
            #![proptest_config(ProptestConfig::with_cases(5_000))]

            /// Fuzz: structured TimelineJS3-shaped junk never panics, and what
            /// comes out is well formed.
            #[test]
            fn timelinejs_documents_never_panic(doc in document()) {
                if let Ok(p) = parse_timelinejs(&doc) {
                    let ids: HashSet<&str> = p.timeline.events.iter().map(|e| e.id.as_str()).collect();
                    prop_assert_eq!(ids.len(), p.timeline.events.len());
                    for e in &p.timeline.events {
                        if let Some(end) = e.end {
                            prop_assert!(end.start_ms() >= e.start.start_ms());
                        }
                        if let Some(m) = &e.media {
                            prop_assert!(crate::core::model::safe_url(&m.url, true).is_some());
                        }
                    }
                    for era in &p.timeline.eras {
                        prop_assert!(era.end_ms() > era.start_ms());
                    }
                    prop_assert!(p.timeline.events.windows(2).all(|w| w[0].start_ms() <= w[1].start_ms()));
                }
            }

        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(20_000))]

            /// Fuzz: JSON token soup that starts like a TimelineJS3
            /// document, so inputs get past the first characters.
            #[test]
            fn timelinejs_token_soup_never_panics(
                tokens in proptest::collection::vec(proptest::sample::select(&TOKENS[..]), 0..60)
            ) {
                let text = format!(r#"{{"events": [{{"start_date": {{"year": {}"#, tokens.concat());
                let _ = parse_document(&text);
                let _ = parse_document(&format!("{}]}}", text));
            }
        }
    }
}
