//! The shadow root each widget lives in: styles neither leak in nor out,
//! and under a strict CSP the styles arrive as a constructable stylesheet.

use crate::ui::STYLES;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsError};
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The host's open shadow root, created or reused (mounting again reuses
/// it), emptied and given the widget's stylesheet.
pub fn prepare(host: &Element) -> Result<ShadowRoot, JsError> {
    let shadow = match host.shadow_root() {
        Some(existing) => existing,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|_| {
                let tag = host.local_name();
                JsError::new(&format!(
                    "target: a <{tag}> element cannot host the timeline (it cannot have a shadow root); \
                     mount it on a <div>, <section>, <article> or a custom element"
                ))
            })?,
    };
    shadow.set_inner_html("");
    shadow.set_adopted_style_sheets(&Array::of1(&stylesheet()?.into()));
    Ok(shadow)
}

thread_local! {
    /// Parsed once (2-3 ms) and adopted by every widget on the page.
    static SHEET: std::cell::OnceCell<CssStyleSheet> = const { std::cell::OnceCell::new() };
}

/// The widget's stylesheet, shared: no widget changes it.
fn stylesheet() -> Result<CssStyleSheet, JsError> {
    if let Some(sheet) = SHEET.with(|cell| cell.get().cloned()) {
        return Ok(sheet);
    }
    let sheet = CssStyleSheet::new()
        .map_err(|_| JsError::new("this browser lacks constructable stylesheets"))?;
    sheet
        .replace_sync(&STYLES.concat())
        .map_err(|_| JsError::new("the widget's stylesheet was refused"))?;
    // Set only here, after the check above: it cannot be taken already.
    let _ = SHEET.with(|cell| cell.set(sheet.clone()));
    Ok(sheet)
}

/// The element the Leptos view is mounted into.
pub fn container(shadow: &ShadowRoot) -> Result<HtmlElement, JsError> {
    let document = shadow
        .owner_document()
        .ok_or_else(|| JsError::new("target: the element is not in a document"))?;
    let container = document
        .create_element("div")
        .map_err(|_| JsError::new("could not create the widget's container"))?
        .dyn_into::<HtmlElement>()
        .map_err(|_| JsError::new("could not create the widget's container"))?;
    container.set_class_name("nt-root");
    shadow
        .append_child(&container)
        .map_err(|_| JsError::new("could not attach the widget's container"))?;
    Ok(container)
}

/// Leaves the shadow root empty and unstyled after `destroy()`.
pub fn release(shadow: &ShadowRoot) {
    shadow.set_adopted_style_sheets(&Array::new());
}
