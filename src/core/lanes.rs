//! Lanes: one horizontal band per group of the story, so its threads
//! (military, diplomacy, sanctions) read side by side.
//!
//! # Overview
//!
//! - [`LaneMode`]: the `lanes` option ("auto", "group", "none").
//! - [`Lanes::choose`]: which lanes a timeline gets, in order: its groups
//!   (as [`Timeline::groups`] orders them), then "Other" for events in no
//!   group; none when the mode says so (with a warning when "auto" sees
//!   too many groups).
//! - [`ShownLanes::split`]: the shown events of each lane, each lane with
//!   a [`TimeIndex`] of its own, so the layout stacks labels inside each
//!   lane with the same rules as on one track. Lanes without shown events
//!   are left out (they collapse while a filter hides them).
//! - [`ShownLanes::nearest`]: the Up/Down keys' target, the event nearest
//!   in time in the lane above or below.
//!
//! ```
//! # fn main() -> Result<(), news_timeline::core::import::DataError> {
//! use news_timeline::core::import::parse_document;
//! use news_timeline::core::lanes::{LaneMode, Lanes, ShownLanes};
//! let data = parse_document(
//!     r#"[{"start": "2019-01", "title": "a", "group": "sea"},
//!         {"start": "2019-02", "title": "b", "group": "air"},
//!         {"start": "2019-03", "title": "c"}]"#,
//! )?;
//! let lanes = Lanes::choose(&data.timeline, LaneMode::Auto);
//! assert_eq!(lanes.names(), [Some("sea"), Some("air"), None]);
//! let shown = ShownLanes::split(&data.timeline, &lanes);
//! assert_eq!(shown.lane_of(2), Some(2)); // "c" is in "Other"
//! # Ok(())
//! # }
//! ```

use super::index::TimeIndex;
use super::model::{Event, Problem, Timeline};
use std::fmt;
use std::sync::Arc;

/// With "auto", lanes are shown for this many groups at most.
pub const MAX_AUTO_LANES: usize = 12;

/// The `lanes` option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LaneMode {
    /// Lanes when the data has 2 to [`MAX_AUTO_LANES`] groups.
    #[default]
    Auto,
    /// A lane per group, however many.
    Group,
    /// One track.
    None,
}

impl LaneMode {
    /// The option's value; `None` for one it does not know.
    pub fn parse(value: &str) -> Option<LaneMode> {
        match value {
            "auto" => Some(LaneMode::Auto),
            "group" => Some(LaneMode::Group),
            "none" => Some(LaneMode::None),
            _ => None,
        }
    }
}

/// Why "auto" shows no lanes; `Display` writes it.
struct TooManyGroups(usize);

impl fmt::Display for TooManyGroups {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\"auto\" shows lanes for 2 to {MAX_AUTO_LANES} groups, but the data has {} (no lanes are shown; set lanes to \"group\" to show one per group)",
            self.0
        )
    }
}

/// The lanes of a timeline, in order; empty for one track.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lanes {
    /// Each lane's group; `None` is "Other", the events in no group (last).
    pub groups: Vec<Option<Arc<str>>>,
    /// Set when "auto" met more groups than it shows lanes for.
    pub problem: Option<Problem>,
}

impl Lanes {
    /// The lanes `mode` gives `timeline` (whose groups all have events).
    pub fn choose(timeline: &Timeline, mode: LaneMode) -> Lanes {
        let count = timeline.groups.len();
        let on = match mode {
            LaneMode::None => false,
            LaneMode::Group => count > 0,
            LaneMode::Auto if count > MAX_AUTO_LANES => {
                return Lanes {
                    groups: Vec::new(),
                    problem: Some(Problem {
                        path: "options.lanes".into(),
                        message: TooManyGroups(count).to_string(),
                    }),
                }
            }
            LaneMode::Auto => count >= 2,
        };
        if !on {
            return Lanes::default();
        }
        let mut groups: Vec<Option<Arc<str>>> =
            timeline.groups.iter().map(|g| Some(g.id.clone())).collect();
        if timeline.events.iter().any(|e| e.group.is_none()) {
            groups.push(None);
        }
        Lanes {
            groups,
            problem: None,
        }
    }

    /// Whether the track is one lane.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The lanes' groups as text (`None`: "Other").
    pub fn names(&self) -> Vec<Option<&str>> {
        self.groups.iter().map(|g| g.as_deref()).collect()
    }

    /// The lane an event belongs in.
    pub fn of(&self, event: &Event) -> Option<usize> {
        let group = event.group.as_ref();
        self.groups.iter().position(|lane| match (lane, group) {
            (Some(lane), Some(group)) => Arc::ptr_eq(lane, group) || **lane == **group,
            (None, None) => true,
            _ => false,
        })
    }
}

/// One lane's shown events.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownLane {
    /// Its place in [`Lanes::groups`].
    pub lane: usize,
    /// Its events (their places among the shown events, ascending), with
    /// their starts, importance and levels among themselves.
    pub index: TimeIndex,
}

