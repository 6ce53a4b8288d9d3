//! The validated event model every view is derived from.
//!
//! A [`Timeline`] is what survives validation: events sorted by the start of
//! their period (ties keep input order), each with a unique id. What did not
//! survive is described by [`Problem`]s, each pointing at its place in the
//! input with a JSON path such as `events[3].start`.
//!
//! Links and images come from the data, so every URL passes [`safe_url`]
//! before it is kept: only http, https, mailto, relative and (for images)
//! `data:image/` URLs survive.

use super::date::{PartialDate, Precision};
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// Strings longer than this (in characters) are kept in the data but shown
/// truncated, so one runaway field cannot swamp the page.
pub const MAX_DISPLAY_CHARS: usize = 10_000;

/// One dated item of the story: its [`EventData`], shared. Cloning an
/// event copies a pointer, so a timeline with a few events added or
/// removed shares all the others with the one it came from (live data:
/// copying 100,000 events' strings took longer than everything else an
/// addition does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event(Arc<EventData>);

impl std::ops::Deref for Event {
    type Target = EventData;

    fn deref(&self) -> &EventData {
        &self.0
    }
}

impl From<EventData> for Event {
    fn from(data: EventData) -> Event {
        Event(Arc::new(data))
    }
}

/// What an [`Event`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventData {
    /// Unique within its timeline; given, or derived from the content.
    pub id: String,
    /// When it happened (the start of its period places it).
    pub start: PartialDate,
    /// For ranges: when it ended; always after `start`. For an ongoing
    /// event, the present as of [`Timeline::resolve_ongoing`].
    pub end: Option<PartialDate>,
    /// Written with `"end": "now"`: a range whose end is the reader's
    /// present, drawn with an open end. The value stays in the model; the
    /// present it stands for is filled into `end` by
    /// [`Timeline::resolve_ongoing`], again as time passes.
    pub ongoing: bool,
    /// Plain text; empty when the input had none (the date labels it then).
    pub title: String,
    /// Limited HTML, sanitized where it is shown.
    pub text: Option<String>,
    /// Labels for the filter chips; shared (a data set's events carry a
    /// handful of distinct tags, and 100,000 copies cost megabytes).
    pub tags: Vec<Arc<str>>,
    /// 1 to 3, 3 = most important; decides which labels win when space is short.
    pub importance: u8,
    /// A picture or link shown in the detail card; its URLs passed [`safe_url`].
    /// Boxed, like `source`: most events have neither, and 100,000 events
    /// then cost 100 bytes less each.
    pub media: Option<Box<Media>>,
    /// Where the story comes from, linked in the detail card.
    pub source: Option<Box<Source>>,
    /// A label shown instead of the formatted date (TimelineJS3's
    /// `display_date`, such as "Spring 1943"); the date still places it.
    pub display_date: Option<String>,
    /// The thread of the story it belongs to (its lane), one of
    /// [`Timeline::groups`]' ids; shared like tags.
    pub group: Option<Arc<str>>,
}

/// A colour as the data gives it (any CSS colour, checked where a browser
/// can tell), with where it was given, for the warning if it is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataColor {
    /// The CSS text, trimmed: `"#b22222"`, `"firebrick"`, `"oklch(…)"`.
    pub css: String,
    /// Its path in the input: `groups[2].color`, `colors.military`.
    pub path: String,
}

/// One thread of the story: a lane when lanes are shown, and a colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// What events name in their `group`; shared with them.
    pub id: Arc<str>,
    /// Shown on the lane; the id when the data gives none.
    pub label: Option<String>,
    /// The colour of its lane and events.
    pub color: Option<DataColor>,
}

impl Group {
    /// The lane's visible name.
    pub fn name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.id)
    }
}

/// An event's picture (or, for URLs that are not images, a link).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Media {
    /// Passed [`safe_url`] with `data:image/` allowed.
    pub url: String,
    /// The image's text alternative, for screen readers.
    pub alt: Option<String>,
    /// Shown under the image; limited HTML, sanitized where shown.
    pub caption: Option<String>,
    /// Who made it ("Reuters"); limited HTML, sanitized where shown.
    pub credit: Option<String>,
    /// A small preview image; passed [`safe_url`] with `data:image/` allowed.
    pub thumbnail: Option<String>,
}

