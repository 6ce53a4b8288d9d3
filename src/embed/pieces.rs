//! Large arrays of events from JavaScript cross into wasm a few thousand
//! at a time: as one JSON string, 100,000 events would first be copied
//! whole into wasm memory (about 20 MB that the memory never gives back).

use crate::core::parse::{parse_document, parse_document_in_pieces, DataError, Parsed, Pieces};
use js_sys::Function;
use wasm_bindgen::{JsCast, JsValue};

/// The loader's `next(whole)`: the next piece's JSON text (an array of
/// events) or `undefined` after the last; with `whole`, the whole
/// document's text.
struct JsPieces {
    next: Function,
    total: usize,
}

impl Pieces for JsPieces {
    fn total(&self) -> usize {
        self.total
    }

    fn next_piece(&mut self) -> Result<Option<String>, DataError> {
        Ok(self.call(false)?.as_string())
    }

    fn whole(&mut self) -> Result<String, DataError> {
        self.call(true)?
            .as_string()
            .ok_or_else(|| DataError::new("data", "cannot be read as JSON".into()))
    }
}

impl JsPieces {
    fn call(&self, whole: bool) -> Result<JsValue, DataError> {
        self.next
            .call1(&JsValue::NULL, &JsValue::from_bool(whole))
            .map_err(|thrown| {
                let reason = thrown
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .unwrap_or_default();
                DataError::new("data", format!("cannot be read as JSON ({reason})"))
            })
    }
}

/// Parses the data as the loader hands it over: `data` is the document's
/// JSON text, or with `pieces`, its text with an empty events array and
/// `total` events to come from `pieces`.
pub(super) fn parse_json(
    data: Option<String>,
    pieces: Option<Function>,
    total: u32,
) -> Result<Parsed, DataError> {
    let text = data.ok_or_else(DataError::undefined)?;
    match pieces {
        None => parse_document(&text),
        Some(next) => parse_document_in_pieces(
            &text,
            &mut JsPieces {
                next,
                total: total as usize,
            },
        ),
    }
}
