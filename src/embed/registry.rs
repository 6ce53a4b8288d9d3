//! Live widgets by number. The loader's JS handles hold only the number,
//! so a handle dropped by the page's JS never frees a widget still on
//! screen, and a destroyed one is simply absent.

use crate::ui::state::TimelineState;
use leptos::prelude::Owner;
use std::cell::RefCell;
use wasm_bindgen::JsError;
use web_sys::{HtmlElement, ShadowRoot};

/// One mounted widget and what must be released with it.
pub struct Instance {
    pub shadow: ShadowRoot,
    pub container: HtmlElement,
    pub state: TimelineState,
    /// Owns every signal, binding, listener and timer of the widget:
    /// dropping it disposes them.
    pub owner: Owner,
}

/// A page holds a handful of widgets: a list is all the lookup needs
/// (a hash map would add its code to every reader's download).
#[derive(Default)]
struct Registry {
    next_id: u32,
    instances: Vec<(u32, Instance)>,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

/// Stores a new widget and returns its id.
pub fn insert(instance: Instance) -> u32 {
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        r.next_id = r.next_id.wrapping_add(1);
        let id = r.next_id;
        r.instances.push((id, instance));
        id
    })
}

/// The state of a live widget; an Error once it is destroyed. The borrow
/// ends before the caller acts, so JS called from reactive effects may use
/// the API again.
pub fn state(id: u32) -> Result<TimelineState, JsError> {
    REGISTRY
        .with(|r| {
            let r = r.borrow();
            r.instances
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, w)| w.state)
        })
        .ok_or_else(|| JsError::new("this timeline was destroyed; mount a new one"))
}

/// Takes a widget out; the caller drops it outside the registry borrow.
pub fn remove(id: u32) -> Option<Instance> {
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let at = r.instances.iter().position(|(i, _)| *i == id)?;
        Some(r.instances.swap_remove(at).1)
    })
}