/// Where an event's information comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Passed [`safe_url`] (no `data:` URLs).
    pub url: String,
    /// The link text ("BBC News"); the URL is shown when absent.
    pub name: Option<String>,
}

/// A named span of time drawn as a shaded band behind the events
/// (TimelineJS3's eras); never an event itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Era {
    /// Where the band begins (the start of this date's period).
    pub start: PartialDate,
    /// Where the band ends (the end of this date's period); after `start`.
    pub end: PartialDate,
    /// Plain text shown on the band; may be empty.
    pub label: String,
    /// The band's tint (the data's own format only).
    pub color: Option<DataColor>,
}

/// Which band each era is drawn in, counted from the top, and how many
/// bands there are: an era goes in the first band where the eras before
/// it have ended, so overlapping eras never share one. `eras` are in time
/// order (as a [`Timeline`] keeps them).
pub fn era_bands(eras: &[Era]) -> (Vec<usize>, usize) {
    // Where each band's last era ends.
    let mut ends: Vec<f64> = Vec::new();
    let bands = eras
        .iter()
        .map(
            |era| match ends.iter().position(|&end| end <= era.start_ms()) {
                Some(band) => {
                    if let Some(end) = ends.get_mut(band) {
                        *end = era.end_ms();
                    }
                    band
                }
                None => {
                    ends.push(era.end_ms());
                    ends.len() - 1
                }
            },
        )
        .collect();
    (bands, ends.len())
}

impl Era {
    /// The instant the band begins.
    pub fn start_ms(&self) -> f64 {
        self.start.start_ms()
    }

    /// The instant the band ends: the end date's whole period is included
    /// (an era ending "1945" lasts until 1946 begins).
    pub fn end_ms(&self) -> f64 {
        self.end.end_ms()
    }
}

impl Event {
    /// Changes the event's data (copying it first if another timeline
    /// shares it).
    pub fn edit(&mut self) -> &mut EventData {
        Arc::make_mut(&mut self.0)
    }

    /// The instant the event's period starts, its place on the axis.
    pub fn start_ms(&self) -> f64 {
        self.start.start_ms()
    }

    /// The instant its whole period ends: the end date's period if it is a
    /// range, otherwise the start's ("2019-05" lasts until June).
    pub fn end_ms(&self) -> f64 {
        self.end.unwrap_or(self.start).end_ms()
    }

    /// Its start and [`Event::end_ms`], its start date read once.
    pub fn span_ms(&self) -> (f64, f64) {
        let start = self.start.start_ms();
        let end = match self.end {
            Some(end) => end.end_ms(),
            None => self.start.end_after(start),
        };
        (start, end)
    }
}

/// A validated, time-ordered set of events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    /// The heading from the data, if it had one.
    pub title: Option<String>,
    /// Sorted by start; ties keep input order.
    pub events: Vec<Event>,
    /// Shaded bands, sorted by start; they do not count towards the extent.
    pub eras: Vec<Era>,
    /// The events' groups in lane order: those the document lists (in its
    /// order), then the others as they first appear in the input.
    pub groups: Vec<Group>,
    /// Colours of events carrying a tag (`colors` in the data), in the
    /// data's order.
    pub colors: Vec<(Arc<str>, DataColor)>,
}

impl Timeline {
    /// Sets the end of each ongoing event to the present (`now_ms`, to the
    /// minute), so that every view reads an ongoing event as the range it
    /// is at this moment; an ongoing event that has not begun yet stays a
    /// point. Returns whether an end changed.
    pub fn resolve_ongoing(&mut self, now_ms: f64) -> bool {
        let mut changed = false;
        let present = PartialDate::from_ms(now_ms, Precision::Minute);
        for event in self.events.iter_mut().filter(|e| e.ongoing) {
            let start = event.start.start_ms();
            let end = present.filter(|p| p.start_ms() >= start && p.end_ms() > start);
            if event.end != end {
                event.edit().end = end;
                changed = true;
            }
        }
        changed
    }

