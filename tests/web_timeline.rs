//! Component tests in headless Chromium (wasm-bindgen-test): mount into a
//! fresh element under an `Owner`, act (on the DOM, or on the state as the
//! JS API does), `tick().await`, assert the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use news_timeline::core::filter::Filter;
use news_timeline::core::import::parse_document;
use news_timeline::core::window::Window;
use news_timeline::embed;
use news_timeline::ui::state::{Settings, TimelineState};
use news_timeline::ui::{mount, ViewOptions};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod common;
use common::{document, fresh_host, sleep, start_executor};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = r#"{"title": "War footing", "events": [
    {"id": "drone", "start": "2019-07-19", "title": "Trump said a US warship had destroyed an Iranian drone"},
    {"id": "carrier", "start": "2019-05-05", "title": "Carrier strike group deployed"},
    {"id": "tanker", "start": "2019-07-19", "title": "Iran seized a UK-flagged oil tanker"},
    {"id": "summer", "start": "2019-06", "title": "A month of incidents"},
    {"id": "bad", "start": "2019-13-45", "title": "broken"}
]}"#;

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

/// One mounted widget: its host, its state, and the owner whose drop
/// unmounts it.
struct Mounted {
    host: HtmlElement,
    state: TimelineState,
    _owner: Owner,
}

impl Mounted {
    fn track(&self) -> Element {
        self.host
            .query_selector(".nt-track")
            .expect("selector")
            .expect("track")
    }

    /// The id of the event whose card is open (what the page is told is
    /// selected).
    fn open_card(&self) -> Option<String> {
        let selection = self.state.selection_untracked();
        selection.id.filter(|_| selection.open)
    }
}

