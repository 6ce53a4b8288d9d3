//! The time axis under the events: calendar-aligned ticks labelled in the
//! reader's language, spaced so labels never collide. Decorative for
//! screen readers, which get each event's full date instead. Under it,
//! when the data has times of day, the zone they are shown in
//! ([`zone_caption`]).

use crate::core::scale::Scale;
use crate::core::ticks::Tick;
use crate::core::zone::Placed;
use crate::ui::dom::{add, add_text, bind, el, px, set, set_or_remove, set_text, style};
use crate::ui::intl::zone_label;
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

/// "Times in Eastern Time (UTC−4)": the widget's zone, named once under
/// the track while the data has times of day (hidden otherwise).
/// `zone_name` is the IANA name of a zone whose offset varies; the offset
/// named is the one in force at the middle of the window.
pub fn zone_caption(cx: Ctx, zone_name: Option<String>) -> HtmlElement {
    let Ctx { state, text, .. } = cx;
    // Intl names the zone once; the offset follows the window.
    let name = zone_name.and_then(|zone| cx.dates.with_value(|f| f.zone_name(&zone)));
    let caption_text = Derived::new(move |_| {
        let data = state.data();
        if !data.has_times {
            return None;
        }
        let (minutes, name) = match data.zone {
            Placed::Fixed(offset) => (i32::from(offset), None),
            Placed::Varying => {
                let window = state.window();
                let middle = (window.start() + window.end()) / 2.0;
                let offset = state.with_zone(|zone| zone.offset_at(zone.instant(middle)));
                (offset, name.as_deref())
            }
        };
        Some(
            text.s
                .times_in
                .replace("{zone}", &zone_label(name, minutes)),
        )
    });
    let caption = el("p", "nt-timeline__zone");
    {
        let caption = caption.clone();
        bind(move || {
            let shown = caption_text.get();
            set_or_remove(&caption, "hidden", shown.is_none().then_some(""));
            set_text(&caption, shown.as_deref().unwrap_or_default());
        });
    }
    caption
}