/// The shown events split into their lanes; lanes without shown events
/// are not there. Empty without lanes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShownLanes {
    /// In lane order.
    pub lanes: Vec<ShownLane>,
}

impl ShownLanes {
    /// The events of `shown` (a filtered timeline, or the data) in `lanes`.
    pub fn split(shown: &Timeline, lanes: &Lanes) -> ShownLanes {
        if lanes.is_empty() {
            return ShownLanes::default();
        }
        // Each event's lane, in one pass; runs of events share a group,
        // so the last lane found is tried first.
        let mut last = 0;
        let lane_of: Vec<u8> = shown
            .events
            .iter()
            .map(|event| {
                let same = match (lanes.groups.get(last), event.group.as_ref()) {
                    (Some(Some(lane)), Some(group)) => Arc::ptr_eq(lane, group),
                    (Some(None), None) => true,
                    _ => false,
                };
                if !same {
                    last = lanes.of(event).unwrap_or(usize::MAX);
                }
                // Beyond u8 (256 lanes and more, with lanes: "group"),
                // the last lanes share one, so no event is lost.
                last.min(usize::from(u8::MAX)) as u8
            })
            .collect();
        let mut out = Vec::new();
        for lane in 0..lanes.groups.len().min(256) {
            let members: Vec<u32> = (0..lane_of.len() as u32)
                .filter(|&i| lane_of.get(i as usize) == Some(&(lane as u8)))
                .collect();
            if !members.is_empty() {
                out.push(ShownLane {
                    lane,
                    index: TimeIndex::of_members(shown, members),
                });
            }
        }
        ShownLanes { lanes: out }
    }

    /// Which of [`ShownLanes::lanes`] holds the shown event at `position`.
    pub fn lane_of(&self, position: usize) -> Option<usize> {
        self.lanes
            .iter()
            .position(|l| l.index.local_index(position).is_some())
    }

    /// The shown event at `position`'s place in its lane (from 0) and how
    /// many its lane shows: "3 of 7".
    pub fn place_in_lane(&self, position: usize) -> Option<(usize, usize)> {
        self.lanes.iter().find_map(|l| {
            let at = l.index.local_index(position)?;
            Some((at, l.index.len()))
        })
    }

    /// The event nearest in time to the one at `position` in the lane
    /// `delta` lanes below it (above for a negative `delta`), skipping
    /// none: `None` past the first or last lane.
    pub fn nearest(&self, position: usize, delta: isize, ms: f64) -> Option<usize> {
        let from = self.lane_of(position)?;
        let index = &self.lanes.get(from.checked_add_signed(delta)?)?.index;
        let after = index.first_from(ms);
        let before = after.checked_sub(1);
        let distance = |i: usize| (index.start_of(i) - ms).abs();
        let best = match (before, (after < index.len()).then_some(after)) {
            (Some(b), Some(a)) => {
                if distance(a) < distance(b) {
                    a
                } else {
                    b
                }
            }
            (Some(b), None) => b,
            (None, Some(a)) => a,
            (None, None) => return None,
        };
        Some(index.event_index(best))
    }
}

