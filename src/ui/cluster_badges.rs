use crate::core::layout::Cluster;
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
    view! {
        <div class="nt-clusters" style:bottom=format!("{}px", bottom.round() as i64)>
            {move || {
                clusters
                    .get()
                    .into_iter()
                    .map(|cluster| {
                        let label = if cluster.count == 1 {
                            "1 more event: zoom in".to_owned()
                        } else {
                            format!("{} more events: zoom in", cluster.count)
                        };
                        view! {
                            <button
                                type="button"
                                class="nt-cluster"
                                tabindex="-1"
                                aria-label=label.clone()
                                title=label
                                style:left=format!("{}px", cluster.x.round() as i64)
                                on:click=move |_| on_expand.run(cluster)
                            >
                                "+"
                                {compact(cluster.count)}
                            </button>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// A count short enough for a badge: 999, 1.2k, 37k.
fn compact(count: usize) -> String {
    match count {
        0..=999 => count.to_string(),
        1_000..=9_999 => format!("{}.{}k", count / 1000, count % 1000 / 100),
        _ => format!("{}k", count / 1000),
    }
}
