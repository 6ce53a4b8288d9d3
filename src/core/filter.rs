//! What a reader (or `setFilter`) narrows the timeline to: tags, a text
//! query, a date range and an importance threshold, combined with AND.
//!
//! # Overview
//!
//! - [`Filter`]: the criteria; empty criteria constrain nothing.
//! - [`SearchIndex`]: each event's title and text, folded once per data set
//!   so a keystroke only scans prepared strings.
//! - [`fold`]: case- and accent-insensitive form ("Téhéran" → "teheran"),
//!   one character for one, so match positions map back onto the title.
//!
//! ```
//! # fn main() -> Result<(), news_timeline::core::import::DataError> {
//! use news_timeline::core::filter::{Filter, SearchIndex};
//! let parsed = news_timeline::core::import::parse_document(
//!     r#"[{"start": "2019-06-13", "title": "Tankers attacked", "tags": ["shipping"]},
//!         {"start": "2019-06-20", "title": "Drone shot down", "tags": ["military"]}]"#,
//! )?;
//! let index = SearchIndex::new(&parsed.timeline);
//! let filter = Filter { query: Some("TANKER".into()), ..Filter::default() };
//! assert_eq!(filter.apply(&parsed.timeline, &index), vec![0]);
//! # Ok(())
//! # }
//! ```
//!
//! Out of scope: ranking, fuzzy matching, word stemming.

use super::date::{PartialDate, Precision, MS_PER_DAY};
use super::model::{for_each_text_char, Event, Timeline};

/// The reader's criteria; `Default` is "show everything".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    /// A substring of title or text, any case and accents.
    pub query: Option<String>,
    /// Events having ANY of these tags pass; empty means no constraint.
    pub tags: Vec<String>,
    /// Events whose period reaches this date's period or later pass.
    pub from: Option<PartialDate>,
    /// Events whose period reaches back to this date's period pass.
    pub to: Option<PartialDate>,
    /// Events at least this important pass (1 to 3).
    pub min_importance: Option<u8>,
}

impl Filter {
    /// Whether the filter lets everything through.
    pub fn is_empty(&self) -> bool {
        self.folded_query().is_none()
            && self.tags.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.min_importance.is_none_or(|m| m <= 1)
    }

    /// The query as matched: folded and trimmed; `None` when blank.
    pub fn folded_query(&self) -> Option<String> {
        self.query
            .as_deref()
            .map(|q| fold(q.trim()))
            .filter(|q| !q.is_empty())
    }

    /// Whether one event passes everything but the text query, which
    /// [`SearchIndex::matching`] answers for all events at once.
    pub fn admits(&self, event: &Event) -> bool {
        if !self.tags.is_empty()
            && !event
                .tags
                .iter()
                .any(|t| self.tags.iter().any(|f| **f == **t))
        {
            return false;
        }
        if self.min_importance.is_some_and(|m| event.importance < m) {
            return false;
        }
        if self
            .from
            .is_some_and(|from| event.end_ms() <= from.start_ms())
        {
            return false;
        }
        !self.to.is_some_and(|to| event.start_ms() >= to.end_ms())
    }