/// The label rows each lane gets of `total`: as many each, the rest one
/// more each for the lanes with the most events (`counts`, in lane
/// order), at most `most` each. Equal shares keep lane heights still
/// while the reader pans and zooms, which they would not be if each lane
/// got the rows its view needs.
pub fn share_rows(total: usize, counts: &[usize], most: u16) -> Vec<u16> {
    let lanes = counts.len().max(1);
    let each = total / lanes;
    let extra = total % lanes;
    // The lanes that get one more: the `extra` with the most events
    // (earlier first on a tie).
    let count = |i: usize| counts.get(i).copied().unwrap_or(0);
    let rows: Vec<usize> = (0..counts.len())
        .map(|i| {
            let ahead = (0..counts.len())
                .filter(|&j| count(j) > count(i) || (count(j) == count(i) && j < i))
                .count();
            each + usize::from(ahead < extra)
        })
        .collect();
    rows.into_iter()
        .map(|r| u16::try_from(r).unwrap_or(u16::MAX).min(most))
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::import::parse_document;

    fn timeline(text: &str) -> Timeline {
        parse_document(text).unwrap().timeline
    }

    fn with_groups(groups: &[&str], other: bool) -> Timeline {
        let mut events: Vec<String> = groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                format!(
                    r#"{{"start": "2019-01-{:02}", "title": "t", "group": "{g}"}}"#,
                    i % 28 + 1
                )
            })
            .collect();
        if other {
            events.push(r#"{"start": "2019-02-01", "title": "o"}"#.into());
        }
        timeline(&format!("[{}]", events.join(",")))
    }

    #[test]
    fn auto_shows_lanes_for_two_to_twelve_groups_and_other_last() {
        let two = with_groups(&["sea", "air"], true);
        let lanes = Lanes::choose(&two, LaneMode::Auto);
        assert_eq!(lanes.names(), [Some("sea"), Some("air"), None]);
        assert_eq!(lanes.problem, None);
        assert!(Lanes::choose(&two, LaneMode::None).is_empty());
        let one = with_groups(&["sea", "sea"], true);
        assert!(Lanes::choose(&one, LaneMode::Auto).is_empty());
        assert_eq!(
            Lanes::choose(&one, LaneMode::Group).names(),
            [Some("sea"), None]
        );
        let none = with_groups(&[], true);
        assert!(Lanes::choose(&none, LaneMode::Group).is_empty());
        assert_eq!(LaneMode::parse("group"), Some(LaneMode::Group));
        assert_eq!(LaneMode::parse("lanes"), None);
    }

    #[test]
    fn more_than_twelve_groups_with_auto_is_one_track_and_a_warning() {
        let names: Vec<String> = (0..13).map(|i| format!("g{i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let many = with_groups(&names, false);
        let lanes = Lanes::choose(&many, LaneMode::Auto);
        assert!(lanes.is_empty());
        let problem = lanes.problem.unwrap();
        assert_eq!(
            problem.to_string(),
            r#"options.lanes: "auto" shows lanes for 2 to 12 groups, but the data has 13 (no lanes are shown; set lanes to "group" to show one per group)"#
        );
        assert_eq!(Lanes::choose(&many, LaneMode::Group).groups.len(), 13);
        let twelve = with_groups(&names[..12], false);
        assert_eq!(Lanes::choose(&twelve, LaneMode::Auto).groups.len(), 12);
    }

    const STORY: &str = r#"{"events": [
        {"id": "m1", "start": "2019-01-01", "title": "a", "group": "military"},
        {"id": "d1", "start": "2019-01-05", "title": "b", "group": "diplomacy"},
        {"id": "m2", "start": "2019-01-10", "title": "c", "group": "military"},
        {"id": "o1", "start": "2019-01-12", "title": "d"},
        {"id": "d2", "start": "2019-01-20", "title": "e", "group": "diplomacy"},
        {"id": "m3", "start": "2019-01-30", "title": "f", "group": "military"}],
      "groups": [{"id": "diplomacy"}]}"#;

    #[test]
    fn shown_events_split_into_their_lanes_in_time_order() {
        let t = timeline(STORY);
        let lanes = Lanes::choose(&t, LaneMode::Auto);
        assert_eq!(lanes.names(), [Some("diplomacy"), Some("military"), None]);
        let shown = ShownLanes::split(&t, &lanes);
        let members: Vec<Vec<usize>> = shown
            .lanes
            .iter()
            .map(|l| (0..l.index.len()).map(|i| l.index.event_index(i)).collect())
            .collect();
        assert_eq!(members, [vec![1, 4], vec![0, 2, 5], vec![3]]);
        assert_eq!(shown.place_in_lane(5), Some((2, 3)), "m3 is 3 of 3");
        assert_eq!(shown.lane_of(3), Some(2));
        // A filter that hides a lane's events collapses it.
        let filtered = t.with_events(t.events.iter().filter(|e| e.id != "o1").cloned().collect());
        let shown = ShownLanes::split(&filtered, &lanes);
        assert_eq!(
            shown.lanes.iter().map(|l| l.lane).collect::<Vec<_>>(),
            [0, 1]
        );
        assert!(ShownLanes::split(&t, &Lanes::default()).lanes.is_empty());
    }

    #[test]
    fn lanes_share_the_rows_equally_the_busiest_getting_the_rest() {
        assert_eq!(share_rows(8, &[10, 500, 20], 24), [2, 3, 3]);
        assert_eq!(share_rows(2, &[10, 500, 20], 24), [0, 1, 1]);
        assert_eq!(share_rows(0, &[10, 500], 24), [0, 0]);
        assert_eq!(share_rows(100, &[1, 1], 24), [24, 24]);
        assert_eq!(share_rows(5, &[], 24), Vec::<u16>::new());
    }

    #[test]
    fn up_and_down_go_to_the_nearest_event_in_the_next_lane() {
        let t = timeline(STORY);
        let shown = ShownLanes::split(&t, &Lanes::choose(&t, LaneMode::Auto));
        let ms = |i: usize| t.events[i].start_ms();
        // From d2 (20 Jan) down to military: m3 (30 Jan) is nearer than m2 (10 Jan)? 10 days each: the earlier.
        assert_eq!(shown.nearest(4, 1, ms(4)), Some(2));
        // From m3 (30 Jan) up to diplomacy: d2.
        assert_eq!(shown.nearest(5, -1, ms(5)), Some(4));
        // From m1 down to Other: o1, the only one.
        assert_eq!(shown.nearest(0, 1, ms(0)), Some(3));
        // Nothing above the first lane or below the last.
        assert_eq!(shown.nearest(1, -1, ms(1)), None);
        assert_eq!(shown.nearest(3, 1, ms(3)), None);
    }
}
