//! Light or dark: the `theme` option, and for "auto" the reader's system
//! setting, followed live when it changes (evening mode switching on).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The colours a page asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The option's value ("auto", "light", "dark"); `None` for others.
    pub fn parse(value: &str) -> Option<Theme> {
        match value {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// Whether to draw dark now. For [`Theme::Auto`] it listens to the media
/// query until the calling component is cleaned up.
pub fn use_dark(theme: Theme) -> Signal<bool> {
    match theme {
        Theme::Light => Signal::stored(false),
        Theme::Dark => Signal::stored(true),
        Theme::Auto => {
            let query = web_sys::window()
                .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
            let dark = RwSignal::new(query.as_ref().is_some_and(|q| q.matches()));
            if let Some(query) = query {
                let listener = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
                    move |ev: web_sys::MediaQueryListEvent| {
                        dark.try_set(ev.matches());
                    },
                );
                let function: js_sys::Function = listener
                    .as_ref()
                    .unchecked_ref::<js_sys::Function>()
                    .clone();
                let _ = query.add_event_listener_with_callback("change", &function);
                let kept = StoredValue::new_local(Some(listener));
                on_cleanup(move || {
                    let _ = query.remove_event_listener_with_callback("change", &function);
                    kept.try_update_value(Option::take);
                });
            }
            dark.into()
        }
    }
}
