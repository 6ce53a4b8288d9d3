use crate::core::model::{text_content, truncate_for_display, Event};
use crate::ui::intl::DateFormatter;
use leptos::html::Button;
use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// The open event's details: its date at the precision it was written, its
/// title and text. Focus moves to the card when it opens; Esc or the close
/// button closes it (the caller returns focus to the event).
#[component]
pub fn EventCard(
    /// The event to show; `None` hides the card.
    #[prop(into)]
    event: Signal<Option<Event>>,
    /// Formats the date.
    formatter: StoredValue<DateFormatter, LocalStorage>,
    /// Asks to close the card.
    on_close: Callback<()>,
) -> impl IntoView {
    let close_button = NodeRef::<Button>::new();
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
            let date = formatter.with_value(|f| match &event.end {
                Some(end) => format!("{} – {}", f.format(&event.start), f.format(end)),
                None => f.format(&event.start),
            });
            // Until the sanitizer renders the allowed markup, the card shows
            // the text content only: a text node can never run code.
            let text = event.text.as_deref().map(text_content).filter(|t| !t.is_empty());
            let title = if event.title.is_empty() { date.clone() } else { truncate_for_display(&event.title).into_owned() };
            view! {
                <div class="nt-card" role="dialog" aria-labelledby="nt-card-title" on:keydown=on_keydown>
                    <button
                        type="button"
                        class="nt-card__close"
                        aria-label="Close"
                        node_ref=close_button
                        on:click=move |_| on_close.run(())
                    >
                        "×"
                    </button>
                    <p class="nt-card__date">
                        <time datetime=event.start.to_string()>{date}</time>
                    </p>
                    <h3 class="nt-card__title" id="nt-card-title">{title}</h3>
                    {text.map(|t| view! { <p class="nt-card__text">{t}</p> })}
                    {(!event.tags.is_empty())
                        .then(|| {
                            view! {
                                <ul class="nt-card__tags" aria-label="Tags">
                                    {event.tags.iter().map(|t| view! { <li class="nt-card__tag">{t.clone()}</li> }).collect_view()}
                                </ul>
                            }
                        })}
                </div>
            }
        })
    }
}
