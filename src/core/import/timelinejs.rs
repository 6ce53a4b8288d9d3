//! Reads TimelineJS3 documents, so newsrooms can bring the timelines they
//! already have.
//!
//! # Overview
//!
//! [`parse_timelinejs`]: a TimelineJS3 JSON document → [`Parsed`], with
//! problems at paths in TimelineJS3's own names
//! (`events[3].start_date.month`). The contract reader tells these
//! documents apart and hands them here.
//!
//! # Example
//!
//! ```
//! # fn main() -> Result<(), news_timeline::core::import::DataError> {
//! let parsed = news_timeline::core::import::parse_document(
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
//! millisecond?} → dates at the precision given (see the date parts
//! reader). The title slide becomes the timeline's title and `eras` its
//! shaded bands; neither is an event.
//!
//! Out of scope: `background`, `type`, `autolink`, `scale`, `format` and
//! embed code (`<iframe>`, `<blockquote>`) as media, which is dropped with a
//! warning.

use crate::core::date::PartialDate;
use crate::core::import::builder::{
    non_blank, plain, Builder, DataError, Draft, Keys, Loc, Outcome, Parsed, WrongType,
    DEFAULT_IMPORTANCE,
};
use crate::core::import::date_parts::{read_date, DateParts, Part, Raw};
use crate::core::json::Value;
use crate::core::model::text_content;
use std::fmt;

/// The problems only TimelineJS3 documents have; `Display` writes them.
enum TimelineJsProblem {
    /// `eras` holds this kind of value instead of an array.
    ErasNotAnArray(&'static str),
    NotAnEra(&'static str),
    MissingDate(Required),
}

/// A date that events or eras cannot do without.
#[derive(Clone, Copy)]
enum Required {
    EventStart,
    EraStart,
    EraEnd,
}

impl Required {
    /// What becomes of the event or era when the date is wrong.
    fn outcome(self) -> Outcome {
        match self {
            Required::EventStart => Outcome::EventSkipped,
            Required::EraStart | Required::EraEnd => Outcome::EraSkipped,
        }
    }
}

impl fmt::Display for TimelineJsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimelineJsProblem::ErasNotAnArray(found) => write!(
                f,
                "expected an array of eras, but found {found} (the eras are ignored)"
            ),
            TimelineJsProblem::NotAnEra(found) => write!(
                f,
                "expected an era object, but found {found} ({})",
                Outcome::EraSkipped
            ),
            TimelineJsProblem::MissingDate(required) => {
                let needs = match required {
                    Required::EventStart => {
                        r#"every event needs a start_date such as {"year": 2019}"#
                    }
                    Required::EraStart => r#"every era needs a start_date such as {"year": 1939}"#,
                    Required::EraEnd => r#"every era needs an end_date such as {"year": 1945}"#,
                };
                write!(f, "missing: {needs} ({})", required.outcome())
            }
        }
    }
}

/// TimelineJS3's names for an event's title and id.
static KEYS: Keys = Keys {
    title: "text.headline",
    title_name: "headline",
    id: "unique_id",
};

/// Reads a TimelineJS3 document. Like the contract's shape, it is rejected
/// only when `events` is missing or not an array; everything else is skipped
/// or repaired with a problem.
pub(crate) fn parse_timelinejs(value: &Value) -> Result<Parsed, DataError> {
    let events = match value.get("events") {
        Some(Value::Array(items)) => items,
        other => return Err(DataError::no_events_array(other.map(Value::kind_name))),
    };
    let mut b = Builder::default();
    b.timeline.title = title_slide(&mut b, value.get("title"));
    for (index, item) in events.iter().enumerate() {
        let at = Loc {
            prefix: "events",
            index,
        };
        if let Some(draft) = event(&mut b, at, item) {
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
        Some(other) => {
            let problem = TimelineJsProblem::ErasNotAnArray(other.kind_name());
            b.problem("eras".into(), &problem);
        }
    }
    Ok(b.finish())
}

/// The title slide's headline as plain text (a plain string is accepted too).
fn title_slide(b: &mut Builder, value: Option<&Value>) -> Option<String> {
    let ignored = Outcome::TitleIgnored;
    let slide = match value {
        None | Some(Value::Null) => return None,
        Some(Value::String(s)) => return plain(s),
        Some(slide @ Value::Object(_)) => slide,
        Some(other) => {
            let example = r#"{"text": {"headline": "…"}}"#;
            b.not_an_object("title".into(), example, other.kind_name(), ignored);
            return None;
        }
    };
    let (headline, _) = slide_text(b, "title", slide.get("text"), ignored).ok()?;
    headline.as_deref().and_then(plain)
}

/// A slide's `text` object: (headline, text), both optional.
fn slide_text(
    b: &mut Builder,
    path: &str,
    value: Option<&Value>,
    outcome: Outcome,
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
            let example = r#"{"headline": "…", "text": "…"}"#;
            let path = format!("{path}.text");
            Err(b.not_an_object(path, example, other.kind_name(), outcome))
        }
    }
}

