//! The search index of the events, folded while the reader reads: in one go,
//! 100,000 titles and texts held the page for some 100 ms right after the
//! widget appeared, just when a reader may start to zoom or scroll.

use crate::core::filter::{SearchIndex, SearchIndexBuilder};
use crate::core::model::Timeline;
use leptos::prelude::*;
use std::sync::Arc;

/// Events folded per idle callback: about 5 ms of work in Chromium on a
/// slow machine, well inside an idle period (at most 50 ms).
const EVENTS_PER_SLICE: usize = 5_000;

/// The index of `timeline`'s events. Each data set is folded a slice at a
/// time in idle callbacks; a search before that is done folds the rest at
/// once. The callbacks stop when the widget is destroyed.
pub fn use_search_index(timeline: Signal<Arc<Timeline>>) -> Memo<Arc<SearchIndex>> {
    // The index being folded, with the data set it is for.
    let pending = StoredValue::new(None::<(Arc<Timeline>, SearchIndexBuilder)>);
    let search = Memo::new_with_compare(
        move |_| {
            let all = timeline.get();
            let started = pending
                .try_update_value(Option::take)
                .flatten()
                .filter(|(of, _)| Arc::ptr_eq(of, &all));
            Arc::new(match started {
                Some((_, builder)) => builder.finish(&all),
                None => SearchIndex::new(&all),
            })
        },
        crate::ui::arc_changed,
    );
    Effect::new(move |_| {
        let all = timeline.get();
        let builder = SearchIndexBuilder::new(&all);
        pending.set_value(Some((all.clone(), builder)));
        fold_while_idle(pending, search, all);
    });
    search
}

/// Folds a slice of `of`'s index in the next idle callback, and the next
/// slice in the one after, until the index is done (then the memo takes
/// it), taken, or replaced by another data set's (whose own callbacks fold
/// it: one chain per data set, not one more per change of data).
fn fold_while_idle(
    pending: StoredValue<Option<(Arc<Timeline>, SearchIndexBuilder)>>,
    search: Memo<Arc<SearchIndex>>,
    of: Arc<Timeline>,
) {
    request_idle_callback(move || {
        let done = pending.try_update_value(|pending| match pending {
            Some((all, builder)) if Arc::ptr_eq(all, &of) => {
                Some(builder.step(all, EVENTS_PER_SLICE))
            }
            _ => None,
        });
        match done.flatten() {
            Some(true) => {
                let _ = search.try_with_untracked(|_| ());
                // Left over when a search built the index first.
                pending.try_set_value(None);
            }
            Some(false) => fold_while_idle(pending, search, of.clone()),
            None => {}
        }
    });
}
