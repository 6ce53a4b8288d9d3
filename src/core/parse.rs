//! Turns an input document into a [`Timeline`] plus the [`Problem`]s found.
//!
//! Good events always survive; a bad one is skipped or repaired and reported
//! at its JSON path. Only a document that cannot hold events at all (not an
//! object or array, `events` not an array, not JSON) is a [`DataError`].
//!
//! Accepted shapes: `{ "title"?, "events": [Event…] }` (paths `events[3].x`)
//! and a bare `[Event…]` (paths `[3].x`).

use super::date::{DateError, PartialDate};
use super::json::{self, Value};
use super::model::{Event, Problem, Timeline};
use std::collections::HashSet;
use std::fmt;

/// What validation produced: the events that can be shown and what was
/// wrong with the rest.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// The renderable timeline.
    pub timeline: Timeline,
    /// Everything skipped or repaired, in input order.
    pub problems: Vec<Problem>,
}

/// A document that holds no events at all; `mount` and `setEvents` reject
/// with it rather than show an empty widget without explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    path: &'static str,
    message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for DataError {}

/// Parses JSON text (`None` for a value that has no JSON form, such as
/// `undefined`) into a timeline.
pub fn parse_document(text: &str) -> Result<Parsed, DataError> {
    let value = json::parse(text).map_err(|e| DataError {
        path: "data",
        message: format!("not valid JSON: {e}"),
    })?;
    parse_value(&value)
}

/// Validates an already parsed document.
pub fn parse_value(value: &Value) -> Result<Parsed, DataError> {
    let (events, prefix, title) = match value {
        Value::Array(items) => (items.as_slice(), "", None),
        Value::Object(_) => match value.get("events") {
            Some(Value::Array(items)) => (items.as_slice(), "events", value.get("title")),
            Some(other) => {
                return Err(DataError {
                    path: "events",
                    message: format!("expected an array of events, but found {}", other.kind_name()),
                })
            }
            None => {
                return Err(DataError {
                    path: "data",
                    message: "expected an object with an \"events\" array, but found an object without \"events\"".into(),
                })
            }
        },
        other => {
            return Err(DataError {
                path: "data",
                message: format!(
                    "expected an object with an \"events\" array, or an array of events, but found {}",
                    other.kind_name()
                ),
            })
        }
    };
    let mut builder = Builder::default();
    if let Some(title) = title {
        match title {
            Value::String(s) if !s.trim().is_empty() => {
                builder.timeline.title = Some(s.trim().to_owned())
            }
            Value::String(_) | Value::Null => {}
            other => builder.problem(
                "title".into(),
                format!("expected a string, but found {}", other.kind_name()),
            ),
        }
    }
    for (index, item) in events.iter().enumerate() {
        let path = format!("{prefix}[{index}]");
        if let Some(event) = builder.event(&path, item) {
            builder.timeline.events.push(event);
        }
    }
    builder
        .timeline
        .events
        .sort_by(|a, b| a.start_ms().total_cmp(&b.start_ms()));
    Ok(Parsed {
        timeline: builder.timeline,
        problems: builder.problems,
    })
}

/// Accumulates events, problems and the ids already taken.
#[derive(Default)]
struct Builder {
    timeline: Timeline,
    problems: Vec<Problem>,
    ids: HashSet<String>,
}

/// A field that must be skipped over: its event is dropped.
struct WrongType;

impl Builder {
    fn problem(&mut self, path: String, message: String) {
        self.problems.push(Problem { path, message });
    }

