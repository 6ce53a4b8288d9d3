//! Stacking event labels into rows so that none overlaps another, and
//! counting the rest into "+N" clusters.
//!
//! # Overview
//!
//! [`layout`] takes the events that show in a [`Scale`]'s window and gives
//! some a row on the track ([`Placed`]); the others are counted into
//! [`Cluster`]s. [`LayoutParams`] are the sizes the UI promises to draw
//! with. A [`TimeIndex`] finds the candidates by binary search, so the
//! cost does not grow with the number of events.
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
//! When space is short, importance decides: candidates are placed from
//! most to least important, each in the lowest row where its box is free.
//! Equally important events go by their [`TimeIndex::level`], not left to
//! right: otherwise the leftmost label would push every label after it,
//! and a small pan would relabel the whole track. Levels do not depend on
//! the window, and high levels are spread out in time, so panning and
//! zooming keep most labels (and their DOM rows) where they were. The
//! labels of the previous window (`kept`) go first among equals, each in
//! its old row where that is still free, so a step keeps every label that
//! still fits where it was and fills the room around them.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use news_timeline::core::index::TimeIndex;
//! use news_timeline::core::layout::{layout, LayoutParams};
//! use news_timeline::core::model::Event;
//! use news_timeline::core::{import::parse_document, scale::Scale, window::Window};
//! let data = parse_document(
//!     r#"[{"start": "2019-06-10", "title": "Talks"},
//!         {"start": "2019-06-10", "title": "Tanker seized", "importance": 3}]"#,
//! )?;
//! let june = Window::from_iso("2019-06", "2019-06")?;
//! let scale = Scale::new(june, 720.0).ok_or("no width")?;
//! let params = LayoutParams {
//!     width_px: 720.0,
//!     rows: 1,
//!     min_label_px: 56.0,
//!     max_label_px: 240.0,
//!     gap_px: 10.0,
//!     new_labels: usize::MAX,
//! };
//! let index = TimeIndex::new(&data.timeline);
//! // Labels' text measured at 8 px a character (the widget measures
//! // with the real font).
//! let text_px = |_: usize, e: &Event| e.title.chars().count() as f64 * 8.0;
//! let placed = layout(&data.timeline, &index, &scale, &params, None, &[], &text_px);
//! assert_eq!(placed.placed.len(), 1);
//! assert_eq!(placed.placed[0].index, 1); // the important one
//! assert_eq!((placed.placed[0].x, placed.placed[0].label_width), (216.0, 124.0));
//! assert_eq!((placed.hidden, placed.clusters[0].count), (1, 1));
//! # Ok(())
//! # }
//! ```
//!
//! Out of scope: measuring text (the caller gives each label's text width,
//! measured with the font it is drawn in, so that a title that fits its
//! box is never cut), vertical sizes, and animation between layouts.

use super::index::{level_of_span, TimeIndex};
use super::model::{Event, Timeline};
use super::scale::{Scale, ZoomLimits};
use super::window::Window;

/// What a label box holds besides its text, in px: the padding of both
/// sides (16) and the coloured edge (3), plus 1 for sub-pixel text (the
/// stylesheet agrees).
pub const LABEL_CHROME_PX: f64 = 20.0;

/// No box is narrower than this, so a row holds at most about one box per
/// pixel whatever the parameters.
const MIN_BOX_PX: f64 = 1.0;

/// Candidates are chosen per bin of this many px: labels are wider, so a
/// row has room for at most one label starting in a bin, and a bin needs
/// no more candidates than there are rows.
const BIN_PX: f64 = 16.0;

/// Bins per cluster: "+N" badges sit at least this many bins apart.
const BINS_PER_CLUSTER: f64 = 3.0;

/// The most events labelled at once, whatever the width and rows: the
/// DOM stays small at any zoom level (about 8 nodes per label).
pub const MAX_PLACED: usize = 240;

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
    /// The narrowest label box, in px.
    pub min_label_px: f64,
    /// The widest label box, in px (longer titles are ellipsized).
    pub max_label_px: f64,
    /// Empty space kept after each box on its row, in px.
    pub gap_px: f64,
    /// The most labels to add (events not in `kept`, nor the pinned one):
    /// unlimited for a layout that must be complete, a few while the
    /// window moves, when each new label is a DOM row built and drawn
    /// within the frame; the rest come once it rests.
    pub new_labels: usize,
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

/// Events that start close together and got no label, drawn as one "+N"
/// badge that zooms in on them: a dense region costs one DOM node, not N.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cluster {
    /// Where the badge is centred, in px from the left edge.
    pub x: f64,
    /// How many events it stands for.
    pub count: usize,
    /// The earliest start among the events of its span, in ms.
    pub first_ms: f64,
    /// The latest start among the events of its span, in ms.
    pub last_ms: f64,
}

