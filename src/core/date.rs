//! Partial ISO 8601 dates that remember how precisely they were written.
//!
//! # What is a partial date?
//!
//! Newsroom copy says "2019", "May 2019" or "5 May 2019, 14:30". A
//! [`PartialDate`] keeps exactly the fields that were given: "2019-05" is the
//! whole of May 2019, not the 1st of May. It *covers a period*
//! ([`PartialDate::start_ms`] to [`PartialDate::end_ms`]), which is what
//! window intersection and filters use, and it is shown at its own precision.
//!
//! Years use astronomical numbering (`0000` is 1 BC, `-0043` is 44 BC).
//! Years beyond ±271,821 (the range of a JS `Date`, reached by cosmological
//! timelines) are kept at year precision only.
//!
//! # Example
//!
//! ```
//! # fn main() -> Result<(), news_timeline::core::date::DateError> {
//! use news_timeline::core::date::{PartialDate, Precision};
//! let may: PartialDate = "2019-05".parse()?;
//! assert_eq!(may.precision(), Precision::Month);
//! assert_eq!(may.to_string(), "2019-05");
//! assert!(may.start_ms() < may.end_ms());
//! # Ok(())
//! # }
//! ```
//!
//! Out of scope: week (`2019-W12`), ordinal (`2019-123`) and basic-format
//! (`20190505`) dates, which are rejected with an error naming the fix.

use std::fmt;
use std::str::FromStr;

/// Milliseconds in a day, the unit the time axis is measured in.
pub const MS_PER_DAY: f64 = 86_400_000.0;

/// The largest year a JS `Date` can hold; beyond it only years are kept.
pub const MAX_CALENDAR_YEAR: i64 = 271_821;

/// How much of a date was written, from coarsest to finest. Ordering follows
/// the size of the period: `Year < Month < … < Millisecond`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// "2019"
    Year,
    /// "2019-05"
    Month,
    /// "2019-05-05"
    Day,
    /// "2019-05-05T14:30"
    Minute,
    /// "2019-05-05T14:30:15"
    Second,
    /// "2019-05-05T14:30:15.250"
    Millisecond,
}

/// A wall-clock time of day; finer fields are `None` when not written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeOfDay {
    hour: u8,
    minute: u8,
    second: Option<u8>,
    millisecond: Option<u16>,
}

impl TimeOfDay {
    /// Hour, 0 to 23.
    pub fn hour(&self) -> u8 {
        self.hour
    }
    /// Minute, 0 to 59.
    pub fn minute(&self) -> u8 {
        self.minute
    }
    /// Second, when written.
    pub fn second(&self) -> Option<u8> {
        self.second
    }
    /// Millisecond, when a fraction was written.
    pub fn millisecond(&self) -> Option<u16> {
        self.millisecond
    }
    /// A time of day from its fields, for readers that hold numbers
    /// (TimelineJS3's `{hour, minute}`): `None` when a field is out of
    /// range (hour 0 to 23, minute and second 0 to 59, millisecond 0 to
    /// 999) or a millisecond comes without its second.
    pub fn new(
        hour: u8,
        minute: u8,
        second: Option<u8>,
        millisecond: Option<u16>,
    ) -> Option<TimeOfDay> {
        let valid = hour <= 23
            && minute <= 59
            && second.is_none_or(|s| s <= 59)
            && millisecond.is_none_or(|ms| ms <= 999 && second.is_some());
        valid.then_some(TimeOfDay {
            hour,
            minute,
            second,
            millisecond,
        })
    }

    fn ms_of_day(&self) -> f64 {
        f64::from(self.hour) * 3_600_000.0
            + f64::from(self.minute) * 60_000.0
            + f64::from(self.second.unwrap_or(0)) * 1000.0
            + f64::from(self.millisecond.unwrap_or(0))
    }
}

/// An ISO 8601 date at the precision it was written. Valid by construction:
/// a day implies a month, a time implies a day, an offset implies a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i64,
    month: Option<u8>,
    day: Option<u8>,
    time: Option<TimeOfDay>,
    /// Minutes east of UTC, when written (`Z` is `Some(0)`).
    offset_minutes: Option<i16>,
}

