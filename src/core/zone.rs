//! Time zones as the axis needs them: the widget's zone given as offsets
//! (core has no time-zone database: the UI asks the browser's Intl), and
//! where date-times sit in it.
//!
//! # Overview
//!
//! - [`TimeZone`]: the `timeZone` option, resolved: "auto", a fixed
//!   offset ("UTC", or the offset the data shares) or a zone whose offsets
//!   vary ([`Offsets`], from a lookup the UI hands in).
//! - [`Zone`]: the zone a dataset is placed in, what conversions use:
//!   [`Zone::wall`] (instant → axis), [`Zone::instant`] (axis → instant)
//!   and [`Zone::place`] (a date-time written with an offset → the same
//!   instant on the zone's wall clock).
//! - [`Offsets`]: a lookup's answers, remembered per two days.
//!
//! ```
//! use news_timeline::core::date::PartialDate;
//! use news_timeline::core::zone::Zone;
//! # fn main() -> Result<(), news_timeline::core::date::DateError> {
//! let tehran = Zone::Fixed(270);
//! let written: PartialDate = "2019-05-05T10:00Z".parse()?;
//! assert_eq!(tehran.place(written).to_string(), "2019-05-05T14:30");
//! // Calendar dates and wall-clock times never shift.
//! let day: PartialDate = "2019-05-05".parse()?;
//! assert_eq!(tehran.place(day), day);
//! assert_eq!(tehran.instant(day.start_ms()), day.start_ms() - 270.0 * 60_000.0);
//! # Ok(())
//! # }
//! ```
//!
//! # What is a wall-clock axis?
//!
//! Positions on the time axis are milliseconds of *wall-clock time in the
//! widget's zone*, counted as if that clock were UTC: 14:30 in Tehran sits
//! where 14:30 UTC would. So calendar dates ("2019-05-05") and date-times
//! without an offset keep the positions they are written at, tick
//! arithmetic in UTC yields the zone's midnights (across daylight-saving
//! changes too: a wall clock's midnights are 24 hours apart on it), and
//! only date-times written with an offset move, once, when a dataset is
//! made. Instants (`getWindow()`, the present) are converted at the edges.
//! The price: a day that springs forward shows an hour no clock reads, and
//! one that falls back shows its repeated hour once.
//!
//! Out of scope: zone names (the UI asks Intl), and offsets finer than a
//! minute (the local mean times of the 19th century are rounded).

use super::date::{PartialDate, MS_PER_DAY};
use super::model::Timeline;
use std::cell::Cell;

/// Milliseconds in a minute, the unit of offsets.
const MINUTE_MS: f64 = 60_000.0;

/// The widest instant a JS `Date` holds: lookups beyond it ask at it.
const MAX_DATE_MS: f64 = 8.64e15;

/// How much time one remembered answer covers. Offsets are looked up at
/// both ends of a block, and where they differ the change is searched to
/// the minute; a block must therefore never hold two changes. In the
/// tz database (2025b) no two changes of one zone are closer than 3.99
/// days (Africa/Freetown, 1939), so two days leave room; a day would cost
/// twice the lookups (one Intl call each, some 3 µs).
const BLOCK_MS: f64 = 2.0 * MS_PER_DAY;

/// A zone's UTC offset at an instant (ms since 1970 UTC), in minutes east
/// of UTC: what the UI reads from Intl.
pub type Lookup = Box<dyn Fn(f64) -> i32>;

/// The offsets of a zone whose offset varies, answered by a [`Lookup`]
/// and remembered per block of two days, so that 100,000 date-times cost
/// a lookup per block they fall in, not one each.
pub struct Offsets {
    lookup: Lookup,
    /// Sorted by block number (taken out while one is added, so no borrow
    /// can fail).
    blocks: Cell<Vec<(i64, Block)>>,
}

/// What one block of time knows: the offset at its start, the offset at
/// its end, and where the one changes to the other.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Block {
    before: i32,
    after: i32,
    /// The first minute with `after` (infinite when the block has none).
    change: f64,
}

impl Offsets {
    /// Offsets answered by `lookup`.
    pub fn new(lookup: Lookup) -> Offsets {
        Offsets {
            lookup,
            blocks: Cell::new(Vec::new()),
        }
    }

    /// The offset at `utc_ms`, in minutes east of UTC (0 for NaN).
    pub fn at(&self, utc_ms: f64) -> i32 {
        if utc_ms.is_nan() {
            return 0;
        }
        let utc_ms = utc_ms.clamp(-MAX_DATE_MS, MAX_DATE_MS);
        let n = (utc_ms / BLOCK_MS).floor() as i64;
        let block = self.block(n);
        if utc_ms < block.change {
            block.before
        } else {
            block.after
        }
    }

