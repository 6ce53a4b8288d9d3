//! The list layout's shape: the shown events grouped by period, cut into
//! blocks so that a page renders only the blocks near its viewport.
//!
//! # Overview
//!
//! - [`Unit`]: year, month or day; [`Unit::for_span`] chooses it from the
//!   data's span, and [`period`] cuts an event's date to it.
//! - [`Plan`]: the shown events in blocks of [`BLOCK_EVENTS`], with how
//!   many periods open in each (the block's headings).
//! - [`near`] and [`gaps`]: which blocks lie in a band of the list
//!   (the viewport and a margin), and the room the others take.
//!
//! ```
//! # fn main() -> Result<(), news_timeline::core::import::DataError> {
//! use news_timeline::core::import::parse_document;
//! use news_timeline::core::periods::{Plan, Unit};
//! let parsed = parse_document(
//!     r#"[{"start": "2019-05-05", "title": "Carrier deployed"},
//!         {"start": "2019-05-24", "title": "More troops"},
//!         {"start": "2019-07-22", "title": "Spies arrested"}]"#,
//! )?;
//! let events = &parsed.timeline.events;
//! let unit = Unit::for_timeline(&parsed.timeline);
//! assert_eq!(unit, Unit::Month);
//! let plan = Plan::new(events, unit);
//! assert!(plan.opens_period(events, 0) && !plan.opens_period(events, 1));
//! assert_eq!(plan.headings(0), 2);
//! # Ok(())
//! # }
//! ```
//!
//! # What is a period?
//!
//! The calendar year, month or day an event's start falls in, as written
//! (a date-time's own wall clock: "2019-05-05T23:30-05:00" is in 5 May).
//! A date less precise than the unit is its own period: "2019" in a list
//! grouped by month comes under "2019", not under January. Periods follow
//! the events' order, so a run of events in one period is one group.
//!
//! Out of scope: pixels a browser lays out. Heights come from the caller
//! (measured where a block was rendered, estimated elsewhere).

use super::date::{PartialDate, Precision, MS_PER_DAY};
use super::model::{Event, Timeline};
use std::ops::Range;

/// Events in one block: the unit of rendering, so a page of 100,000
/// events holds a few blocks, whatever its periods.
pub const BLOCK_EVENTS: usize = 25;

/// Spans up to this many days are grouped by day.
const DAYS_BY_DAY: f64 = 31.0;
/// Spans up to this many days (two years) are grouped by month; longer
/// ones by year.
const DAYS_BY_MONTH: f64 = 731.0;

/// How long a list's periods are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Month,
    Year,
}

impl Unit {
    /// The unit for events whose starts span `first_ms` to `last_ms`: days
    /// up to a month (a story told day by day), months up to two years,
    /// else years; at most about 31 day or 24 month headings.
    pub fn for_span(first_ms: f64, last_ms: f64) -> Unit {
        let days = (last_ms - first_ms) / MS_PER_DAY;
        if !days.is_finite() || days > DAYS_BY_MONTH {
            Unit::Year
        } else if days > DAYS_BY_DAY {
            Unit::Month
        } else {
            Unit::Day
        }
    }

    /// The unit for a timeline's events (the span of their starts).
    pub fn for_timeline(timeline: &Timeline) -> Unit {
        let events = &timeline.events;
        match (events.first(), events.last()) {
            (Some(first), Some(last)) => Unit::for_span(first.start_ms(), last.start_ms()),
            _ => Unit::Year,
        }
    }

    fn precision(self) -> Precision {
        match self {
            Unit::Day => Precision::Day,
            Unit::Month => Precision::Month,
            Unit::Year => Precision::Year,
        }
    }
}

