// Type declarations for news-timeline 0.1.0: the loader's global
// `NewsTimeline`, the Handle it returns, options, event details and the
// data formats (the embed contract).
//
// With a bundler:   import "news-timeline";            (defines the global)
//                   import type { Handle } from "news-timeline";
// With a script tag: /// <reference types="news-timeline" />
//
// The loader is a classic script: it defines `window.NewsTimeline` and
// loads news_timeline.js and news_timeline_bg.wasm from its own folder, or
// from the folder a <meta name="news-timeline-base" content="…/"> names.

// ---------------------------------------------------------------------------
// Data

/**
 * ISO 8601 extended date, partial allowed: "2019", "2019-05", "2019-05-05",
 * "2019-05-05T14:30Z", "-0043-03-15" (44 BC), "-13800000000" (year only).
 * A date without a time is a calendar date in every zone; a time without
 * an offset is wall-clock time in the widget's `timeZone`; one with an
 * offset is that instant, shown in the widget's `timeZone`.
 */
export type IsoDate = string;

export interface TimelineMedia {
  /** http, https, relative or data:image/ URL; images are shown, other URLs linked. */
  url: string;
  alt?: string;
  caption?: string;
  credit?: string;
  thumbnail?: string;
}

export interface TimelineSource {
  url: string;
  name?: string;
}

export interface TimelineEvent {
  /** Stable id; derived from the content if absent. */
  id?: string;
  start: IsoDate;
  /**
   * Makes the event a range. "now" (any case): an ongoing range reaching
   * the reader's present, moving with it, drawn with an open end.
   */
  end?: IsoDate | "now";
  /** Plain text, never parsed as HTML. */
  title: string;
  /** Limited HTML, sanitized by an allowlist. */
  text?: string;
  tags?: string[];
  /** 3 = most important; default 2. */
  importance?: 1 | 2 | 3;
  /** The story's thread: its lane and colour (trimmed; blank is none). */
  group?: string;
  media?: TimelineMedia;
  source?: TimelineSource;
}

/**
 * Any CSS colour the browser knows ("firebrick", "#b22222", "hsl(…)",
 * "oklch(…)"). Text that is none is a warning at its path and the default
 * colour is used; a colour below 3:1 contrast against a theme's background
 * is darkened (light) or lightened (dark) until it passes, with a warning.
 */
export type CssColor = string;

/** A `groups` entry: a group the events name, in lane order. */
export interface TimelineGroup {
  /** The `group` its events name; an id no event has is a warning, and the entry is ignored. */
  id: string;
  /** The lane's name; default the id. */
  label?: string;
  /** Its events' and its lane name's colour; page CSS may override it with `--nt-color-<slug>`. */
  color?: CssColor;
}

/** A shaded band behind the events; eras that overlap get separate bands. */
export interface TimelineEra {
  start: IsoDate;
  end: IsoDate;
  /** Its label. */
  title?: string;
  /** A faint tint of it, edged with it; default `--nt-era-bg`. */
  color?: CssColor;
}

export interface TimelineDocument {
  title?: string;
  events: TimelineEvent[];
  /** Lane order, names and colours: the groups listed first, then the others as they first appear. */
  groups?: TimelineGroup[];
  /**
   * Tag → colour: an event in no coloured group takes its first coloured
   * tag's; the tag chips show them. A tag no event carries is a warning.
   */
  colors?: { [tag: string]: CssColor };
  eras?: TimelineEra[];
}

/** A TimelineJS3 date object (`year: -44` is 44 BC). */
export interface TimelineJS3Date {
  year: number | string;
  month?: number | string;
  day?: number | string;
  hour?: number | string;
  minute?: number | string;
  second?: number | string;
  millisecond?: number | string;
  display_date?: string;
}

export interface TimelineJS3Text {
  headline?: string;
  text?: string;
}

export interface TimelineJS3Media {
  url: string;
  caption?: string;
  credit?: string;
  thumbnail?: string;
  alt?: string;
}

export interface TimelineJS3Slide {
  start_date: TimelineJS3Date;
  end_date?: TimelineJS3Date;
  text?: TimelineJS3Text;
  media?: TimelineJS3Media;
  /** The event's group (its lane) and a tag. */
  group?: string;
  unique_id?: string;
  display_date?: string;
}

export interface TimelineJS3Era {
  start_date: TimelineJS3Date;
  end_date: TimelineJS3Date;
  text?: TimelineJS3Text;
}

/** A TimelineJS3 document, recognised automatically. */
export interface TimelineJS3Document {
  events: TimelineJS3Slide[];
  title?: { text?: TimelineJS3Text; media?: TimelineJS3Media };
  eras?: TimelineJS3Era[];
}

/** What `mount` and `setEvents` accept (validated at run time as well). */
export type TimelineData = TimelineDocument | TimelineEvent[] | TimelineJS3Document;

// ---------------------------------------------------------------------------
// API

