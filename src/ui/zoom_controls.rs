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
    view! {
        <div class="nt-zoom" role="group" aria-label="Zoom">
            <button type="button" class="nt-zoom__button" aria-label="Zoom in" title="Zoom in (+)" on:click=move |_| on_zoom_in.run(())>
                "+"
            </button>
            <button type="button" class="nt-zoom__button" aria-label="Zoom out" title="Zoom out (−)" on:click=move |_| on_zoom_out.run(())>
                "−"
            </button>
            <button type="button" class="nt-zoom__button nt-zoom__button--fit" title="Show all events (0)" on:click=move |_| on_fit.run(())>
                "Show all"
            </button>
        </div>
    }
}
