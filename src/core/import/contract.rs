//! Reads the widget's own event format in one pass over the text, whether
//! the text comes whole or its events come in pieces.
//!
//! # Overview
//!
//! - [`Document`]: reads a document's text, then any events that come
//!   after it in pieces, each event turned into an [`Event`] before the
//!   next is parsed: no tree of the whole document is ever built (at
//!   100,000 events it would be several times the size of the result).
//! - [`Stop`]: why a document was not read: it is TimelineJS3's, or it
//!   holds no events.
//!
//! # What is the contract format?
//!
//! `{ "title"?, "events": [Event…], "groups"?, "colors"?, "eras"? }`
//! (problem paths `events[3].x`) or a bare `[Event…]` (paths `[3].x`),
//! where an event is `{"start": "2019-05", "title": "…", "id"?, "end"?,
//! "text"?, "tags"?, "importance"?, "group"?, "media"?, "source"?}` and any
//! other member is ignored. When a member name repeats, the last one
//! counts, as with `JSON.parse`. `end` is a date, or `"now"` for an
//! ongoing range (see [`Event::ongoing`](crate::core::model::Event::ongoing)).
//! `groups`, `colors` and `eras` are read by the `threads` reader once
//! the events are.
//!
//! # How is a TimelineJS3 document told apart?
//!
//! By members the contract does not have: a `title` that is an object
//! with `text` or `media`, `eras` whose first object has `start_date` and
//! no `start`, or an `events` array whose first object has `start_date`
//! and no `start`. Such an array is only checked, not read, and
//! [`Stop::TimelineJs`] hands the document to the TimelineJS3 reader. A
//! bare array is always the contract's.
//!
//! [`Event`]: crate::core::model::Event

use crate::core::date::{DateError, PartialDate};
use crate::core::import::builder::{
    non_blank, trim, Builder, DataError, Draft, Keys, Loc, Outcome, Parsed, WrongType,
    DEFAULT_IMPORTANCE,
};
use crate::core::import::threads::read_threads;
use crate::core::json::{JsonError, Reader, Value};
use crate::core::model::{check_url, Source, UrlProblem};
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// Why [`Document`] stopped reading.
pub(crate) enum Stop {
    /// The document is TimelineJS3's: read it whole with that reader.
    TimelineJs,
    /// The document holds no events, or is not JSON.
    Rejected(DataError),
}

impl From<JsonError> for Stop {
    fn from(e: JsonError) -> Self {
        Stop::Rejected(DataError::not_json(e))
    }
}

impl From<DataError> for Stop {
    fn from(e: DataError) -> Self {
        Stop::Rejected(e)
    }
}

