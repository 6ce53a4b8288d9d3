//! The wasm-bindgen boundary the loader (`www/news-timeline.js`) calls.
//!
//! Thin on purpose: it converts JS values, delegates to `core` and the
//! widget's [`TimelineState`], and turns every failure into a JS `Error`
//! (no function here may panic: a panic in wasm breaks every widget
//! sharing the instance). The public `Handle` object is built by the
//! loader on top of these functions; widgets live in a Rust-side
//! [`registry`] keyed by a number, so nothing depends on wasm-bindgen
//! objects surviving JS garbage collection.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod convert;
mod filter;
mod options;
mod pieces;
mod registry;
mod shadow;

use crate::core::import::parse_csv_document;
use crate::core::json::{self, Value};
use crate::core::merge::Change;
use crate::core::model::Problem;
use crate::core::window::Window;
use crate::ui::dom::{after_frame, watch};
use crate::ui::state::{Settings, TimelineState};
use convert::{kind_of, to_js};
use filter::{read_filter, FilterShape};
use js_sys::Function;
use leptos::prelude::*;
use options::Options;
use registry::Instance;
use serde::Serialize;
use std::rc::Rc;
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
    options: JsValue,
    emit: Function,
) -> Result<u32, JsError> {
    let options = Options::read(options)?;
    let mut view = options.view;
    // A `dir` on the host or around it overrides the language's direction.
    view.dir = host
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
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let state = owner.with(|| {
        let settings = Settings {
            min_span_ms: options.min_span_ms,
            now: js_sys::Date::now,
            lanes: options.lanes,
            color: crate::ui::colors::resolve_color,
            follow: options.follow,
        };
        let state = TimelineState::with_options(
            parsed,
            settings,
            options.notices,
            &options.opening,
            options.time_zone,
        );
        crate::ui::mount(&container, state, &view);
        emit_changes(state, emit);
        state
    });
    Ok(registry::insert(Instance {
        shadow,
        container,
        state,
        owner,
    }))
}

