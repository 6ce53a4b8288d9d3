//! Tag chips with counts (and the tags' colours: the chips are their
//! legend), a search box and an importance choice: how a reader narrows a
//! long story ("only shipping", "only what mentions tankers"). Several chips mean any of them; everything combines. The
//! result count is announced politely to screen readers.

use crate::ui::dom::{add, add_text, bind, closest, el, listen, set, set_text, toggle_class};
use crate::ui::reactive::Derived;
use crate::ui::Ctx;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent};

/// The filter bar's id in its shadow root, for the toggle's
/// `aria-controls`.
const FILTERS_ID: &str = "nt-filters";

/// The class that opens the filter sheet, on the widget's root.
const OPEN: &str = "nt-timeline--filtering";

/// The filter bar; every control reflects the state's filter and changes
/// it through the state. On a narrow widget it is a sheet that
/// [`filter_toggle`] opens and its "Done" button closes.
pub fn filter_bar(cx: Ctx) -> HtmlElement {
    let Ctx { state, text, .. } = cx;
    let s = text.s;
    let bar = el("div", "nt-filters");
    set(&bar, "id", FILTERS_ID);

    let search: HtmlInputElement = add(&bar, "input", "nt-filters__search").unchecked_into();
    set(&search, "type", "search");
    set(&search, "placeholder", s.search);
    set(&search, "aria-label", s.search);
    {
        let search = search.clone();
        bind(move || {
            let query = state.filter().query.unwrap_or_default();
            if search.value() != query {
                search.set_value(&query);
            }
        });
    }
    listen(&search.clone(), "input", move |_| {
        let query = search.value();
        state.update_filter(|f| f.query = (!query.is_empty()).then_some(query));
    });

    let chips = add(&bar, "ul", "nt-filters__chips");
    set(&chips, "aria-label", s.filter_by_tag);
    {
        let chips = chips.clone();
        // Rebuilt with the data (rarely); pressed states follow the filter.
        // A tag with a colour shows it: the chips are the legend.
        bind(move || {
            let data = state.data();
            let palette = state.palette();
            chips.set_text_content(None);
            chips.set_hidden(data.tags.is_empty());
            for (tag, count) in &data.tags {
                let item = add(&chips, "li", "");
                let chip = add_text(&item, "button", "nt-chip", tag);
                set(&chip, "type", "button");
                set(&chip, "data-tag", tag);
                if let Some(swatch) = palette.of_tag(tag) {
                    toggle_class(&chip, "nt-chip--colored", true);
                    chip.style().set_css_text(swatch);
                }
                add_text(&chip, "span", "nt-chip__count", &text.number(*count));
            }
        });
    }
    {
        let chips = chips.clone();
        bind(move || {
            state.data();
            let filter = state.filter();
            let Ok(buttons) = chips.query_selector_all(".nt-chip") else {
                return;
            };
            for i in 0..buttons.length() {
                if let Some(chip) = buttons.item(i) {
                    let chip: &web_sys::Element = chip.unchecked_ref();
                    let tag = chip.get_attribute("data-tag").unwrap_or_default();
                    let pressed = filter.tags.contains(&tag);
                    set(chip, "aria-pressed", if pressed { "true" } else { "false" });
                }
            }
        });
    }
    listen(&chips, "click", move |ev| {
        let Some(tag) = closest(&ev, ".nt-chip").and_then(|c| c.get_attribute("data-tag")) else {
            return;
        };
        state.update_filter(|f| match f.tags.iter().position(|t| *t == tag) {
            Some(at) => {
                f.tags.remove(at);
            }
            None => f.tags.push(tag),
        });
    });

    let importance: HtmlSelectElement =
        add(&bar, "select", "nt-filters__importance").unchecked_into();
    set(&importance, "aria-label", s.importance);
    for (value, label) in [
        ("1", s.all_events),
        ("2", s.important_events),
        ("3", s.key_events),
    ] {
        let option = add_text(&importance, "option", "", label);
        set(&option, "value", value);
    }
    // Only where the data ranks its events (more than one level), so
    // "key events only" means something.
    let ranked = Derived::new(move |_| {
        let data = state.data();
        let mut levels = data.timeline.events.iter().map(|e| e.importance);
        let first = levels.next();
        levels.any(|level| Some(level) != first)
    });
    {
        let importance = importance.clone();
        bind(move || {
            importance.set_hidden(!ranked.get());
            let level = state.filter().min_importance.unwrap_or(1);
            importance.set_value(&level.to_string());
        });
    }
    listen(&importance.clone(), "change", move |_| {
        let level = importance.value().parse::<u8>().ok().filter(|m| *m > 1);
        state.update_filter(|f| f.min_importance = level);
    });

    let status = add(&bar, "p", "nt-filters__status");
    set(&status, "role", "status");
    set(&status, "aria-live", "polite");
    let done = add_text(&bar, "button", "nt-filters__done", s.done);
    set(&done, "type", "button");
    bind(move || {
        let all = state.data().timeline.events.len();
        let said = if state.filter().is_empty() {
            text.events(all)
        } else {
            text.shown_of(state.shown().timeline.events.len(), all)
        };
        set_text(&status, &said);
    });
    bar
}

