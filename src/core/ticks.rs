//! Axis ticks: calendar-aligned instants to label under the track, never
//! closer together than the labels need.
//!
//! # Overview
//!
//! [`ticks`] picks one *level* (a calendar unit and a step) for the window
//! and returns every [`Tick`] of that level inside it, each with a
//! [`PartialDate`] label at the level's precision; the UI formats the label
//! in the reader's language.
//!
//! # What is a tick level?
//!
//! The ladder, finest first, all on the axis's wall clock (the widget's
//! zone: see [`crate::core::zone`]), so day, month and year ticks fall on
//! that zone's midnights, also across daylight-saving changes:
//!
//! | unit | steps | aligned on | major tick (next unit) | label precision |
//! |---|---|---|---|---|
//! | minutes | 1, 5, 15, 30 | multiples of the step in the hour | whole hour | minute |
//! | hours | 1, 3, 6, 12 | multiples of the step in the day | midnight | minute |
//! | days | 1, 2, 5, 10, 15 | days 1, 1+step, 1+2·step… of each month | the 1st | day |
//! | months | 1, 3, 6 | January, April… (months 1+step·k) | January | month |
//! | years | 1, 2, 5, 10, 20, 25, 50, …, 500, then 1, 2, 5 × 10^k up to 10^10 | years divisible by the step | years divisible by 10 × step | year |
//!
//! Every level has a *shortest gap* between two of its ticks: a month level
//! is at least 28 days, three months at least 90, six months 181, `n` years
//! at least 365·`n` days. On day levels the last tick of a month is dropped
//! when it would be fewer than `step` days before the next 1st (so at step
//! 5, February has no 26th). The chosen level is the finest whose shortest
//! gap is at least `min_spacing_px` wide, which is why no two ticks ever
//! overlap, not even around February. Windows reaching beyond the years a
//! calendar date can have (±271,821) only get year levels.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use news_timeline::core::ticks::ticks;
//! use news_timeline::core::window::Window;
//! let decades = Window::from_iso("2010", "2029")?;
//! let t = ticks(decades, 1200.0, 50.0);
//! assert_eq!(t.len(), 20);
//! assert_eq!(t[0].label.to_string(), "2010");
//! assert!(t[0].major && !t[1].major);
//! # Ok(())
//! # }
//! ```
//!
//! Out of scope: label text and its width (the UI formats with Intl and
//! chooses `min_spacing_px` to fit it), weeks.

use super::date::{
    civil_from_ms, days_in_month, ms_from_civil, PartialDate, Precision, MAX_CALENDAR_YEAR,
    MS_PER_DAY,
};
use super::window::Window;

/// One labelled axis tick, so the UI can draw a line and a date at `ms`.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// The axis position (wall-clock ms of the widget's zone).
    pub ms: f64,
    /// The date at the level's precision (a year, a month, a day, or a
    /// wall-clock minute for hour and minute levels).
    pub label: PartialDate,
    /// At a boundary of the next coarser unit (the hour, the day, the 1st,
    /// January, a year divisible by 10 × step), so the UI can add the larger
    /// context ("Jan 2019" rather than "Jan").
    pub major: bool,
}

/// A hard bound on the ticks of one call, whatever the input.
const MAX_TICKS: usize = 2000;

/// Beyond this many years from 1970 there are no ticks: calendar
/// arithmetic stays far inside `i64` and no real timeline goes there.
const MAX_TICK_YEARS: f64 = 1e15;

const MINUTE_MS: f64 = 60_000.0;
const HOUR_MS: f64 = 3_600_000.0;
/// A year's average length, to bound positions by years.
const YEAR_MS: f64 = 365.2425 * MS_PER_DAY;

/// The calendar unit a level counts in.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Minute,
    Hour,
    Day,
    Month,
    Year,
}