/// A change of a widget's data, as `how` says: 0 `setEvents(data)` (see
/// [`TimelineState::replace_data`]); 1 `addEvents(events)`, `data` being
/// `{"events": [...]}` ([`TimelineState::add_events`]); 2 `reload()` and
/// `refresh`, the file read again, CSV when `csv`
/// ([`TimelineState::reload`]); 3 `removeEvents(ids)`, `data` being the
/// ids as a JSON array of strings (the loader checked them); 4 a refresh
/// failed, `data` saying why, or with `null` one succeeded
/// ([`TimelineState::refresh_failed`]). One entry point for all: each
/// function the wasm exports costs its own glue. Returns `datachange`'s
/// detail with the problems the change brought, for the loader's
/// `warning`: an addition's (at paths in the given array); a reload's
/// when they differ from the old data's; none for `setEvents` (the
/// loader reports all of `getProblems()` then).
#[wasm_bindgen(js_name = changeEvents)]
pub fn change_events(
    id: u32,
    how: u8,
    data: Option<String>,
    pieces: Option<Function>,
    total: u32,
    csv: bool,
) -> Result<JsValue, JsError> {
    let state = registry::state(id)?;
    match how {
        3 => {
            let ids = match data.as_deref().map(json::parse) {
                Some(Ok(Value::Array(items))) => items
                    .into_iter()
                    .filter_map(|id| match id {
                        Value::String(id) => Some(id),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let change = Change {
                removed: state.remove_events(&ids),
                ..Change::default()
            };
            return Ok(to_js(&ChangeShape::of(&change, &[])));
        }
        4 => {
            state.refresh_failed(data.map(|message| Problem {
                path: "src".to_owned(),
                message,
            }));
            return Ok(JsValue::UNDEFINED);
        }
        _ => {}
    }
    let parsed = if csv {
        parse_csv_document(data.as_deref().unwrap_or_default())
    } else {
        pieces::parse_json(data, pieces, total)
    };
    let parsed = parsed.map_err(|e| {
        let during = if how == 1 { "addEvents: " } else { "" };
        JsError::new(&[during, &e.to_string()].concat())
    })?;
    let old = state.data_untracked();
    let change = match how {
        0 => state.replace_data(parsed),
        1 => state.add_events(parsed),
        _ => state.reload(parsed),
    };
    let data = state.data_untracked();
    let problems: &[Problem] = match how {
        0 => &[],
        1 => data.problems.get(old.problems.len()..).unwrap_or_default(),
        _ if data.problems == old.problems => &[],
        _ => &data.problems,
    };
    Ok(to_js(&ChangeShape::of(&change, problems)))
}

/// `handle.getWindow()`: `{start, end}` as UTC ISO strings.
#[wasm_bindgen(js_name = getWindow)]
pub fn get_window(id: u32) -> Result<JsValue, JsError> {
    let state = registry::state(id)?;
    Ok(to_js(&WindowShape::of(state, state.window_untracked())))
}

/// `handle.setWindow(start, end)`: exactly those instants, a partial end
/// covering its whole period.
#[wasm_bindgen(js_name = setWindow)]
pub fn set_window(id: u32, start: JsValue, end: JsValue) -> Result<(), JsError> {
    let state = registry::state(id)?;
    let (Some(start), Some(end)) = (start.as_string(), end.as_string()) else {
        return Err(JsError::new(&format!(
            "setWindow: expected two ISO 8601 strings such as \"2019-06\", but found {} and {}",
            kind_of(&start),
            kind_of(&end)
        )));
    };
    let window = state
        .with_zone(|zone| Window::from_iso_in(&start, &end, zone))
        .map_err(|e| JsError::new(&format!("setWindow: {e}")))?;
    state.set_window(window);
    Ok(())
}

/// `handle.getVisibleEvents()`: ids of the shown events in the window, in
/// time order.
#[wasm_bindgen(js_name = getVisibleEvents)]
pub fn get_visible_events(id: u32) -> Result<Vec<String>, JsError> {
    let state = registry::state(id)?;
    let window = state.window_untracked();
    Ok(window
        .visible(&state.shown_untracked().timeline)
        .map(|e| e.id.clone())
        .collect())
}

/// `handle.setFilter({query, tags, from, to, minImportance})`: replaces
/// the whole filter; from/to are partial dates covering their whole
/// period.
#[wasm_bindgen(js_name = setFilter)]
pub fn set_filter(id: u32, filter: JsValue) -> Result<(), JsError> {
    let state = registry::state(id)?;
    state.set_filter(read_filter(filter)?);
    Ok(())
}

/// `handle.getFilter()`: the criteria in `setFilter`'s shape, `null` for
/// no constraint.
#[wasm_bindgen(js_name = getFilter)]
pub fn get_filter(id: u32) -> Result<JsValue, JsError> {
    Ok(to_js(&FilterShape::of(
        &registry::state(id)?.filter_untracked(),
    )))
}

/// `handle.fit()`: shows every shown event.
#[wasm_bindgen]
pub fn fit(id: u32) -> Result<(), JsError> {
    registry::state(id)?.fit();
    Ok(())
}

/// `handle.select(id | null)`: opens an event's card (the window pans to
/// it if it is outside) or closes the card.
#[wasm_bindgen]
pub fn select(id: u32, event_id: JsValue) -> Result<(), JsError> {
    let state = registry::state(id)?;
    let event_id = match event_id.as_string() {
        Some(event_id) => Some(event_id),
        None if event_id.is_null() || event_id.is_undefined() => None,
        None => {
            return Err(JsError::new(&format!(
                "select: expected an event id (a string) or null, but found {}",
                kind_of(&event_id)
            )))
        }
    };
    state
        .select(event_id.as_deref())
        .map_err(|e| JsError::new(&format!("select: {e}")))
}

/// `handle.getProblems()`: `[{path, message}]` for the current data.
#[wasm_bindgen(js_name = getProblems)]
pub fn get_problems(id: u32) -> Result<JsValue, JsError> {
    let problems = untrack(|| registry::state(id).map(|state| state.problems()))?;
    Ok(to_js(&ProblemShape::all(&problems)))
}

/// `handle.destroy()`: unmounts and frees everything; unknown ids are a
/// no-op so a second `destroy()` is harmless.
#[wasm_bindgen]
pub fn destroy(id: u32) {
    if let Some(instance) = registry::remove(id) {
        let Instance {
            shadow,
            container,
            owner,
            ..
        } = instance;
        drop(owner);
        container.remove();
        // A widget mounted again on the same host already holds the shadow
        // root (the loader destroys the old one a microtask later).
        if shadow.child_element_count() == 0 {
            shadow::release(&shadow);
        }
    }
}

/// The window in the API's shape: UTC ISO 8601 instants.
#[derive(Serialize)]
struct WindowShape {
    start: String,
    end: String,
}

impl WindowShape {
    /// `window`'s instants (its positions are wall-clock times of the
    /// state's zone).
    fn of(state: TimelineState, window: Window) -> WindowShape {
        let (start, end) = state.with_zone(|zone| window.iso_in(zone));
        WindowShape { start, end }
    }
}

/// A validation problem in the API's shape.
#[derive(Serialize)]
struct ProblemShape<'a> {
    path: &'a str,
    message: &'a str,
}

impl ProblemShape<'_> {
    fn all(problems: &[Problem]) -> Vec<ProblemShape<'_>> {
        problems
            .iter()
            .map(|p| ProblemShape {
                path: &p.path,
                message: &p.message,
            })
            .collect()
    }
}

