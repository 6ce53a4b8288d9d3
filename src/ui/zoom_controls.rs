use crate::ui::strings::use_text;
use leptos::prelude::*;

/// Zoom in, zoom out and show-all buttons, for readers without a wheel,
/// trackpad or keyboard shortcut.
#[component]
pub fn ZoomControls(
    /// Narrows the window around its middle.
    on_zoom_in: Callback<()>,
    /// Widens the window around its middle.
    on_zoom_out: Callback<()>,
    /// Shows every event.
    on_fit: Callback<()>,
) -> impl IntoView {
    let s = use_text().s;
    view! {
        <div class="nt-zoom" role="group" aria-label=s.zoom>
            <button
                type="button"
                class="nt-zoom__button"
                aria-label=s.zoom_in
                title=format!("{} (+)", s.zoom_in)
                on:click=move |_| on_zoom_in.run(())
            >
                "+"
            </button>
            <button
                type="button"
                class="nt-zoom__button"
                aria-label=s.zoom_out
                title=format!("{} (−)", s.zoom_out)
                on:click=move |_| on_zoom_out.run(())
            >
                "−"
            </button>
            <button
                type="button"
                class="nt-zoom__button nt-zoom__button--fit"
                title=format!("{} (0)", s.show_all_events)
                on:click=move |_| on_fit.run(())
            >
                {s.show_all}
            </button>
        </div>
    }
}