    /// A timeline of `events` with this one's title, eras, groups and
    /// colours (what a filter shows).
    pub fn with_events(&self, events: Vec<Event>) -> Timeline {
        Timeline {
            title: self.title.clone(),
            events,
            eras: self.eras.clone(),
            groups: self.groups.clone(),
            colors: self.colors.clone(),
        }
    }

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

/// Checks a URL from the data before it becomes a link or an image
/// source: returns the URL as a browser would read it (leading and trailing
/// control characters and spaces trimmed, tabs and line breaks removed) when
/// it is http, https, mailto or relative (no scheme), or a `data:image/` URL
/// when `allow_data_image` (for `<img src>`); `None` for every other scheme
/// (`javascript:`, `vbscript:`, `data:text/html`, …) and for HTML embed code.
///
/// Anything before the first `/`, `?` or `#` that ends in `:` counts as a
/// scheme, so odd spellings (`java\u{0}script:`) are refused rather than
/// guessed at.
pub fn safe_url(url: &str, allow_data_image: bool) -> Option<String> {
    check_url(url, allow_data_image).ok()
}

/// Why [`check_url`] refused a URL; its text completes a problem message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UrlProblem {
    /// Nothing but spaces.
    Empty,
    /// An `<iframe>` or `<blockquote>` snippet (TimelineJS3 accepts those).
    Html,
    /// A scheme other than http, https, mailto (and data for images).
    Scheme(String),
    /// A `data:` URL that is not an image.
    DataNotImage,
}

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlProblem::Empty => f.write_str("empty: expected a URL"),
            UrlProblem::Html => f.write_str(
                "expected a URL, but found HTML (embed code is not supported: give the URL of an image or page)",
            ),
            UrlProblem::Scheme(scheme) => {
                write!(f, "the scheme \"{scheme}\" is not allowed")
            }
            UrlProblem::DataNotImage => f.write_str(
                "the scheme \"data:\" is only allowed for images (\"data:image/…\")",
            ),
        }
    }
}

/// [`safe_url`] with the reason for a refusal, for problem messages.
pub(crate) fn check_url(url: &str, allow_data_image: bool) -> Result<String, UrlProblem> {
    // What the WHATWG URL parser does before it looks for a scheme.
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return Err(UrlProblem::Empty);
    }
    if cleaned.starts_with('<') {
        return Err(UrlProblem::Html);
    }
    let Some(at) = cleaned.find([':', '/', '?', '#']) else {
        return Ok(cleaned);
    };
    let Some(scheme) = cleaned.get(..=at).filter(|s| s.ends_with(':')) else {
        return Ok(cleaned);
    };
    let scheme = scheme.to_ascii_lowercase();
    match scheme.as_str() {
        "http:" | "https:" | "mailto:" => Ok(cleaned),
        "data:" if !allow_data_image => Err(UrlProblem::Scheme(scheme)),
        "data:" => {
            let rest = cleaned.get(at + 1..).unwrap_or_default();
            let is_image = rest
                .get(..6)
                .is_some_and(|kind| kind.eq_ignore_ascii_case("image/"));
            if is_image {
                Ok(cleaned)
            } else {
                Err(UrlProblem::DataNotImage)
            }
        }
        _ => {
            // Invisible and non-ASCII chars as `\u{..}` (char::escape_debug
            // would bring Unicode's printable tables into the wasm).
            let mut shown = String::new();
            for c in scheme.chars().take(40) {
                if c.is_ascii_graphic() || c == ' ' {
                    shown.push(c);
                } else {
                    shown.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
                }
            }
            if scheme.chars().count() > 40 {
                shown.push('…');
            }
            Err(UrlProblem::Scheme(shown))
        }
    }
}

/// The readable text of limited HTML (tags dropped, common entities
/// decoded, whitespace folded): what search matches and what is shown
/// where markup is not rendered.
pub fn text_content(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for_each_text_char(html, |c| out.push(c));
    out
}

/// The entities [`text_content`] decodes, and what they stand for.
const ENTITIES: [(&str, char); 6] = [
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&quot;", '"'),
    ("&#39;", '\''),
    ("&nbsp;", ' '),
    ("&amp;", '&'),
];

