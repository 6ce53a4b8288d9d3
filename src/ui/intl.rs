//! Dates shown in the reader's language, at the precision they were written.
//!
//! Core hands over a [`PartialDate`]; this module picks the matching
//! `Intl.DateTimeFormat` (year only, month and year, full date, with time)
//! so "2019-05" reads "May 2019" and never "1 May 2019". No locale data is
//! shipped or fetched: the browser's Intl has it.

use crate::core::date::{PartialDate, Precision, MAX_CALENDAR_YEAR};
use crate::core::model::Event;
use crate::ui::strings::Strings;
use js_sys::{Array, Date, Intl, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// How many [`Precision`]s there are.
const PRECISIONS: usize = 6;

/// Cached formatter slots: one per style, precision and era (CE or BCE).
const SLOTS: usize = PRECISIONS * 3 * 2;

/// Which of a date's fields a label shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// Everything written, long month: "5 May 2019".
    Full,
    /// Only what an axis tick needs at its level: "May", "5 May", "14:30".
    Tick,
    /// An axis tick at a boundary of the coarser unit, with that unit:
    /// "Jan 2019", "6 May" under hours.
    MajorTick,
}

/// Formats partial dates for one language; caches one `Intl` formatter per
/// precision because creating them is costly.
pub struct DateFormatter {
    lang: String,
    strings: &'static Strings,
    cache: RefCell<Vec<Option<Intl::DateTimeFormat>>>,
}

impl DateFormatter {
    /// A formatter for a BCP 47 language tag the caller has validated.
    pub fn new(lang: &str) -> Self {
        DateFormatter {
            lang: lang.to_owned(),
            strings: Strings::for_lang(lang),
            cache: RefCell::new(vec![None; SLOTS]),
        }
    }

    /// The label a reader sees: "2019", "May 2019", "5 May 2019",
    /// "5 May 2019, 14:30 UTC+02:00", "44 BC", "13.8 billion years ago".
    pub fn format(&self, date: &PartialDate) -> String {
        self.format_with(date, Style::Full)
    }

    /// An event's date as readers see it: the data's own `display_date`
    /// if it has one, else its date, or "start – end" for a range
    /// ("start – ongoing" when its end is the present).
    pub fn event_label(&self, event: &Event) -> String {
        if let Some(label) = event
            .display_date
            .as_deref()
            .filter(|l| !l.trim().is_empty())
        {
            return label.trim().to_owned();
        }
        let start = self.format(&event.start);
        match &event.end {
            _ if event.ongoing => [&start, " – ", self.strings.ongoing].concat(),
            Some(end) => [&start, " – ", &self.format(end)].concat(),
            None => start,
        }
    }

    /// An axis tick's label, as short as its level allows: "2019", "May",
    /// "5 May", "14:30"; `major` ticks add the coarser unit ("Jan 2019").
    pub fn format_tick(&self, date: &PartialDate, major: bool) -> String {
        self.format_with(date, if major { Style::MajorTick } else { Style::Tick })
    }

    fn format_with(&self, date: &PartialDate, style: Style) -> String {
        if date.year().abs() > MAX_CALENDAR_YEAR {
            return self.format_deep_time(date.year());
        }
        let precision = date.precision();
        let bce = date.year() <= 0;
        let style_slot = match style {
            Style::Full => 0,
            Style::Tick => 1,
            Style::MajorTick => 2,
        };
        let slot = precision as usize + PRECISIONS * (style_slot * 2 + usize::from(bce));
        let formatter = {
            let mut cache = self.cache.borrow_mut();
            match cache.get(slot).cloned().flatten() {
                Some(f) => f,
                None => {
                    let f =
                        Intl::DateTimeFormat::new(&self.locales(), &options(precision, bce, style));
                    if let Some(entry) = cache.get_mut(slot) {
                        *entry = Some(f.clone());
                    }
                    f
                }
            }
        };
        // Wall-clock time as written: shift by the written offset and format
        // in UTC, then name the offset (axis ticks are always UTC).
        let offset = date.offset_minutes().filter(|_| style == Style::Full);
        let wall_ms = date.start_ms() + f64::from(offset.unwrap_or(0)) * 60_000.0;
        let text = formatter
            .format()
            .call1(&JsValue::NULL, &Date::new(&JsValue::from_f64(wall_ms)))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| date.to_string());
        match offset {
            None => text,
            Some(0) => format!("{text} UTC"),
            Some(o) => format!(
                "{text} UTC{}{:02}:{:02}",
                if o < 0 { '-' } else { '+' },
                o.unsigned_abs() / 60,
                o.unsigned_abs() % 60
            ),
        }
    }

    /// Years beyond a JS `Date`: "13.8 billion years ago", compactly, in
    /// the page's number format.
    fn format_deep_time(&self, year: i64) -> String {
        let opts = Object::new();
        set(&opts, "notation", "compact");
        set(&opts, "compactDisplay", "long");
        set(&opts, "maximumSignificantDigits", 3.0);
        let number = Intl::NumberFormat::new(&self.locales(), &opts)
            .format()
            .call1(
                &JsValue::NULL,
                &JsValue::from_f64(year.unsigned_abs() as f64),
            )
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| year.unsigned_abs().to_string());
        if year < 0 {
            (self.strings.years_ago)(&number)
        } else {
            self.strings.year_n.replace("{n}", &number)
        }
    }

    fn locales(&self) -> Array {
        Array::of1(&JsValue::from_str(&self.lang))
    }
}

fn set(target: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(target, &JsValue::from_str(key), &value.into());
}

/// `Intl.DateTimeFormat` options showing exactly the fields a style needs.
fn options(precision: Precision, bce: bool, style: Style) -> Object {
    let opts = Object::new();
    set(&opts, "timeZone", "UTC");
    match style {
        Style::Full => {
            set(&opts, "year", "numeric");
            if bce {
                set(&opts, "era", "short");
            }
            if precision >= Precision::Month {
                set(&opts, "month", "long");
            }
            if precision >= Precision::Day {
                set(&opts, "day", "numeric");
            }
            if precision >= Precision::Minute {
                set(&opts, "hour", "2-digit");
                set(&opts, "minute", "2-digit");
            }
            if precision >= Precision::Second {
                set(&opts, "second", "2-digit");
            }
            if precision >= Precision::Millisecond {
                set(&opts, "fractionalSecondDigits", 3.0);
            }
        }
        Style::Tick | Style::MajorTick => {
            let major = style == Style::MajorTick;
            match precision {
                Precision::Year => {
                    set(&opts, "year", "numeric");
                    if bce {
                        set(&opts, "era", "short");
                    }
                }
                Precision::Month => {
                    set(&opts, "month", "short");
                    if major {
                        set(&opts, "year", "numeric");
                    }
                }
                Precision::Day => {
                    set(&opts, "day", "numeric");
                    set(&opts, "month", "short");
                    if major {
                        set(&opts, "year", "numeric");
                    }
                }
                _ => {
                    if major {
                        set(&opts, "day", "numeric");
                        set(&opts, "month", "short");
                    } else {
                        set(&opts, "hour", "2-digit");
                        set(&opts, "minute", "2-digit");
                    }
                }
            }
        }
    }
    opts
}
