//! Reads what the widget's own format says about the story's threads
//! besides its events: `groups` (lane order, labels, colours), `colors`
//! (a colour per tag) and `eras` (shaded bands, with optional colours).
//!
//! # Overview
//!
//! [`read_threads`] takes the three members as the contract reader kept
//! them (they are small, and may come before or after the events) once
//! every event is read, since a `groups` entry and a `colors` key are
//! checked against the groups and tags the kept events have.
//!
//! # What is checked here, and what is not?
//!
//! Shapes and types: an entry that is not an object, an `id` that no
//! event has, a colour that is not a string, an era without dates or
//! ending before it starts. Whether a colour string is a CSS colour is
//! decided later, where a browser can tell (see `core::palette`); core
//! only keeps the text and its path.

use crate::core::date::{DateError, PartialDate};
use crate::core::import::builder::{Builder, Outcome};
use crate::core::json::Value;
use crate::core::model::{DataColor, Era};
use std::fmt;
use std::sync::Arc;

/// The problems only `groups`, `colors` and `eras` have (wrong types are
/// worded by the builder, as for events); `Display` writes them.
enum ThreadProblem<'a> {
    /// The member holds this kind of value instead of `expected`.
    NotA {
        expected: &'static str,
        found: &'static str,
    },
    /// A `groups` entry without an id (or with a blank one).
    NoId,
    /// A `groups` entry or `colors` key naming what no event has.
    Unknown { what: &'static str, name: &'a str },
    /// A second `groups` entry for the same id.
    DuplicateGroup(&'a str),
    /// An era date that is missing (`None`) or not a date.
    EraDate(Option<DateError>),
}

impl fmt::Display for ThreadProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ignored = Outcome::EntryIgnored;
        match self {
            ThreadProblem::NotA { expected, found } => {
                write!(f, "expected {expected}, but found {found} (it is ignored)")
            }
            ThreadProblem::NoId => write!(
                f,
                "missing: a group needs the id its events name in \"group\" ({ignored})"
            ),
            ThreadProblem::Unknown { what, name } => {
                write!(f, "no event has the {what} \"{name}\" ({ignored})")
            }
            ThreadProblem::DuplicateGroup(id) => {
                write!(f, "the group \"{id}\" is listed twice ({ignored})")
            }
            ThreadProblem::EraDate(error) => {
                match error {
                    Some(error) => write!(f, "{error}")?,
                    None => f.write_str(
                        "missing: every era needs a start and an end such as \"1939-09\"",
                    )?,
                }
                write!(f, " ({})", Outcome::EraSkipped)
            }
        }
    }
}

/// Reads the document's `groups`, `colors` and `eras` (the last member of
/// each name; `null` or absent: none) into the builder's timeline.
pub(crate) fn read_threads(
    b: &mut Builder,
    groups: Option<&Value>,
    colors: Option<&Value>,
    eras: Option<&Value>,
) {
    if let Some(items) = array(b, "groups", "an array of groups", groups) {
        read_groups(b, items);
    }
    match colors {
        None | Some(Value::Null) => {}
        Some(Value::Object(members)) => read_colors(b, members),
        Some(other) => {
            let problem = ThreadProblem::NotA {
                expected: "an object of tags and colours",
                found: other.kind_name(),
            };
            b.problem("colors".into(), &problem);
        }
    }
    if let Some(items) = array(b, "eras", "an array of eras", eras) {
        for (i, item) in items.iter().enumerate() {
            era(b, format!("eras[{i}]"), item);
        }
    }
}

/// The elements of an array member, reported when it is another value.
fn array<'a>(
    b: &mut Builder,
    name: &'static str,
    expected: &'static str,
    value: Option<&'a Value>,
) -> Option<&'a [Value]> {
    match value? {
        Value::Null => None,
        Value::Array(items) => Some(items),
        other => {
            let found = other.kind_name();
            b.problem(name.into(), &ThreadProblem::NotA { expected, found });
            None
        }
    }
}

