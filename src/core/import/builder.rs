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
use super::json::{self, JsonError, Reader, Value};
use super::model::{check_url, Era, Event, Media, Problem, Source, Timeline, UrlProblem};
pub use super::timelinejs::looks_like_timelinejs;
use std::borrow::Cow;
use std::sync::Arc;
// For the property tests, which read this module's names with a glob.
#[cfg(all(test, not(target_arch = "wasm32")))]
use std::collections::HashSet;
use std::fmt::{self, Write as _};

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
///
/// The events are read one at a time, each turned into an [`Event`] before
/// the next is parsed, so no tree of the whole document is ever built: at
/// 100,000 events that tree would be several times the size of the result.
/// Documents that need the whole tree (TimelineJS3, `events` repeated or
/// not an array, no object or array at all) go to [`parse_value`], so the
/// result is the same either way.
pub fn parse_document(text: &str) -> Result<Parsed, DataError> {
    match stream_document(text, None) {
        Ok(parsed) => Ok(parsed),
        Err(Stop::Json(e)) => Err(not_json(e)),
        Err(Stop::Source(e)) => Err(e),
        Err(Stop::Whole) => {
            let value = json::parse(text).map_err(not_json)?;
            parse_value(&value)
        }
    }
}

/// The events of a large document, handed over a few thousand at a time,
/// so that the document's whole text never has to be in memory at once
/// (20 MB at 100,000 events).
pub trait Pieces {
    /// How many events there are in all (room is made for them at once).
    fn total(&self) -> usize;
    /// The next events as the JSON text of an array, `None` after the last.
    fn next_piece(&mut self) -> Result<Option<String>, DataError>;
    /// The whole document's JSON text, for documents read as a whole.
    fn whole(&mut self) -> Result<String, DataError>;
}

/// [`parse_document`] for a document whose events come in `pieces`:
/// `shell` is its JSON text with an empty events array (or `[]` for a bare
/// array), and the pieces' events are read as if they were in it.
/// Documents that are read as a whole (TimelineJS3 and the like, see
/// [`parse_document`]) are asked for [`Pieces::whole`] instead.
pub fn parse_document_in_pieces(shell: &str, pieces: &mut dyn Pieces) -> Result<Parsed, DataError> {
    match stream_document(shell, Some(&mut *pieces)) {
        Ok(parsed) => Ok(parsed),
        Err(Stop::Json(e)) => Err(not_json(e)),
        Err(Stop::Source(e)) => Err(e),
        Err(Stop::Whole) => parse_document(&pieces.whole()?),
    }
}

fn not_json(e: JsonError) -> DataError {
    DataError {
        path: "data",
        message: format!("not valid JSON: {e}"),
    }
}

/// Why [`stream_document`] gave up.
enum Stop {
    /// The text is not JSON (the error [`json::parse`] reports).
    Json(JsonError),
    /// The document must be read as a whole by [`parse_value`].
    Whole,
    /// The next piece of the document could not be had.
    Source(DataError),
}

impl From<JsonError> for Stop {
    fn from(e: JsonError) -> Self {
        Stop::Json(e)
    }
}

