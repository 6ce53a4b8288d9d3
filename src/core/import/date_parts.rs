//! Dates given as separate numeric fields, TimelineJS3's model both in
//! its JSON and in its spreadsheet, read the same way for both.
//!
//! # Overview
//!
//! - [`DateParts`]: the fields of one date, each as found ([`Raw`]) and
//!   where ([`Part`]).
//! - [`read_date`]: the fields → a [`PartialDate`] at the precision given,
//!   with problems at the paths of the fields that are wrong.
//! - [`Quoted`]: text from the input as a message shows it.
//!
//! # What is a date part?
//!
//! One of year, month, day, hour, minute, second and millisecond, given as
//! a number or as numeric text (`"1,815"`, `" -44 "`). A date is as precise
//! as the finest part given: `{year: 2019, month: 5}` is May 2019. Years
//! are TimelineJS3's, which has no year 0: `-44` is 44 BC, which is the
//! astronomical year -43 that [`PartialDate`] holds.

use crate::core::date::{days_in_month, PartialDate, TimeOfDay, MAX_CALENDAR_YEAR};
use crate::core::import::builder::{Builder, Outcome, WrongType};
use crate::core::json::Value;
use std::fmt::{self, Write as _};

/// The problems of date parts; `Display` writes them.
enum DateProblem<'a> {
    NoYear(Outcome),
    BadYear {
        found: Found<'a>,
        outcome: Outcome,
    },
    /// A part that is not a whole number from `lo` to `hi`; `what` names
    /// it ("a month").
    OutOfRange {
        what: &'static str,
        lo: i64,
        hi: i64,
        found: Found<'a>,
        outcome: Outcome,
    },
    BeyondCalendar,
    NeedsMonth,
    NeedsDay,
}

impl fmt::Display for DateProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateProblem::NoYear(outcome) => write!(f, "missing: a date needs a year ({outcome})"),
            DateProblem::BadYear { found, outcome } => write!(
                f,
                "expected a year such as 2019 (or -44 for 44 BC), but found {found} ({outcome})"
            ),
            DateProblem::OutOfRange {
                what,
                lo,
                hi,
                found,
                outcome,
            } => write!(
                f,
                "expected {what} from {lo} to {hi}, but found {found} ({outcome})"
            ),
            DateProblem::BeyondCalendar => write!(
                f,
                "years beyond ±{MAX_CALENDAR_YEAR} can only be given as a year (the month, day and time are ignored)"
            ),
            DateProblem::NeedsMonth => {
                f.write_str("a day or time needs a month (the day and time are ignored)")
            }
            DateProblem::NeedsDay => f.write_str("a time needs a day (the time is ignored)"),
        }
    }
}

/// What a date part holds instead of a whole number in range.
enum Found<'a> {
    /// Another kind of value: "an object".
    Kind(&'static str),
    /// A number too large to be a year.
    TooLarge,
    Fraction,
    /// Text that is not a whole number.
    Text(&'a str),
    /// A whole number out of range.
    Integer(i64),
}

impl fmt::Display for Found<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Kind(kind) => f.write_str(kind),
            Found::TooLarge => f.write_str("a number out of range"),
            Found::Fraction => f.write_str("a fraction"),
            Found::Text(text) => Quoted(text).fmt(f),
            Found::Integer(n) => n.fmt(f),
        }
    }
}

/// Text from the input as a message shows it: quoted, cut after 40
/// characters.
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut chars = self.0.chars();
        f.write_char('"')?;
        for c in chars.by_ref().take(40) {
            f.write_char(c)?;
        }
        if chars.next().is_some() {
            f.write_char('…')?;
        }
        f.write_char('"')
    }
}

/// One date field as found in the input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Raw<'a> {
    /// Not given (or `null`).
    Absent,
    /// A JSON number (or one read from text by a reader).
    Number(f64),
    /// A string, read as a whole number.
    Text(&'a str),
    /// Anything else: its kind, for the message ("an object").
    Wrong(&'static str),
}

impl<'a> Raw<'a> {
    /// A member of a TimelineJS3 date object.
    pub(crate) fn of(value: Option<&'a Value>) -> Self {
        match value {
            None | Some(Value::Null) => Raw::Absent,
            Some(Value::Number(n)) => Raw::Number(*n),
            Some(Value::String(s)) => Raw::Text(s),
            Some(other) => Raw::Wrong(other.kind_name()),
        }
    }

    /// The whole number given; `Ok(None)` when absent or blank, what was
    /// found otherwise. Text may hold spaces and thousands commas.
    fn integer(&self) -> Result<Option<i64>, Found<'a>> {
        /// Beyond this, years lose precision in f64 and in ISO text.
        const LIMIT: f64 = 1e15;
        match *self {
            Raw::Absent => Ok(None),
            Raw::Wrong(kind) => Err(Found::Kind(kind)),
            Raw::Number(n) if !n.is_finite() || n.abs() >= LIMIT => Err(Found::TooLarge),
            Raw::Number(n) if n.fract() != 0.0 => Err(Found::Fraction),
            Raw::Number(n) => Ok(Some(n as i64)),
            Raw::Text(text) => {
                let cleaned: String = text
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != ',')
                    .collect();
                if cleaned.is_empty() {
                    return Ok(None);
                }
                let (negative, digits) = match cleaned.strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
                };
                let valid =
                    (1..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
                if !valid {
                    return Err(Found::Text(text));
                }
                let value = digits
                    .bytes()
                    .fold(0i64, |acc, b| acc * 10 + i64::from(b - b'0'));
                Ok(Some(if negative { -value } else { value }))
            }
        }
    }

    fn is_absent(&self) -> bool {
        matches!(self.integer(), Ok(None))
    }
}

