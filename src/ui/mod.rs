//! Leptos components that draw the model inside the widget's shadow root.
//!
//! Each component sits in its own file with its stylesheet beside it;
//! [`STYLES`] collects them so the embed layer can adopt them, once per
//! shadow root, as a constructable stylesheet (strict CSP forbids inline
//! styles).

pub mod debug_notice;
pub mod intl;
pub mod timeline_view;

pub use debug_notice::DebugNotice;
pub use timeline_view::TimelineView;

/// Every component's CSS, in cascade order.
pub const STYLES: &[&str] = &[
    include_str!("timeline_view.css"),
    include_str!("debug_notice.css"),
];
