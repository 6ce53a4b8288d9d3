//! A keyed list for children kept in key order, where Leptos's `<For>`
//! would move rows that never changed place.
//!
//! # Why not `<For>`?
//!
//! `<For>`'s diff (tachys 0.2) guesses whether a kept row must move from
//! how many rows were added and removed so far, and guesses wrong when
//! both happen in one update: a row after two new ones is taken out and
//! put back. The browser then restyles and lays out that row afresh. A
//! zoom step at 1,000 events (some 60 label rows) added about 16 rows,
//! removed 14 and moved up to 29 of those it kept (measured with a
//! `MutationObserver`).
//!
//! The rows here (event labels, axis ticks) are in time order, so the old
//! and new lists are both sorted: a merge of the two says exactly which
//! rows go and where new ones come. A kept row stays where it is, and is
//! touched only where its item changed (`refresh`: a label's new box).

use leptos::prelude::*;
use leptos::tachys::reactive_graph::{OwnedView, OwnedViewState};
use leptos::tachys::view::{Mountable, Render};
use wasm_bindgen::JsCast;

/// A built row: its item, its root element and its DOM and reactive
/// owner.
struct Row<K, T, V: IntoView> {
    key: K,
    item: T,
    root: Option<web_sys::HtmlElement>,
    state: OwnedViewState<<View<V> as Render>::State>,
}

/// Keeps `parent`'s children one per item of `each`, in key order: a
/// change removes the rows whose key left, builds those whose key came
/// (each with its own reactive owner, disposed with the row), calls
/// `refresh` with the old item, the new one and the row's root element
/// for a kept row whose item changed, and leaves every other row alone.
/// Items with equal keys after the first are ignored; `build` returning
/// `None` leaves an item without a row.
///
/// Rows are static: what changes goes through `refresh`, one call per
/// changed row, where an effect in each row would be scheduled and run for
/// every row on every change (the labels' boxes change on every zoom
/// step).
///
/// `parent` must hold nothing else. Call it in a component's body: the
/// list lives as long as that component.
pub fn sorted_children<E, T, K, V>(
    parent: NodeRef<E>,
    each: impl Fn() -> Vec<T> + 'static,
    key: impl Fn(&T) -> K + 'static,
    build: impl Fn(&T) -> Option<V> + 'static,
    refresh: impl Fn(&T, &T, &web_sys::HtmlElement) + 'static,
) where
    E: leptos::tachys::html::element::ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
    T: PartialEq + 'static,
    K: Ord + 'static,
    V: IntoView + 'static,
{
    // Rows belong to the component, not to the effect below: a rerun of
    // the effect would otherwise dispose of every row it kept. Held weakly:
    // the effect is stored in that owner, which must not keep itself alive.
    let Some(owner) = Owner::current().map(|owner| owner.downgrade()) else {
        return;
    };
    let effect = RenderEffect::new(move |previous: Option<Vec<Row<K, T, V>>>| {
        let rows = previous.unwrap_or_default();
        let (Some(parent), Some(owner)) = (parent.get(), owner.upgrade()) else {
            return rows;
        };
        let parent: web_sys::Element = parent.unchecked_into();
        let mut items: Vec<(K, T)> = each().into_iter().map(|item| (key(&item), item)).collect();
        if !items.is_sorted_by(|a, b| a.0 < b.0) {
            items.sort_by(|a, b| a.0.cmp(&b.0));
            items.dedup_by(|a, b| a.0 == b.0);
        }
        untrack(|| {
            let mut old = rows.into_iter().peekable();
            let mut kept = Vec::with_capacity(items.len());
            for (key, item) in items {
                while let Some(mut gone) = old.next_if(|row| row.key < key) {
                    gone.state.unmount();
                }
                if let Some(mut row) = old.next_if(|row| row.key == key) {
                    if row.item != item {
                        if let Some(root) = &row.root {
                            refresh(&row.item, &item, root);
                        }
                        row.item = item;
                    }
                    kept.push(row);
                    continue;
                }
                let row_owner = owner.with(Owner::new);
                let Some(view) = row_owner.with(|| build(&item)) else {
                    continue;
                };
                let mut state = OwnedView::new_with_owner(view.into_view(), row_owner).build();
                let before_next = old
                    .peek()
                    .is_some_and(|next| next.state.insert_before_this(&mut state));
                if !before_next {
                    state.mount(&parent, None);
                }
                let root = state
                    .elements()
                    .into_iter()
                    .next()
                    .map(JsCast::unchecked_into);
                kept.push(Row {
                    key,
                    item,
                    root,
                    state,
                });
            }
            for mut gone in old {
                gone.state.unmount();
            }
            kept
        })
    });
    StoredValue::new_local(effect);
}
