//! Turns an input document into a [`Timeline`] plus the [`Problem`]s found.
//!
//! Good events always survive; a bad one is skipped or repaired and reported
//! at its path in the input. Only a document that cannot hold events at all
//! (not an object or array, `events` not an array, not JSON, a CSV without
//! its header row) is a [`DataError`].
//!
//! Accepted shapes: `{ "title"?, "events": [Event…] }` (paths `events[3].x`),
//! a bare `[Event…]` (paths `[3].x`), a TimelineJS3 document (detected by
//! [`looks_like_timelinejs`], read by [`super::timelinejs`], paths in
//! TimelineJS3's names such as `events[3].start_date.month`) and, through
//! [`parse_csv_document`], TimelineJS3's spreadsheet as CSV (paths such as
//! `rows[4].year`).
//!
//! The importers share one builder so that ids, titles, ends, media URLs
//! and their warnings follow the same rules whatever the input format.

pub use super::csv::parse_csv_document;
use super::date::{DateError, PartialDate};
use super::json::{self, Value};
use super::model::{check_url, Era, Event, Media, Problem, Source, Timeline, UrlProblem};
pub use super::timelinejs::looks_like_timelinejs;
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

impl DataError {
    pub(crate) fn new(path: &'static str, message: String) -> Self {
        DataError { path, message }
    }

