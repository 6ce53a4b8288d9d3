//! What every reader fills: the events, eras and problems of one document,
//! with the rules that must not depend on the input format.
//!
//! # Overview
//!
//! - [`Parsed`]: the result of reading a document (timeline, problems, tags).
//! - [`DataError`]: a document that holds no events at all.
//! - [`Builder`]: takes [`Draft`] events and eras from a reader, settles
//!   titles and ids, reports [`Outcome`]s of wrong fields in one wording,
//!   and finishes with the events in time order.
//!
//! # What is a problem?
//!
//! Something wrong with one event, era or field, reported at its path in
//! the input (`events[3].start`) with a message that ends with what became
//! of it ("(the event is skipped)"). Good events always survive; a problem
//! never rejects the document. The wording of the problems met here lives
//! in one private enum, whose `Display` writes each message.

use crate::core::date::PartialDate;
use crate::core::id_index::{id_hash, IdIndex};
use crate::core::import::ids::content_id;
use crate::core::import::sort::sort_by_start;
use crate::core::json::{JsonError, Value};
use crate::core::model::{
    check_url, DataColor, Era, Event, EventData, Group, Media, Problem, Source, Timeline,
    UrlProblem,
};
use std::fmt;
use std::sync::Arc;

/// What validation produced: the events that can be shown and what was
/// wrong with the rest.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// The renderable timeline.
    pub timeline: Timeline,
    /// Everything skipped or repaired, in input order.
    pub problems: Vec<Problem>,
    /// The timeline's tags with how many events carry each, most used
    /// first (then by name), for the filter chips. Counted while the
    /// events are read: once sorted by date, the events' tags lie all over
    /// memory, and the same count took 20 ms of mounting 100,000 events.
    pub tags: Vec<(String, usize)>,
}

/// A document that holds no events at all; `mount` and `setEvents` reject
/// with it rather than show an empty widget without explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    path: &'static str,
    message: String,
}

/// Why a JSON document holds no events; its `Display` is the message of
/// the [`DataError`].
enum DocumentProblem {
    /// Neither an object nor an array: the kind of value found.
    NotADocument(&'static str),
    /// `events` is there but holds the kind of value named.
    EventsNotAnArray(&'static str),
    /// An object without `events`.
    NoEvents,
    NotJson(JsonError),
}

impl fmt::Display for DocumentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentProblem::NotADocument(found) => write!(
                f,
                "expected an object with an \"events\" array, or an array of events, but found {found}"
            ),
            DocumentProblem::EventsNotAnArray(found) => {
                write!(f, "expected an array of events, but found {found}")
            }
            DocumentProblem::NoEvents => f.write_str(
                "expected an object with an \"events\" array, but found an object without \"events\"",
            ),
            DocumentProblem::NotJson(e) => write!(f, "not valid JSON: {e}"),
        }
    }
}

impl DataError {
    /// A rejection at `path` (`data`, `events`) with a message already
    /// written, for the embedding layer's own reasons.
    pub(crate) fn new(path: &'static str, message: String) -> Self {
        DataError { path, message }
    }

    /// A rejection whose message a reader's problem enum writes.
    pub(crate) fn described(path: &'static str, message: &dyn fmt::Display) -> Self {
        DataError::new(path, message.to_string())
    }

    /// For data that has no JSON form at all (JS `undefined`), so the
    /// rejection reads like the one for any other wrong kind of value.
    pub fn undefined() -> Self {
        DataError::not_a_document("undefined")
    }

    /// Input that is neither an object nor an array (`found` is its kind).
    pub(crate) fn not_a_document(found: &'static str) -> Self {
        DataError::described("data", &DocumentProblem::NotADocument(found))
    }

    /// An object whose last `events` member holds no array, or that has
    /// none (`found` is `None`).
    pub(crate) fn no_events_array(found: Option<&'static str>) -> Self {
        match found {
            Some(found) => {
                DataError::described("events", &DocumentProblem::EventsNotAnArray(found))
            }
            None => DataError::described("data", &DocumentProblem::NoEvents),
        }
    }

