//! Reads CSV, so a timeline can come straight from TimelineJS3's Google
//! Sheets template ("File → Download → CSV") via `data-src`.
//!
//! # Overview
//!
//! - [`read_rows`]: an RFC 4180 reader that never fails: quoted fields, `""`
//!   escapes, commas and line breaks inside quotes, CRLF/LF/CR line ends, a
//!   leading UTF-8 BOM; ragged rows are kept as they are.
//! - [`parse_csv`]: rows in TimelineJS3's spreadsheet layout → [`Parsed`],
//!   the same result JSON gives.
//!
//! # Example
//!
//! ```
//! # fn main() -> Result<(), news_timeline::core::import::DataError> {
//! let parsed = news_timeline::core::import::parse_csv_document(
//!     "Year,Month,Day,Headline\r\n2019,6,20,\"Drone shot down, says IRGC\"\r\n",
//! )?;
//! assert_eq!(parsed.timeline.events[0].title, "Drone shot down, says IRGC");
//! assert_eq!(parsed.timeline.events[0].start.to_string(), "2019-06-20");
//! # Ok(())
//! # }
//! ```
//!
//! # Which columns?
//!
//! Found by header name (case, spaces around and repeated spaces ignored):
//! Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display
//! Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail,
//! Type, Group, Background. Year and Headline must exist; other columns are
//! optional and unknown ones ignored. Numbers read as in TimelineJS3 (spaces
//! and thousands commas ignored; `-44` is 44 BC); Time is `14:30`,
//! `14:30:15`, `14:30:15.250`, `1430`, `14` or `2:30 PM`. A row whose Type is
//! "title" gives the timeline's title (its Headline), "era" a shaded band
//! (Year… to End Year…, labelled by the Headline); empty rows are skipped.
//!
//! # Problem paths
//!
//! `rows[4].end_year`: `rows[i]` counts data rows from 0 (the header row is
//! not counted, so it is spreadsheet row i + 2 when nothing precedes the
//! header), and the column is its template name in snake case.
//!
//! Out of scope: other delimiters (`;`, tabs), TimelineJS3's older
//! "Start Date"/"End Date" sheets, Background (ignored).

use crate::core::date::PartialDate;
use crate::core::import::builder::{
    non_blank, plain, Builder, DataError, Draft, Keys, Loc, Outcome, Parsed, WrongType,
    DEFAULT_IMPORTANCE,
};
use crate::core::import::date_parts::{read_date, DateParts, Part, Quoted, Raw};
use crate::core::model::Media;
use std::fmt;

/// The problems only spreadsheets have; `Display` writes them.
enum CsvProblem<'a> {
    /// A Time cell that is not a time (its text).
    BadTime {
        text: &'a str,
        outcome: Outcome,
    },
    SecondTitleRow,
    NoYear,
    /// An era row without a start (`end` false) or an end year.
    EraWithoutYear {
        end: bool,
    },
    /// No row at all but blank ones.
    Empty,
    /// A header row without the Year or Headline column (or both); `names`
    /// are its cells.
    MissingColumns {
        year: bool,
        headline: bool,
        names: &'a [String],
    },
}

impl fmt::Display for CsvProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvProblem::BadTime { text, outcome } => write!(
                f,
                "expected a time such as \"14:30\", but found {} ({outcome})",
                Quoted(text)
            ),
            CsvProblem::SecondTitleRow => {
                f.write_str("a second \"title\" row (it is shown as an event)")
            }
            CsvProblem::NoYear => write!(
                f,
                "missing: every event needs a year ({})",
                Outcome::EventSkipped
            ),
            CsvProblem::EraWithoutYear { end } => write!(
                f,
                "missing: every era needs {} ({})",
                if *end { "an end year" } else { "a year" },
                Outcome::EraSkipped
            ),
            CsvProblem::Empty => f.write_str(
                "expected CSV with a header row of TimelineJS3's spreadsheet columns (Year, Headline, …), but found an empty file",
            ),
            CsvProblem::MissingColumns {
                year,
                headline,
                names,
            } => {
                let missing = match (year, headline) {
                    (true, true) => "\"Year\" or \"Headline\"",
                    (true, false) => "\"Year\"",
                    _ => "\"Headline\"",
                };
                write!(
                    f,
                    "expected CSV with TimelineJS3's spreadsheet columns, but the header row has no {missing} column (found "
                )?;
                for (i, name) in names.iter().take(6).enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    Quoted(name.trim()).fmt(f)?;
                }
                if names.len() > 6 {
                    f.write_str(", …")?;
                }
                f.write_str(")")
            }
        }
    }
}

