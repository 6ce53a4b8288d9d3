//! Live data: events added, replaced and removed by id, and what changed
//! between two versions of a story's data.
//!
//! # Overview
//!
//! - [`add`]: the data with more events; an event whose id is already
//!   there replaces that one (`addEvents`).
//! - [`remove`]: the data without the events of some ids (`removeEvents`).
//! - [`diff`]: what changed from one dataset to another, by id (`reload`,
//!   where the file is the truth, and `setEvents`).
//! - [`Change`]: the ids added, updated and removed (`datachange`).
//!
//! Each returns new data: a [`Dataset`] never changes. Events are shared
//! with the old data, not copied (see [`Event`]), so adding 1,000 events
//! to 100,000 costs about what reading the 1,000 does, plus one pass.
//!
//! ```
//! # fn main() -> Result<(), news_timeline::core::import::DataError> {
//! use news_timeline::core::{dataset::Dataset, import::parse_document, merge};
//! let data = Dataset::new(parse_document(
//!     r#"[{"id": "a", "start": "2019-05", "title": "Carrier deployed"}]"#,
//! )?);
//! let (merged, change) = merge::add(&data, parse_document(
//!     r#"[{"id": "a", "start": "2019-05", "title": "Carrier deployed to the Gulf"},
//!         {"id": "b", "start": "2019-06", "title": "Tankers attacked"}]"#,
//! )?);
//! assert_eq!((change.added, change.updated), (vec!["b".to_owned()], vec!["a".to_owned()]));
//! assert_eq!(merged.timeline.events[0].title, "Carrier deployed to the Gulf");
//! # Ok(())
//! # }
//! ```
//!
//! # What is a stable order?
//!
//! Events are in time order, ties in the order they came. A merge keeps
//! every event that stays where it was among its ties: a replacement with
//! the same start takes the place of the event it replaces, and an added
//! event (or a replacement with another start) comes after the events
//! already there with the same start, so unchanged events keep their
//! order, and the track keeps their labels and rows.
//!
//! Out of scope: reading the events (that is [`crate::core::import`]) and
//! what the window, the card and the reader's focus do (the widget's state).

use super::dataset::Dataset;
use super::import::Parsed;
use super::model::{Event, Group, Problem};
use std::sync::Arc;

/// The ids a change added, updated (their content changed) and removed,
/// each in the time order of the data they come from: `datachange`'s
/// detail.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Change {
    /// Ids that were not there.
    pub added: Vec<String>,
    /// Ids that were there with other content.
    pub updated: Vec<String>,
    /// Ids that are gone.
    pub removed: Vec<String>,
}

impl Change {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty() && self.removed.is_empty()
    }
}

/// `old` with `additions`: an event whose id `old` has replaces that
/// event (it is "updated" only if its content differs), the others are
/// added. The additions' problems follow `old`'s, with paths relative to
/// the given array (`[2].start`, also when the array was read as a
/// document's `events`).
pub fn add(old: &Dataset, additions: Parsed) -> (Parsed, Change) {
    let events = &old.timeline.events;
    let mut change = Change::default();
    // What becomes of each old event: kept, left out (its replacement
    // moves elsewhere) or replaced in place by `replacements[fate]`.
    const KEEP: u32 = u32::MAX;
    const MOVE: u32 = u32::MAX - 1;
    let mut fate: Vec<u32> = Vec::new();
    let mut replacements: Vec<Option<Event>> = Vec::new();
    let mut tags = old.tags.clone();
    // In time order: the inserted events are too.
    let mut inserts: Vec<Event> = Vec::new();
    for event in additions.timeline.events {
        let Some((at, was)) = old
            .index_of(&event.id)
            .and_then(|i| Some((i, events.get(i)?)))
        else {
            count_tags(&mut tags, &event, true);
            change.added.push(event.id.clone());
            inserts.push(event);
            continue;
        };
        if same(was, &event) {
            continue;
        }
        count_tags(&mut tags, was, false);
        count_tags(&mut tags, &event, true);
        change.updated.push(event.id.clone());
        if fate.is_empty() {
            fate = vec![KEEP; events.len()];
        }
        let Some(slot) = fate.get_mut(at) else {
            continue;
        };
        if was.start_ms() == event.start_ms() {
            *slot = replacements.len() as u32;
            replacements.push(Some(event));
        } else {
            *slot = MOVE;
            inserts.push(event);
        }
    }
    // The moved replacements came in time order with the added events.
    let mut inserts = inserts.into_iter().peekable();
    let mut merged = Vec::with_capacity(events.len() + inserts.len());
    for (i, event) in events.iter().enumerate() {
        let start = event.start_ms();
        while let Some(new) = inserts.next_if(|e| e.start_ms().total_cmp(&start).is_lt()) {
            merged.push(new);
        }
        match fate.get(i).copied().unwrap_or(KEEP) {
            KEEP => merged.push(event.clone()),
            MOVE => {}
            r => merged.extend(replacements.get_mut(r as usize).and_then(Option::take)),
        }
    }
    merged.extend(inserts);
    let mut problems = old.problems.clone();
    problems.extend(additions.problems.into_iter().map(relative_to_array));
    let parsed = finish(old, merged, problems, tags);
    (parsed, change)
}