/// Why a string is not an accepted date. Its text completes the sentence
/// "expected a date such as "2019-05-05", but found …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    input: String,
    kind: DateErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum DateErrorKind {
    Syntax,
    NotAString(&'static str),
    WeekDate,
    OrdinalDate,
    BasicFormat,
    MonthRange(u8),
    DayRange { day: u8, max: u8 },
    HourRange(u8),
    MinuteRange(u8),
    SecondRange(u8),
    OffsetRange,
    YearTooLargeForPrecision,
}

impl DateError {
    /// For inputs that are not strings at all (a number, an object…), so the
    /// message names what was found.
    pub fn not_a_string(found_kind: &'static str) -> Self {
        DateError {
            input: String::new(),
            kind: DateErrorKind::NotAString(found_kind),
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DateErrorKind::*;
        let input = &self.input;
        if let NotAString(kind) = self.kind {
            return write!(
                f,
                "expected a date string such as \"2019-05-05\", but found {kind}"
            );
        }
        write!(
            f,
            "expected a date such as \"2019-05-05\", but found \"{input}\""
        )?;
        match &self.kind {
            Syntax | NotAString(_) => {
                write!(f, " (use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
            }
            WeekDate => write!(
                f,
                " (week dates are not supported: write the day as YYYY-MM-DD)"
            ),
            OrdinalDate => write!(
                f,
                " (ordinal dates are not supported: write the day as YYYY-MM-DD)"
            ),
            BasicFormat => write!(
                f,
                " (write dates with hyphens and times with colons, as in 2019-05-05T14:30)"
            ),
            MonthRange(m) => write!(f, " (month {m} is not between 1 and 12)"),
            DayRange { day, max } => write!(f, " (day {day} is not between 1 and {max})"),
            HourRange(h) => write!(f, " (hour {h} is not between 0 and 23)"),
            MinuteRange(m) => write!(f, " (minute {m} is not between 0 and 59)"),
            SecondRange(s) => write!(f, " (second {s} is not between 0 and 59)"),
            OffsetRange => write!(f, " (the UTC offset must be between -23:59 and +23:59)"),
            YearTooLargeForPrecision => {
                write!(f, " (years beyond ±271821 can only be given as a year)")
            }
        }
    }
}

impl std::error::Error for DateError {}

impl PartialDate {
    /// A year-precision date, for importers that hold numeric parts
    /// (TimelineJS3's `{year, month, day}`).
    pub fn from_year(year: i64) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
            time: None,
            offset_minutes: None,
        }
    }

    /// A date from numeric fields at the precision given, for readers that
    /// hold numbers (TimelineJS3's `{year, month, day}`), so that no text
    /// is written only to be parsed back. `None` when the month or day is
    /// out of range, a day comes without a month or a time without a day,
    /// or a year beyond ±271,821 comes with more than the year. Times are
    /// wall-clock times (no offset).
    pub fn from_fields(
        year: i64,
        month: Option<u8>,
        day: Option<u8>,
        time: Option<TimeOfDay>,
    ) -> Option<PartialDate> {
        let valid = match (month, day, time) {
            (None, None, None) => true,
            (Some(month), day, time) => {
                year.abs() <= MAX_CALENDAR_YEAR
                    && (1..=12).contains(&month)
                    && match day {
                        None => time.is_none(),
                        Some(day) => (1..=days_in_month(year, month)).contains(&day),
                    }
            }
            (None, _, _) => false,
        };
        valid.then_some(PartialDate {
            year,
            month,
            day,
            time,
            offset_minutes: None,
        })
    }

    /// Parses the contract's ISO 8601 extended forms.
    pub fn parse(input: &str) -> Result<Self, DateError> {
        if let Some(date) = Self::plain_day(input.as_bytes()) {
            return Ok(date);
        }
        let err = |kind| DateError {
            input: input.to_owned(),
            kind,
        };
        Parser::new(input.trim()).date().map_err(err)
    }

    /// `YYYY-MM-DD` with a valid month and day, the form most data uses,
    /// read without the general parser: 100,000 events' dates are a tenth
    /// of reading them. `None` sends anything else to [`Parser`].
    fn plain_day(bytes: &[u8]) -> Option<Self> {
        let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = bytes else {
            return None;
        };
        let mut value = [0u8; 8];
        for (v, b) in value.iter_mut().zip([y0, y1, y2, y3, m0, m1, d0, d1]) {
            *v = b.wrapping_sub(b'0');
            if *v > 9 {
                return None;
            }
        }
        let [y0, y1, y2, y3, m0, m1, d0, d1] = value;
        let year = i64::from(y0) * 1000 + i64::from(y1) * 100 + i64::from(y2) * 10 + i64::from(y3);
        let month = m0 * 10 + m1;
        let day = d0 * 10 + d1;
        if !(1..=12).contains(&month) || !(1..=days_in_month(year, month)).contains(&day) {
            return None;
        }
        Some(PartialDate {
            month: Some(month),
            day: Some(day),
            ..PartialDate::from_year(year)
        })
    }

    /// Astronomical year (0 = 1 BC).
    pub fn year(&self) -> i64 {
        self.year
    }
    /// Month 1 to 12, when written.
    pub fn month(&self) -> Option<u8> {
        self.month
    }
    /// Day of month, when written.
    pub fn day(&self) -> Option<u8> {
        self.day
    }
    /// Time of day, when written.
    pub fn time(&self) -> Option<TimeOfDay> {
        self.time
    }
    /// Minutes east of UTC, when written.
    pub fn offset_minutes(&self) -> Option<i16> {
        self.offset_minutes
    }

    /// The same fields with `minutes` east of UTC written as the offset,
    /// for a date-time (a calendar date has none); offsets beyond ±23:59
    /// are not written.
    pub fn with_offset(self, minutes: i32) -> PartialDate {
        let offset = i16::try_from(minutes).ok().filter(|m| m.abs() < 24 * 60);
        PartialDate {
            offset_minutes: offset.filter(|_| self.time.is_some()),
            ..self
        }
    }

    /// The same fields read as a wall-clock time (the offset dropped).
    pub fn without_offset(self) -> PartialDate {
        PartialDate {
            offset_minutes: None,
            ..self
        }
    }

    /// How precisely the date was written.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day, self.time) {
            (None, _, _) => Precision::Year,
            (Some(_), None, _) => Precision::Month,
            (Some(_), Some(_), None) => Precision::Day,
            (Some(_), Some(_), Some(t)) => match (t.second, t.millisecond) {
                (None, _) => Precision::Minute,
                (Some(_), None) => Precision::Second,
                (Some(_), Some(_)) => Precision::Millisecond,
            },
        }
    }

    /// Where the covered period begins on the time axis, in milliseconds
    /// since 1970-01-01T00:00 of the wall clock: calendar dates and
    /// offset-less times are wall-clock times (of the widget's zone, see
    /// the `zone` module), counted as if UTC; a date-time written with an
    /// offset is its instant, until the zone's `place` puts it on the
    /// widget's wall clock.
    pub fn start_ms(&self) -> f64 {
        let days = days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1));
        let time = self.time.map_or(0.0, |t| t.ms_of_day());
        let offset = f64::from(self.offset_minutes.unwrap_or(0)) * 60_000.0;
        days as f64 * MS_PER_DAY + time - offset
    }

    /// Where the covered period ends (exclusive): "2019-05" ends at the
    /// first instant of June.
    pub fn end_ms(&self) -> f64 {
        self.end_after(self.start_ms())
    }

    /// [`PartialDate::end_ms`] for a caller that has its `start_ms`
    /// already (an index reading 100,000 events reads each date once).
    pub fn end_after(&self, start: f64) -> f64 {
        match self.precision() {
            Precision::Year => {
                days_from_civil(self.year.saturating_add(1), 1, 1) as f64 * MS_PER_DAY
            }
            Precision::Month => {
                let (y, m) = match self.month {
                    Some(12) => (self.year.saturating_add(1), 1),
                    Some(m) => (self.year, m + 1),
                    None => (self.year.saturating_add(1), 1),
                };
                let offset = f64::from(self.offset_minutes.unwrap_or(0)) * 60_000.0;
                days_from_civil(y, m, 1) as f64 * MS_PER_DAY - offset
            }
            Precision::Day => start + MS_PER_DAY,
            Precision::Minute => start + 60_000.0,
            Precision::Second => start + 1000.0,
            Precision::Millisecond => start + 1.0,
        }
    }
}

