//! The one writable state of a widget, and the rules that change it.
//!
//! # Overview
//!
//! [`TimelineState`] owns the data ([`Dataset`]), the visible window, the
//! reader's current event ([`Selection`]), the filter and whether the
//! window is moving. Everything else is derived from these in memos (the
//! shown events, their time index, the zoom limits), and the DOM from
//! those. The JS API (`embed`) and the components change the state only
//! through its methods, which carry the rules: keep or refit the window
//! when data is replaced, merge live additions and removals keeping the
//! window, the filter and the card, follow the latest events, count the
//! new events the window does not show, follow an event the reader moves
//! to, close a card whose event is gone.
//!
//! ```
//! use leptos::prelude::*;
//! use news_timeline::core::import::parse_document;
//! use news_timeline::ui::state::{Settings, TimelineState};
//!
//! let owner = Owner::new();
//! owner.set();
//! let parsed = parse_document(
//!     r#"[{"id": "a", "start": "2019-05-05", "title": "Carrier deployed"},
//!         {"id": "b", "start": "2019-06-13", "title": "Tankers attacked"}]"#,
//! ).unwrap_or_default();
//! let state = TimelineState::new(parsed, Settings::default());
//! state.step(1, None);
//! assert_eq!(state.selection_untracked().id.as_deref(), Some("a"));
//! assert!(state.select(Some("b")).is_ok());
//! assert!(state.selection_untracked().open);
//! ```
//!
//! # What is the current event?
//!
//! The event the reader is at: where the track's keyboard focus is (the
//! roving tab stop), and the one whose card shows when the card is open.
//! One value for both, so focus and card never disagree. Out of scope
//! here: anything that touches the DOM, timers or JS values (the state is
//! tested natively).

use crate::core::dataset::{Dataset, Shown};
use crate::core::filter::Filter;
use crate::core::import::Parsed;
use crate::core::index::TimeIndex;
use crate::core::lanes::{LaneMode, Lanes, ShownLanes};
use crate::core::merge::{self, Change};
use crate::core::model::Problem;
use crate::core::palette::{parse_hex, Palette, Rgba};
use crate::core::scale::{center_on, pan, zoom, ZoomLimits, DEFAULT_MIN_SPAN_MS};
use crate::core::window::{opening, Opening, Window};
use crate::core::zone::{Placed, TimeZone, Zone};
use crate::ui::reactive::{Derived, Source};
use leptos::prelude::*;
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

/// The window moves while it changes again within this many ms (a wheel
/// or pinch zoom, a drag, an eased zoom, a page calling `setWindow` frame
/// after frame); see [`TimelineState::moving`].
pub const MOVING_REST_MS: f64 = 150.0;

/// The reader's current event and whether its card is open.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selection {
    /// The current event's id.
    pub id: Option<String>,
    /// Whether its card is open.
    pub open: bool,
}

/// What a state is made with besides its data.
#[derive(Clone, Copy)]
pub struct Settings {
    /// The narrowest window reader zooming allows, in ms.
    pub min_span_ms: f64,
    /// The present, in ms since the epoch (`Date.now` in the browser; a
    /// fixed clock in tests).
    pub now: fn() -> f64,
    /// Whether the groups get lanes (the `lanes` option).
    pub lanes: LaneMode,
    /// What a CSS colour of the data is, as RGBA; `None` for text that is
    /// no colour (a canvas in the browser; hex only in tests).
    pub color: fn(&str) -> Option<Rgba>,
    /// Whether the window follows later events that arrive while it shows
    /// the latest one (the `follow` option).
    pub follow: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_span_ms: DEFAULT_MIN_SPAN_MS,
            now: || 0.0,
            lanes: LaneMode::Auto,
            color: parse_hex,
            follow: false,
        }
    }
}

/// What a method refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateError {
    /// `select(id)` with an id no event has.
    UnknownEvent(String),
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateError::UnknownEvent(id) => write!(f, "no event has the id \"{id}\""),
        }
    }
}

impl std::error::Error for StateError {}

/// A widget's state: source signals, the memos derived from them, and
/// the methods that change them. `Copy`: components and the JS API each
/// hold it (it is also provided as a context).
#[derive(Clone, Copy)]
pub struct TimelineState {
    data: Source<Arc<Dataset>>,
    window: Source<Window>,
    selection: Source<Selection>,
    filter: Source<Filter>,
    moving: Source<bool>,
    /// When the window last changed, for [`TimelineState::moving`]
    /// (bookkeeping, not state anything is derived from).
    last_change: StoredValue<f64>,
    /// What the options were refused for (a warning at `options.<name>`,
    /// the default used); they stay while the data changes.
    notices: StoredValue<Vec<Problem>>,
    /// The `timeZone` option (its offsets come from Intl in the browser,
    /// so it stays on this thread); the data says which zone it was
    /// placed in.
    zone: StoredValue<Rc<TimeZone>, LocalStorage>,
    /// Why the last refresh of the data failed, until one succeeds.
    stale: Source<Option<Problem>>,
    /// Ids of events added (live) outside the window, not yet seen.
    unseen: Source<Vec<String>>,
    /// The present on the axis (the zone's wall clock) as of the clock's
    /// last tick ([`TimelineState::tick`]).
    clock: Source<f64>,
    shown: Derived<Shown>,
    index: Derived<TimeIndex>,
    palette: Derived<Palette>,
    lanes: Derived<Lanes>,
    shown_lanes: Derived<ShownLanes>,
    limits: Derived<ZoomLimits>,
    query: Derived<Option<String>>,
    settings: Settings,
}

impl TimelineState {
    /// The state of a widget showing `parsed`, fitted to its events, with
    /// no current event and no filter. Call it under the widget's owner.
    pub fn new(parsed: Parsed, settings: Settings) -> TimelineState {
        TimelineState::with_options(
            parsed,
            settings,
            Vec::new(),
            &Opening::default(),
            TimeZone::Fixed(0),
        )
    }