/// The ladder of levels `(unit, step)`, finest first.
const LEVELS: [(Unit, i64); 49] = {
    use Unit::*;
    [
        (Minute, 1),
        (Minute, 5),
        (Minute, 15),
        (Minute, 30),
        (Hour, 1),
        (Hour, 3),
        (Hour, 6),
        (Hour, 12),
        (Day, 1),
        (Day, 2),
        (Day, 5),
        (Day, 10),
        (Day, 15),
        (Month, 1),
        (Month, 3),
        (Month, 6),
        (Year, 1),
        (Year, 2),
        (Year, 5),
        (Year, 10),
        (Year, 20),
        (Year, 25),
        (Year, 50),
        (Year, 100),
        (Year, 200),
        (Year, 250),
        (Year, 500),
        (Year, 1_000),
        (Year, 2_000),
        (Year, 5_000),
        (Year, 10_000),
        (Year, 20_000),
        (Year, 50_000),
        (Year, 100_000),
        (Year, 200_000),
        (Year, 500_000),
        (Year, 1_000_000),
        (Year, 2_000_000),
        (Year, 5_000_000),
        (Year, 10_000_000),
        (Year, 20_000_000),
        (Year, 50_000_000),
        (Year, 100_000_000),
        (Year, 200_000_000),
        (Year, 500_000_000),
        (Year, 1_000_000_000),
        (Year, 2_000_000_000),
        (Year, 5_000_000_000),
        (Year, 10_000_000_000),
    ]
};

/// The shortest time between two neighbouring ticks of a level, in ms.
fn shortest_gap_ms(unit: Unit, step: i64) -> f64 {
    let days = match unit {
        Unit::Minute => return step as f64 * MINUTE_MS,
        Unit::Hour => return step as f64 * HOUR_MS,
        Unit::Day => step as f64,
        Unit::Month => match step {
            1 => 28.0,
            3 => 90.0,
            _ => 181.0,
        },
        Unit::Year => step as f64 * 365.0,
    };
    days * MS_PER_DAY
}