impl FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, DateError> {
        PartialDate::parse(s)
    }
}

/// Prints the canonical ISO form, which parses back to the same value.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_year(f, self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        if let Some(t) = self.time {
            write!(f, "T{:02}:{:02}", t.hour, t.minute)?;
            if let Some(s) = t.second {
                write!(f, ":{s:02}")?;
            }
            if let Some(ms) = t.millisecond {
                write!(f, ".{ms:03}")?;
            }
        }
        match self.offset_minutes {
            None => Ok(()),
            Some(0) => f.write_str("Z"),
            Some(o) => {
                let sign = if o < 0 { '-' } else { '+' };
                let o = o.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", o / 60, o % 60)
            }
        }
    }
}

/// ISO 8601 years: four digits from 0000 to 9999, otherwise signed and
/// expanded to at least six digits (as JS `toISOString` writes them).
fn write_year(f: &mut impl fmt::Write, year: i64) -> fmt::Result {
    if (0..=9999).contains(&year) {
        write!(f, "{year:04}")
    } else {
        let sign = if year < 0 { '-' } else { '+' };
        write!(f, "{sign}{:06}", year.unsigned_abs())
    }
}

/// Formats an axis position the way JS `Date.prototype.toISOString` does
/// (UTC, millisecond precision, expanded years where needed); beyond the
/// range of a JS `Date`, the year alone.
pub fn iso_from_ms(ms: f64) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(24);
    if !ms.is_finite() {
        return out;
    }
    let days = (ms / MS_PER_DAY).floor();
    let (year, month, day) = civil_from_days(days as i64);
    if year.abs() > MAX_CALENDAR_YEAR {
        let _ = write!(out, "{year}");
        return out;
    }
    let ms_of_day = (ms - days * MS_PER_DAY).round() as i64;
    let (h, rest) = (ms_of_day / 3_600_000, ms_of_day % 3_600_000);
    let (m, rest) = (rest / 60_000, rest % 60_000);
    let (s, milli) = (rest / 1000, rest % 1000);
    let _ = write_year(&mut out, year);
    let _ = write!(out, "-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{milli:03}Z");
    out
}