/// A spreadsheet's names for an event's title; it has no id column (ids
/// are derived from the content).
static KEYS: Keys = Keys {
    title: "headline",
    title_name: "headline",
    id: "",
};

/// Splits CSV text into rows of fields (RFC 4180, leniently): a field that
/// starts with `"` runs to the matching `"` (`""` is one quote; text after
/// the closing quote is kept); line breaks (CRLF, LF or CR) end a row
/// outside quotes. An empty line is a row with one empty field; the line
/// break at the very end does not start another row. Unterminated quotes
/// run to the end of the text.
fn read_rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    // Whether the current field has begun (a character or a quote was read).
    let mut started = false;
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if !started => {
                in_quotes = true;
                started = true;
            }
            ',' => {
                row.push(std::mem::take(&mut field));
                started = false;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                started = false;
            }
            _ => {
                field.push(c);
                started = true;
            }
        }
    }
    if started || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// The template's columns, in its order: (header, path key).
const COLUMNS: [(&str, &str); 18] = [
    ("year", "year"),
    ("month", "month"),
    ("day", "day"),
    ("time", "time"),
    ("end year", "end_year"),
    ("end month", "end_month"),
    ("end day", "end_day"),
    ("end time", "end_time"),
    ("display date", "display_date"),
    ("headline", "headline"),
    ("text", "text"),
    ("media", "media"),
    ("media credit", "media_credit"),
    ("media caption", "media_caption"),
    ("media thumbnail", "media_thumbnail"),
    ("type", "type"),
    ("group", "group"),
    ("background", "background"),
];

/// Indexes into [`COLUMNS`].
#[derive(Clone, Copy)]
enum Col {
    Year,
    Month,
    Day,
    Time,
    EndYear,
    EndMonth,
    EndDay,
    EndTime,
    DisplayDate,
    Headline,
    Text,
    Media,
    MediaCredit,
    MediaCaption,
    MediaThumbnail,
    Type,
    Group,
}

impl Col {
    fn key(self) -> &'static str {
        COLUMNS.get(self as usize).map_or("", |(_, key)| key)
    }
}

/// Where each template column is in the file.
struct Header {
    at: [Option<usize>; COLUMNS.len()],
}

impl Header {
    fn new(names: &[String]) -> Self {
        let mut at = [None; COLUMNS.len()];
        for (index, name) in names.iter().enumerate() {
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            let name = name.to_ascii_lowercase();
            if let Some(slot) = COLUMNS
                .iter()
                .position(|(header, _)| *header == name)
                .and_then(|column| at.get_mut(column))
            {
                // The first column of a name wins.
                slot.get_or_insert(index);
            }
        }
        Header { at }
    }

    fn has(&self, col: Col) -> bool {
        self.at.get(col as usize).is_some_and(Option::is_some)
    }
}

/// One data row and where it is.
struct Row<'a> {
    cells: &'a [String],
    header: &'a Header,
    /// `rows[4]`: data rows count from 0, the header row not counted.
    at: Loc,
}