/// The problems only the contract's events have; `Display` writes them.
enum ContractProblem {
    NoStart,
    BadDate {
        error: DateError,
        outcome: Outcome,
    },
    /// `tags` holds this kind of value instead of an array.
    TagsNotAnArray(&'static str),
    /// A tag that is blank or not a string (what was found).
    BadTag(&'static str),
    BadImportance(Importance),
    SourceWithoutUrl,
}

/// What an `importance` that is not 1, 2 or 3 holds.
enum Importance {
    /// A whole number, printed without float formatting (which costs wasm
    /// bytes): the default is used.
    Integer(i64),
    /// Another number: the default is used.
    Fraction,
    /// Another kind of value: the event is skipped.
    Kind(&'static str),
}

impl fmt::Display for ContractProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let skipped = Outcome::EventSkipped;
        match self {
            ContractProblem::NoStart => write!(
                f,
                "missing: every event needs a start date such as \"2019-05-05\" ({skipped})"
            ),
            ContractProblem::BadDate { error, outcome } => write!(f, "{error} ({outcome})"),
            ContractProblem::TagsNotAnArray(found) => write!(
                f,
                "expected an array of strings, but found {found} ({skipped})"
            ),
            ContractProblem::BadTag(found) => write!(
                f,
                "expected a non-empty string, but found {found} (the tag is ignored)"
            ),
            ContractProblem::BadImportance(found) => {
                f.write_str("expected 1, 2 or 3, but found ")?;
                match found {
                    Importance::Integer(n) => write!(f, "{n} ({DEFAULT_IMPORTANCE} is used)"),
                    Importance::Fraction => {
                        write!(f, "a fraction ({DEFAULT_IMPORTANCE} is used)")
                    }
                    Importance::Kind(kind) => write!(f, "{kind} ({skipped})"),
                }
            }
            ContractProblem::SourceWithoutUrl => write!(
                f,
                "missing: a source needs a URL ({})",
                Outcome::SourceDropped
            ),
        }
    }
}

/// The contract's names for an event's title and id.
static KEYS: Keys = Keys {
    title: "title",
    title_name: "title",
    id: "id",
};

/// A document of the contract's shape being read: the events so far, and
/// what the members read so far say about the rest.
pub(crate) struct Document {
    builder: Builder,
    /// The last `title` member, read once the events are.
    title: Option<Value>,
    /// The last `groups`, `colors` and `eras` members, read once the
    /// events are (they are checked against the events' groups and tags).
    groups: Option<Value>,
    colors: Option<Value>,
    eras: Option<Value>,
    /// "events" in an object, "" in a bare array: the problem paths' start.
    prefix: &'static str,
    /// The index of the next element of the events array.
    next_index: usize,
    /// Whether the events array has had no object yet: its first one
    /// tells a TimelineJS3 document.
    first_object_pending: bool,
    /// Whether that first object was a TimelineJS3 event.
    timelinejs_events: bool,
    /// The tags of the event being read, each once, so that its list is
    /// allocated at its size.
    tags: Vec<Arc<str>>,
}

impl Document {
    /// Reads a document's whole text: an array of events, or an object
    /// whose (last) `events` member is one.
    pub(crate) fn read(text: &str) -> Result<Document, Stop> {
        let mut document = Document {
            builder: Builder::default(),
            title: None,
            groups: None,
            colors: None,
            eras: None,
            prefix: "",
            next_index: 0,
            first_object_pending: false,
            timelinejs_events: false,
            tags: Vec::new(),
        };
        let mut r = Reader::new(text);
        match r.peek() {
            Some(b'[') => {
                document.read_events(&mut r)?;
                r.finish()?;
            }
            Some(b'{') => document.read_object(r)?,
            _ => {
                let found = r.value()?.kind_name();
                r.finish()?;
                return Err(DataError::not_a_document(found).into());
            }
        }
        Ok(document)
    }

    /// Makes room for `total` more events, when their number is known.
    pub(crate) fn reserve(&mut self, total: usize) {
        self.builder.reserve(total);
    }

    /// Reads more events, the JSON text of an array, as if they followed
    /// those of the document's events array.
    pub(crate) fn read_piece(&mut self, piece: &str) -> Result<(), Stop> {
        let mut r = Reader::new(piece);
        if r.peek() != Some(b'[') {
            let found = r.value()?.kind_name();
            return Err(DataError::no_events_array(Some(found)).into());
        }
        self.read_events(&mut r)?;
        r.finish()?;
        if self.timelinejs_events {
            return Err(Stop::TimelineJs);
        }
        Ok(())
    }

    /// The result, with the document's title, groups, colours and eras.
    pub(crate) fn finish(mut self) -> Parsed {
        let b = &mut self.builder;
        read_threads(
            b,
            self.groups.as_ref(),
            self.colors.as_ref(),
            self.eras.as_ref(),
        );
        b.document_title(self.title.as_ref());
        self.builder.finish()
    }