    /// [`TimelineState::new`], opening on the view `opening` asks for
    /// (see [`opening`]), with the problems the options had (reported
    /// before the data's, with them, whatever the data), in the time zone
    /// `zone` (the `timeZone` option): positions are wall-clock times of
    /// the zone the data is placed in (see [`crate::core::zone`]).
    pub fn with_options(
        parsed: Parsed,
        settings: Settings,
        mut notices: Vec<Problem>,
        opening_view: &Opening,
        zone: TimeZone,
    ) -> TimelineState {
        let now = (settings.now)();
        let data = dataset_in(parsed, &zone, now);
        let placed = zone.zone(data.zone);
        // The present on the axis.
        let now = placed.wall(now);
        let opened = opening(&data, opening_view, now, placed);
        notices.extend(opened.problems);
        let selection = Selection {
            open: opened.card.is_some(),
            id: opened.card,
        };
        let window = opened.window;
        let zone = StoredValue::new_local(Rc::new(zone));
        let data = Source::new(data);
        let filter = Source::new(Filter::default());
        let shown = Derived::shared(move || data.with(|d| filter.with(|f| Arc::new(d.shown(f)))));
        let index = Derived::shared(move || shown.with(|s| Arc::new(TimeIndex::new(&s.timeline))));
        let limits = Derived::new(move |_| {
            let now = data.with_untracked(|d| zone.get_value().zone(d.zone).wall((settings.now)()));
            index.with(|i| ZoomLimits::for_extent(i.extent(), settings.min_span_ms, now))
        });
        let query = Derived::new(move |_| filter.with(Filter::folded_query));
        let palette = Derived::shared(move || {
            data.with(|d| Arc::new(Palette::new(&d.timeline, &settings.color)))
        });
        let lanes = Derived::shared(move || {
            data.with(|d| Arc::new(Lanes::choose(&d.timeline, settings.lanes)))
        });
        let shown_lanes = Derived::shared(move || {
            let lanes = lanes.read();
            shown.with(|s| Arc::new(ShownLanes::split(&s.timeline, &lanes)))
        });
        TimelineState {
            palette,
            lanes,
            shown_lanes,
            notices: StoredValue::new(notices),
            zone,
            stale: Source::new(None),
            unseen: Source::new(Vec::new()),
            clock: Source::new(now),
            query,
            data,
            window: Source::new(window),
            selection: Source::new(selection),
            filter,
            moving: Source::new(false),
            last_change: StoredValue::new(f64::NEG_INFINITY),
            shown,
            index,
            limits,
            settings,
        }
    }

    /// Whether the widget still lives: a callback the browser runs later
    /// (an animation frame) checks it before reading the state, which is
    /// gone once the widget is destroyed.
    pub fn is_alive(&self) -> bool {
        self.window.try_read_untracked().is_some()
    }

    /// The present, in ms since 1970 UTC (for timing).
    pub fn now(&self) -> f64 {
        (self.settings.now)()
    }

    /// The present on the axis: the wall clock of the data's zone.
    pub fn now_on_axis(&self) -> f64 {
        let now = self.now();
        self.with_zone(|zone| zone.wall(now))
    }