/// The "Filter" control of a narrow widget (the stylesheet shows it under
/// 480 px, and the filter bar only while it is open): the search, tags
/// and importance fold behind it, so the track keeps the room. It says
/// how many criteria are set ("Filter 2", named "Filter, 2 active").
/// Opening focuses the search; "Done" or Esc closes and focuses it again.
pub fn filter_toggle(cx: Ctx, root: &HtmlElement, bar: &HtmlElement) -> HtmlElement {
    let Ctx { state, text, .. } = cx;
    let toggle = el("button", "nt-filter-toggle");
    set(&toggle, "type", "button");
    set(&toggle, "aria-controls", FILTERS_ID);
    set(&toggle, "aria-expanded", "false");
    add_text(&toggle, "span", "", text.s.filter);
    let count = add(&toggle, "span", "nt-filter-toggle__count");
    {
        let toggle = toggle.clone();
        bind(move || {
            let filter = state.filter();
            let active = usize::from(filter.folded_query().is_some())
                + filter.tags.len()
                + usize::from(filter.min_importance.is_some_and(|m| m > 1))
                + usize::from(filter.from.is_some() || filter.to.is_some());
            if active == 0 {
                count.set_text_content(None);
                set(&toggle, "aria-label", text.s.filter);
            } else {
                set_text(&count, &text.number(active));
                let label = [text.s.filter, ", ", &text.active(active)].concat();
                set(&toggle, "aria-label", &label);
            }
        });
    }
    let open = {
        let (root, toggle, bar) = (root.clone(), toggle.clone(), bar.clone());
        move |open: bool| {
            toggle_class(&root, OPEN, open);
            set(
                &toggle,
                "aria-expanded",
                if open { "true" } else { "false" },
            );
            let target: Option<HtmlElement> = if open {
                bar.query_selector("input")
                    .ok()
                    .flatten()
                    .map(JsCast::unchecked_into)
            } else {
                Some(toggle.clone())
            };
            if let Some(target) = target {
                let _ = target.focus();
            }
        }
    };
    {
        let (root, open) = (root.clone(), open.clone());
        listen(&toggle, "click", move |_| {
            open(!root.class_list().contains(OPEN))
        });
    }
    {
        let close = open.clone();
        listen(bar, "click", move |ev| {
            if closest(&ev, ".nt-filters__done").is_some() {
                close(false);
            }
        });
        let root = root.clone();
        listen(bar, "keydown", move |ev| {
            let escape = ev.unchecked_ref::<KeyboardEvent>().key() == "Escape";
            if escape && root.class_list().contains(OPEN) {
                ev.prevent_default();
                open(false);
            }
        });
    }
    toggle
}
