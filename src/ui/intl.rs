//! Dates shown in the reader's language, at the precision they were written.
//!
//! Core hands over a [`PartialDate`]; this module picks the matching
//! `Intl.DateTimeFormat` (year only, month and year, full date, with time)
//! so "2019-05" reads "May 2019" and never "1 May 2019". No locale data is
//! shipped or fetched: the browser's Intl has it.

use crate::core::date::{PartialDate, Precision, MAX_CALENDAR_YEAR};
use js_sys::{Array, Date, Intl, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// How many [`Precision`]s there are, one cached formatter each (×2 for BCE).
const PRECISIONS: usize = 6;

/// Formats partial dates for one language; caches one `Intl` formatter per
/// precision because creating them is costly.
pub struct DateFormatter {
    lang: String,
    cache: RefCell<Vec<Option<Intl::DateTimeFormat>>>,
}

impl DateFormatter {
    /// A formatter for a BCP 47 language tag the caller has validated.
    pub fn new(lang: &str) -> Self {
        DateFormatter {
            lang: lang.to_owned(),
            cache: RefCell::new(vec![None; PRECISIONS * 2]),
        }
    }

    /// The label a reader sees: "2019", "May 2019", "5 May 2019",
    /// "5 May 2019, 14:30 UTC+02:00", "44 BC", "13.8 billion years ago".
    pub fn format(&self, date: &PartialDate) -> String {
        if date.year().abs() > MAX_CALENDAR_YEAR {
            return self.format_deep_time(date.year());
        }
        let precision = date.precision();
        let bce = date.year() <= 0;
        let slot = precision as usize + if bce { PRECISIONS } else { 0 };
        let formatter = {
            let mut cache = self.cache.borrow_mut();
            match cache.get(slot).cloned().flatten() {
                Some(f) => f,
                None => {
                    let f = Intl::DateTimeFormat::new(&self.locales(), &options(precision, bce));
                    if let Some(entry) = cache.get_mut(slot) {
                        *entry = Some(f.clone());
                    }
                    f
                }
            }
        };
        // Wall-clock time as written: shift by the written offset and format
        // in UTC, then name the offset.
        let offset = date.offset_minutes();
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
            format!("{number} years ago")
        } else {
            format!("year {number}")
        }
    }

    fn locales(&self) -> Array {
        Array::of1(&JsValue::from_str(&self.lang))
    }
}

fn set(target: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(target, &JsValue::from_str(key), &value.into());
}

/// `Intl.DateTimeFormat` options showing exactly the written fields.
fn options(precision: Precision, bce: bool) -> Object {
    let opts = Object::new();
    set(&opts, "timeZone", "UTC");
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
    opts
}