fn mount_view(text: &str, title: Option<String>, debug: bool) -> Mounted {
    start_executor();
    let host = fresh_host();
    host.style().set_property("width", "900px").expect("width");
    let parsed = parse_document(text).expect("valid");
    let owner = Owner::new();
    let state = owner.with(|| {
        let state = TimelineState::new(
            parsed,
            Settings {
                min_span_ms: 3_600_000.0,
                now: js_sys::Date::now,
                ..Settings::default()
            },
        );
        mount(
            &host,
            state,
            &ViewOptions {
                title,
                debug,
                lang: "en-GB".to_owned(),
                height: 420.0,
                ..ViewOptions::default()
            },
        );
        state
    });
    Mounted {
        host,
        state,
        _owner: owner,
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
    let clusters = m
        .host
        .query_selector_all(".nt-cluster")
        .expect("selector")
        .length();
    assert_eq!(clusters, 0, "at 900 px every label fits, none is clustered");
    m.host.remove();
}

/// The x of a row's `translate(Xpx, Ypx)`.
fn px_of_transform(transform: &str) -> f64 {
    transform
        .trim_start_matches("translate(")
        .split("px")
        .next()
        .and_then(|x| x.parse().ok())
        .unwrap_or_else(|| panic!("{transform} is not a translate()"))
}

/// A style property of `el` in px (`"12px"` → 12).
fn px_of(el: &HtmlElement, property: &str) -> f64 {
    let value = el.style().get_property_value(property).expect("property");
    value
        .trim_end_matches("px")
        .parse()
        .unwrap_or_else(|_| panic!("{property}: {value:?} is not in px"))
}

#[wasm_bindgen_test]
async fn a_row_is_placed_by_its_inline_style_and_its_stem_drawn_under_it() {
    let m = mount_view(
        r#"[
            {"id": "talks", "start": "2019-05-01", "end": "2019-05-20", "title": "Talks"},
            {"id": "drone", "start": "2019-06-10", "title": "Drone over the strait"},
            {"id": "again", "start": "2019-06-10", "title": "Second drone downed"}
        ]"#,
        None,
        false,
    );
    settle().await;
    // "again" gets the second row when the track has room for two.
    let ids = attrs(&m.host, "[data-event-id]", "data-event-id");
    assert_eq!(
        ids.get(..2),
        Some(&["talks".to_string(), "drone".to_string()][..])
    );
    // The stems: "M{x} 1v-{height}" each, x in the rows' coordinates.
    let path = |class: &str| {
        m.host
            .query_selector(class)
            .expect("selector")
            .and_then(|p| p.get_attribute("d"))
            .unwrap_or_else(|| panic!("{class} has its path"))
    };
    let stems: Vec<(f64, f64)> = path(".nt-track__stem-lines")
        .split('M')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let (x, height) = s.split_once(" 1v-").expect("a line down to the axis");
            (x.parse().expect("x"), height.parse().expect("height"))
        })
        .collect();
    let dots = path(".nt-track__stem-dots");
    let rows = m.host.query_selector_all(".nt-event").expect("selector");
    assert_eq!(stems.len(), rows.length() as usize, "a stem per label");
    for (x, _) in &stems {
        assert!(
            dots.contains(&format!("M{x} .5h0")),
            "a dot under the stem at {x}"
        );
    }
    let mut rises = Vec::new();
    for i in 0..rows.length() {
        let row: HtmlElement = rows.item(i).expect("row").unchecked_into();
        let part = |class: &str| {
            row.query_selector(class)
                .expect("selector")
                .map(|el| el.unchecked_into::<HtmlElement>())
        };
        let transform = row
            .style()
            .get_property_value("transform")
            .expect("transform");
        let x = px_of_transform(&transform);
        let rise = -transform
            .trim_start_matches(&format!("translate({x}px, "))
            .trim_end_matches("px)")
            .parse::<f64>()
            .unwrap_or_else(|_| panic!("{transform:?} is a translate in px"));
        assert_eq!(
            row.style().get_property_value("z-index").expect("z-index"),
            (64.0 - rise / 30.0).to_string(),
            "lower rows stack higher"
        );
        // Its stem: under the label (the event's instant), and from the
        // label's foot down to the axis.
        let width = px_of(&row, "width");
        assert!(
            stems
                .iter()
                .any(|&(at, height)| (x..=x + width).contains(&at) && height == 6.0 + rise),
            "a stem under {x}..{} reaching {} px down: {stems:?}",
            x + width,
            6.0 + rise
        );
        rises.push(rise.abs());
        let bar = part(".nt-event__bar");
        if row.get_attribute("data-event-id").as_deref() == Some("talks") {
            let bar = px_of(&bar.expect("a range has a bar"), "width");
            assert!(bar > 100.0, "20 days of 7 weeks: {bar} px");
            assert!(px_of(&row, "width") >= bar, "the box holds the bar");
        } else {
            assert!(bar.is_none(), "a point event has no bar");
            assert!(px_of(&row, "width") >= 56.0, "at least the narrowest label");
        }
        // Nothing inherited that would restyle the row's every element.
        assert!(
            !row.style().css_text().contains("--"),
            "no custom properties on the row: {}",
            row.style().css_text()
        );
    }
    rises.sort_by(f64::total_cmp);
    let expected: &[f64] = if ids.len() == 3 {
        &[0.0, 0.0, 30.0]
    } else {
        &[0.0, 0.0]
    };
    assert_eq!(rises, expected, "the same day's second label sits a row up");
    m.host.remove();
}

