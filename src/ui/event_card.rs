//! The open event's details: its date at the precision it was written,
//! its title, sanitized text, media, source and tags, a link to share it,
//! and steps to the previous and next shown events.

use crate::core::model::{safe_url, text_content, truncate_for_display, Event, Media};
use crate::ui::dom::{add, add_text, bind, closest, document, el, listen, set, set_text, Timeout};
use crate::ui::highlight::highlight;
use crate::ui::reactive::Derived;
use crate::ui::sanitize::sanitize;
use crate::ui::strings::Strings;
use crate::ui::track::focus_current;
use crate::ui::Ctx;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// File endings shown as an image; any other media URL (a video page, a
/// social post) becomes a plain link, so no third-party embed or tracker
/// loads unless the reader follows it.
const IMAGE_ENDINGS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"];

/// How long "Link copied" shows, in ms.
const COPIED_MS: u32 = 2_000;

/// The card, a dialog at the end of `root` while the current event's card
/// is open. Focus moves into it when it opens (and stays in it when it
/// steps to another event); Esc or the close button closes it and focus
/// returns to the event's row on `track` (the time track, or the list).
pub fn event_card(cx: Ctx, root: &HtmlElement, track: HtmlElement) {
    let Ctx { state, text, .. } = cx;
    let words = text.s;
    let open_event = Derived::new(move |_| {
        let selection = state.selection();
        let id = selection.id.filter(|_| selection.open)?;
        state.data().event(&id).cloned()
    });
    // The card's step buttons: whether the current event has a shown
    // neighbour before and after it.
    let neighbours = Derived::new(move |_| {
        let count = state.shown().timeline.events.len();
        state
            .current_position()
            .map_or((false, false), |at| (at > 0, at + 1 < count))
    });
    let card = el("div", "nt-card");
    set(&card, "role", "dialog");
    set(&card, "aria-labelledby", "nt-card-title");
    let copied = Timeout::new();
    {
        let (card, track) = (card.clone(), track.clone());
        listen(&card.clone(), "click", move |ev| {
            let Some(button) = closest(&ev, "button") else {
                return;
            };
            match button.get_attribute("data-card").as_deref() {
                Some("close") => close(cx, &track),
                Some("previous") => state.step(-1, None),
                Some("next") => state.step(1, None),
                Some("copy") => copy_link(&card, copied, words),
                _ => {}
            }
        });
    }
    {
        let track = track.clone();
        listen(&card.clone(), "keydown", move |ev| {
            if ev.unchecked_ref::<KeyboardEvent>().key() == "Escape" {
                ev.prevent_default();
                ev.stop_propagation();
                close(cx, &track);
            }
        });
    }
    let root = root.clone();
    let mut shown_id: Option<String> = None;
    let card_for_content = card.clone();
    bind(move || {
        let card = &card_for_content;
        let query = state.query();
        let Some(event) = open_event.get() else {
            shown_id = None;
            card.remove();
            return;
        };
        // Focus moves in when the card opens, and stays in it when its
        // steps show another event; a new search or a key on the track
        // leaves it where it is.
        let moved_focus = match shown_id.replace(event.id.clone()) {
            None => true,
            Some(was) => was != event.id && card.matches(":focus-within").unwrap_or(false),
        };
        card.set_text_content(None);
        fill(cx, card, &event, query.as_deref(), words);
        let nav = add(card, "nav", "nt-card__nav");
        set(&nav, "aria-label", words.other_events);
        let steps = [("previous", words.previous), ("next", words.next)].map(|(which, label)| {
            let step = add_text(
                &nav,
                "button",
                &["nt-card__step nt-card__step--", which].concat(),
                label,
            );
            set(&step, "type", "button");
            set(&step, "data-card", which);
            step
        });
        let [previous, next] = steps;
        bind(move || {
            let (before, after) = neighbours.get();
            previous
                .toggle_attribute_with_force("disabled", !before)
                .ok();
            next.toggle_attribute_with_force("disabled", !after).ok();
        });
        if !event.tags.is_empty() {
            let tags = add(card, "ul", "nt-card__tags");
            set(&tags, "aria-label", words.tags);
            for tag in &event.tags {
                add_text(&tags, "li", "nt-card__tag", tag);
            }
        }
        let _ = root.append_child(card);
        if moved_focus {
            if let Ok(Some(close)) = card.query_selector(".nt-card__close") {
                let _ = close.unchecked_ref::<HtmlElement>().focus();
            }
        }
    });
}

/// Closes the card and gives focus back to its event on the track (or
/// in the list).
fn close(cx: Ctx, track: &HtmlElement) {
    cx.state.close();
    focus_current(cx, track.clone());
}