/// The period `date` falls in: the date cut to `unit`, or to its own
/// precision where that is coarser.
pub fn period(date: &PartialDate, unit: Unit) -> PartialDate {
    let keep = unit.precision().min(date.precision());
    let month = date.month().filter(|_| keep >= Precision::Month);
    let day = date.day().filter(|_| keep >= Precision::Day);
    PartialDate::from_fields(date.year(), month, day, None)
        .unwrap_or_else(|| PartialDate::from_year(date.year()))
}

/// The shown events in blocks, with the periods that open in each.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    unit: Option<Unit>,
    count: usize,
    /// Per block, how many of its events open a period.
    headings: Vec<u16>,
}

impl Plan {
    /// The plan of `events` (in time order) grouped by `unit`.
    pub fn new(events: &[Event], unit: Unit) -> Plan {
        let mut headings = vec![0u16; events.len().div_ceil(BLOCK_EVENTS)];
        let mut previous = None;
        for (i, event) in events.iter().enumerate() {
            let this = period(&event.start, unit);
            if previous != Some(this) {
                if let Some(count) = headings.get_mut(i / BLOCK_EVENTS) {
                    *count += 1;
                }
            }
            previous = Some(this);
        }
        Plan {
            unit: Some(unit),
            count: events.len(),
            headings,
        }
    }

    /// The unit the events are grouped by.
    pub fn unit(&self) -> Unit {
        self.unit.unwrap_or(Unit::Year)
    }

    /// How many blocks there are.
    pub fn blocks(&self) -> usize {
        self.headings.len()
    }

    /// The events (shown positions) of block `block`.
    pub fn events_of(&self, block: usize) -> Range<usize> {
        let start = block.saturating_mul(BLOCK_EVENTS).min(self.count);
        start..start.saturating_add(BLOCK_EVENTS).min(self.count)
    }

    /// The block holding the event at shown position `position`.
    pub fn block_of(position: usize) -> usize {
        position / BLOCK_EVENTS
    }

    /// How many periods open in block `block` (its headings).
    pub fn headings(&self, block: usize) -> u16 {
        self.headings.get(block).copied().unwrap_or(0)
    }

    /// Each block's height in px: `measured` where it is known (above 0),
    /// elsewhere an estimate of `row_px` an event and `heading_px` a
    /// heading, scaled by how the measured blocks compare with their own
    /// estimates (so a narrow page, where titles wrap, estimates taller).
    pub fn heights(&self, measured: &[f32], row_px: f64, heading_px: f64) -> Vec<f64> {
        let estimate = |block: usize| {
            self.events_of(block).len() as f64 * row_px
                + f64::from(self.headings(block)) * heading_px
        };
        let known = |block: usize| {
            measured
                .get(block)
                .map(|&px| f64::from(px))
                .filter(|&px| px > 0.0)
        };
        let (mut seen, mut guessed) = (0.0, 0.0);
        for block in 0..self.blocks().min(measured.len()) {
            if let Some(px) = known(block) {
                seen += px;
                guessed += estimate(block);
            }
        }
        let scale = if guessed > 0.0 { seen / guessed } else { 1.0 };
        (0..self.blocks())
            .map(|block| known(block).unwrap_or_else(|| estimate(block) * scale))
            .collect()
    }

    /// Whether the event at `i` of `events` (the events the plan was made
    /// of) opens a period: the first, or one in another period than the
    /// event before it.
    pub fn opens_period(&self, events: &[Event], i: usize) -> bool {
        let unit = self.unit();
        let Some(event) = events.get(i) else {
            return false;
        };
        match i.checked_sub(1).and_then(|before| events.get(before)) {
            None => true,
            Some(before) => period(&before.start, unit) != period(&event.start, unit),
        }
    }
}

/// The blocks that intersect the band from `top` to `bottom` (px from the
/// list's top), given each block's height; an empty range at the nearest
/// end when the band misses the list.
pub fn near(heights: &[f64], top: f64, bottom: f64) -> Range<usize> {
    let mut y = 0.0;
    let mut first = None;
    let mut end = 0;
    for (block, height) in heights.iter().enumerate() {
        let next = y + height;
        if next > top && y < bottom {
            first.get_or_insert(block);
            end = block + 1;
        } else if y >= bottom {
            break;
        }
        y = next;
    }
    match first {
        Some(first) => first..end,
        None if top >= y => heights.len()..heights.len(),
        None => 0..0,
    }
}

