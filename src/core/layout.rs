//! Stacking event labels into rows so that none overlaps another.
//!
//! # Overview
//!
//! [`layout`] takes the events that show in a [`Scale`]'s window and gives
//! each a row on the track ([`Placed`]), or counts it as hidden when every
//! row is taken there. [`LayoutParams`] are the sizes the UI promises to
//! draw with.
//!
//! # What is a box?
//!
//! An event occupies `[x, x + max(label_width, bar_width) + gap_px)` on its
//! row (at least 1 px wide): its label, or its range bar when that is
//! longer, plus the gap to the next box. `x` is where the event starts;
//! an event that starts left of the window is drawn from `x = 0` with its
//! bar clipped there, so its label stays readable while its range still
//! shows. Labels near the right edge may run past the track; the UI clips
//! them.
//!
//! When space is short, importance decides: events are placed from most to
//! least important (then in time order), each in the lowest row where its
//! box is free. So a hidden event is blocked, in every row, by a placed
//! event at least as important.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use news_timeline::core::layout::{layout, LayoutParams};
//! use news_timeline::core::{parse::parse_document, scale::Scale, window::Window};
//! let data = parse_document(
//!     r#"[{"start": "2019-06-10", "title": "Talks"},
//!         {"start": "2019-06-10", "title": "Tanker seized", "importance": 3}]"#,
//! )?;
//! let june = Window::from_iso("2019-06", "2019-06")?;
//! let scale = Scale::new(june, 720.0).ok_or("no width")?;
//! let params = LayoutParams {
//!     width_px: 720.0,
//!     rows: 1,
//!     char_px: 8.0,
//!     min_label_px: 56.0,
//!     max_label_px: 240.0,
//!     gap_px: 10.0,
//! };
//! let placed = layout(&data.timeline, &scale, &params);
//! assert_eq!(placed.placed.len(), 1);
//! assert_eq!(placed.placed[0].index, 1); // the important one
//! assert_eq!((placed.placed[0].x, placed.placed[0].label_width), (216.0, 120.0));
//! assert_eq!(placed.hidden, 1);
//! # Ok(())
//! # }
//! ```
//!
//! Out of scope: measuring text (labels are `chars × char_px` estimates the
//! UI enforces by ellipsizing), vertical sizes, and animation between
//! layouts.

use super::model::{Event, Timeline};
use super::scale::Scale;
use std::cmp::Reverse;

/// Padding inside a label box, both sides together, in px.
const LABEL_PADDING_PX: f64 = 16.0;

/// An untitled event is labelled with its date; this many characters.
const DATE_LABEL_CHARS: usize = 12;

/// No box is narrower than this, so a row holds at most about one box per
/// pixel whatever the parameters.
const MIN_BOX_PX: f64 = 1.0;

/// The sizes the UI promises to respect: each label box is exactly
/// `label_width` px wide (the UI sets that width and ellipsizes), so that
/// what is computed here is what is drawn. Non-finite or negative sizes
/// count as 0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutParams {
    /// The track's width in px (normally `scale.width()`); range bars are
    /// clipped to it.
    pub width_px: f64,
    /// How many label rows the track has.
    pub rows: u16,
    /// The average width of a label character, in px.
    pub char_px: f64,
    /// The narrowest label box, in px.
    pub min_label_px: f64,
    /// The widest label box, in px (longer titles are ellipsized).
    pub max_label_px: f64,
    /// Empty space kept after each box on its row, in px.
    pub gap_px: f64,
}

/// Where one event goes on the track, so the UI can position it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Index into `timeline.events`.
    pub index: usize,
    /// The event's start in px from the left edge; 0 when it starts before
    /// the window.
    pub x: f64,
    /// Where the label box starts, in px: at `x`, except that a point
    /// event's label near the right edge is pulled left to stay on the
    /// track (its stem still marks `x`).
    pub label_x: f64,
    /// The label box's width in px.
    pub label_width: f64,
    /// The range bar's width in px from `x`, clipped to the track; 0 for
    /// events without an end.
    pub bar_width: f64,
    /// The row, 0 = first row, always below `LayoutParams::rows`.
    pub row: u16,
}

