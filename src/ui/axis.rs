//! The time axis under the events: calendar-aligned ticks labelled in the
//! reader's language, spaced so labels never collide. Decorative for
//! screen readers, which get each event's full date instead.

use crate::core::scale::Scale;
use crate::core::ticks::Tick;
use crate::ui::dom::{add, add_text, el, px, set, style};
use crate::ui::reactive::Derived;
use crate::ui::sorted_children::sorted_children;
use crate::ui::Ctx;
use leptos::prelude::*;
use web_sys::HtmlElement;

/// The axis at the end of `parent`, drawing `ticks` through `scale`.
/// Ticks are keyed by instant and label: panning keeps each tick's
/// element and its label (formatted once, through Intl) and only moves
/// it.
pub fn axis(
    cx: Ctx,
    parent: &HtmlElement,
    ticks: Derived<Vec<Tick>>,
    scale: Derived<Option<Scale>>,
) {
    let dates = cx.dates;
    let strip = add(parent, "div", "nt-axis");
    set(&strip, "aria-hidden", "true");
    let x_of = move |ms: f64| scale.with(|s| s.map_or(0.0, |s| s.x_of(ms)));
    let transform = |x: f64| ["translateX(", &px(x), ")"].concat();
    sorted_children(
        strip,
        move || {
            ticks.with(|ticks| {
                ticks
                    .iter()
                    // Whole ms: ticks are minutes apart at least.
                    .map(|tick| {
                        let key = (tick.ms as i64, tick.major, tick.label.to_string());
                        (key, (tick.clone(), x_of(tick.ms).round()))
                    })
                    .collect()
            })
        },
        move |(tick, x): &(Tick, f64)| {
            let class = if tick.major {
                "nt-axis__tick nt-axis__tick--major"
            } else {
                "nt-axis__tick"
            };
            let element = el("span", class);
            style(&element, "transform", &transform(*x));
            let label = dates.with_value(|f| f.format_tick(&tick.label, tick.major));
            add_text(&element, "span", "nt-axis__label", &label);
            Some(element)
        },
        move |_, (_, x), element| style(element, "transform", &transform(*x)),
    );
}
