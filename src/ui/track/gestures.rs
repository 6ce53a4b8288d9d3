//! Pointer gestures as pure state: one pointer drags (pans), two pinch
//! (zoom at their midpoint), a quick release flicks (the glide). The
//! track feeds it its pointer events; the overview strip its rectangle's
//! drag. No DOM here, so the rules are tested natively.
//!
//! # What is a drag?
//!
//! A press that travelled [`DRAG_THRESHOLD_PX`]: below that it is a click
//! (which opens a card or a "+N" badge), above it the window follows the
//! pointer and the click that the browser sends on release is ignored.

use crate::core::window::Window;

/// Pointer travel before a press becomes a drag rather than a click.
pub const DRAG_THRESHOLD_PX: f64 = 4.0;

/// A release later than this after the last move does not glide (the
/// pointer was held still; 120 ms because a busy page delivers the last
/// move late).
const HELD_STILL_MS: f64 = 120.0;

/// The speed sample spans at most this long, so the glide's speed is
/// measured over a short but not instant stretch.
const SAMPLE_MS: f64 = 100.0;

/// What a pointer move asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Gesture {
    /// Move the window the press began with by `dx` px of pointer travel.
    Pan {
        /// The window when the press began.
        from: Window,
        /// Pointer travel since, in px (screen direction).
        dx: f64,
    },
    /// Zoom the window the pinch began with by `factor` (the fingers'
    /// spread now over then), keeping the instant under `at_x` in place.
    Pinch {
        /// The window when the second finger came down.
        from: Window,
        /// Spread now / spread then: above 1 zooms in.
        factor: f64,
        /// The fingers' midpoint, in client px.
        at_x: f64,
    },
}

/// What releasing a pointer ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Release {
    /// The press had become a drag: the click that follows is not one.
    pub dragged: bool,
    /// A flick's speed in px per ms (screen direction), when the drag
    /// ended moving.
    pub flick: Option<f64>,
}

/// A pointer press in progress.
#[derive(Debug, Clone, Copy)]
struct Press {
    pointer: i32,
    x: f64,
    window: Window,
    dragged: bool,
    /// The two latest (time ms, x) samples, for the glide's speed.
    trail: [(f64, f64); 2],
}

/// The pointers down on one surface.
#[derive(Debug, Clone, Default)]
pub struct Pointers {
    press: Option<Press>,
    /// (pointer id, client x) of each pointer down, for a pinch.
    touches: Vec<(i32, f64)>,
    /// The fingers' spread and the window when the pinch began.
    pinch: Option<(f64, Window)>,
}

impl Pointers {
    /// A pointer came down at `x` (client px) at `time` (ms) while
    /// `window` was shown. A second pointer starts a pinch.
    pub fn down(&mut self, pointer: i32, x: f64, time: f64, window: Window) {
        self.touches.retain(|(id, _)| *id != pointer);
        self.touches.push((pointer, x));
        if self.touches.len() == 2 {
            self.pinch = Some((spread(&self.touches), window));
            self.press = None;
        } else {
            self.press = Some(Press {
                pointer,
                x,
                window,
                dragged: false,
                trail: [(time, x); 2],
            });
        }
    }

    /// A pointer moved to `x` at `time`: a pan, a pinch, or nothing yet
    /// (a press within the threshold, or a pointer not pressed here).
    /// `Some` the first time also means the press just became a drag
    /// (see [`Pointers::dragging`]).
    pub fn moved(&mut self, pointer: i32, x: f64, time: f64) -> Option<Gesture> {
        if let Some(entry) = self.touches.iter_mut().find(|(id, _)| *id == pointer) {
            entry.1 = x;
        }
        if let Some((start, from)) = self.pinch {
            let now = spread(&self.touches);
            return (start > 0.0 && now > 0.0).then(|| Gesture::Pinch {
                from,
                factor: now / start,
                at_x: midpoint(&self.touches),
            });
        }
        let press = self.press.as_mut().filter(|p| p.pointer == pointer)?;
        let dx = x - press.x;
        if !press.dragged && dx.abs() < DRAG_THRESHOLD_PX {
            return None;
        }
        press.dragged = true;
        if time - press.trail[0].0 > SAMPLE_MS {
            press.trail[0] = press.trail[1];
        }
        press.trail[1] = (time, x);
        Some(Gesture::Pan {
            from: press.window,
            dx,
        })
    }