/// The events of a window placed in rows, and how many found no room, so
/// the UI can draw them and say "N more".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    /// In time order (sorted by `index`).
    pub placed: Vec<Placed>,
    /// Events in the window that got no row.
    pub hidden: usize,
}

/// Places every event whose period intersects the scale's window into the
/// lowest free row, most important first; the rest count as hidden.
/// `placed.len() + hidden` is the number of events in the window.
pub fn layout(timeline: &Timeline, scale: &Scale, params: &LayoutParams) -> Layout {
    let window = scale.window();
    let mut wanted: Vec<(u8, Placed)> = timeline
        .events
        .iter()
        .enumerate()
        .take_while(|(_, e)| e.start_ms() < window.end())
        .filter(|(_, e)| window.intersects(e.start_ms(), e.end_ms()))
        .map(|(index, e)| (e.importance, unplaced(index, e, scale, params)))
        .collect();
    wanted.sort_unstable_by_key(|(importance, p)| (Reverse(*importance), p.index));

    let gap = size(params.gap_px);
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut out = Layout::default();
    for (_, mut p) in wanted {
        let (from, to) = occupied(&p, gap);
        let free = rows
            .iter()
            .enumerate()
            .find_map(|(r, row)| free_slot(row, from, to).map(|i| (r, i)));
        let row = match free {
            _ if !(from.is_finite() && to.is_finite()) => None,
            Some((r, i)) => rows.get_mut(r).map(|row| {
                row.insert(i, (from, to));
                r
            }),
            None if rows.len() < usize::from(params.rows) => {
                rows.push(vec![(from, to)]);
                Some(rows.len() - 1)
            }
            None => None,
        };
        match row {
            Some(r) => {
                p.row = r as u16;
                out.placed.push(p);
            }
            None => out.hidden += 1,
        }
    }
    out.placed.sort_unstable_by_key(|p| p.index);
    out
}

/// An event's position and sizes, before it has a row.
fn unplaced(index: usize, event: &Event, scale: &Scale, params: &LayoutParams) -> Placed {
    let track = if size(params.width_px) > 0.0 {
        params.width_px
    } else {
        scale.width()
    };
    let x = scale.x_of(event.start_ms()).max(0.0);
    let bar_width = match event.end {
        Some(_) => (scale.x_of(event.end_ms()).min(track) - x).max(0.0),
        None => 0.0,
    };
    let chars = match event.title.chars().count() {
        0 => DATE_LABEL_CHARS,
        n => n,
    };
    let label = (chars as f64 * params.char_px + LABEL_PADDING_PX)
        .max(params.min_label_px)
        .min(params.max_label_px);
    let label_width = size(label);
    let label_x = if bar_width > 0.0 {
        x
    } else {
        x.min(track - label_width).max(0.0)
    };
    Placed {
        index,
        x,
        label_x,
        label_width,
        bar_width,
        row: 0,
    }
}

/// The half-open span of its row a placed box keeps to itself.
fn occupied(p: &Placed, gap: f64) -> (f64, f64) {
    let end = (p.label_x + p.label_width)
        .max(p.x + p.bar_width)
        .max(p.label_x + MIN_BOX_PX);
    (p.label_x, end + gap)
}

/// Where `[from, to)` would go in a row of sorted, disjoint spans, if it
/// overlaps none of them.
fn free_slot(row: &[(f64, f64)], from: f64, to: f64) -> Option<usize> {
    let i = row.partition_point(|&(_, end)| end <= from);
    match row.get(i) {
        Some(&(start, _)) if start < to => None,
        _ => Some(i),
    }
}