    /// For data that has no JSON form at all (JS `undefined`), so the
    /// rejection reads like the one for any other wrong kind of value.
    pub fn undefined() -> Self {
        DataError {
            path: "data",
            message: "expected an object with an \"events\" array, or an array of events, but found undefined".into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for DataError {}

/// Whether text fetched from a URL should be read as JSON rather than CSV,
/// by its first non-space character (`{` or `[`), for when neither the
/// Content-Type nor the file extension decides.
pub fn looks_like_json(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    matches!(text.trim_start().chars().next(), Some('{' | '['))
}

/// Parses JSON text into a timeline (a TimelineJS3 document is detected).
pub fn parse_document(text: &str) -> Result<Parsed, DataError> {
    let value = json::parse(text).map_err(|e| DataError {
        path: "data",
        message: format!("not valid JSON: {e}"),
    })?;
    parse_value(&value)
}

/// Validates an already parsed document: the contract's shapes, or a
/// TimelineJS3 document (handed to [`super::timelinejs`]).
pub fn parse_value(value: &Value) -> Result<Parsed, DataError> {
    if looks_like_timelinejs(value) {
        return super::timelinejs::parse_timelinejs(value);
    }
    let (events, prefix, title) = match value {
        Value::Array(items) => (items.as_slice(), "", None),
        Value::Object(_) => (events_array(value)?, "events", value.get("title")),
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
        if let Some(draft) = builder.event(&path, item) {
            builder.push_event(draft);
        }
    }
    Ok(builder.finish())
}

/// The `events` array of an object document, or why there is none.
pub(crate) fn events_array(value: &Value) -> Result<&[Value], DataError> {
    match value.get("events") {
        Some(Value::Array(items)) => Ok(items.as_slice()),
        Some(other) => Err(DataError {
            path: "events",
            message: format!("expected an array of events, but found {}", other.kind_name()),
        }),
        None => Err(DataError {
            path: "data",
            message: "expected an object with an \"events\" array, but found an object without \"events\"".into(),
        }),
    }
}

/// What happens to the thing being read when a field is wrong, completing
/// problem messages: "… (the event is skipped)".
pub(crate) const EVENT_SKIPPED: &str = "the event is skipped";
/// See [`EVENT_SKIPPED`].
pub(crate) const END_IGNORED: &str = "the end is ignored";
/// See [`EVENT_SKIPPED`].
pub(crate) const ERA_SKIPPED: &str = "the era is skipped";

/// Accumulates events, eras, problems and the ids already taken; every
/// importer (contract JSON, TimelineJS3, CSV) fills one, so ids, titles and
/// warnings follow the same rules.
#[derive(Default)]
pub(crate) struct Builder {
    pub(crate) timeline: Timeline,
    problems: Vec<Problem>,
    ids: HashSet<String>,
}

/// A field that must be skipped over: what holds it is dropped (the problem
/// is already reported).
pub(crate) struct WrongType;

/// An event read from any input format, before its title is checked and its
/// id settled by [`Builder::push_event`].
pub(crate) struct Draft {
    pub(crate) start: PartialDate,
    pub(crate) end: Option<PartialDate>,
    /// `None` when absent; checked (and warned about) when empty.
    pub(crate) title: Option<String>,
    /// Where a missing title is reported: `events[3].title`.
    pub(crate) title_path: String,
    /// How the input calls the title: "title" or "headline".
    pub(crate) title_name: &'static str,
    pub(crate) id: Option<String>,
    /// Where a duplicate id is reported: `events[3].id`.
    pub(crate) id_path: String,
    pub(crate) text: Option<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) importance: u8,
    pub(crate) media: Option<Media>,
    pub(crate) source: Option<Source>,
    pub(crate) display_date: Option<String>,
}

impl Builder {
    pub(crate) fn problem(&mut self, path: String, message: String) {
        self.problems.push(Problem { path, message });
    }

    /// The result: events and eras sorted by start, ties in input order.
    pub(crate) fn finish(mut self) -> Parsed {
        self.timeline
            .events
            .sort_by(|a, b| a.start_ms().total_cmp(&b.start_ms()));
        self.timeline
            .eras
            .sort_by(|a, b| a.start_ms().total_cmp(&b.start_ms()));
        Parsed {
            timeline: self.timeline,
            problems: self.problems,
        }
    }

    /// Reads an optional string; `null` counts as absent. Any other type is
    /// reported at `path` with `outcome` ("the event is skipped").
    pub(crate) fn string_at(
        &mut self,
        path: String,
        value: Option<&Value>,
        outcome: &str,
    ) -> Result<Option<String>, WrongType> {
        match value {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => {
                self.problem(
                    path,
                    format!(
                        "expected a string, but found {} ({outcome})",
                        other.kind_name()
                    ),
                );
                Err(WrongType)
            }
        }
    }

    /// Reads an optional string field of an event; a wrong type skips it.
    fn string_field(
        &mut self,
        path: &str,
        item: &Value,
        key: &str,
    ) -> Result<Option<String>, WrongType> {
        self.string_at(format!("{path}.{key}"), item.get(key), EVENT_SKIPPED)
    }

    /// Settles the title (warning when missing or empty) and the id, then
    /// keeps the event.
    pub(crate) fn push_event(&mut self, draft: Draft) {
        let title = match draft.title {
            Some(t) if !t.trim().is_empty() => t.trim().to_owned(),
            given => {
                let what = if given.is_some() { "empty" } else { "missing" };
                let name = draft.title_name;
                self.problem(
                    draft.title_path,
                    format!("{what}: every event should have a {name} (it is labelled with its date for now)"),
                );
                String::new()
            }
        };
        let id = self.unique_id(
            draft.id_path,
            draft.id,
            &draft.start,
            draft.end.as_ref(),
            &title,
        );
        self.timeline.events.push(Event {
            id,
            start: draft.start,
            end: draft.end,
            title,
            text: draft.text,
            tags: draft.tags,
            importance: draft.importance,
            media: draft.media,
            source: draft.source,
            display_date: draft.display_date,
        });
    }

    /// Keeps an era whose end is not before its start; reports it at
    /// `end_path` otherwise.
    pub(crate) fn push_era(
        &mut self,
        end_path: String,
        start: PartialDate,
        end: PartialDate,
        label: String,
    ) {
        if let Some(end) = self.end_after(end_path, &start, end, ERA_SKIPPED) {
            self.timeline.eras.push(Era { start, end, label });
        }
    }

    /// `end` if it does not begin before `start`; otherwise a problem at
    /// `path` ending in `outcome`.
    pub(crate) fn end_after(
        &mut self,
        path: String,
        start: &PartialDate,
        end: PartialDate,
        outcome: &str,
    ) -> Option<PartialDate> {
        if end.end_ms() > start.start_ms() && end.start_ms() >= start.start_ms() {
            Some(end)
        } else {
            self.problem(
                path,
                format!("\"{end}\" is before the start \"{start}\" ({outcome})"),
            );
            None
        }
    }

    fn event(&mut self, path: &str, item: &Value) -> Option<Draft> {
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
        let id = self.string_field(path, item, "id").ok()?;
        let tags = self.tags(path, item).ok()?;
        let importance = self.importance(path, item).ok()?;
        let media = self.media(path, item.get("media"), false).ok()?;
        let source = self.source(path, item.get("source")).ok()?;
        let end = self.end(path, item, &start);
        Some(Draft {
            start,
            end,
            title,
            title_path: format!("{path}.title"),
            title_name: "title",
            id,
            id_path: format!("{path}.id"),
            text,
            tags,
            importance,
            media,
            source,
            display_date: None,
        })
    }

    /// A range's end; dropped with a warning if invalid or not after start.
    fn end(&mut self, path: &str, item: &Value, start: &PartialDate) -> Option<PartialDate> {
        let value = match item.get("end") {
            None | Some(Value::Null) => return None,
            Some(value) => value,
        };
        match date_of(value) {
            Ok(end) => self.end_after(format!("{path}.end"), start, end, END_IGNORED),
            Err(e) => {
                self.problem(format!("{path}.end"), format!("{e} (the end is ignored)"));
                None
            }
        }
    }

    /// An event's `media` object (`path` is the event's). A wrong type
    /// skips the event; a missing `url` or a refused URL drops the media.
    /// With `quiet_when_blank`, media whose fields are all empty strings (as
    /// TimelineJS3's spreadsheet exports write them) is dropped silently.
    pub(crate) fn media(
        &mut self,
        path: &str,
        value: Option<&Value>,
        quiet_when_blank: bool,
    ) -> Result<Option<Media>, WrongType> {
        let path = format!("{path}.media");
        let value = match value {
            None | Some(Value::Null) => return Ok(None),
            Some(v @ Value::Object(_)) => v,
            Some(other) => {
                self.problem(
                    path,
                    format!(
                        "expected an object such as {{\"url\": \"…\"}}, but found {} (the event is skipped)",
                        other.kind_name()
                    ),
                );
                return Err(WrongType);
            }
        };
        let mut field = |key: &str| {
            self.string_at(format!("{path}.{key}"), value.get(key), EVENT_SKIPPED)
                .map(non_blank)
        };
        let url = field("url")?;
        let media = Media {
            url: url.unwrap_or_default(),
            alt: field("alt")?,
            caption: field("caption")?,
            credit: field("credit")?,
            thumbnail: field("thumbnail")?,
        };
        Ok(self.checked_media(
            &format!("{path}.url"),
            &format!("{path}.thumbnail"),
            media,
            quiet_when_blank,
        ))
    }

    /// Media whose URLs passed [`check_url`]: a refused `url` drops the
    /// media, a refused thumbnail only the thumbnail, each with a warning.
    /// An empty `url` drops it too, quietly when `quiet_when_blank` and no
    /// other field is given.
    pub(crate) fn checked_media(
        &mut self,
        url_path: &str,
        thumbnail_path: &str,
        media: Media,
        quiet_when_blank: bool,
    ) -> Option<Media> {
        let url = match check_url(&media.url, true) {
            Ok(url) => url,
            Err(UrlProblem::Empty) => {
                let other = [&media.alt, &media.caption, &media.credit, &media.thumbnail]
                    .iter()
                    .any(|f| f.is_some());
                if other || !quiet_when_blank {
                    self.problem(
                        url_path.to_owned(),
                        "missing: media needs a URL (the media is dropped)".into(),
                    );
                }
                return None;
            }
            Err(e) => {
                self.problem(url_path.to_owned(), format!("{e} (the media is dropped)"));
                return None;
            }
        };
        let thumbnail = match media.thumbnail.as_deref().map(|t| check_url(t, true)) {
            None | Some(Err(UrlProblem::Empty)) => None,
            Some(Ok(thumbnail)) => Some(thumbnail),
            Some(Err(e)) => {
                self.problem(
                    thumbnail_path.to_owned(),
                    format!("{e} (the thumbnail is dropped)"),
                );
                None
            }
        };
        Some(Media {
            url,
            thumbnail,
            ..media
        })
    }

    /// An event's `source` object: a wrong type skips the event; a missing
    /// or refused `url` drops the source.
    fn source(&mut self, path: &str, value: Option<&Value>) -> Result<Option<Source>, WrongType> {
        let path = format!("{path}.source");
        let value = match value {
            None | Some(Value::Null) => return Ok(None),
            Some(v @ Value::Object(_)) => v,
            Some(other) => {
                self.problem(
                    path,
                    format!(
                        "expected an object such as {{\"url\": \"…\", \"name\": \"…\"}}, but found {} (the event is skipped)",
                        other.kind_name()
                    ),
                );
                return Err(WrongType);
            }
        };
        let url = self.string_at(format!("{path}.url"), value.get("url"), EVENT_SKIPPED)?;
        let name = self
            .string_at(format!("{path}.name"), value.get("name"), EVENT_SKIPPED)?
            .and_then(|n| non_blank(Some(n.trim().to_owned())));
        match check_url(url.as_deref().unwrap_or_default(), false) {
            Ok(url) => Ok(Some(Source { url, name })),
            Err(UrlProblem::Empty) => {
                self.problem(
                    format!("{path}.url"),
                    "missing: a source needs a URL (the source is dropped)".into(),
                );
                Ok(None)
            }
            Err(e) => {
                self.problem(
                    format!("{path}.url"),
                    format!("{e} (the source is dropped)"),
                );
                Ok(None)
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

    /// Keeps a given id unless taken (then `<id>-2`, `-3`… with a warning
    /// at `id_path`); derives one from the content otherwise, so the same
    /// data always yields the same ids.
    pub(crate) fn unique_id(
        &mut self,
        id_path: String,
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
                id_path,
                format!("duplicate id \"{base}\" (renamed to \"{id}\")"),
            );
        }
        self.ids.insert(id.clone());
        id
    }
}

/// `None` for strings that are empty or only spaces: optional text fields
/// treat those as absent (spreadsheet exports write them for empty cells).
pub(crate) fn non_blank(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
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
    use crate::core::model::{Media, Source};

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
            DataError::undefined().to_string(),
            r#"data: expected an object with an "events" array, or an array of events, but found undefined"#
        );
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
    fn reads_media_and_source() {
        let p = parsed(
            r#"[{"start": "2019", "title": "t", "display_date": "ignored here",
                 "media": {"url": " https://example.com/a.jpg ", "alt": "A tanker", "caption": "The <i>Stena</i>",
                           "credit": "Reuters", "thumbnail": "/thumbs/a.jpg", "colour": "red"},
                 "source": {"url": "https://bbc.co.uk/news/1", "name": " BBC "}}]"#,
        );
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let event = &p.timeline.events[0];
        assert_eq!(
            event.media,
            Some(Media {
                url: "https://example.com/a.jpg".into(),
                alt: Some("A tanker".into()),
                caption: Some("The <i>Stena</i>".into()),
                credit: Some("Reuters".into()),
                thumbnail: Some("/thumbs/a.jpg".into()),
            })
        );
        assert_eq!(
            event.source,
            Some(Source {
                url: "https://bbc.co.uk/news/1".into(),
                name: Some("BBC".into()),
            })
        );
        assert_eq!(
            event.display_date, None,
            "display_date is TimelineJS3's, not the contract's"
        );
    }