    /// `look`s at the zone the axis counts the wall-clock time of (to turn
    /// positions into instants and back at the API's edge), untracked.
    pub fn with_zone<R>(&self, look: impl FnOnce(Zone<'_>) -> R) -> R {
        let (time_zone, placed) = self.zone_parts();
        look(time_zone.zone(placed))
    }

    /// The `timeZone` option and the zone the data was placed in (one
    /// copy of the stores' code, not one per caller of `with_zone`).
    #[inline(never)]
    fn zone_parts(&self) -> (Rc<TimeZone>, Placed) {
        (self.zone.get_value(), self.data.with_untracked(|d| d.zone))
    }

    /// The `timeZone` option.
    fn time_zone(&self) -> Rc<TimeZone> {
        self.zone.get_value()
    }

    // ---- reading (tracked: a memo or binding reading these reruns) ----

    /// The data.
    pub fn data(&self) -> Arc<Dataset> {
        self.data.get()
    }

    /// The data, untracked (for handlers and the JS API).
    pub fn data_untracked(&self) -> Arc<Dataset> {
        self.data.get_untracked()
    }

    /// What validation reported: the options' problems (with "auto"
    /// lanes meeting too many groups), a failed refresh, then the data's,
    /// then its colours' (tracked: the data's change with the data).
    pub fn problems(&self) -> Vec<Problem> {
        let mut all = self.notices.get_value();
        all.extend(self.lanes.read().problem.clone());
        all.extend(self.stale.get());
        all.extend(self.data().problems.iter().cloned());
        all.extend(self.palette.read().problems.iter().cloned());
        all
    }

    /// The data's colours, readable on both themes.
    pub fn palette(&self) -> Arc<Palette> {
        self.palette.read()
    }

    /// The `lanes` option.
    pub fn lane_mode(&self) -> LaneMode {
        self.settings.lanes
    }

    /// The lanes the data gets (none: one track).
    pub fn lanes(&self) -> Arc<Lanes> {
        self.lanes.read()
    }

    /// The shown events of each lane that shows any.
    pub fn shown_lanes(&self) -> Arc<ShownLanes> {
        self.shown_lanes.read()
    }

    /// How many events were added outside the window and not seen yet
    /// (the "N new events" control).
    pub fn unseen(&self) -> usize {
        self.unseen.read().len()
    }

    /// The present as of the clock's last tick.
    pub fn clock(&self) -> f64 {
        self.clock.get()
    }

    /// The events passing the filter.
    pub fn shown(&self) -> Arc<Shown> {
        self.shown.read()
    }

    /// The events passing the filter, untracked.
    pub fn shown_untracked(&self) -> Arc<Shown> {
        self.shown.read_untracked()
    }

    /// The time index of the shown events.
    pub fn index(&self) -> Arc<TimeIndex> {
        self.index.read()
    }

    /// The visible range.
    pub fn window(&self) -> Window {
        self.window.get()
    }

    /// The visible range, untracked.
    pub fn window_untracked(&self) -> Window {
        self.window.get_untracked()
    }

    /// The current event and whether its card is open.
    pub fn selection(&self) -> Selection {
        self.selection.get()
    }

    /// The selection, untracked.
    pub fn selection_untracked(&self) -> Selection {
        self.selection.get_untracked()
    }

    /// The reader's criteria.
    pub fn filter(&self) -> Filter {
        self.filter.get()
    }

    /// The criteria, untracked.
    pub fn filter_untracked(&self) -> Filter {
        self.filter.get_untracked()
    }

    /// Whether the window is moving: it changed again within
    /// [`MOVING_REST_MS`] of its previous change, and has not rested
    /// since ([`TimelineState::rest`]). The track adds only a few labels
    /// a step while it moves.
    pub fn moving(&self) -> bool {
        self.moving.get()
    }

    /// The search query as matched (folded), marked in labels and cards.
    pub fn query(&self) -> Option<String> {
        self.query.get()
    }

    /// How far reader zooming may go.
    pub fn limits(&self) -> ZoomLimits {
        self.limits.get()
    }

    /// How far reader zooming may go, untracked.
    pub fn limits_untracked(&self) -> ZoomLimits {
        self.limits.get_untracked()
    }

    /// The shown position of the current event, if it is shown.
    pub fn current_position(&self) -> Option<usize> {
        let id = self.selection.with(|s| s.id.clone())?;
        self.position_of(&id)
    }

    /// Where the event with id `id` is among the shown events, if it is.
    pub fn position_of(&self, id: &str) -> Option<usize> {
        let at = self.data.with(|d| d.index_of(id))?;
        self.shown.with(|s| s.position_of(at))
    }

    // ---- changing (the rules) ----

    /// Replaces the data (`setEvents`). The window stays where the reader
    /// left it while it still shows some of the new events, otherwise it
    /// fits them; the current event stays if the new data has it (its card
    /// showing the new content), else there is none. Returns what changed,
    /// by id.
    pub fn replace_data(&self, parsed: Parsed) -> Change {
        let old = self.data.get_untracked();
        let data = self.dataset(parsed);
        let window = self.keep_instants(&old, &data);
        if window.visible(&data.timeline).next().is_none() {
            let now = self.time_zone().zone(data.zone).wall(self.now());
            self.set_window(Window::fit(&data.timeline, now));
        } else {
            self.set_window(window);
        }
        let change = merge::diff(&old, &data);
        self.apply(data, &change, false);
        change
    }

    /// Adds events, an event with a known id replacing that one
    /// (`addEvents`): see [`TimelineState::reload`] for what stays.
    pub fn add_events(&self, parsed: Parsed) -> Change {
        let old = self.data.get_untracked();
        let warned = !parsed.problems.is_empty();
        let (merged, change) = merge::add(&old, parsed);
        if !change.is_empty() || warned {
            self.apply(self.derived_dataset(merged), &change, true);
        }
        change
    }

    /// Removes the events with these ids (`removeEvents`); returns the
    /// ids that were there, each once. An open card of a removed event
    /// closes.
    pub fn remove_events(&self, ids: &[String]) -> Vec<String> {
        let Some((kept, removed)) = merge::remove(&self.data.get_untracked(), ids) else {
            return Vec::new();
        };
        let change = Change {
            removed,
            ..Change::default()
        };
        self.apply(self.derived_dataset(kept), &change, true);
        change.removed
    }

    /// Replaces the data with a new reading of its file, the file being
    /// the truth (`reload()`, `refresh`). Unlike `setEvents`, a live change
    /// never refits: the window, the filter and the card stay (a card
    /// whose event changed shows the new content; one whose event is gone
    /// closes), new events the window does not show are counted for the
    /// "N new events" control, and with `follow` a window that showed the
    /// latest event moves to the later ones. A successful reading clears
    /// a failed refresh's notice.
    pub fn reload(&self, parsed: Parsed) -> Change {
        let old = self.data.get_untracked();
        let data = self.dataset(parsed);
        self.set_window(self.keep_instants(&old, &data));
        let change = merge::diff(&old, &data);
        self.apply(data, &change, true);
        self.refresh_failed(None);
        change
    }

    /// Says why the last refresh failed (a notice among the problems,
    /// while the data shown stays), or with `None` that one succeeded.
    pub fn refresh_failed(&self, problem: Option<Problem>) {
        if *self.stale.read_untracked() != problem {
            self.stale.set(problem);
        }
    }

    /// Brings the unseen new events into view (the "N new events"
    /// control): the window moves as little as it can, or widens when
    /// they do not fit it. The earliest becomes the current event, so the
    /// arrows go on from there.
    pub fn show_unseen(&self) {
        let ids = self.unseen.get_untracked();
        self.unseen.set(Vec::new());
        let positions = ids.iter().filter_map(|id| untrack(|| self.position_of(id)));
        let Some((first, last)) = positions.fold(None, |span, at| match span {
            None => Some((at, at)),
            Some((first, last)) => Some((at.min(first), at.max(last))),
        }) else {
            return;
        };
        let shown = self.shown.read_untracked();
        let start = |at: usize| shown.timeline.events.get(at).map(|e| e.start_ms());
        if let Some((from, to)) = start(first).zip(start(last)) {
            self.set_window(self.window.get_untracked().showing(from, to));
            self.move_to(first);
        }
    }

    /// The clock ticked: the present is `now()` (the "Today" line moves,
    /// and ongoing events reach the new present).
    pub fn tick(&self) {
        let now = self.now_on_axis();
        self.clock.set(now);
        let data = self.data.get_untracked();
        if !data.has_ongoing() {
            return;
        }
        let mut parsed = data.parsed();
        if parsed.timeline.resolve_ongoing(now) {
            self.data.set(self.derived_dataset(parsed));
        }
    }

    /// The dataset of a new reading of the data, in the `timeZone`
    /// option's zone (with "auto", the new data's offset).
    fn dataset(&self, parsed: Parsed) -> Arc<Dataset> {
        dataset_in(parsed, &self.time_zone(), self.now())
    }

    /// The dataset of events taken from the one shown (added to, some
    /// removed, ongoing ones resolved again): in the zone that one was
    /// placed in, so that "auto" does not change the clock under events
    /// already on it.
    fn derived_dataset(&self, parsed: Parsed) -> Arc<Dataset> {
        let (time_zone, placed) = self.zone_parts();
        match placed {
            Placed::Fixed(offset) => dataset_in(parsed, &TimeZone::Fixed(offset), self.now()),
            Placed::Varying => dataset_in(parsed, &time_zone, self.now()),
        }
    }

    /// The window the reader sees, on the clock of `new` (the same
    /// instants when "auto" and new data's offset moved the wall clock).
    fn keep_instants(&self, old: &Dataset, new: &Dataset) -> Window {
        let window = self.window.get_untracked();
        let time_zone = self.time_zone();
        let (old, new) = (time_zone.zone(old.zone), time_zone.zone(new.zone));
        if old.placed() == new.placed() {
            return window;
        }
        let shift = |wall: f64| new.wall(old.instant(wall));
        Window::new(shift(window.start()), shift(window.end())).unwrap_or(window)
    }

    /// Shows `data`, which `change` made: the current event stays if the
    /// data still has it (else there is none: an open card closes). A
    /// `live` change also follows the latest events (with `follow`) and
    /// counts the new ones the window does not show.
    fn apply(&self, data: Arc<Dataset>, change: &Change, live: bool) {
        let window = self.window.get_untracked();
        let latest = |state: &TimelineState| {
            let shown = state.shown.read_untracked();
            let last = shown.timeline.events.last();
            last.map(|e| (e.start_ms(), e.end_ms()))
        };
        let before = latest(self);
        let following = live
            && self.settings.follow
            && before.is_none_or(|(start, end)| window.intersects(start, end));
        let selection = self.selection.read_untracked();
        if (selection.id.as_deref()).is_some_and(|id| data.index_of(id).is_none()) {
            self.selection.set(Selection::default());
        }
        self.data.set(data);
        if following {
            match (before, latest(self)) {
                (Some((was, _)), Some((now, _))) if now > was => {
                    self.set_window(window.reaching(was, now));
                }
                (None, Some(_)) => self.fit(),
                _ => {}
            }
        }
        let mut unseen = self.unseen.get_untracked();
        unseen.retain(|id| !change.removed.contains(id));
        if live {
            let window = self.window.get_untracked();
            let outside = |id: &&String| {
                untrack(|| self.position_of(id)).is_some()
                    && self
                        .period(id)
                        .is_some_and(|(start, end)| !window.intersects(start, end))
            };
            unseen.extend(change.added.iter().filter(outside).cloned());
        }
        if *self.unseen.read_untracked() != unseen {
            self.unseen.set(unseen);
        }
    }

    /// When the event with id `id` starts and ends, if the data has it.
    fn period(&self, id: &str) -> Option<(f64, f64)> {
        let data = self.data.read_untracked();
        let event = data.event(id)?;
        Some((event.start_ms(), event.end_ms()))
    }

    /// Shows exactly `window` (the reader's zoom and pan, `setWindow`).
    pub fn set_window(&self, window: Window) {
        let now = self.now();
        let last = self
            .last_change
            .try_get_value()
            .unwrap_or(f64::NEG_INFINITY);
        self.last_change.try_set_value(now);
        let moving = now - last < MOVING_REST_MS;
        if self.moving.get_untracked() != moving {
            self.moving.set(moving);
        }
        if self.window.get_untracked() != window {
            self.window.set(window);
            self.saw(window);
        }
    }

    /// Drops the unseen new events `window` shows: the reader has seen
    /// them.
    fn saw(&self, window: Window) {
        if self.unseen.read_untracked().is_empty() {
            return;
        }
        let mut unseen = self.unseen.get_untracked();
        let count = unseen.len();
        unseen.retain(|id| {
            self.period(id)
                .is_some_and(|(start, end)| !window.intersects(start, end))
        });
        if unseen.len() != count {
            self.unseen.set(unseen);
        }
    }

    /// The window has not changed for [`MOVING_REST_MS`]: the track lays
    /// out in full again.
    pub fn rest(&self) {
        if self.moving.get_untracked() {
            self.moving.set(false);
        }
    }

    /// Shows every shown event (`fit()`, the 0 key, "Show all").
    pub fn fit(&self) {
        let now = self.now_on_axis();
        let window = self.shown.with_untracked(|s| Window::fit(&s.timeline, now));
        self.set_window(window);
    }

    /// The window `factor` times narrower (wider below 1), keeping the
    /// instant at `anchor` (0 = left edge, 1 = right) in place, within the
    /// zoom limits.
    pub fn zoomed(&self, anchor: f64, factor: f64) -> Window {
        zoom(
            self.window.get_untracked(),
            anchor,
            factor,
            self.limits.get_untracked(),
        )
    }

    /// Pans by a fraction of the window (1 = one screen later).
    pub fn pan_by(&self, fraction: f64) {
        self.set_window(pan(self.window.get_untracked(), fraction));
    }

    /// Opens the card of the event with id `id` (the window pans to it if
    /// it is outside), or with `None` closes the card.
    pub fn select(&self, id: Option<&str>) -> Result<(), StateError> {
        let Some(id) = id else {
            self.close();
            return Ok(());
        };
        let (start, end) = self
            .period(id)
            .ok_or_else(|| StateError::UnknownEvent(id.to_owned()))?;
        self.follow(start, end);
        self.selection.set(Selection {
            id: Some(id.to_owned()),
            open: true,
        });
        Ok(())
    }

    /// Closes the card; the event stays current (focus returns to it).
    pub fn close(&self) {
        if self.selection.with_untracked(|s| s.open) {
            self.selection.update(|s| s.open = false);
        }
    }

    /// Makes the shown event at `position` current (its card showing if
    /// the card is open), the window following it when it is outside.
    pub fn move_to(&self, position: usize) {
        let event = self.shown.with_untracked(|s| {
            s.timeline
                .events
                .get(position)
                .map(|e| (e.id.clone(), e.start_ms(), e.end_ms()))
        });
        let Some((id, start, end)) = event else {
            return;
        };
        self.follow(start, end);
        if self
            .selection
            .with_untracked(|s| s.id.as_deref() != Some(id.as_str()))
        {
            self.selection.update(|s| s.id = Some(id));
        }
    }

    /// Moves the current event `delta` places among the shown events
    /// (Left/Right, the card's Previous/Next), counting from `fallback`
    /// when there is no current event or the filter hides it (the track
    /// passes its tab stop, the first event in view), else from the first.
    pub fn step(&self, delta: isize, fallback: Option<usize>) {
        let count = self.shown.with_untracked(|s| s.timeline.events.len());
        if count == 0 {
            return;
        }
        let position = match untrack(|| self.current_position()).or(fallback) {
            Some(at) => at.saturating_add_signed(delta).min(count - 1),
            None => 0,
        };
        self.move_to(position);
    }

    /// Moves to the event nearest in time in the lane `delta` lanes below
    /// (above, negative) the current event's (Up/Down), counting from
    /// `fallback` when there is no current shown event, else from the
    /// first. False without lanes (the key is the page's then); true at
    /// the first or last lane, where nothing moves.
    pub fn step_lane(&self, delta: isize, fallback: Option<usize>) -> bool {
        let split = self.shown_lanes.read_untracked();
        if split.lanes.is_empty() {
            return false;
        }
        let from = untrack(|| self.current_position())
            .or(fallback)
            .unwrap_or(0);
        let ms = self.shown.with_untracked(|s| {
            s.timeline
                .events
                .get(from)
                .map_or(f64::NAN, |e| e.start_ms())
        });
        if let Some(to) = split.nearest(from, delta, ms) {
            self.move_to(to);
        }
        true
    }

    /// Makes the first (`false`) or last (`true`) shown event current
    /// (Home/End).
    pub fn go_to_end(&self, last: bool) {
        let count = self.shown.with_untracked(|s| s.timeline.events.len());
        if count > 0 {
            self.move_to(if last { count - 1 } else { 0 });
        }
    }

    /// Replaces the reader's criteria. A `from` or `to` written with an
    /// offset is kept as the same instant on the axis's wall clock (read
    /// back without the offset).
    pub fn set_filter(&self, mut filter: Filter) {
        self.with_zone(|zone| {
            filter.from = filter.from.map(|d| zone.place(d));
            filter.to = filter.to.map(|d| zone.place(d));
        });
        if self.filter.with_untracked(|f| *f != filter) {
            self.filter.set(filter);
        }
    }

    /// Changes the criteria with `change`.
    pub fn update_filter(&self, change: impl FnOnce(&mut Filter)) {
        let mut filter = self.filter.get_untracked();
        change(&mut filter);
        self.set_filter(filter);
    }

    /// Pans so that a period the window misses comes into view, centred
    /// on its start.
    fn follow(&self, start: f64, end: f64) {
        let window = self.window.get_untracked();
        if !window.intersects(start, end) {
            self.set_window(center_on(window, start));
        }
    }
}

/// The dataset of `parsed` in `zone`, its ongoing events ending at the
/// present `now` (ms since 1970 UTC) on that zone's wall clock.
fn dataset_in(mut parsed: Parsed, zone: &TimeZone, now: f64) -> Arc<Dataset> {
    let present = zone.for_timeline(&parsed.timeline).wall(now);
    parsed.timeline.resolve_ongoing(present);
    Arc::new(Dataset::in_zone(parsed, zone))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::PartialDate;
    use crate::core::import::parse_document;

    const FOUR: &str = r#"[
        {"id": "carrier", "start": "2019-05-05", "title": "Carrier deployed", "tags": ["military"]},
        {"id": "tankers", "start": "2019-06-13", "title": "Tankers attacked", "tags": ["shipping"]},
        {"id": "drone", "start": "2019-07-19", "title": "Drone downed", "tags": ["military"]},
        {"id": "seized", "start": "2019-07-19", "title": "Tanker seized", "tags": ["shipping"]}
    ]"#;

