//! news-timeline: an interactive, accessible news timeline that a newsroom
//! embeds with one script tag.
//!
//! The crate is layered so that most logic is testable natively:
//!
//! - [`core`]: pure Rust (no web APIs): partial dates, JSON input, the event
//!   model, validation with JSON paths, the visible window.
//! - [`ui`]: Leptos components that render the model inside a shadow root.
//! - `embed` (wasm32 only): the wasm-bindgen boundary the JS loader calls.

pub mod core;
pub mod ui;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod embed;
