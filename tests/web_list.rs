//! The list layout and the printed list, in headless Chromium: mount into
//! a fresh element under an `Owner`, act, `tick().await`, assert the DOM.
#![cfg(target_arch = "wasm32")]

use news_timeline::core::filter::Filter;
use news_timeline::ui::{Layout, ViewOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod common;
use common::{key, mount_widget, settle, texts, Mounted};

wasm_bindgen_test_configure!(run_in_browser);

const STORY: &str = r#"{"title": "War footing", "events": [
    {"id": "drone", "start": "2019-07-19", "title": "Drone destroyed", "tags": ["military"]},
    {"id": "carrier", "start": "2019-05-05", "title": "Carrier deployed", "tags": ["military"]},
    {"id": "tanker", "start": "2019-07-19", "title": "Tanker seized", "tags": ["shipping"],
     "text": "<p>In the Strait.</p>", "source": {"url": "https://example.org/wire", "name": "Wire"}},
    {"id": "summer", "start": "2019-06", "title": "A month of incidents"}
]}"#;

fn mount_list(text: &str, layout: Layout) -> Mounted {
    mount_widget(
        text,
        "700px",
        &ViewOptions {
            lang: "en-GB".to_owned(),
            height: 420.0,
            layout,
            ..ViewOptions::default()
        },
    )
}

fn button_of(host: &HtmlElement, id: &str) -> HtmlElement {
    host.query_selector(&format!(".nt-list [data-event-id='{id}'] button"))
        .expect("selector")
        .expect("the event's button")
        .unchecked_into()
}

fn print_event(name: &str) {
    let event = web_sys::Event::new(name).expect("event");
    web_sys::window()
        .expect("window")
        .dispatch_event(&event)
        .expect("dispatch");
}

#[wasm_bindgen_test]
async fn lists_events_under_their_periods_and_follows_the_filter() {
    let m = mount_list(STORY, Layout::List);
    settle().await;
    assert_eq!(
        texts(&m.host, ".nt-list__period"),
        ["May 2019", "June 2019", "July 2019"]
    );
    assert_eq!(
        texts(&m.host, ".nt-list__title"),
        [
            "Carrier deployed",
            "A month of incidents",
            "Drone destroyed",
            "Tanker seized"
        ]
    );
    assert_eq!(texts(&m.host, ".nt-list__date")[1], "June 2019");
    assert!(m
        .host
        .query_selector(".nt-track")
        .expect("selector")
        .is_none());
    m.state.set_filter(Filter {
        tags: vec!["military".into()],
        ..Filter::default()
    });
    settle().await;
    assert_eq!(
        texts(&m.host, ".nt-list__title"),
        ["Carrier deployed", "Drone destroyed"]
    );
    assert_eq!(
        texts(&m.host, ".nt-list__period"),
        ["May 2019", "July 2019"]
    );
    m.host.remove();
}

#[wasm_bindgen_test]
async fn arrows_move_the_tab_stop_and_enter_opens_the_card() {
    let m = mount_list(STORY, Layout::List);
    settle().await;
    let tab_stops = || texts(&m.host, ".nt-list__button[tabindex='0'] .nt-list__title");
    assert_eq!(tab_stops(), ["Carrier deployed"], "the first event");
    let list = m
        .host
        .query_selector(".nt-list")
        .expect("selector")
        .expect("list");
    button_of(&m.host, "carrier").focus().expect("focus");
    key(&list, "ArrowDown");
    key(&list, "ArrowDown");
    settle().await;
    assert_eq!(
        m.state.selection_untracked().id.as_deref(),
        Some("drone"),
        "two steps down"
    );
    assert_eq!(tab_stops(), ["Drone destroyed"]);
    key(&list, "End");
    settle().await;
    assert_eq!(m.state.selection_untracked().id.as_deref(), Some("tanker"));
    button_of(&m.host, "tanker").click();
    settle().await;
    assert_eq!(texts(&m.host, ".nt-card__title"), ["Tanker seized"]);
    assert_eq!(
        button_of(&m.host, "tanker")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    m.host.remove();
}

#[wasm_bindgen_test]
async fn the_printed_list_exists_only_while_printing_and_holds_the_text() {
    let m = mount_list(STORY, Layout::Timeline);
    settle().await;
    let printed = || m.host.query_selector(".nt-list--print").expect("selector");
    assert!(printed().is_none(), "nothing is built for print on screen");
    print_event("beforeprint");
    let list = printed().expect("built on beforeprint");
    assert_eq!(
        texts(&list, ".nt-list__title"),
        [
            "Carrier deployed",
            "A month of incidents",
            "Drone destroyed",
            "Tanker seized"
        ]
    );
    assert_eq!(texts(&list, ".nt-list__source"), ["Source: Wire"]);
    assert_eq!(
        texts(&list, ".nt-list__text")
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>(),
        ["In the Strait."]
    );
    assert!(list.query_selector("button").expect("selector").is_none());
    print_event("afterprint");
    assert!(printed().is_none(), "dropped after printing");
    m.host.remove();
}