/// The room the blocks not rendered take, given each block's height and
/// the rendered blocks (increasing, each below `heights.len()`): above
/// each rendered block, the height of those between it and the rendered
/// block before it; and after the last, the rest.
pub fn gaps(heights: &[f64], rendered: &[usize]) -> (Vec<f64>, f64) {
    let sum = |from: usize, to: usize| heights.get(from..to).map_or(0.0, |h| h.iter().sum());
    let mut above = Vec::with_capacity(rendered.len());
    let mut next = 0;
    for &block in rendered {
        above.push(sum(next, block));
        next = block + 1;
    }
    (above, sum(next, heights.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::parse_document;

    fn events(starts: &[&str]) -> Vec<Event> {
        let items: Vec<String> = starts
            .iter()
            .map(|s| format!(r#"{{"start": "{s}", "title": "t"}}"#))
            .collect();
        parse_document(&format!("[{}]", items.join(",")))
            .map(|p| p.timeline.events)
            .unwrap_or_default()
    }

    /// Sixty events, ten on the 1st of each month from January 2019.
    fn sixty_in_six_months() -> Vec<Event> {
        let starts: Vec<String> = (0..60)
            .map(|i| format!("2019-{:02}-01", 1 + i / 10))
            .collect();
        let starts: Vec<&str> = starts.iter().map(String::as_str).collect();
        events(&starts)
    }

    fn date(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap_or_else(|_| PartialDate::from_year(0))
    }

    #[test]
    fn the_unit_follows_the_span() {
        let ms = |s: &str| date(s).start_ms();
        let unit = |from: &str, to: &str| Unit::for_span(ms(from), ms(to));
        assert_eq!(unit("2019-12-29T08:00Z", "2019-12-29T20:00Z"), Unit::Day);
        assert_eq!(unit("2019-05-01", "2019-06-01"), Unit::Day);
        assert_eq!(unit("2019-05-05", "2019-07-22"), Unit::Month);
        assert_eq!(unit("2018-01-01", "2019-12-31"), Unit::Month);
        assert_eq!(unit("2004-01-01", "2023-12-31"), Unit::Year);
        assert_eq!(Unit::for_span(0.0, f64::INFINITY), Unit::Year);
        assert_eq!(Unit::for_timeline(&Timeline::default()), Unit::Year);
    }

    #[test]
    fn a_period_is_the_date_cut_to_the_unit_or_its_own_precision() {
        let cut = |s: &str, unit| period(&date(s), unit).to_string();
        assert_eq!(cut("2019-05-05T23:30-05:00", Unit::Day), "2019-05-05");
        assert_eq!(cut("2019-05-05", Unit::Month), "2019-05");
        assert_eq!(cut("2019-05-05", Unit::Year), "2019");
        assert_eq!(cut("2019", Unit::Month), "2019");
        assert_eq!(cut("2019-05", Unit::Day), "2019-05");
        assert_eq!(cut("-0043-03-15", Unit::Year), "-000043");
        assert_eq!(cut("-13800000000", Unit::Day), "-13800000000");
    }

    #[test]
    fn periods_open_where_the_period_changes() {
        let list = events(&["2019-05-05", "2019-05-24", "2019-06-13", "2019-07-19"]);
        let plan = Plan::new(&list, Unit::Month);
        let opens: Vec<bool> = (0..list.len())
            .map(|i| plan.opens_period(&list, i))
            .collect();
        assert_eq!(opens, [true, false, true, true]);
        assert!(!plan.opens_period(&list, 9));
    }

    #[test]
    fn blocks_hold_block_events_each_and_count_their_headings() {
        let list = sixty_in_six_months();
        let plan = Plan::new(&list, Unit::Month);
        assert_eq!(plan.blocks(), 3);
        assert_eq!(plan.events_of(0), 0..25);
        assert_eq!(plan.events_of(2), 50..60);
        assert_eq!(plan.events_of(3), 60..60);
        assert_eq!(Plan::block_of(49), 1);
        // Months open at 0, 10, 20 | 30, 40 | 50.
        assert_eq!(
            (plan.headings(0), plan.headings(1), plan.headings(2)),
            (3, 2, 1)
        );
        assert_eq!(plan.headings(7), 0);
        assert_eq!(Plan::new(&[], Unit::Day).blocks(), 0);
    }

    #[test]
    fn heights_are_measured_or_estimated_like_the_measured_ones() {
        let list = sixty_in_six_months();
        let plan = Plan::new(&list, Unit::Month);
        // Estimates: 25 × 10 + 3 × 5, 25 × 10 + 2 × 5, 10 × 10 + 5.
        assert_eq!(plan.heights(&[], 10.0, 5.0), [265.0, 260.0, 105.0]);
        // The first block measured twice its estimate: the others are
        // estimated twice as tall.
        assert_eq!(plan.heights(&[530.0], 10.0, 5.0), [530.0, 520.0, 210.0]);
        assert_eq!(
            plan.heights(&[0.0, 130.0, 0.0], 10.0, 5.0),
            [132.5, 130.0, 52.5]
        );
    }

    #[test]
    fn near_finds_the_blocks_in_a_band() {
        let heights = [100.0, 100.0, 100.0, 100.0];
        assert_eq!(near(&heights, 150.0, 250.0), 1..3);
        assert_eq!(near(&heights, 0.0, 100.0), 0..1);
        assert_eq!(near(&heights, -500.0, -100.0), 0..0);
        assert_eq!(near(&heights, 500.0, 900.0), 4..4);
        assert_eq!(near(&heights, -100.0, 1000.0), 0..4);
        assert_eq!(near(&[], 0.0, 100.0), 0..0);
    }

    #[test]
    fn gaps_are_as_tall_as_the_blocks_they_stand_for() {
        let heights = [10.0, 20.0, 30.0, 40.0, 50.0];
        assert_eq!(gaps(&heights, &[0, 2, 3]), (vec![0.0, 20.0, 0.0], 50.0));
        assert_eq!(gaps(&heights, &[]), (vec![], 150.0));
        assert_eq!(gaps(&heights, &[4]), (vec![100.0], 0.0));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;

        proptest::proptest! {
            #[test]
            fn gaps_and_rendered_blocks_add_up_to_the_list(
                heights in proptest::collection::vec(0.0f64..500.0, 0..40),
                rendered in proptest::collection::btree_set(0usize..40, 0..10),
            ) {
                let rendered: Vec<usize> =
                    rendered.into_iter().filter(|&b| b < heights.len()).collect();
                let (above, after) = gaps(&heights, &rendered);
                proptest::prop_assert_eq!(above.len(), rendered.len());
                let shown: f64 = rendered.iter().filter_map(|&b| heights.get(b)).sum();
                let total = above.iter().sum::<f64>() + after + shown;
                let sum: f64 = heights.iter().sum();
                proptest::prop_assert!((total - sum).abs() < 1e-6);
            }

            #[test]
            fn near_blocks_intersect_the_band(
                heights in proptest::collection::vec(1.0f64..300.0, 1..40),
                top in -500.0f64..5000.0,
                extent in 0.0f64..2000.0,
            ) {
                let bottom = top + extent;
                let range = near(&heights, top, bottom);
                let mut y = 0.0;
                for (b, h) in heights.iter().enumerate() {
                    let inside = y + h > top && y < bottom;
                    proptest::prop_assert_eq!(range.contains(&b), inside, "block {}", b);
                    y += h;
                }
            }
        }
    }
}
