//! What each key does on the track (the contract's keyboard table), as a
//! pure function so the rules are tested natively.
//!
//! Left/Right: previous/next event (the window follows) · Up/Down: the
//! nearest event in the lane above/below (with lanes; otherwise the page
//! scrolls) · Home/End: first/last event · Esc: close the card · +/= and
//! -: zoom in/out ·
//! PageUp/PageDown: pan one screen · 0: fit. Enter and Space open the
//! focused event's card through its button. Right to left, the arrows and
//! pages follow what is seen: Left is later.

/// What a key asks the track to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move the current event this many places among the shown events.
    Step(isize),
    /// Move to the nearest event this many lanes below (above, negative).
    Lane(isize),
    /// Make the first (`false`) or last (`true`) event current.
    End(bool),
    /// Zoom in (`true`) or out around the middle.
    Zoom(bool),
    /// Pan one screen later (`1`) or earlier (`-1`).
    Page(i8),
    /// Show every event.
    Fit,
    /// Close the card.
    Close,
}

/// The action of `key` (a `KeyboardEvent.key`), `None` for keys the track
/// leaves alone.
pub fn key_action(key: &str, rtl: bool) -> Option<Action> {
    let later: isize = if rtl { -1 } else { 1 };
    Some(match key {
        "ArrowRight" => Action::Step(later),
        "ArrowLeft" => Action::Step(-later),
        "ArrowUp" => Action::Lane(-1),
        "ArrowDown" => Action::Lane(1),
        "Home" => Action::End(false),
        "End" => Action::End(true),
        "+" | "=" => Action::Zoom(true),
        "-" | "_" => Action::Zoom(false),
        "0" => Action::Fit,
        "PageDown" => Action::Page(later as i8),
        "PageUp" => Action::Page(-later as i8),
        "Escape" => Action::Close,
        _ => return None,
    })
}

impl Action {
    /// Whether the action changes the window without moving to an event,
    /// so focus goes to the track (the focused event may leave the view,
    /// and the DOM).
    pub fn moves_view(self) -> bool {
        matches!(self, Action::Zoom(_) | Action::Page(_) | Action::Fit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_follow_the_direction_time_runs() {
        assert_eq!(key_action("ArrowRight", false), Some(Action::Step(1)));
        assert_eq!(key_action("ArrowLeft", false), Some(Action::Step(-1)));
        assert_eq!(key_action("ArrowRight", true), Some(Action::Step(-1)));
        assert_eq!(key_action("ArrowLeft", true), Some(Action::Step(1)));
        assert_eq!(key_action("PageDown", true), Some(Action::Page(-1)));
        assert_eq!(key_action("PageUp", true), Some(Action::Page(1)));
    }

    #[test]
    fn the_contract_s_keys_and_no_others() {
        assert_eq!(key_action("Home", false), Some(Action::End(false)));
        assert_eq!(key_action("End", true), Some(Action::End(true)));
        assert_eq!(key_action("=", false), Some(Action::Zoom(true)));
        assert_eq!(key_action("_", false), Some(Action::Zoom(false)));
        assert_eq!(key_action("0", false), Some(Action::Fit));
        assert_eq!(key_action("PageUp", false), Some(Action::Page(-1)));
        assert_eq!(key_action("Escape", false), Some(Action::Close));
        // Up and Down go between lanes whichever way time runs.
        assert_eq!(key_action("ArrowUp", true), Some(Action::Lane(-1)));
        assert_eq!(key_action("ArrowDown", false), Some(Action::Lane(1)));
        assert!(!Action::Lane(1).moves_view());
        for key in ["Enter", " ", "Tab", "a", "Up", "1"] {
            assert_eq!(key_action(key, false), None, "{key}");
        }
    }

    #[test]
    fn zooming_paging_and_fitting_move_the_view_not_the_event() {
        assert!(Action::Fit.moves_view());
        assert!(Action::Page(1).moves_view());
        assert!(!Action::Step(1).moves_view());
        assert!(!Action::Close.moves_view());
    }
}