/// `old` without the events whose ids are in `ids` (ids it does not have
/// are ignored); `None` when it has none of them. The removed ids come
/// in the order given, each once.
pub fn remove(old: &Dataset, ids: &[String]) -> Option<(Parsed, Vec<String>)> {
    let events = &old.timeline.events;
    let mut gone = Vec::new();
    let mut removed = Vec::new();
    let mut tags = old.tags.clone();
    for id in ids {
        let Some(at) = old.index_of(id) else {
            continue;
        };
        if gone.is_empty() {
            gone = vec![false; events.len()];
        }
        if let Some(flag) = gone.get_mut(at).filter(|flag| !**flag) {
            *flag = true;
            removed.push(id.clone());
            if let Some(event) = events.get(at) {
                count_tags(&mut tags, event, false);
            }
        }
    }
    if removed.is_empty() {
        return None;
    }
    let kept = events
        .iter()
        .zip(&gone)
        .filter(|(_, gone)| !**gone)
        .map(|(event, _)| event.clone())
        .collect();
    Some((finish(old, kept, old.problems.clone(), tags), removed))
}

/// What changed from `old` to `new`, by id: ids only `new` has are added,
/// ids only `old` has removed, and ids both have updated where the events
/// differ.
pub fn diff(old: &Dataset, new: &Dataset) -> Change {
    let mut change = Change::default();
    for event in &new.timeline.events {
        match old.event(&event.id) {
            None => change.added.push(event.id.clone()),
            Some(was) if !same(was, event) => change.updated.push(event.id.clone()),
            Some(_) => {}
        }
    }
    change.removed = old
        .timeline
        .events
        .iter()
        .filter(|e| new.index_of(&e.id).is_none())
        .map(|e| e.id.clone())
        .collect();
    change
}

/// Whether an event read again is the one there: an ongoing event's end
/// is the present, which is not part of its content.
fn same(was: &Event, now: &Event) -> bool {
    if was.ongoing && now.ongoing && was.end != now.end {
        let mut now = now.clone();
        now.edit().end = was.end;
        return *was == now;
    }
    was == now
}

/// Counts `event`'s tags in or out of `tags` ([`finish`] drops the
/// unused ones and sorts them).
fn count_tags(tags: &mut Vec<(String, usize)>, event: &Event, add: bool) {
    for tag in &event.tags {
        match tags.iter_mut().find(|(t, _)| **t == **tag) {
            Some((_, n)) if add => *n += 1,
            Some((_, n)) => *n = n.saturating_sub(1),
            None if add => tags.push((tag.to_string(), 1)),
            None => {}
        }
    }
}

/// A problem of an addition read as `{"events": [...]}`, at its path in
/// the array itself: `events[2].start` → `[2].start`.
fn relative_to_array(mut problem: Problem) -> Problem {
    if problem.path.starts_with("events[") {
        problem.path.replace_range(.."events".len(), "");
    }
    problem
}

