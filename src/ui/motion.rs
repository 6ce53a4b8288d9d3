//! Short window animations: eased zooms (buttons, double-click, clusters)
//! and the glide after a flick. Both are skipped for readers who ask for
//! reduced motion, and any new gesture stops them.

use crate::core::window::Window;
use crate::ui::state::TimelineState;
use leptos::prelude::*;

/// The longest an eased zoom runs, in ms (the issue allows 200).
const EASE_MS: f64 = 180.0;
/// A glide slows by this factor every 16 ms.
const GLIDE_DECAY: f64 = 0.92;
/// A glide stops below this speed, in px per ms.
const GLIDE_STOP: f64 = 0.02;
/// Flicks slower than this do not glide, in px per ms.
const GLIDE_MIN: f64 = 0.15;

/// `base` to the power `exponent`, by the browser's `Math.pow`: Rust's
/// `powf` would add its own 2 KB implementation to the wasm.
pub fn pow(base: f64, exponent: f64) -> f64 {
    js_sys::Math::pow(base, exponent)
}

/// Whether the reader asked the system for less motion.
pub fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

/// The one animation a track runs at a time: starting another, or a new
/// gesture, stops the current one.
#[derive(Clone, Copy, Default)]
pub struct Motion {
    generation: StoredValue<u32>,
}

impl Motion {
    /// Stops whatever runs (the next frame does nothing).
    pub fn stop(&self) {
        self.generation.try_update_value(|g| *g = g.wrapping_add(1));
    }

    /// Moves the window to `to`, easing out over [`EASE_MS`], or at once
    /// under reduced motion. The span changes geometrically, so a zoom
    /// feels even at every scale.
    pub fn ease(&self, state: TimelineState, to: Window) {
        self.stop();
        if reduced_motion() {
            state.set_window(to);
            return;
        }
        let from = state.window_untracked();
        let (from_span, to_span) = (from.end() - from.start(), to.end() - to.start());
        let (from_mid, to_mid) = (from.start() + from_span / 2.0, to.start() + to_span / 2.0);
        self.run(move |elapsed| {
            let t = (elapsed / EASE_MS).min(1.0);
            let eased = 1.0 - (1.0 - t).powi(3);
            if t >= 1.0 {
                state.set_window(to);
                return false;
            }
            let span = from_span * pow(to_span / from_span, eased);
            let mid = from_mid + (to_mid - from_mid) * eased;
            if let Some(w) = Window::new(mid - span / 2.0, mid + span / 2.0) {
                state.set_window(w);
            }
            true
        });
    }

    /// Keeps panning after a drag let go at `velocity` px per ms (positive
    /// = content moving right, so earlier times come into view), slowing
    /// to a stop; nothing under reduced motion.
    pub fn glide(&self, state: TimelineState, velocity: f64, width: f64) {
        self.stop();
        let from = state.window_untracked();
        if reduced_motion() || velocity.abs() < GLIDE_MIN || width <= 0.0 {
            return;
        }
        let ms_per_px = (from.end() - from.start()) / width;
        let mut travelled = 0.0;
        let mut speed = velocity;
        let mut last = 0.0;
        self.run(move |elapsed| {
            let dt = (elapsed - last).max(0.0);
            last = elapsed;
            speed *= pow(GLIDE_DECAY, dt / 16.0);
            travelled += speed * dt;
            let shift = -travelled * ms_per_px;
            if let Some(w) = Window::new(from.start() + shift, from.end() + shift) {
                state.set_window(w);
            }
            speed.abs() >= GLIDE_STOP
        });
    }

    /// Calls `step` with the ms since the start once per frame while it
    /// returns true and no newer motion started.
    fn run(&self, step: impl FnMut(f64) -> bool + 'static) {
        let Some(generation) = self.generation.try_get_value() else {
            return;
        };
        next_frame(*self, generation, js_sys::Date::now(), Box::new(step));
    }
}

fn next_frame(
    motion: Motion,
    generation: u32,
    started: f64,
    mut step: Box<dyn FnMut(f64) -> bool>,
) {
    request_animation_frame(move || {
        if motion.generation.try_get_value() != Some(generation) {
            return;
        }
        if step(js_sys::Date::now() - started) {
            next_frame(motion, generation, started, step);
        }
    });
}
