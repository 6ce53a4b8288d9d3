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
mod threads;
mod timelinejs;

pub use crate::core::import::builder::{DataError, Parsed};
use crate::core::import::contract::{Document, Stop};
pub(crate) use crate::core::import::sort::sort_by_start;
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
            // The contract's eras, groups and colours, before and after the
            // events: checked against the events once all are read.
            r#"{"eras": [{"start": "2019-05", "end": "2019-06", "title": "spring"}, {"start": "x"}],
                "groups": [{"id": "b", "label": "B", "color": "red"}, {"id": "nope"}],
                "events": [{"start": "2019-05-05", "title": "a", "group": "a", "tags": ["t"]},
                           {"start": "2019-05-06", "title": "b", "group": "b"}],
                "colors": {"t": "blue", "u": "green"}}"#,
            // TimelineJS3 told by its first object, which is not in the
            // first piece: the pieces used to stop looking after one piece.
            r#"{"events": [7, {"start_date": {"year": 2019}, "text": {"headline": "a"}},
                {"start_date": {"year": 2020}, "text": {"headline": "b"}}]}"#,
        ];
        for (n, document) in documents.iter().enumerate() {
            let expected = parse_document(document).unwrap();
            for size in [1, 2, 4] {
                let (shell, mut split) = Split::new(document, size);
                let parsed = parse_document_in_pieces(&shell, &mut split).unwrap();
                assert_eq!(parsed, expected, "document {n} in pieces of {size}");
                assert_eq!(
                    split.asked_whole,
                    usize::from(n == 2 || n == 4),
                    "document {n}"
                );
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
    fn a_piece_that_is_not_an_array_is_the_error() {
        struct NotAnArray;
        impl Pieces for NotAnArray {
            fn total(&self) -> usize {
                1
            }
            fn next_piece(&mut self) -> Result<Option<String>, DataError> {
                Ok(Some(r#"{"start": "2019", "title": "a"}"#.into()))
            }
            fn whole(&mut self) -> Result<String, DataError> {
                unreachable!()
            }
        }
        let error = parse_document_in_pieces("[]", &mut NotAnArray).unwrap_err();
        assert_eq!(
            error.to_string(),
            "events: expected an array of events, but found an object"
        );
    }

    #[test]
    fn tells_json_from_csv_by_the_first_character() {
        assert!(looks_like_json("\u{feff} \n {\"events\": []}"));
        assert!(looks_like_json("[]"));
        assert!(!looks_like_json("Year,Month\n"));
        assert!(!looks_like_json(""));
    }

    /// Documents built from parts that are right or wrong in known ways
    /// (random text almost never parses, so it tests next to nothing):
    /// ids that collide, bad and tied dates, wrong types, missing and blank
    /// titles, deep junk, elements that are not events.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;
        use std::collections::HashSet;

        /// A member's JSON value (`None`: the member is absent) and whether
        /// it makes the contract skip the event.
        type Member = (Option<String>, bool);

        /// A member that is absent, holds one of `kept` (the event stays,
        /// perhaps repaired) or one of `skipping`.
        fn member(
            kept: &'static [&'static str],
            skipping: &'static [&'static str],
        ) -> BoxedStrategy<Member> {
            let kept = prop::sample::select(kept).prop_map(|v| (Some(v.to_owned()), false));
            if skipping.is_empty() {
                return prop_oneof![1 => Just((None, false)), 2 => kept].boxed();
            }
            let skipping = prop::sample::select(skipping).prop_map(|v| (Some(v.to_owned()), true));
            prop_oneof![3 => Just((None, false)), 4 => kept, 1 => skipping].boxed()
        }

        fn start() -> BoxedStrategy<Member> {
            prop_oneof![
                4 => prop::sample::select(&[
                    "\"2019\"", "\"2019-05\"", "\"2019-05-05\"", "\"2019-05-05T14:30Z\"",
                    "\"2019-05-05T16:30+02:00\"", "\"-0043-03-15\"", "\"+012019\"", "\"-13800000000\"",
                ][..]).prop_map(|v| (Some(v.to_owned()), false)),
                // Few days, so that many events tie.
                3 => (1u8..=4).prop_map(|d| (Some(format!("\"2019-05-{d:02}\"")), false)),
                2 => prop::sample::select(&[
                    "\"2019-13-45\"", "\"May 2019\"", "\"2019-W12\"", "\"\"", "5", "true", "{}", "[]", "null",
                ][..]).prop_map(|v| (Some(v.to_owned()), true)),
                1 => Just((None, true)),
            ]
            .boxed()
        }

        /// One element of the events array: its text (with `#index` as its
        /// `text`, to find it again) and whether it is kept.
        fn element() -> impl Strategy<Value = (Vec<(&'static str, Member)>, bool)> {
            let object = (
                start(),
                member(
                    &[
                        "\"Tanker seized\"",
                        "\"\"",
                        "\"  \"",
                        "\" padded \"",
                        "null",
                    ],
                    &["7", "[\"x\"]"],
                ),
                member(
                    &["\"a\"", "\"b\"", "\"a-2\"", "\" a \"", "\"\"", "null"],
                    &["1", "false"],
                ),
                member(
                    &[
                        "\"2019-06\"",
                        "\"2019-04\"",
                        "\"soon\"",
                        "5",
                        "\"-13800000000\"",
                        "null",
                    ],
                    &[],
                ),
                member(
                    &["[\"military\"]", "[\"a\", \"\", 3, \" a \"]", "[]", "null"],
                    &["\"military\"", "{}"],
                ),
                member(
                    &["1", "3", "0", "2.5", "1e300", "null"],
                    &["\"high\"", "[]"],
                ),
                member(
                    &[
                        "{\"url\": \"https://example.com/a.jpg\"}",
                        "{\"url\": \"javascript:x\"}",
                        "{\"caption\": \"c\"}",
                    ],
                    &["\"a.jpg\"", "{\"url\": 5}"],
                ),
                member(
                    &["{\"url\": \"https://bbc.co.uk\"}", "{\"name\": \"BBC\"}"],
                    &["\"x\"", "{\"name\": 1}"],
                ),
                (0usize..80).prop_map(|depth| {
                    (
                        Some(format!(
                            "{}{{\"y\": null}}{}",
                            "[".repeat(depth),
                            "]".repeat(depth)
                        )),
                        false,
                    )
                }),
            )
                .prop_map(
                    |(start, title, id, end, tags, importance, media, source, junk)| {
                        let members = vec![
                            ("start", start),
                            ("title", title),
                            ("id", id),
                            ("end", end),
                            ("tags", tags),
                            ("importance", importance),
                            ("media", media),
                            ("source", source),
                            ("x", junk),
                        ];
                        let kept = members.iter().all(|(_, (_, skips))| !skips);
                        (members, kept)
                    },
                );
            let not_an_event = prop::sample::select(&["7", "null", "\"x\"", "[]", "true"][..])
                .prop_map(|v| (vec![("", (Some(v.to_owned()), true))], false));
            prop_oneof![9 => object, 1 => not_an_event]
        }

        /// The element's JSON text; `index` is its marker.
        fn element_text(members: &[(&str, Member)], index: usize) -> String {
            if let [("", (Some(value), _))] = members {
                return value.clone();
            }
            let mut fields: Vec<String> = members
                .iter()
                .filter_map(|(key, (value, _))| value.as_ref().map(|v| format!("\"{key}\": {v}")))
                .collect();
            fields.push(format!("\"text\": \"#{index}\""));
            format!("{{{}}}", fields.join(", "))
        }

        proptest! {
            #[test]
            fn good_events_survive_and_bad_ones_are_reported_at_their_paths(
                elements in prop::collection::vec(element(), 0..24),
                shape in 0usize..3,
                piece_size in 1usize..6,
            ) {
                let texts: Vec<String> = elements
                    .iter()
                    .enumerate()
                    .map(|(i, (members, _))| element_text(members, i))
                    .collect();
                let array = format!("[{}]", texts.join(", "));
                let (document, prefix) = match shape {
                    0 => (array, ""),
                    1 => (format!("{{\"events\": {array}}}"), "events"),
                    _ => (format!("{{\"title\": 5, \"events\": {array}}}"), "events"),
                };
                let parsed = parse_document(&document).unwrap();
                let events = &parsed.timeline.events;

                // Ids are unique.
                let ids: HashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
                prop_assert_eq!(ids.len(), events.len());

                // Exactly the good events survive.
                let marker = |e: &crate::core::model::Event| -> usize {
                    e.text.as_deref().and_then(|t| t.strip_prefix('#')).unwrap().parse().unwrap()
                };
                let kept: HashSet<usize> = events.iter().map(marker).collect();
                let expected: HashSet<usize> = elements
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, kept))| *kept)
                    .map(|(i, _)| i)
                    .collect();
                prop_assert_eq!(&kept, &expected, "{}", document);

                // Every skipped event has a problem at its path; no kept
                // one is reported as skipped.
                let at = |i: usize, path: &str| {
                    let own = format!("{prefix}[{i}]");
                    path == own || path.starts_with(&format!("{own}."))
                };
                for i in 0..elements.len() {
                    let skipping = parsed.problems.iter().filter(|p| {
                        at(i, &p.path)
                            && (p.message.ends_with("(the event is skipped)")
                                || p.message.starts_with("expected an event object"))
                    });
                    prop_assert_eq!(skipping.count() > 0, !kept.contains(&i), "event {} of {}", i, document);
                }

                // Sorted by start, ties in input order.
                for pair in events.windows(2) {
                    let (a, b) = (&pair[0], &pair[1]);
                    prop_assert!(a.start_ms() < b.start_ms()
                        || (a.start_ms() == b.start_ms() && marker(a) < marker(b)));
                }

                // The title's problem comes first.
                if shape == 2 {
                    prop_assert_eq!(parsed.problems[0].path.as_str(), "title");
                }

                // In pieces, the same.
                let (shell, mut split) = Split::new(&document, piece_size);
                prop_assert_eq!(parse_document_in_pieces(&shell, &mut split).unwrap(), parsed);
            }
        }
    }
}
