//! A keyed list for children kept in key order, where a generic keyed
//! diff would move rows that never changed place.
//!
//! # Why a merge?
//!
//! Leptos's `<For>` diff (tachys 0.2) guesses whether a kept row must
//! move from how many rows were added and removed so far, and guesses
//! wrong when both happen in one update: a row after two new ones is
//! taken out and put back, and the browser restyles and lays it out
//! afresh. A zoom step at 1,000 events (some 60 label rows) added about
//! 16 rows, removed 14 and moved up to 29 of those it kept.
//!
//! The rows here (event labels, axis ticks) are in time order, so the old
//! and new lists are both sorted: a merge of the two says exactly which
//! rows go and where new ones come. A kept row stays where it is, and is
//! touched only where its item changed (`refresh`: a label's new box).

use crate::ui::dom::bind;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// A built row: its key, its item and its element.
struct Row<K, T> {
    key: K,
    item: T,
    element: HtmlElement,
}

/// Keeps `parent`'s children one per item of `each` (pairs of key and
/// item, in increasing key order), in that order: a change removes the
/// rows whose key left, builds those whose key came, calls `refresh` with
/// the old item, the new one and the row's element for a kept row whose
/// item changed, and leaves every other row alone. An item whose key is
/// not above the one before it is ignored (callers give sorted lists: a
/// sort here would be compiled once per list); `build` returning `None`
/// leaves an item without a row.
///
/// Rows are static DOM: what changes goes through `refresh`, one call per
/// changed row. `parent` must hold nothing else. The list lives as long
/// as the current owner.
pub fn sorted_children<K, T>(
    parent: HtmlElement,
    each: impl Fn() -> Vec<(K, T)> + 'static,
    build: impl Fn(&T) -> Option<HtmlElement> + 'static,
    refresh: impl Fn(&T, &T, &HtmlElement) + 'static,
) where
    K: Ord + 'static,
    T: PartialEq + 'static,
{
    let mut rows: Vec<Row<K, T>> = Vec::new();
    bind(move || {
        let items = each();
        untrack(|| {
            let mut old = std::mem::take(&mut rows).into_iter().peekable();
            let mut kept = Vec::with_capacity(items.len());
            for (key, item) in items {
                if kept.last().is_some_and(|row: &Row<K, T>| row.key >= key) {
                    continue;
                }
                while let Some(gone) = old.next_if(|row| row.key < key) {
                    remove(&gone.element, &parent);
                }
                if let Some(mut row) = old.next_if(|row| row.key == key) {
                    if row.item != item {
                        refresh(&row.item, &item, &row.element);
                        row.item = item;
                    }
                    kept.push(row);
                    continue;
                }
                let Some(element) = build(&item) else {
                    continue;
                };
                let next = old.peek().map(|row| &row.element);
                let _ = parent.insert_before(&element, next.map(|e| e.as_ref()));
                kept.push(Row { key, item, element });
            }
            for gone in old {
                remove(&gone.element, &parent);
            }
            rows = kept;
        });
    });
}

/// Removes `row`; if focus is in it, it goes first to the nearest
/// focusable ancestor of `parent` (the track), so that the keys a reader
/// presses next still reach the widget rather than the page.
fn remove(row: &HtmlElement, parent: &HtmlElement) {
    if row.matches(":focus-within").unwrap_or(false) {
        let holder = parent.closest("[tabindex]").ok().flatten();
        if let Some(holder) = holder {
            let _ = holder.unchecked_ref::<HtmlElement>().focus();
        }
    }
    row.remove();
}