impl Cluster {
    /// The window that spreads the cluster's events out: their span in
    /// the middle third, within the zoom limits.
    pub fn expanded(&self, limits: ZoomLimits) -> Option<Window> {
        let middle = self.first_ms + (self.last_ms - self.first_ms) / 2.0;
        let span = ((self.last_ms - self.first_ms) * 3.0)
            .min(limits.max_span)
            .max(limits.min_span);
        Window::new(middle - span / 2.0, middle + span / 2.0)
    }
}

/// How wide an event's label text is drawn, in px: `text_px(index,
/// event)`.
pub type TextPx<'a> = &'a dyn Fn(usize, &Event) -> f64;

/// The events of a window placed in rows, and the rest in clusters, so
/// the UI can draw them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    /// In time order (sorted by `index`).
    pub placed: Vec<Placed>,
    /// Left to right; events starting before the window are in none.
    pub clusters: Vec<Cluster>,
    /// Events in the window that got no row (those in clusters, and those
    /// reaching in from before the window).
    pub hidden: usize,
}

/// Places the events whose period intersects the scale's window into rows
/// so that no two boxes overlap: candidates are, per [`BIN_PX`] bin of
/// the axis, the `rows` most important events starting there (then the
/// earliest), plus those reaching in from the left; they are placed most
/// important first (then by [`TimeIndex::level`]), each in the lowest row
/// where its box is free, at most
/// [`MAX_PLACED`]. `pinned` (the event the reader moved to) is placed
/// first when it is in the window. The rest are counted in clusters.
///
/// `kept` are the events labelled before this window, with their rows
/// (sorted by index; empty for a fresh layout): among equally important
/// events they are placed first, in their old row when it is free there,
/// so that a pan or zoom step keeps every label that still fits, mostly
/// in place, and new labels fill the room around them. Labels then change
/// only where the view does, and each step builds and restyles fewer
/// label rows.
///
/// The work depends on the width and rows, not on how many events there
/// are: 100,000 events lay out as fast as 100.
pub fn layout(
    timeline: &Timeline,
    index: &TimeIndex,
    scale: &Scale,
    params: &LayoutParams,
    pinned: Option<usize>,
    kept: &[(usize, u16)],
    text_px: TextPx<'_>,
) -> Layout {
    let window = scale.window();
    let rows = usize::from(params.rows);
    let bins = Bins::new(scale);
    // Indices here are the index's own (one lane's events, or all); the
    // timeline's places go in (kept, pinned) and out (placed) converted.
    let event = |i: usize| timeline.events.get(index.event_index(i));
    let kept: Vec<(usize, u16)> = kept
        .iter()
        .filter_map(|&(place, row)| Some((index.local_index(place)?, row)))
        .collect();
    let kept = &kept[..];
    let importance = |i: usize| event(i).map_or(0, |e| e.importance);
    // Levels above a label's width in time are alike: those events are a
    // label apart anyway, so they go in time order, which packs rows
    // tightest when there is room for most events.
    let top_level = level_of_span(params.max_label_px * scale.ms_per_px());
    let level = |i: usize| index.level(i).min(top_level);
    let kept_row = |i: usize| {
        let at = kept.binary_search_by_key(&i, |&(k, _)| k).ok()?;
        kept.get(at).map(|&(_, row)| usize::from(row))
    };
    let was_kept = |i: usize| kept_row(i).is_some();
    let by_priority = |i: usize| priority(importance(i), was_kept(i), level(i), i);

    let covering = index.covering(window.start());
    let covering_count = covering.len();
    // Chosen like each bin's candidates (TimeIndex::top_starting): by
    // importance, then the whole level.
    let mut covering: Vec<u64> = covering
        .into_iter()
        .map(|i| priority(importance(i), false, index.level(i), i))
        .collect();
    covering.sort_unstable();
    let mut candidates: Vec<usize> = covering
        .into_iter()
        .take(rows)
        .map(index_of_priority)
        .collect();
    for (from, to) in bins.spans() {
        candidates.extend(index.top_starting(from, to, rows));
    }
    let in_window =
        |i: usize| event(i).is_some_and(|e| window.intersects(e.start_ms(), e.end_ms()));
    // Kept labels may no longer be among their bin's best candidates.
    candidates.extend(kept.iter().map(|&(i, _)| i).filter(|&i| in_window(i)));
    let pinned = pinned
        .and_then(|place| index.local_index(place))
        .filter(|&i| in_window(i));
    // Each key is looked up once: sorted by a key function, the hundreds
    // of candidates of a crowded window had their keys looked up twice
    // per comparison, which was a good part of a zoom step at 100,000
    // events.
    let mut ranked: Vec<_> = candidates
        .into_iter()
        .filter(|&i| Some(i) != pinned)
        .map(by_priority)
        .collect();
    ranked.sort_unstable();
    ranked.dedup();
    let candidates = pinned
        .into_iter()
        .chain(ranked.into_iter().map(index_of_priority));

    let gap = size(params.gap_px);
    let mut taken: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut placed = Vec::new();
    let mut added = 0;
    for i in candidates {
        let Some(event) = event(i) else {
            continue;
        };
        if placed.len() >= MAX_PLACED {
            break;
        }
        let kept_in = kept_row(i);
        let new = kept_in.is_none() && Some(i) != pinned;
        if new && added >= params.new_labels {
            continue;
        }
        let text = text_px(index.event_index(i), event);
        let mut p = unplaced(i, event, scale, params, text);
        let (from, to) = occupied(&p, gap);
        if !(from.is_finite() && to.is_finite()) {
            continue;
        }
        // Its old row first (made if the rows above it are not yet), then
        // the lowest free one.
        let old = kept_in.filter(|&r| r < rows);
        if let Some(r) = old.filter(|&r| r >= taken.len()) {
            taken.resize_with(r + 1, Vec::new);
        }
        let old_row = old.and_then(|r| Some((r, free_slot(taken.get(r)?, from, to)?)));
        let free = old_row.or_else(|| {
            taken
                .iter()
                .enumerate()
                .find_map(|(r, row)| free_slot(row, from, to).map(|at| (r, at)))
        });
        let row = match free {
            Some((r, at)) => taken.get_mut(r).map(|row| {
                row.insert(at, (from, to));
                r
            }),
            None if taken.len() < rows => {
                taken.push(vec![(from, to)]);
                Some(taken.len() - 1)
            }
            None => None,
        };
        if let Some(r) = row.and_then(|r| u16::try_from(r).ok()) {
            p.row = r;
            placed.push(p);
            added += usize::from(new);
        }
    }
    // In time order, through the one sort of u64 keys this module uses
    // (each sort of another type is compiled anew into the wasm).
    let mut order: Vec<u64> = placed
        .iter()
        .enumerate()
        .map(|(at, p)| (p.index as u64) << 8 | at as u64)
        .collect();
    order.sort_unstable();
    let placed: Vec<Placed> = order
        .into_iter()
        .filter_map(|key| placed.get((key & 0xff) as usize).copied())
        .collect();

    let starts: Vec<f64> = placed.iter().map(|p| index.start_of(p.index)).collect();
    let placed = placed
        .into_iter()
        .map(|p| Placed {
            index: index.event_index(p.index),
            ..p
        })
        .collect();
    let clusters = bins.clusters(index, scale, &starts);
    let in_clusters: usize = clusters.iter().map(|c| c.count).sum();
    let placed_from_left = starts.iter().filter(|&&s| s < window.start()).count();
    Layout {
        hidden: in_clusters + covering_count.saturating_sub(placed_from_left),
        placed,
        clusters,
    }
}