    /// Indices (into `timeline.events`, in time order) of the events that
    /// pass.
    pub fn apply(&self, timeline: &Timeline, index: &SearchIndex) -> Vec<usize> {
        let hits = self.folded_query().map(|q| index.matching(&q));
        timeline
            .events
            .iter()
            .enumerate()
            .filter(|(i, event)| {
                hits.as_ref()
                    .is_none_or(|h| h.get(*i).copied().unwrap_or(false))
                    && self.admits(event)
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// The timeline as filtered: the passing events (in time order) with the
/// original title and eras, so the view and `fit` work on what is shown;
/// `None` when every event passes, so callers keep the data itself instead
/// of copying 100,000 events (a one-letter search often matches them all).
pub fn filtered_timeline(
    timeline: &Timeline,
    filter: &Filter,
    index: &SearchIndex,
) -> Option<Timeline> {
    if filter.is_empty() {
        return None;
    }
    let kept = filter.apply(timeline, index);
    if kept.len() == timeline.events.len() {
        return None;
    }
    Some(
        timeline.with_events(
            kept.into_iter()
                .filter_map(|i| timeline.events.get(i).cloned())
                .collect(),
        ),
    )
}

/// Every event's searchable text, folded, in one string: a query is one
/// substring search over all of it (not one per event), which keeps a
/// keystroke fast at 100,000 events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchIndex {
    /// The folded texts in event order, each followed by [`SEPARATOR`].
    text: String,
    /// Where each event's text begins in `text`, in bytes.
    starts: Vec<usize>,
}

/// Ends each event's text; folded texts and queries never contain it, so a
/// match never spans two events.
const SEPARATOR: char = '\u{1}';

impl SearchIndex {
    /// Folds every event's title and text (HTML stripped) once.
    pub fn new(timeline: &Timeline) -> Self {
        SearchIndexBuilder::new(timeline).finish(timeline)
    }

    /// For each event, whether its folded text contains `folded_query`.
    pub fn matching(&self, folded_query: &str) -> Vec<bool> {
        let mut hits = vec![false; self.starts.len()];
        if folded_query.contains(SEPARATOR) {
            return hits;
        }
        // After a hit, the search goes on from the next event's text.
        let mut from = 0;
        while let Some(found) = self
            .text
            .get(from..)
            .and_then(|rest| rest.find(folded_query))
        {
            let event = self
                .starts
                .partition_point(|&s| s <= from + found)
                .saturating_sub(1);
            if let Some(hit) = hits.get_mut(event) {
                *hit = true;
            }
            match self.starts.get(event + 1) {
                Some(&next) => from = next,
                None => break,
            }
        }
        hits
    }
}

/// A [`SearchIndex`] folded a slice of events at a time: folding 100,000
/// texts at once blocks the page for some 100 ms, so the widget folds them
/// in idle moments (and [`SearchIndexBuilder::finish`] folds what is left
/// if a search comes first).
#[derive(Debug)]
pub struct SearchIndexBuilder {
    /// The folded texts so far, as UTF-8 bytes: `String::push` encodes each
    /// char, which was most of the time of folding.
    text: Vec<u8>,
    starts: Vec<usize>,
}

impl SearchIndexBuilder {
    /// Room is made once (the raw texts' length, about what folding
    /// keeps): grown by doubling, the text would pass through copies
    /// adding up to twice its size, and wasm memory never shrinks.
    pub fn new(timeline: &Timeline) -> Self {
        let size: usize = timeline
            .events
            .iter()
            .map(|e| e.title.len() + e.text.as_deref().map_or(0, str::len) + 2)
            .sum();
        SearchIndexBuilder {
            text: Vec::with_capacity(size),
            starts: Vec::with_capacity(timeline.events.len()),
        }
    }

    /// Folds up to `count` more events of `timeline` (the one it was made
    /// for); true once all are folded.
    pub fn step(&mut self, timeline: &Timeline, count: usize) -> bool {
        let next = self.starts.len();
        for event in timeline.events.iter().skip(next).take(count) {
            self.starts.push(self.text.len());
            let text = &mut self.text;
            if event.title.is_ascii() {
                text.extend(event.title.bytes().map(fold_ascii));
            } else {
                event.title.chars().for_each(|c| push_folded(text, c));
            }
            text.push(b'\n');
            for_each_text_char(event.text.as_deref().unwrap_or_default(), |c| {
                push_folded(text, c)
            });
            text.push(SEPARATOR as u8);
        }
        self.starts.len() >= timeline.events.len()
    }

    /// The index, once the events not folded yet are.
    pub fn finish(mut self, timeline: &Timeline) -> SearchIndex {
        self.step(timeline, usize::MAX);
        self.text.shrink_to_fit();
        SearchIndex {
            // Only whole chars were written, so this cannot fail.
            text: String::from_utf8(self.text).unwrap_or_default(),
            starts: self.starts,
        }
    }
}

/// `b` (ASCII) as the index holds it: lowercase, and never the separator.
fn fold_ascii(b: u8) -> u8 {
    if b == SEPARATOR as u8 {
        b' '
    } else {
        b.to_ascii_lowercase()
    }
}

/// Appends `c`, folded, to the index's UTF-8 bytes (inlined: it runs for
/// every char of every text).
#[inline(always)]
fn push_folded(text: &mut Vec<u8>, c: char) {
    match u8::try_from(c) {
        Ok(b) if b.is_ascii() => text.push(fold_ascii(b)),
        _ => text.extend_from_slice(fold_char(c).encode_utf8(&mut [0; 4]).as_bytes()),
    }
}

/// The date a range handle dragged to `ms` stands for, as precise as the
/// strip it is dragged on needs: years when the strip spans decades, then
/// months, days, and minutes for spans of a few days. A `from` filter
/// keeps the date's whole period, so the handle snaps to its start; a `to`
/// filter keeps it up to its end.
pub fn brush_date(ms: f64, strip_span_ms: f64) -> Option<PartialDate> {
    let precision = match strip_span_ms / MS_PER_DAY {
        days if days > 365.0 * 20.0 => Precision::Year,
        days if days > 365.0 * 2.0 => Precision::Month,
        days if days > 3.0 => Precision::Day,
        _ => Precision::Minute,
    };
    PartialDate::from_ms(ms, precision)
}

/// Lowercases and strips accents character by character (each input char
/// yields exactly one output char), so positions in the folded text are
/// positions in the original.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // Latin-1 and Latin Extended-A capitals sit 32 (Latin-1) or 1 (pairs in
    // Extended-A) code points below their small letters; this avoids the
    // full Unicode case tables, which would add kilobytes of wasm.
    let lower = match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'Ÿ' => 'ÿ',
        'ĸ' | 'ŉ' => c,
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'Ā'..='ž'
            if c as u32 % 2
                == (if ('Ĺ'..='ň').contains(&c) || ('Ź'..='ž').contains(&c) {
                    1
                } else {
                    0
                }) =>
        {
            char::from_u32(c as u32 + 1).unwrap_or(c)
        }
        _ => c,
    };
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

/// Where the folded query occurs in `text`, as char ranges `[start, end)`,
/// so the view can highlight matches.
pub fn match_ranges(text: &str, folded_query: &str) -> Vec<(usize, usize)> {
    let query: Vec<char> = folded_query.chars().collect();
    let folded: Vec<char> = text.chars().map(fold_char).collect();
    let mut ranges = Vec::new();
    if query.is_empty() {
        return ranges;
    }
    let mut i = 0;
    while i + query.len() <= folded.len() {
        if folded.get(i..i + query.len()) == Some(query.as_slice()) {
            ranges.push((i, i + query.len()));
            i += query.len();
        } else {
            i += 1;
        }
    }
    ranges
}

/// `text` cut into runs that match the folded query (`true`) and runs that
/// do not, in order, so the view can wrap matches in `<mark>`.
pub fn highlight_segments<'a>(text: &'a str, folded_query: &str) -> Vec<(&'a str, bool)> {
    let ranges = match_ranges(text, folded_query);
    if ranges.is_empty() {
        return vec![(text, false)];
    }
    // Char positions to byte offsets (one extra for the end of the text).
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    let mut out = Vec::new();
    let mut done = 0;
    for (start, end) in ranges {
        let (from, to) = (at(start), at(end));
        if let Some(before) = text.get(done..from).filter(|b| !b.is_empty()) {
            out.push((before, false));
        }
        if let Some(hit) = text.get(from..to) {
            out.push((hit, true));
        }
        done = to;
    }
    if let Some(rest) = text.get(done..).filter(|r| !r.is_empty()) {
        out.push((rest, false));
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    #[test]
    fn a_filter_that_keeps_everything_copies_nothing() {
        let t = crate::core::import::parse_document(
            r#"{"title": "T", "events": [{"start": "2019-01-01", "title": "tanker a"},
                {"start": "2019-01-02", "title": "tanker b"}, {"start": "2019-01-03", "title": "drone"}]}"#,
        )
        .unwrap()
        .timeline;
        let index = SearchIndex::new(&t);
        let query = |q: &str| Filter {
            query: Some(q.into()),
            ..Filter::default()
        };
        assert_eq!(filtered_timeline(&t, &Filter::default(), &index), None);
        assert_eq!(
            filtered_timeline(&t, &query("r"), &index),
            None,
            "all three contain an r"
        );
        let tankers = filtered_timeline(&t, &query("tanker"), &index).unwrap();
        assert_eq!(tankers.events.len(), 2);
        assert_eq!(tankers.title.as_deref(), Some("T"));
        assert_eq!(
            filtered_timeline(&t, &query("zz"), &index).map(|s| s.events.len()),
            Some(0)
        );
    }