/// `datachange`'s detail, with the problems the change brought (for the
/// loader's `warning`).
#[derive(Serialize)]
struct ChangeShape<'a> {
    added: &'a Vec<String>,
    updated: &'a Vec<String>,
    removed: &'a Vec<String>,
    problems: Vec<ProblemShape<'a>>,
}

impl<'a> ChangeShape<'a> {
    fn of(change: &'a Change, problems: &'a [Problem]) -> ChangeShape<'a> {
        ChangeShape {
            added: &change.added,
            updated: &change.updated,
            removed: &change.removed,
            problems: ProblemShape::all(problems),
        }
    }
}

/// `select`'s detail: the event whose card opened, or `null`.
#[derive(Serialize)]
struct SelectDetail<'a> {
    id: Option<&'a str>,
}

/// `filterchange`'s detail: the filter and how many events pass it.
#[derive(Serialize)]
struct FilterDetail {
    filter: FilterShape,
    count: usize,
}

/// Tells the page about window, selection and filter changes after mount
/// (the initial state is not announced). The effects run after the
/// change, never inside a registry borrow.
fn emit_changes(state: TimelineState, emit: Function) {
    let emit = Rc::new(emit);
    let send = move |name: &str, detail: JsValue| {
        let _ = emit.call2(&JsValue::NULL, &JsValue::from_str(name), &detail);
    };
    {
        let send = send.clone();
        watch(
            move || {
                state.filter();
            },
            move || {
                let detail = FilterDetail {
                    filter: FilterShape::of(&state.filter_untracked()),
                    count: state.shown_untracked().timeline.events.len(),
                };
                send("filterchange", to_js(&detail));
            },
        );
    }
    // Window changes are announced once per frame at most, with the
    // window the frame shows: a drag or a glide sets it many times a frame.
    {
        let send = send.clone();
        let announced = Rc::new(std::cell::Cell::new(state.window_untracked()));
        let queued = Rc::new(std::cell::Cell::new(false));
        watch(
            move || {
                state.window();
            },
            move || {
                if queued.replace(true) {
                    return;
                }
                let (announced, queued, send) = (announced.clone(), queued.clone(), send.clone());
                after_frame(move || {
                    queued.set(false);
                    if !state.is_alive() {
                        return;
                    }
                    let current = state.window_untracked();
                    if announced.replace(current) != current {
                        send("rangechange", to_js(&WindowShape::of(state, current)));
                    }
                });
            },
        );
    }
    // Opening a card, or stepping to another event in it, selects; closing
    // it selects nothing.
    let mut announced: Option<String> = None;
    watch(
        move || {
            state.selection();
        },
        move || {
            let selection = state.selection_untracked();
            let now = selection.id.filter(|_| selection.open);
            if now != announced {
                send("select", to_js(&SelectDetail { id: now.as_deref() }));
                announced = now;
            }
        },
    );
}
