//! The "N new events" control: events that arrive (`addEvents`,
//! `reload`, `refresh`) outside the window are counted in a button at
//! the track's top; activating it brings them into view, makes the
//! earliest the current event and clears the count. A polite live region
//! says the count once each time it grows, not on every pan.

use crate::ui::dom::{add, bind, listen, set, set_or_remove, set_text};
use crate::ui::track::focus_current;
use crate::ui::Ctx;
use web_sys::HtmlElement;

/// The control at the end of `track`, hidden while there is nothing new.
pub fn new_events(cx: Ctx, track: &HtmlElement) {
    let Ctx { state, text, .. } = cx;
    let wrap = add(track, "div", "nt-new");
    let status = add(&wrap, "p", "nt-new__status");
    set(&status, "role", "status");
    set(&status, "aria-live", "polite");
    let button = add(&wrap, "button", "nt-new__button");
    set(&button, "type", "button");
    let mut said = 0;
    {
        let button = button.clone();
        bind(move || {
            let count = state.unseen();
            set_or_remove(&button, "hidden", (count == 0).then_some(""));
            let words = text.new_events(count);
            set_text(&button, &words);
            if count > said || count == 0 {
                set_text(&status, if count == 0 { "" } else { &words });
            }
            said = count;
        });
    }
    let track = track.clone();
    listen(&button, "click", move |_| {
        state.show_unseen();
        focus_current(cx, track.clone());
    });
}
