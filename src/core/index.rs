//! A time index over a timeline, so that what a window shows is found by
//! binary search instead of a walk over every event.
//!
//! # Overview
//!
//! [`TimeIndex`] is built once per data set (or filter result) and answers,
//! in `O(log n)` per question:
//! - how many events start in a span ([`TimeIndex::count_starting`]),
//! - the most important events starting in a span ([`TimeIndex::top_starting`]),
//!   and among equals the most spread out ([`TimeIndex::level`]),
//! - the events that began earlier but still last into an instant
//!   ([`TimeIndex::covering`], a scan over blocks of 64 starts that skips
//!   every block ending before the instant),
//! - the density of starts across a window, for the overview strip
//!   ([`TimeIndex::density`]).
//!
//! ```
//! # fn main() -> Result<(), news_timeline::core::import::DataError> {
//! use news_timeline::core::index::TimeIndex;
//! let data = news_timeline::core::import::parse_document(
//!     r#"[{"start": "2019-06-10", "title": "a"},
//!         {"start": "2019-06-11", "title": "b", "importance": 3},
//!         {"start": "2019-06-12", "title": "c"}]"#,
//! )?;
//! let index = TimeIndex::new(&data.timeline);
//! let june = (data.timeline.events[0].start_ms(), data.timeline.events[2].start_ms());
//! assert_eq!(index.count_starting(june.0, june.1), 2);
//! assert_eq!(index.top_starting(june.0, june.1 + 1.0, 1), vec![1]);
//! # Ok(())
//! # }
//! ```
//!
//! Out of scope: changing the timeline in place (a new timeline gets a new
//! index; building one for 100,000 events is a few milliseconds).

use super::model::Timeline;
use super::window::Window;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Starts are grouped in blocks of this many for [`TimeIndex::covering`].
const BLOCK: usize = 64;

/// The level of an importance's first event: above any grid crossing.
const FIRST_LEVEL: u8 = 65;

/// A start's cell number on the finest grid (1 ms), as an unsigned integer
/// in the same order, so that grid cells are runs of high bits.
fn grid_key(ms: f64) -> u64 {
    // Casts saturate: starts are within ±8.64e15 ms anyway.
    (ms.floor() as i64 as u64) ^ (1 << 63)
}

/// The level of the later of two keys differing in the bits of `differ`:
/// one more than its highest set bit (0 when the keys are equal).
fn crossing_level(differ: u64) -> u8 {
    (64 - differ.leading_zeros()) as u8
}

/// The lowest level whose grid cells are at least `ms` long: events at or
/// above it start at least about `ms` after an equally important one.
pub fn level_of_span(ms: f64) -> u8 {
    if ms.is_finite() && ms >= 1.0 {
        crossing_level(ms as u64) + 1
    } else {
        1
    }
}

/// Sorted starts, per-importance lists and block maxima of one timeline,
/// or of some of its events (one lane's).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimeIndex {
    /// Each event's start in ms, in event order (ascending).
    starts: Vec<f64>,
    /// Each event's end in ms (the end of its period).
    ends: Vec<f64>,
    /// Event indices by importance, most important list first; each list
    /// in time order.
    by_importance: [Vec<u32>; 3],
    /// The latest end in each block of [`BLOCK`] events.
    block_ends: Vec<f64>,
    /// Each event's [`TimeIndex::level`].
    levels: Vec<u8>,
    /// For an index of some events: their places in the timeline,
    /// ascending (the index's own indices count these); empty for all.
    members: Vec<u32>,
}

impl TimeIndex {
    /// Indexes a timeline whose events are sorted by start (as every
    /// parsed [`Timeline`] is).
    pub fn new(timeline: &Timeline) -> TimeIndex {
        TimeIndex::build(timeline, Vec::new())
    }

    /// Indexes the events of `timeline` at `members` (ascending places,
    /// such as one lane's): the index's own indices `0..members.len()`
    /// count them, and [`TimeIndex::event_index`] gives their places
    /// back. Levels are those among the members only.
    pub fn of_members(timeline: &Timeline, members: Vec<u32>) -> TimeIndex {
        TimeIndex::build(timeline, members)
    }

