//! The search index of the events, folded while the reader reads: in one go,
//! 100,000 titles and texts held the page for some 100 ms right after the
//! widget appeared, just when a reader may start to zoom or scroll.

use crate::core::filter::{SearchIndex, SearchIndexBuilder};
use crate::core::model::Timeline;
use leptos::prelude::*;
use std::sync::{Arc, Weak};

/// Events folded per idle callback: about 5 ms of work in Chromium on a
/// slow machine, well inside an idle period (at most 50 ms).
const EVENTS_PER_SLICE: usize = 5_000;

/// Where the folding stands, shared by the memo, the effect that starts a
/// data set's folding and the idle callbacks.
#[derive(Default)]
struct Folding {
    /// The index being folded, with the data set it is for.
    pending: Option<(Arc<Timeline>, SearchIndexBuilder)>,
    /// The data set the memo last indexed (weakly: it must not keep replaced
    /// data alive), so that data a search already indexed is not folded again.
    indexed: Weak<Timeline>,
}

/// The index of `timeline`'s events. Each data set is folded a slice at a
/// time in idle callbacks; a search before that is done folds the rest at
/// once. The callbacks stop when the widget is destroyed.
pub fn use_search_index(timeline: Signal<Arc<Timeline>>) -> Memo<Arc<SearchIndex>> {
    let folding = StoredValue::new(Folding::default());
    let search = Memo::new_with_compare(
        move |_| {
            let all = timeline.get();
            let started = folding
                .try_update_value(|f| {
                    f.indexed = Arc::downgrade(&all);
                    f.pending.take()
                })
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
        let fold = folding.try_update_value(|f| {
            // A search came first (data replaced while one is on): there is
            // nothing to fold, and an older data set's folding is dropped.
            let indexed = std::ptr::eq(f.indexed.as_ptr(), Arc::as_ptr(&all));
            f.pending = (!indexed).then(|| (all.clone(), SearchIndexBuilder::new(&all)));
            !indexed
        });
        if fold == Some(true) {
            fold_while_idle(folding, search, all);
        }
    });
    search
}

/// Folds a slice of `of`'s index in the next idle callback, and the next
/// slice in the one after, until the index is done (then the memo takes
/// it), taken, or replaced by another data set's (whose own callbacks fold
/// it: one chain per data set, not one more per change of data).
fn fold_while_idle(
    folding: StoredValue<Folding>,
    search: Memo<Arc<SearchIndex>>,
    of: Arc<Timeline>,
) {
    request_idle_callback(move || {
        let done = folding.try_update_value(|f| match &mut f.pending {
            Some((all, builder)) if Arc::ptr_eq(all, &of) => {
                Some(builder.step(all, EVENTS_PER_SLICE))
            }
            _ => None,
        });
        match done.flatten() {
            // The memo takes the finished index (it is out of date: had a
            // search indexed this data, no folding would have started).
            Some(true) => {
                let _ = search.try_with_untracked(|_| ());
            }
            Some(false) => fold_while_idle(folding, search, of.clone()),
            None => {}
        }
    });
}