    #[test]
    fn one_search_over_all_texts_finds_each_event_once_and_never_across_two() {
        let t = crate::core::import::parse_document(
            r#"[{"start": "2019-01-01", "title": "ab", "text": "<p>tanker tanker</p>"},
                {"start": "2019-01-02", "title": "c\u0001d"},
                {"start": "2019-01-03", "title": "Tánker"}]"#,
        )
        .unwrap()
        .timeline;
        let index = SearchIndex::new(&t);
        assert_eq!(index.matching("tanker"), [true, false, true]);
        // "b" ends one text and "c" starts the next: no match across them.
        assert_eq!(index.matching("bc"), [false, false, false]);
        assert_eq!(index.matching("ab\ntanker"), [true, false, false]);
        assert_eq!(index.matching("\u{1}"), [false, false, false]);
        // A separator in a title is indexed as a space.
        assert_eq!(index.matching("c d"), [false, true, false]);
    }

    #[test]
    fn an_index_folded_a_slice_at_a_time_is_the_same_index() {
        let t = crate::core::import::parse_document(
            r#"[{"start": "2019-01-01", "title": "Ab", "text": "<p>Tanker &amp; <b>ship</b></p>"},
                {"start": "2019-01-02", "title": "Téhéran"},
                {"start": "2019-01-03", "title": "ef", "text": "Ŝtraße"},
                {"start": "2019-01-04", "title": "gh"}]"#,
        )
        .unwrap()
        .timeline;
        let whole = SearchIndex::new(&t);
        for slice in [1, 3, 4] {
            let mut builder = SearchIndexBuilder::new(&t);
            let mut steps = 1;
            while !builder.step(&t, slice) {
                steps += 1;
            }
            assert_eq!(steps, 4_usize.div_ceil(slice), "slice {slice}");
            assert_eq!(builder.finish(&t), whole, "slice {slice}");
        }
        // Folded in part, then finished: the rest is folded by `finish`.
        let mut builder = SearchIndexBuilder::new(&t);
        assert!(!builder.step(&t, 2));
        assert_eq!(builder.finish(&t), whole);
        assert_eq!(whole.matching("tanker & ship"), [true, false, false, false]);
    }

    #[test]
    fn highlights_cut_the_original_text_at_its_matches() {
        use super::highlight_segments;
        assert_eq!(
            highlight_segments("Téhéran: TEHERAN talks", "teheran"),
            [
                ("Téhéran", true),
                (": ", false),
                ("TEHERAN", true),
                (" talks", false)
            ]
        );
        assert_eq!(highlight_segments("No match", "zz"), [("No match", false)]);
        assert_eq!(highlight_segments("ab", ""), [("ab", false)]);
    }

    use super::*;

    #[test]
    fn brush_dates_are_as_precise_as_the_strip_needs() {
        let at = PartialDate::from_ms(
            "2019-06-13T10:20Z"
                .parse::<PartialDate>()
                .unwrap()
                .start_ms(),
            Precision::Minute,
        )
        .unwrap()
        .start_ms();
        let brush = |days: f64| brush_date(at, days * MS_PER_DAY).unwrap().to_string();
        assert_eq!(brush(365.0 * 50.0), "2019");
        assert_eq!(brush(365.0 * 5.0), "2019-06");
        assert_eq!(brush(60.0), "2019-06-13");
        assert_eq!(brush(1.0), "2019-06-13T10:20");
        assert_eq!(brush_date(f64::NAN, 1.0), None);
    }
    use crate::core::import::parse_document;

    fn timeline() -> Timeline {
        parse_document(
            r#"[{"start": "2019-05-05", "title": "Carrier deployed", "tags": ["military"], "importance": 3},
                {"start": "2019-06", "title": "Incidents at sea", "text": "<p>Two <b>tankers</b> hit</p>", "tags": ["shipping"]},
                {"start": "2019-06-20", "title": "Drone over Téhéran", "tags": ["military", "air"], "importance": 1},
                {"start": "2019-07-19", "title": "Tanker seized", "tags": ["shipping"]}]"#,
        )
        .unwrap()
        .timeline
    }

    fn passing(filter: &Filter) -> Vec<usize> {
        let t = timeline();
        filter.apply(&t, &SearchIndex::new(&t))
    }

    #[test]
    fn an_empty_filter_passes_everything() {
        assert!(Filter::default().is_empty());
        assert_eq!(passing(&Filter::default()), [0, 1, 2, 3]);
        let blank = Filter {
            query: Some("  ".into()),
            ..Filter::default()
        };
        assert!(blank.is_empty());
    }

    #[test]
    fn queries_ignore_case_accents_and_markup() {
        let q = |s: &str| {
            passing(&Filter {
                query: Some(s.into()),
                ..Filter::default()
            })
        };
        assert_eq!(q("TANKER"), [1, 3], "title and HTML-stripped text");
        assert_eq!(q("teheran"), [2]);
        assert_eq!(q("Téhéran"), [2]);
        assert_eq!(q("<b>"), Vec::<usize>::new(), "markup is not searchable");
    }

    #[test]
    fn tags_match_any_and_criteria_combine_with_and() {
        let f = Filter {
            tags: vec!["air".into(), "shipping".into()],
            ..Filter::default()
        };
        assert_eq!(passing(&f), [1, 2, 3]);
        let f = Filter {
            tags: vec!["shipping".into()],
            query: Some("seized".into()),
            ..Filter::default()
        };
        assert_eq!(passing(&f), [3]);
        let f = Filter {
            min_importance: Some(2),
            ..Filter::default()
        };
        assert_eq!(passing(&f), [0, 1, 3]);
    }

    #[test]
    fn date_ranges_are_inclusive_and_partial_dates_cover_their_period() {
        let range = |from: &str, to: &str| {
            passing(&Filter {
                from: Some(from.parse().unwrap()),
                to: Some(to.parse().unwrap()),
                ..Filter::default()
            })
        };
        assert_eq!(
            range("2019-06", "2019-06"),
            [1, 2],
            "June covers the whole month"
        );
        assert_eq!(
            range("2019-06-30", "2019-07-19"),
            [1, 3],
            "a month event reaches its last day"
        );
        assert_eq!(
            range("2019-05-05", "2019-05-05"),
            [0],
            "inclusive at both ends"
        );
    }

    #[test]
    fn folds_latin_capitals_with_accents() {
        assert_eq!(fold("ÉCOLE Ŝtraße ĹÓDŹ Œ Ÿ ĸ"), "ecole straße lodz œ y ĸ");
        assert_eq!(fold("×÷"), "×÷");
    }

    #[test]
    fn finds_match_ranges_in_the_original_text() {
        assert_eq!(match_ranges("Drone over Téhéran", "teh"), [(11, 14)]);
        assert_eq!(match_ranges("tanker Tanker", "tanker"), [(0, 6), (7, 13)]);
        assert!(match_ranges("x", "").is_empty());
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn folding_keeps_one_char_per_char(s in "\\PC{0,40}") {
                prop_assert_eq!(fold(&s).chars().count(), s.chars().count());
            }

            #[test]
            fn a_filter_only_ever_removes_events(query in "[a-z ]{0,4}", tag in "(military|shipping|air|x)") {
                let t = super::timeline();
                let index = SearchIndex::new(&t);
                let all = Filter::default().apply(&t, &index);
                let some = Filter { query: Some(query), tags: vec![tag], ..Filter::default() }.apply(&t, &index);
                prop_assert!(some.iter().all(|i| all.contains(i)));
                prop_assert!(some.windows(2).all(|w| w[0] < w[1]), "time order kept");
            }
        }
    }
}