    pub(crate) fn not_json(e: JsonError) -> Self {
        DataError::described("data", &DocumentProblem::NotJson(e))
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for DataError {}

/// What becomes of the thing being read when one of its fields is wrong.
/// Problem messages end with it: "… (the event is skipped)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    EventSkipped,
    EndIgnored,
    EraSkipped,
    GroupIgnored,
    EntryIgnored,
    IdShown,
    DefaultColor,
    TitleIgnored,
    MediaDropped,
    ThumbnailDropped,
    SourceDropped,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Outcome::EventSkipped => "the event is skipped",
            Outcome::EndIgnored => "the end is ignored",
            Outcome::EraSkipped => "the era is skipped",
            Outcome::GroupIgnored => "the event goes to no group",
            Outcome::EntryIgnored => "the entry is ignored",
            Outcome::IdShown => "the id is shown",
            Outcome::DefaultColor => "the default colour is used",
            Outcome::TitleIgnored => "the title is ignored",
            Outcome::MediaDropped => "the media is dropped",
            Outcome::ThumbnailDropped => "the thumbnail is dropped",
            Outcome::SourceDropped => "the source is dropped",
        })
    }
}

/// The problems that every reader meets through the [`Builder`].
enum EventProblem<'a> {
    /// A field that must be a string (`outcome` is `None` for the
    /// document's title, which has nothing else to lose).
    NotAString {
        found: &'static str,
        outcome: Option<Outcome>,
    },
    /// A field that must be an object, shown by `example`.
    NotAnObject {
        example: &'static str,
        found: &'static str,
        outcome: Outcome,
    },
    NotAnEvent(&'static str),
    /// No title, or a blank one (`empty`); `name` is what the input calls
    /// it ("title", "headline").
    NoTitle {
        empty: bool,
        name: &'static str,
    },
    EndBeforeStart {
        start: &'a PartialDate,
        end: &'a PartialDate,
        outcome: Outcome,
    },
    DuplicateId {
        given: &'a str,
        renamed: &'a str,
    },
    MediaWithoutUrl,
    RefusedUrl {
        problem: &'a UrlProblem,
        outcome: Outcome,
    },
}

impl fmt::Display for EventProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventProblem::NotAString { found, outcome } => {
                write!(f, "expected a string, but found {found}")?;
                match outcome {
                    Some(outcome) => write!(f, " ({outcome})"),
                    None => Ok(()),
                }
            }
            EventProblem::NotAnObject {
                example,
                found,
                outcome,
            } => write!(
                f,
                "expected an object such as {example}, but found {found} ({outcome})"
            ),
            EventProblem::NotAnEvent(found) => {
                write!(f, "expected an event object, but found {found}")
            }
            EventProblem::NoTitle { empty, name } => write!(
                f,
                "{}: every event should have a {name} (it is labelled with its date for now)",
                if *empty { "empty" } else { "missing" }
            ),
            EventProblem::EndBeforeStart {
                start,
                end,
                outcome,
            } => write!(f, "\"{end}\" is before the start \"{start}\" ({outcome})"),
            EventProblem::DuplicateId { given, renamed } => {
                write!(f, "duplicate id \"{given}\" (renamed to \"{renamed}\")")
            }
            EventProblem::MediaWithoutUrl => {
                write!(f, "missing: media needs a URL ({})", Outcome::MediaDropped)
            }
            EventProblem::RefusedUrl { problem, outcome } => write!(f, "{problem} ({outcome})"),
        }
    }
}

/// The importance of events that do not give one (3 is the most
/// important).
pub(crate) const DEFAULT_IMPORTANCE: u8 = 2;

/// Accumulates events, eras, problems and the ids already taken; every
/// reader (contract JSON, TimelineJS3, CSV) fills one, so ids, titles and
/// warnings follow the same rules.
#[derive(Default)]
pub(crate) struct Builder {
    pub(crate) timeline: Timeline,
    problems: Vec<Problem>,
    ids: IdIndex,
    /// Every tag read, each once (the events share them), with how many
    /// kept events carry it: [`Parsed::tags`] once [`Builder::finish`]ed.
    tag_counts: Vec<(Arc<str>, usize)>,
    /// How many kept events are in each of `timeline.groups`.
    group_counts: Vec<usize>,
}