/// The chars of [`text_content`], one at a time and in one pass, so a
/// caller that folds 100,000 texts allocates nothing per text.
pub fn for_each_text_char(html: &str, mut emit: impl FnMut(char)) {
    let mut rest = html;
    let mut in_tag = false;
    // A space is written only before a later word: none leads or trails.
    let (mut started, mut space) = (false, false);
    while let Some(&first) = rest.as_bytes().first() {
        // ASCII (most of any text) without decoding: a third of the time
        // of folding 100,000 events' texts for search.
        let c = if first.is_ascii() {
            char::from(first)
        } else {
            rest.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER)
        };
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
        let text = match c {
            '<' => {
                in_tag = true;
                continue;
            }
            '>' if in_tag => {
                in_tag = false;
                ' '
            }
            _ if in_tag => continue,
            '&' => match ENTITIES
                .iter()
                .find(|(name, _)| rest.starts_with(name.get(1..).unwrap_or_default()))
            {
                Some(&(name, decoded)) => {
                    rest = rest.get(name.len() - 1..).unwrap_or_default();
                    decoded
                }
                None => c,
            },
            _ => c,
        };
        if text.is_whitespace() {
            space = started;
        } else {
            if space {
                emit(' ');
                space = false;
            }
            started = true;
            emit(text);
        }
    }
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
        assert_eq!(
            text_content("&amp;lt; &&lt; x&nbsp;&nbsp;y &unknown;"),
            "&lt; &< x y &unknown;"
        );
    }

    /// Tags dropped, then each entity replaced in turn, then whitespace
    /// folded: the plain definition [`super::text_content`] must agree with.
    fn text_content_by_steps(html: &str) -> String {
        let mut out = String::new();
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
        for (name, decoded) in super::ENTITIES {
            out = out.replace(name, &decoded.to_string());
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn text_content_in_one_pass_agrees_with_the_steps() {
        let pieces = [
            "<", ">", "&", "lt;", "gt;", "amp;", "quot;", "#39;", "nbsp;", " ", "\u{a0}", "\n",
            "a", "é", "<b>", "&amp;",
        ];
        let mut seed: u32 = 3;
        for _ in 0..20_000 {
            let mut html = String::new();
            for _ in 0..12 {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                html.push_str(pieces.get(seed as usize % pieces.len()).unwrap());
            }
            assert_eq!(
                super::text_content(&html),
                text_content_by_steps(&html),
                "{html:?}"
            );
        }
    }

    use super::*;

    #[test]
    fn safe_url_keeps_web_mail_relative_and_image_data_urls() {
        let cases: &[(&str, bool, Option<&str>)] = &[
            (
                "https://example.com/a.png",
                false,
                Some("https://example.com/a.png"),
            ),
            ("http://example.com", false, Some("http://example.com")),
            ("HTTPS://EXAMPLE.COM", false, Some("HTTPS://EXAMPLE.COM")),
            (
                "mailto:desk@example.com",
                false,
                Some("mailto:desk@example.com"),
            ),
            ("/img/a.png", false, Some("/img/a.png")),
            ("img/a.png", false, Some("img/a.png")),
            (
                "//cdn.example.com/a.png",
                false,
                Some("//cdn.example.com/a.png"),
            ),
            ("?page=2", false, Some("?page=2")),
            ("#top", false, Some("#top")),
            ("a.png?x=1:2", false, Some("a.png?x=1:2")),
            (
                "  https://example.com/a b  ",
                false,
                Some("https://example.com/a b"),
            ),
            (
                "ht\ttps://exa\nmple.com",
                false,
                Some("https://example.com"),
            ),
            (
                "data:image/png;base64,iVBOR",
                true,
                Some("data:image/png;base64,iVBOR"),
            ),
            (
                "DATA:IMAGE/SVG+XML,<svg/>",
                true,
                Some("DATA:IMAGE/SVG+XML,<svg/>"),
            ),
            ("data:image/png;base64,iVBOR", false, None),
            ("data:text/html,<script>alert(1)</script>", true, None),
            ("data:,hello", true, None),
            ("javascript:alert(1)", true, None),
            ("JaVaScRiPt:alert(1)", true, None),
            ("java\tscript:alert(1)", true, None),
            ("java\nscript:alert(1)", true, None),
            ("java\rscript:alert(1)", true, None),
            (" javascript:alert(1)", true, None),
            ("\u{1}\u{0} javascript:alert(1)", true, None),
            ("\u{a0}javascript:alert(1)", true, None),
            ("java\u{0}script:alert(1)", true, None),
            ("vbscript:msgbox(1)", true, None),
            ("VBScript:msgbox(1)", true, None),
            ("file:///etc/passwd", true, None),
            ("ftp://example.com/a.png", true, None),
            ("localhost:8080/a.png", true, None),
            ("<iframe src=\"https://example.com\"></iframe>", true, None),
            ("", true, None),
            (" \t\n", true, None),
        ];
        for &(url, allow_data_image, expected) in cases {
            assert_eq!(
                safe_url(url, allow_data_image).as_deref(),
                expected,
                "{url:?} (data:image allowed: {allow_data_image})"
            );
        }
    }

    #[test]
    fn check_url_says_why() {
        let why = |url: &str, data| check_url(url, data).unwrap_err().to_string();
        assert_eq!(
            why("java\tscript:x", true),
            r#"the scheme "javascript:" is not allowed"#
        );
        assert_eq!(
            why("JaVaScRiPt:x", true),
            r#"the scheme "javascript:" is not allowed"#
        );
        assert_eq!(
            why("data:image/png,x", false),
            r#"the scheme "data:" is not allowed"#
        );
        assert_eq!(
            why("data:text/html,x", true),
            r#"the scheme "data:" is only allowed for images ("data:image/…")"#
        );
        assert_eq!(
            why("java\u{0}script:x", true),
            r#"the scheme "java\u{0}script:" is not allowed"#
        );
        assert_eq!(
            why("<blockquote>x</blockquote>", true),
            "expected a URL, but found HTML (embed code is not supported: give the URL of an image or page)"
        );
        assert_eq!(why("  ", true), "empty: expected a URL");
        let long = format!("{}:x", "a".repeat(100));
        assert_eq!(
            why(&long, true),
            format!("the scheme \"{}…\" is not allowed", "a".repeat(40))
        );
    }

    #[test]
    fn an_era_covers_its_end_dates_whole_period() {
        let era = Era {
            start: "1939-09".parse().unwrap(),
            end: "1945".parse().unwrap(),
            label: "War".into(),
            color: None,
        };
        assert_eq!(
            era.start_ms(),
            PartialDate::parse("1939-09-01").unwrap().start_ms()
        );
        assert_eq!(era.end_ms(), PartialDate::parse("1946").unwrap().start_ms());
    }

    #[test]
    fn overlapping_eras_get_bands_of_their_own() {
        let era = |start: &str, end: &str| Era {
            start: start.parse().unwrap(),
            end: end.parse().unwrap(),
            label: String::new(),
            color: None,
        };
        // The war; the eastern front within it; the post-war years that
        // follow the front but overlap the war's last months.
        let eras = [
            era("1939-09", "1945-08"),
            era("1941-06", "1945-05"),
            era("1945-06", "1949"),
            era("1950", "1953"),
        ];
        assert_eq!(era_bands(&eras), (vec![0, 1, 1, 0], 2));
        assert_eq!(era_bands(&eras[..1]), (vec![0], 1));
        assert_eq!(era_bands(&[]), (vec![], 0));
    }

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
        let event = Event::from(EventData {
            id: "x".into(),
            start: "2019-05".parse().unwrap(),
            end: None,
            title: String::new(),
            text: None,
            tags: vec![],
            importance: 2,
            media: None,
            source: None,
            display_date: None,
            group: None,
            ongoing: false,
        });
        let june: PartialDate = "2019-06-01".parse().unwrap();
        assert_eq!(event.end_ms(), june.start_ms());
        assert_eq!(event.span_ms(), (event.start_ms(), event.end_ms()));
        for (start, end) in [
            ("2019-05-05T10:00+04:30", None),
            ("2019", Some("2020-02")),
            ("2019-05-05", None),
        ] {
            let mut e = event.clone();
            e.edit().start = start.parse().unwrap();
            e.edit().end = end.map(|d| d.parse().unwrap());
            assert_eq!(e.span_ms(), (e.start_ms(), e.end_ms()), "{start}");
        }
    }
}
