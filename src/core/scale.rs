//! Mapping time to pixels, and the zoom and pan arithmetic of the track.
//!
//! # Overview
//!
//! - [`Scale`]: a [`Window`] drawn a number of pixels wide; converts axis
//!   positions (ms since 1970 UTC) to x (0 = left edge = window start) and back.
//! - [`zoom`], [`pan`], [`center_on`]: the new window for a reader's gesture
//!   or key, bounded by [`ZoomLimits`].
//!
//! # What is a zoom limit?
//!
//! Readers may zoom in to `minSpan` (an hour by default) and out to a few
//! times what `fit()` shows, so the story can never vanish into a dot or be
//! zoomed into an empty millisecond. `setWindow` is not limited: a window set
//! outside the limits stays, and reader zooming only moves it back toward
//! them.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use news_timeline::core::scale::Scale;
//! use news_timeline::core::window::Window;
//! let window = Window::new(0.0, 1000.0).ok_or("empty window")?;
//! let scale = Scale::new(window, 500.0).ok_or("no width")?;
//! assert_eq!(scale.x_of(500.0), 250.0);
//! assert_eq!(scale.ms_of(250.0), 500.0);
//! # Ok(())
//! # }
//! ```
//!
//! Out of scope: right-to-left mirroring and animation (the UI flips and
//! tweens), and which gesture means which zoom factor.

use super::window::Window;

/// The narrowest span reader zooming allows when the host sets no `minSpan`
/// (the contract's default): one hour, in ms.
pub const DEFAULT_MIN_SPAN_MS: f64 = 3_600_000.0;

/// How many times the fitted span a reader may zoom out to.
const MAX_SPAN_PER_FIT: f64 = 3.0;

/// The widest span is at least this many minimum spans, so a timeline with
/// one event can still be zoomed out a little.
const MAX_SPAN_PER_MIN: f64 = 10.0;

/// A window drawn `width` pixels wide: the one place time becomes x, so the
/// axis, the events and the pointer all agree.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    window: Window,
    width: f64,
}

impl Scale {
    /// A scale for a track `width_px` wide; `None` unless the width is
    /// finite and positive (an unmeasured or hidden track draws nothing)
    /// and the window's span is finite.
    pub fn new(window: Window, width_px: f64) -> Option<Scale> {
        let ok = width_px.is_finite() && width_px > 0.0 && span(window).is_finite();
        ok.then_some(Scale {
            window,
            width: width_px,
        })
    }

    /// Where an instant is drawn, in px from the left edge (the window start
    /// is 0, the window end is `width`); outside the window it is < 0 or
    /// > `width`.
    pub fn x_of(&self, ms: f64) -> f64 {
        (ms - self.window.start()) / span(self.window) * self.width
    }

    /// The instant drawn at `x` px from the left edge (pointer positions,
    /// zoom anchors).
    pub fn ms_of(&self, x: f64) -> f64 {
        self.window.start() + x / self.width * span(self.window)
    }

    /// How much time one pixel shows, to choose tick levels and turn drag
    /// distances into time.
    pub fn ms_per_px(&self) -> f64 {
        span(self.window) / self.width
    }

    /// The window this scale draws.
    pub fn window(&self) -> Window {
        self.window
    }

    /// The track width in px this scale draws into.
    pub fn width(&self) -> f64 {
        self.width
    }
}

/// Bounds on reader zooming (not on `setWindow`): the narrowest and widest
/// span in ms, so a reader can neither lose the story nor zoom into nothing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ZoomLimits {
    /// The narrowest span, in ms (the `minSpan` option).
    pub min_span: f64,
    /// The widest span, in ms.
    pub max_span: f64,
}