    /// Reads the members of an object document (its `{` is next).
    fn read_object(&mut self, mut r: Reader<'_>) -> Result<(), Stop> {
        self.prefix = "events";
        r.enter()?;
        // What the last member of each name said.
        let mut events: Option<Result<(), &'static str>> = None;
        let mut title_slide = false;
        let mut timelinejs_eras = false;
        let mut first = true;
        while let Some(key) = r.next_member(first)? {
            first = false;
            match key.as_bytes() {
                b"events" => {
                    if events.is_some() {
                        // Only the last one counts.
                        self.builder = Builder::default();
                        self.next_index = 0;
                        self.timelinejs_events = false;
                    }
                    events = Some(if r.peek() == Some(b'[') {
                        self.first_object_pending = true;
                        self.read_events(&mut r)?;
                        Ok(())
                    } else {
                        Err(r.value()?.kind_name())
                    });
                }
                b"title" => {
                    let title = r.value()?;
                    title_slide = matches!(title, Value::Object(_))
                        && (title.get("text").is_some() || title.get("media").is_some());
                    self.title = Some(title);
                }
                b"eras" => {
                    let eras = r.value()?;
                    // TimelineJS3's eras have `start_date` objects.
                    timelinejs_eras = matches!(&eras, Value::Array(items)
                        if items.iter().find(|e| matches!(e, Value::Object(_)))
                            .is_some_and(|e| e.get("start_date").is_some() && e.get("start").is_none()));
                    self.eras = Some(eras);
                }
                b"groups" => self.groups = Some(r.value()?),
                b"colors" => self.colors = Some(r.value()?),
                _ => r.skip()?,
            }
        }
        r.finish()?;
        if title_slide || timelinejs_eras || self.timelinejs_events {
            return Err(Stop::TimelineJs);
        }
        match events {
            Some(Ok(())) => Ok(()),
            Some(Err(found)) => Err(DataError::no_events_array(Some(found)).into()),
            None => Err(DataError::no_events_array(None).into()),
        }
    }

    /// Reads the events array at `r` (its `[` is next), one event at a
    /// time; the first element is `events[next_index]`. Once the array's
    /// first object turns out to be TimelineJS3's, the rest is only
    /// checked.
    fn read_events(&mut self, r: &mut Reader<'_>) -> Result<(), Stop> {
        r.enter()?;
        let begin = r.offset();
        let mut first = true;
        while r.next_element(first)? {
            first = false;
            let done = r.offset().saturating_sub(begin);
            let left = r.input_len().saturating_sub(r.offset());
            self.builder.make_room(done, left);
            let at = Loc {
                prefix: self.prefix,
                index: self.next_index,
            };
            self.next_index += 1;
            if r.peek() != Some(b'{') {
                let found = r.value()?.kind_name();
                self.builder.not_an_event(at, found);
                continue;
            }
            // Filled in place: returned, the members would be copied twice.
            let mut slots = Slots::default();
            self.read_slots(r, &mut slots)?;
            if std::mem::take(&mut self.first_object_pending)
                && slots.has_start_date
                && !slots.has_start
            {
                self.timelinejs_events = true;
                while r.next_element(false)? {
                    r.skip()?;
                }
                break;
            }
            // A wrong field skips the event; its problem is reported.
            let _ = event(&mut self.builder, at, slots);
        }
        Ok(())
    }

    /// Reads an event object (its `{` is next) into the members the
    /// contract reads.
    fn read_slots<'a>(
        &mut self,
        r: &mut Reader<'a>,
        slots: &mut Slots<'a>,
    ) -> Result<(), JsonError> {
        r.enter()?;
        let mut first = true;
        while let Some(key) = r.next_member(first)? {
            first = false;
            let Some(slot) = slots.slot(&key) else {
                r.skip()?;
                continue;
            };
            *slot = if let Some(text) = r.string()? {
                Some(Field::Str(text))
            } else if &*key == "tags" && r.peek() == Some(b'[') {
                Some(Field::Tags(self.read_tags(r)?))
            } else {
                Field::owned(r.value()?)
            };
        }
        Ok(())
    }

    /// Reads a `tags` array (its `[` is next) straight into [`Tags`]:
    /// each tag trimmed and kept once, unless blank or not a string.
    fn read_tags(&mut self, r: &mut Reader<'_>) -> Result<Tags, JsonError> {
        r.enter()?;
        let mut odd = Vec::new();
        let mut i = 0;
        while r.next_element(i == 0)? {
            match r.string()? {
                Some(text) => {
                    let tag = trim(&text);
                    if tag.is_empty() {
                        odd.push((i, "an empty string"));
                    } else if !self.tags.iter().any(|t| **t == *tag) {
                        let tag = self.builder.intern(tag);
                        self.tags.push(tag);
                    }
                }
                None => odd.push((i, r.value()?.kind_name())),
            }
            i += 1;
        }
        Ok(Tags {
            kept: self.tags.drain(..).collect(),
            odd,
        })
    }
}

