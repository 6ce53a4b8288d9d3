//! The data a widget holds, with what is derived from it once: events
//! found by id, the filtered view, the search index.
//!
//! # Overview
//!
//! - [`Dataset`]: the validated timeline, the problems validation found,
//!   the tag counts, an [`IdIndex`] and the search index, which is folded
//!   lazily (a slice at a time in idle moments, or at once when a search
//!   comes first).
//! - [`Shown`]: the events passing a [`Filter`], in time order, with their
//!   places in the data.
//!
//! A dataset never changes: new data (live additions too) is a new
//! dataset, so whatever is derived from one stays true of it. It is made
//! in the widget's time zone ([`Dataset::in_zone`]): date-times written
//! with an offset are placed on that zone's wall clock once, here, so
//! every view reads positions without asking for offsets.
//!
//! ```
//! # fn main() -> Result<(), news_timeline::core::import::DataError> {
//! use news_timeline::core::{dataset::Dataset, filter::Filter, import::parse_document};
//! let data = Dataset::new(parse_document(
//!     r#"[{"id": "b", "start": "2019-07", "title": "Tanker seized", "tags": ["shipping"]},
//!         {"id": "a", "start": "2019-05", "title": "Carrier deployed"}]"#,
//! )?);
//! assert_eq!(data.index_of("b"), Some(1));
//! let filter = Filter { tags: vec!["shipping".into()], ..Filter::default() };
//! let shown = data.shown(&filter);
//! assert_eq!(shown.timeline.events.len(), 1);
//! assert_eq!(shown.position_of(1), Some(0));
//! # Ok(())
//! # }
//! ```

use super::date::Precision;
use super::filter::{Filter, SearchIndex, SearchIndexBuilder};
use super::id_index::IdIndex;
use super::import::{sort_by_start, Parsed};
use super::model::{Era, Event, Problem, Timeline};
use super::zone::{Placed, TimeZone, Zone};
use std::sync::{Arc, Mutex};

/// A widget's data and the lookups derived from it.
#[derive(Debug, Default)]
pub struct Dataset {
    /// The validated events, in time order (shared with [`Shown`] when
    /// nothing is filtered out).
    pub timeline: Arc<Timeline>,
    /// What validation reported, in input order.
    pub problems: Vec<Problem>,
    /// The tags with how many events carry each, most used first.
    pub tags: Vec<(String, usize)>,
    /// The zone the dates were placed in (with the `timeZone` option it
    /// came from, the zone for conversions: [`TimeZone::zone`]).
    pub zone: Placed,
    /// Whether some event has a time of day (then the zone is named).
    pub has_times: bool,
    ids: IdIndex,
    search: Mutex<Search>,
    /// Whether an event is ongoing (its end is the present).
    ongoing: bool,
}

/// Where the search index stands.
#[derive(Debug, Default)]
enum Search {
    #[default]
    NotStarted,
    Folding(SearchIndexBuilder),
    Done(Arc<SearchIndex>),
}

impl Dataset {
    /// The dataset of a parsed document, on UTC's wall clock.
    pub fn new(parsed: Parsed) -> Dataset {
        Dataset::in_zone(parsed, &TimeZone::Fixed(0))
    }

    /// The dataset of a parsed document in the time zone `zone` chooses
    /// for it: its date-times written with an offset are placed on that
    /// zone's wall clock ([`Zone::place`]), and the events sorted again if
    /// that changed their order.
    pub fn in_zone(parsed: Parsed, zone: &TimeZone) -> Dataset {
        let Parsed {
            mut timeline,
            problems,
            tags,
        } = parsed;
        let zone = zone.for_timeline(&timeline);
        let has_times = place(&mut timeline, zone);
        let events = &timeline.events;
        let ids = IdIndex::new(events.len(), |i| events.get(i).map(|e| e.id.as_str()));
        let ongoing = events.iter().any(|e| e.ongoing);
        Dataset {
            timeline: Arc::new(timeline),
            problems,
            tags,
            zone: zone.placed(),
            has_times,
            ids,
            search: Mutex::default(),
            ongoing,
        }
    }