    fn build(timeline: &Timeline, members: Vec<u32>) -> TimeIndex {
        let all = members.is_empty();
        let count = if all {
            timeline.events.len()
        } else {
            members.len()
        };
        let event = |k: usize| {
            let place = if all {
                Some(k)
            } else {
                members.get(k).map(|&i| i as usize)
            };
            timeline.events.get(place?)
        };
        let mut starts = Vec::with_capacity(count);
        let mut ends = Vec::with_capacity(count);
        let mut by_importance: [Vec<u32>; 3] = Default::default();
        for (i, event) in (0..count).filter_map(event).enumerate() {
            let (start, end) = event.span_ms();
            starts.push(start);
            ends.push(end);
            let level = 3usize.saturating_sub(usize::from(event.importance.clamp(1, 3)));
            if let (Some(list), Ok(i)) = (by_importance.get_mut(level), u32::try_from(i)) {
                list.push(i);
            }
        }
        let block_ends = ends
            .chunks(BLOCK)
            .map(|c| c.iter().copied().fold(f64::NEG_INFINITY, f64::max))
            .collect();
        let mut levels = vec![0; starts.len()];
        for list in &by_importance {
            let mut previous = None;
            for &i in list {
                let key = grid_key(starts.get(i as usize).copied().unwrap_or_default());
                if let Some(level) = levels.get_mut(i as usize) {
                    *level = previous.map_or(FIRST_LEVEL, |p| crossing_level(p ^ key));
                }
                previous = Some(key);
            }
        }
        TimeIndex {
            starts,
            ends,
            by_importance,
            block_ends,
            levels,
            members,
        }
    }

    /// The span from the earliest start to the latest end, as
    /// [`Timeline::extent_ms`] gives it for the indexed events, from what
    /// the index holds (no event's dates are read again).
    pub fn extent(&self) -> Option<(f64, f64)> {
        let first = *self.starts.first()?;
        let last = self
            .block_ends
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        Some((first, last))
    }

    /// How many events it indexes.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether it indexes no event.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The timeline's place of the indexed event `index`.
    pub fn event_index(&self, index: usize) -> usize {
        if self.members.is_empty() {
            index
        } else {
            self.members.get(index).map_or(usize::MAX, |&i| i as usize)
        }
    }

    /// The index's own index of the timeline's event at `place`, if it
    /// is indexed.
    pub fn local_index(&self, place: usize) -> Option<usize> {
        if self.members.is_empty() {
            return (place < self.starts.len()).then_some(place);
        }
        let place = u32::try_from(place).ok()?;
        self.members.binary_search(&place).ok()
    }

    /// How coarse a time grid (cells of 2^(level − 1) ms, aligned to the
    /// epoch) has this event as the first of its importance in a cell: a
    /// high level means no equally important event starts shortly before
    /// it. Labelling high levels first spreads labels out at every zoom,
    /// in an order that neither panning nor zooming changes.
    pub fn level(&self, index: usize) -> u8 {
        self.levels.get(index).copied().unwrap_or(0)
    }

    /// An event's start in ms, `NaN` for an index out of range.
    pub fn start_of(&self, index: usize) -> f64 {
        self.starts.get(index).copied().unwrap_or(f64::NAN)
    }

    /// The first event starting at or after `ms`.
    pub fn first_from(&self, ms: f64) -> usize {
        self.starts.partition_point(|&s| s < ms)
    }

    /// How many events start in `[from, to)`.
    pub fn count_starting(&self, from: f64, to: f64) -> usize {
        self.first_from(to).saturating_sub(self.first_from(from))
    }

