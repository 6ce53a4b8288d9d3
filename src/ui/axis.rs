use crate::core::scale::Scale;
use crate::core::ticks::Tick;
use crate::ui::intl::DateFormatter;
use crate::ui::sorted_children::sorted_children;
use leptos::html::Div;
use leptos::prelude::*;

/// The time axis under the events: calendar-aligned ticks labelled in the
/// reader's language, spaced so labels never collide. Decorative for
/// screen readers, which get each event's full date instead.
#[component]
pub fn Axis(
    /// The ticks to draw, from core.
    #[prop(into)]
    ticks: Signal<Vec<Tick>>,
    /// Maps a tick's instant to its x position.
    #[prop(into)]
    scale: Signal<Option<Scale>>,
    /// Formats tick labels.
    formatter: StoredValue<crate::ui::intl::DateFormatter, LocalStorage>,
) -> impl IntoView {
    let label = move |tick: &Tick| {
        formatter.with_value(|f: &DateFormatter| f.format_tick(&tick.label, tick.major))
    };
    // Keyed by instant and label: panning keeps each tick's element and its
    // label (formatted once, through Intl) and only moves it.
    let x_of = move |ms: f64| scale.with(|s| s.map_or(0.0, |s| s.x_of(ms)).round() as i64);
    let transform = |x: i64| format!("translateX({x}px)");
    let tick_list = NodeRef::<Div>::new();
    sorted_children(
        tick_list,
        move || {
            ticks.with(|ticks| {
                ticks
                    .iter()
                    .map(|tick| (tick.clone(), x_of(tick.ms)))
                    .collect()
            })
        },
        // Whole ms: ticks are minutes apart at least.
        |(tick, _)| (tick.ms as i64, tick.major, tick.label.to_string()),
        move |(tick, x)| {
            Some(view! {
                <span
                    class="nt-axis__tick"
                    class:nt-axis__tick--major=tick.major
                    style:transform=transform(*x)
                >
                    <span class="nt-axis__label">{label(tick)}</span>
                </span>
            })
        },
        move |_, (_, x), element| {
            let _ = element.style().set_property("transform", &transform(*x));
        },
    );
    view! {
        <div class="nt-axis" aria-hidden="true" node_ref=tick_list></div>
    }
}
