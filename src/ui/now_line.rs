//! The "Today" line: where the window shows the present, a labelled line
//! marks it, so a reader of a developing story sees how far the events
//! have come. The track also keeps its clock here: as time passes the
//! line moves, and ongoing events ("end": "now") reach the new present.
//! Decorative for screen readers: the events carry the dates.

use crate::core::date::iso_from_ms;
use crate::core::scale::Scale;
use crate::ui::dom::{add, add_text, bind, px, set, set_or_remove, style, Timeout};
use crate::ui::reactive::Derived;
use crate::ui::state::TimelineState;
use crate::ui::Ctx;
use web_sys::HtmlElement;

/// The clock ticks about once per pixel of the window, so the line moves
/// a pixel at a time, but at most every second and at least every
/// minute.
const TICK_MS: (f64, f64) = (1_000.0, 60_000.0);

/// The line (with `show`, the `showNow` option) at the end of `parent`,
/// drawn through `scale`, and the clock that moves it.
pub fn now_line(cx: Ctx, parent: &HtmlElement, scale: Derived<Option<Scale>>, show: bool) {
    let Ctx { state, text, .. } = cx;
    keep_time(state, scale, Timeout::new());
    if !show {
        return;
    }
    let line = add(parent, "div", "nt-now");
    set(&line, "aria-hidden", "true");
    add_text(&line, "span", "nt-now__label", text.s.today);
    bind(move || {
        let now = state.clock();
        let x = scale
            .get()
            .filter(|s| s.window().intersects(now, now + 1.0))
            .map(|s| s.x_of(now));
        set_or_remove(&line, "hidden", x.is_none().then_some(""));
        if let Some(x) = x {
            style(&line, "transform", &["translateX(", &px(x), ")"].concat());
            set(&line, "data-now", &iso_from_ms(now));
        }
    });
}

/// Ticks the state's clock, about once per pixel of the current window.
fn keep_time(state: TimelineState, scale: Derived<Option<Scale>>, timer: Timeout) {
    let ms_per_px = scale.with_untracked(|s| s.map_or(TICK_MS.1, |s| s.ms_per_px()));
    timer.restart(ms_per_px.clamp(TICK_MS.0, TICK_MS.1) as u32, move || {
        if state.is_alive() {
            state.tick();
            keep_time(state, scale, timer);
        }
    });
}