/// The card's content above its steps.
fn fill(cx: Ctx, card: &HtmlElement, event: &Event, query: Option<&str>, words: &'static Strings) {
    let close = add_text(card, "button", "nt-card__close", "×");
    set(&close, "type", "button");
    set(&close, "aria-label", words.close);
    set(&close, "data-card", "close");
    let date = cx.dates.with_value(|f| f.event_label(event));
    let time = add_text(&add(card, "p", "nt-card__date"), "time", "", &date);
    set(&time, "datetime", &event.start.to_string());
    let title = add(card, "h3", "nt-card__title");
    set(&title, "id", "nt-card-title");
    let heading = if event.title.is_empty() {
        date
    } else {
        truncate_for_display(&event.title).into_owned()
    };
    highlight(&title, &heading, query);
    if let Some(media) = &event.media {
        media_view(card, media, words);
    }
    text_and_source(card, event, query, words, "nt-card");
    let share = add(card, "p", "nt-card__share");
    let copy = add_text(&share, "button", "nt-card__copy", words.copy_link);
    set(&copy, "type", "button");
    set(&copy, "data-card", "copy");
    set(&copy, "data-id", &event.id);
    let status = add(&share, "span", "nt-card__copied");
    set(&status, "role", "status");
}

/// An event's sanitized text and its source's link, in `parent`, classed
/// `<block>__text` and `<block>__source` (the card's, and the printed
/// list's).
pub fn text_and_source(
    parent: &Element,
    event: &Event,
    query: Option<&str>,
    words: &'static Strings,
    block: &str,
) {
    let text = add(parent, "div", &[block, "__text"].concat());
    if let Some(html) = &event.text {
        if let Some(fragment) = sanitize(
            &document(),
            &truncate_for_display(html),
            query.unwrap_or_default(),
        ) {
            let _ = text.append_child(&fragment);
        }
    }
    if let Some(source) = &event.source {
        if let Some(href) = safe_url(&source.url, false) {
            let name = source
                .name
                .as_deref()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or(&href);
            let line = add_text(parent, "p", &[block, "__source"].concat(), words.source);
            link(&line, &href, name);
        }
    }
}

/// An image (lazy-loaded, with alt, caption and credit) or, for any other
/// media, a link out.
fn media_view(card: &HtmlElement, media: &Media, words: &'static Strings) {
    // Caption and credit are limited HTML; their text is enough here.
    let caption = [media.caption.as_deref(), media.credit.as_deref()]
        .into_iter()
        .flatten()
        .map(text_content)
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" — ");
    let lower = media.url.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or_default();
    let is_image =
        lower.starts_with("data:image/") || IMAGE_ENDINGS.iter().any(|e| path.ends_with(e));
    if is_image {
        let Some(src) = safe_url(&media.url, true) else {
            return;
        };
        let alt = media
            .alt
            .clone()
            .or_else(|| media.caption.as_deref().map(text_content))
            .unwrap_or_default();
        let figure = add(card, "figure", "nt-card__media");
        let image = add(&figure, "img", "nt-card__image");
        for (name, value) in [
            ("src", src.as_str()),
            ("alt", &alt),
            ("loading", "lazy"),
            ("decoding", "async"),
        ] {
            set(&image, name, value);
        }
        if !caption.is_empty() {
            add_text(&figure, "figcaption", "nt-card__caption", &caption);
        }
    } else if let Some(href) = safe_url(&media.url, false) {
        let line = add(card, "p", "nt-card__media nt-card__media--link");
        let label = if caption.is_empty() {
            words.view_media
        } else {
            &caption
        };
        link(&line, &href, label);
    }
}

/// A link out of the article's page: a new tab, no opener, no referrer.
fn link(parent: &Element, href: &str, label: &str) {
    let a = add_text(parent, "a", "", label);
    for (name, value) in [
        ("href", href),
        ("rel", "noopener noreferrer"),
        ("target", "_blank"),
    ] {
        set(&a, name, value);
    }
}

/// Copies a link that opens this event's card (`#event-<id>`), so a
/// reader can share the moment rather than the whole page, and says so
/// for two seconds.
fn copy_link(card: &HtmlElement, copied: Timeout, words: &'static Strings) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(copy)) = card.query_selector(".nt-card__copy") else {
        return;
    };
    let id = copy.get_attribute("data-id").unwrap_or_default();
    let base = window.location().href().unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default();
    let link = [
        base,
        "#event-",
        &String::from(js_sys::encode_uri_component(&id)),
    ]
    .concat();
    let _ = window.navigator().clipboard().write_text(&link);
    if let Ok(Some(status)) = card.query_selector(".nt-card__copied") {
        set_text(&status, words.link_copied);
        copied.restart(COPIED_MS, move || status.set_text_content(None));
    }
}