    /// Block `n`, looked up the first time it is asked for; a neighbour's
    /// answer at a shared end is reused.
    fn block(&self, n: i64) -> Block {
        let mut blocks = self.blocks.take();
        let at = blocks.binary_search_by_key(&n, |&(k, _)| k);
        let block = match at {
            Ok(i) => blocks.get(i).map(|&(_, b)| b),
            Err(_) => None,
        };
        let block = block.unwrap_or_else(|| {
            let i = at.unwrap_or_else(|i| i);
            let start = n as f64 * BLOCK_MS;
            let before = match i.checked_sub(1).and_then(|p| blocks.get(p)) {
                Some(&(k, b)) if k == n - 1 => b.after,
                _ => (self.lookup)(start),
            };
            let after = match blocks.get(i) {
                Some(&(k, b)) if k == n + 1 => b.before,
                _ => (self.lookup)(start + BLOCK_MS),
            };
            let change = if before == after {
                f64::INFINITY
            } else {
                // The first minute showing `after`: the minutes before the
                // change show `before`.
                let (mut low, mut high) = (0.0, BLOCK_MS / MINUTE_MS);
                while high - low > 1.0 {
                    let middle = ((low + high) / 2.0).floor();
                    if (self.lookup)(start + middle * MINUTE_MS) == before {
                        low = middle;
                    } else {
                        high = middle;
                    }
                }
                start + high * MINUTE_MS
            };
            let block = Block {
                before,
                after,
                change,
            };
            blocks.insert(i, (n, block));
            block
        });
        self.blocks.set(blocks);
        block
    }
}

/// The zone positions on the axis are wall-clock times of.
#[derive(Clone, Copy)]
pub enum Zone<'a> {
    /// A fixed offset in minutes east of UTC ("UTC" is 0).
    Fixed(i16),
    /// A zone with daylight-saving time or a history of changes.
    Varying(&'a Offsets),
}

impl Zone<'_> {
    /// UTC.
    pub const UTC: Zone<'static> = Zone::Fixed(0);

    /// The offset at the instant `utc_ms`, in minutes east of UTC.
    pub fn offset_at(self, utc_ms: f64) -> i32 {
        match self {
            Zone::Fixed(offset) => i32::from(offset),
            Zone::Varying(offsets) => offsets.at(utc_ms),
        }
    }

    /// Where the instant `utc_ms` sits on the axis: the zone's wall clock
    /// then.
    pub fn wall(self, utc_ms: f64) -> f64 {
        utc_ms + f64::from(self.offset_at(utc_ms)) * MINUTE_MS
    }

    /// The instant the axis position `wall_ms` shows. A time the clocks
    /// skip (spring forward) is read with the offset before the change,
    /// so it lands after it; a time they show twice (fall back) is the
    /// earlier instant (as JS `Date` and Temporal's "compatible" do).
    pub fn instant(self, wall_ms: f64) -> f64 {
        let minutes = |offset: i32| f64::from(offset) * MINUTE_MS;
        let before = self.offset_at(wall_ms - MS_PER_DAY);
        let after = self.offset_at(wall_ms + MS_PER_DAY);
        let early = wall_ms - minutes(before);
        if before == after || self.wall(early) == wall_ms {
            return early;
        }
        let late = wall_ms - minutes(after);
        if self.wall(late) == wall_ms {
            late
        } else {
            early
        }
    }

    /// `date` on this zone's wall clock: a date-time written with an
    /// offset becomes the wall-clock time of its instant here, at the
    /// precision it was written; calendar dates and date-times without an
    /// offset stay as they are.
    pub fn place(self, date: PartialDate) -> PartialDate {
        let Some(written) = date.offset_minutes() else {
            return date;
        };
        if let Zone::Fixed(offset) = self {
            if offset == written {
                return date.without_offset();
            }
        }
        PartialDate::from_ms(self.wall(date.start_ms()), date.precision())
            .unwrap_or(date.without_offset())
    }
}

impl Zone<'_> {
    /// `date`, a time on this zone's wall clock, with the zone's offset
    /// then written, so that it names its instant ("2019-03-10T08:00-04:00"
    /// for `time[datetime]`); calendar dates stay as they are.
    pub fn stamp(self, date: PartialDate) -> PartialDate {
        if date.time().is_none() {
            return date;
        }
        date.with_offset(self.offset_at(self.instant(date.start_ms())))
    }
}

