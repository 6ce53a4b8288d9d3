use crate::ui::strings::use_text;
use leptos::prelude::*;

/// Copies a link that opens this event's card (`#event-<id>`), so a reader
/// can share the moment rather than the whole page.
#[component]
pub fn CopyLink(
    /// The event the link opens.
    id: String,
) -> impl IntoView {
    let s = use_text().s;
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let base = location.href().unwrap_or_default();
        let base = base.split('#').next().unwrap_or_default().to_owned();
        let link = format!("{base}#event-{}", js_sys::encode_uri_component(&id));
        let _ = window.navigator().clipboard().write_text(&link);
        copied.set(true);
        set_timeout(
            move || {
                copied.try_set(false);
            },
            std::time::Duration::from_millis(2000),
        );
    };
    view! {
        <p class="nt-card__share">
            <button type="button" class="nt-card__copy" on:click=copy>
                {s.copy_link}
            </button>
            <span class="nt-card__copied" role="status">
                {move || copied.get().then_some(s.link_copied)}
            </span>
        </p>
    }
}
