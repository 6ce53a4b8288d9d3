//! The visible range of time, and how it is chosen.
//!
//! A [`Window`] is a half-open span of the time axis: milliseconds of the
//! widget zone's wall clock since 1970-01-01T00:00 (see
//! [`crate::core::zone`]). `fit` frames every event with a margin;
//! `setWindow` resolves partial dates so that a partial end covers its
//! whole period; [`opening`] chooses the window a widget opens on from
//! the `start`, `end` and `startAt` options.
//!
//! ```
//! # fn main() -> Result<(), news_timeline::core::window::WindowError> {
//! use news_timeline::core::window::Window;
//! let june = Window::from_iso("2019-06", "2019-06")?;
//! assert_eq!(june.start_iso(), "2019-06-01T00:00:00.000Z");
//! assert_eq!(june.end_iso(), "2019-07-01T00:00:00.000Z");
//! # Ok(())
//! # }
//! ```

use super::dataset::Dataset;
use super::date::{iso_from_ms, DateError, PartialDate, MS_PER_DAY};
use super::model::{Event, Problem, Timeline};
use super::zone::Zone;
use std::fmt;

/// The share of the events' extent added on each side by `fit`, so the
/// first and last events are not glued to the edges.
const FIT_MARGIN: f64 = 0.05;

/// The narrowest window `fit` produces when all events share one instant:
/// a day, so a single event reads as "this day" rather than an hour.
const FIT_MIN_SPAN_MS: f64 = MS_PER_DAY;

/// A visible range of the time axis, `start < end`, both finite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    start: f64,
    end: f64,
}

/// Why `setWindow` arguments were refused.
#[derive(Debug, Clone, PartialEq)]
pub enum WindowError {
    /// The start is not a date; says why.
    Start(DateError),
    /// The end is not a date; says why.
    End(DateError),
    /// The end is not after the start.
    Empty {
        /// The start as given.
        start: String,
        /// The end as given.
        end: String,
    },
}

impl fmt::Display for WindowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WindowError::Start(e) => write!(f, "start: {e}"),
            WindowError::End(e) => write!(f, "end: {e}"),
            WindowError::Empty { start, end } => {
                write!(f, "the end \"{end}\" must be after the start \"{start}\"")
            }
        }
    }
}

impl std::error::Error for WindowError {}

impl Window {
    /// A window from axis positions; `None` unless `start < end`, both finite.
    pub fn new(start: f64, end: f64) -> Option<Self> {
        (start.is_finite() && end.is_finite() && start < end).then_some(Window { start, end })
    }

    /// The window `setWindow(start, end)` asks for: from the start of the
    /// start's period to the end of the end's period, where a date-time
    /// end is an exact instant and a calendar end ("2019-07") covers its
    /// whole period.
    pub fn from_iso(start: &str, end: &str) -> Result<Self, WindowError> {
        Window::from_iso_in(start, end, Zone::UTC)
    }

    /// [`Window::from_iso`] on the wall clock of `zone`: dates written with
    /// an offset are those instants; the others are times of `zone`.
    pub fn from_iso_in(start: &str, end: &str, zone: Zone) -> Result<Self, WindowError> {
        let from = zone.place(PartialDate::parse(start).map_err(WindowError::Start)?);
        let to = zone.place(PartialDate::parse(end).map_err(WindowError::End)?);
        let to_ms = if to.time().is_some() {
            to.start_ms()
        } else {
            to.end_ms()
        };
        Window::new(from.start_ms(), to_ms).ok_or_else(|| WindowError::Empty {
            start: start.to_owned(),
            end: end.to_owned(),
        })
    }

    /// What `fit()` shows: every event with a margin; around `now_ms` when
    /// there are none.
    pub fn fit(timeline: &Timeline, now_ms: f64) -> Self {
        Window::fitting(timeline.extent_ms(), now_ms)
    }

    /// [`Window::fit`] for events spanning `extent` (the present, `now_ms`,
    /// without events): for callers that have the extent at hand.
    pub fn fitting(extent: Option<(f64, f64)>, now_ms: f64) -> Self {
        let (first, last) = extent.unwrap_or((now_ms, now_ms));
        Window::framing(first, last)
    }