/** A validation problem, at a path relative to the input (`events[3].start`). */
export interface Problem {
  path: string;
  message: string;
}

/** The visible range, as UTC ISO 8601 instants (`toISOString` form), whatever the `timeZone`. */
export interface TimelineWindow {
  start: string;
  end: string;
}

/** `setFilter`'s argument: absent or null fields constrain nothing; fields combine with AND. */
export interface FilterInput {
  /** Case- and accent-insensitive substring of title and text. */
  query?: string | null;
  /** Events having any of these tags. */
  tags?: string[] | null;
  /** Inclusive; a partial date covers its whole period. */
  from?: IsoDate | null;
  /** Inclusive; a partial date covers its whole period. */
  to?: IsoDate | null;
  /** Only events at least this important. */
  minImportance?: 1 | 2 | 3 | null;
}

/** `getFilter()`'s answer and `filterchange`'s `filter`: null = no constraint. */
export interface Filter {
  query: string | null;
  tags: string[] | null;
  /** A date-time given with an offset reads back as that instant on the widget's clock, without the offset. */
  from: string | null;
  to: string | null;
  minImportance: 2 | 3 | null;
}

export interface SelectDetail {
  /** null when the card closes. */
  id: string | null;
}

export interface RangeChangeDetail extends TimelineWindow {}

export interface FilterChangeDetail {
  filter: Filter;
  /** Events passing the filter, whatever the window. */
  count: number;
}

export interface WarningDetail {
  problems: Problem[];
}

/** `datachange`'s detail and `reload()`'s answer: event ids. */
export interface DataChangeDetail {
  /** Ids that were not there. */
  added: string[];
  /** Ids that were there with other content. */
  updated: string[];
  /** Ids that are gone. */
  removed: string[];
}

/** `addEvents()`'s answer. */
export interface AddEventsResult {
  added: string[];
  updated: string[];
}

export interface ReadyDetail {
  handle: Handle;
}

/** Event names for `handle.on` and their details. */
export interface NewsTimelineEventMap {
  select: SelectDetail;
  rangechange: RangeChangeDetail;
  filterchange: FilterChangeDetail;
  warning: WarningDetail;
  /** After setEvents, addEvents, removeEvents, reload and refresh, when something changed. */
  datachange: DataChangeDetail;
}

export type NewsTimelineEventName = keyof NewsTimelineEventMap;

/** Mount options (declaratively: `data-foo-bar`, or `foo-bar` on <news-timeline>). */
export interface MountOptions {
  /** Widget height in CSS pixels; the width follows the host. Default 420. */
  height?: number;
  /** BCP 47 language of dates and UI; default the host page's lang, else the browser's. */
  lang?: string;
  /** Default "auto": follows prefers-color-scheme. */
  theme?: "auto" | "light" | "dark";
  /** Declarative mounts: "lazy" (default) loads the wasm only near the viewport. */
  loading?: "lazy" | "eager";
  /** List validation problems inside the widget. Default false. */
  debug?: boolean;
  /** Mirror the selected event and the filter in the URL hash. Default false. */
  hash?: boolean;
  /** The narrowest window reader zooming allows, in ms. Default 3,600,000. */
  minSpan?: number;
  /**
   * The zone of the axis ticks and of every time shown (cards, labels, range
   * handles); day, month and year ticks fall on its midnights. "auto"
   * (default): the one UTC offset the data's date-times are written with,
   * else UTC; "UTC"; "reader": the browser's zone; or an IANA name such as
   * "America/New_York". Named once under the track when the data has times
   * of day. An unknown zone is a warning at `options.timeZone` and "auto".
   */
  timeZone?: "auto" | "UTC" | "reader" | (string & {});
  /** Heading above the track; default the data's title. */
  title?: string;
  /**
   * "list": the filtered events as a list grouped by period, as tall as its
   * events (the page scrolls; `height` does not apply). Default "auto": the
   * time track on screen. Printed, every widget is its list. An unknown
   * value warns at `options.layout` and "auto" is used.
   */
  layout?: "auto" | "timeline" | "list";
  /** Receives `{problems}` as the `warning` event does. */
  onWarning?: (detail: WarningDetail) => void;
  /**
   * Seconds, at least 15: a widget with `data-src` / `src` reads its file
   * again this often while the page is visible, as `reload()` does
   * (conditional requests; a failure keeps the data and warns once). Data
   * given to `mount` has no file: it does nothing then. Below 15 or not a
   * number: a warning at `options.refresh`, and no refresh.
   */
  refresh?: number;
  /**
   * When the window shows the latest event and later events arrive
   * (addEvents, reload, refresh), the window moves to include them,
   * keeping its zoom. Default false.
   */
  follow?: boolean;
  /**
   * The opening window's start (overrides `startAt`'s window); alone, the
   * end is the one `fit()` would show. Not a date: a warning at
   * `options.start`, and it is ignored.
   */
  start?: IsoDate;
  /**
   * The opening window's end: a calendar date covers its whole period
   * ("2019-07": through July); "now" is the present. Not a date: a
   * warning at `options.end`, and it is ignored; not after `start`: a
   * warning there, and both are ignored.
   */
  end?: IsoDate | "now";
  /**
   * The opening view when `start` and `end` are absent. "fit" (default):
   * every event; "first" / "last": the first / last five events; "now":
   * the present and the five events nearest it; any other string is an
   * event id: that event with two on each side, its card open (also when
   * `start`/`end` give the window). An id no event has is a warning at
   * `options.startAt`, and "fit".
   */
  startAt?: "fit" | "first" | "last" | "now" | (string & {});
  /** A line labelled "Today" where the window includes the present. Default true. */
  showNow?: boolean;
  /**
   * "auto" (default): a lane per group when the data has 2 to 12 groups
   * and each lane has room for a row of labels, else one track (more than
   * 12: a warning at `options.lanes`); "group": a lane per group, however
   * many; "none": one track. Events in no group share an "Other" lane.
   * An unknown value warns at `options.lanes` and "auto" is used.
   */
  lanes?: "auto" | "group" | "none";
}

