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
  /** Makes the event a range. */
  end?: IsoDate;
  /** Plain text, never parsed as HTML. */
  title: string;
  /** Limited HTML, sanitized by an allowlist. */
  text?: string;
  tags?: string[];
  /** 3 = most important; default 2. */
  importance?: 1 | 2 | 3;
  media?: TimelineMedia;
  source?: TimelineSource;
}

export interface TimelineDocument {
  title?: string;
  events: TimelineEvent[];
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

export interface ReadyDetail {
  handle: Handle;
}

/** Event names for `handle.on` and their details. */
export interface NewsTimelineEventMap {
  select: SelectDetail;
  rangechange: RangeChangeDetail;
  filterchange: FilterChangeDetail;
  warning: WarningDetail;
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
}

/** A mounted widget. After `destroy()` every method throws except `destroy`. */
export interface Handle {
  /** Replaces the data (same validation); throws an Error for unusable data. */
  setEvents(data: TimelineData): void;
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