fn event(b: &mut Builder, at: Loc, item: &Value) -> Option<Draft> {
    if !matches!(item, Value::Object(_)) {
        b.not_an_event(at, item.kind_name());
        return None;
    }
    let path = at.path();
    let skipped = Outcome::EventSkipped;
    let (start, start_label) = required_date(
        b,
        &format!("{path}.start_date"),
        item.get("start_date"),
        Required::EventStart,
    )?;
    let (headline, text) = slide_text(b, &path, item.get("text"), skipped).ok()?;
    // A group that is not a string is only ignored: the event keeps its
    // place, in no lane.
    let group = b
        .string_at(
            format!("{path}.group"),
            item.get("group"),
            Outcome::GroupIgnored,
        )
        .unwrap_or_default();
    let mut string = |key: &str| b.string_at(format!("{path}.{key}"), item.get(key), skipped);
    let id = string("unique_id").ok()?;
    let display_date = string("display_date").ok()?;
    let media = b.media(&path, item.get("media"), true).ok()?;
    let end_path = format!("{path}.end_date");
    let ignored = Outcome::EndIgnored;
    let (end, end_label) = match date_object(b, &end_path, item.get("end_date"), ignored) {
        Ok(Some((end, label))) => (b.end_after(end_path, &start, end, ignored), label),
        Ok(None) | Err(WrongType) => (None, None),
    };
    let (group, tags) = b.group_and_tags(group);
    let display_date = non_blank(display_date).or_else(|| match (start_label, end_label) {
        (Some(s), Some(e)) if end.is_some() => Some(format!("{s} – {e}")),
        (start_label, _) => start_label,
    });
    Some(Draft {
        at,
        keys: &KEYS,
        start,
        end,
        title: headline.map(|h| text_content(&h)),
        id,
        text: non_blank(text),
        tags,
        importance: DEFAULT_IMPORTANCE,
        media: media.map(Box::new),
        source: None,
        display_date,
        group,
        ongoing: false,
    })
}

fn era(b: &mut Builder, path: &str, item: &Value) {
    if !matches!(item, Value::Object(_)) {
        let problem = TimelineJsProblem::NotAnEra(item.kind_name());
        b.problem(path.to_owned(), &problem);
        return;
    }
    let start_path = format!("{path}.start_date");
    let Some((start, _)) =
        required_date(b, &start_path, item.get("start_date"), Required::EraStart)
    else {
        return;
    };
    let end_path = format!("{path}.end_date");
    let Some((end, _)) = required_date(b, &end_path, item.get("end_date"), Required::EraEnd) else {
        return;
    };
    let Ok((headline, _)) = slide_text(b, path, item.get("text"), Outcome::EraSkipped) else {
        return;
    };
    let label = headline.as_deref().and_then(plain).unwrap_or_default();
    b.push_era(end_path, start, end, label, None);
}

/// A date that must be there: a missing one is reported at `path` (or at
/// `path.year` for an object without a year).
fn required_date(
    b: &mut Builder,
    path: &str,
    value: Option<&Value>,
    required: Required,
) -> Option<(PartialDate, Option<String>)> {
    match date_object(b, path, value, required.outcome()) {
        Ok(Some(date)) => Some(date),
        Ok(None) => {
            let at = match value {
                Some(Value::Object(_)) => format!("{path}.year"),
                _ => path.to_owned(),
            };
            b.problem(at, &TimelineJsProblem::MissingDate(required));
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
    outcome: Outcome,
) -> Result<Option<(PartialDate, Option<String>)>, WrongType> {
    let object = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(object @ Value::Object(_)) => object,
        Some(other) => {
            let example = r#"{"year": 2019, "month": 5}"#;
            let found = other.kind_name();
            return Err(b.not_an_object(path.to_owned(), example, found, outcome));
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::import::parse_document;
    use crate::core::json;
    use crate::core::model::Media;

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
        assert_eq!(titles, ["h", "", "good"]);
        assert_eq!(
            problems(&p),
            [
                "events[0]: expected an event object, but found null",
                "events[1]: expected an event object, but found a string",
                r#"events[2].text: expected an object such as {"headline": "…", "text": "…"}, but found a string (the event is skipped)"#,
                "events[3].text.headline: expected a string, but found a number (the event is skipped)",
                "events[4].text.text: expected a string, but found an array (the event is skipped)",
                "events[5].group: expected a string, but found a number (the event goes to no group)",
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
            odd(
                r#"{"title": 5, "eras": {}, "events": [{"start_date": {"year": 2019}, "text": {"headline": "x"}}]}"#
            ),
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
        use crate::core::import::parse_document;
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
                    // Every event is kept, or skipped with a problem at its
                    // path saying so.
                    let count = doc.get("events").and_then(Value::as_array).map_or(0, <[Value]>::len);
                    let skipped = (0..count)
                        .filter(|i| {
                            let own = format!("events[{i}]");
                            p.problems.iter().any(|problem| {
                                (problem.path == own || problem.path.starts_with(&format!("{own}.")))
                                    && (problem.message.ends_with("(the event is skipped)")
                                        || problem.message.starts_with("expected an event object"))
                            })
                        })
                        .count();
                    prop_assert_eq!(p.timeline.events.len() + skipped, count);
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