/// The `timeZone` option as the widget uses it.
pub enum TimeZone {
    /// The one offset the data's date-times are written with, else UTC.
    Auto,
    /// A fixed offset in minutes east of UTC ("UTC" is 0).
    Fixed(i16),
    /// A named zone (IANA, or the reader's), its offsets from Intl.
    Varying(Offsets),
}

/// Which zone a dataset was placed in, without borrowing the lookup: what
/// the dataset keeps (it is shared across threads, a lookup is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    /// A fixed offset in minutes east of UTC.
    Fixed(i16),
    /// The option's varying zone.
    Varying,
}

impl Default for Placed {
    fn default() -> Self {
        Placed::Fixed(0)
    }
}

impl TimeZone {
    /// The zone `timeline` is placed in: for [`TimeZone::Auto`], the
    /// offset its date-times share ([`shared_offset`]), else UTC.
    pub fn for_timeline(&self, timeline: &Timeline) -> Zone<'_> {
        match self {
            TimeZone::Auto => Zone::Fixed(shared_offset(timeline).unwrap_or(0)),
            TimeZone::Fixed(offset) => Zone::Fixed(*offset),
            TimeZone::Varying(offsets) => Zone::Varying(offsets),
        }
    }

    /// The zone a dataset was `placed` in, with this option's lookup.
    pub fn zone(&self, placed: Placed) -> Zone<'_> {
        match (placed, self) {
            (Placed::Varying, TimeZone::Varying(offsets)) => Zone::Varying(offsets),
            (Placed::Fixed(offset), _) => Zone::Fixed(offset),
            (Placed::Varying, _) => Zone::UTC,
        }
    }
}

impl Zone<'_> {
    /// What a dataset keeps of this zone.
    pub fn placed(self) -> Placed {
        match self {
            Zone::Fixed(offset) => Placed::Fixed(offset),
            Zone::Varying(_) => Placed::Varying,
        }
    }
}

/// The one UTC offset every date-time of `timeline` written with an
/// offset has (events' and eras' starts and ends); `None` when there are
/// none or they differ.
pub fn shared_offset(timeline: &Timeline) -> Option<i16> {
    let mut shared = None;
    // Whether `date` agrees with the offsets seen so far.
    let mut agrees = |date: &PartialDate| match (date.offset_minutes(), shared) {
        (Some(offset), None) => {
            shared = Some(offset);
            true
        }
        (Some(offset), Some(first)) => offset == first,
        (None, _) => true,
    };
    for event in &timeline.events {
        if !agrees(&event.start) || !event.end.as_ref().is_none_or(&mut agrees) {
            return None;
        }
    }
    for era in &timeline.eras {
        if !agrees(&era.start) || !agrees(&era.end) {
            return None;
        }
    }
    shared
}

