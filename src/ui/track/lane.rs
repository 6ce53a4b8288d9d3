//! One lane of the track: its labelled events' rows, their stems, its
//! "+N" badges and, when the track has lanes, its name.
//!
//! # What is a lane?
//!
//! A horizontal band of the track for one group of the story ("Military"),
//! or for the events in none ("Other"); without lanes the whole track is
//! one unnamed lane. A named lane is its rows over a baseline, where its
//! stems end and its badges and name sit, the name at the start edge
//! while the reader pans (the lane itself never moves: its list and
//! stems do).
//! Its element carries `data-lane="<group id>"` (empty for "Other") and
//! holds its events' elements, in an ordered list named after the lane.

use crate::core::layout::{Layout, Placed, LABEL_CHROME_PX};
use crate::core::model::{Event, Timeline};
use crate::ui::cluster_badges::cluster_badges;
use crate::ui::dom::{add, add_text, bind, px, set, style, svg, toggle_class};
use crate::ui::reactive::Derived;
use crate::ui::sorted_children::sorted_children;
use crate::ui::track::rows::{stem_path, Item, Label, RowBox, ROW_PX};
use crate::ui::Ctx;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// A named lane's height besides its rows: the stems under row 0 (6 px)
/// and the room under the baseline (8 px) for the lower half of its name
/// and badges, which sit on it; the stylesheet agrees.
pub const LANE_BASE_PX: f64 = 14.0;
/// Where a named lane's baseline is, above its bottom edge.
const FOOT_PX: f64 = 8.0;

/// What a lane element is built from; a change rebuilds the lanes.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneHead {
    /// Its group (`None`: "Other"); `None` with `name` `None` too: the
    /// one lane of a track without lanes.
    pub group: Option<Arc<str>>,
    /// Its name as shown; `None` without lanes.
    pub name: Option<Arc<str>>,
    /// Its colour (`--_cl`, `--_cd`), if its group has one.
    pub tint: Option<Arc<str>>,
}

/// The window's layouts, one per shown lane (one without lanes), with
/// the events they index: the labels of the previous layout are kept
/// only while they index the same events.
#[derive(Clone)]
pub struct Placement {
    pub of: Arc<Timeline>,
    pub lanes: Vec<LanePlacement>,
}

impl PartialEq for Placement {
    fn eq(&self, other: &Placement) -> bool {
        Arc::ptr_eq(&self.of, &other.of) && self.lanes == other.lanes
    }
}

/// One lane's layout.
#[derive(Debug, Clone, PartialEq)]
pub struct LanePlacement {
    /// Its place in the data's lanes (0 without lanes): a lane keeps its
    /// labels only from the layout of the same lane.
    pub lane: usize,
    /// How many label rows it has.
    pub rows: u16,
    pub layout: Layout,
}

/// What each labelled event of the lane is, besides its box, for its row.
pub struct LabelFacts {
    /// A range: its row has a bar.
    pub range: bool,
    /// Its place in the lane (its list), from 1, and the lane's count.
    pub pos: usize,
    pub of: usize,
    /// Its own colour where it is not the lane's.
    pub tint: Option<Arc<str>>,
    /// The roving tab stop is on it.
    pub tab_stop: bool,
    /// Its card is open.
    pub expanded: bool,
    /// Its label text's width, in px.
    pub text_px: f64,
}

/// The things a lane reads from the track (`Copy`, so each lane's
/// closures can hold them).
#[derive(Clone, Copy)]
pub struct LaneInputs {
    /// The lanes' layouts, in lane order.
    pub placement: Derived<Placement>,
    /// The rows' shift from their anchor, in px (see the track).
    pub shift: Derived<f64>,
    /// A drag ended: its click is no badge click.
    pub suppress_click: StoredValue<bool>,
}

/// What a row needs to know about a labelled event: `facts(lane, event,
/// placed)` (tracked: it may read the selection).
pub type Facts = Arc<dyn Fn(usize, &Event, &Placed) -> LabelFacts + Send + Sync>;