    fn state_of(text: &str) -> TimelineState {
        TimelineState::new(
            parse_document(text).unwrap_or_default(),
            Settings::default(),
        )
    }

    fn with_owner(test: impl FnOnce()) {
        let owner = Owner::new();
        owner.with(test);
    }

    #[test]
    fn opens_fitted_with_nothing_current() {
        with_owner(|| {
            let state = state_of(FOUR);
            let data = state.data_untracked();
            assert_eq!(state.window_untracked(), Window::fit(&data.timeline, 0.0));
            assert_eq!(state.selection_untracked(), Selection::default());
        });
    }

    #[test]
    fn selecting_opens_the_card_and_pans_to_an_event_outside_the_window() {
        with_owner(|| {
            let state = state_of(FOUR);
            let may = Window::from_iso("2019-05", "2019-05").unwrap_or(state.window_untracked());
            state.set_window(may);
            assert!(state.select(Some("drone")).is_ok());
            let selection = state.selection_untracked();
            assert_eq!(
                (selection.id.as_deref(), selection.open),
                (Some("drone"), true)
            );
            let drone = state.data_untracked().event("drone").map(|e| e.start_ms());
            let window = state.window_untracked();
            assert!(drone.is_some_and(|ms| window.intersects(ms, ms + 1.0)));
        });
    }