impl ZoomLimits {
    /// The limits for events spanning `extent` (see
    /// [`Timeline::extent_ms`](super::model::Timeline::extent_ms)): `min_span` from the `minSpan` option
    /// ([`DEFAULT_MIN_SPAN_MS`] when it is not finite and positive);
    /// `max_span` the data's extent padded, 3× the span of
    /// [`Window::fit`] and at least 10 × `min_span`, so a reader can zoom
    /// out a bit beyond fit but not to infinity.
    pub fn for_extent(extent: Option<(f64, f64)>, min_span_ms: f64, now_ms: f64) -> ZoomLimits {
        let min_span = if min_span_ms.is_finite() && min_span_ms > 0.0 {
            min_span_ms
        } else {
            DEFAULT_MIN_SPAN_MS
        };
        let fitted = span(Window::fitting(extent, now_ms)) * MAX_SPAN_PER_FIT;
        let max_span = fitted.max(min_span * MAX_SPAN_PER_MIN).min(f64::MAX);
        ZoomLimits { min_span, max_span }
    }
}

/// Zooms keeping the instant at `anchor` (0.0 = left edge … 1.0 = right
/// edge, clamped; NaN = centre) where it is, for wheel, pinch and keys.
/// `factor` > 1 zooms in (span / factor). The new span is clamped into the
/// limits; a window already outside them (`setWindow` may set any) only
/// moves toward them (NaN limits hold the span). A non-finite or
/// non-positive factor, or a result that is no window, returns `window`
/// unchanged.
pub fn zoom(window: Window, anchor: f64, factor: f64, limits: ZoomLimits) -> Window {
    if !(factor.is_finite() && factor > 0.0) {
        return window;
    }
    let anchor = if anchor.is_nan() {
        0.5
    } else {
        anchor.clamp(0.0, 1.0)
    };
    let old = span(window);
    // `min`/`max` ignore NaN limits and never panic, unlike `clamp`.
    let low = limits.min_span.min(old);
    let high = limits.max_span.max(old);
    let new = (old / factor).max(low).min(high);
    let at = window.start() + anchor * old;
    Window::new(at - anchor * new, at + (1.0 - anchor) * new).unwrap_or(window)
}

/// Shifts the window by a fraction of its span (0.5 = half a screen later,
/// negative = earlier) keeping the span, for drag, wheel and PageUp/Down.
/// Non-finite fractions return `window` unchanged.
pub fn pan(window: Window, fraction: f64) -> Window {
    let shift = fraction * span(window);
    Window::new(window.start() + shift, window.end() + shift).unwrap_or(window)
}

/// The same span centred on `ms`, so the window follows the selected event.
/// A non-finite `ms` returns `window` unchanged.
pub fn center_on(window: Window, ms: f64) -> Window {
    let half = span(window) / 2.0;
    Window::new(ms - half, ms + half).unwrap_or(window)
}

