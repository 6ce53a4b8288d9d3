//! Live widgets by number. The loader's JS handles hold only the number,
//! so a handle dropped by the page's JS never frees a widget still on
//! screen, and a destroyed one is simply absent.

use crate::core::filter::Filter;
use crate::core::model::{Problem, Timeline};
use crate::core::window::Window;
use leptos::mount::UnmountHandle;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsError;
use web_sys::{HtmlElement, ShadowRoot};

/// The source signals the JS API writes; everything else is derived.
#[derive(Clone, Copy)]
pub struct Controls {
    /// The validated events.
    pub timeline: RwSignal<Arc<Timeline>>,
    /// What validation reported for them.
    pub problems: RwSignal<Vec<Problem>>,
    /// Their tags with counts (`Parsed::tags`).
    pub tags: RwSignal<Vec<(String, usize)>>,
    /// The visible range.
    pub window: RwSignal<Window>,
    /// The event whose card is open.
    pub selected: RwSignal<Option<String>>,
    /// What the events are narrowed to.
    pub filter: RwSignal<Filter>,
    /// The events passing `filter` (`ui::shown_timeline`), shared by the
    /// view and the API.
    pub shown: Memo<Arc<Timeline>>,
}

/// One mounted widget and what must be released with it.
pub struct Instance {
    pub shadow: ShadowRoot,
    pub container: HtmlElement,
    pub controls: Controls,
    /// Dropping it unmounts the view and disposes its reactive owner.
    pub _unmount: UnmountHandle<AnyViewState>,
}

#[derive(Default)]
struct Registry {
    next_id: u32,
    instances: HashMap<u32, Instance>,
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
        r.instances.insert(id, instance);
        id
    })
}

/// The signals of a live widget; an Error once it is destroyed. The borrow
/// ends before the caller acts, so JS called from reactive effects may use
/// the API again.
pub fn controls(id: u32) -> Result<Controls, JsError> {
    REGISTRY
        .with(|r| r.borrow().instances.get(&id).map(|i| i.controls))
        .ok_or_else(|| JsError::new("this timeline was destroyed; mount a new one"))
}

/// Takes a widget out; the caller drops it outside the registry borrow.
pub fn remove(id: u32) -> Option<Instance> {
    REGISTRY.with(|r| r.borrow_mut().instances.remove(&id))
}
