use crate::core::filter::highlight_segments;
use leptos::either::Either;
use leptos::prelude::*;

/// Text with the reader's search matches marked, so a reader sees why an
/// event passed the search ("tanker" in "Oil tankers attacked").
///
/// Not reactive: a new query rebuilds it (the track keys its rows by the
/// query), so the labels a pan or zoom adds cost no effect each.
#[component]
pub fn Highlight(
    /// The text as shown.
    text: String,
    /// The folded search query; `None` marks nothing.
    query: Option<String>,
) -> impl IntoView {
    match query.filter(|q| !q.is_empty()) {
        // Without a search (the usual case) the text is all there is: no
        // segments to cut, for each of the labels a pan or zoom adds.
        None => Either::Left(text),
        Some(query) => Either::Right(
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
                .collect_view(),
        ),
    }
}
