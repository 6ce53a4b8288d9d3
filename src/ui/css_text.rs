//! An element's whole inline style as one value, written through the
//! CSSOM (`style.cssText`), which a strict Content-Security-Policy allows
//! where a `style="…"` attribute is refused.
//!
//! A label row's box is several declarations (transform, width,
//! z-index): one value sets them in one call into the page when the row is
//! built, and `style.cssText` replaces them in one call when it moves.

use leptos::tachys::html::style::IntoStyle;
use leptos::tachys::renderer::types::{CssStyleDeclaration, Element};
use leptos::tachys::renderer::Rndr;

/// Declarations as in a style attribute: `"left:4px;height:36px"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CssText(pub String);

impl IntoStyle for CssText {
    type AsyncOutput = Self;
    /// The element's style and the text last written to it.
    type State = (CssStyleDeclaration, String);
    type Cloneable = Self;
    type CloneableOwned = Self;

    fn to_html(self, style: &mut String) {
        style.push_str(&self.0);
        style.push(';');
    }

    fn hydrate<const FROM_SERVER: bool>(self, el: &Element) -> Self::State {
        (Rndr::style(el), self.0)
    }

    fn build(self, el: &Element) -> Self::State {
        let style = Rndr::style(el);
        style.set_css_text(&self.0);
        (style, self.0)
    }

    fn rebuild(self, state: &mut Self::State) {
        if state.1 != self.0 {
            state.0.set_css_text(&self.0);
            state.1 = self.0;
        }
    }

    fn into_cloneable(self) -> Self::Cloneable {
        self
    }

    fn into_cloneable_owned(self) -> Self::CloneableOwned {
        self
    }

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self::AsyncOutput {
        self
    }

    fn reset(state: &mut Self::State) {
        state.0.set_css_text("");
        state.1.clear();
    }
}
