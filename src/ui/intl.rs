//! Dates shown in the reader's language, at the precision they were written.
//!
//! Core hands over a [`PartialDate`]; this module picks the matching
//! `Intl.DateTimeFormat` (year only, month and year, full date, with time)
//! so "2019-05" reads "May 2019" and never "1 May 2019". No locale data is
//! shipped or fetched: the browser's Intl has it, and the time zones'
//! offsets too ([`time_zone`]): the dates it formats are wall-clock times
//! of the widget's zone already (see [`crate::core::zone`]), formatted as
//! if UTC.

use crate::core::date::{PartialDate, Precision, MAX_CALENDAR_YEAR};
use crate::core::model::Event;
use crate::core::zone::{Offsets, TimeZone};
use crate::ui::strings::Strings;
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

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
    /// "5 May 2019, 14:30" (the widget's zone is named once, under the
    /// track), "44 BC", "13.8 billion years ago".
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
        // Dates are wall-clock times of the widget's zone: formatted as UTC.
        formatter
            .format()
            .call1(&JsValue::NULL, &JsValue::from_f64(date.start_ms()))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| date.to_string())
    }

    /// The generic name of the IANA zone `zone` in this language
    /// ("Eastern Time", "Mitteleuropäische Zeit"); `None` for zones
    /// without a name of their own (Intl writes an offset, "GMT-05:00").
    pub fn zone_name(&self, zone: &str) -> Option<String> {
        zone_formatter(&self.lang, Some(zone), "longGeneric")?
            .format_to_parts(&Date::new_0())
            .iter()
            .find(|part| part_field(part, "type").as_deref() == Some("timeZoneName"))
            .and_then(|part| part_field(&part, "value"))
            .filter(|name| !name.bytes().any(|b| b.is_ascii_digit()))
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

fn part_field(part: &JsValue, key: &str) -> Option<String> {
    Reflect::get(part, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

/// The widget's zone as the reader is told it: "Eastern Time (UTC−4)"
/// for a zone with a `name` (and the offset `minutes` in force),
/// "UTC+4:30" for one without, "UTC".
pub fn zone_label(name: Option<&str>, minutes: i32) -> String {
    let offset = offset_label(minutes);
    match name {
        Some(name) => [name, " (", &offset, ")"].concat(),
        None => offset,
    }
}

/// "UTC", "UTC+4:30", "UTC−5" (a minus sign, as typography has it).
pub fn offset_label(minutes: i32) -> String {
    if minutes == 0 {
        return "UTC".to_owned();
    }
    let mut label = String::from(if minutes < 0 { "UTC\u{2212}" } else { "UTC+" });
    let (hours, minutes) = (minutes.unsigned_abs() / 60, minutes.unsigned_abs() % 60);
    label.push_str(&hours.to_string());
    if minutes > 0 {
        label.push_str(if minutes < 10 { ":0" } else { ":" });
        label.push_str(&minutes.to_string());
    }
    label
}

/// An `Intl.DateTimeFormat` for `zone` (the reader's zone for `None`)
/// naming it as `style` (`"longOffset"`, `"longGeneric"`); `None` when
/// Intl does not know the zone (its constructor throws a RangeError,
/// caught here: it must not cross the wasm).
fn zone_formatter(lang: &str, zone: Option<&str>, style: &str) -> Option<Intl::DateTimeFormat> {
    let opts = Object::new();
    if let Some(zone) = zone {
        set(&opts, "timeZone", zone);
    }
    set(&opts, "timeZoneName", style);
    if style == "longOffset" {
        // The shortest output Chromium formats fastest: "10 PM GMT-04:00".
        set(&opts, "hour", "numeric");
    }
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let constructor: Function = Reflect::get(&intl, &JsValue::from_str("DateTimeFormat"))
        .ok()?
        .dyn_into()
        .ok()?;
    let args = Array::of2(&JsValue::from_str(lang), &opts);
    Reflect::construct(&constructor, &args)
        .ok()?
        .dyn_into()
        .ok()
}

/// The `timeZone` option's zone for an IANA name (any case, as Intl reads
/// it; the reader's zone for `None`), with the name as Intl spells it: a
/// fixed offset for UTC, else a zone whose offsets Intl gives (one call
/// per lookup, which [`Offsets`] remembers per two days). `None` when
/// Intl does not know the name.
pub fn time_zone(name: Option<&str>) -> Option<(TimeZone, String)> {
    let formatter = zone_formatter("en-US", name, "longOffset")?;
    let canonical = Reflect::get(
        &formatter.resolved_options(),
        &JsValue::from_str("timeZone"),
    )
    .ok()?
    .as_string()?;
    if canonical == "UTC" {
        return Some((TimeZone::Fixed(0), canonical));
    }
    let format = formatter.format();
    let lookup = move |utc_ms: f64| {
        format
            .call1(&JsValue::NULL, &JsValue::from_f64(utc_ms))
            .ok()
            .and_then(|text| text.as_string())
            .and_then(|text| gmt_offset(&text))
            .unwrap_or(0)
    };
    Some((TimeZone::Varying(Offsets::new(Box::new(lookup))), canonical))
}

/// The offset in minutes of Intl's "GMT-04:00" (en-US `longOffset`),
/// "GMT" for 0, "GMT-04:56:02" for local mean times (rounded to the
/// minute).
pub fn gmt_offset(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let at = bytes.windows(3).position(|w| w == b"GMT")? + 3;
    let mut rest = bytes.get(at..)?.iter();
    let sign = match rest.next() {
        None => return Some(0),
        Some(b'+') => 1,
        Some(b'-') => -1,
        Some(_) => return None,
    };
    // Hours, minutes, seconds: digits, separated by colons.
    let mut fields = [0i32; 3];
    let mut field = 0;
    for &b in rest {
        match b {
            b'0'..=b'9' => {
                let value = fields.get_mut(field)?;
                *value = *value * 10 + i32::from(b - b'0');
            }
            b':' => field += 1,
            _ => break,
        }
    }
    let [hours, minutes, seconds] = fields;
    Some(sign * (hours * 60 + minutes + (seconds + 30) / 60))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_intl_s_long_offsets() {
        assert_eq!(gmt_offset("10 PM GMT-04:00"), Some(-240));
        assert_eq!(gmt_offset("7/1/2019, GMT+04:30"), Some(270));
        assert_eq!(gmt_offset("10 PM GMT"), Some(0));
        // Local mean time, to the nearest minute.
        assert_eq!(gmt_offset("12/7/1874, GMT-04:56:02"), Some(-296));
        assert_eq!(gmt_offset("GMT+05:53:48"), Some(354));
        assert_eq!(gmt_offset("10 PM"), None);
        assert_eq!(gmt_offset("GMT 12"), None);
    }

    #[test]
    fn names_offsets_as_readers_write_them() {
        assert_eq!(offset_label(0), "UTC");
        assert_eq!(offset_label(270), "UTC+4:30");
        assert_eq!(offset_label(-300), "UTC\u{2212}5");
        assert_eq!(offset_label(-570), "UTC\u{2212}9:30");
        assert_eq!(offset_label(345), "UTC+5:45");
        assert_eq!(offset_label(65), "UTC+1:05");
    }
}
