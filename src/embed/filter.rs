//! `setFilter(filter)` and `getFilter()`: the filter's JS shape, read and
//! validated here, written back in the same shape.

use super::convert::{from_js, kind_of};
use crate::core::date::{DateError, PartialDate};
use crate::core::filter::Filter;
use crate::core::json::Value;
use serde::{Deserialize, Serialize};
use std::fmt;
use wasm_bindgen::JsValue;

/// `setFilter`'s argument as it comes; each field is checked in
/// [`read_filter`].
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FilterArgument {
    query: Option<Value>,
    tags: Option<Value>,
    from: Option<Value>,
    to: Option<Value>,
    min_importance: Option<Value>,
}

/// The filter in the API's shape (`getFilter()`, `filterchange`): `null`
/// for no constraint.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FilterShape {
    query: Option<String>,
    tags: Option<Vec<String>>,
    from: Option<String>,
    to: Option<String>,
    min_importance: Option<u8>,
}

impl FilterShape {
    /// The shape of `filter`.
    pub fn of(filter: &Filter) -> FilterShape {
        FilterShape {
            query: filter.query.clone(),
            tags: (!filter.tags.is_empty()).then(|| filter.tags.clone()),
            from: filter.from.map(|d| d.to_string()),
            to: filter.to.map(|d| d.to_string()),
            min_importance: filter.min_importance.filter(|m| *m > 1),
        }
    }
}

/// What `setFilter` refuses; `Display` words it for the JS `Error`.
#[derive(Debug)]
pub enum FilterProblem {
    NotAnObject(&'static str),
    NotAString(&'static str, &'static str),
    Tags(&'static str),
    Importance(&'static str),
    Date(&'static str, DateError),
}

impl fmt::Display for FilterProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("setFilter: ")?;
        match self {
            FilterProblem::NotAnObject(found) => write!(
                f,
                "expected an object such as {{query, tags, from, to, minImportance}}, but found {found}"
            ),
            FilterProblem::NotAString(field, found) => {
                write!(f, "{field}: expected a string, but found {found}")
            }
            FilterProblem::Tags(found) => {
                write!(f, "tags: expected an array of strings, but found {found}")
            }
            FilterProblem::Importance(found) => {
                write!(f, "minImportance: expected 1, 2 or 3, but found {found}")
            }
            FilterProblem::Date(field, error) => write!(f, "{field}: {error}"),
        }
    }
}

impl std::error::Error for FilterProblem {}

/// The filter `setFilter(value)` asks for: `null` or `undefined` clears
/// it; absent or `null` fields mean no constraint.
pub fn read_filter(value: JsValue) -> Result<Filter, FilterProblem> {
    if value.is_null() || value.is_undefined() {
        return Ok(Filter::default());
    }
    let found = kind_of(&value);
    if found != "an object" {
        return Err(FilterProblem::NotAnObject(found));
    }
    let argument: FilterArgument = from_js(&value).ok_or(FilterProblem::NotAnObject(found))?;
    let text = |field: &'static str, value: Option<Value>| match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(FilterProblem::NotAString(field, other.kind_name())),
    };
    let date = |field: &'static str, value: Option<Value>| {
        text(field, value)?
            .map(|s| PartialDate::parse(&s).map_err(|e| FilterProblem::Date(field, e)))
            .transpose()
    };
    let tags = match argument.tags {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .into_iter()
            .map(|item| match item {
                Value::String(tag) => Ok(tag),
                _ => Err(FilterProblem::Tags("an array")),
            })
            .collect::<Result<_, _>>()?,
        Some(other) => return Err(FilterProblem::Tags(other.kind_name())),
    };
    let min_importance = match argument.min_importance {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) if n == 1.0 || n == 2.0 || n == 3.0 => {
            Some(n as u8).filter(|m| *m > 1)
        }
        Some(other) => return Err(FilterProblem::Importance(other.kind_name())),
    };
    Ok(Filter {
        query: text("query", argument.query)?,
        tags,
        from: date("from", argument.from)?,
        to: date("to", argument.to)?,
        min_importance,
    })
}
