//! The pure heart of the widget: everything that can be decided without a
//! browser lives here and is tested natively.
//!
//! # Overview
//!
//! - [`date::PartialDate`]: an ISO 8601 date that keeps the precision it was
//!   written with ("2019-05" stays a month).
//! - [`json`]: a small, panic-free JSON parser, so event data crosses the
//!   wasm boundary as one string instead of 100,000 JS objects.
//! - [`model`]: [`model::Event`], [`model::Timeline`] and the [`model::Problem`]s
//!   that validation reports with their JSON paths.
//! - [`import`]: turns input documents (our JSON, TimelineJS3's JSON and
//!   spreadsheet) into a timeline plus problems.
//! - [`merge`]: live data: events added, replaced and removed by id.
//! - [`window`]: the visible time range and how `fit` and the opening
//!   view choose it.
//! - [`index`] and [`layout`]: what a window shows, found by binary search
//!   and stacked into rows, so 100,000 events cost what 100 do.
//! - [`periods`]: the list layout's events grouped by year, month or day,
//!   in blocks a page renders only near its viewport.
//! - [`zone`]: the widget's time zone, given as offsets, and the
//!   wall-clock axis date-times are placed on.
//!
//! # Example
//!
//! ```
//! # fn main() -> Result<(), news_timeline::core::import::DataError> {
//! let parsed = news_timeline::core::import::parse_document(
//!     r#"{"events": [{"start": "2019-07", "title": "Tanker seized"},
//!                    {"start": "2019-13-45", "title": "bad"}]}"#,
//! )?;
//! assert_eq!(parsed.timeline.events.len(), 1);
//! assert_eq!(parsed.problems[0].path, "events[1].start");
//! # Ok(())
//! # }
//! ```
//!
//! Out of scope here: anything that touches the DOM, Intl or JS values.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod dataset;
pub mod date;
pub mod decimal;
pub mod filter;
pub mod id_index;
pub mod import;
pub mod index;
pub mod json;
pub mod lanes;
pub mod layout;
pub mod merge;
pub mod model;
pub mod palette;
pub mod periods;
pub mod scale;
pub mod ticks;
pub mod window;
pub mod zone;