/// Checks one event and keeps it, or reports why not.
fn event(b: &mut Builder, at: Loc, slots: Slots<'_>) -> Result<(), WrongType> {
    let Slots {
        start,
        end,
        title,
        text,
        id,
        tags,
        importance,
        group,
        media,
        source,
        ..
    } = slots;
    let Some(start) = start else {
        b.problem(at.field("start"), &ContractProblem::NoStart);
        return Err(WrongType);
    };
    let start = date_of(&start).map_err(|error| {
        let outcome = Outcome::EventSkipped;
        b.problem(
            at.field("start"),
            &ContractProblem::BadDate { error, outcome },
        );
        WrongType
    })?;
    let title = text_field(b, at, "title", title)?;
    let text = text_field(b, at, "text", text)?;
    let id = text_field(b, at, "id", id)?;
    let tags = tags_field(b, at, tags)?;
    let importance = importance_field(b, at, importance)?;
    let group = group_field(b, at, group);
    let media = match media {
        None => None,
        Some(value) => b
            .media(&at.path(), Some(&value.into_value()), false)?
            .map(Box::new),
    };
    let source = match source {
        None => None,
        Some(value) => source_field(b, &at.path(), &value.into_value())?.map(Box::new),
    };
    // `"end": "now"`: an ongoing range, its end the reader's present.
    let ongoing = matches!(&end, Some(Field::Str(s)) if s.trim().eq_ignore_ascii_case("now"));
    let end = end
        .filter(|_| !ongoing)
        .and_then(|value| end_field(b, at, &start, &value));
    b.push_event(Draft {
        at,
        keys: &KEYS,
        start,
        end,
        title,
        id,
        text,
        tags,
        importance,
        media,
        source,
        display_date: None,
        group,
        ongoing,
    });
    Ok(())
}

/// The event's group: a string, trimmed; blank is none, and another
/// value is reported and ignored (the event stays, in no lane).
fn group_field(b: &mut Builder, at: Loc, value: Option<Field<'_>>) -> Option<Arc<str>> {
    match value? {
        Field::Str(name) => {
            let name = trim(&name);
            (!name.is_empty()).then(|| b.group(name))
        }
        other => {
            b.not_a_string(at.field("group"), other.kind_name(), Outcome::GroupIgnored);
            None
        }
    }
}

/// An optional string field of an event; a wrong type skips the event.
fn text_field(
    b: &mut Builder,
    at: Loc,
    key: &str,
    value: Option<Field<'_>>,
) -> Result<Option<String>, WrongType> {
    match value {
        None => Ok(None),
        Some(Field::Str(text)) => Ok(Some(text.into_owned())),
        Some(other) => Err(b.not_a_string(at.field(key), other.kind_name(), Outcome::EventSkipped)),
    }
}

/// A range's end; dropped with a warning if invalid or not after start.
fn end_field(
    b: &mut Builder,
    at: Loc,
    start: &PartialDate,
    value: &Field<'_>,
) -> Option<PartialDate> {
    match date_of(value) {
        Ok(end) => b.end_after(at.field("end"), start, end, Outcome::EndIgnored),
        Err(error) => {
            let outcome = Outcome::EndIgnored;
            b.problem(
                at.field("end"),
                &ContractProblem::BadDate { error, outcome },
            );
            None
        }
    }
}

/// The event's tags; blank tags and tags that are not strings are
/// ignored with a warning each, a `tags` that is not an array skips it.
fn tags_field(
    b: &mut Builder,
    at: Loc,
    value: Option<Field<'_>>,
) -> Result<Vec<Arc<str>>, WrongType> {
    match value {
        None => Ok(Vec::new()),
        Some(Field::Tags(Tags { kept, odd })) => {
            for (i, found) in odd {
                b.problem(
                    format!("{}.tags[{i}]", at.path()),
                    &ContractProblem::BadTag(found),
                );
            }
            Ok(kept)
        }
        Some(other) => {
            let problem = ContractProblem::TagsNotAnArray(other.kind_name());
            b.problem(at.field("tags"), &problem);
            Err(WrongType)
        }
    }
}