    /// Reads an optional string field; `null` counts as absent.
    fn string_field(
        &mut self,
        path: &str,
        item: &Value,
        key: &str,
    ) -> Result<Option<String>, WrongType> {
        match item.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => {
                self.problem(
                    format!("{path}.{key}"),
                    format!(
                        "expected a string, but found {} (the event is skipped)",
                        other.kind_name()
                    ),
                );
                Err(WrongType)
            }
        }
    }

    fn event(&mut self, path: &str, item: &Value) -> Option<Event> {
        if !matches!(item, Value::Object(_)) {
            self.problem(
                path.to_owned(),
                format!("expected an event object, but found {}", item.kind_name()),
            );
            return None;
        }
        let start = match item.get("start") {
            None | Some(Value::Null) => {
                self.problem(
                    format!("{path}.start"),
                    "missing: every event needs a start date such as \"2019-05-05\" (the event is skipped)".into(),
                );
                return None;
            }
            Some(value) => match date_of(value) {
                Ok(date) => date,
                Err(e) => {
                    self.problem(
                        format!("{path}.start"),
                        format!("{e} (the event is skipped)"),
                    );
                    return None;
                }
            },
        };
        let title = self.string_field(path, item, "title").ok()?;
        let text = self.string_field(path, item, "text").ok()?;
        let given_id = self.string_field(path, item, "id").ok()?;
        let tags = self.tags(path, item).ok()?;
        let importance = self.importance(path, item).ok()?;
        let end = self.end(path, item, &start);
        let title = match title {
            Some(t) if !t.trim().is_empty() => t.trim().to_owned(),
            given => {
                let what = if given.is_some() { "empty" } else { "missing" };
                self.problem(
                    format!("{path}.title"),
                    format!("{what}: every event should have a title (it is labelled with its date for now)"),
                );
                String::new()
            }
        };
        let id = self.unique_id(path, given_id, &start, end.as_ref(), &title);
        Some(Event {
            id,
            start,
            end,
            title,
            text,
            tags,
            importance,
        })
    }

    /// A range's end; dropped with a warning if invalid or not after start.
    fn end(&mut self, path: &str, item: &Value, start: &PartialDate) -> Option<PartialDate> {
        let value = match item.get("end") {
            None | Some(Value::Null) => return None,
            Some(value) => value,
        };
        match date_of(value) {
            Ok(end) if end.end_ms() > start.start_ms() && end.start_ms() >= start.start_ms() => {
                Some(end)
            }
            Ok(end) => {
                self.problem(
                    format!("{path}.end"),
                    format!("\"{end}\" is before the start \"{start}\" (the end is ignored)"),
                );
                None
            }
            Err(e) => {
                self.problem(format!("{path}.end"), format!("{e} (the end is ignored)"));
                None
            }
        }
    }

    fn tags(&mut self, path: &str, item: &Value) -> Result<Vec<String>, WrongType> {
        match item.get("tags") {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(values)) => {
                let mut tags: Vec<String> = Vec::with_capacity(values.len());
                for (i, tag) in values.iter().enumerate() {
                    match tag {
                        Value::String(s) if !s.trim().is_empty() => {
                            let s = s.trim();
                            if !tags.iter().any(|t| t == s) {
                                tags.push(s.to_owned());
                            }
                        }
                        other => self.problem(
                            format!("{path}.tags[{i}]"),
                            format!(
                                "expected a non-empty string, but found {} (the tag is ignored)",
                                describe(other)
                            ),
                        ),
                    }
                }
                Ok(tags)
            }
            Some(other) => {
                self.problem(
                    format!("{path}.tags"),
                    format!(
                        "expected an array of strings, but found {} (the event is skipped)",
                        other.kind_name()
                    ),
                );
                Err(WrongType)
            }
        }
    }

    fn importance(&mut self, path: &str, item: &Value) -> Result<u8, WrongType> {
        const DEFAULT: u8 = 2;
        match item.get("importance") {
            None | Some(Value::Null) => Ok(DEFAULT),
            Some(Value::Number(n)) if [1.0, 2.0, 3.0].contains(n) => Ok(*n as u8),
            Some(Value::Number(n)) => {
                // Integers print without float formatting (it costs wasm bytes).
                let found = if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", *n as i64)
                } else {
                    "a fraction".to_owned()
                };
                self.problem(
                    format!("{path}.importance"),
                    format!("expected 1, 2 or 3, but found {found} (2 is used)"),
                );
                Ok(DEFAULT)
            }
            Some(other) => {
                self.problem(
                    format!("{path}.importance"),
                    format!(
                        "expected 1, 2 or 3, but found {} (the event is skipped)",
                        other.kind_name()
                    ),
                );
                Err(WrongType)
            }
        }
    }

    /// Keeps a given id unless taken (then `<id>-2`, `-3`… with a warning);
    /// derives one from the content otherwise, so the same data always
    /// yields the same ids.
    fn unique_id(
        &mut self,
        path: &str,
        given: Option<String>,
        start: &PartialDate,
        end: Option<&PartialDate>,
        title: &str,
    ) -> String {
        let (base, warn) = match given {
            Some(id) if !id.trim().is_empty() => (id.trim().to_owned(), true),
            _ => (content_id(start, end, title), false),
        };
        let mut id = base.clone();
        let mut n = 2u32;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        if warn && id != base {
            self.problem(
                format!("{path}.id"),
                format!("duplicate id \"{base}\" (renamed to \"{id}\")"),
            );
        }
        self.ids.insert(id.clone());
        id
    }
}