/// A size in px, with non-finite and negative values as 0.
fn size(px: f64) -> f64 {
    if px.is_finite() && px > 0.0 {
        px
    } else {
        0.0
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::window::Window;

    fn event(start: &str, end: Option<&str>, title: &str, importance: u8) -> Event {
        Event {
            id: format!("{start}-{title}"),
            start: start.parse().unwrap(),
            end: end.map(|e| e.parse().unwrap()),
            title: title.into(),
            text: None,
            tags: vec![],
            importance,
            media: None,
            source: None,
            display_date: None,
        }
    }

    fn timeline(mut events: Vec<Event>) -> Timeline {
        events.sort_by(|a, b| a.start_ms().total_cmp(&b.start_ms()));
        Timeline {
            title: None,
            events,
            eras: vec![],
        }
    }

    /// June 2019, one pixel per hour (720 px).
    fn june() -> Scale {
        Scale::new(Window::from_iso("2019-06", "2019-06").unwrap(), 720.0).unwrap()
    }

    fn params(rows: u16) -> LayoutParams {
        LayoutParams {
            width_px: 720.0,
            rows,
            char_px: 8.0,
            min_label_px: 40.0,
            max_label_px: 200.0,
            gap_px: 10.0,
        }
    }

    fn rows_of(l: &Layout) -> Vec<(usize, u16)> {
        l.placed.iter().map(|p| (p.index, p.row)).collect()
    }

    #[test]
    fn events_far_apart_share_the_first_row() {
        let t = timeline(vec![
            event("2019-06-01T00:00Z", None, "first", 1),
            event("2019-06-11T00:00Z", None, "second", 1),
            event("2019-06-21T00:00Z", None, "third", 1),
        ]);
        let l = layout(&t, &june(), &params(3));
        assert_eq!(rows_of(&l), [(0, 0), (1, 0), (2, 0)]);
        assert_eq!(l.placed[1].x, 240.0);
        // "second": 6 characters × 8 px + 16 px padding.
        assert_eq!(l.placed[1].label_width, 64.0);
        assert_eq!(l.hidden, 0);
    }

    #[test]
    fn close_events_stack_and_the_important_one_wins() {
        let t = timeline(vec![
            event("2019-06-10T00:00Z", None, "minor", 1),
            event("2019-06-10T12:00Z", None, "major", 3),
            event("2019-06-10T20:00Z", None, "middle", 2),
        ]);
        let l = layout(&t, &june(), &params(3));
        assert_eq!(rows_of(&l), [(0, 2), (1, 0), (2, 1)]);
        let one_row = layout(&t, &june(), &params(1));
        assert_eq!(rows_of(&one_row), [(1, 0)]);
        assert_eq!(one_row.hidden, 2);
        let no_rows = layout(&t, &june(), &params(0));
        assert_eq!((no_rows.placed.len(), no_rows.hidden), (0, 3));
    }

    #[test]
    fn the_gap_is_kept_between_boxes() {
        // 40 px labels: the second starts 48 px later, inside the gap.
        let t = timeline(vec![
            event("2019-06-10T00:00Z", None, "a", 1),
            event("2019-06-12T00:00Z", None, "b", 1),
            event("2019-06-12T02:00Z", None, "c", 1),
        ]);
        let l = layout(&t, &june(), &params(2));
        assert_eq!(rows_of(&l), [(0, 0), (1, 1), (2, 0)]);
    }

    #[test]
    fn ranges_from_before_the_window_start_at_the_left_edge() {
        let t = timeline(vec![
            event("2019-05-20", Some("2019-06-05"), "spring talks", 2),
            event("2019-06-03", Some("2019-07-10"), "summer", 2),
            event("2019-04", None, "April", 3),
        ]);
        let l = layout(&t, &june(), &params(3));
        assert_eq!(rows_of(&l), [(1, 0), (2, 1)]);
        // Clipped at the left edge: until the end of June 5, 5 days × 24 px.
        assert_eq!((l.placed[0].x, l.placed[0].bar_width), (0.0, 120.0));
        // Clipped at the right edge of the track.
        assert_eq!((l.placed[1].x, l.placed[1].bar_width), (48.0, 672.0));
    }

    #[test]
    fn an_untitled_event_gets_room_for_its_date() {
        let t = timeline(vec![event("2019-06-10", None, "", 1)]);
        assert_eq!(layout(&t, &june(), &params(1)).placed[0].label_width, 112.0);
    }

    #[test]
    fn nonsense_sizes_do_not_break_it() {
        let t = timeline(vec![
            event("2019-06-10", None, "a", 1),
            event("2019-06-10", None, "b", 1),
        ]);
        let bad = LayoutParams {
            width_px: f64::NAN,
            rows: 2,
            char_px: f64::NAN,
            min_label_px: f64::INFINITY,
            max_label_px: -1.0,
            gap_px: f64::NEG_INFINITY,
        };
        let l = layout(&t, &june(), &bad);
        assert_eq!(rows_of(&l), [(0, 0), (1, 1)]);
        assert_eq!(l.placed[0].label_width, 0.0);
        assert_eq!(
            layout(&Timeline::default(), &june(), &bad),
            Layout::default()
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use crate::core::date::{PartialDate, Precision, MS_PER_DAY};
        use proptest::prelude::*;

        const PRECISIONS: [Precision; 4] = [
            Precision::Year,
            Precision::Month,
            Precision::Day,
            Precision::Minute,
        ];

        /// Up to 60 events in 2015–2024, some ranges, titles 0–40 chars.
        fn any_timeline() -> impl Strategy<Value = Timeline> {
            let one = (
                0.0f64..3650.0,
                0usize..4,
                proptest::option::of(0.0f64..400.0),
                0usize..40,
                1u8..=3,
            )
                .prop_map(|(day, precision, length, chars, importance)| {
                    let start_ms = PartialDate::from_year(2015).start_ms() + day * MS_PER_DAY;
                    let start = PartialDate::from_ms(start_ms, PRECISIONS[precision]).unwrap();
                    let end = length
                        .map(|l| {
                            PartialDate::from_ms(start.end_ms() + l * MS_PER_DAY, Precision::Day)
                        })
                        .map(Option::unwrap);
                    Event {
                        id: String::new(),
                        start,
                        end,
                        title: "x".repeat(chars),
                        text: None,
                        tags: vec![],
                        importance,
                        media: None,
                        source: None,
                        display_date: None,
                    }
                });
            proptest::collection::vec(one, 0..60).prop_map(timeline)
        }

        fn any_scale() -> impl Strategy<Value = Scale> {
            (0.0f64..3650.0, 0.0f64..4.0, 280.0f64..2000.0).prop_map(|(day, log, width)| {
                let start = PartialDate::from_year(2015).start_ms() + day * MS_PER_DAY;
                let window = Window::new(start, start + 10f64.powf(log) * MS_PER_DAY).unwrap();
                Scale::new(window, width).unwrap()
            })
        }

        fn any_params() -> impl Strategy<Value = (u16, f64, f64, f64, f64)> {
            (
                0u16..6,
                4.0f64..10.0,
                0.0f64..80.0,
                80.0f64..300.0,
                0.0f64..20.0,
            )
        }

        fn check(
            t: &Timeline,
            s: &Scale,
            (rows, char_px, min, max, gap): (u16, f64, f64, f64, f64),
        ) -> Result<(), TestCaseError> {
            let params = LayoutParams {
                width_px: s.width(),
                rows,
                char_px,
                min_label_px: min,
                max_label_px: max,
                gap_px: gap,
            };
            let l = layout(t, s, &params);
            let in_window: Vec<usize> = t
                .events
                .iter()
                .enumerate()
                .filter(|(_, e)| s.window().intersects(e.start_ms(), e.end_ms()))
                .map(|(i, _)| i)
                .collect();
            prop_assert_eq!(l.placed.len() + l.hidden, in_window.len());
            prop_assert!(l.placed.windows(2).all(|p| p[0].index < p[1].index));
            prop_assert!(l
                .placed
                .iter()
                .all(|p| p.row < rows && in_window.contains(&p.index)));
            let span = |p: &Placed| occupied(p, gap);
            let overlaps = |a: (f64, f64), b: (f64, f64)| a.0 < b.1 && b.0 < a.1;
            for (i, a) in l.placed.iter().enumerate() {
                for b in &l.placed[i + 1..] {
                    prop_assert!(
                        a.row != b.row || !overlaps(span(a), span(b)),
                        "{a:?} overlaps {b:?}"
                    );
                }
            }
            // A hidden event is blocked in every row by one at least as important.
            let importance = |i: usize| t.events[i].importance;
            for &h in in_window
                .iter()
                .filter(|&&i| l.placed.iter().all(|p| p.index != i))
            {
                let want = span(&unplaced(h, &t.events[h], s, &params));
                for row in 0..rows {
                    prop_assert!(l.placed.iter().any(|p| p.row == row
                        && overlaps(span(p), want)
                        && importance(p.index) >= importance(h)));
                }
            }
            Ok(())
        }

        proptest! {
            #[test]
            fn placed_boxes_never_overlap(t in any_timeline(), s in any_scale(), p in any_params()) {
                check(&t, &s, p)?;
            }
        }
    }
}
