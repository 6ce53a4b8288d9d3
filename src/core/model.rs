//! The validated event model every view is derived from.
//!
//! A [`Timeline`] is what survives validation: events sorted by the start of
//! their period (ties keep input order), each with a unique id. What did not
//! survive is described by [`Problem`]s, each pointing at its place in the
//! input with a JSON path such as `events[3].start`.

use super::date::PartialDate;
use std::borrow::Cow;
use std::fmt;

/// Strings longer than this (in characters) are kept in the data but shown
/// truncated, so one runaway field cannot swamp the page.
pub const MAX_DISPLAY_CHARS: usize = 10_000;

/// One dated item of the story.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Unique within its timeline; given, or derived from the content.
    pub id: String,
    /// When it happened (the start of its period places it).
    pub start: PartialDate,
    /// For ranges: when it ended; always after `start`.
    pub end: Option<PartialDate>,
    /// Plain text; empty when the input had none (the date labels it then).
    pub title: String,
    /// Limited HTML, sanitized where it is shown.
    pub text: Option<String>,
    /// Labels for the filter chips.
    pub tags: Vec<String>,
    /// 1 to 3, 3 = most important; decides which labels win when space is short.
    pub importance: u8,
}

impl Event {
    /// The instant the event's period starts, its place on the axis.
    pub fn start_ms(&self) -> f64 {
        self.start.start_ms()
    }

    /// The instant its whole period ends: the end date's period if it is a
    /// range, otherwise the start's ("2019-05" lasts until June).
    pub fn end_ms(&self) -> f64 {
        self.end.unwrap_or(self.start).end_ms()
    }
}

/// A validated, time-ordered set of events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    /// The heading from the data, if it had one.
    pub title: Option<String>,
    /// Sorted by start; ties keep input order.
    pub events: Vec<Event>,
}

impl Timeline {
    /// The span from the earliest start to the latest end, `None` when empty.
    pub fn extent_ms(&self) -> Option<(f64, f64)> {
        let first = self.events.first()?.start_ms();
        let last = self
            .events
            .iter()
            .map(Event::end_ms)
            .fold(f64::NEG_INFINITY, f64::max);
        Some((first, last))
    }
}

/// Something in the input that was skipped or repaired, for the page
/// developer (the `warning` event, `getProblems()`, the debug notice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, relative to the input: `events[3].start`, `[3].start`.
    pub path: String,
    /// What is wrong and, where known, how to fix it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Shortens text beyond [`MAX_DISPLAY_CHARS`] with a trailing "…".
pub fn truncate_for_display(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MAX_DISPLAY_CHARS) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => {
            let kept = text.get(..cut).unwrap_or(text);
            Cow::Owned(format!("{kept}…"))
        }
    }
}

/// The readable text of limited HTML (tags dropped, common entities
/// decoded, whitespace folded): what search matches and what is shown
/// where markup is not rendered.
pub fn text_content(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    #[test]
    fn text_content_drops_markup_and_keeps_words() {
        assert_eq!(
            text_content("<p>Tankers <b>attacked</b> in the<br>Gulf &amp; beyond</p><script>alert(1)</script>"),
            "Tankers attacked in the Gulf & beyond alert(1)"
        );
        assert_eq!(text_content("a &lt;b&gt; c"), "a <b> c");
        assert_eq!(text_content("unclosed <tag"), "unclosed");
    }

    use super::*;

    #[test]
    fn truncates_only_over_long_text() {
        assert_eq!(truncate_for_display("short"), "short");
        let long = "é".repeat(MAX_DISPLAY_CHARS + 5);
        let shown = truncate_for_display(&long);
        assert_eq!(shown.chars().count(), MAX_DISPLAY_CHARS + 1);
        assert!(shown.ends_with('…'));
        let exact = "a".repeat(MAX_DISPLAY_CHARS);
        assert_eq!(truncate_for_display(&exact).len(), MAX_DISPLAY_CHARS);
    }

    #[test]
    fn a_partial_date_event_lasts_its_whole_period() {
        let event = Event {
            id: "x".into(),
            start: "2019-05".parse().unwrap(),
            end: None,
            title: String::new(),
            text: None,
            tags: vec![],
            importance: 2,
        };
        let june: PartialDate = "2019-06-01".parse().unwrap();
        assert_eq!(event.end_ms(), june.start_ms());
    }
}