/// The axis position of midnight UTC starting a calendar day (month and
/// day are clamped into range), for stepping ticks by calendar units.
pub fn ms_from_civil(year: i64, month: u8, day: u8) -> f64 {
    let month = month.clamp(1, 12);
    let day = day.clamp(1, days_in_month(year, month));
    days_from_civil(year, month, day) as f64 * MS_PER_DAY
}

/// A key whose unsigned order is [`f64::total_cmp`]'s order: instants on
/// the axis compared as integers.
pub fn order_key(x: f64) -> u64 {
    let bits = x.to_bits();
    // Negative numbers: all bits flipped (larger magnitudes sort first);
    // the others: the sign bit set, so they sort after.
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The calendar day an axis position falls on, and the milliseconds since
/// that day's midnight (of the wall clock the axis counts).
pub fn civil_from_ms(ms: f64) -> (i64, u8, u8, f64) {
    let days = (ms / MS_PER_DAY).floor();
    let (year, month, day) = civil_from_days(days as i64);
    (year, month, day, ms - days * MS_PER_DAY)
}

impl PartialDate {
    /// The wall-clock date of an axis position, cut to `precision` (a tick
    /// label; no offset: it is a time of the widget's zone): `None` for
    /// non-finite positions or calendar precision beyond ±271,821 years.
    pub fn from_ms(ms: f64, precision: Precision) -> Option<PartialDate> {
        if !ms.is_finite() {
            return None;
        }
        let (year, month, day, ms_of_day) = civil_from_ms(ms);
        let mut date = PartialDate::from_year(year);
        if precision == Precision::Year {
            return Some(date);
        }
        if year.abs() > MAX_CALENDAR_YEAR {
            return None;
        }
        date.month = Some(month);
        if precision >= Precision::Day {
            date.day = Some(day);
        }
        if precision >= Precision::Minute {
            let total = ms_of_day.max(0.0) as u32;
            let second = (total / 1000 % 60) as u8;
            date.time = Some(TimeOfDay {
                hour: (total / 3_600_000 % 24) as u8,
                minute: (total / 60_000 % 60) as u8,
                second: (precision >= Precision::Second).then_some(second),
                millisecond: (precision >= Precision::Millisecond).then_some((total % 1000) as u16),
            });
        }
        Some(date)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`, exact for every `i64` year that fits).
fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era.saturating_mul(146_097).saturating_add(doe - 719_468)
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = era.saturating_mul(400).saturating_add(yoe) + i64::from(month <= 2);
    (year, month, day)
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        2 if year.rem_euclid(4) == 0
            && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0) =>
        {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A cursor over the date text; each method consumes one grammar part.
struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Reads a run of ASCII digits; returns (value, digit count).
    fn digits(&mut self) -> (i64, usize) {
        let start = self.pos;
        let mut value: i64 = 0;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            value = value.saturating_mul(10).saturating_add(i64::from(b - b'0'));
            self.pos += 1;
        }
        (value, self.pos - start)
    }

    fn two_digits(&mut self) -> Result<u8, DateErrorKind> {
        match self.digits() {
            (v, 2) => Ok(v as u8),
            _ => Err(DateErrorKind::Syntax),
        }
    }

    fn date(&mut self) -> Result<PartialDate, DateErrorKind> {
        let year = self.year()?;
        let mut date = PartialDate::from_year(year);
        if self.peek().is_none() {
            return Ok(date);
        }
        if !self.eat(b'-') {
            return Err(DateErrorKind::Syntax);
        }
        if year.abs() > MAX_CALENDAR_YEAR {
            return Err(DateErrorKind::YearTooLargeForPrecision);
        }
        if matches!(self.peek(), Some(b'W' | b'w')) {
            return Err(DateErrorKind::WeekDate);
        }
        let (month, n) = self.digits();
        match n {
            2 => {}
            3 => return Err(DateErrorKind::OrdinalDate),
            _ => return Err(DateErrorKind::Syntax),
        }
        let month = month as u8;
        if !(1..=12).contains(&month) {
            return Err(DateErrorKind::MonthRange(month));
        }
        date.month = Some(month);
        if self.peek().is_none() {
            return Ok(date);
        }
        if !self.eat(b'-') {
            return Err(DateErrorKind::Syntax);
        }
        let day = self.two_digits()?;
        let max = days_in_month(year, month);
        if !(1..=max).contains(&day) {
            return Err(DateErrorKind::DayRange { day, max });
        }
        date.day = Some(day);
        if self.peek().is_none() {
            return Ok(date);
        }
        if !(self.eat(b'T') || self.eat(b't')) {
            return Err(DateErrorKind::Syntax);
        }
        date.time = Some(self.time()?);
        date.offset_minutes = self.offset()?;
        if self.peek().is_some() {
            return Err(DateErrorKind::Syntax);
        }
        Ok(date)
    }

    fn year(&mut self) -> Result<i64, DateErrorKind> {
        let negative = self.eat(b'-');
        let signed = negative || self.eat(b'+');
        let (value, n) = self.digits();
        // Unsigned years are exactly four digits; expanded ones at least four.
        let ok = if signed {
            (4..=15).contains(&n)
        } else {
            n == 4
        };
        if !ok {
            if !signed && n == 8 {
                return Err(DateErrorKind::BasicFormat);
            }
            return Err(DateErrorKind::Syntax);
        }
        Ok(if negative { -value } else { value })
    }

    fn time(&mut self) -> Result<TimeOfDay, DateErrorKind> {
        let hour = self.two_digits().map_err(|_| self.basic_or_syntax())?;
        if !self.eat(b':') {
            return Err(self.basic_or_syntax());
        }
        let minute = self.two_digits()?;
        if hour > 23 {
            return Err(DateErrorKind::HourRange(hour));
        }
        if minute > 59 {
            return Err(DateErrorKind::MinuteRange(minute));
        }
        let mut time = TimeOfDay {
            hour,
            minute,
            second: None,
            millisecond: None,
        };
        if self.eat(b':') {
            let second = self.two_digits()?;
            if second > 59 {
                return Err(DateErrorKind::SecondRange(second));
            }
            time.second = Some(second);
            if self.eat(b'.') || self.eat(b',') {
                let start = self.pos;
                let (_, n) = self.digits();
                if !(1..=9).contains(&n) {
                    return Err(DateErrorKind::Syntax);
                }
                // Keep milliseconds: the first three fraction digits.
                let fraction = self.bytes.get(start..self.pos).unwrap_or_default();
                let ms = fraction
                    .iter()
                    .chain(b"000")
                    .take(3)
                    .fold(0u16, |acc, b| acc * 10 + u16::from(b - b'0'));
                time.millisecond = Some(ms);
            }
        }
        Ok(time)
    }

    fn basic_or_syntax(&self) -> DateErrorKind {
        if self.bytes.iter().filter(|b| b.is_ascii_digit()).count() >= 4
            && !self.bytes.contains(&b':')
        {
            DateErrorKind::BasicFormat
        } else {
            DateErrorKind::Syntax
        }
    }

    fn offset(&mut self) -> Result<Option<i16>, DateErrorKind> {
        if self.eat(b'Z') || self.eat(b'z') {
            return Ok(Some(0));
        }
        let sign: i16 = if self.eat(b'+') {
            1
        } else if self.eat(b'-') {
            -1
        } else {
            return Ok(None);
        };
        let hours = self.two_digits()?;
        if !self.eat(b':') {
            return Err(DateErrorKind::BasicFormat);
        }
        let minutes = self.two_digits()?;
        if hours > 23 || minutes > 59 {
            return Err(DateErrorKind::OffsetRange);
        }
        Ok(Some(sign * (i16::from(hours) * 60 + i16::from(minutes))))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn date(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn error(s: &str) -> String {
        PartialDate::parse(s).unwrap_err().to_string()
    }

    #[test]
    fn keeps_the_precision_it_was_written_with() {
        let cases = [
            ("2019", Precision::Year),
            ("2019-05", Precision::Month),
            ("2019-05-05", Precision::Day),
            ("2019-05-05T14:30", Precision::Minute),
            ("2019-05-05T14:30:15", Precision::Second),
            ("2019-05-05T14:30:15.250Z", Precision::Millisecond),
            ("-0043-03-15", Precision::Day),
            ("+012019", Precision::Year),
            ("-13800000000", Precision::Year),
        ];
        for (input, precision) in cases {
            assert_eq!(date(input).precision(), precision, "{input}");
        }
    }

    #[test]
    fn prints_back_what_it_parsed() {
        for input in [
            "2019",
            "2019-05",
            "2019-05-05",
            "2019-05-05T14:30",
            "2019-05-05T14:30:15",
            "2019-05-05T14:30:15.250",
            "2019-05-05T14:30Z",
            "2019-05-05T14:30+05:30",
            "2019-05-05T14:30-08:00",
            "0000",
            "-000043-03-15",
            "+012019",
            "-13800000000",
        ] {
            assert_eq!(date(input).to_string(), input);
        }
        // Short expanded years print in the canonical six-digit form.
        assert_eq!(date("-0043").to_string(), "-000043");
    }

    #[test]
    fn places_dates_like_js_date_utc() {
        // Values of Date.UTC(...) in JS.
        assert_eq!(date("1970").start_ms(), 0.0);
        assert_eq!(date("2019-05-05").start_ms(), 1_557_014_400_000.0);
        assert_eq!(date("2019-05-05T14:30Z").start_ms(), 1_557_066_600_000.0);
        assert_eq!(
            date("2019-05-05T14:30+02:00").start_ms(),
            1_557_059_400_000.0
        );
        assert_eq!(date("-0043-03-15").start_ms(), -63_517_824_000_000.0);
        assert_eq!(date("0000").start_ms(), -62_167_219_200_000.0);
    }

    #[test]
    fn a_partial_date_covers_its_whole_period() {
        assert_eq!(date("2019-05").end_ms(), date("2019-06-01").start_ms());
        assert_eq!(date("2019-12").end_ms(), date("2020-01-01").start_ms());
        assert_eq!(date("2019").end_ms(), date("2020").start_ms());
        assert_eq!(date("2019-05-31").end_ms(), date("2019-06-01").start_ms());
        assert_eq!(
            date("2019-05-05T14:30").end_ms() - date("2019-05-05T14:30").start_ms(),
            60_000.0
        );
    }

    #[test]
    fn formats_positions_like_to_iso_string() {
        assert_eq!(iso_from_ms(0.0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_from_ms(1_557_066_600_123.0), "2019-05-05T14:30:00.123Z");
        assert_eq!(
            iso_from_ms(-63_517_824_000_000.0),
            "-000043-03-15T00:00:00.000Z"
        );
        assert_eq!(
            iso_from_ms(date("+012019").start_ms()),
            "+012019-01-01T00:00:00.000Z"
        );
        assert_eq!(iso_from_ms(date("-13800000000").start_ms()), "-13800000000");
    }

    #[test]
    fn cuts_axis_positions_to_a_precision() {
        let ms = date("2019-05-05T14:30:15.250Z").start_ms();
        let cut = |p| PartialDate::from_ms(ms, p).unwrap().to_string();
        assert_eq!(cut(Precision::Year), "2019");
        assert_eq!(cut(Precision::Month), "2019-05");
        assert_eq!(cut(Precision::Day), "2019-05-05");
        assert_eq!(cut(Precision::Minute), "2019-05-05T14:30");
        assert_eq!(cut(Precision::Millisecond), "2019-05-05T14:30:15.250");
        assert_eq!(
            PartialDate::from_ms(date("-13800000000").start_ms(), Precision::Year)
                .unwrap()
                .year(),
            -13_800_000_000
        );
        assert_eq!(
            PartialDate::from_ms(date("-13800000000").start_ms(), Precision::Month),
            None
        );
        assert_eq!(ms_from_civil(2019, 2, 31), date("2019-02-28").start_ms());
    }

    #[test]
    fn checks_calendar_ranges() {
        assert!(PartialDate::parse("2019-02-29").is_err());
        assert!(PartialDate::parse("2020-02-29").is_ok());
        assert!(PartialDate::parse("1900-02-29").is_err());
        assert!(PartialDate::parse("2000-02-29").is_ok());
    }

    #[test]
    fn explains_what_is_wrong() {
        assert_eq!(
            error("2019-13-45"),
            r#"expected a date such as "2019-05-05", but found "2019-13-45" (month 13 is not between 1 and 12)"#
        );
        assert_eq!(
            error("2019-04-31"),
            r#"expected a date such as "2019-05-05", but found "2019-04-31" (day 31 is not between 1 and 30)"#
        );
        assert_eq!(
            error("May 2019"),
            r#"expected a date such as "2019-05-05", but found "May 2019" (use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM)"#
        );
        assert_eq!(
            error("2019-W12"),
            r#"expected a date such as "2019-05-05", but found "2019-W12" (week dates are not supported: write the day as YYYY-MM-DD)"#
        );
        assert_eq!(
            error("2019-123"),
            r#"expected a date such as "2019-05-05", but found "2019-123" (ordinal dates are not supported: write the day as YYYY-MM-DD)"#
        );
        assert_eq!(
            error("20190505"),
            r#"expected a date such as "2019-05-05", but found "20190505" (write dates with hyphens and times with colons, as in 2019-05-05T14:30)"#
        );
        assert_eq!(
            error("2019-05-05T1430"),
            r#"expected a date such as "2019-05-05", but found "2019-05-05T1430" (write dates with hyphens and times with colons, as in 2019-05-05T14:30)"#
        );
        assert_eq!(
            error("2019-05-05T24:00"),
            r#"expected a date such as "2019-05-05", but found "2019-05-05T24:00" (hour 24 is not between 0 and 23)"#
        );
        assert_eq!(
            error("-13800000000-05"),
            r#"expected a date such as "2019-05-05", but found "-13800000000-05" (years beyond ±271821 can only be given as a year)"#
        );
        assert_eq!(
            DateError::not_a_string("a number").to_string(),
            r#"expected a date string such as "2019-05-05", but found a number"#
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;
        use std::fmt::Write as _;

        fn any_date() -> impl Strategy<Value = PartialDate> {
            (
                -MAX_CALENDAR_YEAR..=MAX_CALENDAR_YEAR,
                0u8..=12,
                1u8..=31,
                proptest::option::of((
                    0u8..24,
                    0u8..60,
                    proptest::option::of((0u8..60, proptest::option::of(0u16..1000))),
                )),
                proptest::option::of(-1439i16..=1439),
            )
                .prop_map(|(year, month, day, time, offset)| {
                    let mut d = PartialDate::from_year(year);
                    if month > 0 {
                        d.month = Some(month);
                        if day <= days_in_month(year, month) {
                            d.day = Some(day);
                            d.time = time.map(|(hour, minute, sec)| TimeOfDay {
                                hour,
                                minute,
                                second: sec.map(|s| s.0),
                                millisecond: sec.and_then(|s| s.1),
                            });
                            if d.time.is_some() {
                                d.offset_minutes = offset;
                            }
                        }
                    }
                    d
                })
        }

        proptest! {
            #[test]
            fn parse_of_print_round_trips(d in any_date()) {
                prop_assert_eq!(PartialDate::parse(&d.to_string()), Ok(d));
            }

            #[test]
            fn periods_are_non_empty(d in any_date()) {
                prop_assert!(d.start_ms() < d.end_ms());
            }

            #[test]
            fn later_calendar_days_sit_later_on_the_axis(a in any_date(), b in any_date()) {
                let key = |d: &PartialDate| (d.year, d.month.unwrap_or(1), d.day.unwrap_or(1));
                if key(&a) < key(&b) && a.time.is_none() && b.time.is_none() {
                    prop_assert!(a.start_ms() < b.start_ms());
                }
            }

            #[test]
            fn day_numbers_round_trip(days in -100_000_000i64..100_000_000) {
                let (y, m, d) = civil_from_days(days);
                prop_assert_eq!(days_from_civil(y, m, d), days);
            }

            /// The readers that hold numbers build dates from fields; they
            /// must get what the same date written in ISO text parses to,
            /// and `None` exactly where the text is refused.
            #[test]
            fn dates_from_fields_are_the_dates_their_text_parses_to(
                year in prop_oneof![-400i64..2400, -300_000i64..300_000],
                month in proptest::option::of(0u8..=13),
                day in proptest::option::of(0u8..=32),
                time in proptest::option::of((0u8..=24, 0u8..=60, proptest::option::of(0u8..=60), proptest::option::of(0u16..=1000))),
            ) {
                let time = time.and_then(|(h, m, s, ms)| TimeOfDay::new(h, m, s, ms));
                let mut text = String::new();
                write_year(&mut text, year).unwrap();
                let written = match (month, day, time) {
                    (None, None, None) => true,
                    (Some(m), None, None) => { write!(text, "-{m:02}").unwrap(); true }
                    (Some(m), Some(d), t) => {
                        write!(text, "-{m:02}-{d:02}").unwrap();
                        if let Some(t) = t {
                            write!(text, "T{:02}:{:02}", t.hour, t.minute).unwrap();
                            if let Some(s) = t.second { write!(text, ":{s:02}").unwrap(); }
                            if let Some(ms) = t.millisecond { write!(text, ".{ms:03}").unwrap(); }
                        }
                        true
                    }
                    _ => false,
                };
                let from_fields = PartialDate::from_fields(year, month, day, time);
                if written {
                    prop_assert_eq!(from_fields, PartialDate::parse(&text).ok(), "{}", text);
                } else {
                    prop_assert_eq!(from_fields, None);
                }
            }

            #[test]
            fn times_from_fields_are_checked(h in 0u8..=30, m in 0u8..=70, s in proptest::option::of(0u8..=70), ms in proptest::option::of(0u16..=1100)) {
                let valid = h < 24 && m < 60 && s.is_none_or(|s| s < 60) && ms.is_none_or(|ms| ms < 1000 && s.is_some());
                prop_assert_eq!(TimeOfDay::new(h, m, s, ms).is_some(), valid);
            }

            #[test]
            fn plain_days_read_as_the_general_parser_reads_them(s in "[0-9]{4}-(0[0-9]|1[0-3])-([0-2][0-9]|3[0-2])") {
                let general = Parser::new(&s).date().ok();
                prop_assert_eq!(PartialDate::plain_day(s.as_bytes()), general);
            }

            #[test]
            fn never_panics_on_any_text(s in "\\PC{0,40}") {
                let _ = PartialDate::parse(&s);
            }
        }
    }

    /// chrono, the date crate the design names, is the oracle for the
    /// calendar math over its whole range (years ±262,143): every day
    /// number, month length, ISO text and offset must agree with it.
    #[cfg(not(target_arch = "wasm32"))]
    mod chrono_oracle {
        use super::super::*;
        use chrono::{Datelike, FixedOffset, NaiveDate, TimeZone, Timelike};
        use proptest::prelude::*;

        fn epoch() -> NaiveDate {
            NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()
        }

        /// Day numbers over chrono's whole range, its ends included.
        fn any_day() -> impl Strategy<Value = i64> {
            let min = (NaiveDate::MIN - epoch()).num_days();
            let max = (NaiveDate::MAX - epoch()).num_days();
            prop_oneof![min..=max, -800_000i64..800_000, Just(min), Just(max)]
        }

        /// Milliseconds over chrono's whole range.
        fn any_ms() -> impl Strategy<Value = i64> {
            (any_day(), 0i64..86_400_000).prop_map(|(day, ms)| day * 86_400_000 + ms)
        }

        fn date_of(days: i64) -> NaiveDate {
            epoch() + chrono::TimeDelta::days(days)
        }

        /// ISO 8601 as JS `toISOString` writes it, from chrono's fields.
        fn iso(t: &chrono::DateTime<chrono::Utc>) -> String {
            let year = t.year();
            let year = if (0..=9999).contains(&year) {
                format!("{year:04}")
            } else {
                format!(
                    "{}{:06}",
                    if year < 0 { '-' } else { '+' },
                    year.unsigned_abs()
                )
            };
            format!(
                "{year}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
                t.month(),
                t.day(),
                t.hour(),
                t.minute(),
                t.second(),
                t.timestamp_subsec_millis()
            )
        }

        proptest! {
            #[test]
            fn day_numbers_agree_with_chrono(days in any_day()) {
                let date = date_of(days);
                let civil = (i64::from(date.year()), date.month() as u8, date.day() as u8);
                prop_assert_eq!(civil_from_days(days), civil);
                prop_assert_eq!(days_from_civil(civil.0, civil.1, civil.2), days);
            }

            #[test]
            fn month_lengths_agree_with_chrono(days in any_day()) {
                let date = date_of(days);
                let length = (28..=31)
                    .filter(|&d| date.with_day(d).is_some())
                    .max()
                    .unwrap();
                prop_assert_eq!(
                    u32::from(days_in_month(i64::from(date.year()), date.month() as u8)),
                    length
                );
            }

            #[test]
            fn axis_positions_agree_with_chrono(ms in any_ms()) {
                let t = chrono::DateTime::from_timestamp_millis(ms).unwrap();
                prop_assert_eq!(iso_from_ms(ms as f64), iso(&t));
                let midnight = (t.date_naive() - epoch()).num_days() * 86_400_000;
                let (year, month, day, ms_of_day) = civil_from_ms(ms as f64);
                prop_assert_eq!(
                    (year, month, day, ms_of_day),
                    (i64::from(t.year()), t.month() as u8, t.day() as u8, (ms - midnight) as f64)
                );
                prop_assert_eq!(ms_from_civil(year, month, day), midnight as f64);
            }

            #[test]
            fn offsets_agree_with_chrono(
                ms in any_ms(),
                offset in -1439i32..=1439,
            ) {
                // A wall-clock time written with an offset is the instant
                // chrono places it at.
                let wall = chrono::DateTime::from_timestamp_millis(ms).unwrap().naive_utc();
                let zone = FixedOffset::east_opt(offset * 60).unwrap();
                let Some(instant) = zone.from_local_datetime(&wall).single() else {
                    return Ok(());
                };
                let sign = if offset < 0 { '-' } else { '+' };
                let text = format!(
                    "{}{sign}{:02}:{:02}",
                    iso(&wall.and_utc()).trim_end_matches('Z'),
                    offset.unsigned_abs() / 60,
                    offset.unsigned_abs() % 60
                );
                let date = PartialDate::parse(&text).unwrap();
                prop_assert_eq!(date.start_ms(), instant.timestamp_millis() as f64, "{}", text);
                prop_assert_eq!(date.to_string(), if offset == 0 { text.replace("+00:00", "Z") } else { text });
            }
        }
    }
}
