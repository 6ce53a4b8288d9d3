use crate::core::model::{safe_url, text_content, truncate_for_display, Event, Media};
use crate::ui::intl::DateFormatter;
use crate::ui::sanitize::sanitize;
use crate::ui::strings::{use_text, Strings};
use crate::ui::{CopyLink, Highlight};
use leptos::html::{Button, Div};
use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// File endings shown as an image; any other media URL (a video page, a
/// social post) becomes a plain link, so no third-party embed or tracker
/// loads unless the reader follows it.
const IMAGE_ENDINGS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"];

/// The open event's details: its date at the precision it was written, its
/// title, sanitized text, media and source. Focus moves to the card when it
/// opens; Esc or the close button closes it (the caller returns focus to
/// the event).
#[component]
pub fn EventCard(
    /// The event to show; `None` hides the card.
    #[prop(into)]
    event: Signal<Option<Event>>,
    /// Formats the date.
    formatter: StoredValue<DateFormatter, LocalStorage>,
    /// The event before this one among those shown, for "Previous".
    #[prop(into)]
    previous: Signal<Option<String>>,
    /// The event after this one among those shown, for "Next".
    #[prop(into)]
    next: Signal<Option<String>>,
    /// Asks to open another event's card.
    on_select: Callback<Option<String>>,
    /// Asks to close the card.
    on_close: Callback<()>,
    /// The folded search query, marked in the title and text.
    #[prop(into)]
    query: Signal<Option<String>>,
) -> impl IntoView {
    let words = use_text().s;
    let close_button = NodeRef::<Button>::new();
    let text = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let html = event.with(|e| e.as_ref().and_then(|e| e.text.clone()));
        let mark = query.get().unwrap_or_default();
        if let Some(container) = text.get() {
            container.set_text_content(None);
            let fragment = html
                .zip(container.owner_document())
                .and_then(|(html, document)| {
                    sanitize(&document, &truncate_for_display(&html), &mark)
                });
            if let Some(fragment) = fragment {
                let _ = container.append_child(&fragment);
            }
        }
    });
    // Focus moves in when a card opens, not when the search changes.
    Effect::new(move |_| {
        if event.with(Option::is_some) {
            if let Some(button) = close_button.get() {
                let _ = button.focus();
            }
        }
    });
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ev.stop_propagation();
            on_close.run(());
        }
    };
    move || {
        event.get().map(|event| {
            let date = formatter.with_value(|f| f.event_label(&event));
            let title = if event.title.is_empty() { date.clone() } else { truncate_for_display(&event.title).into_owned() };
            let source = event.source.as_ref().and_then(|s| {
                let href = safe_url(&s.url, false)?;
                let name = s.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| href.clone());
                Some(view! {
                    <p class="nt-card__source">
                        {words.source}
                        <a href=href rel="noopener noreferrer" target="_blank">{name}</a>
                    </p>
                })
            });
            view! {
                <div class="nt-card" role="dialog" aria-labelledby="nt-card-title" on:keydown=on_keydown>
                    <button
                        type="button"
                        class="nt-card__close"
                        aria-label=words.close
                        node_ref=close_button
                        on:click=move |_| on_close.run(())
                    >
                        "×"
                    </button>
                    <p class="nt-card__date">
                        <time datetime=event.start.to_string()>{date}</time>
                    </p>
                    <h3 class="nt-card__title" id="nt-card-title">
                        {move || view! { <Highlight text=title.clone() query=query.get() /> }}
                    </h3>
                    {event.media.as_deref().and_then(|m| media_view(m, words))}
                    <div class="nt-card__text" node_ref=text></div>
                    {source}
                    <CopyLink id=event.id.clone() />
                    <nav class="nt-card__nav" aria-label=words.other_events>
                        <button
                            type="button"
                            class="nt-card__step nt-card__step--previous"
                            disabled=move || previous.with(Option::is_none)
                            on:click=move |_| on_select.run(previous.get_untracked())
                        >
                            {words.previous}
                        </button>
                        <button
                            type="button"
                            class="nt-card__step nt-card__step--next"
                            disabled=move || next.with(Option::is_none)
                            on:click=move |_| on_select.run(next.get_untracked())
                        >
                            {words.next}
                        </button>
                    </nav>
                    {(!event.tags.is_empty())
                        .then(|| {
                            view! {
                                <ul class="nt-card__tags" aria-label=words.tags>
                                    {event.tags.iter().map(|t| view! { <li class="nt-card__tag">{t.clone()}</li> }).collect_view()}
                                </ul>
                            }
                        })}
                </div>
            }
        })
    }
}

/// An image (lazy-loaded, with alt, caption and credit) or, for any other
/// media, a link out.
fn media_view(media: &Media, words: &'static Strings) -> Option<impl IntoView> {
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
    let figure = if is_image {
        let src = safe_url(&media.url, true)?;
        let alt = media
            .alt
            .clone()
            .or_else(|| media.caption.as_deref().map(text_content))
            .unwrap_or_default();
        view! {
            <figure class="nt-card__media">
                <img class="nt-card__image" src=src alt=alt loading="lazy" decoding="async" />
                {(!caption.is_empty()).then(|| view! { <figcaption class="nt-card__caption">{caption}</figcaption> })}
            </figure>
        }
        .into_any()
    } else {
        let href = safe_url(&media.url, false)?;
        let label = if caption.is_empty() {
            words.view_media.to_owned()
        } else {
            caption
        };
        view! {
            <p class="nt-card__media nt-card__media--link">
                <a href=href rel="noopener noreferrer" target="_blank">{label}</a>
            </p>
        }
        .into_any()
    };
    Some(figure)
}