/// A candidate's rank as one number, so that candidates sort as numbers:
/// most important first, then those labelled before, then the highest
/// level, then the earliest (the index, in the low 40 bits).
fn priority(importance: u8, kept: bool, level: u8, index: usize) -> u64 {
    let high = (u64::from(u8::MAX - importance) << 16)
        | (u64::from(!kept) << 8)
        | u64::from(u8::MAX - level);
    high << 40 | (index as u64 & INDEX_BITS)
}

/// The low bits of a [`priority`]: the candidate's index.
const INDEX_BITS: u64 = (1 << 40) - 1;

/// The index a [`priority`] ranks.
fn index_of_priority(key: u64) -> usize {
    (key & INDEX_BITS) as usize
}

/// The window cut at multiples of [`BIN_PX`] worth of time, counted from
/// the epoch rather than from the window's edge, so panning keeps every
/// bin (and so every label and cluster) where it was.
struct Bins {
    window: Window,
    bin_ms: f64,
    /// The first bin's number (`floor(start / bin_ms)`).
    first: f64,
    count: usize,
}

impl Bins {
    fn new(scale: &Scale) -> Bins {
        let window = scale.window();
        let bin_ms = scale.ms_per_px() * BIN_PX;
        let first = (window.start() / bin_ms).floor();
        let last = (window.end() / bin_ms).ceil();
        let count = if bin_ms.is_finite() && bin_ms > 0.0 && last.is_finite() && first.is_finite() {
            // At most width / BIN_PX + 2 bins, a few hundred.
            (last - first).clamp(0.0, 100_000.0) as usize
        } else {
            0
        };
        Bins {
            window,
            bin_ms,
            first,
            count,
        }
    }

    /// Where bin `b` (counted from the first) begins, clipped to the window.
    fn edge(&self, b: usize) -> f64 {
        ((self.first + b as f64) * self.bin_ms)
            .max(self.window.start())
            .min(self.window.end())
    }

    fn spans(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        (0..self.count).map(|b| (self.edge(b), self.edge(b + 1)))
    }