    /// Up to `limit` events starting in `[from, to)`, most important first,
    /// then of the highest [`TimeIndex::level`], then earliest: the ones a
    /// crowded span has room for. Each takes `O(log n)`: within a run of
    /// starts, the highest level is its first event's or the one after the
    /// coarsest grid line the run crosses.
    pub fn top_starting(&self, from: f64, to: f64, limit: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for list in &self.by_importance {
            let lo = list.partition_point(|&i| self.start_of(i as usize) < from);
            let hi = list.partition_point(|&i| self.start_of(i as usize) < to);
            // Runs [a, b) of `list`, best first by their best event's level.
            let mut runs = BinaryHeap::new();
            let run = |a: usize, b: usize| {
                self.best_in(list, a, b)
                    .map(|(best, level)| (level, Reverse(best), a, b))
            };
            runs.extend(run(lo, hi));
            while out.len() < limit {
                let Some((_, Reverse(best), a, b)) = runs.pop() else {
                    break;
                };
                out.extend(list.get(best).map(|&i| i as usize));
                runs.extend(run(a, best));
                runs.extend(run(best + 1, b));
            }
        }
        out
    }

    /// The position in `list` of the highest-level event among positions
    /// `[a, b)` (the earliest on a tie), and its level.
    fn best_in(&self, list: &[u32], a: usize, b: usize) -> Option<(usize, u8)> {
        let run = list.get(a..b).filter(|r| !r.is_empty())?;
        let key = |i: u32| grid_key(self.start_of(i as usize));
        let (first, last) = (*run.first()?, *run.last()?);
        let first_level = self.level(first as usize);
        let differ = key(first) ^ key(last);
        if differ == 0 {
            return Some((a, first_level));
        }
        // The run crosses one grid line of this level, and no coarser.
        let crossed = crossing_level(differ);
        if first_level >= crossed {
            return Some((a, first_level));
        }
        let bit = u32::from(crossed - 1);
        let at = run.partition_point(|&i| key(i) >> bit == key(first) >> bit);
        Some((a + at, crossed))
    }

    /// The events that start before `ms` and end after it, in time order:
    /// ranges (and long periods) reaching into a window from its left.
    pub fn covering(&self, ms: f64) -> Vec<usize> {
        let before = self.first_from(ms);
        let mut out = Vec::new();
        for (block, &latest) in self.block_ends.iter().enumerate() {
            let first = block * BLOCK;
            if first >= before {
                break;
            }
            if latest <= ms {
                continue;
            }
            let last = (first + BLOCK).min(before);
            out.extend((first..last).filter(|&i| self.ends.get(i).is_some_and(|&e| e > ms)));
        }
        out
    }