/// Parses a date value, naming what was found when it is not a string.
fn date_of(value: &Value) -> Result<PartialDate, DateError> {
    match value {
        Value::String(s) => PartialDate::parse(s),
        other => Err(DateError::not_a_string(other.kind_name())),
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "an empty string",
        other => other.kind_name(),
    }
}

/// A short id from the event's content (FNV-1a), stable across loads.
fn content_id(start: &PartialDate, end: Option<&PartialDate>, title: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let end = end.map(ToString::to_string).unwrap_or_default();
    for part in [start.to_string().as_str(), end.as_str(), title] {
        for byte in part.bytes().chain([0x1f]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("ev-{:08x}", (hash >> 32) ^ (hash & 0xffff_ffff))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Parsed {
        parse_document(text).unwrap()
    }

    fn problems(text: &str) -> Vec<String> {
        parsed(text)
            .problems
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn titles(p: &Parsed) -> Vec<&str> {
        p.timeline.events.iter().map(|e| e.title.as_str()).collect()
    }

    #[test]
    fn sorts_by_start_and_keeps_input_order_for_ties() {
        let p = parsed(
            r#"{"title": "War footing", "events": [
                {"start": "2019-07-19", "title": "drone"},
                {"start": "2019-06-20", "title": "spy drone"},
                {"start": "2019-07-19", "title": "tanker"},
                {"start": "2019-07", "title": "July"}
            ]}"#,
        );
        assert_eq!(titles(&p), ["spy drone", "July", "drone", "tanker"]);
        assert_eq!(p.timeline.title.as_deref(), Some("War footing"));
        assert!(p.problems.is_empty());
    }

    #[test]
    fn rejects_documents_without_events() {
        let error = |text: &str| parse_document(text).unwrap_err().to_string();
        assert_eq!(
            error("42"),
            r#"data: expected an object with an "events" array, or an array of events, but found a number"#
        );
        assert_eq!(
            error(r#"{"events": "x"}"#),
            "events: expected an array of events, but found a string"
        );
        assert_eq!(
            error(r#"{"items": []}"#),
            r#"data: expected an object with an "events" array, but found an object without "events""#
        );
        assert!(error("{").starts_with("data: not valid JSON: line 1, column 2"));
    }

    #[test]
    fn skips_bad_events_and_says_where() {
        let p = parsed(
            r#"{"events": [
                {"start": "2019-05-05", "title": "good"},
                {"start": 5, "title": "wrong type"},
                {"start": "2019-13-45", "title": "bad date"},
                null,
                {"title": "no start"},
                {"start": "2019-06-01", "title": 7},
                {"start": "2019-06-01", "title": "good 2", "colour": "red"}
            ]}"#,
        );
        assert_eq!(titles(&p), ["good", "good 2"]);
        let found: Vec<String> = p.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                r#"events[1].start: expected a date string such as "2019-05-05", but found a number (the event is skipped)"#,
                r#"events[2].start: expected a date such as "2019-05-05", but found "2019-13-45" (month 13 is not between 1 and 12) (the event is skipped)"#,
                "events[3]: expected an event object, but found null",
                r#"events[4].start: missing: every event needs a start date such as "2019-05-05" (the event is skipped)"#,
                "events[5].title: expected a string, but found a number (the event is skipped)",
            ]
        );
    }

    #[test]
    fn bare_arrays_use_index_paths() {
        assert_eq!(
            problems(r#"[{"start": "2019"}, {"start": "x", "title": "t"}]"#),
            [
                "[0].title: missing: every event should have a title (it is labelled with its date for now)",
                r#"[1].start: expected a date such as "2019-05-05", but found "x" (use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM) (the event is skipped)"#,
            ]
        );
    }

    #[test]
    fn keeps_events_with_empty_titles() {
        let p = parsed(r#"[{"start": "2019", "title": "  "}]"#);
        assert_eq!(titles(&p), [""]);
        assert_eq!(p.problems[0].path, "[0].title");
        assert!(p.problems[0].message.starts_with("empty:"));
    }

    #[test]
    fn drops_bad_ends_but_keeps_the_event() {
        let p = parsed(
            r#"[{"start": "2019-05", "end": "2019-04", "title": "a"},
                {"start": "2019-05", "end": "soon", "title": "b"},
                {"start": "2019-05", "end": "2019-05-20", "title": "c"}]"#,
        );
        let ends: Vec<Option<String>> = p
            .timeline
            .events
            .iter()
            .map(|e| e.end.map(|d| d.to_string()))
            .collect();
        assert_eq!(ends, [None, None, Some("2019-05-20".into())]);
        assert_eq!(
            p.problems
                .iter()
                .map(|p| p.path.as_str())
                .collect::<Vec<_>>(),
            ["[0].end", "[1].end"]
        );
        assert_eq!(
            p.problems[0].message,
            r#""2019-04" is before the start "2019-05" (the end is ignored)"#
        );
    }

    #[test]
    fn renames_duplicate_ids_with_a_warning() {
        let p = parsed(
            r#"[{"id": "a", "start": "2019", "title": "1"},
                {"id": "a", "start": "2020", "title": "2"},
                {"id": "a", "start": "2021", "title": "3"}]"#,
        );
        let ids: Vec<&str> = p.timeline.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-2", "a-3"]);
        assert_eq!(
            p.problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                r#"[1].id: duplicate id "a" (renamed to "a-2")"#,
                r#"[2].id: duplicate id "a" (renamed to "a-3")"#
            ]
        );
    }

    #[test]
    fn derives_stable_ids_from_content() {
        let text = r#"[{"start": "2019-07-19", "title": "x"}, {"start": "2019-07-19", "title": "x"}, {"start": "2019-07-19", "title": "y"}]"#;
        let first = parsed(text);
        let ids: Vec<String> = first.timeline.events.iter().map(|e| e.id.clone()).collect();
        assert!(ids[0].starts_with("ev-"));
        assert_eq!(ids[1], format!("{}-2", ids[0]));
        assert_ne!(ids[0], ids[2]);
        assert!(first.problems.is_empty(), "generated ids never warn");
        assert_eq!(parsed(text).timeline.events, first.timeline.events);
    }

    #[test]
    fn reads_tags_and_importance() {
        let p = parsed(
            r#"[{"start": "2019", "title": "t", "tags": ["military", "", 3, "military"], "importance": 3},
                {"start": "2019", "title": "u", "importance": 9},
                {"start": "2019", "title": "v", "tags": "military"}]"#,
        );
        assert_eq!(p.timeline.events[0].tags, ["military"]);
        assert_eq!(p.timeline.events[0].importance, 3);
        assert_eq!(p.timeline.events[1].importance, 2);
        assert_eq!(p.timeline.events.len(), 2);
        assert_eq!(
            p.problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                "[0].tags[1]: expected a non-empty string, but found an empty string (the tag is ignored)",
                "[0].tags[2]: expected a non-empty string, but found a number (the tag is ignored)",
                "[1].importance: expected 1, 2 or 3, but found 9 (2 is used)",
                "[2].tags: expected an array of strings, but found a string (the event is skipped)",
            ]
        );
    }

    #[test]
    fn survives_deeply_nested_junk_and_many_events() {
        let junk = format!(
            r#"[{{"start": "2019", "title": "t", "x": {}1{}}}]"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        assert_eq!(parsed(&junk).timeline.events.len(), 1);
        let deep = "[".repeat(100_000);
        assert!(parse_document(&deep).is_err());
        let many: Vec<String> = (0..100_000)
            .map(|i| {
                format!(
                    r#"{{"start": "{}-01-01", "title": "e{i}"}}"#,
                    1000 + i % 1000
                )
            })
            .collect();
        let p = parsed(&format!("[{}]", many.join(",")));
        assert_eq!(p.timeline.events.len(), 100_000);
        assert!(p
            .timeline
            .events
            .windows(2)
            .all(|w| w[0].start_ms() <= w[1].start_ms()));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn never_panics_and_keeps_ids_unique(text in "\\PC{0,200}") {
                if let Ok(p) = parse_document(&text) {
                    let ids: HashSet<&str> = p.timeline.events.iter().map(|e| e.id.as_str()).collect();
                    prop_assert_eq!(ids.len(), p.timeline.events.len());
                }
            }

            #[test]
            fn every_valid_event_survives(days in proptest::collection::vec(1u8..=28, 0..30)) {
                let events: Vec<String> = days.iter().map(|d| format!(r#"{{"start": "2019-05-{d:02}", "title": "t", "id": "x"}}"#)).collect();
                let p = parse_document(&format!("[{}]", events.join(","))).unwrap();
                prop_assert_eq!(p.timeline.events.len(), days.len());
            }
        }
    }
}
