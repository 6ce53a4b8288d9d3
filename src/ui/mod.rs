//! Leptos components that draw the model inside the widget's shadow root.
//!
//! Each component sits in its own file with its stylesheet beside it;
//! [`STYLES`] collects them so the embed layer can adopt them, once per
//! shadow root, as a constructable stylesheet (strict CSP forbids inline
//! styles).

pub mod axis;
pub mod cluster_badges;
pub mod color_scheme;
pub mod copy_link;
pub mod css_text;
pub mod debug_notice;
pub mod era_bands;
pub mod event_card;
pub mod filter_bar;
pub mod highlight;
pub mod intl;
pub mod motion;
pub mod overview;
pub mod sanitize;
pub mod sorted_children;
pub mod strings;
pub mod timeline_view;
pub mod track;
pub mod use_element_size;
pub mod use_search_index;
pub mod zoom_controls;

pub use axis::Axis;
pub use cluster_badges::ClusterBadges;
pub use copy_link::CopyLink;
pub use debug_notice::DebugNotice;
pub use era_bands::EraBands;
pub use event_card::EventCard;
pub use filter_bar::FilterBar;
pub use highlight::Highlight;
pub use overview::Overview;
pub use timeline_view::{shown_timeline, TimelineView};
pub use track::Track;
pub use use_search_index::use_search_index;
pub use zoom_controls::ZoomControls;

/// The comparison for memos of shared data (`Memo::new_with_compare`): a
/// new `Arc` is a change, the same `Arc` is not. Comparing 100,000 events
/// by value on every filter keystroke would cost more than the filter.
pub fn arc_changed<T>(old: Option<&std::sync::Arc<T>>, new: Option<&std::sync::Arc<T>>) -> bool {
    !matches!((old, new), (Some(a), Some(b)) if std::sync::Arc::ptr_eq(a, b))
}

/// Every component's CSS, in cascade order (minified by build.rs).
pub const STYLES: &[&str] = &[
    include_str!(concat!(env!("OUT_DIR"), "/ui/timeline_view.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/track.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/axis.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/cluster_badges.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/overview.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/era_bands.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/zoom_controls.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/filter_bar.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/event_card.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/debug_notice.css")),
    include_str!(concat!(env!("OUT_DIR"), "/ui/highlight.css")),
];
