//! The wasm-bindgen boundary the loader (`www/news-timeline.js`) calls.
//!
//! Thin on purpose: it converts JS values, delegates to `core` and `ui`, and
//! turns every failure into a JS `Error` (no function here may panic: a
//! panic in wasm breaks every widget sharing the instance). The public
//! `Handle` object is built by the loader on top of these functions; widgets
//! live in a Rust-side [`registry`] keyed by a number, so nothing depends on
//! wasm-bindgen objects surviving JS garbage collection.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod options;
mod pieces;
mod registry;
mod shadow;

use crate::core::date::PartialDate;
use crate::core::filter::Filter;
use crate::core::import::parse_csv_document;
use crate::core::model::Problem;
use crate::core::window::Window;
use crate::ui::{shown_timeline, use_search_index, TimelineView};
use js_sys::{Array, Function, Object, Reflect};
use leptos::prelude::*;
use options::Options;
use registry::{Controls, Instance};
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// The package version, so pages and bug reports can name what they run.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Mounts a widget into `host`'s shadow root and returns its registry id.
/// `data` is the document as JSON text (`None` for JS `undefined`; with
/// `pieces`, its text with an empty events array, see `pieces.rs`), or a
/// TimelineJS3 spreadsheet when `csv`; `emit` receives `(name, detail)` for
/// events that start inside the widget.
#[wasm_bindgen]
pub fn mount(
    host: &Element,
    data: Option<String>,
    pieces: Option<Function>,
    total: u32,
    csv: bool,
    options: &JsValue,
    emit: Function,
) -> Result<u32, JsError> {
    let options = Options::read(options)?;
    // A `dir` on the host or around it overrides the language's direction.
    let dir = host
        .closest("[dir]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("dir"));
    let parsed = if csv {
        parse_csv_document(data.as_deref().unwrap_or_default())
    } else {
        pieces::parse_json(data, pieces, total)
    }
    .map_err(|e| JsError::new(&e.to_string()))?;
    let shadow = shadow::prepare(host)?;
    let container = shadow::container(&shadow)?;
    let initial_window = Window::fit(&parsed.timeline, js_sys::Date::now());
    let controls = std::rc::Rc::new(std::cell::Cell::new(None));
    let controls_out = controls.clone();
    let unmount = leptos::mount::mount_to(container.clone(), move || {
        let timeline = RwSignal::new(Arc::new(parsed.timeline));
        let problems = RwSignal::new(parsed.problems);
        let tags = RwSignal::new(parsed.tags);
        let window = RwSignal::new(initial_window);
        let selected = RwSignal::new(None::<String>);
        let filter = RwSignal::new(Filter::default());
        let search = use_search_index(timeline.into());
        let shown = shown_timeline(timeline.into(), filter.into(), search.into());
        let controls = Controls {
            timeline,
            problems,
            tags,
            window,
            selected,
            filter,
            shown,
        };
        controls_out.set(Some(controls));
        emit_changes(controls, emit);
        view! {
            <TimelineView
                timeline
                shown
                tags
                window
                selected
                filter
                title=options.title
                problems
                debug=options.debug
                lang=options.lang
                dir=dir
                height=options.height
                min_span_ms=options.min_span_ms
                theme=options.theme
                on_window=Callback::new(move |w| window.set(w))
                on_select=Callback::new(move |id| selected.set(id))
                on_filter=Callback::new(move |f| filter.set(f))
            />
        }
        .into_any()
    });
    let controls = controls
        .take()
        .ok_or_else(|| JsError::new("mount: the widget did not start"))?;
    Ok(registry::insert(Instance {
        shadow,
        container,
        controls,
        _unmount: unmount,
    }))
}

/// `handle.setEvents(data)`: replaces the data. The window stays where the
/// reader left it while it still shows some of the new events; otherwise
/// it fits the new data.
#[wasm_bindgen(js_name = setEvents)]
pub fn set_events(
    id: u32,
    data: Option<String>,
    pieces: Option<Function>,
    total: u32,
) -> Result<(), JsError> {
    let parsed =
        pieces::parse_json(data, pieces, total).map_err(|e| JsError::new(&e.to_string()))?;
    let controls = registry::controls(id)?;
    let window = controls.window.get_untracked();
    if window.visible(&parsed.timeline).next().is_none() {
        controls
            .window
            .set(Window::fit(&parsed.timeline, js_sys::Date::now()));
    }
    let still_there = controls
        .selected
        .get_untracked()
        .is_some_and(|id| parsed.timeline.events.iter().any(|e| e.id == id));
    if !still_there && controls.selected.get_untracked().is_some() {
        controls.selected.set(None);
    }
    controls.timeline.set(Arc::new(parsed.timeline));
    controls.problems.set(parsed.problems);
    controls.tags.set(parsed.tags);
    Ok(())
}

/// `handle.getWindow()`: `{start, end}` as UTC ISO strings.
#[wasm_bindgen(js_name = getWindow)]
pub fn get_window(id: u32) -> Result<Object, JsError> {
    let window = registry::controls(id)?.window.get_untracked();
    Ok(object(&[
        ("start", window.start_iso().into()),
        ("end", window.end_iso().into()),
    ]))
}

/// `handle.setWindow(start, end)`: exactly those instants, a partial end
/// covering its whole period.
#[wasm_bindgen(js_name = setWindow)]
pub fn set_window(id: u32, start: &str, end: &str) -> Result<(), JsError> {
    let window =
        Window::from_iso(start, end).map_err(|e| JsError::new(&format!("setWindow: {e}")))?;
    registry::controls(id)?.window.set(window);
    Ok(())
}

/// `handle.getVisibleEvents()`: ids of the events in the window, in time
/// order.
#[wasm_bindgen(js_name = getVisibleEvents)]
pub fn get_visible_events(id: u32) -> Result<Array, JsError> {
    let controls = registry::controls(id)?;
    let window = controls.window.get_untracked();
    Ok(controls.shown.with_untracked(|shown| {
        window
            .visible(shown)
            .map(|e| JsValue::from_str(&e.id))
            .collect()
    }))
}

/// `handle.setFilter({query, tags, from, to})`: replaces the whole filter
/// (the loader has checked the types); from/to are partial dates covering
/// their whole period.
#[wasm_bindgen(js_name = setFilter)]
pub fn set_filter(
    id: u32,
    query: Option<String>,
    tags: Option<Vec<String>>,
    from: Option<String>,
    to: Option<String>,
    min_importance: Option<u8>,
) -> Result<(), JsError> {
    let date = |name: &str, value: Option<String>| -> Result<Option<PartialDate>, JsError> {
        value
            .map(|v| {
                PartialDate::parse(&v).map_err(|e| JsError::new(&format!("setFilter: {name}: {e}")))
            })
            .transpose()
    };
    let filter = Filter {
        query,
        tags: tags.unwrap_or_default(),
        from: date("from", from)?,
        to: date("to", to)?,
        min_importance: min_importance.filter(|m| *m > 1),
    };
    registry::controls(id)?.filter.set(filter);
    Ok(())
}

/// `handle.getFilter()`: the criteria in `setFilter`'s shape, `null` for
/// no constraint.
#[wasm_bindgen(js_name = getFilter)]
pub fn get_filter(id: u32) -> Result<Object, JsError> {
    Ok(filter_object(
        &registry::controls(id)?.filter.get_untracked(),
    ))
}

/// `handle.fit()`: shows every event.
#[wasm_bindgen]
pub fn fit(id: u32) -> Result<(), JsError> {
    let controls = registry::controls(id)?;
    let window = controls
        .shown
        .with_untracked(|shown| Window::fit(shown, js_sys::Date::now()));
    controls.window.set(window);
    Ok(())
}

/// `handle.select(id | null)`: opens an event's card (the window pans to
/// it if it is outside) or closes the card.
#[wasm_bindgen]
pub fn select(id: u32, event_id: Option<String>) -> Result<(), JsError> {
    let controls = registry::controls(id)?;
    let Some(event_id) = event_id else {
        controls.selected.set(None);
        return Ok(());
    };
    let period = controls.timeline.with_untracked(|t| {
        t.events
            .iter()
            .find(|e| e.id == event_id)
            .map(|e| (e.start_ms(), e.end_ms()))
    });
    let (start, end) = period
        .ok_or_else(|| JsError::new(&format!("select: no event has the id \"{event_id}\"")))?;
    let window = controls.window.get_untracked();
    if !window.intersects(start, end) {
        controls
            .window
            .set(crate::core::scale::center_on(window, start));
    }
    controls.selected.set(Some(event_id));
    Ok(())
}

/// `handle.getProblems()`: `[{path, message}]` for the current data.
#[wasm_bindgen(js_name = getProblems)]
pub fn get_problems(id: u32) -> Result<Array, JsError> {
    let controls = registry::controls(id)?;
    Ok(controls.problems.with_untracked(|p| problems_array(p)))
}

/// `handle.destroy()`: unmounts and frees everything; unknown ids are a
/// no-op so a second `destroy()` is harmless.
#[wasm_bindgen]
pub fn destroy(id: u32) {
    if let Some(instance) = registry::remove(id) {
        let Instance {
            shadow,
            container,
            _unmount,
            ..
        } = instance;
        drop(_unmount);
        container.remove();
        // A widget mounted again on the same host already holds the shadow
        // root (the loader destroys the old one a microtask later).
        if shadow.child_element_count() == 0 {
            shadow::release(&shadow);
        }
    }
}

fn filter_object(filter: &Filter) -> Object {
    let optional = |v: Option<String>| v.map_or(JsValue::NULL, JsValue::from);
    let tags = if filter.tags.is_empty() {
        JsValue::NULL
    } else {
        filter
            .tags
            .iter()
            .map(|t| JsValue::from_str(t))
            .collect::<Array>()
            .into()
    };
    object(&[
        ("query", optional(filter.query.clone())),
        ("tags", tags),
        ("from", optional(filter.from.map(|d| d.to_string()))),
        ("to", optional(filter.to.map(|d| d.to_string()))),
        (
            "minImportance",
            filter
                .min_importance
                .filter(|m| *m > 1)
                .map_or(JsValue::NULL, JsValue::from),
        ),
    ])
}

/// Tells the page about window, selection and filter changes after mount
/// (each effect's first run is the initial state, which is not announced).
/// The effects run after the change, never inside a registry borrow.
fn emit_changes(controls: Controls, emit: Function) {
    let Controls {
        window,
        selected,
        filter,
        shown,
        ..
    } = controls;
    let emit = std::rc::Rc::new(emit);
    let send = move |name: &str, detail: Object| {
        let _ = emit.call2(&JsValue::NULL, &JsValue::from_str(name), &detail);
    };
    let send_range = send.clone();
    let send_filter = send.clone();
    Effect::new(move |previous: Option<()>| {
        let current = filter.get();
        if previous.is_some() {
            let count = shown.with_untracked(|t| t.events.len());
            send_filter(
                "filterchange",
                object(&[
                    ("filter", filter_object(&current).into()),
                    ("count", JsValue::from(count as u32)),
                ]),
            );
        }
    });
    // Window changes are announced once per frame at most, with the
    // window the frame shows: a drag or a glide sets it many times a frame.
    let announced = std::rc::Rc::new(std::cell::Cell::new(window.get_untracked()));
    let queued = std::rc::Rc::new(std::cell::Cell::new(false));
    Effect::new(move |previous: Option<()>| {
        window.track();
        if previous.is_none() || queued.replace(true) {
            return;
        }
        let (announced, queued, send_range) =
            (announced.clone(), queued.clone(), send_range.clone());
        request_animation_frame(move || {
            queued.set(false);
            let Some(current) = window.try_get_untracked() else {
                return;
            };
            if announced.replace(current) != current {
                send_range(
                    "rangechange",
                    object(&[
                        ("start", current.start_iso().into()),
                        ("end", current.end_iso().into()),
                    ]),
                );
            }
        });
    });
    Effect::new(move |previous: Option<Option<String>>| {
        let current = selected.get();
        if previous.is_some_and(|p| p != current) {
            let id = current.as_deref().map_or(JsValue::NULL, JsValue::from_str);
            send("select", object(&[("id", id)]));
        }
        current
    });
}

fn problems_array(problems: &[Problem]) -> Array {
    problems
        .iter()
        .map(|p| {
            JsValue::from(object(&[
                ("path", p.path.as_str().into()),
                ("message", p.message.as_str().into()),
            ]))
        })
        .collect()
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let target = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&target, &JsValue::from_str(key), value);
    }
    target
}