impl<'a> Row<'a> {
    /// The cell of a column; empty when the column or the cell is missing.
    fn cell(&self, col: Col) -> &'a str {
        self.header
            .at
            .get(col as usize)
            .copied()
            .flatten()
            .and_then(|index| self.cells.get(index))
            .map_or("", String::as_str)
    }

    fn path(&self, col: Col) -> String {
        self.at.field(col.key())
    }

    fn text(&self, col: Col) -> Option<String> {
        non_blank(Some(self.cell(col).to_owned()))
    }

    fn part(&self, col: Col) -> Part<'a> {
        Part {
            raw: Raw::Text(self.cell(col)),
            path: self.path(col),
        }
    }

    /// Year, Month, Day and Time (or their End columns) as a date;
    /// `Ok(None)` when all are empty.
    fn date(
        &self,
        b: &mut Builder,
        [year, month, day, time]: [Col; 4],
        outcome: Outcome,
    ) -> Result<Option<PartialDate>, WrongType> {
        let time_text = self.cell(time).trim();
        let clock = if time_text.is_empty() {
            None
        } else if let Some(clock) = parse_time(time_text) {
            Some(clock)
        } else {
            let problem = CsvProblem::BadTime {
                text: time_text,
                outcome,
            };
            b.problem(self.path(time), &problem);
            return Err(WrongType);
        };
        let clock_part = |value: Option<u32>| Part {
            raw: value.map_or(Raw::Absent, |v| Raw::Number(f64::from(v))),
            path: self.path(time),
        };
        let parts = DateParts {
            year: self.part(year),
            month: self.part(month),
            day: self.part(day),
            hour: clock_part(clock.map(|c| c.hour)),
            minute: clock_part(clock.map(|c| c.minute)),
            second: clock_part(clock.and_then(|c| c.second)),
            millisecond: clock_part(clock.and_then(|c| c.millisecond)),
        };
        read_date(b, &parts, outcome)
    }
}

/// Reads CSV in TimelineJS3's spreadsheet layout (see the module docs for
/// columns and paths). Rejected only when there is no header row with Year
/// and Headline columns; bad rows are skipped or repaired with problems.
pub(crate) fn parse_csv(text: &str) -> Result<Parsed, DataError> {
    let rows = read_rows(text);
    let is_blank = |row: &Vec<String>| row.iter().all(|cell| cell.trim().is_empty());
    let mut rows = rows.iter().skip_while(|row| is_blank(row));
    let Some(names) = rows.next() else {
        return Err(DataError::described("data", &CsvProblem::Empty));
    };
    let header = Header::new(names);
    let (year, headline) = (!header.has(Col::Year), !header.has(Col::Headline));
    if year || headline {
        let problem = CsvProblem::MissingColumns {
            year,
            headline,
            names,
        };
        return Err(DataError::described("data", &problem));
    }
    let mut b = Builder::default();
    let mut has_title = false;
    for (index, cells) in rows.enumerate() {
        if is_blank(cells) {
            continue;
        }
        let row = Row {
            cells,
            header: &header,
            at: Loc {
                prefix: "rows",
                index,
            },
        };
        match row.cell(Col::Type).trim().to_ascii_lowercase().as_str() {
            "title" if !has_title => {
                has_title = true;
                b.timeline.title = plain(row.cell(Col::Headline));
            }
            "title" => {
                b.problem(row.path(Col::Type), &CsvProblem::SecondTitleRow);
                event(&mut b, &row);
            }
            "era" => era(&mut b, &row),
            _ => event(&mut b, &row),
        }
    }
    Ok(b.finish())
}

const START: [Col; 4] = [Col::Year, Col::Month, Col::Day, Col::Time];
const END: [Col; 4] = [Col::EndYear, Col::EndMonth, Col::EndDay, Col::EndTime];

fn event(b: &mut Builder, row: &Row<'_>) {
    let start = match row.date(b, START, Outcome::EventSkipped) {
        Ok(Some(start)) => start,
        Ok(None) => {
            b.problem(row.path(Col::Year), &CsvProblem::NoYear);
            return;
        }
        Err(WrongType) => return,
    };
    let ignored = Outcome::EndIgnored;
    let end = match row.date(b, END, ignored) {
        Ok(Some(end)) => b.end_after(row.path(Col::EndYear), &start, end, ignored),
        Ok(None) | Err(WrongType) => None,
    };
    let media = Media {
        url: row.cell(Col::Media).to_owned(),
        alt: None,
        caption: row.text(Col::MediaCaption),
        credit: row.text(Col::MediaCredit),
        thumbnail: row.text(Col::MediaThumbnail),
    };
    let media = b.checked_media(
        row.path(Col::Media),
        row.path(Col::MediaThumbnail),
        media,
        true,
    );
    let (group, tags) = b.group_and_tags(row.text(Col::Group));
    b.push_event(Draft {
        at: row.at,
        keys: &KEYS,
        start,
        end,
        title: plain(row.cell(Col::Headline)),
        id: None,
        text: row.text(Col::Text),
        tags,
        importance: DEFAULT_IMPORTANCE,
        media: media.map(Box::new),
        source: None,
        display_date: row.text(Col::DisplayDate),
        group,
        ongoing: false,
    });
}