    /// The dataset as parsed, sharing its events: what a change starts
    /// from.
    pub fn parsed(&self) -> Parsed {
        Parsed {
            timeline: Timeline::clone(&self.timeline),
            problems: self.problems.clone(),
            tags: self.tags.clone(),
        }
    }

    /// Whether an event is ongoing (its end moves with the present).
    pub fn has_ongoing(&self) -> bool {
        self.ongoing
    }

    /// The place in [`Dataset::timeline`] of the event with id `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        let events = &self.timeline.events;
        self.ids.find(id, |i| events.get(i).map(|e| e.id.as_str()))
    }

    /// The event with id `id`.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.timeline.events.get(self.index_of(id)?)
    }

    /// The events `filter` lets through. With no filter, or one every
    /// event passes, that is the timeline itself (no copy: a one-letter
    /// search often matches all 100,000 events).
    pub fn shown(&self, filter: &Filter) -> Shown {
        let all = || Shown {
            timeline: self.timeline.clone(),
            places: None,
        };
        if filter.is_empty() {
            return all();
        }
        let kept = if filter.folded_query().is_some() {
            filter.apply(&self.timeline, &self.search_index())
        } else {
            filter.apply(&self.timeline, &SearchIndex::default())
        };
        if kept.len() == self.timeline.events.len() {
            return all();
        }
        let events = kept
            .iter()
            .filter_map(|&i| self.timeline.events.get(i).cloned())
            .collect();
        Shown {
            timeline: Arc::new(self.timeline.with_events(events)),
            places: Some(
                kept.into_iter()
                    .filter_map(|i| u32::try_from(i).ok())
                    .collect(),
            ),
        }
    }

    /// The search index, folding at once whatever idle moments have not.
    pub fn search_index(&self) -> Arc<SearchIndex> {
        let Ok(mut search) = self.search.lock() else {
            return Arc::new(SearchIndex::new(&self.timeline));
        };
        let index = match std::mem::take(&mut *search) {
            Search::Done(index) => index,
            Search::NotStarted => Arc::new(SearchIndex::new(&self.timeline)),
            Search::Folding(builder) => Arc::new(builder.finish(&self.timeline)),
        };
        *search = Search::Done(index.clone());
        index
    }

    /// Folds up to `count` more events into the search index; true once
    /// it is complete (then there is nothing left for idle moments).
    pub fn fold_search(&self, count: usize) -> bool {
        let Ok(mut search) = self.search.lock() else {
            return true;
        };
        let done = match &mut *search {
            Search::Done(_) => return true,
            Search::NotStarted => {
                let mut builder = SearchIndexBuilder::new(&self.timeline);
                let done = builder.step(&self.timeline, count);
                *search = Search::Folding(builder);
                done
            }
            Search::Folding(builder) => builder.step(&self.timeline, count),
        };
        if done {
            if let Search::Folding(builder) = std::mem::take(&mut *search) {
                *search = Search::Done(Arc::new(builder.finish(&self.timeline)));
            }
        }
        done
    }
}

/// Places `timeline`'s dates on the wall clock of `zone`, keeping events
/// and eras in time order and each end after its start (a range whose end
/// falls back before its start in a repeated hour becomes a point). Says
/// whether some event has a time of day.
fn place(timeline: &mut Timeline, zone: Zone) -> bool {
    let mut has_times = false;
    let mut moved = false;
    for event in &mut timeline.events {
        has_times |= event.start.precision() >= Precision::Minute
            || event
                .end
                .is_some_and(|e| e.precision() >= Precision::Minute);
        if event.start.offset_minutes().is_none()
            && event.end.is_none_or(|e| e.offset_minutes().is_none())
        {
            continue;
        }
        let start = zone.place(event.start);
        moved |= start.start_ms() != event.start.start_ms();
        let event = event.edit();
        event.start = start;
        event.end = event
            .end
            .map(|end| zone.place(end))
            .filter(|end| end.end_ms() > start.start_ms() && end.start_ms() >= start.start_ms());
    }
    for era in &mut timeline.eras {
        era.start = zone.place(era.start);
        era.end = zone.place(era.end);
        if era.end_ms() <= era.start_ms() {
            era.end = era.start;
        }
    }
    if moved {
        sort_by_start(&mut timeline.events, Event::start_ms);
    }
    sort_by_start(&mut timeline.eras, Era::start_ms);
    has_times
}

