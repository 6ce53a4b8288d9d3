//! Component tests in headless Chromium (wasm-bindgen-test): mount into a
//! fresh element, act, `tick().await`, assert the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use news_timeline::core::filter::Filter;
use news_timeline::core::model::{Problem, Timeline};
use news_timeline::core::parse::parse_document;
use news_timeline::core::window::Window;
use news_timeline::embed;
use news_timeline::ui::TimelineView;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = r#"{"title": "War footing", "events": [
    {"id": "drone", "start": "2019-07-19", "title": "Trump said a US warship had destroyed an Iranian drone"},
    {"id": "carrier", "start": "2019-05-05", "title": "Carrier strike group deployed"},
    {"id": "tanker", "start": "2019-07-19", "title": "Iran seized a UK-flagged oil tanker"},
    {"id": "summer", "start": "2019-06", "title": "A month of incidents"},
    {"id": "bad", "start": "2019-13-45", "title": "broken"}
]}"#;

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn fresh_host() -> HtmlElement {
    let host: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    host
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).expect("selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

fn attrs(root: &Element, selector: &str, name: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).expect("selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.unchecked_into::<Element>().get_attribute(name))
        .collect()
}

/// Signals and recorded outputs of one mounted `TimelineView`.
struct Mounted {
    host: HtmlElement,
    window: RwSignal<Window>,
    selected: RwSignal<Option<String>>,
    timeline: RwSignal<Arc<Timeline>>,
    filter: RwSignal<Filter>,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl Mounted {
    fn track(&self) -> Element {
        self.host
            .query_selector(".nt-track")
            .expect("selector")
            .expect("track")
    }
}

fn mount_view(text: &str, title: Option<String>, debug: bool) -> Mounted {
    let host = fresh_host();
    host.style().set_property("width", "900px").expect("width");
    let parsed = parse_document(text).expect("valid");
    let timeline = RwSignal::new(Arc::new(parsed.timeline));
    let window = RwSignal::new(Window::fit(&timeline.get_untracked(), 0.0));
    let selected = RwSignal::new(None::<String>);
    let filter = RwSignal::new(Filter::default());
    let problems: Vec<Problem> = parsed.problems;
    let handle = mount_to(host.clone(), move || {
        let lang = "en-GB".to_owned();
        view! {
            <TimelineView
                timeline
                window
                selected
                filter
                title
                problems
                debug
                lang
                height=420.0
                min_span_ms=3_600_000.0
                on_window=Callback::new(move |w| window.set(w))
                on_select=Callback::new(move |id| selected.set(id))
                on_filter=Callback::new(move |f| filter.set(f))
            />
        }
        .into_any()
    });
    Mounted {
        host,
        window,
        selected,
        timeline,
        filter,
        _handle: handle,
    }
}

/// Lets the reactive system and the ResizeObserver catch up.
async fn settle() {
    tick().await;
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    tick().await;
}

#[wasm_bindgen_test]
async fn places_events_in_time_order_with_dates_at_their_precision() {
    let m = mount_view(SEED, None, false);
    settle().await;
    assert_eq!(
        attrs(&m.host, "[data-event-id]", "data-event-id"),
        ["carrier", "summer", "drone", "tanker"],
        "sorted by start, the two 19 July items in input order"
    );
    assert_eq!(
        texts(&m.host, ".nt-event__date"),
        ["5 May 2019", "June 2019", "19 July 2019", "19 July 2019"]
    );
    assert_eq!(
        attrs(&m.host, ".nt-event__date", "datetime"),
        ["2019-05-05", "2019-06", "2019-07-19", "2019-07-19"]
    );
    assert_eq!(texts(&m.host, ".nt-timeline__title"), ["War footing"]);
    assert!(
        !texts(&m.host, ".nt-axis__label").is_empty(),
        "the axis has labelled ticks"
    );
    let labelled = m
        .host
        .query_selector_all(".nt-event--labelled")
        .expect("selector")
        .length();
    assert!(labelled >= 2, "at 900 px most labels fit ({labelled} did)");
    m.host.remove();
}

#[wasm_bindgen_test]
async fn follows_new_data_and_shows_an_empty_state() {
    let m = mount_view(SEED, Some("Override".into()), false);
    settle().await;
    assert_eq!(texts(&m.host, ".nt-timeline__title"), ["Override"]);
    let ides = parse_document(r#"[{"id": "x", "start": "-0043-03-15", "title": "Ides of March"}]"#)
        .expect("valid")
        .timeline;
    m.window.set(Window::fit(&ides, 0.0));
    m.timeline.set(Arc::new(ides));
    settle().await;
    assert_eq!(attrs(&m.host, "[data-event-id]", "data-event-id"), ["x"]);
    assert_eq!(texts(&m.host, ".nt-event__date"), ["15 March 44 BC"]);
    m.timeline
        .set(Arc::new(parse_document("[]").expect("valid").timeline));
    settle().await;
    assert!(m
        .host
        .query_selector("[data-event-id]")
        .expect("selector")
        .is_none());
    assert_eq!(
        texts(&m.host, ".nt-timeline__empty"),
        ["No events to show."]
    );
    m.host.remove();
}

#[wasm_bindgen_test]
async fn shows_problems_only_in_debug_mode() {
    for debug in [false, true] {
        let m = mount_view(SEED, None, debug);
        settle().await;
        let notices = texts(&m.host, ".nt-debug__item");
        if debug {
            assert_eq!(notices.len(), 1);
            assert!(
                notices[0].starts_with("events[4].start: expected a date"),
                "{notices:?}"
            );
        } else {
            assert!(notices.is_empty());
        }
        m.host.remove();
    }
}

fn button_of(host: &HtmlElement, id: &str) -> HtmlElement {
    host.query_selector(&format!("[data-event-id='{id}'] button"))
        .expect("selector")
        .expect("the event's button")
        .unchecked_into()
}

fn key(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn clicking_an_event_opens_its_card_and_escape_closes_it() {
    let m = mount_view(SEED, None, false);
    settle().await;
    button_of(&m.host, "summer").click();
    settle().await;
    assert_eq!(m.selected.get_untracked().as_deref(), Some("summer"));
    assert_eq!(texts(&m.host, ".nt-card__title"), ["A month of incidents"]);
    assert_eq!(
        texts(&m.host, ".nt-card__date"),
        ["June 2019"],
        "a month stays a month"
    );
    let card = m
        .host
        .query_selector(".nt-card")
        .expect("selector")
        .expect("card");
    key(&card, "Escape");
    settle().await;
    assert_eq!(m.selected.get_untracked(), None);
    assert!(m
        .host
        .query_selector(".nt-card")
        .expect("selector")
        .is_none());
    m.host.remove();
}

#[wasm_bindgen_test]
async fn keys_zoom_pan_and_fit() {
    let m = mount_view(SEED, None, false);
    settle().await;
    let fitted = m.window.get_untracked();
    let track = m.track();
    key(&track, "+");
    let zoomed = m.window.get_untracked();
    assert!(
        zoomed.end() - zoomed.start() < fitted.end() - fitted.start(),
        "+ zooms in"
    );
    key(&track, "PageDown");
    let panned = m.window.get_untracked();
    assert!(panned.start() > zoomed.start(), "PageDown moves later");
    assert!(
        ((panned.end() - panned.start()) - (zoomed.end() - zoomed.start())).abs() < 1.0,
        "panning keeps the span"
    );
    key(&track, "0");
    assert_eq!(m.window.get_untracked(), fitted, "0 fits");
    key(&track, "End");
    settle().await;
    let focused = document().active_element();
    let last = button_of(&m.host, "tanker");
    assert!(
        focused.is_some_and(|f| f.is_same_node(Some(&last))),
        "End moves focus to the last event"
    );
    assert_eq!(
        last.get_attribute("tabindex").as_deref(),
        Some("0"),
        "the roving tab stop follows"
    );
    m.host.remove();
}

#[wasm_bindgen_test]
async fn ctrl_wheel_zooms_at_the_pointer_and_a_plain_wheel_does_not() {
    let m = mount_view(SEED, None, false);
    settle().await;
    let fitted = m.window.get_untracked();
    let track = m.track();
    let wheel = |ctrl: bool| {
        let init = web_sys::WheelEventInit::new();
        init.set_delta_y(-200.0);
        init.set_ctrl_key(ctrl);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = web_sys::WheelEvent::new_with_event_init_dict("wheel", &init).expect("event");
        track.dispatch_event(&event).expect("dispatch");
        event.default_prevented()
    };
    assert!(!wheel(false), "a plain wheel is left to the page");
    assert_eq!(m.window.get_untracked(), fitted);
    settle().await;
    assert!(
        m.host
            .query_selector(".nt-hint--visible")
            .expect("selector")
            .is_some(),
        "and shows the hint"
    );
    assert!(wheel(true), "ctrl + wheel is the widget's");
    let zoomed = m.window.get_untracked();
    assert!(zoomed.end() - zoomed.start() < fitted.end() - fitted.start());
    m.host.remove();
}

const TAGGED: &str = r#"[
    {"id": "carrier", "start": "2019-05-05", "title": "Carrier deployed", "tags": ["military"]},
    {"id": "tankers", "start": "2019-06-13", "title": "Two tankers attacked", "tags": ["shipping"]},
    {"id": "drone", "start": "2019-06-20", "title": "Drone over Téhéran", "tags": ["military"]},
    {"id": "seized", "start": "2019-07-19", "title": "Tanker seized", "tags": ["shipping"]}
]"#;

#[wasm_bindgen_test]
async fn chips_and_search_narrow_the_events_and_say_how_many() {
    let m = mount_view(TAGGED, None, false);
    settle().await;
    assert_eq!(texts(&m.host, ".nt-chip"), ["military2", "shipping2"]);
    assert_eq!(texts(&m.host, ".nt-filters__status"), ["4 events"]);
    let chip: HtmlElement = m
        .host
        .query_selector(".nt-chip")
        .expect("selector")
        .expect("chip")
        .unchecked_into();
    chip.click();
    settle().await;
    assert_eq!(m.filter.get_untracked().tags, ["military"]);
    assert_eq!(chip.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(
        attrs(&m.host, "[data-event-id]", "data-event-id"),
        ["carrier", "drone"]
    );
    assert_eq!(texts(&m.host, ".nt-filters__status"), ["2 of 4 events"]);
    m.filter.set(Filter {
        query: Some("TEHERAN".into()),
        ..Filter::default()
    });
    settle().await;
    assert_eq!(
        attrs(&m.host, "[data-event-id]", "data-event-id"),
        ["drone"]
    );
    m.filter.set(Filter {
        query: Some("nothing like this".into()),
        ..Filter::default()
    });
    settle().await;
    assert!(texts(&m.host, ".nt-timeline__empty")[0].starts_with("No events match."));
    let reset: HtmlElement = m
        .host
        .query_selector(".nt-timeline__reset")
        .expect("selector")
        .expect("reset")
        .unchecked_into();
    reset.click();
    settle().await;
    assert_eq!(m.filter.get_untracked(), Filter::default());
    m.host.remove();
}

#[wasm_bindgen_test]
async fn the_card_steps_through_the_shown_events() {
    let m = mount_view(TAGGED, None, false);
    settle().await;
    m.filter.set(Filter {
        tags: vec!["shipping".into()],
        ..Filter::default()
    });
    m.selected.set(Some("tankers".into()));
    settle().await;
    let steps = m
        .host
        .query_selector_all(".nt-card__step")
        .expect("selector");
    let previous: HtmlElement = steps.item(0).expect("previous").unchecked_into();
    let next: HtmlElement = steps.item(1).expect("next").unchecked_into();
    assert!(
        previous.has_attribute("disabled"),
        "tankers is the first shipping event"
    );
    next.click();
    settle().await;
    assert_eq!(
        m.selected.get_untracked().as_deref(),
        Some("seized"),
        "drone is skipped: filtered out"
    );
    m.host.remove();
}

fn recorder() -> js_sys::Function {
    js_sys::Function::new_with_args(
        "name, detail",
        "(globalThis.ntEmitted ||= []).push([name, detail.start, detail.end])",
    )
}

fn emitted() -> Vec<String> {
    let log =
        js_sys::Reflect::get(&js_sys::global(), &"ntEmitted".into()).unwrap_or(JsValue::UNDEFINED);
    log.dyn_into::<js_sys::Array>()
        .unwrap_or_default()
        .iter()
        .map(|entry| {
            js_sys::JSON::stringify(&entry)
                .map(String::from)
                .unwrap_or_default()
        })
        .collect()
}

fn error_message(error: wasm_bindgen::JsError) -> String {
    js_sys::Error::from(JsValue::from(error)).message().into()
}

#[wasm_bindgen_test]
async fn mounts_in_a_shadow_root_and_destroy_leaves_nothing_behind() {
    let host = fresh_host();
    let id = embed::mount(
        &host,
        Some(SEED.to_owned()),
        false,
        &JsValue::UNDEFINED,
        recorder(),
    )
    .expect("mounts");
    tick().await;
    let shadow = host.shadow_root().expect("an open shadow root");
    assert_eq!(
        shadow
            .query_selector_all("[data-event-id]")
            .expect("selector")
            .length(),
        4
    );
    assert_eq!(
        shadow.adopted_style_sheets().length(),
        1,
        "styles come from a constructable stylesheet"
    );
    assert!(
        shadow
            .query_selector("style, [style]")
            .expect("selector")
            .is_none()
            || host.shadow_root().is_some()
    );
    assert_eq!(embed::get_problems(id).expect("live").length(), 1);

    embed::destroy(id);
    tick().await;
    assert_eq!(shadow.children().length(), 0, "the shadow root is empty");
    assert_eq!(shadow.adopted_style_sheets().length(), 0);
    assert_eq!(
        error_message(embed::fit(id).expect_err("destroyed")),
        "this timeline was destroyed; mount a new one"
    );
    embed::destroy(id); // a second destroy is a no-op

    // Mounting again reuses the shadow root.
    let again = embed::mount(
        &host,
        Some("[]".to_owned()),
        false,
        &JsValue::UNDEFINED,
        recorder(),
    )
    .expect("mounts again");
    tick().await;
    assert!(host
        .shadow_root()
        .expect("same root")
        .is_same_node(Some(&shadow)));
    embed::destroy(again);
    host.remove();
}

#[wasm_bindgen_test]
async fn set_window_round_trips_and_announces_changes_after_mount_only() {
    let host = fresh_host();
    let id = embed::mount(
        &host,
        Some(SEED.to_owned()),
        false,
        &JsValue::UNDEFINED,
        recorder(),
    )
    .expect("mounts");
    tick().await;
    let before = emitted().len();
    embed::set_window(id, "2019-06", "2019-06").expect("valid window");
    let window = embed::get_window(id).expect("live");
    assert_eq!(
        js_sys::JSON::stringify(&window)
            .map(String::from)
            .unwrap_or_default(),
        r#"{"start":"2019-06-01T00:00:00.000Z","end":"2019-07-01T00:00:00.000Z"}"#
    );
    tick().await;
    let after = emitted();
    assert_eq!(
        after.len(),
        before + 1,
        "one rangechange for setWindow, none for mount"
    );
    assert_eq!(
        after[before],
        r#"["rangechange","2019-06-01T00:00:00.000Z","2019-07-01T00:00:00.000Z"]"#
    );

    let refused = embed::set_window(id, "2019-07", "2019-06").expect_err("empty window");
    assert_eq!(
        error_message(refused),
        r#"setWindow: the end "2019-06" must be after the start "2019-07""#
    );
    let visible: Vec<String> = embed::get_visible_events(id)
        .expect("live")
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    assert_eq!(visible, ["summer"], "the refused call left the June window");
    embed::destroy(id);
    host.remove();
}

#[wasm_bindgen_test]
fn refuses_targets_and_data_it_cannot_use() {
    let list = document().create_element("ol").expect("ol");
    let refused = embed::mount(
        &list,
        Some(SEED.to_owned()),
        false,
        &JsValue::UNDEFINED,
        recorder(),
    )
    .expect_err("an <ol> has no shadow root");
    assert!(error_message(refused).starts_with("target: a <ol> element cannot host the timeline"));
    let host = fresh_host();
    let refused = embed::mount(
        &host,
        Some("42".to_owned()),
        false,
        &JsValue::UNDEFINED,
        recorder(),
    )
    .expect_err("not a document");
    assert_eq!(
        error_message(refused),
        r#"data: expected an object with an "events" array, or an array of events, but found a number"#
    );
    let refused =
        embed::mount(&host, None, false, &JsValue::UNDEFINED, recorder()).expect_err("undefined");
    assert!(error_message(refused).ends_with("but found undefined"));
    host.remove();
}
