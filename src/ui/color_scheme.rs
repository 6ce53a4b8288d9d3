//! Light or dark: the `theme` option, and for "auto" the reader's system
//! setting, followed live when it changes (evening mode switching on).

use crate::ui::dom::listen;
use crate::ui::reactive::Source;
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
/// query until the current owner is disposed.
pub fn use_dark(theme: Theme) -> Source<bool> {
    let dark = Source::new(theme == Theme::Dark);
    if theme == Theme::Auto {
        let query = web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
        if let Some(query) = query {
            dark.set(query.matches());
            listen(&query, "change", move |ev| {
                dark.set(ev.unchecked_ref::<web_sys::MediaQueryListEvent>().matches());
            });
        }
    }
    dark
}