/// An optional string member, trimmed (`None` when absent or blank);
/// another value is reported at `path` with `outcome`.
fn text(b: &mut Builder, path: String, value: Option<&Value>, outcome: Outcome) -> Option<String> {
    let text = b.string_at(path, value, outcome).ok()??;
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

/// `groups`: each entry names a group the events have, in lane order,
/// with its label and colour.
fn read_groups(b: &mut Builder, items: &[Value]) {
    let ignored = Outcome::EntryIgnored;
    let mut listed: Vec<Arc<str>> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("groups[{i}]");
        if !matches!(item, Value::Object(_)) {
            b.not_an_object(at, r#"{"id": "…"}"#, item.kind_name(), ignored);
            continue;
        }
        let path = format!("{at}.id");
        let Some(id) = text(b, path.clone(), item.get("id"), ignored) else {
            if matches!(item.get("id"), None | Some(Value::Null | Value::String(_))) {
                b.problem(path, &ThreadProblem::NoId);
            }
            continue;
        };
        if b.group_count(&id) == 0 {
            let problem = ThreadProblem::Unknown {
                what: "group",
                name: &id,
            };
            b.problem(path, &problem);
            continue;
        }
        let shared = b.group(&id);
        if listed.iter().any(|g| Arc::ptr_eq(g, &shared)) {
            b.problem(path, &ThreadProblem::DuplicateGroup(&id));
            continue;
        }
        let label = text(
            b,
            format!("{at}.label"),
            item.get("label"),
            Outcome::IdShown,
        );
        let color = color(b, format!("{at}.color"), item.get("color"));
        if let Some(group) = b
            .timeline
            .groups
            .iter_mut()
            .find(|g| Arc::ptr_eq(&g.id, &shared))
        {
            group.label = label;
            group.color = color;
        }
        listed.push(shared);
    }
    b.order_groups(&listed);
}

/// A colour member: its text, kept for the browser to check.
fn color(b: &mut Builder, path: String, value: Option<&Value>) -> Option<DataColor> {
    let css = text(b, path.clone(), value, Outcome::DefaultColor)?;
    Some(DataColor { css, path })
}

/// `colors`: tag → colour, for tags the kept events carry.
fn read_colors(b: &mut Builder, members: &[(String, Value)]) {
    for (key, value) in members {
        let path = format!("colors.{key}");
        let Some(tag) = b.used_tag(key.trim()) else {
            let problem = ThreadProblem::Unknown {
                what: "tag",
                name: key,
            };
            b.problem(path, &problem);
            continue;
        };
        if let Some(color) = color(b, path, Some(value)) {
            // The last member of a name counts, as with JSON.parse.
            let colors = &mut b.timeline.colors;
            colors.retain(|(t, _)| !Arc::ptr_eq(t, &tag));
            colors.push((tag, color));
        }
    }
}

/// One `eras` entry (`at` is its path): `{start, end, title?, color?}`;
/// skipped with a warning when a date is missing or wrong, or it ends
/// before it starts (at the era's own path).
fn era(b: &mut Builder, at: String, item: &Value) {
    let skipped = Outcome::EraSkipped;
    if !matches!(item, Value::Object(_)) {
        let example = r#"{"start": "…", "end": "…", "title": "…"}"#;
        b.not_an_object(at, example, item.kind_name(), skipped);
        return;
    }
    let mut date = |key: &str| {
        let parsed = match item.get(key) {
            None | Some(Value::Null) => Err(None),
            Some(Value::String(s)) => PartialDate::parse(s).map_err(Some),
            Some(other) => Err(Some(DateError::not_a_string(other.kind_name()))),
        };
        parsed.map_err(|error| b.problem(format!("{at}.{key}"), &ThreadProblem::EraDate(error)))
    };
    let (Ok(start), Ok(end)) = (date("start"), date("end")) else {
        return;
    };
    let Ok(title) = b.string_at(format!("{at}.title"), item.get("title"), skipped) else {
        return;
    };
    let color = color(b, format!("{at}.color"), item.get("color"));
    if let Some(end) = b.end_after(at, &start, end, skipped) {
        b.timeline.eras.push(Era {
            start,
            end,
            label: title.map(|t| t.trim().to_owned()).unwrap_or_default(),
            color,
        });
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use crate::core::import::{parse_csv_document, parse_document, Parsed};
    use std::sync::Arc;

    fn parsed(text: &str) -> Parsed {
        parse_document(text).unwrap()
    }

    fn problems(p: &Parsed) -> Vec<String> {
        p.problems.iter().map(ToString::to_string).collect()
    }

    fn group_ids(p: &Parsed) -> Vec<&str> {
        p.timeline.groups.iter().map(|g| &*g.id).collect()
    }

    #[test]
    fn listed_groups_come_first_in_their_order_with_labels_and_colours() {
        let p = parsed(
            r#"{"events": [
                {"start": "2019-05-01", "title": "a", "group": "diplomacy"},
                {"start": "2019-05-02", "title": "b", "group": " military "},
                {"start": "2019-05-03", "title": "c", "group": "sanctions"},
                {"start": "2019-05-04", "title": "d"},
                {"start": "2019-05-05", "title": "e", "group": "  "}],
              "groups": [{"id": "military", "label": " Military ", "color": " #b22222 "},
                         {"id": "sanctions"}]}"#,
        );
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(group_ids(&p), ["military", "sanctions", "diplomacy"]);
        let military = &p.timeline.groups[0];
        assert_eq!(military.name(), "Military");
        let color = military.color.as_ref().unwrap();
        assert_eq!(
            (color.css.as_str(), color.path.as_str()),
            ("#b22222", "groups[0].color")
        );
        assert_eq!(p.timeline.groups[1].name(), "sanctions");
        // Events share their group's name; blank is no group.
        let groups: Vec<Option<&str>> = p
            .timeline
            .events
            .iter()
            .map(|e| e.group.as_deref())
            .collect();
        assert_eq!(
            groups,
            [
                Some("diplomacy"),
                Some("military"),
                Some("sanctions"),
                None,
                None
            ]
        );
        assert!(Arc::ptr_eq(
            p.timeline.events[1].group.as_ref().unwrap(),
            &military.id
        ));
    }

    #[test]
    fn bad_groups_are_reported_where_they_are_and_ignored() {
        let p = parsed(
            r#"{"events": [
                {"start": "2019-05-01", "title": "a", "group": "military"},
                {"start": "2019-05-02", "title": "b", "group": 7},
                {"start": "nope", "title": "skipped", "group": "ghost"}],
              "groups": [null, {}, {"id": 5}, {"id": "nope"}, {"id": "ghost"},
                         {"id": "military", "label": 3, "color": 7},
                         {"id": "military", "label": "Again"}]}"#,
        );
        assert_eq!(
            p.timeline.events.len(),
            2,
            "a bad group never skips the event"
        );
        assert_eq!(p.timeline.events[1].group, None);
        assert_eq!(group_ids(&p), ["military"]);
        assert_eq!(p.timeline.groups[0].label, None);
        assert_eq!(p.timeline.groups[0].color, None);
        assert_eq!(
            problems(&p),
            [
                "events[1].group: expected a string, but found a number (the event goes to no group)",
                r#"events[2].start: expected a date such as "2019-05-05", but found "nope" (use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM) (the event is skipped)"#,
                r#"groups[0]: expected an object such as {"id": "…"}, but found null (the entry is ignored)"#,
                r#"groups[1].id: missing: a group needs the id its events name in "group" (the entry is ignored)"#,
                "groups[2].id: expected a string, but found a number (the entry is ignored)",
                r#"groups[3].id: no event has the group "nope" (the entry is ignored)"#,
                r#"groups[4].id: no event has the group "ghost" (the entry is ignored)"#,
                "groups[5].label: expected a string, but found a number (the id is shown)",
                "groups[5].color: expected a string, but found a number (the default colour is used)",
                r#"groups[6].id: the group "military" is listed twice (the entry is ignored)"#,
            ]
        );
        assert_eq!(
            problems(&parsed(r#"{"events": [], "groups": {"id": "x"}}"#)),
            ["groups: expected an array of groups, but found an object (it is ignored)"]
        );
    }

    #[test]
    fn colors_name_tags_the_events_carry() {
        let p = parsed(
            r#"{"colors": {"military": "firebrick", "shipping": 3, "ghost": "red", " air ": "skyblue",
                           "military": "darkred"},
                "events": [{"start": "2019", "title": "a", "tags": ["military", "shipping", "air"]}]}"#,
        );
        let colors: Vec<(&str, &str, &str)> = p
            .timeline
            .colors
            .iter()
            .map(|(tag, c)| (&**tag, c.css.as_str(), c.path.as_str()))
            .collect();
        assert_eq!(
            colors,
            [
                ("air", "skyblue", "colors. air "),
                ("military", "darkred", "colors.military")
            ]
        );
        assert!(Arc::ptr_eq(
            &p.timeline.colors[1].0,
            &p.timeline.events[0].tags[0]
        ));
        assert_eq!(
            problems(&p),
            [
                "colors.shipping: expected a string, but found a number (the default colour is used)",
                r#"colors.ghost: no event has the tag "ghost" (the entry is ignored)"#,
            ]
        );
        assert_eq!(
            problems(&parsed(r#"{"events": [], "colors": ["red"]}"#)),
            ["colors: expected an object of tags and colours, but found an array (it is ignored)"]
        );
    }

    #[test]
    fn eras_of_the_contract_may_overlap_and_have_colours() {
        let p = parsed(
            r##"{"events": [], "eras": [
                {"start": "1941-06", "end": "1945-05", "title": " Eastern front ", "color": "#8b0000"},
                {"start": "1939-09", "end": "1945", "title": "Second World War"},
                {"start": "1945", "end": "1939", "title": "backwards"},
                {"start": "1939", "title": "no end"},
                {"start": 1939, "end": "1945"},
                {"start": "1939", "end": "1945", "title": ["x"]},
                "era",
                {"start": "1944-06-06", "end": "1944-06-06"}]}"##,
        );
        let eras: Vec<(String, &str, Option<&str>)> = p
            .timeline
            .eras
            .iter()
            .map(|e| {
                (
                    e.start.to_string(),
                    e.label.as_str(),
                    e.color.as_ref().map(|c| c.path.as_str()),
                )
            })
            .collect();
        assert_eq!(
            eras,
            [
                ("1939-09".into(), "Second World War", None),
                ("1941-06".into(), "Eastern front", Some("eras[0].color")),
                ("1944-06-06".into(), "", None),
            ]
        );
        assert_eq!(
            problems(&p),
            [
                r#"eras[2]: "1939" is before the start "1945" (the era is skipped)"#,
                r#"eras[3].end: missing: every era needs a start and an end such as "1939-09" (the era is skipped)"#,
                r#"eras[4].start: expected a date string such as "2019-05-05", but found a number (the era is skipped)"#,
                "eras[5].title: expected a string, but found an array (the era is skipped)",
                r#"eras[6]: expected an object such as {"start": "…", "end": "…", "title": "…"}, but found a string (the era is skipped)"#,
            ]
        );
    }

    #[test]
    fn a_timelinejs_group_is_a_group_and_a_tag() {
        let p = parsed(
            r#"{"events": [{"start_date": {"year": 2019}, "text": {"headline": "a"}, "group": " Politics "},
                           {"start_date": {"year": 2020}, "text": {"headline": "b"}, "group": ""}]}"#,
        );
        let event = &p.timeline.events[0];
        assert_eq!(event.group.as_deref(), Some("Politics"));
        assert!(Arc::ptr_eq(event.group.as_ref().unwrap(), &event.tags[0]));
        assert_eq!(group_ids(&p), ["Politics"]);
        assert_eq!(p.timeline.events[1].group, None);
        let csv = parse_csv_document("Year,Headline,Group\n2019,a,Economy\n2020,b,\n").unwrap();
        assert_eq!(csv.timeline.events[0].group.as_deref(), Some("Economy"));
        assert_eq!(csv.timeline.events[0].tags, [Arc::from("Economy")]);
        assert_eq!(csv.timeline.events[1].group, None);
    }
}
