use crate::core::scale::Scale;
use crate::core::ticks::Tick;
use crate::ui::intl::DateFormatter;
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
    view! {
        <div class="nt-axis" aria-hidden="true">
            {move || {
                let Some(scale) = scale.get() else {
                    return Vec::new();
                };
                ticks
                    .get()
                    .into_iter()
                    .map(|tick| {
                        let x = format!("{}px", scale.x_of(tick.ms).round() as i64);
                        view! {
                            <span class="nt-axis__tick" class:nt-axis__tick--major=tick.major style:left=x>
                                <span class="nt-axis__label">{label(&tick)}</span>
                            </span>
                        }
                    })
                    .collect::<Vec<_>>()
            }}
        </div>
    }
}