    #[test]
    fn selecting_an_unknown_id_is_refused_and_changes_nothing() {
        with_owner(|| {
            let state = state_of(FOUR);
            assert_eq!(
                state.select(Some("nope")).map_err(|e| e.to_string()),
                Err("no event has the id \"nope\"".to_owned())
            );
            assert_eq!(state.selection_untracked(), Selection::default());
        });
    }

    #[test]
    fn closing_keeps_the_event_current() {
        with_owner(|| {
            let state = state_of(FOUR);
            assert!(state.select(Some("tankers")).is_ok());
            assert!(state.select(None).is_ok());
            let selection = state.selection_untracked();
            assert_eq!(
                (selection.id.as_deref(), selection.open),
                (Some("tankers"), false)
            );
        });
    }

    #[test]
    fn steps_move_through_the_shown_events_only() {
        with_owner(|| {
            let state = state_of(FOUR);
            state.set_filter(Filter {
                tags: vec!["military".into()],
                ..Filter::default()
            });
            state.step(1, None);
            assert_eq!(state.selection_untracked().id.as_deref(), Some("carrier"));
            state.step(1, None);
            assert_eq!(state.selection_untracked().id.as_deref(), Some("drone"));
            // Past the end stays at the last.
            state.step(1, None);
            assert_eq!(state.selection_untracked().id.as_deref(), Some("drone"));
            state.go_to_end(false);
            assert_eq!(state.selection_untracked().id.as_deref(), Some("carrier"));
        });
    }

    #[test]
    fn a_first_step_counts_from_the_fallback() {
        with_owner(|| {
            let state = state_of(FOUR);
            state.step(1, Some(1));
            assert_eq!(state.selection_untracked().id.as_deref(), Some("drone"));
        });
    }

    #[test]
    fn a_step_with_the_card_open_shows_the_next_event_in_the_card() {
        with_owner(|| {
            let state = state_of(FOUR);
            assert!(state.select(Some("tankers")).is_ok());
            state.step(1, None);
            let selection = state.selection_untracked();
            assert_eq!(
                (selection.id.as_deref(), selection.open),
                (Some("drone"), true)
            );
        });
    }