/// [`parse_document`] for the contract's shapes, reading the events as they
/// are parsed. Gives up with [`Stop::Whole`] as soon as the document may be
/// something else.
fn stream_document(text: &str, mut pieces: Option<&mut dyn Pieces>) -> Result<Parsed, Stop> {
    let mut r = Reader::new(text);
    let mut b = Builder::default();
    match r.peek() {
        Some(b'[') => {
            let count = b.stream_events(&mut r, "", false, 0)?;
            r.finish()?;
            b.stream_pieces("", false, count, &mut pieces)?;
            Ok(b.finish())
        }
        Some(b'{') => {
            r.enter()?;
            let mut title = None;
            let mut has_events = false;
            let mut count = 0;
            let mut first = true;
            while let Some(key) = r.next_member(first)? {
                first = false;
                match &*key {
                    "events" if !has_events && r.peek() == Some(b'[') => {
                        has_events = true;
                        count = b.stream_events(&mut r, "events", true, 0)?;
                    }
                    // The last "events" counts, and only an array holds events.
                    "events" => return Err(Stop::Whole),
                    "title" => {
                        let value = r.value()?;
                        if matches!(value, Value::Object(_))
                            && (value.get("text").is_some() || value.get("media").is_some())
                        {
                            return Err(Stop::Whole);
                        }
                        title = Some(value);
                    }
                    "eras" if r.peek() == Some(b'n') => r.skip()?,
                    "eras" => return Err(Stop::Whole),
                    _ => r.skip()?,
                }
            }
            r.finish()?;
            if !has_events {
                return Err(Stop::Whole);
            }
            b.stream_pieces("events", count == 0, count, &mut pieces)?;
            // The title's problem comes first, as if it had been read first.
            let before = b.problems.len();
            b.title(title.as_ref());
            let added = b.problems.len().saturating_sub(before);
            b.problems.rotate_right(added);
            Ok(b.finish())
        }
        _ => Err(Stop::Whole),
    }
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
    builder.title(title);
    builder.timeline.events.reserve_exact(events.len());
    for (index, item) in events.iter().enumerate() {
        let at = Loc { prefix, index };
        match item {
            Value::Object(members) => {
                let mut slots = Slots::default();
                for (key, value) in members {
                    if let Some(slot) = slots.slot(key) {
                        *slot = match value {
                            Value::Array(items) if key == "tags" => {
                                let tags = items.iter().map(|item| match item {
                                    Value::String(s) => Ok(Cow::Borrowed(s.as_str())),
                                    other => Err(other.kind_name()),
                                });
                                Some(Field::Tags(builder.collect_tags(tags)))
                            }
                            other => Field::of(other),
                        };
                    }
                }
                builder.contract_event(at, slots);
            }
            other => builder.not_an_event(at, other.kind_name()),
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
    ids: Ids,
    /// Tags being read, so that each event's list is allocated at its size.
    tags: Vec<Arc<str>>,
    /// Every tag read, each once (the events share them), with how many
    /// kept events carry it: [`Parsed::tags`] once [`Builder::finish`]ed.
    tag_counts: Vec<(Arc<str>, usize)>,
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
        // Not needed any more: freed before the sort allocates.
        self.ids = Ids::default();
        self.timeline.events.shrink_to_fit();
        sort_by_start(&mut self.timeline.events, Event::start_ms);
        sort_by_start(&mut self.timeline.eras, Era::start_ms);
        // Tags read only on events that were skipped count for nothing.
        self.tag_counts.retain(|(_, n)| *n > 0);
        self.tag_counts
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
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

    /// Settles the title (warning when missing or empty) and the id, then
    /// keeps the event.
    pub(crate) fn push_event(&mut self, draft: Draft) {
        let Draft {
            start,
            end,
            title,
            title_path,
            title_name,
            id,
            id_path,
            text,
            tags,
            importance,
            media,
            source,
            display_date,
        } = draft;
        let tags = tags.iter().map(|tag| self.intern(tag)).collect();
        let event = Event {
            id: String::new(),
            start,
            end,
            title: String::new(),
            text,
            tags,
            importance,
            media: media.map(Box::new),
            source: source.map(Box::new),
            display_date,
        };
        self.keep_event(
            event,
            title,
            title_name,
            id,
            Paths::Given(title_path, id_path),
        );
    }

    /// [`Builder::push_event`] with the paths made only when a problem
    /// needs them: `event` gets its title and id here.
    fn keep_event(
        &mut self,
        mut event: Event,
        title: Option<String>,
        title_name: &str,
        id: Option<String>,
        mut paths: Paths,
    ) {
        event.title = match title {
            Some(t) if !trim(&t).is_empty() => trimmed(Cow::Owned(t)),
            given => {
                let what = if given.is_some() { "empty" } else { "missing" };
                self.problem(
                    paths.take("title"),
                    format!("{what}: every event should have a {title_name} (it is labelled with its date for now)"),
                );
                String::new()
            }
        };
        let (id, hash) = self.unique_id(paths, id, &event.start, event.end.as_ref(), &event.title);
        event.id = id;
        self.ids.insert(self.timeline.events.len(), hash);
        for tag in &event.tags {
            if let Some((_, n)) = self
                .tag_counts
                .iter_mut()
                .find(|(t, _)| Arc::ptr_eq(t, tag))
            {
                *n += 1;
            }
        }
        self.timeline.events.push(event);
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
        if ends_after(start, &end) {
            Some(end)
        } else {
            self.problem(
                path,
                format!("\"{end}\" is before the start \"{start}\" ({outcome})"),
            );
            None
        }
    }

    /// Reads the events array at `r` (its `[` is next), one event at a
    /// time. With `detect`, gives up if the first event object looks like
    /// TimelineJS3's (see [`looks_like_timelinejs`]).
    /// The first element is `events[first_index]`; returns how many
    /// elements there were.
    fn stream_events<'a>(
        &mut self,
        r: &mut Reader<'a>,
        prefix: &'static str,
        mut detect: bool,
        first_index: usize,
    ) -> Result<usize, Stop> {
        r.enter()?;
        let begin = r.offset();
        let mut index = first_index;
        while r.next_element(index == first_index)? {
            let done = r.offset().saturating_sub(begin);
            self.reserve_events(done, r.input_len().saturating_sub(r.offset()));
            let at = Loc { prefix, index };
            index += 1;
            if r.peek() != Some(b'{') {
                let item = r.value()?;
                self.not_an_event(at, item.kind_name());
                continue;
            }
            r.enter()?;
            let mut slots = Slots::default();
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
            if detect {
                detect = false;
                if slots.has_start_date && !slots.has_start {
                    return Err(Stop::Whole);
                }
            }
            self.contract_event(at, slots);
        }
        Ok(index - first_index)
    }

    /// Reads the events that come in pieces after the `count` of the
    /// document's own array (see [`parse_document_in_pieces`]).
    fn stream_pieces(
        &mut self,
        prefix: &'static str,
        mut detect: bool,
        count: usize,
        pieces: &mut Option<&mut dyn Pieces>,
    ) -> Result<(), Stop> {
        let Some(pieces) = pieces else {
            return Ok(());
        };
        self.timeline.events.reserve_exact(pieces.total());
        self.ids.reserve(self.timeline.events.capacity());
        let mut index = count;
        while let Some(piece) = pieces.next_piece().map_err(Stop::Source)? {
            let mut r = Reader::new(&piece);
            index += self.stream_events(&mut r, prefix, detect, index)?;
            r.finish()?;
            detect &= index == 0;
        }
        Ok(())
    }

    /// Makes room for more events (and their ids) when the vector is full,
    /// guessing how many are left from the bytes per event so far (`done`
    /// bytes read, `left` to go), so that the vector does not end up twice
    /// the size it needs; [`Builder::finish`] gives back what is not used.
    /// The guess never reserves more than twice the bytes left, so that a
    /// few small events followed by one huge one cannot reserve a lot.
    fn reserve_events(&mut self, done: usize, left: usize) {
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

    /// Reads a `tags` array (its `[` is next) straight into [`Tags`].
    fn read_tags(&mut self, r: &mut Reader<'_>) -> Result<Tags, JsonError> {
        r.enter()?;
        let mut odd = Vec::new();
        let mut i = 0;
        while r.next_element(i == 0)? {
            let tag = match r.string()? {
                Some(text) => Ok(text),
                None => Err(r.value()?.kind_name()),
            };
            self.add_tag(&mut odd, i, tag);
            i += 1;
        }
        Ok(self.take_tags(odd))
    }

    /// [`Tags`] from the elements of a parsed `tags` array: strings, or the
    /// kind of value found instead.
    fn collect_tags<'v>(
        &mut self,
        items: impl Iterator<Item = Result<Cow<'v, str>, &'static str>>,
    ) -> Tags {
        let mut odd = Vec::new();
        for (i, tag) in items.enumerate() {
            self.add_tag(&mut odd, i, tag);
        }
        self.take_tags(odd)
    }

    /// Keeps the `i`th tag, trimmed, unless blank (noted in `odd` with
    /// what was found) or already kept.
    fn add_tag(
        &mut self,
        odd: &mut Vec<(usize, &'static str)>,
        i: usize,
        tag: Result<Cow<'_, str>, &'static str>,
    ) {
        match tag {
            Ok(text) => {
                let tag = trim(&text);
                if tag.is_empty() {
                    odd.push((i, "an empty string"));
                } else if !self.tags.iter().any(|t| **t == *tag) {
                    let tag = self.intern(tag);
                    self.tags.push(tag);
                }
            }
            Err(found) => odd.push((i, found)),
        }
    }

    /// The one shared copy of `tag` (made on its first use).
    fn intern(&mut self, tag: &str) -> Arc<str> {
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

    fn take_tags(&mut self, odd: Vec<(usize, &'static str)>) -> Tags {
        Tags {
            kept: self.tags.drain(..).collect(),
            odd,
        }
    }

    /// The document's title, when it is a non-blank string.
    fn title(&mut self, title: Option<&Value>) {
        match title {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                self.timeline.title = Some(s.trim().to_owned())
            }
            None | Some(Value::String(_) | Value::Null) => {}
            Some(other) => self.problem(
                "title".into(),
                format!("expected a string, but found {}", other.kind_name()),
            ),
        }
    }

    fn not_an_event(&mut self, at: Loc, kind: &str) {
        self.problem(
            at.path(),
            format!("expected an event object, but found {kind}"),
        );
    }

    /// Checks one event of the contract's shape and keeps it, or reports
    /// why not.
    fn contract_event(&mut self, at: Loc, slots: Slots<'_>) -> Option<()> {
        let Slots {
            start,
            end,
            title,
            text,
            id,
            tags,
            importance,
            media,
            source,
            ..
        } = slots;
        let start = match start {
            None => {
                self.problem(
                    at.field("start"),
                    "missing: every event needs a start date such as \"2019-05-05\" (the event is skipped)".into(),
                );
                return None;
            }
            Some(value) => match date_of(&value) {
                Ok(date) => date,
                Err(e) => {
                    self.problem(at.field("start"), format!("{e} (the event is skipped)"));
                    return None;
                }
            },
        };
        let title = self.text_field(at, "title", title).ok()?;
        let text = self.text_field(at, "text", text).ok()?;
        let id = self.text_field(at, "id", id).ok()?;
        let tags = self.tags(at, tags).ok()?;
        let importance = self.importance(at, importance).ok()?;
        let media = match media {
            None => None,
            Some(value) => self
                .media(&at.path(), Some(&value.into_value()), false)
                .ok()?,
        };
        let source = match source {
            None => None,
            Some(value) => self.source(&at.path(), Some(&value.into_value())).ok()?,
        };
        let end = self.end(at, &start, end);
        let event = Event {
            id: String::new(),
            start,
            end,
            title: String::new(),
            text,
            tags,
            importance,
            media: media.map(Box::new),
            source: source.map(Box::new),
            display_date: None,
        };
        self.keep_event(event, title, "title", id, Paths::At(at));
        Some(())
    }

    /// An optional string field of an event; a wrong type skips the event.
    fn text_field(
        &mut self,
        at: Loc,
        key: &str,
        value: Option<Field<'_>>,
    ) -> Result<Option<String>, WrongType> {
        match value {
            None => Ok(None),
            Some(Field::Str(text)) => Ok(Some(text.into_owned())),
            Some(other) => {
                self.problem(
                    at.field(key),
                    format!(
                        "expected a string, but found {} ({EVENT_SKIPPED})",
                        other.kind_name()
                    ),
                );
                Err(WrongType)
            }
        }
    }

    /// A range's end; dropped with a warning if invalid or not after start.
    fn end(
        &mut self,
        at: Loc,
        start: &PartialDate,
        value: Option<Field<'_>>,
    ) -> Option<PartialDate> {
        match date_of(&value?) {
            Ok(end) if ends_after(start, &end) => Some(end),
            Ok(end) => self.end_after(at.field("end"), start, end, END_IGNORED),
            Err(e) => {
                self.problem(at.field("end"), format!("{e} (the end is ignored)"));
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

    fn tags(&mut self, at: Loc, value: Option<Field<'_>>) -> Result<Vec<Arc<str>>, WrongType> {
        match value {
            None => Ok(Vec::new()),
            Some(Field::Tags(Tags { kept, odd })) => {
                for (i, found) in odd {
                    self.bad_tag(at, i, found);
                }
                Ok(kept)
            }
            Some(other) => {
                self.problem(
                    at.field("tags"),
                    format!(
                        "expected an array of strings, but found {} (the event is skipped)",
                        other.kind_name()
                    ),
                );
                Err(WrongType)
            }
        }
    }

    fn bad_tag(&mut self, at: Loc, i: usize, found: &str) {
        self.problem(
            format!("{}.tags[{i}]", at.path()),
            format!("expected a non-empty string, but found {found} (the tag is ignored)"),
        );
    }

    fn importance(&mut self, at: Loc, value: Option<Field<'_>>) -> Result<u8, WrongType> {
        const DEFAULT: u8 = 2;
        let number = match &value {
            None => return Ok(DEFAULT),
            Some(Field::Other(v)) => v.as_f64(),
            Some(Field::Str(_) | Field::Tags(_)) => None,
        };
        match number {
            Some(n) if [1.0, 2.0, 3.0].contains(&n) => Ok(n as u8),
            Some(n) => {
                // Integers print without float formatting (it costs wasm bytes).
                let found = if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", n as i64)
                } else {
                    "a fraction".to_owned()
                };
                self.problem(
                    at.field("importance"),
                    format!("expected 1, 2 or 3, but found {found} (2 is used)"),
                );
                Ok(DEFAULT)
            }
            None => {
                self.problem(
                    at.field("importance"),
                    format!(
                        "expected 1, 2 or 3, but found {} (the event is skipped)",
                        value.as_ref().map_or("null", Field::kind_name)
                    ),
                );
                Err(WrongType)
            }
        }
    }

    /// Keeps a given id unless taken (then `<id>-2`, `-3`… with a warning
    /// at `id_path`); derives one from the content otherwise, so the same
    /// data always yields the same ids. Also returns the id's hash.
    fn unique_id(
        &mut self,
        mut paths: Paths,
        given: Option<String>,
        start: &PartialDate,
        end: Option<&PartialDate>,
        title: &str,
    ) -> (String, u32) {
        let (base, warn) = match given {
            Some(id) if !trim(&id).is_empty() => (trimmed(Cow::Owned(id)), true),
            _ => (content_id(start, end, title), false),
        };
        let events = &self.timeline.events;
        let hash = id_hash(&base);
        if !self.ids.contains(events, &base, hash) {
            return (base, hash);
        }
        let mut n = 2u32;
        let (id, hash) = loop {
            let id = format!("{base}-{n}");
            let hash = id_hash(&id);
            if !self.ids.contains(events, &id, hash) {
                break (id, hash);
            }
            n += 1;
        };
        if warn {
            self.problem(
                paths.take("id"),
                format!("duplicate id \"{base}\" (renamed to \"{id}\")"),
            );
        }
        (id, hash)
    }
}

/// Where an event is in the input, for problem paths, which are only
/// written out when there is a problem.
#[derive(Clone, Copy)]
struct Loc {
    /// "events" or "" (a bare array).
    prefix: &'static str,
    index: usize,
}

impl Loc {
    /// The event's path: `events[3]`.
    fn path(self) -> String {
        format!("{}[{}]", self.prefix, self.index)
    }

    /// A field's path: `events[3].start`.
    fn field(self, key: &str) -> String {
        format!("{}[{}].{key}", self.prefix, self.index)
    }
}

/// Where an event's title and id problems are reported.
enum Paths {
    /// A [`Draft`]'s `title_path` and `id_path`.
    Given(String, String),
    /// `<event>.title` and `<event>.id`.
    At(Loc),
}

impl Paths {
    /// The path of the `"title"` or `"id"` (each is asked for once).
    fn take(&mut self, key: &str) -> String {
        match self {
            Paths::Given(title, _) if key == "title" => std::mem::take(title),
            Paths::Given(_, id) => std::mem::take(id),
            Paths::At(at) => at.field(key),
        }
    }
}

/// A member of an event object, borrowed from the input or its tree where
/// possible. `null` is never stored: it means "absent" for every field.
enum Field<'a> {
    Str(Cow<'a, str>),
    /// An array of the `tags` member, read as it was parsed.
    Tags(Tags),
    /// Anything else but `null`.
    Other(Cow<'a, Value>),
}

/// An event's tags: the ones kept (trimmed, each once) and, by index, what
/// was found instead of the others, for the problems reported once the
/// event gets that far.
struct Tags {
    kept: Vec<Arc<str>>,
    odd: Vec<(usize, &'static str)>,
}

impl<'a> Field<'a> {
    /// A member of a parsed tree.
    fn of(value: &'a Value) -> Option<Self> {
        match value {
            Value::Null => None,
            Value::String(s) => Some(Field::Str(Cow::Borrowed(s))),
            other => Some(Field::Other(Cow::Borrowed(other))),
        }
    }

    /// A member parsed on its own.
    fn owned(value: Value) -> Option<Self> {
        match value {
            Value::Null => None,
            Value::String(s) => Some(Field::Str(Cow::Owned(s))),
            other => Some(Field::Other(Cow::Owned(other))),
        }
    }

    fn kind_name(&self) -> &'static str {
        match self {
            Field::Str(_) => "a string",
            Field::Tags(_) => "an array",
            Field::Other(value) => value.kind_name(),
        }
    }

    /// As a tree, for the readers shared with TimelineJS3 (`media`,
    /// `source`), which see only the kind of an array.
    fn into_value(self) -> Cow<'a, Value> {
        match self {
            Field::Str(s) => Cow::Owned(Value::String(s.into_owned())),
            Field::Tags(_) => Cow::Owned(Value::Array(Vec::new())),
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

/// The ids taken so far, as indices of the events that hold them: a hash
/// table (open addressing, at most 3/4 full) that needs no copy of the ids.
#[derive(Default)]
struct Ids {
    /// (hash, event index) pairs; an index of [`Ids::EMPTY`] marks a free
    /// slot. The length is 0 or a power of two.
    slots: Vec<(u32, u32)>,
    len: usize,
}

impl Ids {
    const EMPTY: u32 = u32::MAX;

    /// Whether `id`, whose [`id_hash`] is `hash`, is the id of one of the
    /// `events` recorded.
    fn contains(&self, events: &[Event], id: &str, hash: u32) -> bool {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = hash as usize & mask;
        while let Some(&(h, index)) = self.slots.get(i) {
            if index == Self::EMPTY {
                return false;
            }
            if h == hash && events.get(index as usize).is_some_and(|e| e.id == id) {
                return true;
            }
            i = (i + 1) & mask;
        }
        false
    }

    /// Records the id of the event at `index`, whose [`id_hash`] is `hash`.
    fn insert(&mut self, index: usize, hash: u32) {
        // More events than a u32 counts cannot fit in memory.
        let Ok(index) = u32::try_from(index) else {
            return;
        };
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.reserve(self.len + 1);
        }
        self.place(hash, index);
        self.len += 1;
    }

    /// Makes room for `count` ids in all (at most 3/4 of the slots full),
    /// so that a known number of events is placed without rehashing.
    fn reserve(&mut self, count: usize) {
        let size = (count.saturating_mul(4) / 3 + 1)
            .next_power_of_two()
            .max(16);
        if size <= self.slots.len() {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![(0, Self::EMPTY); size]);
        for (h, taken) in old {
            if taken != Self::EMPTY {
                self.place(h, taken);
            }
        }
    }

    fn place(&mut self, hash: u32, index: u32) {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = hash as usize & mask;
        while let Some(slot) = self.slots.get_mut(i) {
            if slot.1 == Self::EMPTY {
                *slot = (hash, index);
                return;
            }
            i = (i + 1) & mask;
        }
    }
}

/// FNV-1a, mixed so that the low bits (the slot) depend on every byte.
fn id_hash(id: &str) -> u32 {
    let mut hash = Fnv::default();
    hash.bytes(id.as_bytes());
    let h = (hash.0 ^ (hash.0 >> 31)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h ^ (h >> 32)) as u32
}

/// [`str::trim`], quick when both ends are ASCII and not spaces (the
/// usual case).
fn trim(text: &str) -> &str {
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
fn trimmed(text: Cow<'_, str>) -> String {
    let trim = trim(&text);
    if trim.len() == text.len() {
        text.into_owned()
    } else {
        trim.to_owned()
    }
}

/// Sorts `items` by `start` ([`f64::total_cmp`] order), keeping ties in
/// their order, like `sort_by` but without its scratch copy of half the
/// items: (key, index) pairs are sorted, then the items are put in place.
fn sort_by_start<T>(items: &mut [T], start: impl Fn(&T) -> f64) {
    let mut last = f64::NEG_INFINITY;
    let sorted = items.iter().all(|item| {
        let key = start(item);
        let in_order = key.total_cmp(&last).is_ge();
        last = key;
        in_order
    });
    if sorted {
        return;
    }
    let mut order: Vec<(u64, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (order_key(start(item)), i))
        .collect();
    radix_sort(&mut order);
    // Item `order[i].1` belongs at `i`. Earlier swaps moved the items from
    // before `i`: follow where each went (as `sort_by_cached_key` does).
    for i in 0..order.len() {
        let mut from = order.get(i).map_or(i, |&(_, from)| from);
        while from < i {
            from = order.get(from).map_or(i, |&(_, from)| from);
        }
        if let Some(entry) = order.get_mut(i) {
            entry.1 = from;
        }
        if from < items.len() {
            items.swap(i, from);
        }
    }
}

/// A key whose unsigned order is [`f64::total_cmp`]'s order.
fn order_key(x: f64) -> u64 {
    let bits = x.to_bits();
    // Negative numbers: all bits flipped (larger magnitudes sort first);
    // the others: the sign bit set, so they sort after.
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// Sorts (key, index) pairs by key, stably (pairs made in index order
/// keep ties in order), eleven bits of the key at a time and only over the
/// bits in which the keys differ: dates spread over decades differ in about
/// 40 bits, four passes, where a comparison sort of 100,000 keys made some
/// 17 passes over them.
fn radix_sort(pairs: &mut Vec<(u64, usize)>) {
    const BITS: u32 = 11;
    let (min, max) = pairs
        .iter()
        .fold((u64::MAX, 0), |(lo, hi), &(k, _)| (lo.min(k), hi.max(k)));
    let spread = max.saturating_sub(min);
    let mut from = std::mem::take(pairs);
    let mut to = vec![(0, 0); from.len()];
    let mut shift = 0;
    while shift < u64::BITS && spread >> shift != 0 {
        let digit = |k: u64| ((k - min) >> shift) as usize & ((1 << BITS) - 1);
        // Where each digit's pairs begin in `to`.
        let mut next = [0usize; 1 << BITS];
        for &(k, _) in &from {
            if let Some(n) = next.get_mut(digit(k)) {
                *n += 1;
            }
        }
        let mut sum = 0;
        for n in &mut next {
            (*n, sum) = (sum, sum + *n);
        }
        for &pair in &from {
            if let Some(n) = next.get_mut(digit(pair.0)) {
                if let Some(slot) = to.get_mut(*n) {
                    *slot = pair;
                }
                *n += 1;
            }
        }
        std::mem::swap(&mut from, &mut to);
        shift += BITS;
    }
    *pairs = from;
}

/// Whether `end` may end a range that begins at `start`.
fn ends_after(start: &PartialDate, end: &PartialDate) -> bool {
    end.end_ms() > start.start_ms() && end.start_ms() >= start.start_ms()
}

/// `None` for strings that are empty or only spaces: optional text fields
/// treat those as absent (spreadsheet exports write them for empty cells).
pub(crate) fn non_blank(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

/// Parses a date value, naming what was found when it is not a string.
fn date_of(value: &Field<'_>) -> Result<PartialDate, DateError> {
    match value {
        Field::Str(s) => PartialDate::parse(s),
        other => Err(DateError::not_a_string(other.kind_name())),
    }
}

/// A short id from the event's content (FNV-1a), stable across loads.
fn content_id(start: &PartialDate, end: Option<&PartialDate>, title: &str) -> String {
    let mut hash = Fnv::default();
    // Formatting into the hash: no strings are made for the dates.
    let _ = write!(hash, "{start}\u{1f}");
    if let Some(end) = end {
        let _ = write!(hash, "{end}");
    }
    hash.bytes(b"\x1f");
    hash.bytes(title.as_bytes());
    hash.bytes(b"\x1f");
    let short = (hash.0 >> 32) ^ (hash.0 & 0xffff_ffff);
    let mut id = String::with_capacity(11);
    id.push_str("ev-");
    for shift in (0..8).rev() {
        let digit = (short >> (shift * 4)) & 0xf;
        id.push(char::from_digit(digit as u32, 16).unwrap_or('0'));
    }
    id
}

/// A 64-bit FNV-1a hash, fed bytes or formatted text.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.bytes(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::model::{Media, Source};

    /// The events of `whole` (an array, or an object's `events`) in pieces
    /// of `size`, and how often the whole text was asked for.
    struct Split {
        whole: String,
        pieces: std::vec::IntoIter<String>,
        total: usize,
        asked_whole: usize,
    }

    impl Split {
        fn new(whole: &str, size: usize) -> (String, Split) {
            let value = json::parse(whole).unwrap();
            let (events, shell) = match &value {
                Value::Array(events) => (events.clone(), "[]".to_owned()),
                Value::Object(_) => {
                    let events = match value.get("events") {
                        Some(Value::Array(events)) => events.clone(),
                        _ => vec![],
                    };
                    // The same text with the events array emptied.
                    let at = whole.find("\"events\"").unwrap();
                    let open = at + whole[at..].find('[').unwrap();
                    let close = whole.rfind(']').unwrap();
                    (
                        events,
                        format!("{}[]{}", &whole[..open], &whole[close + 1..]),
                    )
                }
                _ => unreachable!(),
            };
            let pieces: Vec<String> = events
                .chunks(size)
                .map(|c| {
                    let texts: Vec<String> = c.iter().map(json_text).collect();
                    format!("[{}]", texts.join(","))
                })
                .collect();
            let total = events.len();
            (
                shell,
                Split {
                    whole: whole.to_owned(),
                    pieces: pieces.into_iter(),
                    total,
                    asked_whole: 0,
                },
            )
        }
    }

    /// Writes a parsed value back as JSON text.
    fn json_text(value: &Value) -> String {
        match value {
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            Value::String(s) => format!("{s:?}"),
            Value::Array(items) => format!(
                "[{}]",
                items.iter().map(json_text).collect::<Vec<_>>().join(",")
            ),
            Value::Object(members) => format!(
                "{{{}}}",
                members
                    .iter()
                    .map(|(k, v)| format!("{k:?}:{}", json_text(v)))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        }
    }

    impl Pieces for Split {
        fn total(&self) -> usize {
            self.total
        }
        fn next_piece(&mut self) -> Result<Option<String>, DataError> {
            Ok(self.pieces.next())
        }
        fn whole(&mut self) -> Result<String, DataError> {
            self.asked_whole += 1;
            Ok(self.whole.clone())
        }
    }

    #[test]
    fn events_in_pieces_read_as_the_whole_document_does() {
        let documents = [
            // A bare array, with problems in later pieces: their paths count on.
            r#"[{"start": "2019-05-05", "title": "a"}, {"start": "2019-05-06", "title": "b"},
                {"start": "bad", "title": "c"}, 7, {"start": "2019-05-01", "title": "d", "id": "x"},
                {"start": "2019-05-02", "title": "e", "id": "x"}]"#,
            // An object with a title after the events.
            r#"{"events": [{"start": "2019-05-05", "title": "a"}, {"title": "no start"},
                {"start": "2019-05-07", "end": "2019-05-01", "title": "c"}], "title": ""}"#,
            // TimelineJS3: read as a whole.
            r#"{"title": {"text": {"headline": "War footing"}}, "events": [
                {"start_date": {"year": "2019", "month": "5", "day": "5"}, "text": {"headline": "a"}},
                {"start_date": {"year": "2019", "month": "5", "day": "6"}, "text": {"headline": "b"}}]}"#,
            // Eras: read as a whole.
            r#"{"eras": [{"start": "2019-05", "end": "2019-06", "label": "spring"}],
                "events": [{"start": "2019-05-05", "title": "a"}, {"start": "2019-05-06", "title": "b"}]}"#,
        ];
        for (n, document) in documents.iter().enumerate() {
            let expected = parse_document(document).unwrap();
            for size in [1, 2, 4] {
                let (shell, mut split) = Split::new(document, size);
                let parsed = parse_document_in_pieces(&shell, &mut split).unwrap();
                assert_eq!(parsed, expected, "document {n} in pieces of {size}");
                assert_eq!(split.asked_whole, usize::from(n >= 2), "document {n}");
            }
        }
    }

    #[test]
    fn a_piece_that_cannot_be_had_is_the_error() {
        struct Failing;
        impl Pieces for Failing {
            fn total(&self) -> usize {
                1
            }
            fn next_piece(&mut self) -> Result<Option<String>, DataError> {
                Err(DataError::new(
                    "data",
                    "cannot be read as JSON (cyclic)".into(),
                ))
            }
            fn whole(&mut self) -> Result<String, DataError> {
                unreachable!()
            }
        }
        let error = parse_document_in_pieces("[]", &mut Failing).unwrap_err();
        assert_eq!(error.to_string(), "data: cannot be read as JSON (cyclic)");
    }

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
            fn sorts_as_a_stable_total_cmp_sort(keys in proptest::collection::vec(
                prop_oneof![
                    any::<f64>(),
                    (-3i64..3).prop_map(|k| k as f64 * 1e11),
                    Just(f64::INFINITY),
                    Just(-0.0),
                ],
                0..300,
            )) {
                let mut items: Vec<(f64, usize)> = keys.iter().copied().zip(0..).collect();
                let mut expected = items.clone();
                expected.sort_by(|a, b| a.0.total_cmp(&b.0));
                sort_by_start(&mut items, |item| item.0);
                let order = |v: &[(f64, usize)]| v.iter().map(|p| p.1).collect::<Vec<_>>();
                prop_assert_eq!(order(&items), order(&expected));
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