    /// The span from `first` to `last` with `fit`'s margin, at least a day.
    pub fn framing(first: f64, last: f64) -> Self {
        let span = (last - first).max(0.0);
        let padded = span * (1.0 + 2.0 * FIT_MARGIN);
        let width = padded.max(FIT_MIN_SPAN_MS);
        let middle = first + span / 2.0;
        Window::new(middle - width / 2.0, middle + width / 2.0).unwrap_or(Window {
            start: 0.0,
            end: FIT_MIN_SPAN_MS,
        })
    }

    /// First visible instant.
    pub fn start(&self) -> f64 {
        self.start
    }

    /// First instant after the window.
    pub fn end(&self) -> f64 {
        self.end
    }

    /// How long the window is, in ms.
    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Whether a period `[start, end)` shows in the window at all.
    pub fn intersects(&self, start: f64, end: f64) -> bool {
        start < self.end && end > self.start
    }

    /// The events that show in the window, in time order
    /// (`getVisibleEvents()`).
    pub fn visible<'a>(&self, timeline: &'a Timeline) -> impl Iterator<Item = &'a Event> + 'a {
        let window = *self;
        timeline
            .events
            .iter()
            .take_while(move |e| e.start_ms() < window.end)
            .filter(move |e| window.intersects(e.start_ms(), e.end_ms()))
    }

    /// The same span moved so that it shows the instants `first` to
    /// `last` with `fit`'s margin (or as much of them as the span holds,
    /// from `last` back), moving as little as it can.
    pub fn reaching(&self, first: f64, last: f64) -> Self {
        let span = self.end - self.start;
        let margin = span * FIT_MARGIN;
        let mut start = self.start;
        if last + margin > self.end {
            start = last + margin - span;
        }
        if first - margin < start {
            start = (first - margin).max(last + margin - span);
        }
        Window::new(start, start + span).unwrap_or(*self)
    }

    /// A window showing the instants `first` to `last`: this one moved
    /// as little as it can when they fit in its span with `fit`'s margin,
    /// else one framing them.
    pub fn showing(&self, first: f64, last: f64) -> Self {
        if last - first <= self.span() * (1.0 - 2.0 * FIT_MARGIN) {
            self.reaching(first, last)
        } else {
            Window::framing(first, last)
        }
    }

    /// The first instant, in `toISOString` form, when the axis is UTC.
    pub fn start_iso(&self) -> String {
        iso_from_ms(self.start)
    }

    /// The first instant after the window, when the axis is UTC.
    pub fn end_iso(&self) -> String {
        iso_from_ms(self.end)
    }

    /// `getWindow()`: the first instant and the first instant after, as
    /// UTC ISO strings, when the axis is the wall clock of `zone`.
    pub fn iso_in(&self, zone: Zone) -> (String, String) {
        (
            iso_from_ms(zone.instant(self.start)),
            iso_from_ms(zone.instant(self.end)),
        )
    }
}

/// How many events the opening views around an event show: the event
/// and a couple on each side, so a reader sees where it stands.
const OPENING_EVENTS: usize = 5;

/// Where a widget opens when the page gives no `start`/`end` (`startAt`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StartAt {
    /// Every event (`fit()`): the default.
    #[default]
    Fit,
    /// The first events.
    First,
    /// The latest events: where a developing story is read from.
    Last,
    /// The present, with the events nearest to it.
    Now,
    /// An event, with its neighbours; its card opens.
    Event(String),
}

impl StartAt {
    /// The option's value: one of the four words, else an event's id.
    pub fn parse(value: &str) -> StartAt {
        match value {
            "fit" => StartAt::Fit,
            "first" => StartAt::First,
            "last" => StartAt::Last,
            "now" => StartAt::Now,
            id => StartAt::Event(id.to_owned()),
        }
    }
}

/// What a page asked a widget to open on: the `start`, `end` and
/// `startAt` options.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Opening {
    /// An ISO 8601 date: the window's first instant (of its period).
    pub start: Option<String>,
    /// An ISO 8601 date (a calendar date covers its whole period), or
    /// `"now"`: the window's end.
    pub end: Option<String>,
    /// Where to open when neither `start` nor `end` is given.
    pub start_at: StartAt,
}