/// A field that must be skipped over: what holds it is dropped (the problem
/// is already reported).
pub(crate) struct WrongType;

/// Where an event or era is in the input, for problem paths, which are
/// only written out when there is a problem: `events[3]`, `[3]`, `rows[4]`.
#[derive(Clone, Copy)]
pub(crate) struct Loc {
    /// "events", "eras", "rows" or "" (a bare array).
    pub(crate) prefix: &'static str,
    pub(crate) index: usize,
}

impl Loc {
    /// The item's path: `events[3]`.
    pub(crate) fn path(self) -> String {
        format!("{}[{}]", self.prefix, self.index)
    }

    /// A field's path: `events[3].start`.
    pub(crate) fn field(self, key: &str) -> String {
        format!("{}[{}].{key}", self.prefix, self.index)
    }
}

/// What an input format calls an event's title and id, for the paths and
/// messages of their problems.
pub(crate) struct Keys {
    /// The title's path below the event: "title", "text.headline".
    pub(crate) title: &'static str,
    /// The title's name in messages: "title", "headline".
    pub(crate) title_name: &'static str,
    /// The id's path below the event: "id", "unique_id".
    pub(crate) id: &'static str,
}

/// An event read from any input format, before its title is checked and its
/// id settled by [`Builder::push_event`].
pub(crate) struct Draft {
    pub(crate) at: Loc,
    pub(crate) keys: &'static Keys,
    pub(crate) start: PartialDate,
    pub(crate) end: Option<PartialDate>,
    /// `None` when absent; checked (and warned about) when empty.
    pub(crate) title: Option<String>,
    pub(crate) id: Option<String>,
    pub(crate) text: Option<String>,
    /// Each tag once, shared through [`Builder::intern`].
    pub(crate) tags: Vec<Arc<str>>,
    pub(crate) importance: u8,
    /// Boxed, as [`Event`] holds it: most events have none, and a
    /// [`Draft`] is moved whole.
    pub(crate) media: Option<Box<Media>>,
    pub(crate) source: Option<Box<Source>>,
    pub(crate) display_date: Option<String>,
    /// Shared through [`Builder::group`].
    pub(crate) group: Option<Arc<str>>,
    /// `"end": "now"`: the end is the reader's present.
    pub(crate) ongoing: bool,
}

impl Builder {
    /// Reports a problem at `path`; `message` is a reader's problem enum.
    pub(crate) fn problem(&mut self, path: String, message: &dyn fmt::Display) {
        self.problems.push(Problem {
            path,
            message: message.to_string(),
        });
    }

    /// The result: events and eras sorted by start, ties in input order.
    pub(crate) fn finish(mut self) -> Parsed {
        // Not needed any more: freed before the sort allocates.
        self.ids = IdIndex::default();
        self.timeline.events.shrink_to_fit();
        sort_by_start(&mut self.timeline.events, Event::start_ms);
        sort_by_start(&mut self.timeline.eras, Era::start_ms);
        // Tags and groups read only on events that were skipped count for
        // nothing.
        self.tag_counts.retain(|(_, n)| *n > 0);
        // Tags are unique, so an unstable sort gives the one order (and
        // is not a stable sort's merge code in the wasm).
        let mut counts = self.group_counts.into_iter();
        self.timeline
            .groups
            .retain(|_| counts.next().is_some_and(|n| n > 0));
        self.tag_counts
            .sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Parsed {
            timeline: self.timeline,
            problems: self.problems,
            tags: self
                .tag_counts
                .into_iter()
                .map(|(tag, n)| (tag.to_string(), n))
                .collect(),
        }
    }

    /// Makes room for `total` events in all (and their ids), when a reader
    /// knows how many will come.
    pub(crate) fn reserve(&mut self, total: usize) {
        self.timeline.events.reserve_exact(total);
        self.ids.reserve(self.timeline.events.capacity());
    }