fn era(b: &mut Builder, row: &Row<'_>) {
    let mut required = |cols: [Col; 4], end: bool| match row.date(b, cols, Outcome::EraSkipped) {
        Ok(Some(date)) => Some(date),
        Ok(None) => {
            let [year, ..] = cols;
            b.problem(row.path(year), &CsvProblem::EraWithoutYear { end });
            None
        }
        Err(WrongType) => None,
    };
    let Some(start) = required(START, false) else {
        return;
    };
    let Some(end) = required(END, true) else {
        return;
    };
    let label = plain(row.cell(Col::Headline)).unwrap_or_default();
    b.push_era(row.path(Col::EndYear), start, end, label, None);
}

/// A time of day as written in the Time columns; ranges are checked later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Clock {
    hour: u32,
    minute: u32,
    second: Option<u32>,
    millisecond: Option<u32>,
}

/// `14:30`, `14:30:15`, `14:30:15.250`, `1430`, `14`, with an optional
/// `AM`/`PM` (`a.m.`, `pm`…) after a 12-hour clock; `None` otherwise.
fn parse_time(text: &str) -> Option<Clock> {
    let lower = text.trim().to_ascii_lowercase();
    let mut body = lower.as_str();
    let mut period = None;
    for (suffix, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if let Some(rest) = body.strip_suffix(suffix) {
            body = rest.trim_end();
            period = Some(pm);
            break;
        }
    }
    let number = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
        let ok = lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| s.parse::<u32>().ok()).flatten()
    };
    let mut clock = if body.contains(':') {
        let mut parts = body.split(':');
        let hour = number(parts.next()?, 1..=2)?;
        let minute = number(parts.next()?, 2..=2)?;
        let (second, millisecond) = match parts.next() {
            None => (None, None),
            Some(seconds) => {
                let (whole, fraction) = match seconds.split_once(['.', ',']) {
                    Some((whole, fraction)) => (whole, Some(fraction)),
                    None => (seconds, None),
                };
                let second = number(whole, 2..=2)?;
                let millisecond = match fraction {
                    None => None,
                    Some(f) => {
                        number(f, 1..=9)?;
                        let padded: String = f.chars().chain("00".chars()).take(3).collect();
                        Some(number(&padded, 3..=3)?)
                    }
                };
                (Some(second), millisecond)
            }
        };
        if parts.next().is_some() {
            return None;
        }
        Clock {
            hour,
            minute,
            second,
            millisecond,
        }
    } else {
        let digits = number(body, 1..=4)?;
        let (hour, minute) = if body.len() <= 2 {
            (digits, 0)
        } else {
            (digits / 100, digits % 100)
        };
        Clock {
            hour,
            minute,
            second: None,
            millisecond: None,
        }
    };
    if let Some(pm) = period {
        if !(1..=12).contains(&clock.hour) {
            return None;
        }
        clock.hour = clock.hour % 12 + if pm { 12 } else { 0 };
    }
    Some(clock)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn reads_rfc_4180_csv() {
        let cases: &[(&str, &[&[&str]])] = &[
            ("", &[]),
            ("a", &[&["a"]]),
            ("a,b\nc,d", &[&["a", "b"], &["c", "d"]]),
            ("a,b\r\nc,d\r\n", &[&["a", "b"], &["c", "d"]]),
            ("a,b\rc,d\r", &[&["a", "b"], &["c", "d"]]),
            ("a\r\n\r\nb\n\n\n", &[&["a"], &[""], &["b"], &[""], &[""]]),
            ("\u{feff}Year,Headline\n", &[&["Year", "Headline"]]),
            ("\"a,b\",\"c\"\"d\"\"\",\"\"\n", &[&["a,b", "c\"d\"", ""]]),
            (
                "\"line 1\r\nline 2\nline 3\rend\",x",
                &[&["line 1\r\nline 2\nline 3\rend", "x"]],
            ),
            (",,\n", &[&["", "", ""]]),
            (
                "a,b,c\nd\ne,f,g,h",
                &[&["a", "b", "c"], &["d"], &["e", "f", "g", "h"]],
            ),
            ("\"\"", &[&[""]]),
            ("\"unterminated,\nstill", &[&["unterminated,\nstill"]]),
            ("\"quoted\"tail,x", &[&["quotedtail", "x"]]),
            ("in\"side,\"x\"", &[&["in\"side", "x"]]),
            (" \"spaced\" ,x", &[&[" \"spaced\" ", "x"]]),
            ("\u{feff}\u{feff}a", &[&["\u{feff}a"]]),
        ];
        for &(text, expected) in cases {
            let expected: Vec<Vec<String>> = expected
                .iter()
                .map(|row| row.iter().map(|f| f.to_string()).collect())
                .collect();
            assert_eq!(read_rows(text), expected, "{text:?}");
        }
    }

    #[test]
    fn parses_times_as_timelinejs_does() {
        let clock = |h, m, s, ms| {
            Some(Clock {
                hour: h,
                minute: m,
                second: s,
                millisecond: ms,
            })
        };
        let cases = [
            ("14:30", clock(14, 30, None, None)),
            ("9:05", clock(9, 5, None, None)),
            ("14:30:15", clock(14, 30, Some(15), None)),
            ("14:30:15.25", clock(14, 30, Some(15), Some(250))),
            ("14:30:15,5", clock(14, 30, Some(15), Some(500))),
            ("1430", clock(14, 30, None, None)),
            ("930", clock(9, 30, None, None)),
            ("14", clock(14, 0, None, None)),
            ("2:30 PM", clock(14, 30, None, None)),
            ("2:30pm", clock(14, 30, None, None)),
            ("12:15 a.m.", clock(0, 15, None, None)),
            ("12:15 P.M.", clock(12, 15, None, None)),
            ("11 am", clock(11, 0, None, None)),
            ("25:00", clock(25, 0, None, None)), // range checked by the caller
            ("13:00 pm", None),
            ("0 am", None),
            ("noon", None),
            ("14:3", None),
            ("14:30:15:10", None),
            ("14:30:1x", None),
            (":30", None),
            ("14:", None),
            ("12345", None),
            ("pm", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_time(text), expected, "{text:?}");
        }
    }

    /// TimelineJS3's template as Google Sheets exports it: BOM, CRLF, quoted
    /// multi-line HTML with commas and doubled quotes, a title row, eras.
    const SHEET: &str = "\u{feff}Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\r\n\
,,,,,,,,,The fall of the <i>Republic</i>,\"<p>From Caesar to Augustus</p>\",https://upload.wikimedia.org/forum.jpg,,,,title,,#000\r\n\
-49,,,,-44,3,,,,\"Caesar's civil war\",,,,,,era,,\r\n\
-44,3,15,11:00,,,,,\"Ides of March, 44 BC\",Caesar is <em>assassinated</em>,\"<p>Stabbed 23 times, says \"\"Suetonius\"\".</p>\r\n<p>Second paragraph.</p>\",https://upload.wikimedia.org/death.jpg,Jean-Léon Gérôme,<i>The Death of Caesar</i>,,,Politics,\r\n\
,,,,,,,,,,,,,,,,,\r\n\
-31,9,2,2:30 PM,-30,8,,,,Actium,,javascript:alert(1),,,,,War,\r\n\
2019,13,1,,,,,,,Bad month,,,,,,,,\r\n\
,5,,,,,,,,No year,,,,,,,,\r\n\
2019,5,5,noon,,,,,,Bad time,,,,,,,,\r\n\
2019,5,5,,2018,,,,,End before start,,,,,,,,\r\n\
\"1,815\",12,10,,,,,,,Ada Lovelace\r\n\
1943,,,,,,,,,,,,,,,title,,\r\n\
-43,,,,,,,,,Second Triumvirate,,,,,,era,,\r\n\
\r\n\
\r\n";

    #[test]
    fn reads_a_timelinejs_sheet() {
        let p = parse_csv(SHEET).unwrap();
        assert_eq!(parse_csv(SHEET).unwrap(), p, "the same sheet, the same ids");
        let t = &p.timeline;
        assert_eq!(t.title.as_deref(), Some("The fall of the Republic"));
        let summary: Vec<(String, &str, Option<String>)> = t
            .events
            .iter()
            .map(|e| {
                (
                    e.start.to_string(),
                    e.title.as_str(),
                    e.end.map(|d| d.to_string()),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    "-000043-03-15T11:00".to_string(),
                    "Caesar is assassinated",
                    None
                ),
                (
                    "-000030-09-02T14:30".to_string(),
                    "Actium",
                    Some("-000029-08".to_string())
                ),
                ("1815-12-10".to_string(), "Ada Lovelace", None),
                ("1943".to_string(), "", None),
                ("2019-05-05".to_string(), "End before start", None),
            ]
        );
        let ides = &t.events[0];
        assert_eq!(ides.display_date.as_deref(), Some("Ides of March, 44 BC"));
        assert_eq!(
            ides.text.as_deref(),
            Some("<p>Stabbed 23 times, says \"Suetonius\".</p>\r\n<p>Second paragraph.</p>")
        );
        assert_eq!(ides.tags, ["Politics".into()]);
        assert_eq!(
            ides.media,
            Some(Box::new(Media {
                url: "https://upload.wikimedia.org/death.jpg".into(),
                alt: None,
                caption: Some("<i>The Death of Caesar</i>".into()),
                credit: Some("Jean-Léon Gérôme".into()),
                thumbnail: None,
            }))
        );
        assert!(ides.id.starts_with("ev-"));
        assert_eq!(t.events[1].media, None);
        let eras: Vec<(String, String, &str)> = t
            .eras
            .iter()
            .map(|e| (e.start.to_string(), e.end.to_string(), e.label.as_str()))
            .collect();
        assert_eq!(
            eras,
            [("-000048".into(), "-000043-03".into(), "Caesar's civil war")]
        );
        assert_eq!(
            p.problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                r#"rows[4].media: the scheme "javascript:" is not allowed (the media is dropped)"#,
                "rows[5].month: expected a month from 1 to 12, but found 13 (the event is skipped)",
                "rows[6].year: missing: a date needs a year (the event is skipped)",
                r#"rows[7].time: expected a time such as "14:30", but found "noon" (the event is skipped)"#,
                r#"rows[8].end_year: "2018" is before the start "2019-05-05" (the end is ignored)"#,
                r#"rows[10].type: a second "title" row (it is shown as an event)"#,
                "rows[10].headline: missing: every event should have a headline (it is labelled with its date for now)",
                "rows[11].end_year: missing: every era needs an end year (the era is skipped)",
            ]
        );
    }

    #[test]
    fn finds_columns_by_name_in_any_order_and_case() {
        let p = parse_csv(
            "  HEADLINE ,group,  end   year ,YEAR,Media Thumbnail,Media,headline\n\
             Moon landing,Space,1970,1969,\"data:image/png;base64,AA\",/moon.jpg,ignored\n\
             Short row\n",
        )
        .unwrap();
        let e = &p.timeline.events[0];
        assert_eq!(
            (
                e.title.as_str(),
                e.start.to_string(),
                e.end.map(|d| d.to_string())
            ),
            ("Moon landing", "1969".to_string(), Some("1970".to_string()))
        );
        assert_eq!(e.tags, ["Space".into()]);
        let media = e.media.as_ref().unwrap();
        assert_eq!(media.url, "/moon.jpg");
        assert_eq!(media.thumbnail.as_deref(), Some("data:image/png;base64,AA"));
        assert_eq!(
            p.problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["rows[1].year: missing: every event needs a year (the event is skipped)"]
        );
    }

    #[test]
    fn rejects_csv_without_the_template_header() {
        let error = |text: &str| parse_csv(text).unwrap_err().to_string();
        assert_eq!(
            error(""),
            "data: expected CSV with a header row of TimelineJS3's spreadsheet columns (Year, Headline, …), but found an empty file"
        );
        assert_eq!(
            error("\u{feff}\r\n,,\r\n"),
            "data: expected CSV with a header row of TimelineJS3's spreadsheet columns (Year, Headline, …), but found an empty file"
        );
        assert_eq!(
            error("Date,Title\n2019,x\n"),
            r#"data: expected CSV with TimelineJS3's spreadsheet columns, but the header row has no "Year" or "Headline" column (found "Date", "Title")"#
        );
        assert_eq!(
            error("Year,Month,Day,Time,End Year,End Month,End Day\n"),
            r#"data: expected CSV with TimelineJS3's spreadsheet columns, but the header row has no "Headline" column (found "Year", "Month", "Day", "Time", "End Year", "End Month", …)"#
        );
        assert_eq!(
            error("{\"events\": []}"),
            r#"data: expected CSV with TimelineJS3's spreadsheet columns, but the header row has no "Year" or "Headline" column (found "{"events": []}")"#
        );
        assert!(parse_csv("Year,Headline\n")
            .unwrap()
            .timeline
            .events
            .is_empty());
    }

    #[test]
    fn keeps_long_cells() {
        let long = "x".repeat(20_000);
        let p = parse_csv(&format!("Year,Headline,Text\n2019,\"{long}\",{long}\n")).unwrap();
        assert_eq!(p.timeline.events[0].title, long);
        assert_eq!(p.timeline.events[0].text.as_deref(), Some(long.as_str()));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;
        use std::collections::HashSet;

        /// The reverse of [`read_rows`] for tests: every field quoted.
        fn write_rows(rows: &[Vec<String>], line_end: &str) -> String {
            rows.iter()
                .map(|row| {
                    row.iter()
                        .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .collect::<Vec<_>>()
                .join(line_end)
        }

        fn field() -> impl Strategy<Value = String> {
            proptest::collection::vec(
                prop_oneof![
                    3 => any::<char>(),
                    1 => proptest::sample::select(&['"', ',', '\r', '\n', '\u{feff}', ' '][..]),
                ],
                0..12,
            )
            .prop_map(|chars| chars.into_iter().collect())
        }

        /// CSV pieces for token soup.
        const TOKENS: [&str; 32] = [
            ",",
            ",",
            "\"",
            "\"\"",
            "\r\n",
            "\n",
            "\r",
            "2019",
            "-44",
            "13",
            "31",
            "0",
            "1,815",
            "14:30",
            "2:30 PM",
            "25:61",
            "title",
            "era",
            "TITLE",
            "javascript:alert(1)",
            "https://example.com/a.jpg",
            "data:text/html,x",
            "<b>x</b>",
            "9999999999999999",
            "-13800000000",
            "271822",
            " ",
            "x",
            "é",
            "\u{feff}",
            "Year",
            "Headline",
        ];

        const HEADER: &str = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n";

        fn check(p: &Parsed) -> Result<(), TestCaseError> {
            let ids: HashSet<&str> = p.timeline.events.iter().map(|e| e.id.as_str()).collect();
            prop_assert_eq!(ids.len(), p.timeline.events.len());
            for e in &p.timeline.events {
                if let Some(end) = e.end {
                    prop_assert!(end.start_ms() >= e.start.start_ms());
                }
            }
            for era in &p.timeline.eras {
                prop_assert!(era.end_ms() > era.start_ms());
            }
            Ok(())
        }

        proptest! {
            #[test]
            fn round_trips_quoted_rows(
                rows in proptest::collection::vec(proptest::collection::vec(field(), 1..5), 0..8),
                line_end in proptest::sample::select(&["\r\n", "\n", "\r"][..]),
                trailing in any::<bool>(),
                bom in any::<bool>(),
            ) {
                let mut text = write_rows(&rows, line_end);
                if trailing && !rows.is_empty() {
                    text.push_str(line_end);
                }
                if bom {
                    text.insert(0, '\u{feff}');
                }
                prop_assert_eq!(read_rows(&text), rows);
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(20_000))]

            /// Fuzz: any text at all.
            #[test]
            fn never_panics_on_any_text(text in "\\PC{0,300}") {
                let _ = read_rows(&text);
                if let Ok(p) = parse_csv(&text) {
                    check(&p)?;
                }
            }

            /// Fuzz: token soup under the template's header, so inputs reach
            /// the date, time, type and URL code.
            #[test]
            fn never_panics_on_token_soup(
                tokens in proptest::collection::vec(proptest::sample::select(&TOKENS[..]), 0..120)
            ) {
                let text = format!("{HEADER}{}", tokens.concat());
                let p = parse_csv(&text);
                prop_assert!(p.is_ok());
                if let Ok(p) = p {
                    check(&p)?;
                }
            }
        }
    }
}
