//! The widget as readers see it, drawn inside its shadow root.
//!
//! # Overview
//!
//! - [`state`]: [`state::TimelineState`], the one writable state, and the
//!   rules that change it.
//! - [`mount`] builds the frame ([`timeline_view`]) and its parts, one
//!   component a file with its stylesheet beside it; [`STYLES`] collects
//!   the stylesheets so the embed layer can adopt them once per shadow root
//!   (strict CSP forbids inline styles).
//! - [`dom`]: how components build their DOM and bind it to the state
//!   (web-sys and render effects rather than `view!`, for bytes: see
//!   there).
//!
//! Data flows one way: the state's signals → memos → `bind` effects →
//! DOM; the DOM's events call the state's methods.

pub mod axis;
pub mod cluster_badges;
pub mod color_scheme;
pub mod colors;
pub mod debug_notice;
pub mod dom;
pub mod era_bands;
pub mod event_card;
pub mod filter_bar;
pub mod highlight;
pub mod intl;
pub mod list;
pub mod motion;
pub mod new_events;
pub mod now_line;
pub mod overview;
pub mod reactive;
pub mod sanitize;
pub mod search_folding;
pub mod sorted_children;
pub mod state;
pub mod strings;
pub mod timeline_view;
pub mod track;
pub mod use_element_size;
pub mod zoom_controls;

use color_scheme::Theme;
use intl::DateFormatter;
use leptos::prelude::*;
use motion::Motion;
use state::TimelineState;
use strings::{is_rtl, Text};

/// What every component of one widget shares: its state, its words and
/// date formats, its running animation and its direction. `Copy`, passed
/// to each component (a missing context would be a run-time failure; a
/// parameter cannot be missing).
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The widget's state.
    pub state: TimelineState,
    /// The widget's words and number formats, in the reader's language.
    pub text: Text,
    /// Dates in the reader's language.
    pub dates: StoredValue<DateFormatter, LocalStorage>,
    /// The one eased zoom or glide that may run.
    pub motion: Motion,
    /// Right to left: time runs from right to left.
    pub rtl: bool,
}

/// How a page set the widget up (the validated mount options the view
/// needs).
#[derive(Debug, Clone)]
pub struct ViewOptions {
    /// A heading that overrides the data's title.
    pub title: Option<String>,
    /// Whether to list validation problems inside the widget.
    pub debug: bool,
    /// The BCP 47 language of dates, numbers and the widget's words.
    pub lang: String,
    /// "ltr" or "rtl" from the host page (its `dir`); by default the
    /// language's direction.
    pub dir: Option<String>,
    /// The widget's height in CSS pixels.
    pub height: f64,
    /// Light, dark, or the reader's system setting.
    pub theme: Theme,
    /// The time track, or the events as a list.
    pub layout: Layout,
    /// The IANA name of the widget's zone when its offset varies (it is
    /// named with its offset under the track).
    pub zone_name: Option<String>,
    /// Whether a "Today" line marks the present where the window shows
    /// it (`showNow`).
    pub show_now: bool,
}

/// How the widget shows its events on screen (printed, it is always a
/// list).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Layout {
    /// The time track (the contract's "auto": a list when printing).
    #[default]
    Auto,
    /// The time track.
    Timeline,
    /// The filtered events as a list grouped by period, as tall as it is.
    List,
}

impl Layout {
    /// The layout an option value names.
    pub fn parse(value: &str) -> Option<Layout> {
        match value {
            "auto" => Some(Layout::Auto),
            "timeline" => Some(Layout::Timeline),
            "list" => Some(Layout::List),
            _ => None,
        }
    }
}

impl Default for ViewOptions {
    fn default() -> Self {
        ViewOptions {
            title: None,
            debug: false,
            lang: String::new(),
            dir: None,
            height: 420.0,
            theme: Theme::default(),
            layout: Layout::default(),
            zone_name: None,
            show_now: true,
        }
    }
}

/// Builds the widget for `state` into `parent`, under the current
/// reactive owner: disposing that owner stops every binding, listener and
/// timer (the caller then removes `parent`).
pub fn mount(parent: &web_sys::Element, state: TimelineState, options: &ViewOptions) {
    let rtl = match options.dir.as_deref() {
        Some("rtl") => true,
        Some("ltr") => false,
        _ => is_rtl(&options.lang),
    };
    let cx = Ctx {
        state,
        text: Text::new(&options.lang),
        dates: StoredValue::new_local(DateFormatter::new(&options.lang)),
        motion: Motion::default(),
        rtl,
    };
    search_folding::fold_while_idle(state);
    let _ = parent.append_child(&timeline_view::timeline_view(cx, options));
}

/// Every component's CSS, in cascade order (minified by build.rs).
pub const STYLES: &[&str] = &[
    include_str!(concat!(env!("OUT_DIR"), "/ui/timeline_view.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/track.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/axis.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/cluster_badges.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/overview.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/era_bands.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/now_line.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/new_events.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/zoom_controls.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/filter_bar.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/event_card.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/list/list.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/debug_notice.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/highlight.css")),
];
