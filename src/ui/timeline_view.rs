use crate::core::filter::{filtered_timeline, Filter, SearchIndex};
use crate::core::index::TimeIndex;
use crate::core::model::{truncate_for_display, Problem, Timeline};
use crate::core::scale::{zoom, ZoomLimits};
use crate::core::window::Window;
use crate::ui::color_scheme::{use_dark, Theme};
use crate::ui::intl::DateFormatter;
use crate::ui::motion::Motion;
use crate::ui::strings::{is_rtl, provide_text};
use crate::ui::track::{focus_event_later, ZOOM_STEP};
use crate::ui::use_element_size::use_element_size;
use crate::ui::{arc_changed, DebugNotice, EventCard, FilterBar, Overview, Track, ZoomControls};
use leptos::html::{Div, Section};
use leptos::prelude::*;
use std::sync::Arc;

/// What is shown: the events of `all` passing the filter, in time order.
/// With no filter that is the data itself (no copy, and the search index
/// is not built). One memo serves the view and the JS API.
pub fn shown_timeline(
    all: Signal<Arc<Timeline>>,
    filter: Signal<Filter>,
    search: Signal<Arc<SearchIndex>>,
) -> Memo<Arc<Timeline>> {
    Memo::new_with_compare(
        move |_| {
            if filter.with(Filter::is_empty) {
                return all.get();
            }
            all.with(|t| filter.with(|f| search.with(|s| filtered_timeline(t, f, s))))
                .map_or_else(|| all.get(), Arc::new)
        },
        arc_changed,
    )
}