/// The events a filter lets through, in time order.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// The passing events, with the data's title and eras.
    pub timeline: Arc<Timeline>,
    /// Each passing event's place in the data; `None` when all pass.
    places: Option<Vec<u32>>,
}

impl Shown {
    /// Where the data's event at `data_index` is among the shown ones;
    /// `None` if the filter hides it.
    pub fn position_of(&self, data_index: usize) -> Option<usize> {
        match &self.places {
            None => (data_index < self.timeline.events.len()).then_some(data_index),
            Some(places) => {
                let wanted = u32::try_from(data_index).ok()?;
                places.binary_search(&wanted).ok()
            }
        }
    }

    /// Whether every event of the data is shown.
    pub fn is_everything(&self) -> bool {
        self.places.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::parse_document;

    fn dataset(text: &str) -> Dataset {
        Dataset::new(parse_document(text).unwrap_or_default())
    }

    const THREE: &str = r#"[
        {"id": "c", "start": "2019-07-19", "title": "Drone downed", "tags": ["military"]},
        {"id": "a", "start": "2019-05-05", "title": "Carrier deployed", "tags": ["military"]},
        {"id": "b", "start": "2019-06-13", "title": "Tankers attacked", "tags": ["shipping"]}
    ]"#;

    #[test]
    fn finds_events_by_id_in_time_order() {
        let data = dataset(THREE);
        assert_eq!(data.index_of("a"), Some(0));
        assert_eq!(data.index_of("b"), Some(1));
        assert_eq!(data.index_of("c"), Some(2));
        assert_eq!(data.index_of("d"), None);
        assert_eq!(
            data.event("b").map(|e| e.title.as_str()),
            Some("Tankers attacked")
        );
    }

    #[test]
    fn an_empty_filter_shows_the_data_itself() {
        let data = dataset(THREE);
        let shown = data.shown(&Filter::default());
        assert!(Arc::ptr_eq(&shown.timeline, &data.timeline));
        assert!(shown.is_everything());
        assert_eq!(shown.position_of(2), Some(2));
        assert_eq!(shown.position_of(3), None);
    }

    #[test]
    fn a_filter_keeps_each_shown_event_s_place_in_the_data() {
        let data = dataset(THREE);
        let military = Filter {
            tags: vec!["military".into()],
            ..Filter::default()
        };
        let shown = data.shown(&military);
        let ids: Vec<&str> = shown
            .timeline
            .events
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(shown.position_of(0), Some(0));
        assert_eq!(shown.position_of(1), None);
        assert_eq!(shown.position_of(2), Some(1));
    }

    #[test]
    fn a_search_uses_the_index_folded_in_slices() {
        let data = dataset(THREE);
        assert!(!data.fold_search(2));
        assert!(data.fold_search(2));
        let query = Filter {
            query: Some("TANKER".into()),
            ..Filter::default()
        };
        let shown = data.shown(&query);
        assert_eq!(shown.timeline.events.len(), 1);
        assert_eq!(shown.position_of(1), Some(0));
        // Folding again after the index is done does nothing.
        assert!(data.fold_search(2));
    }

    fn starts(data: &Dataset) -> Vec<(String, String)> {
        let events = &data.timeline.events;
        events
            .iter()
            .map(|e| (e.id.clone(), e.start.to_string()))
            .collect()
    }

