//! The time zones' browser side, in headless Chromium: offsets read from
//! Intl, the zone's name in the reader's language, and the caption that
//! names it under the track.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use news_timeline::core::date::PartialDate;
use news_timeline::core::import::parse_document;
use news_timeline::core::window::Opening;
use news_timeline::core::zone::TimeZone;
use news_timeline::ui::intl::{time_zone, zone_label, DateFormatter};
use news_timeline::ui::state::{Settings, TimelineState};
use news_timeline::ui::{mount, ViewOptions};
use wasm_bindgen_test::*;

mod common;
use common::{fresh_host, start_executor};

wasm_bindgen_test_configure!(run_in_browser);

fn ms(text: &str) -> f64 {
    PartialDate::parse(text).expect("a date").start_ms()
}

#[wasm_bindgen_test]
fn reads_new_york_s_offsets_from_intl_on_both_sides_of_its_changes() {
    let (zone, name) = time_zone(Some("america/new_york")).expect("a zone Intl knows");
    assert_eq!(name, "America/New_York");
    let TimeZone::Varying(offsets) = zone else {
        panic!("New York's offset varies");
    };
    assert_eq!(offsets.at(ms("2019-03-10T06:59Z")), -300);
    assert_eq!(offsets.at(ms("2019-03-10T07:00Z")), -240);
    assert_eq!(offsets.at(ms("2019-11-03T05:59Z")), -240);
    assert_eq!(offsets.at(ms("2019-11-03T06:00Z")), -300);
    // Before standard time: local mean time, to the minute.
    assert_eq!(offsets.at(ms("1870-01-01T00:00Z")), -296);
    // Beyond a JS Date: the offset at its end, never an exception.
    assert_eq!(offsets.at(-1e20), offsets.at(-8.64e15));
}

#[wasm_bindgen_test]
fn utc_is_a_fixed_zone_and_unknown_names_are_refused() {
    assert!(matches!(
        time_zone(Some("Etc/UTC")),
        Some((TimeZone::Fixed(0), _))
    ));
    assert!(time_zone(Some("Mars/Olympus")).is_none());
    assert!(time_zone(Some("")).is_none());
    assert!(time_zone(None).is_some_and(|(_, name)| !name.is_empty()));
    let (tehran, _) = time_zone(Some("Asia/Tehran")).expect("Tehran");
    let TimeZone::Varying(offsets) = tehran else {
        panic!("Tehran had summer time until 2022");
    };
    assert_eq!(offsets.at(ms("2023-01-01T00:00Z")), 210);
}

#[wasm_bindgen_test]
fn names_the_zone_in_the_reader_s_language() {
    let en = DateFormatter::new("en");
    let eastern = en.zone_name("America/New_York");
    assert_eq!(eastern.as_deref(), Some("Eastern Time"));
    assert_eq!(
        zone_label(eastern.as_deref(), -240),
        "Eastern Time (UTC\u{2212}4)"
    );
    assert_eq!(zone_label(None, 270), "UTC+4:30");
    // A zone without a name of its own is its offset.
    assert_eq!(en.zone_name("Etc/GMT+5"), None);
    let de = DateFormatter::new("de");
    assert_eq!(
        de.zone_name("Europe/Berlin").as_deref(),
        Some("Mitteleuropäische Zeit")
    );
}

/// Mounts `text` in `zone` and returns the host once it is drawn.
async fn mounted(
    text: &str,
    zone: TimeZone,
    zone_name: Option<&str>,
) -> (web_sys::HtmlElement, Owner) {
    start_executor();
    let host = fresh_host();
    host.style().set_property("width", "900px").expect("width");
    let parsed = parse_document(text).expect("valid");
    let owner = Owner::new();
    owner.with(|| {
        let state = TimelineState::with_options(
            parsed,
            Settings::default(),
            Vec::new(),
            &Opening::default(),
            zone,
        );
        mount(
            &host,
            state,
            &ViewOptions {
                lang: "en-GB".to_owned(),
                height: 420.0,
                zone_name: zone_name.map(str::to_owned),
                ..ViewOptions::default()
            },
        );
    });
    tick().await;
    (host, owner)
}

fn caption(host: &web_sys::HtmlElement) -> Option<String> {
    host.query_selector(".nt-timeline__zone:not([hidden])")
        .expect("selector")
        .and_then(|c| c.text_content())
}

#[wasm_bindgen_test]
async fn the_zone_is_named_once_when_the_data_has_times_of_day() {
    let times = r#"[{"id": "a", "start": "2019-05-05T14:30+04:30", "title": "Talks open"},
                    {"id": "b", "start": "2019-05-05T18:00+04:30", "title": "Talks close"}]"#;
    let (host, _owner) = mounted(times, TimeZone::Auto, None).await;
    assert_eq!(caption(&host).as_deref(), Some("Times in UTC+4:30"));
    // Shown as written: the data's offset is the widget's zone.
    let dates: Vec<String> = {
        let nodes = host
            .query_selector_all(".nt-event__date")
            .expect("selector");
        (0..nodes.length())
            .filter_map(|i| nodes.item(i))
            .filter_map(|n| n.text_content())
            .collect()
    };
    assert_eq!(dates, ["5 May 2019 at 14:30", "5 May 2019 at 18:00"]);

    let days = r#"[{"start": "2019-05-05", "title": "a"}, {"start": "2019-05-09", "title": "b"}]"#;
    let (host, _owner) = mounted(days, TimeZone::Auto, None).await;
    assert_eq!(caption(&host), None, "calendar dates have no zone");

    let (zone, name) = time_zone(Some("America/New_York")).expect("New York");
    let (host, _owner) = mounted(times, zone, Some(&name)).await;
    assert_eq!(
        caption(&host).as_deref(),
        Some("Times in Eastern Time (UTC\u{2212}4)")
    );
}
