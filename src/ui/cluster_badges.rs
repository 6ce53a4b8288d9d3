use crate::core::layout::Cluster;
use crate::ui::strings::use_text;
use leptos::prelude::*;

/// "+N" badges on the axis for events that got no label where the track
/// is crowded; clicking one zooms in until they spread out. Pointer
/// readers use them as shortcuts; keyboard readers reach the same events
/// with the arrow keys, so the badges are no extra Tab stops.
#[component]
pub fn ClusterBadges(
    /// Left to right, from the layout.
    #[prop(into)]
    clusters: Signal<Vec<Cluster>>,
    /// The badges' distance from the track's bottom edge, in px.
    bottom: f64,
    /// Asks to zoom in on a cluster.
    on_expand: Callback<Cluster>,
) -> impl IntoView {
    let text = use_text();
    view! {
        <div class="nt-clusters" style:bottom=format!("{}px", bottom.round() as i64)>
            <For
                each=move || clusters.get()
                key=|cluster| (cluster.first_ms.to_bits(), cluster.last_ms.to_bits(), cluster.count)
                children=move |cluster| {
                    // Panning keeps a badge (same events) and only moves it.
                    let x = move || {
                        clusters.with(|all| {
                            all.iter()
                                .find(|c| c.first_ms == cluster.first_ms && c.count == cluster.count)
                                .map_or(cluster.x, |c| c.x)
                        })
                    };
                    let label = text.more_events(cluster.count);
                    view! {
                        <button
                            type="button"
                            class="nt-cluster"
                            tabindex="-1"
                            aria-label=label.clone()
                            title=label
                            style:transform=move || format!("translateX({}px) translateX(-50%)", x().round() as i64)
                            on:click=move |_| on_expand.run(cluster)
                        >
                            <span class="nt-cluster__count">{text.badge(cluster.count)}</span>
                        </button>
                    }
                }
            />
        </div>
    }
}
