use crate::core::filter::highlight_segments;
use leptos::prelude::*;

/// Text with the reader's search matches marked, so a reader sees why an
/// event passed the search ("tanker" in "Oil tankers attacked").
#[component]
pub fn Highlight(
    /// The text as shown.
    text: String,
    /// The folded search query; `None` marks nothing.
    #[prop(into)]
    query: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        let query = query.get().unwrap_or_default();
        highlight_segments(&text, &query)
            .into_iter()
            .map(|(run, hit)| {
                let run = run.to_owned();
                if hit {
                    view! { <mark class="nt-mark">{run}</mark> }.into_any()
                } else {
                    run.into_any()
                }
            })
            .collect_view()
    }
}