/// The whole widget as a reader meets it: a heading with zoom controls, the
/// time track and, when an event is open, its card.
///
/// The view owns no data: the window and the selection are source signals
/// of the embedding, changed through `on_window` and `on_select`.
#[component]
pub fn TimelineView(
    /// The validated events, already in time order.
    #[prop(into)]
    timeline: Signal<Arc<Timeline>>,
    /// The visible range.
    #[prop(into)]
    window: Signal<Window>,
    /// The id of the event whose card is open.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// What the reader narrowed the events to.
    #[prop(into)]
    filter: Signal<Filter>,
    /// The events that pass `filter` ([`shown_timeline`]; the embedding
    /// shares it with the JS API).
    #[prop(into)]
    shown: Signal<Arc<Timeline>>,
    /// All events' tags with their counts, most used first
    /// ([`crate::core::import::Parsed::tags`]), for the filter chips.
    #[prop(into)]
    tags: Signal<Vec<(String, usize)>>,
    /// A heading that overrides the data's own title (the `title` option).
    #[prop(into)]
    title: Signal<Option<String>>,
    /// Validation problems, listed only when `debug` is on.
    #[prop(into)]
    problems: Signal<Vec<Problem>>,
    /// Whether page developers asked to see validation problems.
    debug: bool,
    /// The BCP 47 language of dates, numbers and the widget's own words.
    lang: String,
    /// The writing direction the host page asks for ("ltr" or "rtl", the
    /// `dir` attribute on the host or its nearest ancestor with one); by
    /// default the language's (right to left for Arabic, Hebrew, Persian,
    /// Urdu…).
    #[prop(default = None)]
    dir: Option<String>,
    /// The widget's height in CSS pixels; the width follows the host.
    height: f64,
    /// The narrowest window reader zooming allows, in milliseconds.
    min_span_ms: f64,
    /// Light, dark, or the reader's system setting.
    #[prop(optional)]
    theme: Theme,
    /// Asks for another visible range.
    on_window: Callback<Window>,
    /// Asks to open (or, with `None`, close) an event's card.
    on_select: Callback<Option<String>>,
    /// Asks for other filter criteria.
    on_filter: Callback<Filter>,
) -> impl IntoView {
    let all = timeline;
    let timeline = shown;
    let time_index = Memo::new_with_compare(
        move |_| timeline.with(|t| Arc::new(TimeIndex::new(t))),
        arc_changed,
    );
    let extent = Memo::new(move |_| all.with(|t| Window::fit(t, js_sys::Date::now())));
    let motion = Motion::default();
    let dark = use_dark(theme);
    let query = Memo::new(move |_| filter.with(Filter::folded_query));
    let ranked = Memo::new(move |_| {
        all.with(|t| {
            t.events
                .first()
                .is_some_and(|first| t.events.iter().any(|e| e.importance != first.importance))
        })
    });
    let counts = Signal::derive(move || {
        (
            timeline.with(|t| t.events.len()),
            all.with(|t| t.events.len()),
        )
    });
    let formatter = StoredValue::new_local(DateFormatter::new(&lang));
    let text = provide_text(&lang);
    let dir = dir
        .filter(|d| d == "ltr" || d == "rtl")
        .unwrap_or_else(|| if is_rtl(&lang) { "rtl" } else { "ltr" }.to_owned());
    let rtl = dir == "rtl";
    let root = NodeRef::<Section>::new();
    let track = NodeRef::<Div>::new();
    let track_size = use_element_size(track);
    let heading = Memo::new(move |_| {
        title
            .get()
            .or_else(|| timeline.with(|t| t.title.clone()))
            .map(|t| truncate_for_display(&t).into_owned())
    });
    let limits = Memo::new(move |_| {
        timeline.with(|t| ZoomLimits::for_timeline(t, min_span_ms, js_sys::Date::now()))
    });
    let fit = Callback::new(move |()| {
        on_window.run(timeline.with_untracked(|t| Window::fit(t, js_sys::Date::now())))
    });
    let zoom_by = move |factor: f64| {
        let current = window.get_untracked();
        motion.ease(
            current,
            zoom(current, 0.5, factor, limits.get_untracked()),
            on_window,
        );
    };
    let open_event = Memo::new(move |_| {
        let id = selected.get()?;
        all.with(|t| t.events.iter().find(|e| e.id == id).cloned())
    });
    // The card's previous/next, in time order among the shown events.
    let neighbour = move |step: isize| {
        let id = selected.get()?;
        timeline.with(|t| {
            let at = t.events.iter().position(|e| e.id == id)?;
            let to = at.checked_add_signed(step)?;
            t.events.get(to).map(|e| e.id.clone())
        })
    };
    let close = Callback::new(move |()| {
        if let Some(id) = selected.get_untracked() {
            on_select.run(None);
            focus_event_later(root.get_untracked().map(Into::into), id);
        }
    });
    view! {
        <section
            class="nt-timeline"
            class:nt-timeline--dark=dark
            node_ref=root
            lang=lang
            dir=dir
            aria-label=move || heading.get().unwrap_or_else(|| text.s.timeline.to_owned())
            style:height=format!("{}px", height.round() as i64)
        >
            <header class="nt-timeline__header">
                {move || heading.get().map(|h| view! { <h2 class="nt-timeline__title">{h}</h2> })}
                <ZoomControls
                    on_zoom_in=Callback::new(move |()| zoom_by(ZOOM_STEP))
                    on_zoom_out=Callback::new(move |()| zoom_by(1.0 / ZOOM_STEP))
                    on_fit=fit
                />
            </header>
            {debug.then(|| view! { <DebugNotice problems /> })}
            <FilterBar filter tags counts ranked on_filter />
            <Show when=move || timeline.with(|t| t.events.is_empty())>
                <p class="nt-timeline__empty">
                    {move || {
                        if all.with(|t| t.events.is_empty()) {
                            text.s.no_events.into_any()
                        } else {
                            view! {
                                {text.s.no_match}
                                <button
                                    type="button"
                                    class="nt-timeline__reset"
                                    on:click=move |_| on_filter.run(Filter::default())
                                >
                                    {text.s.show_all_events}
                                </button>
                            }
                                .into_any()
                        }
                    }}
                </p>
            </Show>
            <Track
                timeline
                index=time_index
                window
                selected
                limits
                formatter
                on_window
                on_select
                on_fit=fit
                motion
                query
                rtl
                track
                size=track_size
            />
            <Overview
                index=time_index
                extent
                window
                on_window
                motion
                filter
                on_filter
                formatter
                rtl
                width=track_size.width
            />
            <EventCard
                event=open_event
                formatter
                previous=Signal::derive(move || neighbour(-1))
                next=Signal::derive(move || neighbour(1))
                on_select
                on_close=close
                query
            />
        </section>
    }
}
