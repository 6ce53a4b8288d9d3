use crate::core::model::Timeline;
use crate::core::scale::Scale;
use leptos::prelude::*;
use std::sync::Arc;

/// Named spans of time (TimelineJS3's eras) as shaded bands behind the
/// events, so a reader sees "Reign of Augustus" at a glance. Decorative
/// for screen readers: the events carry the dates.
#[component]
pub fn EraBands(
    /// The timeline whose eras are drawn.
    #[prop(into)]
    timeline: Signal<Arc<Timeline>>,
    /// Maps instants to x positions.
    #[prop(into)]
    scale: Signal<Option<Scale>>,
) -> impl IntoView {
    let bands = move || {
        let Some(scale) = scale.get() else {
            return Vec::new();
        };
        let window = scale.window();
        timeline.with(|t| {
            t.eras
                .iter()
                .filter(|era| window.intersects(era.start_ms(), era.end_ms()))
                .map(|era| {
                    let left = scale.x_of(era.start_ms()).max(0.0);
                    let right = scale.x_of(era.end_ms()).min(scale.width());
                    view! {
                        <div
                            class="nt-era"
                            style:left=format!("{}px", left.round() as i64)
                            style:width=format!("{}px", (right - left).max(1.0).round() as i64)
                        >
                            <span class="nt-era__label">{era.label.clone()}</span>
                        </div>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! { <div class="nt-eras" aria-hidden="true">{bands}</div> }
}