#[wasm_bindgen_test]
async fn follows_new_data_and_shows_an_empty_state() {
    let m = mount_view(SEED, Some("Override".into()), false);
    settle().await;
    assert_eq!(texts(&m.host, ".nt-timeline__title"), ["Override"]);
    let ides = parse_document(r#"[{"id": "x", "start": "-0043-03-15", "title": "Ides of March"}]"#)
        .expect("valid");
    // The window showed none of the new events: it fits them.
    m.state.replace_data(ides);
    settle().await;
    assert_eq!(attrs(&m.host, "[data-event-id]", "data-event-id"), ["x"]);
    assert_eq!(texts(&m.host, ".nt-event__date"), ["15 March 44 BC"]);
    m.state.replace_data(parse_document("[]").expect("valid"));
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
    let expanded = |id: &str| button_of(&m.host, id).get_attribute("aria-expanded");
    let tab_stops = || {
        attrs(
            &m.host,
            "[data-event-id]:has(> button[tabindex='0'])",
            "data-event-id",
        )
    };
    assert_eq!(expanded("summer").as_deref(), Some("false"));
    assert_eq!(tab_stops(), ["carrier"], "the first label is the tab stop");
    button_of(&m.host, "summer").click();
    settle().await;
    assert_eq!(m.open_card().as_deref(), Some("summer"));
    // The label's row is kept and updated in place.
    assert_eq!(expanded("summer").as_deref(), Some("true"));
    assert_eq!(tab_stops(), ["summer"], "the tab stop follows the click");
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
    assert_eq!(m.open_card(), None);
    assert_eq!(expanded("summer").as_deref(), Some("false"));
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
    let fitted = m.state.window_untracked();
    let track = m.track();
    key(&track, "+");
    let zoomed = m.state.window_untracked();
    assert!(
        zoomed.end() - zoomed.start() < fitted.end() - fitted.start(),
        "+ zooms in"
    );
    key(&track, "PageDown");
    let panned = m.state.window_untracked();
    assert!(panned.start() > zoomed.start(), "PageDown moves later");
    assert!(
        ((panned.end() - panned.start()) - (zoomed.end() - zoomed.start())).abs() < 1.0,
        "panning keeps the span"
    );
    key(&track, "0");
    assert_eq!(m.state.window_untracked(), fitted, "0 fits");
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
    let fitted = m.state.window_untracked();
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
    assert_eq!(m.state.window_untracked(), fitted);
    settle().await;
    assert!(
        m.host
            .query_selector(".nt-hint--visible")
            .expect("selector")
            .is_some(),
        "and shows the hint"
    );
    assert!(wheel(true), "ctrl + wheel is the widget's");
    let zoomed = m.state.window_untracked();
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
    assert_eq!(m.state.filter_untracked().tags, ["military"]);
    assert_eq!(chip.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(
        attrs(&m.host, "[data-event-id]", "data-event-id"),
        ["carrier", "drone"]
    );
    assert_eq!(texts(&m.host, ".nt-filters__status"), ["2 of 4 events"]);
    m.state.set_filter(Filter {
        query: Some("TEHERAN".into()),
        ..Filter::default()
    });
    settle().await;
    assert_eq!(
        attrs(&m.host, "[data-event-id]", "data-event-id"),
        ["drone"]
    );
    // Every title has an "e" (Téhéran's folded): all events pass, and the
    // labels still show the new query's marks.
    let marked = |m: &Mounted| {
        m.host
            .query_selector_all(".nt-event__title:has(mark)")
            .expect("selector")
            .length()
    };
    m.state.set_filter(Filter {
        query: Some("e".into()),
        ..Filter::default()
    });
    settle().await;
    assert_eq!(attrs(&m.host, "[data-event-id]", "data-event-id").len(), 4);
    assert_eq!(marked(&m), 4);
    m.state.set_filter(Filter::default());
    settle().await;
    assert_eq!(marked(&m), 0, "no query, no marks");
    m.state.set_filter(Filter {
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
    assert_eq!(m.state.filter_untracked(), Filter::default());
    m.host.remove();
}

#[wasm_bindgen_test]
async fn the_card_steps_through_the_shown_events() {
    let m = mount_view(TAGGED, None, false);
    settle().await;
    m.state.set_filter(Filter {
        tags: vec!["shipping".into()],
        ..Filter::default()
    });
    m.state.select(Some("tankers")).expect("a known event");
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
        m.open_card().as_deref(),
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
        None,
        0,
        false,
        JsValue::UNDEFINED,
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
    let problems: js_sys::Array = embed::get_problems(id).expect("live").unchecked_into();
    assert_eq!(problems.length(), 1);

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
        None,
        0,
        false,
        JsValue::UNDEFINED,
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
        None,
        0,
        false,
        JsValue::UNDEFINED,
        recorder(),
    )
    .expect("mounts");
    tick().await;
    let before = emitted().len();
    embed::set_window(id, "2019-06".into(), "2019-06".into()).expect("valid window");
    let window = embed::get_window(id).expect("live");
    assert_eq!(
        js_sys::JSON::stringify(&window)
            .map(String::from)
            .unwrap_or_default(),
        r#"{"start":"2019-06-01T00:00:00.000Z","end":"2019-07-01T00:00:00.000Z"}"#
    );
    settle().await;
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

    // Many changes in one frame are announced once, with the last window.
    embed::set_window(id, "2019-05".into(), "2019-05".into()).expect("valid window");
    embed::set_window(id, "2019-06".into(), "2019-07".into()).expect("valid window");
    embed::set_window(id, "2019-06".into(), "2019-06".into()).expect("valid window");
    settle().await;
    assert_eq!(
        emitted().len(),
        before + 1,
        "back where it was: nothing to announce"
    );
    embed::set_window(id, "2019-05".into(), "2019-05".into()).expect("valid window");
    embed::set_window(id, "2019-06".into(), "2019-07".into()).expect("valid window");
    settle().await;
    assert_eq!(
        emitted()[before + 1..],
        [r#"["rangechange","2019-06-01T00:00:00.000Z","2019-08-01T00:00:00.000Z"]"#]
    );
    embed::set_window(id, "2019-06".into(), "2019-06".into()).expect("valid window");

    let refused =
        embed::set_window(id, "2019-07".into(), "2019-06".into()).expect_err("empty window");
    assert_eq!(
        error_message(refused),
        r#"setWindow: the end "2019-06" must be after the start "2019-07""#
    );
    let visible: Vec<String> = embed::get_visible_events(id).expect("live");
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
        None,
        0,
        false,
        JsValue::UNDEFINED,
        recorder(),
    )
    .expect_err("an <ol> has no shadow root");
    assert!(error_message(refused).starts_with("target: a <ol> element cannot host the timeline"));
    let host = fresh_host();
    let refused = embed::mount(
        &host,
        Some("42".to_owned()),
        None,
        0,
        false,
        JsValue::UNDEFINED,
        recorder(),
    )
    .expect_err("not a document");
    assert_eq!(
        error_message(refused),
        r#"data: expected an object with an "events" array, or an array of events, but found a number"#
    );
    let refused = embed::mount(&host, None, None, 0, false, JsValue::UNDEFINED, recorder())
        .expect_err("undefined");
    assert!(error_message(refused).ends_with("but found undefined"));
    host.remove();
}

/// Waits `ms` milliseconds, for animations to finish.
fn span(window: Window) -> f64 {
    window.end() - window.start()
}

/// 600 events one minute apart on one day, all titled.
fn crowded_day() -> String {
    let events: Vec<String> = (0..600)
        .map(|i| {
            format!(
                r#"{{"id": "c{i}", "start": "2019-06-10T{:02}:{:02}:00Z", "title": "Crowded {i}"}}"#,
                i / 60,
                i % 60
            )
        })
        .collect();
    format!("[{}]", events.join(","))
}

#[wasm_bindgen_test]
async fn crowded_events_collapse_into_clusters_that_zoom_in() {
    let m = mount_view(&crowded_day(), None, false);
    settle().await;
    let labels = texts(&m.host, ".nt-event").len();
    let clusters = texts(&m.host, ".nt-cluster");
    let clustered: usize = clusters
        .iter()
        .map(|c| c.trim_start_matches('+').parse::<usize>().expect("a count"))
        .sum();
    assert!(labels > 0 && labels < 100, "{labels} labels");
    assert_eq!(
        labels + clustered,
        600,
        "every event is labelled or counted"
    );

    // A smaller zoom rewrites the badges in place: the counts still add
    // up, and each badge says its own count.
    let whole = m.state.window_untracked();
    let cut = span(whole) / 10.0;
    let narrower = Window::new(whole.start() + cut, whole.end() - cut).expect("window");
    m.state.set_window(narrower);
    settle().await;
    let shown = m
        .state
        .data_untracked()
        .timeline
        .events
        .iter()
        .filter(|e| narrower.intersects(e.start_ms(), e.end_ms()))
        .count();
    let clustered: usize = texts(&m.host, ".nt-cluster")
        .iter()
        .map(|c| c.trim_start_matches('+').parse::<usize>().expect("a count"))
        .sum();
    assert!(clustered > 0, "still crowded");
    assert_eq!(texts(&m.host, ".nt-event").len() + clustered, shown);
    let badges = m.host.query_selector_all(".nt-cluster").expect("selector");
    for i in 0..badges.length() {
        let badge: Element = badges.item(i).expect("badge").unchecked_into();
        let count = badge.text_content().unwrap_or_default();
        let label = badge.get_attribute("aria-label").unwrap_or_default();
        let n = count.trim_start_matches('+');
        let events = if n == "1" { "event" } else { "events" };
        assert_eq!(label, format!("{n} more {events}: zoom in"));
        assert_eq!(badge.get_attribute("title"), Some(label));
    }

    let before = m.state.window_untracked();
    let first: HtmlElement = m
        .host
        .query_selector(".nt-cluster")
        .expect("selector")
        .expect("a cluster")
        .unchecked_into();
    first.click();
    sleep(400).await;
    let after = m.state.window_untracked();
    assert!(
        span(after) < span(before) / 4.0,
        "the cluster zoomed in: {} → {}",
        span(before),
        span(after)
    );
    m.host.remove();
}

fn press(target: &Element, kind: &str, client_x: i32) {
    let init = web_sys::PointerEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_pointer_id(7);
    init.set_pointer_type("mouse");
    init.set_is_primary(true);
    init.set_client_x(client_x);
    let event = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn the_overview_strip_shows_density_and_moves_the_window() {
    let m = mount_view(&crowded_day(), None, false);
    m.state
        .set_window(Window::from_iso("2019-06-10T00:00Z", "2019-06-10T01:00Z").expect("window"));
    settle().await;
    let strip = m
        .host
        .query_selector(".nt-overview")
        .expect("selector")
        .expect("the overview strip");
    let path = m
        .host
        .query_selector(".nt-overview__density path")
        .expect("selector")
        .expect("a density path")
        .get_attribute("d")
        .unwrap_or_default();
    assert!(
        path.starts_with('M') && path.matches('z').count() > 1,
        "{path}"
    );

    // The rectangle marks the first hour of ten at the strip's left.
    let rect = strip.get_bounding_client_rect();
    let window_box = m
        .host
        .query_selector(".nt-overview__window")
        .expect("selector")
        .expect("the window rectangle")
        .get_bounding_client_rect();
    assert!(window_box.width() < rect.width() / 4.0);
    assert!(window_box.left() < rect.left() + rect.width() / 4.0);

    // Pressing the far right jumps there; dragging moves on from there.
    let before = m.state.window_untracked();
    let right = (rect.left() + rect.width() * 0.9) as i32;
    press(&strip, "pointerdown", right);
    settle().await;
    let jumped = m.state.window_untracked();
    assert!(jumped.start() > before.start() + 5.0 * 3_600_000.0);
    assert_eq!(span(jumped), span(before), "jumping keeps the zoom");
    press(&strip, "pointermove", right - (rect.width() * 0.1) as i32);
    press(&strip, "pointerup", right - (rect.width() * 0.1) as i32);
    settle().await;
    assert!(m.state.window_untracked().start() < jumped.start());
    m.host.remove();
}