    /// The unplaced events starting in the window, grouped
    /// [`BINS_PER_CLUSTER`] bins at a time (aligned like the bins).
    /// `placed_starts` are the starts of the placed events, ascending.
    fn clusters(&self, index: &TimeIndex, scale: &Scale, placed_starts: &[f64]) -> Vec<Cluster> {
        let group_of = |b: usize| ((self.first + b as f64) / BINS_PER_CLUSTER).floor();
        let mut out = Vec::new();
        let mut b = 0;
        while b < self.count {
            let group = group_of(b);
            let mut end = b + 1;
            while end < self.count && group_of(end) == group {
                end += 1;
            }
            let (from, to) = (self.edge(b), self.edge(end));
            let placed = placed_starts.partition_point(|&s| s < to)
                - placed_starts.partition_point(|&s| s < from);
            let count = index.count_starting(from, to).saturating_sub(placed);
            if count > 0 {
                let first = index.first_from(from);
                let last = index.first_from(to).saturating_sub(1);
                // The badge sits mid-group (so badges never crowd), kept on
                // the part of the group that shows.
                let middle = scale.x_of(group * BINS_PER_CLUSTER * self.bin_ms)
                    + BIN_PX * BINS_PER_CLUSTER / 2.0;
                out.push(Cluster {
                    x: middle.max(scale.x_of(from)).min(scale.x_of(to)),
                    count,
                    first_ms: index.start_of(first),
                    last_ms: index.start_of(last),
                });
            }
            b = end;
        }
        out
    }
}