    const OFFSETS: &str = r#"[
        {"id": "tehran", "start": "2019-05-05T14:30+04:30", "title": "a"},
        {"id": "london", "start": "2019-05-05T10:15Z", "title": "b"},
        {"id": "wall", "start": "2019-05-05T10:05", "title": "c"},
        {"id": "day", "start": "2019-05-05", "title": "d"}
    ]"#;

    #[test]
    fn date_times_with_an_offset_are_placed_on_the_zone_s_wall_clock_and_sorted_again() {
        let parsed = || parse_document(OFFSETS).unwrap_or_default();
        // In UTC, 14:30+04:30 is 10:00, before the wall-clock 10:05.
        let utc = Dataset::new(parsed());
        assert_eq!(
            starts(&utc),
            [
                ("day".into(), "2019-05-05".into()),
                ("tehran".into(), "2019-05-05T10:00".into()),
                ("wall".into(), "2019-05-05T10:05".into()),
                ("london".into(), "2019-05-05T10:15".into()),
            ]
        );
        assert!(utc.has_times);
        assert_eq!(utc.zone, Placed::Fixed(0));
        assert_eq!(utc.index_of("tehran"), Some(1));
        // In New York (EDT), offset-less times stay where they are written.
        let ny = TimeZone::Varying(crate::core::zone::new_york(Default::default()));
        let data = Dataset::in_zone(parsed(), &ny);
        assert_eq!(
            starts(&data),
            [
                ("day".into(), "2019-05-05".into()),
                ("tehran".into(), "2019-05-05T06:00".into()),
                ("london".into(), "2019-05-05T06:15".into()),
                ("wall".into(), "2019-05-05T10:05".into()),
            ]
        );
        assert_eq!(data.zone, Placed::Varying);
        assert_eq!(data.index_of("wall"), Some(3));
    }

    #[test]
    fn auto_shows_data_written_in_one_offset_as_written() {
        let parsed = parse_document(
            r#"[{"id": "a", "start": "2019-05-05T14:30+04:30", "end": "2019-05-06T01:00+04:30", "title": "a"},
                {"id": "b", "start": "2019-05-05", "title": "b"}]"#,
        )
        .unwrap_or_default();
        let data = Dataset::in_zone(parsed, &TimeZone::Auto);
        assert_eq!(data.zone, Placed::Fixed(270));
        let a = data
            .event("a")
            .map(|e| (e.start.to_string(), e.end.map(|d| d.to_string())));
        assert_eq!(
            a,
            Some(("2019-05-05T14:30".into(), Some("2019-05-06T01:00".into())))
        );
        let calendar = Dataset::in_zone(
            parse_document(r#"[{"start": "2019-05-05", "title": "b"}]"#).unwrap_or_default(),
            &TimeZone::Auto,
        );
        assert_eq!(calendar.zone, Placed::Fixed(0));
        assert!(!calendar.has_times);
    }

    #[test]
    fn a_range_ending_in_the_repeated_hour_before_its_start_becomes_a_point() {
        // 01:50 EDT and, 20 minutes later, 01:10 EST: the wall clock went back.
        let parsed = parse_document(
            r#"[{"id": "a", "start": "2019-11-03T01:50-04:00", "end": "2019-11-03T01:10-05:00", "title": "a"}]"#,
        )
        .unwrap_or_default();
        let ny = TimeZone::Varying(crate::core::zone::new_york(Default::default()));
        let data = Dataset::in_zone(parsed, &ny);
        let a = data.event("a").map(|e| (e.start.to_string(), e.end));
        assert_eq!(a, Some(("2019-11-03T01:50".into(), None)));
    }

    #[test]
    fn a_search_before_folding_builds_the_index_at_once() {
        let data = dataset(THREE);
        let query = Filter {
            query: Some("drone".into()),
            ..Filter::default()
        };
        assert_eq!(data.shown(&query).timeline.events.len(), 1);
        assert!(data.fold_search(1));
    }
}
