//! Turns an input document into a timeline plus the problems found.
//!
//! Good events always survive; a bad one is skipped or repaired and reported
//! at its path in the input. Only a document that cannot hold events at all
//! (not an object or array, `events` not an array, not JSON, a CSV without
//! its header row) is a [`DataError`].
//!
//! # Overview
//!
//! - [`parse_document`]: JSON text in the contract's shape or TimelineJS3's
//!   (told apart automatically), [`parse_document_in_pieces`] the same for
//!   a document whose events come a few thousand at a time ([`Pieces`]).
//! - [`parse_csv_document`]: TimelineJS3's spreadsheet as CSV.
//! - [`Parsed`]: the result, the same whatever the format.
//!
//! Inside, the data goes one way: these entry points hand the text to a
//! reader per format (`contract`, `timelinejs`, `csv`), and the readers
//! fill one `builder` (ids, titles, the sort, the wording shared by all)
//! and share the reading of date parts (`date_parts`).
//!
//! # Example
//!
//! ```
//! # fn main() -> Result<(), news_timeline::core::import::DataError> {
//! use news_timeline::core::import::parse_document;
//! let parsed = parse_document(
//!     r#"[{"start": "2019-07-19", "title": "Tanker seized"},
//!         {"start": "July 2019", "title": "Drone"}]"#,
//! )?;
//! assert_eq!(parsed.timeline.events.len(), 1);
//! assert_eq!(parsed.problems[0].path, "[1].start");
//! # Ok(())
//! # }
//! ```
//!
//! # What is a problem path?
//!
//! Where the problem is in the input, in the input's own names: `events[3].start`
//! in an object, `[3].start` in a bare array, `events[3].start_date.month`
//! in TimelineJS3's JSON, `rows[4].year` in its spreadsheet (data rows
//! counted from 0 after the header row).

mod builder;
mod contract;
mod csv;
mod date_parts;
mod ids;
mod sort;
mod timelinejs;

pub use crate::core::import::builder::{DataError, Parsed};
use crate::core::import::contract::{Document, Stop};
use crate::core::json;

/// Whether text fetched from a URL should be read as JSON rather than CSV,
/// by its first non-space character (`{` or `[`), for when neither the
/// Content-Type nor the file extension decides.
pub fn looks_like_json(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    matches!(text.trim_start().chars().next(), Some('{' | '['))
}

/// Parses JSON text into a timeline: the contract's shape, or a TimelineJS3
/// document (told apart by its members).
///
/// Events in the contract's shape are read one at a time, each turned into
/// an event before the next is parsed, so that no tree of the whole
/// document is ever built; a TimelineJS3 document is read as a tree.
pub fn parse_document(text: &str) -> Result<Parsed, DataError> {
    match Document::read(text) {
        Ok(document) => Ok(document.finish()),
        Err(Stop::Rejected(e)) => Err(e),
        Err(Stop::TimelineJs) => parse_timelinejs(text),
    }
}

/// The events of a large document, handed over a few thousand at a time,
/// so that the document's whole text never has to be in memory at once
/// (20 MB at 100,000 events).
pub trait Pieces {
    /// How many events there are in all (room is made for them at once).
    fn total(&self) -> usize;
    /// The next events as the JSON text of an array, `None` after the last.
    fn next_piece(&mut self) -> Result<Option<String>, DataError>;
    /// The whole document's JSON text, for documents read as a whole.
    fn whole(&mut self) -> Result<String, DataError>;
}

/// [`parse_document`] for a document whose events come in `pieces`:
/// `shell` is its JSON text with an empty events array (or `[]` for a bare
/// array), and the pieces' events are read as if they were in it, by the
/// same reader. A TimelineJS3 document is asked for [`Pieces::whole`].
pub fn parse_document_in_pieces(shell: &str, pieces: &mut dyn Pieces) -> Result<Parsed, DataError> {
    match read_in_pieces(shell, pieces) {
        Ok(parsed) => Ok(parsed),
        Err(Stop::Rejected(e)) => Err(e),
        Err(Stop::TimelineJs) => parse_timelinejs(&pieces.whole()?),
    }
}

fn read_in_pieces(shell: &str, pieces: &mut dyn Pieces) -> Result<Parsed, Stop> {
    let mut document = Document::read(shell)?;
    document.reserve(pieces.total());
    while let Some(piece) = pieces.next_piece()? {
        document.read_piece(&piece)?;
    }
    Ok(document.finish())
}

fn parse_timelinejs(text: &str) -> Result<Parsed, DataError> {
    let value = json::parse(text).map_err(DataError::not_json)?;
    crate::core::import::timelinejs::parse_timelinejs(&value)
}