    #[test]
    fn replacing_data_keeps_a_window_that_still_shows_events_and_the_current_event() {
        with_owner(|| {
            let state = state_of(FOUR);
            let june = Window::from_iso("2019-06", "2019-06").unwrap_or(state.window_untracked());
            state.set_window(june);
            assert!(state.select(Some("tankers")).is_ok());
            state.replace_data(
                parse_document(
                    r#"[{"id": "tankers", "start": "2019-06-13", "title": "Two tankers attacked"}]"#,
                )
                .unwrap_or_default(),
            );
            assert_eq!(state.window_untracked(), june);
            assert_eq!(state.selection_untracked().id.as_deref(), Some("tankers"));
        });
    }

    #[test]
    fn replacing_data_refits_a_window_that_shows_none_and_drops_a_gone_event() {
        with_owner(|| {
            let state = state_of(FOUR);
            assert!(state.select(Some("carrier")).is_ok());
            let parsed = parse_document(r#"[{"id": "x", "start": "1990", "title": "Long ago"}]"#)
                .unwrap_or_default();
            let fitted = Window::fit(&parsed.timeline, 0.0);
            state.replace_data(parsed);
            assert_eq!(state.window_untracked(), fitted);
            assert_eq!(state.selection_untracked(), Selection::default());
        });
    }

    #[test]
    fn the_window_moves_only_while_changes_come_within_the_rest_time() {
        // A clock the test sets: changes 100 ms apart move, a lone one
        // after a rest does not.
        thread_local!(static NOW: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) });
        with_owner(|| {
            let parsed = parse_document(FOUR).unwrap_or_default();
            let state = TimelineState::new(
                parsed,
                Settings {
                    now: || NOW.with(std::cell::Cell::get),
                    ..Settings::default()
                },
            );
            let step = |at: f64, fraction: f64| {
                NOW.with(|n| n.set(at));
                state.pan_by(fraction);
                state.moving.get_untracked()
            };
            assert!(!step(1_000.0, 0.1), "a first change is laid out in full");
            assert!(step(1_100.0, 0.1), "a change within 150 ms moves");
            state.rest();
            assert!(!state.moving.get_untracked());
            assert!(!step(2_000.0, 0.1), "a change after a rest does not move");
        });
    }

    #[test]
    fn the_shown_events_follow_the_filter() {
        with_owner(|| {
            let state = state_of(FOUR);
            assert_eq!(state.shown_untracked().timeline.events.len(), 4);
            state.update_filter(|f| f.query = Some("tanker".into()));
            let shown = state.shown_untracked();
            let ids: Vec<&str> = shown
                .timeline
                .events
                .iter()
                .map(|e| e.id.as_str())
                .collect();
            assert_eq!(ids, ["tankers", "seized"]);
        });
    }

    #[test]
    fn a_filter_date_with_an_offset_is_kept_on_the_zone_s_wall_clock() {
        with_owner(|| {
            let parsed = parse_document(FOUR).unwrap_or_default();
            let state = TimelineState::with_options(
                parsed,
                Settings::default(),
                Vec::new(),
                &Opening::default(),
                TimeZone::Fixed(270),
            );
            let from = PartialDate::parse("2019-06-13T00:00Z").ok();
            state.set_filter(Filter {
                from,
                ..Filter::default()
            });
            let from = state.filter_untracked().from.map(|d| d.to_string());
            assert_eq!(from.as_deref(), Some("2019-06-13T04:30"));
        });
    }

    const THREADS: &str = r##"{"events": [
        {"id": "m1", "start": "2019-05-05", "title": "Carrier deployed", "group": "military", "tags": ["sea"]},
        {"id": "d1", "start": "2019-05-20", "title": "Talks offered", "group": "diplomacy"},
        {"id": "m2", "start": "2019-06-13", "title": "Tankers attacked", "group": "military", "tags": ["sea"]},
        {"id": "d2", "start": "2019-07-01", "title": "Talks fail", "group": "diplomacy", "tags": ["talks"]},
        {"id": "x", "start": "2019-07-02", "title": "Ungrouped", "group": 5}],
      "groups": [{"id": "military", "label": "Military", "color": "#ffeb3b"},
                 {"id": "diplomacy", "color": "blurple"}]}"##;

    #[test]
    fn up_and_down_move_to_the_nearest_event_in_the_next_lane() {
        with_owner(|| {
            let state = state_of(THREADS);
            let lanes = state.lanes.read_untracked();
            assert_eq!(lanes.names(), [Some("military"), Some("diplomacy"), None]);
            // From the tankers (13 June) down to diplomacy: talks offered
            // (20 May) is 24 days away, talks fail (1 July) 18.
            assert!(state.select(Some("m2")).is_ok());
            assert!(state.step_lane(1, None));
            assert_eq!(state.selection_untracked().id.as_deref(), Some("d2"));
            assert!(state.step_lane(1, None));
            assert_eq!(state.selection_untracked().id.as_deref(), Some("x"));
            // Nothing below the last lane: the key is used, nothing moves.
            assert!(state.step_lane(1, None));
            assert_eq!(state.selection_untracked().id.as_deref(), Some("x"));
            assert!(state.step_lane(-2, None));
            assert_eq!(state.selection_untracked().id.as_deref(), Some("m2"));
            // Without lanes Up and Down are the page's.
            let plain = state_of(FOUR);
            assert!(!plain.step_lane(1, None));
        });
    }

    #[test]
    fn new_data_in_another_offset_keeps_the_window_s_instants() {
        // "auto" follows the data: +04:30, then -03:00. The reader's
        // window stays on the same instants, shown on the new clock.
        with_owner(|| {
            let tehran = r#"[{"id": "a", "start": "2019-05-05T14:30+04:30", "title": "a"},
                            {"id": "b", "start": "2019-05-07T09:00+04:30", "title": "b"}]"#;
            let brasilia = r#"[{"id": "a", "start": "2019-05-05T07:00-03:00", "title": "a"}]"#;
            let parse = |text: &str| parse_document(text).unwrap_or_default();
            let state = TimelineState::with_options(
                parse(tehran),
                Settings::default(),
                Vec::new(),
                &Opening::default(),
                TimeZone::Auto,
            );
            let instants = || {
                let window = state.window_untracked();
                state.with_zone(|zone| window.iso_in(zone))
            };
            let before = instants();
            state.replace_data(parse(brasilia));
            assert_eq!(state.with_zone(|zone| zone.offset_at(0.0)), -180);
            assert_eq!(instants(), before);
            // The event at 07:00-03:00 is 07:00 on the new clock.
            let a = state
                .data_untracked()
                .event("a")
                .map(|e| e.start.to_string());
            assert_eq!(a.as_deref(), Some("2019-05-05T07:00"));
        });
    }

    fn parsed(text: &str) -> Parsed {
        parse_document(text).unwrap_or_default()
    }

    fn june() -> Window {
        Window::from_iso("2019-06", "2019-06").unwrap_or(Window::fit(&Default::default(), 0.0))
    }

    #[test]
    fn adding_events_keeps_the_window_the_filter_and_the_card_with_its_new_content() {
        with_owner(|| {
            let state = state_of(FOUR);
            state.set_window(june());
            state.update_filter(|f| f.tags = vec!["shipping".into()]);
            assert!(state.select(Some("tankers")).is_ok());
            let change = state.add_events(parsed(
                r#"[{"id": "tankers", "start": "2019-06-13", "title": "Two tankers attacked", "tags": ["shipping"]},
                    {"id": "talks", "start": "2019-06-20", "title": "Talks", "tags": ["shipping"]}]"#,
            ));
            assert_eq!(
                (change.added, change.updated),
                (vec!["talks".to_owned()], vec!["tankers".to_owned()])
            );
            assert_eq!(state.window_untracked(), june());
            assert_eq!(state.filter_untracked().tags, ["shipping"]);
            let selection = state.selection_untracked();
            assert_eq!(
                (selection.id.as_deref(), selection.open),
                (Some("tankers"), true)
            );
            let title = state
                .data_untracked()
                .event("tankers")
                .map(|e| e.title.clone());
            assert_eq!(title.as_deref(), Some("Two tankers attacked"));
            // Added inside the window: nothing to announce.
            assert_eq!(state.unseen.with_untracked(Vec::len), 0);
        });
    }

    #[test]
    fn a_filter_collapses_the_lanes_it_empties() {
        with_owner(|| {
            let state = state_of(THREADS);
            let shown = |state: TimelineState| -> Vec<usize> {
                state
                    .shown_lanes
                    .read_untracked()
                    .lanes
                    .iter()
                    .map(|l| l.lane)
                    .collect()
            };
            assert_eq!(shown(state), [0, 1, 2]);
            state.update_filter(|f| f.tags = vec!["sea".into(), "talks".into()]);
            assert_eq!(shown(state), [0, 1]);
            state.update_filter(|f| f.tags = vec!["sea".into()]);
            assert_eq!(shown(state), [0]);
        });
    }

    #[test]
    fn an_addition_of_only_bad_events_still_reports_them() {
        with_owner(|| {
            let state = state_of(FOUR);
            let change = state.add_events(parsed(r#"[{"start": "soon", "title": "x"}]"#));
            assert!(change.is_empty());
            let paths: Vec<String> = untrack(|| state.problems())
                .into_iter()
                .map(|p| p.path)
                .collect();
            assert_eq!(paths, ["[0].start"]);
        });
    }

    #[test]
    fn fit_without_events_shows_the_present_on_the_zone_s_clock() {
        with_owner(|| {
            let state = TimelineState::with_options(
                Parsed::default(),
                Settings {
                    now: || 1_000_000_000.0,
                    ..Settings::default()
                },
                Vec::new(),
                &Opening::default(),
                TimeZone::Fixed(-300),
            );
            let wall = 1_000_000_000.0 - 300.0 * 60_000.0;
            assert_eq!(state.now_on_axis(), wall);
            let window = state.window_untracked();
            assert_eq!((window.start() + window.end()) / 2.0, wall);
        });
    }

    #[test]
    fn colour_and_lane_warnings_join_the_data_s_problems() {
        with_owner(|| {
            let state = state_of(THREADS);
            let paths: Vec<String> = untrack(|| state.problems())
                .into_iter()
                .map(|p| p.path)
                .collect();
            assert_eq!(
                paths,
                ["events[4].group", "groups[0].color", "groups[1].color"]
            );
            let many: Vec<String> = (0..13)
                .map(|i| format!(r#"{{"start": "2019", "title": "t", "group": "g{i}"}}"#))
                .collect();
            let state = state_of(&format!("[{}]", many.join(",")));
            let paths: Vec<String> = untrack(|| state.problems())
                .into_iter()
                .map(|p| p.path)
                .collect();
            assert_eq!(paths, ["options.lanes"]);
            assert!(state.shown_lanes.read_untracked().lanes.is_empty());
        });
    }

    #[test]
    fn removing_the_open_event_closes_its_card_and_unknown_ids_are_ignored() {
        with_owner(|| {
            let state = state_of(FOUR);
            assert!(state.select(Some("drone")).is_ok());
            let window = state.window_untracked();
            let removed = state.remove_events(&["nope".into(), "drone".into()]);
            assert_eq!(removed, ["drone"]);
            assert_eq!(state.selection_untracked(), Selection::default());
            assert_eq!(state.window_untracked(), window);
            assert!(state.remove_events(&["nope".into()]).is_empty());
            assert_eq!(state.data_untracked().timeline.events.len(), 3);
        });
    }

    #[test]
    fn new_events_outside_the_window_are_counted_until_shown() {
        with_owner(|| {
            let state = state_of(FOUR);
            state.set_window(june());
            state.add_events(parsed(
                r#"[{"id": "a", "start": "2019-08-01", "title": "A"},
                    {"id": "b", "start": "2019-08-03", "title": "B"},
                    {"id": "c", "start": "2019-06-02", "title": "C"}]"#,
            ));
            assert_eq!(untrack(|| state.unseen()), 2);
            // A removed one is no longer new.
            state.remove_events(&["b".into()]);
            assert_eq!(untrack(|| state.unseen()), 1);
            state.add_events(parsed(
                r#"[{"id": "d", "start": "2019-09-01", "title": "D"}]"#,
            ));
            assert_eq!(untrack(|| state.unseen()), 2);
            state.show_unseen();
            assert_eq!(untrack(|| state.unseen()), 0);
            let window = state.window_untracked();
            let data = state.data_untracked();
            for id in ["a", "d"] {
                let e = data
                    .event(id)
                    .map(|e| (e.start_ms(), e.end_ms()))
                    .unwrap_or_default();
                assert!(window.intersects(e.0, e.1), "{id} is shown");
            }
            assert_eq!(state.selection_untracked().id.as_deref(), Some("a"));
        });
    }

    #[test]
    fn new_events_the_reader_pans_to_are_seen() {
        with_owner(|| {
            let state = state_of(FOUR);
            state.set_window(june());
            state.add_events(parsed(
                r#"[{"id": "a", "start": "2019-08-01", "title": "A"}]"#,
            ));
            assert_eq!(untrack(|| state.unseen()), 1);
            state.set_window(Window::from_iso("2019-08", "2019-08").unwrap_or(june()));
            assert_eq!(untrack(|| state.unseen()), 0);
            state.set_window(june());
            assert_eq!(untrack(|| state.unseen()), 0, "seen once is seen");
        });
    }

    fn following(follow: bool) -> TimelineState {
        TimelineState::new(
            parsed(FOUR),
            Settings {
                follow,
                ..Settings::default()
            },
        )
    }

    #[test]
    fn with_follow_a_window_showing_the_latest_event_moves_to_later_ones() {
        with_owner(|| {
            let state = following(true);
            let july = Window::from_iso("2019-07", "2019-07").unwrap_or(june());
            state.set_window(july);
            state.add_events(parsed(
                r#"[{"id": "late", "start": "2019-08-10", "title": "Late"}]"#,
            ));
            let window = state.window_untracked();
            assert_eq!(window.span(), july.span(), "the zoom stays");
            let late = state
                .data_untracked()
                .event("late")
                .map(|e| e.start_ms())
                .unwrap_or_default();
            assert!(window.intersects(late, late + 1.0));
            assert_eq!(untrack(|| state.unseen()), 0, "followed, so seen");
            // An earlier event does not move it.
            state.add_events(parsed(
                r#"[{"id": "early", "start": "2019-01-10", "title": "Early"}]"#,
            ));
            assert_eq!(state.window_untracked(), window);
        });
    }

    #[test]
    fn a_window_the_reader_moved_away_from_the_latest_event_stays() {
        with_owner(|| {
            let state = following(true);
            state.set_window(june());
            state.add_events(parsed(
                r#"[{"id": "late", "start": "2019-08-10", "title": "Late"}]"#,
            ));
            assert_eq!(state.window_untracked(), june());
            assert_eq!(untrack(|| state.unseen()), 1);
            // Without follow, even a window on the latest event stays.
            let state = following(false);
            let july = Window::from_iso("2019-07", "2019-07").unwrap_or(june());
            state.set_window(july);
            state.add_events(parsed(
                r#"[{"id": "late", "start": "2019-08-10", "title": "Late"}]"#,
            ));
            assert_eq!(state.window_untracked(), july);
        });
    }

    #[test]
    fn a_reload_makes_the_file_the_truth_and_keeps_the_view() {
        with_owner(|| {
            let state = state_of(FOUR);
            state.set_window(june());
            assert!(state.select(Some("tankers")).is_ok());
            state.refresh_failed(Some(Problem {
                path: "src".into(),
                message: "could not be refreshed".into(),
            }));
            assert_eq!(untrack(|| state.problems()).len(), 1);
            let change = state.reload(parsed(
                r#"[{"id": "tankers", "start": "2019-06-13", "title": "Tankers attacked", "tags": ["shipping"]},
                    {"id": "far", "start": "2021-01-01", "title": "Far away"}]"#,
            ));
            assert_eq!(change.added, ["far"]);
            assert_eq!(change.removed, ["carrier", "drone", "seized"]);
            assert!(change.updated.is_empty());
            assert_eq!(state.window_untracked(), june());
            assert_eq!(state.selection_untracked().id.as_deref(), Some("tankers"));
            assert!(
                untrack(|| state.problems()).is_empty(),
                "a good reload clears the notice"
            );
        });
    }

    #[test]
    fn set_events_reports_its_change_too() {
        with_owner(|| {
            let state = state_of(FOUR);
            let change = state.replace_data(parsed(
                r#"[{"id": "carrier", "start": "2019-05-05", "title": "Carrier deployed", "tags": ["military"]},
                    {"id": "new", "start": "2019-05-06", "title": "New"}]"#,
            ));
            assert_eq!(change.added, ["new"]);
            assert_eq!(change.removed, ["tankers", "drone", "seized"]);
            assert!(change.updated.is_empty());
        });
    }

    #[test]
    fn opens_on_the_event_start_at_names_with_its_card() {
        with_owner(|| {
            let state = TimelineState::with_options(
                parsed(FOUR),
                Settings::default(),
                Vec::new(),
                &Opening {
                    start_at: crate::core::window::StartAt::Event("tankers".into()),
                    ..Opening::default()
                },
                TimeZone::Fixed(0),
            );
            let selection = state.selection_untracked();
            assert_eq!(
                (selection.id.as_deref(), selection.open),
                (Some("tankers"), true)
            );
            let unknown = TimelineState::with_options(
                parsed(FOUR),
                Settings::default(),
                Vec::new(),
                &Opening {
                    start_at: crate::core::window::StartAt::Event("nope".into()),
                    ..Opening::default()
                },
                TimeZone::Fixed(0),
            );
            assert_eq!(unknown.selection_untracked(), Selection::default());
            let paths: Vec<String> = untrack(|| unknown.problems())
                .into_iter()
                .map(|p| p.path)
                .collect();
            assert_eq!(paths, ["options.startAt"]);
        });
    }

    #[test]
    fn an_ongoing_event_reaches_the_present_as_the_clock_ticks() {
        thread_local!(static NOW: std::cell::Cell<f64> = const { std::cell::Cell::new(1.7e12) });
        with_owner(|| {
            let state = TimelineState::new(
                parsed(r#"[{"id": "war", "start": "2022-02-24", "end": "now", "title": "War"}]"#),
                Settings {
                    now: || NOW.with(std::cell::Cell::get),
                    ..Settings::default()
                },
            );
            let end = || {
                state
                    .data_untracked()
                    .event("war")
                    .map(|e| e.end_ms())
                    .unwrap_or_default()
            };
            assert!((end() - 1.7e12).abs() <= 60_000.0);
            NOW.with(|n| n.set(1.8e12));
            state.tick();
            assert!((end() - 1.8e12).abs() <= 60_000.0);
            assert_eq!(untrack(|| state.clock()), 1.8e12);
        });
    }
}
