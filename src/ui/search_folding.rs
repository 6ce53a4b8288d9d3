//! The search index of the events, folded while the reader reads: in one
//! go, 100,000 titles and texts held the page for some 100 ms right after
//! the widget appeared, just when a reader may start to zoom or scroll.
//!
//! The index belongs to the data ([`Dataset::fold_search`]); this only
//! spends idle moments on it. A search before it is done folds the rest
//! at once ([`Dataset::search_index`]).

use crate::core::dataset::Dataset;
use crate::ui::dom::bind;
use crate::ui::state::TimelineState;
use leptos::prelude::*;
use std::sync::{Arc, Weak};

/// Events folded per idle callback: about 5 ms of work in Chromium on a
/// slow machine, well inside an idle period (at most 50 ms).
const EVENTS_PER_SLICE: usize = 5_000;

/// Folds each data set's search index a slice per idle callback, until it
/// is complete or the data is replaced (the callbacks hold it weakly, so
/// replaced or destroyed data is not kept alive by them).
pub fn fold_while_idle(state: TimelineState) {
    bind(move || fold_next(Arc::downgrade(&state.data())));
}

fn fold_next(data: Weak<Dataset>) {
    request_idle_callback(move || {
        let more = data
            .upgrade()
            .is_some_and(|d| !d.fold_search(EVENTS_PER_SLICE));
        if more {
            fold_next(data.clone());
        }
    });
}