    /// Whether the press of `pointer` is a drag.
    pub fn dragging(&self, pointer: i32) -> bool {
        self.press
            .is_some_and(|p| p.pointer == pointer && p.dragged)
    }

    /// A pointer went up at `x` at `time` (`cancelled`: the browser took
    /// it, which never flicks). `None` for a pointer not pressed here.
    pub fn up(&mut self, pointer: i32, x: f64, time: f64, cancelled: bool) -> Option<Release> {
        self.touches.retain(|(id, _)| *id != pointer);
        if self.touches.len() < 2 {
            self.pinch = None;
        }
        let press = self.press.filter(|p| p.pointer == pointer)?;
        self.press = None;
        let [(t0, x0), (last, _)] = press.trail;
        let moving = press.dragged && !cancelled && time - last < HELD_STILL_MS && time > t0;
        Some(Release {
            dragged: press.dragged,
            flick: moving.then(|| (x - x0) / (time - t0)),
        })
    }
}

fn spread(touches: &[(i32, f64)]) -> f64 {
    match touches {
        [(_, a), (_, b), ..] => (a - b).abs(),
        _ => 0.0,
    }
}

fn midpoint(touches: &[(i32, f64)]) -> f64 {
    match touches {
        [(_, a), (_, b), ..] => (a + b) / 2.0,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window() -> Window {
        Window::new(0.0, 1_000.0).unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn a_press_that_stays_within_the_threshold_is_a_click() {
        let mut p = Pointers::default();
        p.down(1, 100.0, 0.0, window());
        assert_eq!(p.moved(1, 103.0, 10.0), None);
        assert!(!p.dragging(1));
        let release = p.up(1, 103.0, 20.0, false);
        assert_eq!(
            release,
            Some(Release {
                dragged: false,
                flick: None
            })
        );
    }

    #[test]
    fn a_drag_pans_from_the_window_it_began_with() {
        let mut p = Pointers::default();
        p.down(1, 100.0, 0.0, window());
        assert_eq!(
            p.moved(1, 90.0, 16.0),
            Some(Gesture::Pan {
                from: window(),
                dx: -10.0
            })
        );
        assert!(p.dragging(1));
        // Back within the threshold, still a drag.
        assert_eq!(
            p.moved(1, 99.0, 32.0),
            Some(Gesture::Pan {
                from: window(),
                dx: -1.0
            })
        );
        // Another pointer's moves are not this press's.
        assert_eq!(p.moved(7, 0.0, 40.0), None);
    }

    #[test]
    fn a_quick_release_flicks_and_a_held_one_does_not() {
        let mut p = Pointers::default();
        p.down(1, 0.0, 0.0, window());
        p.moved(1, 50.0, 50.0);
        p.moved(1, 100.0, 100.0);
        let release = p.up(1, 110.0, 110.0, false);
        assert_eq!(release.map(|r| r.dragged), Some(true));
        assert!(release
            .and_then(|r| r.flick)
            .is_some_and(|v| v > 0.9 && v < 1.1));

        p.down(1, 0.0, 0.0, window());
        p.moved(1, 50.0, 50.0);
        let held = p.up(1, 50.0, 400.0, false);
        assert_eq!(
            held,
            Some(Release {
                dragged: true,
                flick: None
            })
        );

        p.down(1, 0.0, 0.0, window());
        p.moved(1, 50.0, 50.0);
        assert_eq!(
            p.up(1, 60.0, 60.0, true).and_then(|r| r.flick),
            None,
            "cancelled"
        );
    }

    #[test]
    fn two_pointers_pinch_at_their_midpoint() {
        let mut p = Pointers::default();
        p.down(1, 100.0, 0.0, window());
        p.down(2, 200.0, 0.0, window());
        let pinch = p.moved(2, 300.0, 16.0);
        assert_eq!(
            pinch,
            Some(Gesture::Pinch {
                from: window(),
                factor: 2.0,
                at_x: 200.0
            })
        );
        // Lifting one finger ends the pinch; the other does not drag.
        assert_eq!(p.up(2, 300.0, 20.0, false), None);
        assert_eq!(p.moved(1, 50.0, 30.0), None);
    }
}