    /// How many events start in each of `columns` equal parts of the
    /// window, for a density chart.
    pub fn density(&self, window: Window, columns: usize) -> Vec<usize> {
        let step = (window.end() - window.start()) / columns.max(1) as f64;
        let edge = |c: usize| self.first_from(window.start() + step * c as f64);
        (0..columns).map(|c| edge(c + 1) - edge(c)).collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::import::parse_document;

    fn indexed(json: &str) -> (Timeline, TimeIndex) {
        let timeline = parse_document(json).unwrap().timeline;
        let index = TimeIndex::new(&timeline);
        (timeline, index)
    }

    #[test]
    fn the_extent_is_the_timeline_s_in_every_block() {
        // A long range early on ends last; more events than one block.
        let mut events = vec![r#"{"start": "2001", "end": "2030", "title": "long"}"#.to_owned()];
        events.extend((0..300).map(|i| {
            format!(
                r#"{{"start": "2019-01-01T00:{:02}", "title": "t"}}"#,
                i % 60
            )
        }));
        let (t, index) = indexed(&format!("[{}]", events.join(",")));
        assert_eq!(index.extent(), t.extent_ms());
        let (t, index) = indexed(r#"[{"start": "2019-05", "title": "a"}]"#);
        assert_eq!(index.extent(), t.extent_ms());
        assert_eq!(indexed("[]").1.extent(), None);
    }

    #[test]
    fn counts_and_top_events_come_from_binary_search() {
        let (t, index) = indexed(
            r#"[{"start": "2019-06-01", "title": "a", "importance": 1},
                {"start": "2019-06-02", "title": "b", "importance": 2},
                {"start": "2019-06-03", "title": "c", "importance": 3},
                {"start": "2019-06-04", "title": "d", "importance": 2},
                {"start": "2019-06-05", "title": "e", "importance": 3}]"#,
        );
        let day = |i: usize| t.events[i].start_ms();
        assert_eq!(index.count_starting(f64::NEG_INFINITY, f64::INFINITY), 5);
        assert_eq!(index.count_starting(day(1), day(4)), 3);
        assert_eq!(index.count_starting(day(4), day(1)), 0);
        assert_eq!(index.top_starting(day(0), day(4) + 1.0, 3), vec![2, 4, 1]);
        assert_eq!(index.top_starting(day(0), day(2), 5), vec![1, 0]);
        assert_eq!(
            index.top_starting(day(0), day(4) + 1.0, 0),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn top_starting_takes_the_highest_levels_as_a_full_sort_would() {
        // Random starts (many equal) and importances; every span and limit
        // must give what sorting the span's events would give.
        let mut seed: u32 = 99;
        let mut next = move |n: u32| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed % n
        };
        let events: Vec<String> = (0..400)
            .map(|_| {
                format!(
                    r#"{{"start": "2019-06-{:02}T{:02}:{:02}:00Z", "title": "t", "importance": {}}}"#,
                    1 + next(3),
                    next(24),
                    next(4) * 15,
                    1 + next(3)
                )
            })
            .collect();
        let (t, index) = indexed(&format!("[{}]", events.join(",")));
        for _ in 0..200 {
            let (a, b) = (next(400) as usize, next(400) as usize);
            let (from, to) = (t.events[a.min(b)].start_ms(), t.events[a.max(b)].start_ms());
            let limit = next(12) as usize;
            let mut expected: Vec<usize> = (0..t.events.len())
                .filter(|&i| (from..to).contains(&t.events[i].start_ms()))
                .collect();
            expected
                .sort_by_key(|&i| (Reverse(t.events[i].importance), Reverse(index.level(i)), i));
            expected.truncate(limit);
            assert_eq!(index.top_starting(from, to, limit), expected);
        }
        // The first of each importance is above every other level.
        let firsts =
            (1..=3).filter_map(|level| t.events.iter().position(|e| e.importance == level));
        assert!(firsts.into_iter().all(|i| index.level(i) == FIRST_LEVEL));
    }

    #[test]
    fn covering_finds_long_events_from_far_back() {
        let mut events = vec![r#"{"start": "1990", "end": "2030", "title": "era"}"#.to_owned()];
        for d in 1..=200 {
            events.push(format!(
                r#"{{"start": "2019-01-01T00:{:02}:{:02}Z", "title": "t"}}"#,
                d / 60,
                d % 60
            ));
        }
        let (t, index) = indexed(&format!("[{}]", events.join(",")));
        // Second-precision starts last a second: the one at 150 covers too.
        let noon = t.events[150].start_ms() + 500.0;
        assert_eq!(index.covering(noon), vec![0, 150]);
        assert_eq!(index.covering(t.events[0].start_ms()), Vec::<usize>::new());
        // Whole years of a year-precision start last past the instant too.
        let (t, index) = indexed(r#"[{"start": "2019", "title": "y"}]"#);
        assert_eq!(index.covering(t.events[0].start_ms() + 1e9), vec![0]);
    }

    #[test]
    fn density_counts_every_start_once() {
        let (t, index) = indexed(
            r#"[{"start": "2019-06-01", "title": "a"}, {"start": "2019-06-01", "title": "b"},
                {"start": "2019-06-20", "title": "c"}, {"start": "2019-06-30", "title": "d"}]"#,
        );
        let june = Window::from_iso("2019-06", "2019-06").unwrap();
        let columns = index.density(june, 3);
        assert_eq!(columns, vec![2, 1, 1]);
        assert_eq!(index.density(june, 0), Vec::<usize>::new());
        assert_eq!(t.events.len(), columns.iter().sum::<usize>());
    }

    #[test]
    fn an_empty_timeline_answers_nothing() {
        let index = TimeIndex::new(&Timeline::default());
        assert_eq!(index.count_starting(f64::NEG_INFINITY, f64::INFINITY), 0);
        assert_eq!(index.count_starting(0.0, 1.0), 0);
        assert!(index.covering(0.0).is_empty());
        assert!(index.start_of(0).is_nan());
    }
}