/// The window's length in ms (infinite only for windows spanning most of
/// the `f64` range).
fn span(window: Window) -> f64 {
    window.end() - window.start()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::date::{ms_from_civil, MS_PER_DAY};
    use crate::core::import::parse_document;

    const YEAR_MS: f64 = 365.2425 * MS_PER_DAY;

    fn window(start: f64, end: f64) -> Window {
        Window::new(start, end).unwrap()
    }

    fn span_of(w: Window) -> f64 {
        w.end() - w.start()
    }

    const OPEN: ZoomLimits = ZoomLimits {
        min_span: 1e-300,
        max_span: f64::MAX,
    };

    #[test]
    fn left_edge_is_zero_and_right_edge_is_the_width() {
        let s = Scale::new(window(1000.0, 3000.0), 400.0).unwrap();
        assert_eq!(s.x_of(1000.0), 0.0);
        assert_eq!(s.x_of(3000.0), 400.0);
        assert_eq!(s.x_of(0.0), -200.0);
        assert_eq!(s.ms_of(100.0), 1500.0);
        assert_eq!(s.ms_per_px(), 5.0);
        assert_eq!((s.window(), s.width()), (window(1000.0, 3000.0), 400.0));
    }

    #[test]
    fn refuses_widths_that_draw_nothing() {
        let w = window(0.0, 1.0);
        for width in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(Scale::new(w, width), None);
        }
        assert_eq!(Scale::new(window(-f64::MAX, f64::MAX), 100.0), None);
    }

    #[test]
    fn zoom_in_then_out_returns_the_window() {
        let w = window(ms_from_civil(2019, 1, 1), ms_from_civil(2020, 1, 1));
        let back = zoom(zoom(w, 0.3, 4.0, OPEN), 0.3, 0.25, OPEN);
        assert!((back.start() - w.start()).abs() < 1.0);
        assert!((back.end() - w.end()).abs() < 1.0);
    }

    #[test]
    fn zoom_stops_at_the_limits() {
        let limits = ZoomLimits {
            min_span: 100.0,
            max_span: 10_000.0,
        };
        let w = window(0.0, 1000.0);
        assert_eq!(zoom(w, 0.5, 1000.0, limits), window(450.0, 550.0));
        assert_eq!(zoom(w, 0.0, 0.001, limits), window(0.0, 10_000.0));
        assert_eq!(zoom(w, 1.0, 0.001, limits), window(-9000.0, 1000.0));
        // Anchors outside the track are clamped to its edges.
        assert_eq!(zoom(w, 7.0, 2.0, limits), window(500.0, 1000.0));
        // No zoom for nonsense factors.
        for factor in [0.0, -2.0, f64::NAN, f64::INFINITY] {
            assert_eq!(zoom(w, 0.5, factor, limits), w);
        }
        assert_eq!(zoom(w, f64::NAN, 2.0, limits), window(250.0, 750.0));
    }

    #[test]
    fn a_window_outside_the_limits_only_moves_toward_them() {
        let limits = ZoomLimits {
            min_span: 100.0,
            max_span: 1000.0,
        };
        let narrow = window(0.0, 10.0);
        assert_eq!(zoom(narrow, 0.5, 2.0, limits), narrow);
        assert_eq!(span_of(zoom(narrow, 0.5, 0.5, limits)), 20.0);
        assert_eq!(span_of(zoom(narrow, 0.5, 1e-9, limits)), 1000.0);
        let wide = window(0.0, 5000.0);
        assert_eq!(zoom(wide, 0.5, 0.5, limits), wide);
        assert_eq!(span_of(zoom(wide, 0.5, 2.0, limits)), 2500.0);
        assert_eq!(span_of(zoom(wide, 0.5, 1e9, limits)), 100.0);
        // Nonsense limits never panic: NaN ones hold the span, crossed ones
        // still only move toward both bounds.
        let nan = ZoomLimits {
            min_span: f64::NAN,
            max_span: f64::NAN,
        };
        assert_eq!(zoom(wide, 0.5, 2.0, nan), wide);
        let crossed = ZoomLimits {
            min_span: 1000.0,
            max_span: 10.0,
        };
        assert_eq!(span_of(zoom(wide, 0.5, 2.0, crossed)), 2500.0);
    }

    #[test]
    fn pan_and_center_keep_the_span() {
        let w = window(0.0, 1000.0);
        assert_eq!(pan(w, 0.5), window(500.0, 1500.0));
        assert_eq!(pan(w, -1.0), window(-1000.0, 0.0));
        assert_eq!(pan(w, f64::NAN), w);
        assert_eq!(center_on(w, 0.0), window(-500.0, 500.0));
        assert_eq!(center_on(w, f64::INFINITY), w);
    }

    #[test]
    fn works_billions_of_years_ago() {
        let big_bang = -13.8e9 * YEAR_MS;
        let w = window(big_bang, big_bang + 1e6 * YEAR_MS);
        let s = Scale::new(w, 1000.0).unwrap();
        assert_eq!(s.x_of(big_bang), 0.0);
        assert!((s.x_of(big_bang + 5e5 * YEAR_MS) - 500.0).abs() < 1e-6);
        let moved = pan(w, 3.0);
        assert!((span_of(moved) - span_of(w)).abs() / span_of(w) < 1e-9);
        let zoomed = zoom(w, 0.25, 10.0, OPEN);
        let anchor = big_bang + 0.25 * span_of(w);
        let x = Scale::new(zoomed, 1000.0).unwrap().x_of(anchor);
        assert!((x - 250.0).abs() < 1e-6);
        let whole = window(big_bang, 1.7e12);
        let out = zoom(whole, 0.5, 1e-3, OPEN);
        assert!((span_of(out) / span_of(whole) - 1000.0).abs() < 1e-9);
    }

    #[test]
    fn limits_follow_the_data() {
        let p = parse_document(
            r#"[{"start": "2019-05-05", "title": "a"}, {"start": "2019-07-22", "title": "b"}]"#,
        )
        .unwrap();
        let fit = Window::fit(&p.timeline, 0.0);
        let limits = ZoomLimits::for_extent(p.timeline.extent_ms(), f64::NAN, 0.0);
        assert_eq!(limits.min_span, DEFAULT_MIN_SPAN_MS);
        assert_eq!(limits.max_span, 3.0 * span_of(fit));
        let coarse = ZoomLimits::for_extent(p.timeline.extent_ms(), 30.0 * MS_PER_DAY, 0.0);
        assert_eq!(coarse.max_span, 300.0 * MS_PER_DAY);
        let empty = ZoomLimits::for_extent(None, 60_000.0, 0.0);
        assert_eq!(empty.max_span, 3.0 * MS_PER_DAY);
        let huge = ZoomLimits::for_extent(None, f64::MAX, 0.0);
        assert_eq!(huge.max_span, f64::MAX);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Windows from a minute (10^4.78 ms) to 1e10 years (10^20.5 ms)
        /// long, starting anywhere from 1.4e10 years BCE to 1.4e10 years CE.
        fn any_window() -> impl Strategy<Value = Window> {
            (-1.4e10f64..1.4e10, 4.78f64..20.5).prop_filter_map("representable", |(year, log)| {
                let start = year * YEAR_MS;
                Window::new(start, start + 10f64.powf(log))
            })
        }

        /// Within a few ulps of the largest magnitude involved.
        fn close(a: f64, b: f64, scale: f64) -> bool {
            (a - b).abs() <= 1e-9 * scale.abs().max(a.abs()).max(1.0)
        }

        proptest! {
            #[test]
            fn x_and_ms_round_trip(w in any_window(), width in 1.0f64..4000.0, t in -1.0f64..2.0) {
                let s = Scale::new(w, width).unwrap();
                let ms = w.start() + t * span_of(w);
                let back = s.ms_of(s.x_of(ms));
                prop_assert!(close(back, ms, span_of(w).max(w.start().abs())), "{back} vs {ms}");
                let x = t * width;
                prop_assert!(close(s.x_of(s.ms_of(x)), x, width.max(w.start().abs() / s.ms_per_px())));
            }

            #[test]
            fn later_instants_are_further_right(w in any_window(), width in 1.0f64..4000.0,
                                                a in -1.0f64..2.0, b in -1.0f64..2.0) {
                let s = Scale::new(w, width).unwrap();
                let (a, b) = (w.start() + a * span_of(w), w.start() + b * span_of(w));
                if a < b {
                    prop_assert!(s.x_of(a) <= s.x_of(b));
                }
                if a < b && (b - a) * width > span_of(w) * 1e-6 {
                    prop_assert!(s.x_of(a) < s.x_of(b));
                }
            }

            #[test]
            fn zoom_keeps_the_anchor_in_place(w in any_window(), anchor in 0.0f64..=1.0,
                                              factor in 0.01f64..100.0, width in 280.0f64..2000.0) {
                let zoomed = zoom(w, anchor, factor, OPEN);
                let instant = w.start() + anchor * span_of(w);
                let x = Scale::new(zoomed, width).unwrap().x_of(instant);
                let tolerance = 1e-6 * width * (w.start().abs() / span_of(zoomed)).max(1.0);
                prop_assert!((x - anchor * width).abs() <= tolerance, "{x} vs {}", anchor * width);
            }

            #[test]
            fn zoom_stays_within_the_limits(w in any_window(), factor in 1e-6f64..1e6,
                                            min in 1.0f64..1e12, times in 1.0f64..1e6) {
                let limits = ZoomLimits { min_span: min, max_span: min * times };
                let old = span_of(w);
                let new = span_of(zoom(w, 0.5, factor, limits));
                let slack = 1e-9 * new.max(w.start().abs());
                prop_assert!(new >= limits.min_span.min(old) - slack);
                prop_assert!(new <= limits.max_span.max(old) + slack);
            }

            #[test]
            fn pan_keeps_the_span(w in any_window(), fraction in -10.0f64..10.0) {
                let moved = pan(w, fraction);
                prop_assert!(close(span_of(moved), span_of(w), moved.start().abs().max(w.start().abs())));
            }
        }
    }
}