/// Builds the lane `at` (its place among the shown lanes) at the end of
/// `parent`.
pub fn lane(
    cx: Ctx,
    parent: &HtmlElement,
    at: usize,
    head: &LaneHead,
    inputs: LaneInputs,
    facts: Facts,
) {
    let Ctx {
        state,
        text,
        dates,
        motion,
        rtl,
        ..
    } = cx;
    let LaneInputs {
        placement,
        shift,
        suppress_click,
    } = inputs;
    let named = head.name.is_some();
    let element = add(parent, "div", "nt-lane");
    toggle_class(&element, "nt-lane--named", named);
    if let Some(tint) = &head.tint {
        element.style().set_css_text(tint);
        toggle_class(&element, "nt-lane--colored", true);
    }
    if named {
        set(
            &element,
            "data-lane",
            head.group.as_deref().unwrap_or_default(),
        );
        let height = element.clone();
        bind(move || {
            let rows = placement.with(|p| p.lanes.get(at).map_or(0, |l| l.rows));
            style(
                &height,
                "height",
                &px(f64::from(rows) * ROW_PX + LANE_BASE_PX),
            );
        });
    }
    let stems = svg(&element, "svg", "nt-track__stems");
    set(&stems, "aria-hidden", "true");
    let stem_lines = svg(&stems, "path", "nt-track__stem-lines");
    let stem_dots = svg(&stems, "path", "nt-track__stem-dots");
    let list = add(&element, "ol", "nt-track__events");
    if let Some(name) = &head.name {
        set(&list, "aria-label", name);
        let shown = add_text(&element, "span", "nt-lane__name", name);
        set(&shown, "aria-hidden", "true");
    }
    {
        let (stems, list) = (stems.clone(), list.clone());
        // The rows' and stems' transform: the pan, and right to left the
        // mirroring of the whole list.
        bind(move || {
            let x = shift.get().round() as i64;
            let transform = if rtl {
                format!("scaleX(-1) translateX({x}px)")
            } else {
                format!("translateX({x}px)")
            };
            style(stems.unchecked_ref(), "transform", &transform);
            style(&list, "transform", &transform);
        });
    }
    let lane_name = head.name.clone();
    let labels = Derived::shared(move || {
        let shift = shift.get();
        let query = state.query();
        let index = state.index();
        placement.with(|p| {
            let Some(lane) = p.lanes.get(at) else {
                return Arc::new(Vec::new());
            };
            Arc::new(
                lane.layout
                    .placed
                    .iter()
                    .filter_map(|placed| {
                        let event = p.of.events.get(placed.index)?;
                        let facts = facts(at, event, placed);
                        let tie =
                            placed.index - index.first_from(event.start_ms()).min(placed.index);
                        Some(Label {
                            item: Item::new(
                                event,
                                tie as u32,
                                lane_name.clone(),
                                facts.tint,
                                query.clone(),
                            ),
                            look: Label::look_of(event),
                            index: placed.index,
                            pos: facts.pos,
                            of: facts.of,
                            at: RowBox::new(placed, shift),
                            range: facts.range,
                            tab_stop: facts.tab_stop,
                            cut: facts.text_px + LABEL_CHROME_PX > placed.label_width + 0.5,
                            expanded: facts.expanded,
                        })
                    })
                    .collect::<Vec<_>>(),
            )
        })
    });
    // Every label's stem, a line from the label down to the baseline and
    // a dot on it, as two paths under the rows: one write per change,
    // rather than an element and an effect per row.
    bind(move || {
        let labels = labels.get();
        let boxes = || labels.iter().map(|l| l.at);
        set(&stem_lines, "d", &stem_path(boxes(), false));
        set(&stem_dots, "d", &stem_path(boxes(), true));
    });
    sorted_children(
        list,
        move || {
            labels
                .get()
                .iter()
                .map(|l| (l.item.clone(), l.clone()))
                .collect()
        },
        move |label: &Label| {
            let event = placement.with_untracked(|p| p.of.events.get(label.index).cloned())?;
            let start = state.with_zone(|zone| zone.stamp(event.start));
            Some(dates.with_value(|d| label.build(&event, &start, d, text)))
        },
        move |was: &Label, now: &Label, row: &HtmlElement| {
            if was.look != now.look {
                let event = placement.with_untracked(|p| p.of.events.get(now.index).cloned());
                if let Some(event) = event {
                    let start = state.with_zone(|zone| zone.stamp(event.start));
                    dates.with_value(|d| now.rebuild(&event, &start, d, text, row));
                }
            }
            now.refresh(was, row, text)
        },
    );
    // Badges straddle the baseline (without lanes, the axis line: above
    // its tick labels, so no badge covers one).
    let foot = if named { FOOT_PX } else { 0.0 };
    cluster_badges(
        cx,
        &element,
        foot - 9.0,
        move || {
            placement.with(|p| {
                p.lanes
                    .get(at)
                    .map(|l| l.layout.clusters.clone())
                    .unwrap_or_default()
            })
        },
        move |cluster| {
            if suppress_click.get_value() {
                suppress_click.set_value(false);
            } else if let Some(to) = cluster.expanded(state.limits_untracked()) {
                motion.ease(state, to);
            }
        },
    );
}