/// The ticks of `window` drawn `width_px` wide, at least `min_spacing_px`
/// apart, in time order, only those in `[start, end)`: at most
/// `width_px / min_spacing_px + 2` and never more than 2,000. Empty when a
/// size is not finite and positive, or when no level fits (a window so
/// wide that even 10^10-year ticks would crowd, or reaching beyond ±10^15
/// years).
pub fn ticks(window: Window, width_px: f64, min_spacing_px: f64) -> Vec<Tick> {
    let mut out = Vec::new();
    let (start, end) = (window.start(), window.end());
    let need = min_spacing_px * ((end - start) / width_px);
    let sane = width_px.is_finite()
        && width_px > 0.0
        && min_spacing_px > 0.0
        && need.is_finite()
        && start.abs().max(end.abs()) <= MAX_TICK_YEARS * YEAR_MS;
    if !sane {
        return out;
    }
    let calendar = start >= ms_from_civil(-MAX_CALENDAR_YEAR, 1, 1)
        && end <= ms_from_civil(MAX_CALENDAR_YEAR + 1, 1, 1);
    let level = LEVELS.iter().find(|&&(unit, step)| {
        (calendar || unit == Unit::Year) && shortest_gap_ms(unit, step) >= need
    });
    let Some(&(unit, step)) = level else {
        return out;
    };
    let cap = ((width_px / min_spacing_px) as usize)
        .saturating_add(2)
        .min(MAX_TICKS);

    // The cursor `k` counts units since 1970 (minutes, hours) or since year
    // 0 (months, years); it starts on the level's last tick at or before
    // `start`. Day levels count months in `k` and days in `day`.
    let (year, month, _, _) = civil_from_ms(start);
    let months = year * 12 + i64::from(month) - 1;
    let mut k = match unit {
        Unit::Minute => (start / MINUTE_MS).floor() as i64,
        Unit::Hour => (start / HOUR_MS).floor() as i64,
        Unit::Day | Unit::Month => months,
        Unit::Year => year,
    };
    if unit != Unit::Day {
        k = k.div_euclid(step) * step;
    }
    let mut day = 0;
    // Up to a month of day ticks lie before `start`; then each turn pushes.
    for _ in 0..cap + 32 {
        let month_of_k = (k.rem_euclid(12) + 1) as u8;
        let (ms, major, label) = match unit {
            Unit::Minute | Unit::Hour => {
                let (unit_ms, next_ms) = if unit == Unit::Minute {
                    (MINUTE_MS, HOUR_MS)
                } else {
                    (HOUR_MS, MS_PER_DAY)
                };
                let ms = k as f64 * unit_ms;
                let label = PartialDate::from_ms(ms, Precision::Minute);
                (ms, ms.rem_euclid(next_ms) == 0.0, label)
            }
            Unit::Day => {
                let ms = ms_from_civil(k.div_euclid(12), month_of_k, day as u8 + 1);
                (ms, day == 0, PartialDate::from_ms(ms, Precision::Day))
            }
            Unit::Month => {
                let ms = ms_from_civil(k.div_euclid(12), month_of_k, 1);
                (
                    ms,
                    month_of_k == 1,
                    PartialDate::from_ms(ms, Precision::Month),
                )
            }
            Unit::Year => {
                let major = k.rem_euclid(step * 10) == 0;
                (
                    ms_from_civil(k, 1, 1),
                    major,
                    Some(PartialDate::from_year(k)),
                )
            }
        };
        if ms >= end || out.len() >= cap {
            break;
        }
        if let Some(label) = label.filter(|_| ms >= start) {
            out.push(Tick { ms, label, major });
        }
        if unit == Unit::Day {
            day += step;
            // Drop a last tick closer than `step` days to the next 1st.
            if day + step > i64::from(days_in_month(k.div_euclid(12), month_of_k)) {
                k += 1;
                day = 0;
            }
        } else {
            k += step;
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::date::iso_from_ms;
    use crate::core::zone::{new_york, Zone};

    fn window(start: &str, end: &str) -> Window {
        Window::from_iso(start, end).unwrap()
    }

    fn labels(ticks: &[Tick]) -> Vec<String> {
        ticks.iter().map(|t| t.label.to_string()).collect()
    }

    fn majors(ticks: &[Tick]) -> Vec<String> {
        ticks
            .iter()
            .filter(|t| t.major)
            .map(|t| t.label.to_string())
            .collect()
    }

    #[test]
    fn a_june_window_gets_day_ticks() {
        let june = window("2019-06", "2019-06");
        let daily = ticks(june, 1200.0, 36.0);
        assert_eq!(daily.len(), 30);
        assert_eq!(daily[0].label.to_string(), "2019-06-01");
        assert_eq!(daily[29].label.to_string(), "2019-06-30");
        assert_eq!(majors(&daily), ["2019-06-01"]);
        let sparse = ticks(june, 1200.0, 96.0);
        assert_eq!(
            labels(&sparse),
            [
                "2019-06-01",
                "2019-06-06",
                "2019-06-11",
                "2019-06-16",
                "2019-06-21",
                "2019-06-26"
            ]
        );
    }

    #[test]
    fn february_drops_a_day_tick_too_close_to_march() {
        let t = ticks(window("2019-02-20", "2019-03-03"), 110.0, 45.0);
        assert_eq!(labels(&t), ["2019-02-21", "2019-03-01"]);
    }

    #[test]
    fn two_decades_get_year_ticks() {
        let t = ticks(window("2010", "2029"), 1200.0, 50.0);
        assert_eq!(t.len(), 20);
        assert_eq!(
            (labels(&t)[0].as_str(), labels(&t)[19].as_str()),
            ("2010", "2029")
        );
        assert!(t.iter().all(|t| t.label.precision() == Precision::Year));
        assert_eq!(majors(&t), ["2010", "2020"]);
        let sparse = ticks(window("2010", "2029"), 1200.0, 96.0);
        assert_eq!(labels(&sparse)[..3], ["2010", "2012", "2014"]);
        assert_eq!(majors(&sparse), ["2020"]);
    }

    #[test]
    fn the_age_of_the_universe_gets_billion_year_ticks() {
        let now = 1.7e12;
        let big_bang = PartialDate::from_year(-13_800_000_000).start_ms();
        let t = ticks(Window::new(big_bang, now).unwrap(), 1200.0, 80.0);
        let years: Vec<i64> = t.iter().map(|t| t.label.year()).collect();
        assert_eq!(
            years,
            (-13..=0).map(|g| g * 1_000_000_000).collect::<Vec<_>>()
        );
        assert!(t.iter().all(|t| t.label.precision() == Precision::Year));
        assert_eq!(majors(&t), ["-10000000000", "0000"]);
    }

    #[test]
    fn hours_and_minutes_are_wall_clock_minutes() {
        let t = ticks(window("2019-05-05T22:00", "2019-05-06T02:00"), 800.0, 150.0);
        assert_eq!(
            labels(&t),
            [
                "2019-05-05T22:00",
                "2019-05-05T23:00",
                "2019-05-06T00:00",
                "2019-05-06T01:00"
            ]
        );
        assert_eq!(majors(&t), ["2019-05-06T00:00"]);
        let m = ticks(window("2019-05-05T22:00", "2019-05-05T23:00"), 800.0, 100.0);
        assert_eq!(labels(&m)[..2], ["2019-05-05T22:00", "2019-05-05T22:15"]);
        assert_eq!(majors(&m), ["2019-05-05T22:00"]);
    }

    /// The instants of `ticks` on the wall clock of `zone`, as UTC text.
    fn instants(ticks: &[Tick], zone: Zone) -> Vec<String> {
        ticks
            .iter()
            .map(|t| iso_from_ms(zone.instant(t.ms)))
            .collect()
    }

    #[test]
    fn day_ticks_fall_on_new_york_midnights_across_the_change_to_summer_time() {
        let ny = new_york(Default::default());
        let zone = Zone::Varying(&ny);
        let t = ticks(
            Window::from_iso_in("2019-03-09", "2019-03-11", zone).unwrap(),
            900.0,
            250.0,
        );
        assert_eq!(labels(&t), ["2019-03-09", "2019-03-10", "2019-03-11"]);
        assert_eq!(
            instants(&t, zone),
            [
                "2019-03-09T05:00:00.000Z",
                "2019-03-10T05:00:00.000Z",
                "2019-03-11T04:00:00.000Z"
            ]
        );
        // An event written at New York's midnight, with either offset,
        // sits exactly on its day's tick.
        for (written, tick) in [("2019-03-10T00:00-05:00", 1), ("2019-03-11T00:00-04:00", 2)] {
            let placed = zone.place(written.parse().unwrap());
            assert_eq!(placed.start_ms(), t[tick].ms, "{written}");
        }
        // And back to standard time in November.
        let autumn = ticks(
            Window::from_iso_in("2019-11-02", "2019-11-04", zone).unwrap(),
            900.0,
            250.0,
        );
        assert_eq!(
            instants(&autumn, zone),
            [
                "2019-11-02T04:00:00.000Z",
                "2019-11-03T04:00:00.000Z",
                "2019-11-04T05:00:00.000Z"
            ]
        );
    }

    #[test]
    fn month_and_year_ticks_fall_on_the_zone_s_midnights() {
        let ny = new_york(Default::default());
        let zone = Zone::Varying(&ny);
        let months = ticks(
            Window::from_iso_in("2019-10", "2019-12", zone).unwrap(),
            900.0,
            200.0,
        );
        assert_eq!(
            instants(&months, zone),
            [
                "2019-10-01T04:00:00.000Z",
                "2019-11-01T04:00:00.000Z",
                "2019-12-01T05:00:00.000Z"
            ]
        );
        let years = ticks(
            Window::from_iso_in("2019", "2021", zone).unwrap(),
            900.0,
            200.0,
        );
        assert_eq!(
            instants(&years, zone),
            [
                "2019-01-01T05:00:00.000Z",
                "2020-01-01T05:00:00.000Z",
                "2021-01-01T05:00:00.000Z"
            ]
        );
        // Tehran, half an hour off the hour: hours and days on its clock.
        let tehran = Zone::Fixed(270);
        let hours = ticks(
            Window::from_iso_in("2019-05-05T19:00Z", "2019-05-05T22:00Z", tehran).unwrap(),
            900.0,
            200.0,
        );
        assert_eq!(
            labels(&hours),
            ["2019-05-06T00:00", "2019-05-06T01:00", "2019-05-06T02:00"]
        );
        assert_eq!(instants(&hours, tehran)[0], "2019-05-05T19:30:00.000Z");
        assert_eq!(majors(&hours), ["2019-05-06T00:00"]);
    }

    #[test]
    fn months_and_quarters_start_on_the_first() {
        let t = ticks(window("2018-11", "2019-12"), 1000.0, 60.0);
        assert_eq!(labels(&t)[..3], ["2018-11", "2018-12", "2019-01"]);
        assert_eq!(majors(&t), ["2019-01"]);
        let q = ticks(window("2018-11", "2020-12"), 1000.0, 100.0);
        assert_eq!(labels(&q)[..3], ["2019-01", "2019-04", "2019-07"]);
    }

    #[test]
    fn bce_years_align_on_multiples_of_the_step() {
        let t = ticks(window("-0123", "0077"), 1000.0, 100.0);
        assert_eq!(labels(&t)[..3], ["-000100", "-000075", "-000050"]);
        assert_eq!(majors(&t), ["0000"]);
    }

    #[test]
    fn degenerate_input_gets_no_ticks() {
        let w = window("2019", "2020");
        for (width, spacing) in [
            (0.0, 50.0),
            (-5.0, 50.0),
            (f64::NAN, 50.0),
            (f64::INFINITY, 50.0),
            (800.0, 0.0),
            (800.0, -1.0),
            (800.0, f64::NAN),
        ] {
            assert_eq!(ticks(w, width, spacing), [], "{width} {spacing}");
        }
        assert_eq!(
            ticks(Window::new(-f64::MAX, f64::MAX).unwrap(), 800.0, 50.0),
            []
        );
        assert_eq!(ticks(Window::new(1e300, 2e300).unwrap(), 800.0, 50.0), []);
        assert_eq!(ticks(Window::new(0.0, 1e25).unwrap(), 800.0, 50.0), []);
    }

    #[test]
    fn never_more_than_two_thousand() {
        let t = ticks(window("2019", "2020"), 1e9, 1.0);
        assert_eq!(t.len(), MAX_TICKS);
        let tiny = ticks(window("2019", "2020"), 1e9, 1e-300);
        assert_eq!(tiny.len(), MAX_TICKS);
    }

    #[test]
    fn beyond_the_calendar_only_years() {
        let far = PartialDate::from_year(-5_000_000).start_ms();
        let t = ticks(Window::new(far, far + 3.0 * YEAR_MS).unwrap(), 1200.0, 50.0);
        let years: Vec<i64> = t.iter().map(|t| t.label.year()).collect();
        assert_eq!(years, [-5_000_000, -4_999_999, -4_999_998]);
        assert_eq!(labels(&t)[0], "-5000000");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Windows a minute (10^4.78 ms) to 1e10 years (10^20.5 ms) long,
        /// starting in recorded history or anywhere within 1.4e10 years.
        fn any_window() -> impl Strategy<Value = Window> {
            let year = prop_oneof![-3000.0f64..3000.0, -1.4e10f64..1.4e10];
            (year, 4.78f64..20.5).prop_filter_map("representable", |(year, log)| {
                let start = (year - 1970.0) * YEAR_MS;
                Window::new(start, start + 10f64.powf(log))
            })
        }

        proptest! {
            #[test]
            fn ticks_never_crowd(w in any_window(), width in 280.0f64..2000.0, spacing in 20.0f64..200.0) {
                let t = ticks(w, width, spacing);
                let ms_per_px = (w.end() - w.start()) / width;
                prop_assert!(t.len() <= (width / spacing) as usize + 2);
                for pair in t.windows(2) {
                    let px = (pair[1].ms - pair[0].ms) / ms_per_px;
                    prop_assert!(px >= spacing * (1.0 - 1e-9), "{px} < {spacing}: {pair:?}");
                }
            }

            #[test]
            fn ticks_rise_inside_the_window(w in any_window(), width in 280.0f64..2000.0, spacing in 20.0f64..200.0) {
                let t = ticks(w, width, spacing);
                prop_assert!(t.iter().all(|t| w.start() <= t.ms && t.ms < w.end()));
                prop_assert!(t.windows(2).all(|p| p[0].ms < p[1].ms));
            }

            #[test]
            fn labels_sit_at_their_instant(w in any_window(), width in 280.0f64..2000.0) {
                for tick in ticks(w, width, 80.0) {
                    prop_assert_eq!(tick.label.start_ms(), tick.ms);
                }
            }

            #[test]
            fn never_panics(start in any::<f64>(), len in any::<f64>(), width in any::<f64>(), spacing in any::<f64>()) {
                if let Some(w) = Window::new(start, start + len) {
                    prop_assert!(ticks(w, width, spacing).len() <= MAX_TICKS);
                }
            }
        }
    }
}