/// The view a widget opens on.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The window.
    pub window: Window,
    /// The event whose card opens (`startAt` naming an event).
    pub card: Option<String>,
    /// What was wrong with the options (each a warning at
    /// `options.<name>`; the default was used instead).
    pub problems: Vec<Problem>,
}

/// What is wrong with an opening option; `Display` words the warning.
enum OpeningProblem<'a> {
    /// `start` or `end` is not a date.
    Date(&'a DateError),
    /// `end` is not after `start`.
    EndBeforeStart { start: &'a str, end: &'a str },
    /// `startAt` is neither a word it knows nor an event's id.
    UnknownStartAt(&'a str),
}

impl fmt::Display for OpeningProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpeningProblem::Date(e) => write!(f, "{e} (it is ignored)"),
            OpeningProblem::EndBeforeStart { start, end } => write!(
                f,
                "\"{end}\" is not after the start \"{start}\" (both are ignored)"
            ),
            OpeningProblem::UnknownStartAt(found) => write!(
                f,
                "expected \"fit\", \"first\", \"last\", \"now\" or the id of an event, but found \"{found}\" (the timeline opens fitted)"
            ),
        }
    }
}

/// The view a widget showing `data` opens on at `now_ms`: the window
/// `start` to `end` when either is given (the other from `fit`), else
/// the one `startAt` asks for:
///
/// - `fit`: every event, as [`Window::fit`];
/// - `first` / `last`: the first / last five events with `fit`'s margin;
/// - `now`: centred on the present, wide enough for the five events
///   nearest to it;
/// - an event's id: centred on that event, wide enough for two events on
///   each side, and its card opens.
///
/// A value it cannot use is a problem at its option, and the default
/// takes its place: never a refusal. `now_ms` is on the axis (the wall
/// clock of `zone`, where a date written with an offset is placed).
pub fn opening(data: &Dataset, opening: &Opening, now_ms: f64, zone: Zone) -> Opened {
    let timeline = &data.timeline;
    let fitted = Window::fit(timeline, now_ms);
    let mut problems = Vec::new();
    let mut date = |name: &str, text: &Option<String>, end: bool| -> Option<f64> {
        let text = text.as_deref()?;
        if end && text.trim().eq_ignore_ascii_case("now") {
            return Some(now_ms);
        }
        match PartialDate::parse(text).map(|d| zone.place(d)) {
            // A calendar end covers its whole period, as in setWindow.
            Ok(d) if end && d.time().is_none() => Some(d.end_ms()),
            Ok(d) => Some(d.start_ms()),
            Err(e) => {
                problem(&mut problems, name, &OpeningProblem::Date(&e));
                None
            }
        }
    };
    let start = date("start", &opening.start, false);
    let end = date("end", &opening.end, true);
    let given = match (start, end) {
        (None, None) => None,
        (Some(start), None) => {
            Window::new(start, fitted.end).or_else(|| Window::new(start, start + fitted.span()))
        }
        (None, Some(end)) => {
            Window::new(fitted.start, end).or_else(|| Window::new(end - fitted.span(), end))
        }
        (Some(start), Some(end)) => {
            let window = Window::new(start, end);
            if window.is_none() {
                let (start, end) = (
                    opening.start.as_deref().unwrap_or_default(),
                    opening.end.as_deref().unwrap_or_default(),
                );
                problem(
                    &mut problems,
                    "end",
                    &OpeningProblem::EndBeforeStart { start, end },
                );
            }
            window
        }
    };
    let starts = |from: usize, to: usize| {
        let events = &timeline.events;
        let first = events.get(from).map(Event::start_ms);
        let last = events
            .get(to.min(events.len()).saturating_sub(1))
            .map(Event::start_ms);
        first.zip(last)
    };
    let (at, card) = match &opening.start_at {
        StartAt::Fit => (None, None),
        StartAt::First => (
            starts(0, OPENING_EVENTS).map(|(a, b)| Window::framing(a, b)),
            None,
        ),
        StartAt::Last => {
            let n = timeline.events.len();
            let first = n.saturating_sub(OPENING_EVENTS);
            (starts(first, n).map(|(a, b)| Window::framing(a, b)), None)
        }
        StartAt::Now => (Some(around(timeline, now_ms, None)), None),
        StartAt::Event(id) => match data.index_of(id) {
            Some(i) => {
                let start = timeline.events.get(i).map_or(now_ms, Event::start_ms);
                (Some(around(timeline, start, Some(i))), Some(id.clone()))
            }
            None => {
                problem(
                    &mut problems,
                    "startAt",
                    &OpeningProblem::UnknownStartAt(id),
                );
                (None, None)
            }
        },
    };
    Opened {
        window: given.or(at).unwrap_or(fitted),
        card,
        problems,
    }
}