/// An event's position and sizes, before it has a row; its label's text
/// is `text_px` wide.
fn unplaced(
    index: usize,
    event: &Event,
    scale: &Scale,
    params: &LayoutParams,
    text_px: f64,
) -> Placed {
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
    let label = (text_px + LABEL_CHROME_PX)
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
    use crate::core::date::{PartialDate, Precision};
    use crate::core::model::EventData;
    use crate::core::window::Window;

    fn event(start: &str, end: Option<&str>, title: &str, importance: u8) -> Event {
        Event::from(EventData {
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
            group: None,
            ongoing: false,
        })
    }

    fn timeline(mut events: Vec<Event>) -> Timeline {
        events.sort_by(|a, b| a.start_ms().total_cmp(&b.start_ms()));
        Timeline {
            events,
            ..Timeline::default()
        }
    }

    /// June 2019, one pixel per hour (720 px).
    fn june() -> Scale {
        Scale::new(Window::from_iso("2019-06", "2019-06").unwrap(), 720.0).unwrap()
    }

    /// An untitled event is labelled with its date; about this many
    /// characters.
    const DATE_LABEL_CHARS: usize = 12;

    /// Labels' text as `char_px` px a character (the widget measures it).
    fn chars(char_px: f64) -> impl Fn(usize, &Event) -> f64 {
        move |_, e: &Event| {
            let n = match e.title.chars().count() {
                0 => DATE_LABEL_CHARS,
                n => n,
            };
            n as f64 * char_px
        }
    }

    /// Laid out with text at 8 px a character.
    fn layout(
        t: &Timeline,
        index: &TimeIndex,
        scale: &Scale,
        params: &LayoutParams,
        pinned: Option<usize>,
        kept: &[(usize, u16)],
    ) -> Layout {
        super::layout(t, index, scale, params, pinned, kept, &chars(8.0))
    }

    fn params(rows: u16) -> LayoutParams {
        LayoutParams {
            width_px: 720.0,
            rows,
            min_label_px: 40.0,
            max_label_px: 200.0,
            gap_px: 10.0,
            new_labels: usize::MAX,
        }
    }

    fn lay(t: &Timeline, params: &LayoutParams) -> Layout {
        layout(t, &TimeIndex::new(t), &june(), params, None, &[])
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
        let l = lay(&t, &params(3));
        assert_eq!(rows_of(&l), [(0, 0), (1, 0), (2, 0)]);
        assert_eq!(l.placed[1].x, 240.0);
        // "second": 6 characters × 8 px + the label's padding and edge.
        assert_eq!(l.placed[1].label_width, 48.0 + LABEL_CHROME_PX);
        assert_eq!(l.hidden, 0);
    }

    #[test]
    fn close_events_stack_and_the_important_one_wins() {
        let t = timeline(vec![
            event("2019-06-10T00:00Z", None, "minor", 1),
            event("2019-06-10T12:00Z", None, "major", 3),
            event("2019-06-10T20:00Z", None, "middle", 2),
        ]);
        let l = lay(&t, &params(3));
        assert_eq!(rows_of(&l), [(0, 2), (1, 0), (2, 1)]);
        let one_row = lay(&t, &params(1));
        assert_eq!(rows_of(&one_row), [(1, 0)]);
        assert_eq!(one_row.hidden, 2);
        let no_rows = lay(&t, &params(0));
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
        let l = lay(&t, &params(2));
        assert_eq!(rows_of(&l), [(0, 0), (1, 1), (2, 0)]);
    }

    #[test]
    fn ranges_from_before_the_window_start_at_the_left_edge() {
        let t = timeline(vec![
            event("2019-05-20", Some("2019-06-05"), "spring talks", 2),
            event("2019-06-03", Some("2019-07-10"), "summer", 2),
            event("2019-04", None, "April", 3),
        ]);
        let l = lay(&t, &params(3));
        assert_eq!(rows_of(&l), [(1, 0), (2, 1)]);
        // Clipped at the left edge: until the end of June 5, 5 days × 24 px.
        assert_eq!((l.placed[0].x, l.placed[0].bar_width), (0.0, 120.0));
        // Clipped at the right edge of the track.
        assert_eq!((l.placed[1].x, l.placed[1].bar_width), (48.0, 672.0));
    }

    #[test]
    fn an_untitled_event_gets_room_for_its_date() {
        let t = timeline(vec![event("2019-06-10", None, "", 1)]);
        assert_eq!(
            lay(&t, &params(1)).placed[0].label_width,
            96.0 + LABEL_CHROME_PX
        );
    }

    #[test]
    fn a_lane_lays_out_as_if_its_events_were_alone_and_keeps_its_rows() {
        // Two lanes interleaved in time, crowded enough for clusters.
        let events: Vec<Event> = (0..120)
            .map(|i| {
                let at = format!("2019-06-{:02}T{:02}:00Z", 1 + i / 5, i % 5 * 4);
                event(&at, None, "Lane label here", 1 + (i % 3) as u8)
            })
            .collect();
        let t = timeline(events);
        let members: Vec<u32> = (0..120).filter(|i| i % 2 == 0).collect();
        let alone = Timeline {
            events: members
                .iter()
                .map(|&i| t.events[i as usize].clone())
                .collect(),
            ..Timeline::default()
        };
        let lane = TimeIndex::of_members(&t, members.clone());
        let p = params(2);
        let in_lane = layout(&t, &lane, &june(), &p, None, &[]);
        let by_itself = layout(&alone, &TimeIndex::new(&alone), &june(), &p, None, &[]);
        assert!(!in_lane.clusters.is_empty() && !in_lane.placed.is_empty());
        assert_eq!(in_lane.clusters, by_itself.clusters);
        assert_eq!(in_lane.hidden, by_itself.hidden);
        let mapped: Vec<Placed> = by_itself
            .placed
            .iter()
            .map(|b| Placed {
                index: members[b.index] as usize,
                ..*b
            })
            .collect();
        assert_eq!(
            in_lane.placed, mapped,
            "the same boxes, at the timeline's places"
        );
        // A pan keeps each label that still shows in its row, and never
        // places the other lane's events.
        let kept: Vec<(usize, u16)> = in_lane.placed.iter().map(|p| (p.index, p.row)).collect();
        let from = june().window().start() + 2.0 * 86_400_000.0;
        let panned = Scale::new(
            Window::new(from, from + 30.0 * 86_400_000.0).unwrap(),
            720.0,
        )
        .unwrap();
        let next = layout(&t, &lane, &panned, &p, Some(members[40] as usize), &kept);
        let mut stayed = 0;
        for placed in &next.placed {
            assert_eq!(placed.index % 2, 0, "only the lane's own events");
            if let Some(&(_, row)) = kept.iter().find(|(i, _)| *i == placed.index) {
                assert_eq!(placed.row, row, "event {} kept its row", placed.index);
                stayed += 1;
            }
        }
        assert!(stayed > 0);
        assert!(
            next.placed.iter().any(|p| p.index == members[40] as usize),
            "pinned"
        );
        // The other lane's event is never pinned in this one.
        let other = layout(&t, &lane, &june(), &p, Some(1), &[]);
        assert!(other.placed.iter().all(|p| p.index != 1));
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
            min_label_px: f64::INFINITY,
            max_label_px: -1.0,
            gap_px: f64::NEG_INFINITY,
            new_labels: usize::MAX,
        };
        let index = TimeIndex::new(&t);
        let l = super::layout(&t, &index, &june(), &bad, None, &[], &chars(f64::NAN));
        assert_eq!(rows_of(&l), [(0, 0), (1, 1)]);
        assert_eq!(l.placed[0].label_width, 0.0);
        assert_eq!(lay(&Timeline::default(), &bad), Layout::default());
    }

    #[test]
    fn crowds_become_clusters_that_zoom_in_on_them() {
        // 500 events in one hour of June 10: one row holds one label there.
        let t = timeline(
            (0..500)
                .map(|i| {
                    event(
                        &format!("2019-06-10T12:{:02}:{:02}Z", i / 60 % 60, i % 60),
                        None,
                        "x",
                        1,
                    )
                })
                .collect(),
        );
        let l = lay(&t, &params(1));
        assert_eq!(l.placed.len(), 1);
        assert_eq!(l.hidden, 499);
        assert_eq!(l.clusters.len(), 1);
        let cluster = l.clusters[0];
        assert_eq!(cluster.count, 499);
        assert_eq!(
            (cluster.first_ms, cluster.last_ms),
            (t.events[0].start_ms(), t.events[499].start_ms())
        );
        let limits = ZoomLimits {
            min_span: 60_000.0,
            max_span: 1e12,
        };
        let zoomed = cluster.expanded(limits).unwrap();
        assert_eq!(
            zoomed.end() - zoomed.start(),
            (cluster.last_ms - cluster.first_ms) * 3.0
        );
        let tight = ZoomLimits {
            min_span: 86_400_000.0,
            max_span: 1e12,
        };
        assert_eq!(
            cluster.expanded(tight).map(|w| w.end() - w.start()),
            Some(86_400_000.0)
        );
    }

    #[test]
    fn the_moved_to_event_is_labelled_even_when_less_important() {
        let t = timeline(vec![
            event("2019-06-10T00:00Z", None, "minor", 1),
            event("2019-06-10T01:00Z", None, "major", 3),
        ]);
        let pinned = layout(&t, &TimeIndex::new(&t), &june(), &params(1), Some(0), &[]);
        assert_eq!(rows_of(&pinned), [(0, 0)]);
        // An event outside the window is not pinned.
        let outside = timeline(vec![event("2019-08-01", None, "later", 1)]);
        let l = layout(
            &outside,
            &TimeIndex::new(&outside),
            &june(),
            &params(1),
            Some(0),
            &[],
        );
        assert!(l.placed.is_empty());
    }

    #[test]
    fn a_hundred_thousand_events_cost_a_bounded_layout() {
        let t = timeline(
            (0..100_000)
                .map(|i| {
                    event(
                        &format!(
                            "2019-06-{:02}T{:02}:{:02}Z",
                            1 + i % 30,
                            i / 60 % 24,
                            i % 60
                        ),
                        None,
                        "title",
                        1 + (i % 3) as u8,
                    )
                })
                .collect(),
        );
        let params = LayoutParams {
            rows: 40,
            width_px: 2000.0,
            ..params(40)
        };
        let scale = Scale::new(june().window(), 2000.0).unwrap();
        let l = layout(&t, &TimeIndex::new(&t), &scale, &params, None, &[]);
        assert_eq!(l.placed.len(), MAX_PLACED);
        assert_eq!(l.placed.len() + l.hidden, 100_000);
        assert!(l.clusters.len() <= (2000.0 / (BIN_PX * BINS_PER_CLUSTER)) as usize + 2);
        assert!(l.placed.iter().all(|p| t.events[p.index].importance == 3));
    }

    #[test]
    fn panning_moves_labels_with_the_content() {
        let t = timeline(
            (0..60)
                .map(|i| {
                    event(
                        &format!("2019-06-{:02}T{:02}:00Z", 1 + i / 2, i % 2 * 12),
                        None,
                        "label",
                        1,
                    )
                })
                .collect(),
        );
        let index = TimeIndex::new(&t);
        let june = june();
        let later = Scale::new(crate::core::scale::pan(june.window(), 0.25), 720.0).unwrap();
        let labelled = |s: &Scale| -> Vec<(usize, f64)> {
            let l = layout(&t, &index, s, &params(6), None, &[]);
            l.placed
                .iter()
                .map(|p| (p.index, s.window().start() + p.x * s.ms_per_px()))
                .collect()
        };
        let (before, after) = (labelled(&june), labelled(&later));
        let kept: Vec<_> = before.iter().filter(|b| after.contains(b)).collect();
        // The same events at the same instants, but for a few pushed by
        // the labels that entered or left at the edges.
        assert!(kept.len() * 10 >= after.len() * 7, "{before:?}\n{after:?}");
        assert!(before.len() >= 30 && after.len() >= 30);
    }

    /// 20,000 events over 20 years (2004–2023), equally important (2),
    /// titles of 20–60 chars: most of them compete for every label.
    fn crowded_years() -> Timeline {
        let mut seed: u32 = 7;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            f64::from(seed) / f64::from(u32::MAX)
        };
        let first = Window::from_iso("2004", "2004").unwrap().start();
        let events = (0..20_000)
            .map(|_| {
                let start =
                    PartialDate::from_ms(first + (next() * 7300.0).floor() * DAY, Precision::Day)
                        .unwrap();
                let mut e = event(
                    &start.to_string(),
                    None,
                    &"x".repeat(20 + (next() * 40.0) as usize),
                    2,
                );
                e.edit().start = start;
                e
            })
            .collect();
        timeline(events)
    }

    const DAY: f64 = 86_400_000.0;

    /// A 1200 px, 12-row track showing `[start, start + span)`.
    fn track_at(start: f64, span: f64) -> (Scale, LayoutParams) {
        let scale = Scale::new(Window::new(start, start + span).unwrap(), 1200.0).unwrap();
        let params = LayoutParams {
            width_px: 1200.0,
            rows: 12,
            ..params(12)
        };
        (scale, params)
    }

    fn indices(l: &Layout) -> Vec<usize> {
        l.placed.iter().map(|p| p.index).collect()
    }

    #[test]
    fn a_small_pan_keeps_most_labels_of_a_crowded_track() {
        // With a left-to-right order the leftmost label would decide every
        // other, and a 10% pan would relabel nearly the whole track; by
        // level, even a fresh layout keeps most of them.
        let t = crowded_years();
        let index = TimeIndex::new(&t);
        let first = Window::from_iso("2004", "2004").unwrap().start();
        let span = 7300.0 * DAY / 8.0;
        let placed_at = |step: f64| -> Vec<usize> {
            let (scale, params) = track_at(first + span * (2.0 + step / 10.0), span);
            indices(&layout(&t, &index, &scale, &params, None, &[]))
        };
        for step in 0..5 {
            let (now, next) = (placed_at(f64::from(step)), placed_at(f64::from(step + 1)));
            let kept = next.iter().filter(|i| now.contains(i)).count();
            assert!(now.len() > 40, "{} labels", now.len());
            assert!(
                kept * 10 >= now.len() * 6,
                "pan {step}: kept {kept} of {}",
                now.len()
            );
        }
    }

    #[test]
    fn a_moving_step_adds_only_a_few_labels() {
        let t = crowded_years();
        let index = TimeIndex::new(&t);
        let span = 7300.0 * DAY / 8.0;
        let start = Window::from_iso("2008", "2008").unwrap().start();
        let (scale, params) = track_at(start, span);
        let before = rows_of(&layout(&t, &index, &scale, &params, None, &[]));
        // A 1.25× zoom in at the middle.
        let (scale, params) = track_at(start + span * 0.1, span * 0.8);
        let full = rows_of(&layout(&t, &index, &scale, &params, None, &before));
        let capped = LayoutParams {
            new_labels: 3,
            ..params
        };
        let step = rows_of(&layout(&t, &index, &scale, &capped, None, &before));
        let added = |of: &[(usize, u16)]| {
            of.iter()
                .filter(|l| before.iter().all(|b| b.0 != l.0))
                .count()
        };
        assert!(added(&full) >= 8, "a full layout adds {}", added(&full));
        assert_eq!(added(&step), 3);
        // Every kept label the full layout keeps in its row, the step keeps.
        let kept = |of: &[(usize, u16)]| -> Vec<(usize, u16)> {
            of.iter().copied().filter(|l| before.contains(l)).collect()
        };
        assert_eq!(kept(&step), kept(&full));
        // Nothing new, but the event the reader moved to.
        let none = LayoutParams {
            new_labels: 0,
            ..params
        };
        let pinned = (0..t.events.len()).find(|&i| {
            let at = index.start_of(i);
            scale.window().intersects(at, at + 1.0) && !full.iter().any(|l| l.0 == i)
        });
        let step = rows_of(&layout(&t, &index, &scale, &none, pinned, &before));
        assert_eq!(added(&step), 1);
        assert!(step.iter().any(|l| Some(l.0) == pinned));
    }

    #[test]
    fn kept_labels_stay_in_their_rows_through_pans_and_zooms() {
        let t = crowded_years();
        let index = TimeIndex::new(&t);
        let first = Window::from_iso("2004", "2004").unwrap().start();
        let mut span = 7300.0 * DAY / 8.0;
        let mut start = first + 2.0 * span;
        let (scale, params) = track_at(start, span);
        let mut shown = rows_of(&layout(&t, &index, &scale, &params, None, &[]));
        // Five 10% pans, then five 1.25× zooms in at the middle.
        for step in 0..10 {
            if step < 5 {
                start += span / 10.0;
            } else {
                start += span / 10.0;
                span *= 0.8;
            }
            let (scale, params) = track_at(start, span);
            let fresh = rows_of(&layout(&t, &index, &scale, &params, None, &[]));
            let next = rows_of(&layout(&t, &index, &scale, &params, None, &shown));
            // Labels whose event is still in view: the kept layout keeps
            // nearly all of them, in their rows, the fresh one far fewer.
            let still = |(i, _): &&(usize, u16)| {
                index.start_of(*i) >= start
                    && index.start_of(*i) < start + span - 240.0 * span / 1200.0
            };
            let candidates: Vec<&(usize, u16)> = shown.iter().filter(still).collect();
            let labelled = |of: &[(usize, u16)], i: usize| of.iter().any(|&(j, _)| j == i);
            let kept = candidates
                .iter()
                .filter(|(i, _)| labelled(&next, *i))
                .count();
            let in_place = candidates.iter().filter(|c| next.contains(c)).count();
            let kept_fresh = candidates
                .iter()
                .filter(|(i, _)| labelled(&fresh, *i))
                .count();
            let in_place_fresh = candidates.iter().filter(|c| fresh.contains(c)).count();
            // At least `share` % of them, and more than a fresh layout.
            let check = |what: &str, ours: usize, fresh: usize, share: usize| {
                assert!(
                    ours * 100 >= candidates.len() * share,
                    "step {step}: {what}: {ours} of {}",
                    candidates.len()
                );
                assert!(
                    ours > fresh,
                    "step {step}: {what}: {ours} against {fresh} fresh"
                );
            };
            check("kept", kept, kept_fresh, 90);
            check("in their rows", in_place, in_place_fresh, 85);
            assert!(
                next.len() * 10 >= fresh.len() * 9,
                "about as many labels: {} and {}",
                next.len(),
                fresh.len()
            );
            shown = next;
        }
    }

    #[test]
    fn a_kept_label_still_gives_way_to_a_more_important_event() {
        let t = timeline(vec![
            event("2019-06-10T00:00Z", None, "minor", 1),
            event("2019-06-10T01:00Z", None, "major", 3),
        ]);
        let l = layout(
            &t,
            &TimeIndex::new(&t),
            &june(),
            &params(1),
            None,
            &[(0, 0)],
        );
        assert_eq!(rows_of(&l), [(1, 0)]);
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
                    Event::from(EventData {
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
                        group: None,
                        ongoing: false,
                    })
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
            kept: &[(usize, u16)],
        ) -> Result<(), TestCaseError> {
            let params = LayoutParams {
                width_px: s.width(),
                rows,
                min_label_px: min,
                max_label_px: max,
                gap_px: gap,
                new_labels: usize::MAX,
            };
            let index = TimeIndex::new(t);
            let l = crate::core::layout::layout(t, &index, s, &params, None, kept, &chars(char_px));
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
            // A hidden event is blocked in every row by one at least as
            // important, or was no candidate: its bin offered `rows` events
            // ahead of it (more important, or as important and of a higher
            // level).
            let importance = |i: usize| t.events[i].importance;
            let rank = |i: usize| {
                (
                    std::cmp::Reverse(importance(i)),
                    std::cmp::Reverse(index.level(i)),
                    i,
                )
            };
            let ahead = |a: usize, b: usize| rank(a) < rank(b);
            let x = |i: usize| s.x_of(t.events[i].start_ms()).max(0.0);
            for &h in in_window
                .iter()
                .filter(|&&i| l.placed.iter().all(|p| p.index != i))
            {
                let want = span(&unplaced(
                    h,
                    &t.events[h],
                    s,
                    &params,
                    chars(char_px)(h, &t.events[h]),
                ));
                let blocked = (0..rows).all(|row| {
                    l.placed.iter().any(|p| {
                        p.row == row
                            && overlaps(span(p), want)
                            && importance(p.index) >= importance(h)
                    })
                });
                let crowded = in_window
                    .iter()
                    .filter(|&&e| ahead(e, h) && (x(e) - x(h)).abs() < BIN_PX)
                    .count()
                    >= usize::from(rows);
                prop_assert!(blocked || crowded, "event {h} hidden for no reason");
            }
            // Every event starting in the window is labelled or in a cluster.
            let starting = in_window
                .iter()
                .filter(|&&i| t.events[i].start_ms() >= s.window().start())
                .count();
            let labelled = l
                .placed
                .iter()
                .filter(|p| t.events[p.index].start_ms() >= s.window().start())
                .count();
            let clustered: usize = l.clusters.iter().map(|c| c.count).sum();
            prop_assert_eq!(labelled + clustered, starting);
            prop_assert!(l.clusters.windows(2).all(|c| c[0].x < c[1].x));
            Ok(())
        }

        proptest! {
            #[test]
            fn placed_boxes_never_overlap(t in any_timeline(), s in any_scale(), p in any_params()) {
                check(&t, &s, p, &[])?;
            }

            /// Labels kept from an earlier window (any of them, even out
            /// of this one) change the choice, never these guarantees.
            #[test]
            fn kept_labels_keep_the_guarantees(
                t in any_timeline(),
                s in any_scale(),
                p in any_params(),
                mut kept in proptest::collection::vec((0usize..70, 0u16..8), 0..30),
            ) {
                kept.sort_unstable();
                kept.dedup_by_key(|&mut (i, _)| i);
                check(&t, &s, p, &kept)?;
            }
        }
    }
}
