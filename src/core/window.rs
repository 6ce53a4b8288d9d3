//! The visible range of time, and how it is chosen.
//!
//! A [`Window`] is a half-open span of the time axis: milliseconds of the
//! widget zone's wall clock since 1970-01-01T00:00 (see
//! [`crate::core::zone`]). `fit` frames every event with a margin;
//! `setWindow` resolves partial dates so that a partial end covers its
//! whole period.
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

use super::date::{iso_from_ms, DateError, PartialDate, MS_PER_DAY};
use super::model::{Event, Timeline};
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
        let (first, last) = timeline.extent_ms().unwrap_or((now_ms, now_ms));
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
}