/// 1, 2 or 3; another number gets the default with a warning, another
/// kind of value skips the event.
fn importance_field(b: &mut Builder, at: Loc, value: Option<Field<'_>>) -> Result<u8, WrongType> {
    let found = match &value {
        None => return Ok(DEFAULT_IMPORTANCE),
        Some(Field::Other(value)) => match value.as_f64() {
            Some(n) if [1.0, 2.0, 3.0].contains(&n) => return Ok(n as u8),
            Some(n) if n.fract() == 0.0 && n.abs() < 1e15 => Importance::Integer(n as i64),
            Some(_) => Importance::Fraction,
            None => Importance::Kind(value.kind_name()),
        },
        Some(other) => Importance::Kind(other.kind_name()),
    };
    let skipped = matches!(found, Importance::Kind(_));
    b.problem(
        at.field("importance"),
        &ContractProblem::BadImportance(found),
    );
    if skipped {
        Err(WrongType)
    } else {
        Ok(DEFAULT_IMPORTANCE)
    }
}

/// An event's `source` object (`path` is the event's): a wrong type skips
/// the event; a missing or refused `url` drops the source.
fn source_field(b: &mut Builder, path: &str, value: &Value) -> Result<Option<Source>, WrongType> {
    let path = format!("{path}.source");
    if !matches!(value, Value::Object(_)) {
        let example = r#"{"url": "…", "name": "…"}"#;
        let found = value.kind_name();
        return Err(b.not_an_object(path, example, found, Outcome::EventSkipped));
    }
    let skipped = Outcome::EventSkipped;
    let url = b.string_at(format!("{path}.url"), value.get("url"), skipped)?;
    let name = b
        .string_at(format!("{path}.name"), value.get("name"), skipped)?
        .and_then(|n| non_blank(Some(n.trim().to_owned())));
    match check_url(url.as_deref().unwrap_or_default(), false) {
        Ok(url) => Ok(Some(Source { url, name })),
        Err(UrlProblem::Empty) => {
            b.problem(format!("{path}.url"), &ContractProblem::SourceWithoutUrl);
            Ok(None)
        }
        Err(e) => {
            b.refused_url(format!("{path}.url"), &e, Outcome::SourceDropped);
            Ok(None)
        }
    }
}

/// Parses a date value, naming what was found when it is not a string.
fn date_of(value: &Field<'_>) -> Result<PartialDate, DateError> {
    match value {
        Field::Str(s) => PartialDate::parse(s),
        other => Err(DateError::not_a_string(other.kind_name())),
    }
}

/// A member of an event object, borrowed from the input where possible.
/// `null` is never stored: it means "absent" for every field.
enum Field<'a> {
    Str(Cow<'a, str>),
    /// A `tags` array, read as it was parsed.
    Tags(Tags),
    /// Anything else but `null`.
    Other(Value),
}

/// An event's tags: the ones kept (trimmed, each once) and, by index, what
/// was found instead of the others, for the problems reported once the
/// event gets that far.
struct Tags {
    kept: Vec<Arc<str>>,
    odd: Vec<(usize, &'static str)>,
}

impl<'a> Field<'a> {
    /// A member parsed on its own.
    fn owned(value: Value) -> Option<Self> {
        match value {
            Value::Null => None,
            Value::String(s) => Some(Field::Str(Cow::Owned(s))),
            other => Some(Field::Other(other)),
        }
    }

    fn kind_name(&self) -> &'static str {
        match self {
            Field::Str(_) => "a string",
            Field::Tags(_) => "an array",
            Field::Other(value) => value.kind_name(),
        }
    }

    /// As a tree, for the readers shared with TimelineJS3 (`media`), which
    /// see only the kind of an array.
    fn into_value(self) -> Value {
        match self {
            Field::Str(s) => Value::String(s.into_owned()),
            Field::Tags(_) => Value::Array(Vec::new()),
            Field::Other(value) => value,
        }
    }
}

/// The members of an event object that the contract reads; when a name
/// repeats, the last one counts (as with [`Value::get`]).
#[derive(Default)]
struct Slots<'a> {
    start: Option<Field<'a>>,
    end: Option<Field<'a>>,
    title: Option<Field<'a>>,
    text: Option<Field<'a>>,
    id: Option<Field<'a>>,
    tags: Option<Field<'a>>,
    importance: Option<Field<'a>>,
    group: Option<Field<'a>>,
    media: Option<Field<'a>>,
    source: Option<Field<'a>>,
    /// Whether `start` and `start_date` were given (even as `null`), for
    /// telling TimelineJS3 events apart.
    has_start: bool,
    has_start_date: bool,
}