    /// Makes room for more events (and their ids) when the vector is full,
    /// guessing how many are left from the bytes per event so far (`done`
    /// bytes read, `left` to go), so that the vector does not end up twice
    /// the size it needs; [`Builder::finish`] gives back what is not used.
    /// The guess never reserves more than twice the bytes left, so that a
    /// few small events followed by one huge one cannot reserve a lot.
    pub(crate) fn make_room(&mut self, done: usize, left: usize) {
        let events = &mut self.timeline.events;
        let len = events.len();
        if len < events.capacity() {
            return;
        }
        if len < 256 || done == 0 {
            events.reserve(len.max(16));
            return;
        }
        let most = left.saturating_mul(2) / std::mem::size_of::<Event>().max(1);
        let guess = ((left as f64 / done as f64 * len as f64) as usize).min(most);
        events.reserve_exact(
            guess
                .saturating_add(guess / 8)
                .saturating_add(16)
                .max(len / 4),
        );
        let room = events.capacity();
        self.ids.reserve(room);
    }

    /// The document's title, when it is a non-blank string; another type
    /// is reported before every other problem, as if it had been read
    /// first (it may come after the events).
    pub(crate) fn document_title(&mut self, title: Option<&Value>) {
        match title {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                self.timeline.title = Some(s.trim().to_owned())
            }
            None | Some(Value::String(_) | Value::Null) => {}
            Some(other) => {
                self.problem(
                    "title".into(),
                    &EventProblem::NotAString {
                        found: other.kind_name(),
                        outcome: None,
                    },
                );
                self.problems.rotate_right(1);
            }
        }
    }

    /// Reads an optional string; `null` counts as absent. Any other type is
    /// reported at `path` with `outcome`.
    pub(crate) fn string_at(
        &mut self,
        path: String,
        value: Option<&Value>,
        outcome: Outcome,
    ) -> Result<Option<String>, WrongType> {
        match value {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(self.not_a_string(path, other.kind_name(), outcome)),
        }
    }

    /// Reports a field at `path` that holds `found` instead of a string.
    pub(crate) fn not_a_string(
        &mut self,
        path: String,
        found: &'static str,
        outcome: Outcome,
    ) -> WrongType {
        let outcome = Some(outcome);
        self.problem(path, &EventProblem::NotAString { found, outcome });
        WrongType
    }

    /// Reports a field at `path` that holds `found` instead of an object
    /// such as `example`.
    pub(crate) fn not_an_object(
        &mut self,
        path: String,
        example: &'static str,
        found: &'static str,
        outcome: Outcome,
    ) -> WrongType {
        let problem = EventProblem::NotAnObject {
            example,
            found,
            outcome,
        };
        self.problem(path, &problem);
        WrongType
    }

    /// Reports an element of the events array that is not an object.
    pub(crate) fn not_an_event(&mut self, at: Loc, found: &'static str) {
        self.problem(at.path(), &EventProblem::NotAnEvent(found));
    }

    /// Reports a URL that [`check_url`] refused.
    pub(crate) fn refused_url(&mut self, path: String, problem: &UrlProblem, outcome: Outcome) {
        self.problem(path, &EventProblem::RefusedUrl { problem, outcome });
    }

    /// The one shared copy of `tag` (made on its first use).
    pub(crate) fn intern(&mut self, tag: &str) -> Arc<str> {
        // Length and first byte before the bytes: in wasm, comparing bytes
        // is a call, and 100,000 events carry some 150,000 tags.
        let first = tag.as_bytes().first();
        let known = self
            .tag_counts
            .iter()
            .find(|(t, _)| t.len() == tag.len() && t.as_bytes().first() == first && **t == *tag);
        match known {
            Some((t, _)) => t.clone(),
            None => {
                let t: Arc<str> = Arc::from(tag);
                self.tag_counts.push((t.clone(), 0));
                t
            }
        }
    }

    /// The one shared copy of the group named `name` (trimmed, not
    /// blank), made on its first use at the end of the groups.
    pub(crate) fn group(&mut self, name: &str) -> Arc<str> {
        match self.find_group(name) {
            Some(id) => id,
            None => self.new_group(Arc::from(name)),
        }
    }

    fn find_group(&self, name: &str) -> Option<Arc<str>> {
        // Length and first byte first, as for tags.
        let first = name.as_bytes().first();
        self.timeline
            .groups
            .iter()
            .find(|g| {
                g.id.len() == name.len() && g.id.as_bytes().first() == first && *g.id == *name
            })
            .map(|g| g.id.clone())
    }

    fn new_group(&mut self, id: Arc<str>) -> Arc<str> {
        self.timeline.groups.push(Group {
            id: id.clone(),
            label: None,
            color: None,
        });
        self.group_counts.push(0);
        id
    }

    /// How many kept events so far are in the group `id`.
    pub(crate) fn group_count(&self, id: &str) -> usize {
        let at = self.timeline.groups.iter().position(|g| *g.id == *id);
        at.and_then(|i| self.group_counts.get(i).copied())
            .unwrap_or(0)
    }

    /// The shared copy of `tag` if a kept event carries it.
    pub(crate) fn used_tag(&self, tag: &str) -> Option<Arc<str>> {
        self.tag_counts
            .iter()
            .find(|(t, n)| *n > 0 && **t == *tag)
            .map(|(t, _)| t.clone())
    }

    /// Puts the groups of `first` (ids of groups kept events are in, each
    /// once) before the others, which keep the order they first appeared
    /// in.
    pub(crate) fn order_groups(&mut self, first: &[Arc<str>]) {
        let groups = &mut self.timeline.groups;
        for (to, id) in first.iter().enumerate() {
            let from = groups.iter().position(|g| Arc::ptr_eq(&g.id, id));
            if let Some(from) = from.filter(|&from| from > to && from < groups.len()) {
                // Moved up to `to`, the ones between moving down one.
                let group = groups.remove(from);
                groups.insert(to, group);
                if from < self.group_counts.len() {
                    let n = self.group_counts.remove(from);
                    self.group_counts.insert(to, n);
                }
            }
        }
    }

    /// A TimelineJS3 `group` (when not blank): the event's group, and its
    /// one tag (the same shared name).
    pub(crate) fn group_and_tags(
        &mut self,
        group: Option<String>,
    ) -> (Option<Arc<str>>, Vec<Arc<str>>) {
        let Some(group) = non_blank(group) else {
            return (None, Vec::new());
        };
        let tag = self.intern(group.trim());
        let group = match self.find_group(&tag) {
            Some(group) => group,
            None => self.new_group(tag.clone()),
        };
        (Some(group), vec![tag])
    }

    /// Settles the title (warning when missing or empty) and the id, then
    /// keeps the event.
    pub(crate) fn push_event(&mut self, draft: Draft) {
        let Draft {
            at,
            keys,
            start,
            end,
            title,
            id,
            text,
            tags,
            importance,
            media,
            source,
            display_date,
            group,
            ongoing,
        } = draft;
        let title = match title {
            Some(t) if !trim(&t).is_empty() => trimmed(t),
            given => {
                let problem = EventProblem::NoTitle {
                    empty: given.is_some(),
                    name: keys.title_name,
                };
                self.problem(at.field(keys.title), &problem);
                String::new()
            }
        };
        let (id, hash) = self.unique_id(at, keys, id, &start, end.as_ref(), &title);
        self.ids.insert(self.timeline.events.len(), hash);
        for tag in &tags {
            if let Some((_, n)) = self
                .tag_counts
                .iter_mut()
                .find(|(t, _)| Arc::ptr_eq(t, tag))
            {
                *n += 1;
            }
        }
        if let Some(group) = &group {
            let at = self
                .timeline
                .groups
                .iter()
                .position(|g| Arc::ptr_eq(&g.id, group));
            if let Some(n) = at.and_then(|i| self.group_counts.get_mut(i)) {
                *n += 1;
            }
        }
        self.timeline.events.push(Event::from(EventData {
            id,
            start,
            end,
            title,
            text,
            tags,
            importance,
            media,
            source,
            display_date,
            group,
            ongoing,
        }));
    }

    /// Keeps an era whose end is not before its start; reports it at
    /// `end_path` otherwise.
    pub(crate) fn push_era(
        &mut self,
        end_path: String,
        start: PartialDate,
        end: PartialDate,
        label: String,
        color: Option<DataColor>,
    ) {
        if let Some(end) = self.end_after(end_path, &start, end, Outcome::EraSkipped) {
            self.timeline.eras.push(Era {
                start,
                end,
                label,
                color,
            });
        }
    }

    /// `end` if it does not begin before `start`; otherwise a problem at
    /// `path` ending in `outcome`.
    pub(crate) fn end_after(
        &mut self,
        path: String,
        start: &PartialDate,
        end: PartialDate,
        outcome: Outcome,
    ) -> Option<PartialDate> {
        if end.end_ms() > start.start_ms() && end.start_ms() >= start.start_ms() {
            return Some(end);
        }
        let problem = EventProblem::EndBeforeStart {
            start,
            end: &end,
            outcome,
        };
        self.problem(path, &problem);
        None
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
                let example = r#"{"url": "…"}"#;
                let found = other.kind_name();
                return Err(self.not_an_object(path, example, found, Outcome::EventSkipped));
            }
        };
        let mut field = |key: &str| {
            let at = format!("{path}.{key}");
            self.string_at(at, value.get(key), Outcome::EventSkipped)
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
            format!("{path}.url"),
            format!("{path}.thumbnail"),
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
        url_path: String,
        thumbnail_path: String,
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
                    self.problem(url_path, &EventProblem::MediaWithoutUrl);
                }
                return None;
            }
            Err(e) => {
                self.refused_url(url_path, &e, Outcome::MediaDropped);
                return None;
            }
        };
        let thumbnail = match media.thumbnail.as_deref().map(|t| check_url(t, true)) {
            None | Some(Err(UrlProblem::Empty)) => None,
            Some(Ok(thumbnail)) => Some(thumbnail),
            Some(Err(e)) => {
                self.refused_url(thumbnail_path, &e, Outcome::ThumbnailDropped);
                None
            }
        };
        Some(Media {
            url,
            thumbnail,
            ..media
        })
    }

    /// Keeps a given id unless taken (then `<id>-2`, `-3`… with a warning
    /// at the event's id path); derives one from the content otherwise, so
    /// the same data always yields the same ids. Also returns the id's hash.
    fn unique_id(
        &mut self,
        at: Loc,
        keys: &Keys,
        given: Option<String>,
        start: &PartialDate,
        end: Option<&PartialDate>,
        title: &str,
    ) -> (String, u32) {
        let (base, warn) = match given {
            Some(id) if !trim(&id).is_empty() => (trimmed(id), true),
            _ => (content_id(start, end, title), false),
        };
        let events = &self.timeline.events;
        let taken = |id: &str, hash: u32| {
            self.ids
                .find_hashed(id, hash, |i| events.get(i).map(|e| e.id.as_str()))
                .is_some()
        };
        let hash = id_hash(&base);
        if !taken(&base, hash) {
            return (base, hash);
        }
        let mut n = 2u32;
        let (id, hash) = loop {
            let id = format!("{base}-{n}");
            let hash = id_hash(&id);
            if !taken(&id, hash) {
                break (id, hash);
            }
            n += 1;
        };
        if warn {
            let problem = EventProblem::DuplicateId {
                given: &base,
                renamed: &id,
            };
            self.problem(at.field(keys.id), &problem);
        }
        (id, hash)
    }
}

/// [`str::trim`], quick when both ends are ASCII and not spaces (the
/// usual case).
pub(crate) fn trim(text: &str) -> &str {
    let solid = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    let bytes = text.as_bytes();
    if solid(bytes.first()) && solid(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// `text` without surrounding whitespace, reusing its allocation when it
/// has none.
fn trimmed(text: String) -> String {
    let trim = trim(&text);
    if trim.len() == text.len() {
        text
    } else {
        trim.to_owned()
    }
}

/// `None` for strings that are empty or only spaces: optional text fields
/// treat those as absent (spreadsheet exports write them for empty cells).
pub(crate) fn non_blank(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

/// Headline HTML as plain text (TimelineJS3's headlines may hold markup);
/// `None` when nothing is left.
pub(crate) fn plain(html: &str) -> Option<String> {
    Some(crate::core::model::text_content(html)).filter(|t| !t.is_empty())
}