/**
 * A mounted widget. After `destroy()` every method throws (`addEvents` and
 * `reload` reject) except `destroy`.
 */
export interface Handle {
  /** Replaces the data (same validation); throws an Error for unusable data. */
  setEvents(data: TimelineData): void;
  /**
   * Adds events; one whose id is already there replaces it (`updated` only
   * when its content differs). Same validation as `mount`, problems at
   * paths in this array (`[2].start`). The data changes before the call
   * returns; window, filter and an open card stay. Rejects when `events`
   * is not an array or cannot be read.
   */
  addEvents(events: TimelineEvent[] | TimelineJS3Slide[]): Promise<AddEventsResult>;
  /**
   * Removes the events with these ids; returns those that were there, each
   * once. An open card of a removed event closes. Throws for anything but
   * an array of strings.
   */
  removeEvents(ids: string[]): string[];
  /**
   * Reads `data-src` / `src` again, the file being the truth (ids no longer
   * in it are removed); window, filter and an open card stay. Resolves with
   * what changed (all empty when the file has not); rejects, changing
   * nothing, when it cannot be fetched or read, or the widget has no file.
   */
  reload(): Promise<DataChangeDetail>;
  getWindow(): TimelineWindow;
  /** Exactly those instants; a partial end covers its whole period (dates without an offset in the widget's zone). */
  setWindow(start: IsoDate, end: IsoDate): void;
  /** Shows every (filtered) event. */
  fit(): void;
  /** Replaces the whole filter. */
  setFilter(filter?: FilterInput | null): void;
  getFilter(): Filter;
  /** Ids of the events passing the filter and in the window, in time order. */
  getVisibleEvents(): string[];
  getProblems(): Problem[];
  /** Opens an event's card (the window pans to it); null closes it. */
  select(id: string | null): void;
  /** Returns the unsubscribe function. */
  on<K extends NewsTimelineEventName>(name: K, callback: (detail: NewsTimelineEventMap[K]) => void): () => void;
  destroy(): void;
}

/** `window.NewsTimeline`. */
export interface NewsTimelineApi {
  /** Resolves when the wasm is loaded; rejects with an Error if it cannot be. Reading it starts loading. */
  readonly ready: Promise<void>;
  /** "0.1.0" */
  readonly version: string;
  /**
   * Mounts a widget on an element (or the first match of a CSS selector)
   * that can host a shadow root; rejects with an Error naming the problem.
   */
  mount(target: Element | string, data: TimelineData, options?: MountOptions): Promise<Handle>;
}

/** The DOM events dispatched on the host (bubbling, composed). */
export interface NewsTimelineDomEventMap {
  "newstimeline:ready": CustomEvent<ReadyDetail>;
  "newstimeline:select": CustomEvent<SelectDetail>;
  "newstimeline:rangechange": CustomEvent<RangeChangeDetail>;
  "newstimeline:filterchange": CustomEvent<FilterChangeDetail>;
  "newstimeline:warning": CustomEvent<WarningDetail>;
  "newstimeline:datachange": CustomEvent<DataChangeDetail>;
}

declare global {
  interface Window {
    NewsTimeline: NewsTimelineApi;
  }
  var NewsTimeline: NewsTimelineApi;

  interface Element {
    /** The widget's Handle once the element is mounted. */
    newsTimeline?: Handle;
  }

  interface HTMLElementTagNameMap {
    "news-timeline": HTMLElement;
  }

  interface HTMLElementEventMap extends NewsTimelineDomEventMap {}
  interface DocumentEventMap extends NewsTimelineDomEventMap {
    /** The loader has defined `window.NewsTimeline` (for `async` loading). */
    "newstimeline:loaded": CustomEvent<null>;
  }
  interface WindowEventMap extends NewsTimelineDomEventMap {}
}