impl<'a> Slots<'a> {
    /// Where the member named `key` goes; `None` for names not read.
    fn slot(&mut self, key: &str) -> Option<&mut Option<Field<'a>>> {
        // Byte patterns compile to inline comparisons, not memcmp calls.
        Some(match key.as_bytes() {
            b"start" => {
                self.has_start = true;
                &mut self.start
            }
            b"end" => &mut self.end,
            b"title" => &mut self.title,
            b"text" => &mut self.text,
            b"id" => &mut self.id,
            b"tags" => &mut self.tags,
            b"importance" => &mut self.importance,
            b"group" => &mut self.group,
            b"media" => &mut self.media,
            b"source" => &mut self.source,
            b"start_date" => {
                self.has_start_date = true;
                return None;
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::import::parse_document;
    use crate::core::model::{Media, Source};

    fn parsed(text: &str) -> Parsed {
        parse_document(text).unwrap()
    }

    #[test]
    fn counts_the_kept_events_tags_most_used_first() {
        let p = parsed(
            r#"[{"start": "2019-07-19", "title": "Tanker seized", "tags": ["shipping"]},
                {"start": "2019-05-05", "title": "Carrier deployed", "tags": ["military"]},
                {"start": "nope", "title": "Skipped", "tags": ["military", "skipped"]},
                {"start": "2019-06", "title": "Incidents at sea", "tags": [" shipping "]},
                {"start": "2019-06-20", "title": "Drone over Téhéran", "tags": ["military", "air", "military"]}]"#,
        );
        assert_eq!(
            p.tags,
            [
                ("military".to_owned(), 2),
                ("shipping".to_owned(), 2),
                ("air".to_owned(), 1)
            ]
        );
        // The same as counting the timeline's events afterwards.
        let mut counted: Vec<(String, usize)> = Vec::new();
        for tag in p.timeline.events.iter().flat_map(|e| &e.tags) {
            match counted.iter_mut().find(|(t, _)| **t == **tag) {
                Some((_, n)) => *n += 1,
                None => counted.push((tag.to_string(), 1)),
            }
        }
        counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        assert_eq!(p.tags, counted);
        // One copy of each tag, shared by the events that carry it.
        let military: Vec<_> = p
            .timeline
            .events
            .iter()
            .flat_map(|e| &e.tags)
            .filter(|t| &***t == "military")
            .collect();
        assert_eq!(military.len(), 2);
        assert!(Arc::ptr_eq(military[0], military[1]));
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

    /// A JS BigInt (`start: 10n`) rejected the whole mount ("Do not know
    /// how to serialize a BigInt"); the loader now writes the stand-in
    /// the JSON reader names, and only that event is skipped.
    #[test]
    fn a_bigint_skips_its_event_and_is_named() {
        assert_eq!(
            problems(
                r#"[{"start": "2019-05-05", "title": "kept"},
                    {"start": {"\u0000bigint": "10"}, "title": "skipped"},
                    {"start": "2019-06-01", "title": {"\u0000bigint": "7"}}]"#
            ),
            [
                r#"[1].start: expected a date string such as "2019-05-05", but found a BigInt (the event is skipped)"#,
                "[2].title: expected a string, but found a BigInt (the event is skipped)",
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
    fn an_end_of_now_is_an_ongoing_range_resolved_with_the_present() {
        let mut p = parsed(
            r#"[{"start": "2019-05", "end": "now", "title": "a"},
                {"start": "2019-06", "end": " NOW ", "title": "b"},
                {"start": "2019-07", "end": "2019-08", "title": "c"}]"#,
        );
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let ongoing: Vec<(bool, Option<PartialDate>)> = p
            .timeline
            .events
            .iter()
            .map(|e| (e.ongoing, e.end))
            .collect();
        assert_eq!(ongoing[0], (true, None));
        assert_eq!(ongoing[1], (true, None));
        assert!(!ongoing[2].0);
        // The present fills the end: it moves as time passes. It is a
        // time of the axis's wall clock, so it is written without offset.
        let now = PartialDate::parse("2024-03-01T10:15Z").unwrap();
        assert!(p.timeline.resolve_ongoing(now.start_ms()));
        let end = p.timeline.events[0].end.unwrap();
        assert_eq!(end.to_string(), "2024-03-01T10:15");
        let later = now.start_ms() + 3_600_000.0;
        p.timeline.resolve_ongoing(later);
        assert_eq!(p.timeline.events[1].end.unwrap().start_ms(), later);
        // Before it begins, an ongoing event is a point.
        p.timeline
            .resolve_ongoing(PartialDate::parse("2019-05-20").unwrap().start_ms());
        assert_eq!(
            (p.timeline.events[0].end.is_some(), p.timeline.events[1].end),
            (true, None)
        );
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
        assert_eq!(p.timeline.events[0].tags, ["military".into()]);
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
            Some(Box::new(Media {
                url: "https://example.com/a.jpg".into(),
                alt: Some("A tanker".into()),
                caption: Some("The <i>Stena</i>".into()),
                credit: Some("Reuters".into()),
                thumbnail: Some("/thumbs/a.jpg".into()),
            }))
        );
        assert_eq!(
            event.source,
            Some(Box::new(Source {
                url: "https://bbc.co.uk/news/1".into(),
                name: Some("BBC".into()),
            }))
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

    /// Whether the contract reader hands `text` to the TimelineJS3 reader.
    fn is_timelinejs(text: &str) -> bool {
        matches!(Document::read(text), Err(Stop::TimelineJs))
    }

    #[test]
    fn tells_timelinejs_documents_by_their_last_members() {
        assert!(is_timelinejs(
            r#"{"events": [null, 3, {"start_date": {"year": 2019}}]}"#
        ));
        assert!(is_timelinejs(
            r#"{"events": [], "title": {"text": {"headline": "x"}}}"#
        ));
        assert!(is_timelinejs(
            r#"{"events": [], "title": {"media": {"url": "a.jpg"}}}"#
        ));
        assert!(is_timelinejs(
            r#"{"events": [], "eras": [null, {"start_date": {"year": 1939}}]}"#
        ));
        // The contract has eras of its own.
        assert!(!is_timelinejs(r#"{"events": [], "eras": []}"#));
        assert!(!is_timelinejs(
            r#"{"events": [], "eras": [{"start": "1939", "end": "1945", "start_date": 1}]}"#
        ));
        assert!(!is_timelinejs(r#"{"events": [], "eras": null}"#));
        assert!(!is_timelinejs(
            r#"{"events": [{"start": "2019", "start_date": {"year": 2019}}]}"#
        ));
        assert!(!is_timelinejs(
            r#"{"events": [{"start": "2019"}, {"start_date": {"year": 2019}}]}"#
        ));
        assert!(!is_timelinejs(r#"{"title": "x", "events": []}"#));
        assert!(!is_timelinejs(r#"[{"start_date": {"year": 2019}}]"#));
        // The last member of a name counts, as with JSON.parse.
        assert!(!is_timelinejs(
            r#"{"events": [{"start_date": {"year": 2019}}], "events": []}"#
        ));
        assert!(!is_timelinejs(
            r#"{"eras": [{"start_date": {"year": 1939}}], "eras": null, "events": []}"#
        ));
        assert!(!is_timelinejs(
            r#"{"title": {"text": {}}, "title": "x", "events": []}"#
        ));
        // Detected documents go to the TimelineJS3 reader.
        let p =
            parsed(r#"{"events": [{"start_date": {"year": 2019}, "text": {"headline": "x"}}]}"#);
        assert_eq!(p.timeline.events[0].start.to_string(), "2019");
    }

    #[test]
    fn reads_the_last_events_member() {
        let p = parsed(
            r#"{"events": [{"start": "2019", "title": "first"}, {"start": "x"}],
                "events": [{"start": "2020", "title": "last"}]}"#,
        );
        assert_eq!(titles(&p), ["last"]);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(
            parse_document(r#"{"events": [], "events": 5}"#)
                .unwrap_err()
                .to_string(),
            "events: expected an array of events, but found a number"
        );
    }
}