/// A date field and where it is in the input (`events[3].start_date.month`,
/// `rows[4].month`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Part<'a> {
    pub(crate) raw: Raw<'a>,
    pub(crate) path: String,
}

/// A date as separate numeric fields, TimelineJS3's model in JSON and CSV.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateParts<'a> {
    pub(crate) year: Part<'a>,
    pub(crate) month: Part<'a>,
    pub(crate) day: Part<'a>,
    pub(crate) hour: Part<'a>,
    pub(crate) minute: Part<'a>,
    pub(crate) second: Part<'a>,
    pub(crate) millisecond: Part<'a>,
}

/// Reads date fields into a [`PartialDate`] at the precision given:
/// `Ok(None)` when every field is absent; `Err` (reported with `outcome`)
/// when a field is not a whole number, is out of range (month 13, day 31 in
/// April) or the year is missing. Finer fields without the coarser ones
/// they need (a day without a month, a time without a day) and finer fields
/// of years beyond ±271,821 are ignored with a warning.
pub(crate) fn read_date(
    b: &mut Builder,
    parts: &DateParts<'_>,
    outcome: Outcome,
) -> Result<Option<PartialDate>, WrongType> {
    let finer = [
        &parts.month,
        &parts.day,
        &parts.hour,
        &parts.minute,
        &parts.second,
        &parts.millisecond,
    ];
    if parts.year.raw.is_absent() && finer.iter().all(|p| p.raw.is_absent()) {
        return Ok(None);
    }
    let year = match parts.year.raw.integer() {
        Ok(Some(year)) => year,
        Ok(None) => {
            b.problem(parts.year.path.clone(), &DateProblem::NoYear(outcome));
            return Err(WrongType);
        }
        Err(found) => {
            let problem = DateProblem::BadYear { found, outcome };
            b.problem(parts.year.path.clone(), &problem);
            return Err(WrongType);
        }
    };
    // TimelineJS3 shows year -44 as 44 BC, which is astronomical -43;
    // cosmological years ("-13800000000") are kept as written.
    let year = if (-MAX_CALENDAR_YEAR - 1..0).contains(&year) {
        year + 1
    } else {
        year
    };
    let month = ranged(b, &parts.month, "a month", 1, 12, outcome)?;
    let max_day = month.map_or(31, |m| i64::from(days_in_month(year, m as u8)));
    let day = ranged(b, &parts.day, "a day", 1, max_day, outcome)?;
    let hour = ranged(b, &parts.hour, "an hour", 0, 23, outcome)?;
    let minute = ranged(b, &parts.minute, "a minute", 0, 59, outcome)?;
    let second = ranged(b, &parts.second, "a second", 0, 59, outcome)?;
    let millisecond = ranged(b, &parts.millisecond, "a millisecond", 0, 999, outcome)?;
    let mut ignored = |fields: &[&Part<'_>], problem: DateProblem<'_>| {
        if let Some(part) = fields.iter().find(|p| !p.raw.is_absent()) {
            b.problem(part.path.clone(), &problem);
        }
    };
    let year_only = PartialDate::from_year(year);
    if year.abs() > MAX_CALENDAR_YEAR {
        ignored(&finer, DateProblem::BeyondCalendar);
        return Ok(Some(year_only));
    }
    let Some(month) = month else {
        ignored(finer.get(1..).unwrap_or_default(), DateProblem::NeedsMonth);
        return Ok(Some(year_only));
    };
    let time = [hour, minute, second, millisecond];
    let time = match day {
        None => {
            ignored(finer.get(2..).unwrap_or_default(), DateProblem::NeedsDay);
            None
        }
        Some(_) if time.iter().all(Option::is_none) => None,
        // A millisecond is written with its second (":00.250").
        Some(_) => TimeOfDay::new(
            hour.unwrap_or(0) as u8,
            minute.unwrap_or(0) as u8,
            second.or(millisecond.map(|_| 0)).map(|s| s as u8),
            millisecond.map(|ms| ms as u16),
        ),
    };
    let date = PartialDate::from_fields(year, Some(month as u8), day.map(|d| d as u8), time);
    // Every field was checked above; were one not, the year would remain.
    Ok(Some(date.unwrap_or(year_only)))
}

/// An optional whole number within `lo..=hi`; anything else is reported.
fn ranged(
    b: &mut Builder,
    part: &Part<'_>,
    what: &'static str,
    lo: i64,
    hi: i64,
    outcome: Outcome,
) -> Result<Option<i64>, WrongType> {
    let found = match part.raw.integer() {
        Ok(None) => return Ok(None),
        Ok(Some(v)) if (lo..=hi).contains(&v) => return Ok(Some(v)),
        Ok(Some(v)) => Found::Integer(v),
        Err(found) => found,
    };
    let problem = DateProblem::OutOfRange {
        what,
        lo,
        hi,
        found,
        outcome,
    };
    b.problem(part.path.clone(), &problem);
    Err(WrongType)
}
