use crate::core::model::{truncate_for_display, Event, Problem, Timeline};
use crate::ui::intl::DateFormatter;
use crate::ui::DebugNotice;
use leptos::prelude::*;
use std::sync::Arc;

/// The whole widget as a reader meets it: a heading and the events in time
/// order, each labelled with its date at the precision it was written.
///
/// It renders an ordered list, which screen readers announce with its
/// length and which reads sensibly without any styling.
#[component]
pub fn TimelineView(
    /// The validated events, already in time order.
    #[prop(into)]
    timeline: Signal<Arc<Timeline>>,
    /// A heading that overrides the data's own title (the `title` option).
    #[prop(into)]
    title: Signal<Option<String>>,
    /// Validation problems, listed only when `debug` is on.
    #[prop(into)]
    problems: Signal<Vec<Problem>>,
    /// Whether page developers asked to see validation problems.
    debug: bool,
    /// The BCP 47 language dates are written in.
    lang: String,
    /// The widget's height in CSS pixels; the width follows the host.
    height: f64,
) -> impl IntoView {
    let formatter = StoredValue::new_local(DateFormatter::new(&lang));
    let heading = Memo::new(move |_| {
        title
            .get()
            .or_else(|| timeline.with(|t| t.title.clone()))
            .map(|t| truncate_for_display(&t).into_owned())
    });
    let is_empty = move || timeline.with(|t| t.events.is_empty());
    let date_label = move |event: &Event| {
        formatter.with_value(|f| match &event.end {
            Some(end) => format!("{} – {}", f.format(&event.start), f.format(end)),
            None => f.format(&event.start),
        })
    };
    view! {
        <section
            class="nt-timeline"
            aria-label=move || heading.get().unwrap_or_else(|| "Timeline".to_owned())
            style:height=format!("{}px", height.round() as i64)
        >
            {move || heading.get().map(|h| view! { <h2 class="nt-timeline__title">{h}</h2> })}
            {debug.then(|| view! { <DebugNotice problems /> })}
            <Show when=is_empty>
                <p class="nt-timeline__empty">"No events to show."</p>
            </Show>
            <ol class="nt-list">
                <For
                    each=move || timeline.with(|t| t.events.clone())
                    key=|event| event.id.clone()
                    let:event
                >
                    <li class="nt-event" data-event-id=event.id.clone()>
                        <time class="nt-event__date" datetime=event.start.to_string()>
                            {date_label(&event)}
                        </time>
                        <span class="nt-event__title">
                            {truncate_for_display(&event.title).into_owned()}
                        </span>
                    </li>
                </For>
            </ol>
        </section>
    }
}
