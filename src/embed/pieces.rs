//! Large arrays of events from JavaScript cross into wasm a few thousand
//! at a time: as one JSON string, 100,000 events would first be copied
//! whole into wasm memory (about 20 MB that the memory never gives back).

use crate::core::import::{parse_document, parse_document_in_pieces, DataError, Parsed, Pieces};
use js_sys::{Function, JsString, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// The browser's UTF-8 encoder: its `encodeInto` writes a string
    /// straight into wasm memory, about twice as fast as wasm-bindgen's
    /// string passing, which copies ASCII one character at a time in JS.
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(
        this: &TextEncoder,
        source: &JsString,
        destination: &Uint8Array,
    ) -> EncodeIntoResult;

    /// `encodeInto`'s answer: UTF-16 units read, bytes written.
    type EncodeIntoResult;
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodeIntoResult) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeIntoResult) -> u32;
}

/// `text` as a Rust string. The buffer starts at one byte per UTF-16 unit
/// (exact for ASCII, which JSON mostly is) and grows for what is left.
fn utf8(text: &JsString, encoder: &TextEncoder) -> String {
    let units = text.length();
    let mut bytes: Vec<u8> = Vec::with_capacity(units as usize);
    let mut read = 0;
    let mut rest = text.clone();
    loop {
        let spare = bytes.spare_capacity_mut();
        // SAFETY: the view covers the vector's unused capacity, and is only
        // used by `encodeInto` before anything can allocate (which could
        // move the vector or grow the memory under the view).
        let view = unsafe { Uint8Array::view_mut_raw(spare.as_mut_ptr().cast(), spare.len()) };
        let result = encoder.encode_into(&rest, &view);
        let written = (result.written() as usize).min(spare.len());
        // SAFETY: `encodeInto` initialised `written` bytes of the capacity.
        unsafe { bytes.set_len(bytes.len() + written) };
        read += result.read();
        if read >= units {
            break;
        }
        rest = text.slice(read, units);
        // At most 3 bytes per UTF-16 unit (4 per surrogate pair).
        bytes.reserve((units - read) as usize * 3);
    }
    // SAFETY: `encodeInto` writes UTF-8 only (a lone surrogate becomes
    // U+FFFD), and it never splits a character between two calls.
    unsafe { String::from_utf8_unchecked(bytes) }
}

/// The loader's `next(whole)`: the next piece's JSON text (an array of
/// events) or `undefined` after the last; with `whole`, the whole
/// document's text.
struct JsPieces {
    next: Function,
    total: usize,
    encoder: TextEncoder,
}

impl Pieces for JsPieces {
    fn total(&self) -> usize {
        self.total
    }

    fn next_piece(&mut self) -> Result<Option<String>, DataError> {
        Ok(self
            .call(false)?
            .dyn_ref::<JsString>()
            .map(|text| utf8(text, &self.encoder)))
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
                encoder: TextEncoder::new(),
            },
        ),
    }
}