/// A window centred on `at_ms` that reaches the [`OPENING_EVENTS`]
/// nearest events (by time order; `at` is the event at `at_ms`, if any),
/// with `fit`'s margin.
fn around(timeline: &Timeline, at_ms: f64, at: Option<usize>) -> Window {
    let events = &timeline.events;
    let at = at.unwrap_or_else(|| events.partition_point(|e| e.start_ms() < at_ms));
    let first = at
        .saturating_sub(OPENING_EVENTS / 2)
        .min(events.len().saturating_sub(OPENING_EVENTS));
    let reach = events
        .iter()
        .skip(first)
        .take(OPENING_EVENTS)
        .map(|e| (e.start_ms() - at_ms).abs())
        .fold(0.0, f64::max);
    Window::framing(at_ms - reach, at_ms + reach)
}

/// Adds a problem with the option `name`.
fn problem(problems: &mut Vec<Problem>, name: &str, message: &dyn fmt::Display) {
    problems.push(Problem {
        path: ["options.", name].concat(),
        message: message.to_string(),
    });
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::import::parse_document;

    #[test]
    fn resolves_partial_dates_to_whole_periods() {
        let w = Window::from_iso("2019-06", "2019-07").unwrap();
        assert_eq!(
            (w.start_iso().as_str(), w.end_iso().as_str()),
            ("2019-06-01T00:00:00.000Z", "2019-08-01T00:00:00.000Z")
        );
        let exact =
            Window::from_iso("2019-06-01T00:00:00.000Z", "2019-07-01T00:00:00.000Z").unwrap();
        assert_eq!(exact.end_iso(), "2019-07-01T00:00:00.000Z");
    }

    #[test]
    fn refuses_empty_or_unparseable_windows() {
        assert_eq!(
            Window::from_iso("2019-07", "2019-06")
                .unwrap_err()
                .to_string(),
            r#"the end "2019-06" must be after the start "2019-07""#
        );
        assert!(Window::from_iso("soon", "2019")
            .unwrap_err()
            .to_string()
            .starts_with("start: expected a date"));
        assert!(Window::from_iso("2019", "later")
            .unwrap_err()
            .to_string()
            .starts_with("end: expected a date"));
        assert!(Window::new(1.0, f64::NAN).is_none());
    }

    #[test]
    fn fit_frames_every_event_with_a_margin() {
        let p = parse_document(
            r#"[{"start": "2019-05-05", "title": "a"}, {"start": "2019-07-22", "title": "b"}]"#,
        )
        .unwrap();
        let w = Window::fit(&p.timeline, 0.0);
        let (first, last) = p.timeline.extent_ms().unwrap();
        assert!(w.start() < first && w.end() > last);
        let margin = (last - first) * FIT_MARGIN;
        assert!((first - w.start() - margin).abs() < 1.0);
        assert!((w.end() - last - margin).abs() < 1.0);
    }

    #[test]
    fn a_partial_date_is_visible_if_any_part_of_its_period_is() {
        let p = parse_document(
            r#"[{"start": "2019-05", "title": "May"}, {"start": "2019-06-30", "title": "30 June"},
                {"start": "2019-04-01", "end": "2019-07-02", "title": "spring"}, {"start": "2019-07-01", "title": "July"}]"#,
        )
        .unwrap();
        let june = Window::from_iso("2019-05-31T12:00:00Z", "2019-07-01T00:00:00Z").unwrap();
        let titles: Vec<&str> = june
            .visible(&p.timeline)
            .map(|e| e.title.as_str())
            .collect();
        assert_eq!(titles, ["spring", "May", "30 June"]);
    }

    #[test]
    fn fit_of_a_single_instant_or_nothing_is_still_a_window() {
        let p = parse_document(r#"[{"start": "2019-05-05T10:00Z", "title": "a"}]"#).unwrap();
        let w = Window::fit(&p.timeline, 0.0);
        assert!(w.end() - w.start() >= FIT_MIN_SPAN_MS);
        assert!(w.intersects(
            p.timeline.events[0].start_ms(),
            p.timeline.events[0].end_ms()
        ));
        let empty = Window::fit(&Timeline::default(), 1_000_000.0);
        assert!(empty.intersects(1_000_000.0, 1_000_001.0));
    }

    #[test]
    fn set_window_reads_offsets_as_instants_and_get_window_gives_them_back() {
        let ny = crate::core::zone::new_york(Default::default());
        let zone = Zone::Varying(&ny);
        // Calendar dates are New York's days, across the change to EDT.
        let w = Window::from_iso_in("2019-03-09", "2019-03-11", zone).unwrap();
        assert_eq!(
            w.iso_in(zone),
            (
                "2019-03-09T05:00:00.000Z".to_owned(),
                "2019-03-12T04:00:00.000Z".to_owned()
            )
        );
        // Instants come back as they were given.
        let exact =
            Window::from_iso_in("2019-03-10T06:00:00.000Z", "2019-03-10T08:00:00.000Z", zone)
                .unwrap();
        assert_eq!(
            exact.iso_in(zone),
            (
                "2019-03-10T06:00:00.000Z".to_owned(),
                "2019-03-10T08:00:00.000Z".to_owned()
            )
        );
        // On the wall clock that is 01:00 EST to 04:00 EDT.
        assert_eq!(
            (exact.start(), exact.end()),
            (
                PartialDate::parse("2019-03-10T01:00").unwrap().start_ms(),
                PartialDate::parse("2019-03-10T04:00").unwrap().start_ms()
            )
        );
        // In UTC nothing moves.
        let utc = Window::from_iso("2019-06", "2019-06").unwrap();
        assert_eq!(utc.iso_in(Zone::UTC).0, utc.start_iso());
    }

    /// Twelve events, one on the 1st of each month of 2019.
    fn year() -> Dataset {
        let events: Vec<String> = (1..=12)
            .map(|m| format!(r#"{{"id": "m{m}", "start": "2019-{m:02}-01", "title": "{m}"}}"#))
            .collect();
        Dataset::new(parse_document(&format!("[{}]", events.join(","))).unwrap())
    }

    fn open(data: &Dataset, start: Option<&str>, end: Option<&str>, at: &str) -> Opened {
        let asked = Opening {
            start: start.map(str::to_owned),
            end: end.map(str::to_owned),
            start_at: StartAt::parse(at),
        };
        opening(data, &asked, ms("2024-06-15"), Zone::UTC)
    }

    fn ms(date: &str) -> f64 {
        PartialDate::parse(date).unwrap().start_ms()
    }

    fn shows(window: Window, date: &str) -> bool {
        window.intersects(ms(date), ms(date) + 1.0)
    }

    #[test]
    fn start_and_end_give_the_opening_window() {
        let data = year();
        let opened = open(&data, Some("2019-03"), Some("2019-04"), "last");
        assert_eq!(
            opened.window,
            Window::from_iso("2019-03", "2019-04").unwrap()
        );
        assert!(opened.problems.is_empty() && opened.card.is_none());
        // One of them: the other is fit's.
        let fitted = Window::fit(&data.timeline, 0.0);
        let from = open(&data, Some("2019-10"), None, "fit").window;
        assert_eq!((from.start(), from.end()), (ms("2019-10"), fitted.end()));
        let until = open(&data, None, Some("2019-02-10T12:00Z"), "fit").window;
        assert_eq!(
            (until.start(), until.end()),
            (fitted.start(), ms("2019-02-10T12:00Z"))
        );
        // A start after every event still opens there.
        let later = open(&data, Some("2030"), None, "fit").window;
        assert_eq!((later.start(), later.span()), (ms("2030"), fitted.span()));
    }

    #[test]
    fn an_end_of_now_is_the_present() {
        let opened = open(&year(), Some("2019-06"), Some("now"), "fit");
        assert_eq!(opened.window.end(), ms("2024-06-15"));
    }

    #[test]
    fn a_start_after_the_end_is_a_warning_and_start_at_decides() {
        let data = year();
        let opened = open(&data, Some("2019-06"), Some("2019-05"), "last");
        assert_eq!(opened.window, open(&data, None, None, "last").window);
        assert_eq!(opened.problems.len(), 1);
        assert_eq!(
            opened.problems[0].to_string(),
            r#"options.end: "2019-05" is not after the start "2019-06" (both are ignored)"#
        );
        let bad = open(&data, Some("June"), None, "fit");
        assert_eq!(bad.window, Window::fit(&data.timeline, 0.0));
        assert_eq!(bad.problems[0].path, "options.start");
        assert!(bad.problems[0].message.ends_with("(it is ignored)"));
    }

    #[test]
    fn first_and_last_show_the_first_and_last_five_events() {
        let data = year();
        let first = open(&data, None, None, "first").window;
        assert!(shows(first, "2019-01-01") && shows(first, "2019-05-01"));
        assert!(!shows(first, "2019-06-01"));
        let last = open(&data, None, None, "last").window;
        assert!(shows(last, "2019-08-01") && shows(last, "2019-12-01"));
        assert!(!shows(last, "2019-07-01"));
    }

    #[test]
    fn now_is_centred_on_the_present_and_reaches_the_nearest_events() {
        let data = year();
        let now = open(&data, None, None, "now").window;
        let middle = (now.start() + now.end()) / 2.0;
        assert!((middle - ms("2024-06-15")).abs() < 1.0);
        // The five latest events are before it: the window reaches them.
        assert!(shows(now, "2019-08-01"));
        // No events: a day around the present.
        let none = Dataset::new(parse_document("[]").unwrap());
        let empty = open(&none, None, None, "now").window;
        assert!(shows(empty, "2024-06-15") && empty.span() == MS_PER_DAY);
    }

    #[test]
    fn an_event_id_centres_on_it_and_opens_its_card() {
        let data = year();
        let opened = open(&data, None, None, "m6");
        assert_eq!(opened.card.as_deref(), Some("m6"));
        assert!(shows(opened.window, "2019-04-01") && shows(opened.window, "2019-08-01"));
        assert!(!shows(opened.window, "2019-03-01") && !shows(opened.window, "2019-09-01"));
        // At an end of the data, the neighbours are on one side.
        let first = open(&data, None, None, "m1");
        assert!(shows(first.window, "2019-05-01"));
    }

    #[test]
    fn an_unknown_start_at_is_a_warning_and_the_timeline_opens_fitted() {
        let data = year();
        let opened = open(&data, None, None, "latest");
        assert_eq!(opened.window, Window::fit(&data.timeline, 0.0));
        assert_eq!(opened.card, None);
        assert_eq!(
            opened.problems[0].to_string(),
            r#"options.startAt: expected "fit", "first", "last", "now" or the id of an event, but found "latest" (the timeline opens fitted)"#
        );
    }

    #[test]
    fn reaching_moves_the_window_as_little_as_it_can() {
        let june = Window::from_iso("2019-06", "2019-06").unwrap();
        // Inside already: no move.
        assert_eq!(june.reaching(ms("2019-06-10"), ms("2019-06-20")), june);
        // Later: the end moves to the instant and its margin.
        let later = june.reaching(ms("2019-07-10"), ms("2019-07-10"));
        assert_eq!(later.span(), june.span());
        assert!((later.end() - ms("2019-07-10") - june.span() * FIT_MARGIN).abs() < 1.0);
        // More than the span holds: the latest instant stays in view.
        let wide = june.reaching(ms("2018-01-01"), ms("2019-09-01"));
        assert!(shows(wide, "2019-09-01") && !shows(wide, "2018-01-01"));
        // Showing them all widens the window instead.
        let all = june.showing(ms("2018-01-01"), ms("2019-09-01"));
        assert!(shows(all, "2019-09-01") && shows(all, "2018-01-01"));
        assert_eq!(june.showing(ms("2019-07-10"), ms("2019-07-10")), later);
    }
}