    #[test]
    fn drops_media_and_sources_with_unsafe_urls() {
        let p = parsed(
            r#"[{"start": "2019", "title": "a", "media": {"url": "javascript:alert(1)"}},
                {"start": "2019", "title": "b", "media": {"url": "JaVaScRiPt:alert(1)"}},
                {"start": "2019", "title": "c", "media": {"url": "java\tscript:alert(1)"}},
                {"start": "2019", "title": "d", "media": {"url": " javascript:alert(1)"}},
                {"start": "2019", "title": "e", "media": {"url": "vbscript:msgbox(1)"}},
                {"start": "2019", "title": "f", "media": {"url": "data:text/html,<script>alert(1)</script>"}},
                {"start": "2019", "title": "g", "media": {"url": "data:image/png;base64,AAAA", "thumbnail": "javascript:x"}},
                {"start": "2019", "title": "h", "media": {"caption": "no url"}},
                {"start": "2019", "title": "i", "source": {"url": "data:image/png;base64,AAAA"}},
                {"start": "2019", "title": "j", "source": {"name": "no url"}},
                {"start": "2019", "title": "k", "media": {"url": "<iframe src=\"https://x\"></iframe>"}}]"#,
        );
        assert_eq!(p.timeline.events.len(), 11, "bad URLs never skip the event");
        let with_media: Vec<&str> = p
            .timeline
            .events
            .iter()
            .filter(|e| e.media.is_some())
            .map(|e| e.title.as_str())
            .collect();
        assert_eq!(with_media, ["g"]);
        assert_eq!(p.timeline.events[6].media.as_ref().unwrap().thumbnail, None);
        assert!(p.timeline.events.iter().all(|e| e.source.is_none()));
        assert_eq!(
            p.problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                r#"[0].media.url: the scheme "javascript:" is not allowed (the media is dropped)"#,
                r#"[1].media.url: the scheme "javascript:" is not allowed (the media is dropped)"#,
                r#"[2].media.url: the scheme "javascript:" is not allowed (the media is dropped)"#,
                r#"[3].media.url: the scheme "javascript:" is not allowed (the media is dropped)"#,
                r#"[4].media.url: the scheme "vbscript:" is not allowed (the media is dropped)"#,
                r#"[5].media.url: the scheme "data:" is only allowed for images ("data:image/…") (the media is dropped)"#,
                r#"[6].media.thumbnail: the scheme "javascript:" is not allowed (the thumbnail is dropped)"#,
                "[7].media.url: missing: media needs a URL (the media is dropped)",
                r#"[8].source.url: the scheme "data:" is not allowed (the source is dropped)"#,
                "[9].source.url: missing: a source needs a URL (the source is dropped)",
                "[10].media.url: expected a URL, but found HTML (embed code is not supported: give the URL of an image or page) (the media is dropped)",
            ]
        );
    }

    #[test]
    fn skips_events_whose_media_or_source_has_the_wrong_type() {
        let p = parsed(
            r#"[{"start": "2019", "title": "a", "media": "https://example.com/a.jpg"},
                {"start": "2019", "title": "b", "media": {"url": 5}},
                {"start": "2019", "title": "c", "media": {"url": "a.jpg", "credit": ["x"]}},
                {"start": "2019", "title": "d", "source": "https://example.com"},
                {"start": "2019", "title": "e", "source": {"url": "https://example.com", "name": 1}},
                {"start": "2019", "title": "f", "media": null, "source": null}]"#,
        );
        assert_eq!(titles(&p), ["f"]);
        assert_eq!(
            p.problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                r#"[0].media: expected an object such as {"url": "…"}, but found a string (the event is skipped)"#,
                "[1].media.url: expected a string, but found a number (the event is skipped)",
                "[2].media.credit: expected a string, but found an array (the event is skipped)",
                r#"[3].source: expected an object such as {"url": "…", "name": "…"}, but found a string (the event is skipped)"#,
                "[4].source.name: expected a string, but found a number (the event is skipped)",
            ]
        );
    }

    #[test]
    fn keeps_strings_over_ten_thousand_characters() {
        let long = "é".repeat(12_000);
        let p = parsed(&format!(
            r#"[{{"start": "2019", "title": "{long}", "text": "{long}"}}]"#
        ));
        assert_eq!(p.timeline.events[0].title, long);
        assert_eq!(p.timeline.events[0].text.as_deref(), Some(long.as_str()));
        assert!(p.problems.is_empty());
    }

    #[test]
    fn tells_json_from_csv_by_the_first_character() {
        assert!(looks_like_json("\u{feff} \n {\"events\": []}"));
        assert!(looks_like_json("[]"));
        assert!(!looks_like_json("Year,Month\n"));
        assert!(!looks_like_json(""));
    }

    #[test]
    fn detects_timelinejs_documents() {
        let doc = |text: &str| looks_like_timelinejs(&json::parse(text).unwrap());
        assert!(doc(
            r#"{"events": [null, 3, {"start_date": {"year": 2019}}]}"#
        ));
        assert!(doc(
            r#"{"events": [], "title": {"text": {"headline": "x"}}}"#
        ));
        assert!(doc(
            r#"{"events": [], "title": {"media": {"url": "a.jpg"}}}"#
        ));
        assert!(doc(r#"{"events": [], "eras": []}"#));
        assert!(!doc(r#"{"events": [], "eras": null}"#));
        assert!(!doc(
            r#"{"events": [{"start": "2019", "start_date": {"year": 2019}}]}"#
        ));
        assert!(!doc(
            r#"{"events": [{"start": "2019"}, {"start_date": {"year": 2019}}]}"#
        ));
        assert!(!doc(r#"{"title": "x", "events": []}"#));
        assert!(!doc(r#"[{"start_date": {"year": 2019}}]"#));
        // Detected documents go to the TimelineJS3 reader.
        let p =
            parsed(r#"{"events": [{"start_date": {"year": 2019}, "text": {"headline": "x"}}]}"#);
        assert_eq!(p.timeline.events[0].start.to_string(), "2019");
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