#[cfg(test)]
/// America/New_York under the US rules of 2007 on: EDT (−4) from the
/// second Sunday of March, 2:00 EST (07:00Z), to the first Sunday of
/// November, 2:00 EDT (06:00Z); EST (−5) otherwise. Counts its calls.
pub(crate) fn new_york(calls: std::rc::Rc<Cell<u32>>) -> Offsets {
    Offsets::new(Box::new(move |utc: f64| {
        calls.set(calls.get() + 1);
        let (year, ..) = crate::core::date::civil_from_ms(utc);
        // The n-th Sunday of a month, as the ms of that day's midnight.
        let sunday = |month: u8, n: u8| {
            let first = crate::core::date::ms_from_civil(year, month, 1);
            // Weekdays from 0 = Sunday; 1970-01-01 was a Thursday (4).
            let weekday = ((first / MS_PER_DAY).floor() as i64 + 4).rem_euclid(7);
            first + ((7 - weekday) % 7 + 7 * (i64::from(n) - 1)) as f64 * MS_PER_DAY
        };
        let starts = sunday(3, 2) + 7.0 * 3_600_000.0;
        let ends = sunday(11, 1) + 6.0 * 3_600_000.0;
        if utc >= starts && utc < ends {
            -240
        } else {
            -300
        }
    }))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::import::parse_document;
    use std::rc::Rc;

    fn date(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn ms(s: &str) -> f64 {
        date(s).start_ms()
    }

    #[test]
    fn the_test_zone_changes_when_new_york_does() {
        let ny = new_york(Rc::default());
        let zone = Zone::Varying(&ny);
        assert_eq!(zone.offset_at(ms("2019-03-10T06:59Z")), -300);
        assert_eq!(zone.offset_at(ms("2019-03-10T07:00Z")), -240);
        assert_eq!(zone.offset_at(ms("2019-11-03T05:59Z")), -240);
        assert_eq!(zone.offset_at(ms("2019-11-03T06:00Z")), -300);
        assert_eq!(zone.offset_at(ms("2020-03-08T07:00Z")), -240);
    }

    #[test]
    fn offsets_are_looked_up_once_per_two_days_and_searched_where_they_change() {
        let calls = Rc::new(Cell::new(0));
        let ny = new_york(calls.clone());
        // A quiet block: both its ends, then nothing more.
        assert_eq!(ny.at(ms("2019-06-01T12:00Z")), -240);
        assert_eq!(calls.get(), 2);
        for hour in 0..48 {
            ny.at(ms("2019-06-01T00:00Z") + f64::from(hour) * 3_600_000.0);
        }
        assert_eq!(calls.get(), 2);
        // The next block shares an end with it.
        ny.at(ms("2019-06-03T12:00Z"));
        assert_eq!(calls.get(), 3);
        // A block with a change: its ends and a search to the minute.
        let before = calls.get();
        assert_eq!(ny.at(ms("2019-03-10T06:59Z")), -300);
        assert!(calls.get() - before <= 2 + 12, "{}", calls.get() - before);
        assert_eq!(ny.at(ms("2019-03-10T07:00Z")), -240);
        assert_eq!(ny.at(ms("2019-03-10T06:59:59.999Z")), -300);
    }

    #[test]
    fn a_hundred_thousand_date_times_cost_a_lookup_per_block() {
        let calls = Rc::new(Cell::new(0));
        let ny = new_york(calls.clone());
        let start = ms("2004-01-01T00:00Z");
        for i in 0..100_000 {
            // Twenty years, in time order, about 1.7 hours apart.
            ny.at(start + f64::from(i) * 6_307.2 * 1000.0);
        }
        // 3,650 blocks, 40 changes searched in 12 steps each.
        assert!(calls.get() < 3_650 + 40 * 12 + 10, "{}", calls.get());
    }

    #[test]
    fn wall_and_instant_are_inverse_away_from_changes() {
        let ny = new_york(Rc::default());
        let zone = Zone::Varying(&ny);
        for instant in [
            "2019-01-15T12:00Z",
            "2019-03-10T06:59Z",
            "2019-03-10T07:00Z",
            "2019-07-04T03:00Z",
            "2019-11-03T07:00Z",
        ] {
            let t = ms(instant);
            assert_eq!(zone.instant(zone.wall(t)), t, "{instant}");
        }
        assert_eq!(zone.wall(ms("2019-07-04T16:00Z")), ms("2019-07-04T12:00"));
        assert_eq!(zone.wall(ms("2019-01-04T17:00Z")), ms("2019-01-04T12:00"));
    }

    #[test]
    fn skipped_and_repeated_wall_times_read_as_js_date_reads_them() {
        let ny = new_york(Rc::default());
        let zone = Zone::Varying(&ny);
        // new Date(2019, 2, 10, 2, 30) in New York is 03:30 EDT, 07:30Z.
        assert_eq!(
            zone.instant(ms("2019-03-10T02:30")),
            ms("2019-03-10T07:30Z")
        );
        // new Date(2019, 10, 3, 1, 30) is the first 01:30, EDT: 05:30Z.
        assert_eq!(
            zone.instant(ms("2019-11-03T01:30")),
            ms("2019-11-03T05:30Z")
        );
        // Midnights on both sides of a change.
        assert_eq!(zone.instant(ms("2019-03-10")), ms("2019-03-10T05:00Z"));
        assert_eq!(zone.instant(ms("2019-03-11")), ms("2019-03-11T04:00Z"));
    }

    #[test]
    fn placing_moves_only_date_times_with_an_offset() {
        let ny = new_york(Rc::default());
        let zone = Zone::Varying(&ny);
        let placed = |s: &str| zone.place(date(s)).to_string();
        assert_eq!(placed("2019-07-04T16:00Z"), "2019-07-04T12:00");
        assert_eq!(
            placed("2019-07-04T16:00:05.250+00:00"),
            "2019-07-04T12:00:05.250"
        );
        assert_eq!(placed("2019-12-31T23:30-05:00"), "2019-12-31T23:30");
        assert_eq!(placed("2020-01-01T02:00+02:00"), "2019-12-31T19:00");
        for unmoved in [
            "2019",
            "2019-07",
            "2019-07-04",
            "2019-07-04T16:00",
            "-000043-03-15",
        ] {
            assert_eq!(placed(unmoved), unmoved);
        }
        // A fixed zone equal to the written offset drops it.
        assert_eq!(
            Zone::Fixed(270)
                .place(date("2019-05-05T14:30+04:30"))
                .to_string(),
            "2019-05-05T14:30"
        );
        assert_eq!(
            Zone::UTC.place(date("2019-05-05T14:30+04:30")).to_string(),
            "2019-05-05T10:00"
        );
    }

    #[test]
    fn stamped_times_name_their_instant() {
        let ny = new_york(Rc::default());
        let zone = Zone::Varying(&ny);
        let stamp = |s: &str| zone.stamp(date(s)).to_string();
        assert_eq!(stamp("2019-03-10T08:00"), "2019-03-10T08:00-04:00");
        assert_eq!(
            stamp("2019-03-09T23:59:30.5"),
            "2019-03-09T23:59:30.500-05:00"
        );
        assert_eq!(stamp("2019-03-10"), "2019-03-10");
        assert_eq!(
            Zone::UTC.stamp(date("2019-03-10T08:00")).to_string(),
            "2019-03-10T08:00Z"
        );
        let placed = zone.place(date("2019-07-04T16:00Z"));
        assert_eq!(ms(&zone.stamp(placed).to_string()), ms("2019-07-04T16:00Z"));
    }

    #[test]
    fn auto_is_the_offset_the_data_shares() {
        let zone_of = |text: &str| {
            let parsed = parse_document(text).unwrap();
            shared_offset(&parsed.timeline)
        };
        assert_eq!(
            zone_of(
                r#"[{"start": "2019-05-05T14:30+04:30", "title": "a"},
                    {"start": "2019-05-06", "title": "b"},
                    {"start": "2019-05-07T09:00", "end": "2019-05-07T10:00+04:30", "title": "c"}]"#
            ),
            Some(270)
        );
        assert_eq!(
            zone_of(
                r#"[{"start": "2019-05-05T14:30+04:30", "title": "a"},
                    {"start": "2019-05-06T10:00Z", "title": "b"}]"#
            ),
            None
        );
        assert_eq!(
            zone_of(r#"[{"start": "2019-05-05T14:30", "title": "a"}]"#),
            None
        );
        let auto = TimeZone::Auto;
        let parsed =
            parse_document(r#"[{"start": "2019-05-05T14:30-03:00", "title": "a"}]"#).unwrap();
        assert_eq!(
            auto.for_timeline(&parsed.timeline).placed(),
            Placed::Fixed(-180)
        );
        assert_eq!(auto.zone(Placed::Fixed(-180)).offset_at(0.0), -180);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use chrono::{DateTime, FixedOffset};
        use proptest::prelude::*;

        proptest! {
            /// chrono is the oracle: a date-time written with one fixed
            /// offset, placed in a zone of another, reads as chrono shows
            /// that instant in the other offset.
            #[test]
            fn fixed_zones_place_as_chrono_converts(
                ms in -30_000_000_000_000i64..30_000_000_000_000,
                written in -1439i32..=1439,
                zone in -1439i16..=1439,
            ) {
                let instant = DateTime::from_timestamp_millis(ms).unwrap();
                let text = instant
                    .with_timezone(&FixedOffset::east_opt(written * 60).unwrap())
                    .format("%Y-%m-%dT%H:%M:%S%.3f%:z")
                    .to_string();
                let shown = instant
                    .with_timezone(&FixedOffset::east_opt(i32::from(zone) * 60).unwrap())
                    .format("%Y-%m-%dT%H:%M:%S%.3f")
                    .to_string();
                let placed = Zone::Fixed(zone).place(date(&text));
                prop_assert_eq!(placed.to_string(), shown);
                prop_assert_eq!(Zone::Fixed(zone).instant(placed.start_ms()), ms as f64);
            }

            /// Back from the wall clock to the instant: the same instant,
            /// or in a repeated hour the earlier one showing that time.
            #[test]
            fn instants_come_back_from_the_wall_clock(ms in 1_100_000_000_000i64..1_900_000_000_000) {
                let ny = new_york(Rc::default());
                let zone = Zone::Varying(&ny);
                let t = ms as f64;
                let wall = zone.wall(t);
                let back = zone.instant(wall);
                prop_assert!(back == t || (back < t && zone.wall(back) == wall), "{} {}", t, back);
            }
        }
    }
}