/// Reads CSV in TimelineJS3's spreadsheet layout (columns found by header
/// name: Year, Month, Day, Time, End Year…, Headline, Text, Media…, Type,
/// Group). Rejected only when there is no header row with Year and
/// Headline columns; bad rows are skipped or repaired with problems at
/// `rows[i].column`.
pub fn parse_csv_document(text: &str) -> Result<Parsed, DataError> {
    crate::core::import::csv::parse_csv(text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::json::Value;

    /// The events of `whole` (an array, or an object's `events`) in pieces
    /// of `size`, and how often the whole text was asked for.
    struct Split {
        whole: String,
        pieces: std::vec::IntoIter<String>,
        total: usize,
        asked_whole: usize,
    }

    impl Split {
        fn new(whole: &str, size: usize) -> (String, Split) {
            let value = json::parse(whole).unwrap();
            let (events, shell) = match &value {
                Value::Array(events) => (events.clone(), "[]".to_owned()),
                Value::Object(_) => {
                    let events = match value.get("events") {
                        Some(Value::Array(events)) => events.clone(),
                        _ => vec![],
                    };
                    // The same text with the events array emptied.
                    let at = whole.find("\"events\"").unwrap();
                    let open = at + whole[at..].find('[').unwrap();
                    let close = whole.rfind(']').unwrap();
                    (
                        events,
                        format!("{}[]{}", &whole[..open], &whole[close + 1..]),
                    )
                }
                _ => unreachable!(),
            };
            let pieces: Vec<String> = events
                .chunks(size)
                .map(|c| {
                    let texts: Vec<String> = c.iter().map(json_text).collect();
                    format!("[{}]", texts.join(","))
                })
                .collect();
            let total = events.len();
            (
                shell,
                Split {
                    whole: whole.to_owned(),
                    pieces: pieces.into_iter(),
                    total,
                    asked_whole: 0,
                },
            )
        }
    }

    /// Writes a parsed value back as JSON text.
    fn json_text(value: &Value) -> String {
        match value {
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            Value::String(s) => format!("{s:?}"),
            Value::Array(items) => format!(
                "[{}]",
                items.iter().map(json_text).collect::<Vec<_>>().join(",")
            ),
            Value::Object(members) => format!(
                "{{{}}}",
                members
                    .iter()
                    .map(|(k, v)| format!("{k:?}:{}", json_text(v)))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        }
    }

    impl Pieces for Split {
        fn total(&self) -> usize {
            self.total
        }
        fn next_piece(&mut self) -> Result<Option<String>, DataError> {
            Ok(self.pieces.next())
        }
        fn whole(&mut self) -> Result<String, DataError> {
            self.asked_whole += 1;
            Ok(self.whole.clone())
        }
    }

    #[test]
    fn events_in_pieces_read_as_the_whole_document_does() {
        let documents = [
            // A bare array, with problems in later pieces: their paths count on.
            r#"[{"start": "2019-05-05", "title": "a"}, {"start": "2019-05-06", "title": "b"},
                {"start": "bad", "title": "c"}, 7, {"start": "2019-05-01", "title": "d", "id": "x"},
                {"start": "2019-05-02", "title": "e", "id": "x"}]"#,
            // An object with a title after the events.
            r#"{"events": [{"start": "2019-05-05", "title": "a"}, {"title": "no start"},
                {"start": "2019-05-07", "end": "2019-05-01", "title": "c"}], "title": ""}"#,
            // TimelineJS3: read as a whole.
            r#"{"title": {"text": {"headline": "War footing"}}, "events": [
                {"start_date": {"year": "2019", "month": "5", "day": "5"}, "text": {"headline": "a"}},
                {"start_date": {"year": "2019", "month": "5", "day": "6"}, "text": {"headline": "b"}}]}"#,
            // Eras: read as a whole.
            r#"{"eras": [{"start": "2019-05", "end": "2019-06", "label": "spring"}],
                "events": [{"start": "2019-05-05", "title": "a"}, {"start": "2019-05-06", "title": "b"}]}"#,
        ];
        for (n, document) in documents.iter().enumerate() {
            let expected = parse_document(document).unwrap();
            for size in [1, 2, 4] {
                let (shell, mut split) = Split::new(document, size);
                let parsed = parse_document_in_pieces(&shell, &mut split).unwrap();
                assert_eq!(parsed, expected, "document {n} in pieces of {size}");
                assert_eq!(split.asked_whole, usize::from(n >= 2), "document {n}");
            }
        }
    }

    #[test]
    fn a_piece_that_cannot_be_had_is_the_error() {
        struct Failing;
        impl Pieces for Failing {
            fn total(&self) -> usize {
                1
            }
            fn next_piece(&mut self) -> Result<Option<String>, DataError> {
                Err(DataError::new(
                    "data",
                    "cannot be read as JSON (cyclic)".into(),
                ))
            }
            fn whole(&mut self) -> Result<String, DataError> {
                unreachable!()
            }
        }
        let error = parse_document_in_pieces("[]", &mut Failing).unwrap_err();
        assert_eq!(error.to_string(), "data: cannot be read as JSON (cyclic)");
    }

    #[test]
    fn tells_json_from_csv_by_the_first_character() {
        assert!(looks_like_json("\u{feff} \n {\"events\": []}"));
        assert!(looks_like_json("[]"));
        assert!(!looks_like_json("Year,Month\n"));
        assert!(!looks_like_json(""));
    }
}
