use crate::core::filter::Filter;
use crate::ui::strings::use_text;
use leptos::prelude::*;
use web_sys::Event as DomEvent;

/// Tag chips with counts and a search box: how a reader narrows a long
/// story ("only shipping", "only what mentions tankers"). Several chips mean
/// any of them; chips and search combine. The result count is announced
/// politely to screen readers.
#[component]
pub fn FilterBar(
    /// The current criteria.
    #[prop(into)]
    filter: Signal<Filter>,
    /// Every tag in the data with its event count, most used first.
    #[prop(into)]
    tags: Signal<Vec<(String, usize)>>,
    /// How many events pass, and how many there are.
    #[prop(into)]
    counts: Signal<(usize, usize)>,
    /// Whether the data ranks its events (more than one importance level),
    /// so a "key events only" choice means something.
    #[prop(into)]
    ranked: Signal<bool>,
    /// Asks for new criteria.
    on_filter: Callback<Filter>,
) -> impl IntoView {
    let text = use_text();
    let s = text.s;
    let toggle = move |tag: String| {
        let mut next = filter.get_untracked();
        if let Some(at) = next.tags.iter().position(|t| *t == tag) {
            next.tags.remove(at);
        } else {
            next.tags.push(tag);
        }
        on_filter.run(next);
    };
    let on_input = move |ev: DomEvent| {
        let mut next = filter.get_untracked();
        let query = event_target_value(&ev);
        next.query = (!query.is_empty()).then_some(query);
        on_filter.run(next);
    };
    let on_importance = move |ev: DomEvent| {
        let mut next = filter.get_untracked();
        next.min_importance = event_target_value(&ev)
            .parse::<u8>()
            .ok()
            .filter(|m| *m > 1);
        on_filter.run(next);
    };
    let importance = move || filter.with(|f| f.min_importance.unwrap_or(1).to_string());
    let status = move || {
        let (shown, all) = counts.get();
        if filter.with(Filter::is_empty) {
            text.events(all)
        } else {
            text.shown_of(shown, all)
        }
    };
    view! {
        <div class="nt-filters">
            <input
                type="search"
                class="nt-filters__search"
                placeholder=s.search
                aria-label=s.search
                prop:value=move || filter.with(|f| f.query.clone().unwrap_or_default())
                on:input=on_input
            />
            <Show when=move || tags.with(|t| !t.is_empty())>
                <ul class="nt-filters__chips" aria-label=s.filter_by_tag>
                    {move || {
                        tags.get()
                            .into_iter()
                            .map(|(tag, count)| {
                                let pressed_tag = tag.clone();
                                let pressed = move || filter.with(|f| f.tags.contains(&pressed_tag)).to_string();
                                let clicked = tag.clone();
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="nt-chip"
                                            aria-pressed=pressed
                                            on:click=move |_| toggle(clicked.clone())
                                        >
                                            {tag}
                                            <span class="nt-chip__count">{text.number(count)}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect::<Vec<_>>()
                    }}
                </ul>
            </Show>
            <Show when=move || ranked.get()>
                <select
                    class="nt-filters__importance"
                    aria-label=s.importance
                    prop:value=importance
                    on:change=on_importance
                >
                    <option value="1">{s.all_events}</option>
                    <option value="2">{s.important_events}</option>
                    <option value="3">{s.key_events}</option>
                </select>
            </Show>
            <p class="nt-filters__status" role="status" aria-live="polite">{status}</p>
        </div>
    }
}
