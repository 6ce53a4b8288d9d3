//! The keyed list behind the track's labels and the axis ticks, in a real
//! browser: rows that stay are never taken out of the DOM (where Leptos's
//! `<For>` moved them), a kept row whose item changed is refreshed in
//! place, rows that go are disposed of, and the order follows the keys
//! whatever order they come in.
#![cfg(target_arch = "wasm32")]

use leptos::html::Ul;
use leptos::prelude::*;
use leptos::task::tick;
use news_timeline::ui::sorted_children::sorted_children;
use std::sync::{Arc, Mutex};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{MutationObserver, MutationObserverInit, MutationRecord, Node};

mod common;
use common::fresh_host;

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
    let host = fresh_host();
    // Items are (key, value): a row shows "key value".
    let keys = RwSignal::new(vec![(1_u32, 'a'), (2, 'a'), (3, 'a'), (4, 'a')]);
    let refreshed = Arc::new(Mutex::new(Vec::<String>::new()));
    let on_refresh = refreshed.clone();
    let disposed = Arc::new(Mutex::new(Vec::<u32>::new()));
    let on_dispose = disposed.clone();
    let mounted = leptos::mount::mount_to(host.clone(), move || {
        let list = NodeRef::<Ul>::new();
        let on_dispose = on_dispose.clone();
        let on_refresh = on_refresh.clone();
        sorted_children(
            list,
            move || keys.get(),
            |&(k, _)| k,
            move |&(k, v): &(u32, char)| {
                let on_dispose = on_dispose.clone();
                on_cleanup(move || on_dispose.lock().expect("lock").push(k));
                // An item may have no row.
                (k != 5).then(|| view! { <li>{format!("{k} {v}")}</li> })
            },
            move |&(_, was), &(k, v), row| {
                on_refresh
                    .lock()
                    .expect("lock")
                    .push(format!("{k}: {was} to {v}"));
                row.set_text_content(Some(&format!("{k} {v}")));
            },
        );
        view! { <ul node_ref=list></ul> }
    });
    tick().await;
    let list = host.query_selector("ul").expect("query").expect("a list");
    let rows = |list: &web_sys::Element| {
        let children = list.children();
        texts_of((0..children.length()).filter_map(|i| children.item(i).map(Node::from)))
    };
    assert_eq!(rows(&list), ["1 a", "2 a", "3 a", "4 a"]);

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
    // Out of order and with a repeated key: the rows follow the order of
    // the keys, one per key. 4's item changed: its row is refreshed.
    keys.set(vec![
        (7, 'a'),
        (0, 'a'),
        (2, 'a'),
        (6, 'a'),
        (4, 'b'),
        (6, 'c'),
        (5, 'a'),
    ]);
    tick().await;
    assert_eq!(rows(&list), ["0 a", "2 a", "4 b", "6 a", "7 a"]);
    assert_eq!(*refreshed.lock().expect("lock"), ["4: a to b"]);
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
    let mut gone = disposed.lock().expect("lock").clone();
    gone.sort_unstable();
    // 5 built no row; its owner goes at once.
    assert_eq!(gone, [1, 3, 5]);

    keys.set(Vec::new());
    tick().await;
    assert_eq!(rows(&list), Vec::<String>::new());
    observer.disconnect();

    // Unmounting disposes of the rows left (the list must not keep its
    // own owner alive).
    keys.set(vec![(8, 'a'), (9, 'a')]);
    tick().await;
    disposed.lock().expect("lock").clear();
    drop(mounted);
    let mut gone = disposed.lock().expect("lock").clone();
    gone.sort_unstable();
    assert_eq!(gone, [8, 9]);
}
