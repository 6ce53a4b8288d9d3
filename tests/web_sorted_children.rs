//! The keyed list behind the track's labels and the axis ticks, in a real
//! browser: rows that stay are never taken out of the DOM (where Leptos's
//! `<For>` moved them) nor built again, a kept row whose item changed is
//! refreshed in place, rows that go are removed, the order follows the
//! keys (items given out of key order are ignored), and the list stops with
//! its owner.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use news_timeline::ui::dom::el;
use news_timeline::ui::sorted_children::sorted_children;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{MutationObserver, MutationObserverInit, MutationRecord, Node};

mod common;
use common::{fresh_host, start_executor};

wasm_bindgen_test_configure!(run_in_browser);

fn texts_of(nodes: impl Iterator<Item = Node>) -> Vec<String> {
    nodes
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

/// The texts of the nodes the records say were added, or removed.
fn changed(records: &js_sys::Array, added: bool) -> Vec<String> {
    let mut out = Vec::new();
    for record in records.iter() {
        let record: MutationRecord = record.unchecked_into();
        let nodes = if added {
            record.added_nodes()
        } else {
            record.removed_nodes()
        };
        out.extend(texts_of((0..nodes.length()).filter_map(|i| nodes.item(i))));
    }
    out.sort();
    out
}

#[wasm_bindgen_test]
async fn kept_rows_stay_in_place_while_others_come_and_go() {
    start_executor();
    let host = fresh_host();
    // Items are (key, value): a row shows "key value". The signal outlives
    // the list's owner, as the state outlives nothing but is read by it.
    let keys = RwSignal::new(vec![(1_u32, 'a'), (2, 'a'), (3, 'a'), (4, 'a')]);
    let refreshed = Rc::new(RefCell::new(Vec::<String>::new()));
    let built = Rc::new(RefCell::new(Vec::<u32>::new()));
    let list = el("ul", "");
    host.append_child(&list).expect("append");
    let owner = Owner::new();
    owner.with(|| {
        let (on_build, on_refresh) = (built.clone(), refreshed.clone());
        sorted_children(
            list.clone(),
            move || keys.get().into_iter().map(|(k, v)| (k, (k, v))).collect(),
            move |&(k, v): &(u32, char)| {
                on_build.borrow_mut().push(k);
                // An item may have no row.
                (k != 5).then(|| {
                    let row = el("li", "");
                    row.set_text_content(Some(&format!("{k} {v}")));
                    row
                })
            },
            move |&(_, was), &(k, v), row| {
                on_refresh.borrow_mut().push(format!("{k}: {was} to {v}"));
                row.set_text_content(Some(&format!("{k} {v}")));
            },
        );
    });
    tick().await;
    let rows = |list: &web_sys::Element| {
        let children = list.children();
        texts_of((0..children.length()).filter_map(|i| children.item(i).map(Node::from)))
    };
    assert_eq!(rows(&list), ["1 a", "2 a", "3 a", "4 a"]);
    built.borrow_mut().clear();

    // The records, as the observer hands them over (in a microtask).
    let records = js_sys::Array::new();
    let collect =
        js_sys::Function::new_with_args("log", "return (records) => log.push(...records)")
            .call1(&JsValue::NULL, &records)
            .expect("a callback");
    let observer = MutationObserver::new(collect.unchecked_ref()).expect("an observer");
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    observer
        .observe_with_options(&list, &options)
        .expect("observe");
    // In key order, with a repeated key and one out of order: one row
    // per key, the later duplicate and the out-of-order item ignored.
    // 4's item changed: its row is refreshed.
    keys.set(vec![
        (0, 'a'),
        (2, 'a'),
        (4, 'b'),
        (5, 'a'),
        (6, 'a'),
        (6, 'c'),
        (7, 'a'),
        (3, 'z'),
    ]);
    tick().await;
    assert_eq!(rows(&list), ["0 a", "2 a", "4 b", "6 a", "7 a"]);
    assert_eq!(*refreshed.borrow(), ["4: a to b"]);
    records.push(&observer.take_records());
    let records = records.flat(1);
    assert_eq!(
        changed(&records, false),
        ["1 a", "3 a"],
        "only the rows that left are removed"
    );
    assert_eq!(
        changed(&records, true),
        ["0 a", "6 a", "7 a"],
        "only new rows are added"
    );
    let mut new = built.borrow().clone();
    new.sort_unstable();
    // Kept rows are not built again; 5 was asked for a row and built none.
    assert_eq!(new, [0, 5, 6, 7]);

    keys.set(Vec::new());
    tick().await;
    assert_eq!(rows(&list), Vec::<String>::new());
    observer.disconnect();

    // Disposing of the owner stops the list and frees what it holds (the
    // list must not keep its own owner alive): later changes reach no row.
    keys.set(vec![(8, 'a'), (9, 'a')]);
    tick().await;
    assert_eq!(rows(&list), ["8 a", "9 a"]);
    built.borrow_mut().clear();
    drop(owner);
    tick().await;
    keys.set(vec![(8, 'b'), (10, 'a')]);
    tick().await;
    assert_eq!(rows(&list), ["8 a", "9 a"], "the list stopped");
    assert!(built.borrow().is_empty());
    assert_eq!(Rc::strong_count(&built), 1, "the list's build is freed");
    assert_eq!(Rc::strong_count(&refreshed), 1, "and its refresh");
    host.remove();
}