/// `old` as parsed, with other events, problems and tags (most used
/// first, then by name, as [`Parsed::tags`]).
fn finish(
    old: &Dataset,
    events: Vec<Event>,
    problems: Vec<Problem>,
    tags: Vec<(String, usize)>,
) -> Parsed {
    // An insertion sort: the tags are few, were in order before the
    // change, and a sort of another type would add its code to the wasm.
    let mut sorted: Vec<(String, usize)> = Vec::with_capacity(tags.len());
    for tag in tags.into_iter().filter(|(_, n)| *n > 0) {
        let at = sorted.partition_point(|t| t.1 > tag.1 || (t.1 == tag.1 && t.0 < tag.0));
        sorted.insert(at, tag);
    }
    let mut timeline = old.timeline.with_events(events);
    timeline.groups = groups_in_use(&old.timeline.groups, &timeline.events);
    Parsed {
        timeline,
        problems,
        tags: sorted,
    }
}

/// The groups `events` are in, as the readers keep them: the old ones
/// still in use, in their order (with their labels and colours), then
/// those only new events name, in the order the events come.
fn groups_in_use(old: &[Group], events: &[Event]) -> Vec<Group> {
    let mut used = vec![false; old.len()];
    let mut named: Vec<Group> = Vec::new();
    for group in events.iter().filter_map(|e| e.group.as_ref()) {
        match old
            .iter()
            .position(|g| Arc::ptr_eq(&g.id, group) || *g.id == **group)
        {
            Some(at) => {
                if let Some(used) = used.get_mut(at) {
                    *used = true;
                }
            }
            None if named.iter().all(|g| *g.id != **group) => named.push(Group {
                id: group.clone(),
                label: None,
                color: None,
            }),
            None => {}
        }
    }
    let kept = old.iter().zip(used).filter(|(_, used)| *used);
    kept.map(|(g, _)| g.clone()).chain(named).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::import::parse_document;
    use crate::core::model::EventData;

    fn data(text: &str) -> Dataset {
        Dataset::new(parse_document(text).unwrap())
    }

    fn ids(parsed: &Parsed) -> Vec<&str> {
        parsed
            .timeline
            .events
            .iter()
            .map(|e| e.id.as_str())
            .collect()
    }

    fn strings(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    const STORY: &str = r#"[
        {"id": "carrier", "start": "2019-05-05", "title": "Carrier deployed", "tags": ["military"]},
        {"id": "tankers", "start": "2019-06-13", "title": "Tankers attacked", "tags": ["shipping"]},
        {"id": "drone", "start": "2019-07-19", "title": "Drone downed", "tags": ["military"]},
        {"id": "seized", "start": "2019-07-19", "title": "Tanker seized", "tags": ["shipping"]}
    ]"#;

    #[test]
    fn groups_follow_the_events_added_and_removed() {
        let old = data(
            r##"{"groups": [{"id": "military", "label": "Military", "color": "#b22222"},
                           {"id": "talks"}],
                "events": [{"id": "a", "start": "2019-05", "title": "a", "group": "military"},
                           {"id": "b", "start": "2019-06", "title": "b", "group": "talks"}]}"##,
        );
        let (merged, _) = add(
            &old,
            parse_document(
                r#"[{"id": "c", "start": "2019-07", "title": "c", "group": "cyber"},
                    {"id": "b", "start": "2019-06", "title": "b", "group": "cyber"}]"#,
            )
            .unwrap(),
        );
        let groups = |p: &Parsed| -> Vec<(String, Option<String>)> {
            let groups = p.timeline.groups.iter();
            groups
                .map(|g| (g.id.to_string(), g.label.clone()))
                .collect()
        };
        // "talks" lost its only event; "cyber" comes after the old ones.
        assert_eq!(
            groups(&merged),
            [
                ("military".into(), Some("Military".into())),
                ("cyber".into(), None)
            ]
        );
        let (kept, _) = remove(&Dataset::new(merged), &strings(&["a"])).unwrap();
        assert_eq!(groups(&kept), [("cyber".into(), None)]);
    }

    #[test]
    fn adds_new_ids_and_replaces_known_ones_sharing_the_rest() {
        let old = data(STORY);
        let (merged, change) = add(
            &old,
            parse_document(
                r#"[{"id": "drone", "start": "2019-07-19", "title": "US drone downed"},
                    {"id": "talks", "start": "2019-06-01", "title": "Talks"}]"#,
            )
            .unwrap(),
        );
        assert_eq!(change.added, strings(&["talks"]));
        assert_eq!(change.updated, strings(&["drone"]));
        assert!(change.removed.is_empty());
        // The replacement keeps its place among its ties.
        assert_eq!(
            ids(&merged),
            ["carrier", "talks", "tankers", "drone", "seized"]
        );
        assert_eq!(merged.timeline.events[3].title, "US drone downed");
        // Unchanged events are the old ones, not copies.
        let shared = |a: &Event, b: &Event| std::ptr::eq::<EventData>(&**a, &**b);
        assert!(shared(&merged.timeline.events[0], &old.timeline.events[0]));
        assert!(shared(&merged.timeline.events[4], &old.timeline.events[3]));
    }

    #[test]
    fn an_added_event_comes_after_the_events_with_its_start() {
        let old = data(STORY);
        let (merged, _) = add(
            &old,
            parse_document(r#"[{"id": "mine", "start": "2019-07-19", "title": "Mine found"}]"#)
                .unwrap(),
        );
        assert_eq!(
            ids(&merged),
            ["carrier", "tankers", "drone", "seized", "mine"]
        );
    }

    #[test]
    fn a_replacement_with_another_start_moves_to_its_new_time() {
        let old = data(STORY);
        let (merged, change) = add(
            &old,
            parse_document(r#"[{"id": "carrier", "start": "2019-07-19", "title": "Carrier"}]"#)
                .unwrap(),
        );
        assert_eq!(change.updated, strings(&["carrier"]));
        assert_eq!(ids(&merged), ["tankers", "drone", "seized", "carrier"]);
    }

    #[test]
    fn the_same_event_again_changes_nothing() {
        let old = data(STORY);
        let (merged, change) = add(
            &old,
            parse_document(
                r#"[{"id": "tankers", "start": "2019-06-13", "title": "Tankers attacked", "tags": ["shipping"]}]"#,
            )
            .unwrap(),
        );
        assert!(change.is_empty());
        assert_eq!(merged.timeline, *old.timeline);
    }

    #[test]
    fn problems_of_an_addition_are_at_paths_in_the_given_array() {
        let old = data(r#"{"events": [{"start": "2019", "title": ""}]}"#);
        // The loader hands an addition over as a document's events.
        let (merged, change) = add(
            &old,
            parse_document(
                r#"{"events": [{"id": "a", "start": "2019-05", "title": "A"},
                               {"id": "b", "start": "May", "title": "B"}, 7]}"#,
            )
            .unwrap(),
        );
        assert_eq!(change.added, strings(&["a"]));
        let paths: Vec<&str> = merged.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["events[0].title", "[1].start", "[2]"]);
    }

    #[test]
    fn tags_are_counted_again() {
        let old = data(STORY);
        let (merged, _) = add(
            &old,
            parse_document(
                r#"[{"id": "tankers", "start": "2019-06-13", "title": "Tankers attacked", "tags": ["military"]},
                    {"id": "x", "start": "2019-08", "title": "X", "tags": ["talks", "military"]}]"#,
            )
            .unwrap(),
        );
        assert_eq!(
            merged.tags,
            [
                ("military".into(), 4),
                ("shipping".into(), 1),
                ("talks".into(), 1)
            ]
        );
        let (removed, _) = remove(&old, &strings(&["tankers", "seized"])).unwrap();
        assert_eq!(removed.tags, [("military".to_owned(), 2)]);
    }

    #[test]
    fn removes_the_given_ids_once_ignoring_unknown_ones() {
        let old = data(STORY);
        let (kept, removed) =
            remove(&old, &strings(&["drone", "nope", "carrier", "drone"])).unwrap();
        assert_eq!(removed, strings(&["drone", "carrier"]));
        assert_eq!(ids(&kept), ["tankers", "seized"]);
        assert!(remove(&old, &strings(&["nope"])).is_none());
        assert!(remove(&old, &[]).is_none());
    }

    #[test]
    fn a_diff_tells_what_the_new_file_added_changed_and_dropped() {
        let old = data(STORY);
        let new = data(
            r#"[{"id": "carrier", "start": "2019-05-05", "title": "Carrier deployed", "tags": ["military"]},
                {"id": "tankers", "start": "2019-06-14", "title": "Tankers attacked", "tags": ["shipping"]},
                {"id": "talks", "start": "2019-08-01", "title": "Talks"}]"#,
        );
        let change = diff(&old, &new);
        assert_eq!(change.added, strings(&["talks"]));
        assert_eq!(change.updated, strings(&["tankers"]));
        assert_eq!(change.removed, strings(&["drone", "seized"]));
        assert!(diff(&old, &old).is_empty());
    }

    #[test]
    fn an_ongoing_event_read_again_later_is_unchanged() {
        let mut first =
            parse_document(r#"[{"id": "war", "start": "2022-02", "end": "now", "title": "War"}]"#)
                .unwrap();
        first.timeline.resolve_ongoing(1.7e12);
        let old = Dataset::new(first);
        let mut again =
            parse_document(r#"[{"id": "war", "start": "2022-02", "end": "now", "title": "War"}]"#)
                .unwrap();
        again.timeline.resolve_ongoing(1.8e12);
        assert!(diff(&old, &Dataset::new(again.clone())).is_empty());
        let (_, change) = add(&old, again);
        assert!(change.is_empty());
    }

    /// Old and added events from a small pool of ids and days, so that
    /// ids collide and starts tie.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;
        use std::collections::HashMap;

        fn events(max: usize) -> impl Strategy<Value = String> {
            prop::collection::vec((0u8..12, 1u8..5, 0u8..3), 0..max).prop_map(|items| {
                let texts: Vec<String> = items
                    .iter()
                    .map(|(id, day, title)| {
                        format!(
                            r#"{{"id": "e{id}", "start": "2019-05-0{day}", "title": "t{title}"}}"#
                        )
                    })
                    .collect();
                format!("[{}]", texts.join(","))
            })
        }

        proptest! {
            #[test]
            fn a_merge_is_the_old_events_overridden_by_the_new_in_time_order(
                old in events(10),
                added in events(6),
            ) {
                let old = data(&old);
                let additions = parse_document(&added).unwrap();
                let (merged, change) = add(&old, additions.clone());
                let events = &merged.timeline.events;
                // Every id once, in time order.
                let mut by_id: HashMap<&str, &Event> = HashMap::new();
                for e in events {
                    prop_assert!(by_id.insert(e.id.as_str(), e).is_none());
                }
                for pair in events.windows(2) {
                    prop_assert!(pair[0].start_ms() <= pair[1].start_ms());
                }
                // The old events, overridden by the added ones.
                let mut expected: HashMap<&str, &Event> =
                    old.timeline.events.iter().map(|e| (e.id.as_str(), e)).collect();
                for e in &additions.timeline.events {
                    expected.insert(e.id.as_str(), e);
                }
                prop_assert_eq!(&by_id, &expected);
                // Old events nobody replaced keep their order.
                let untouched: Vec<&str> = old
                    .timeline
                    .events
                    .iter()
                    .map(|e| e.id.as_str())
                    .filter(|id| !change.updated.iter().any(|u| u == id))
                    .collect();
                let kept: Vec<&str> = events
                    .iter()
                    .map(|e| e.id.as_str())
                    .filter(|id| untouched.contains(id))
                    .collect();
                prop_assert_eq!(kept, untouched);
                // The change is what a diff sees (ties may list in
                // another order).
                let sorted = |mut c: Change| {
                    c.added.sort();
                    c.updated.sort();
                    c
                };
                prop_assert_eq!(
                    sorted(diff(&old, &Dataset::new(merged.clone()))),
                    sorted(change)
                );
            }
        }
    }
}
