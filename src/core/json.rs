//! A small, fast, panic-free JSON parser (RFC 8259).
//!
//! Why it exists: the widget receives its events as one JSON string. Walking a
//! JS object graph field by field through wasm-bindgen is too slow at 100,000
//! events, and `serde_json` costs too many wasm bytes. This parser makes one
//! pass over the bytes and builds a plain [`Value`] tree ([`parse`]), or
//! hands the document out piece by piece (`Reader`), so that a large array
//! can be read one element at a time without a tree of all of it.
//!
//! It never panics (no indexing, unwraps or overflowing arithmetic) and caps
//! nesting at 256 levels, so hostile input yields a [`JsonError`] instead of a
//! crash or a stack overflow.

use super::decimal::parse_f64;
use std::borrow::Cow;
use std::fmt;

/// Deepest nesting of arrays and objects combined that [`parse`] accepts; the
/// parser recurses once per level, so this bound keeps the stack small.
const MAX_DEPTH: usize = 256;

/// The one member of the object the loader writes for a JS BigInt, which
/// JSON cannot hold (`JSON.stringify` throws on one): `{"\u0000bigint":
/// "10"}`. It reads as any object would, but is named "a BigInt" in
/// messages, so `start: 10n` skips its event with a clear warning.
pub const BIGINT_KEY: &str = "\u{0}bigint";

/// A parsed JSON value. Objects keep member order (a Vec, not a map).
///
/// A Vec keeps parsing cheap and the wasm small, keeps the author's order for
/// error messages, and objects in event data are small enough that a linear
/// [`Value::get`] is fast.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`, which event data uses for "no value".
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// Any JSON number; JavaScript numbers are f64, so this loses nothing the
    /// embedding page could have sent. Always finite.
    Number(f64),
    /// A string with all escapes decoded.
    String(String),
    /// An array, in order.
    Array(Vec<Value>),
    /// An object's members in source order, duplicates kept.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Member lookup on objects, so callers can read fields by name. When a
    /// key repeats, the LAST one wins (JSON.parse semantics); None for
    /// non-objects.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string value, so callers need not match on [`Value`].
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number of a number value, so callers need not match on [`Value`].
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The elements of an array value, so callers need not match on [`Value`].
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// For error messages: "null", "a boolean", "a number", "a string", "an
    /// array", "an object" (as in "expected a string, but found a number"),
    /// or "a BigInt" for the loader's stand-in for one ([`BIGINT_KEY`]).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Object(members) if matches!(members.as_slice(), [(key, _)] if key == BIGINT_KEY) => {
                "a BigInt"
            }
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Parse a whole JSON text (RFC 8259); this is the one entry point the widget
/// needs. A leading UTF-8 BOM (U+FEFF) is skipped (files saved by some editors
/// start with one) and is not counted in error columns; surrounding whitespace
/// is allowed; anything after the value is an error.
pub fn parse(input: &str) -> Result<Value, JsonError> {
    let mut r = Reader::new(input);
    let value = r.value()?;
    r.finish()?;
    Ok(value)
}

/// A pull parser for reading a document piece by piece, so that a large
/// array can be consumed one element at a time instead of as a whole
/// [`Value`] tree. It reports exactly the errors [`parse`] reports, at the
/// same places, as long as the caller reads every value (with
/// [`Reader::value`], [`Reader::string`] or [`Reader::skip`]) and ends with
/// [`Reader::finish`].
pub(crate) struct Reader<'a>(Parser<'a>);

impl<'a> Reader<'a> {
    /// Starts at the beginning of `input`, after a leading BOM.
    pub(crate) fn new(input: &'a str) -> Self {
        let src = input.strip_prefix('\u{feff}').unwrap_or(input);
        Reader(Parser {
            src,
            pos: 0,
            depth: 0,
        })
    }

    /// The first byte of the next value, after whitespace: `{`, `[`, `"`…
    pub(crate) fn peek(&mut self) -> Option<u8> {
        self.0.skip_ws();
        self.0.peek()
    }

    /// The byte offset reached, to estimate how much of the input is left.
    pub(crate) fn offset(&self) -> usize {
        self.0.pos
    }

    /// The length of the input in bytes (without a BOM).
    pub(crate) fn input_len(&self) -> usize {
        self.0.src.len()
    }

    /// Reads the next value as a tree.
    pub(crate) fn value(&mut self) -> Result<Value, JsonError> {
        self.0.value()
    }

    /// Reads the next value if it is a string, borrowed from the input when
    /// it has no escapes; `None` (nothing consumed) for any other value.
    pub(crate) fn string(&mut self) -> Result<Option<Cow<'a, str>>, JsonError> {
        if self.peek() != Some(b'"') {
            return Ok(None);
        }
        self.0.pos += 1;
        self.0.string().map(Some)
    }

    /// Checks the next value, building only arrays and objects.
    pub(crate) fn skip(&mut self) -> Result<(), JsonError> {
        self.0.skip()
    }

    /// Steps into the array or object that [`Reader::peek`] found, then
    /// read it with [`Reader::next_element`] or [`Reader::next_member`].
    pub(crate) fn enter(&mut self) -> Result<(), JsonError> {
        self.0.skip_ws();
        self.0.enter()
    }

    /// Whether another array element follows (`first`: none was read yet);
    /// `false` once the closing `]` is consumed.
    pub(crate) fn next_element(&mut self, first: bool) -> Result<bool, JsonError> {
        self.0.next_element(first)
    }

    /// The next member's name (`first`: none was read yet); its value is
    /// next. `None` once the closing `}` is consumed.
    pub(crate) fn next_member(&mut self, first: bool) -> Result<Option<Cow<'a, str>>, JsonError> {
        self.0.next_member(first)
    }

    /// Checks that nothing but whitespace follows the document.
    pub(crate) fn finish(mut self) -> Result<(), JsonError> {
        self.0.skip_ws();
        match self.0.found() {
            None => Ok(()),
            Some(c) => Err(self.0.error(self.0.pos, Kind::Trailing(c))),
        }
    }
}

/// Why [`parse`] rejected its input and where, so that the widget can show
/// the page author a message that points at the mistake.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonError {
    line: usize,
    column: usize,
    kind: Kind,
}

impl JsonError {
    /// The 1-based line of the error, for pointing the author at it.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column of the error, counted in chars (not bytes), as
    /// editors show it.
    pub fn column(&self) -> usize {
        self.column
    }
}

/// What went wrong. `Option<char>` is what was found: `None` is the end of
/// the input.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Expected `.0`, found `.1`, then a hint `.2` (empty or "; ...").
    Expected(&'static str, Option<char>, &'static str),
    UnterminatedString,
    InvalidEscape(Option<char>),
    InvalidUnicodeEscape(Option<char>),
    ControlCharacter(char),
    /// Invalid number: expected `.0`, found `.1`.
    InvalidNumber(&'static str, Option<char>),
    LeadingZero(char),
    NumberOutOfRange,
    Trailing(char),
    TooDeep,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: ", self.line, self.column)?;
        match self.kind {
            Kind::Expected(what, found, hint) => {
                write!(f, "expected {what}, but found ")?;
                write_found(f, found)?;
                f.write_str(hint)
            }
            Kind::UnterminatedString => f.write_str(
                "unterminated string starting here: expected a closing `\"`, \
                 but found the end of the input",
            ),
            Kind::InvalidEscape(found) => {
                f.write_str(
                    "invalid escape in a string: expected one of \
                     `\"\\/bfnrtu` after `\\`, but found ",
                )?;
                write_found(f, found)?;
                f.write_str("; write a literal backslash as `\\\\`")
            }
            Kind::InvalidUnicodeEscape(found) => {
                f.write_str("invalid `\\u` escape: expected 4 hexadecimal digits, but found ")?;
                write_found(f, found)
            }
            Kind::ControlCharacter(c) => write!(
                f,
                "unescaped control character U+{0:04X} in a string; write it as `\\u{0:04X}`",
                u32::from(c)
            ),
            Kind::InvalidNumber(what, found) => {
                write!(f, "invalid number: expected {what}, but found ")?;
                write_found(f, found)
            }
            Kind::LeadingZero(c) => write!(
                f,
                "invalid number: expected `.`, `e` or the end of the number after \
                 a leading `0`, but found `{c}`; remove the leading zero"
            ),
            Kind::NumberOutOfRange => f.write_str(
                "number out of range: expected a magnitude below about 1.8e308, \
                 which fits in a 64-bit float",
            ),
            Kind::Trailing(c) => {
                f.write_str("expected the end of the input after the JSON value, but found ")?;
                write_found(f, Some(c))?;
                f.write_str("; wrap multiple values in an array")
            }
            Kind::TooDeep => f.write_str(
                "nesting deeper than 256 levels of arrays and objects; flatten the data",
            ),
        }
    }
}

impl std::error::Error for JsonError {}

/// Shows a found char so that invisible ones are still readable.
fn write_found(f: &mut fmt::Formatter<'_>, found: Option<char>) -> fmt::Result {
    match found {
        None => f.write_str("the end of the input"),
        Some(c) if c.is_ascii_graphic() => write!(f, "`{c}`"),
        Some(c) if c.is_control() || c == ' ' => write!(f, "U+{:04X}", u32::from(c)),
        Some(c) => write!(f, "`{c}` (U+{:04X})", u32::from(c)),
    }
}

/// The length of the run of `bytes` before the first `"`, `\` or control
/// character (the whole length when there is none). Looks at eight bytes at
/// a time, as string bodies make up most of a document, and finds the stop
/// within a word from its bit mask: most strings are names such as
/// `"start"`, which end in their first word.
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    // The high bit of each byte of `w` that is zero (resp. below 0x20) is
    // set; a byte after such a byte may be flagged as well, the first
    // flagged byte is always right.
    let zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGH;
    let below_space = |w: u64| w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    let mut start = 0;
    for chunk in bytes.chunks_exact(8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let w = u64::from_le_bytes(word);
        let stops = zero(w ^ (ONES * u64::from(b'"')))
            | zero(w ^ (ONES * u64::from(b'\\')))
            | below_space(w);
        if stops != 0 {
            return start + (stops.trailing_zeros() / 8) as usize;
        }
        start += 8;
    }
    let tail = bytes.get(start..).unwrap_or_default();
    start
        + tail
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(tail.len())
}

/// Recursive-descent parser over the bytes of `src`. Every position it stops
/// at is just after an ASCII byte, so it is always a char boundary.
struct Parser<'a> {
    src: &'a str,
    pos: usize,
    /// How many arrays and objects are open around `pos`.
    depth: usize,
}

impl<'a> Parser<'a> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    #[inline(always)]
    fn eat(&mut self, byte: u8) -> bool {
        let hit = self.peek() == Some(byte);
        if hit {
            self.pos += 1;
        }
        hit
    }

    /// The char at the current position, for error messages.
    fn found(&self) -> Option<char> {
        self.src.get(self.pos..).and_then(|s| s.chars().next())
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// Skips ASCII digits; true if there was at least one.
    fn digits(&mut self) -> bool {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos > start
    }

    fn error(&self, at: usize, kind: Kind) -> JsonError {
        let mut at = at.min(self.src.len());
        while !self.src.is_char_boundary(at) {
            at = at.saturating_sub(1);
        }
        let before = self.src.get(..at).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        JsonError {
            line: before.bytes().filter(|&b| b == b'\n').count() + 1,
            column: before.get(line_start..).unwrap_or("").chars().count() + 1,
            kind,
        }
    }

    fn expected(&self, what: &'static str, hint: &'static str) -> JsonError {
        self.error(self.pos, Kind::Expected(what, self.found(), hint))
    }

    /// Parses one value.
    fn value(&mut self) -> Result<Value, JsonError> {
        self.skip_ws();
        match self.peek() {
            Some(b'[') => {
                self.enter()?;
                let mut items = Vec::new();
                let mut first = true;
                while self.next_element(first)? {
                    first = false;
                    items.push(self.value()?);
                }
                Ok(Value::Array(items))
            }
            Some(b'{') => {
                self.enter()?;
                let mut members = Vec::new();
                let mut first = true;
                while let Some(key) = self.next_member(first)? {
                    first = false;
                    let value = self.value()?;
                    members.push((key.into_owned(), value));
                }
                Ok(Value::Object(members))
            }
            Some(b'"') => {
                self.pos += 1;
                self.string().map(|s| Value::String(s.into_owned()))
            }
            _ => self.scalar(),
        }
    }

    /// Checks one value like [`Parser::value`] does; strings and numbers
    /// are not built (arrays and objects are, being rare where this is used).
    fn skip(&mut self) -> Result<(), JsonError> {
        self.skip_ws();
        if self.eat(b'"') {
            self.string().map(drop)
        } else {
            self.value().map(drop)
        }
    }

    /// Parses a number or literal, or reports what stands where a value
    /// should be.
    fn scalar(&mut self) -> Result<Value, JsonError> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("`true`", Value::Bool(true)),
            Some(b'f') => self.literal("`false`", Value::Bool(false)),
            Some(b'n') => self.literal("`null`", Value::Null),
            Some(b'\'') => Err(self.expected("a JSON value", "; JSON strings use double quotes")),
            Some(b'+') => Err(self.expected("a JSON value", "; remove the `+`")),
            Some(b'.') => Err(self.expected("a JSON value", "; write a `0` before the `.`")),
            _ => Err(self.expected("a JSON value", "")),
        }
    }

    /// `word` is the literal in backticks, as shown in the error.
    fn literal(&mut self, word: &'static str, value: Value) -> Result<Value, JsonError> {
        let inner = word
            .get(1..word.len().saturating_sub(1))
            .unwrap_or_default();
        for byte in inner.bytes() {
            if !self.eat(byte) {
                return Err(self.expected(word, ""));
            }
        }
        Ok(value)
    }

    /// Validates the JSON number grammar on the bytes, then lets the standard
    /// library convert the slice (correctly rounded).
    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.pos;
        let minus = self.eat(b'-');
        if self.eat(b'0') {
            if let Some(c @ b'0'..=b'9') = self.peek() {
                return Err(self.error(self.pos, Kind::LeadingZero(char::from(c))));
            }
        } else if !self.digits() {
            let what = if minus {
                "a digit after `-`"
            } else {
                "a digit"
            };
            return Err(self.error(self.pos, Kind::InvalidNumber(what, self.found())));
        }
        if self.eat(b'.') && !self.digits() {
            let kind = Kind::InvalidNumber("a digit after `.`", self.found());
            return Err(self.error(self.pos, kind));
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !self.digits() {
                let kind = Kind::InvalidNumber("a digit in the exponent", self.found());
                return Err(self.error(self.pos, kind));
            }
        }
        let text = self.src.get(start..self.pos).unwrap_or_default();
        // Short integers are exact in an f64: no need for the general
        // (correctly rounding, slower) conversion.
        let digits = text.strip_prefix('-').unwrap_or(text);
        if digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit()) {
            let n = digits
                .bytes()
                .fold(0u64, |n, b| n * 10 + u64::from(b - b'0')) as f64;
            return Ok(Value::Number(if minus { -n } else { n }));
        }
        match parse_f64(text) {
            Some(n) => Ok(Value::Number(n)),
            None => Err(self.error(start, Kind::NumberOutOfRange)),
        }
    }

    /// Parses a string body; the opening quote has been consumed. A string
    /// without escapes is borrowed from the input; otherwise runs without
    /// escapes are copied in one go.
    fn string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        let open = self.pos.saturating_sub(1);
        let mut out = String::new();
        loop {
            let run = self.pos;
            let rest = self.src.as_bytes().get(run..).unwrap_or_default();
            self.pos += plain_run(rest);
            let text = self.src.get(run..self.pos).unwrap_or_default();
            match self.peek() {
                Some(b'"') if out.is_empty() && run == open + 1 => {
                    self.pos += 1;
                    return Ok(Cow::Borrowed(text));
                }
                Some(b'"') => {
                    self.pos += 1;
                    out.push_str(text);
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    if out.capacity() == 0 {
                        // Escapes only shorten: the rest of the string is
                        // an upper bound, so the text is copied only once.
                        out.reserve(self.escaped_len(open));
                    }
                    out.push_str(text);
                    self.pos += 1;
                    let c = self.escape()?;
                    out.push(c);
                }
                Some(b) => return Err(self.error(self.pos, Kind::ControlCharacter(char::from(b)))),
                None => return Err(self.error(open, Kind::UnterminatedString)),
            }
        }
    }

    /// The raw length of the string opened at `open`, escapes included, up
    /// to its closing quote (or the end of the input).
    fn escaped_len(&self, open: usize) -> usize {
        let body = self.src.as_bytes().get(open + 1..).unwrap_or_default();
        let mut i = 0;
        while let Some(&b) = body.get(i) {
            match b {
                b'"' => break,
                b'\\' => i += 2,
                _ => i += 1,
            }
        }
        i.min(body.len())
    }

    /// Decodes one escape; the backslash has been consumed.
    fn escape(&mut self) -> Result<char, JsonError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                return self.unicode_escape();
            }
            _ => return Err(self.error(self.pos, Kind::InvalidEscape(self.found()))),
        };
        self.pos += 1;
        Ok(c)
    }

    /// Decodes `XXXX` after `\u`, joining a surrogate pair; a lone surrogate
    /// becomes U+FFFD, as lenient parsers do.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let high = self.hex4()?;
        if (0xD800..0xDC00).contains(&high)
            && self.src.as_bytes().get(self.pos..self.pos + 2) == Some(b"\\u")
        {
            let after_high = self.pos;
            self.pos += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            // Not a low surrogate: decode that escape on its own next time.
            self.pos = after_high;
        }
        Ok(char::from_u32(high).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            match self.peek().and_then(|b| char::from(b).to_digit(16)) {
                Some(digit) => code = code * 16 + digit,
                None => return Err(self.error(self.pos, Kind::InvalidUnicodeEscape(self.found()))),
            }
            self.pos += 1;
        }
        Ok(code)
    }

    /// Steps into the array or object at `pos` (its `[` or `{`), unless
    /// that would nest too deeply.
    fn enter(&mut self) -> Result<(), JsonError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(self.pos, Kind::TooDeep));
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    /// In an array: true when an element follows (the parser is before
    /// it); false once the closing `]` is consumed. `first`: right after
    /// the `[`.
    fn next_element(&mut self, first: bool) -> Result<bool, JsonError> {
        self.skip_ws();
        if self.eat(b']') {
            self.depth = self.depth.saturating_sub(1);
            return Ok(false);
        }
        if !first {
            if !self.eat(b',') {
                return Err(self.expected("`,` or `]` after an array element", ""));
            }
            self.skip_ws();
            if self.peek() == Some(b']') {
                return Err(self.expected("a JSON value", "; remove the trailing comma"));
            }
        }
        Ok(true)
    }

    /// In an object: the next member's name, the parser being before its
    /// value; `None` once the closing `}` is consumed. `first`: right after
    /// the `{`.
    fn next_member(&mut self, first: bool) -> Result<Option<Cow<'a, str>>, JsonError> {
        self.skip_ws();
        if self.eat(b'}') {
            self.depth = self.depth.saturating_sub(1);
            return Ok(None);
        }
        if !first {
            if !self.eat(b',') {
                return Err(self.expected("`,` or `}` after an object member", ""));
            }
            self.skip_ws();
        }
        if !self.eat(b'"') {
            let hint = match self.peek() {
                Some(b'}') => "; remove the trailing comma",
                Some(b'\'') => "; JSON strings use double quotes",
                Some(b) if b.is_ascii_alphabetic() || b == b'_' => {
                    "; put the name in double quotes"
                }
                _ => "",
            };
            return Err(self.expected("a string for the member name", hint));
        }
        let key = self.string()?;
        self.skip_ws();
        if !self.eat(b':') {
            return Err(self.expected("`:` after an object member name", ""));
        }
        Ok(Some(key))
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;

    fn s(text: &str) -> Value {
        Value::String(text.to_string())
    }

    fn n(x: f64) -> Value {
        Value::Number(x)
    }

    fn err(input: &str) -> String {
        match parse(input) {
            Ok(v) => panic!("{input:?} parsed as {v:?}, expected an error"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn valid_inputs() {
        let table: Vec<(&str, Value)> = vec![
            ("null", Value::Null),
            ("true", Value::Bool(true)),
            ("false", Value::Bool(false)),
            (" \t\r\n true \n", Value::Bool(true)),
            ("0", n(0.0)),
            ("-0", n(0.0)),
            ("123", n(123.0)),
            ("-1.5e3", n(-1500.0)),
            ("1E2", n(100.0)),
            ("1e+2", n(100.0)),
            ("1e-2", n(0.01)),
            ("0.5", n(0.5)),
            ("-0.0e0", n(0.0)),
            ("1e-400", n(0.0)),
            ("1.7976931348623157e308", n(f64::MAX)),
            ("12345678901234567890", n(12_345_678_901_234_567_890.0)),
            ("\"\"", s("")),
            ("\"abc\"", s("abc")),
            (r#""a\"b\\c\/d\b\f\n\r\t""#, s("a\"b\\c/d\u{8}\u{c}\n\r\t")),
            ("\"é😀 \u{7f}\"", s("é😀 \u{7f}")),
            (r#""\u00e9\u00E9\u0000""#, s("éé\0")),
            (r#""x\ud83d\ude00y""#, s("x😀y")),
            ("[]", Value::Array(vec![])),
            ("[ ]", Value::Array(vec![])),
            ("{}", Value::Object(vec![])),
            ("{ \n}", Value::Object(vec![])),
            (
                "[1,[2,[]],\"x\"]",
                Value::Array(vec![
                    n(1.0),
                    Value::Array(vec![n(2.0), Value::Array(vec![])]),
                    s("x"),
                ]),
            ),
            (
                "{\"b\":1, \"a\" : [true,null] ,\"c\":{}}",
                Value::Object(vec![
                    ("b".into(), n(1.0)),
                    (
                        "a".into(),
                        Value::Array(vec![Value::Bool(true), Value::Null]),
                    ),
                    ("c".into(), Value::Object(vec![])),
                ]),
            ),
            ("\u{feff}[1]", Value::Array(vec![n(1.0)])),
            ("\u{feff} \"\u{feff}\" ", s("\u{feff}")),
        ];
        for (input, want) in table {
            assert_eq!(parse(input), Ok(want), "input: {input:?}");
        }
    }

    #[test]
    fn negative_zero_keeps_its_sign() {
        let v = parse("-0").unwrap().as_f64().unwrap();
        assert!(v == 0.0 && v.is_sign_negative());
    }

    #[test]
    fn invalid_inputs_pin_messages() {
        let table: &[(&str, &str)] = &[
            // expected a value / unexpected character
            ("", "line 1, column 1: expected a JSON value, but found the end of the input"),
            (" \n  ", "line 2, column 3: expected a JSON value, but found the end of the input"),
            ("x", "line 1, column 1: expected a JSON value, but found `x`"),
            ("NaN", "line 1, column 1: expected a JSON value, but found `N`"),
            ("'a'", "line 1, column 1: expected a JSON value, but found `'`; JSON strings use double quotes"),
            ("+1", "line 1, column 1: expected a JSON value, but found `+`; remove the `+`"),
            (".5", "line 1, column 1: expected a JSON value, but found `.`; write a `0` before the `.`"),
            ("[1,]", "line 1, column 4: expected a JSON value, but found `]`; remove the trailing comma"),
            ("{\"a\":}", "line 1, column 6: expected a JSON value, but found `}`"),
            ("[1 2]", "line 1, column 4: expected `,` or `]` after an array element, but found `2`"),
            ("{\"a\":1,}", "line 1, column 8: expected a string for the member name, but found `}`; remove the trailing comma"),
            ("{a:1}", "line 1, column 2: expected a string for the member name, but found `a`; put the name in double quotes"),
            ("{'a':1}", "line 1, column 2: expected a string for the member name, but found `'`; JSON strings use double quotes"),
            ("{1:1}", "line 1, column 2: expected a string for the member name, but found `1`"),
            ("{\"a\" 1}", "line 1, column 6: expected `:` after an object member name, but found `1`"),
            ("{\n  \"a\": 1\n  x\n}", "line 3, column 3: expected `,` or `}` after an object member, but found `x`"),
            ("[\r\n1,\r\n x]", "line 3, column 2: expected a JSON value, but found `x`"),
            ("[\"é\", é]", "line 1, column 7: expected a JSON value, but found `é` (U+00E9)"),
            ("\u{feff}\u{feff}", "line 1, column 1: expected a JSON value, but found `\u{feff}` (U+FEFF)"),
            ("tru", "line 1, column 4: expected `true`, but found the end of the input"),
            ("falsy", "line 1, column 5: expected `false`, but found `y`"),
            ("nul1", "line 1, column 4: expected `null`, but found `1`"),
            // unexpected end of input
            ("[1,2", "line 1, column 5: expected `,` or `]` after an array element, but found the end of the input"),
            ("{\"a\"", "line 1, column 5: expected `:` after an object member name, but found the end of the input"),
            ("{\"a\":", "line 1, column 6: expected a JSON value, but found the end of the input"),
            // unterminated string: points at the opening quote
            ("\"abc", "line 1, column 1: unterminated string starting here: expected a closing `\"`, but found the end of the input"),
            ("[\"a\",\n \"b", "line 2, column 2: unterminated string starting here: expected a closing `\"`, but found the end of the input"),
            // invalid escape
            (r#""a\x""#, "line 1, column 4: invalid escape in a string: expected one of `\"\\/bfnrtu` after `\\`, but found `x`; write a literal backslash as `\\\\`"),
            ("\"\\", "line 1, column 3: invalid escape in a string: expected one of `\"\\/bfnrtu` after `\\`, but found the end of the input; write a literal backslash as `\\\\`"),
            // invalid \u escape
            (r#""\u12G4""#, "line 1, column 6: invalid `\\u` escape: expected 4 hexadecimal digits, but found `G`"),
            (r#""\uD83D\u12""#, "line 1, column 12: invalid `\\u` escape: expected 4 hexadecimal digits, but found `\"`"),
            ("\"\\u00", "line 1, column 6: invalid `\\u` escape: expected 4 hexadecimal digits, but found the end of the input"),
            // control character in a string
            ("\"a\nb\"", "line 1, column 3: unescaped control character U+000A in a string; write it as `\\u000A`"),
            ("\"\t\"", "line 1, column 2: unescaped control character U+0009 in a string; write it as `\\u0009`"),
            // invalid number
            ("-", "line 1, column 2: invalid number: expected a digit after `-`, but found the end of the input"),
            ("-Infinity", "line 1, column 2: invalid number: expected a digit after `-`, but found `I`"),
            ("01", "line 1, column 2: invalid number: expected `.`, `e` or the end of the number after a leading `0`, but found `1`; remove the leading zero"),
            ("[-012]", "line 1, column 4: invalid number: expected `.`, `e` or the end of the number after a leading `0`, but found `1`; remove the leading zero"),
            ("1.", "line 1, column 3: invalid number: expected a digit after `.`, but found the end of the input"),
            ("1.e5", "line 1, column 3: invalid number: expected a digit after `.`, but found `e`"),
            ("1. ", "line 1, column 3: invalid number: expected a digit after `.`, but found U+0020"),
            ("1e", "line 1, column 3: invalid number: expected a digit in the exponent, but found the end of the input"),
            ("1E-x", "line 1, column 4: invalid number: expected a digit in the exponent, but found `x`"),
            ("1e+", "line 1, column 4: invalid number: expected a digit in the exponent, but found the end of the input"),
            // number out of range: points at the number's start
            ("1e400", "line 1, column 1: number out of range: expected a magnitude below about 1.8e308, which fits in a 64-bit float"),
            ("[0, -1e309]", "line 1, column 5: number out of range: expected a magnitude below about 1.8e308, which fits in a 64-bit float"),
            // trailing characters
            ("1 2", "line 1, column 3: expected the end of the input after the JSON value, but found `2`; wrap multiple values in an array"),
            ("truex", "line 1, column 5: expected the end of the input after the JSON value, but found `x`; wrap multiple values in an array"),
            ("{}\n\0", "line 2, column 1: expected the end of the input after the JSON value, but found U+0000; wrap multiple values in an array"),
            // too deep
            (&"[".repeat(257), "line 1, column 257: nesting deeper than 256 levels of arrays and objects; flatten the data"),
        ];
        for (input, want) in table {
            assert_eq!(err(input), *want, "input: {input:?}");
        }
    }

    #[test]
    fn error_accessors_and_error_trait() {
        let e = parse("[\n  1,\n  ]").unwrap_err();
        assert_eq!((e.line(), e.column()), (3, 3));
        let boxed: Box<dyn std::error::Error> = Box::new(e.clone());
        assert_eq!(boxed.to_string(), e.to_string());
    }

    #[test]
    fn nesting_limit_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        let e = parse(&deep).unwrap_err();
        assert_eq!((e.line(), e.column()), (1, 257));
        assert!(e
            .to_string()
            .ends_with("nesting deeper than 256 levels of arrays and objects; flatten the data"));

        let deep_objects = "{\"a\":".repeat(100_000);
        let e = parse(&deep_objects).unwrap_err();
        assert!(
            e.to_string().contains("nesting deeper than 256 levels"),
            "{e}"
        );

        // Exactly 256 levels, arrays and objects mixed, is fine.
        let ok = format!("{}0{}", "[{\"a\":".repeat(128), "}]".repeat(128));
        assert!(parse(&ok).is_ok());
        let too_deep = format!("[{ok}]");
        // The 257th level is the `{` of the 128th `[{"a":` (6 chars each).
        assert_eq!(parse(&too_deep).unwrap_err().column(), 1 + 6 * 127 + 2);
    }

    #[test]
    fn bom_is_skipped_only_at_the_start() {
        assert_eq!(parse("\u{feff}null"), Ok(Value::Null));
        let e = parse("\u{feff}nul").unwrap_err();
        assert_eq!((e.line(), e.column()), (1, 4), "the BOM is not counted");
        assert!(parse(" \u{feff}null").is_err());
    }

    #[test]
    fn duplicate_keys_last_wins() {
        let v = parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        assert_eq!(v.get("a"), Some(&n(3.0)));
        assert_eq!(v.get("b"), Some(&n(2.0)));
        assert_eq!(v.get("c"), None);
        // Members are all kept, in order.
        if let Value::Object(members) = &v {
            let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(keys, ["a", "b", "a"]);
        } else {
            panic!("not an object: {v:?}");
        }
        assert_eq!(parse("[1]").unwrap().get("a"), None);
    }

    #[test]
    fn unicode_escapes_and_surrogates() {
        let table: &[(&str, &str)] = &[
            (r#""\u0041\u00e9\u20AC""#, "Aé€"),
            (r#""\uD83D\uDE00""#, "😀"),
            (r#""\ud800""#, "\u{fffd}"),
            (r#""\udc00""#, "\u{fffd}"),
            (r#""\ude00\ud83d""#, "\u{fffd}\u{fffd}"),
            (r#""\ud800x""#, "\u{fffd}x"),
            (r#""\ud800\u0041""#, "\u{fffd}A"),
            (r#""\ud800\n""#, "\u{fffd}\n"),
            (r#""\ud800\ud83d\ude00""#, "\u{fffd}😀"),
            (r#""\uDBFF\uDFFF""#, "\u{10ffff}"),
            (r#""\udbff\ue000""#, "\u{fffd}\u{e000}"),
            (r#""\ud800\udbff""#, "\u{fffd}\u{fffd}"),
        ];
        for (input, want) in table {
            assert_eq!(parse(input), Ok(s(want)), "input: {input}");
        }
    }

    #[test]
    fn accessors_and_kind_names() {
        let v = parse(r#"{"s":"x","n":2.5,"a":[null,true],"o":{}}"#).unwrap();
        assert_eq!(v.get("s").and_then(Value::as_str), Some("x"));
        assert_eq!(v.get("n").and_then(Value::as_f64), Some(2.5));
        assert_eq!(
            v.get("a").and_then(Value::as_array).map(<[Value]>::len),
            Some(2)
        );
        assert_eq!(v.get("n").and_then(Value::as_str), None);
        assert_eq!(v.get("s").and_then(Value::as_f64), None);
        assert_eq!(v.get("o").and_then(Value::as_array), None);
        let kinds: Vec<&str> = [
            Value::Null,
            Value::Bool(false),
            n(1.0),
            s(""),
            Value::Array(vec![]),
            Value::Object(vec![]),
        ]
        .iter()
        .map(Value::kind_name)
        .collect();
        assert_eq!(
            kinds,
            [
                "null",
                "a boolean",
                "a number",
                "a string",
                "an array",
                "an object"
            ]
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::{parse, plain_run, Value};
        use proptest::prelude::*;
        use std::fmt::Write;

        /// Test-only serializer; with `ascii` every non-ASCII char is written
        /// as `\u` escapes (surrogate pairs above U+FFFF).
        fn write_value(v: &Value, ascii: bool, out: &mut String) {
            match v {
                Value::Null => out.push_str("null"),
                Value::Bool(b) => write!(out, "{b}").unwrap(),
                Value::Number(x) => write!(out, "{x}").unwrap(),
                Value::String(text) => write_str(text, ascii, out),
                Value::Array(items) => {
                    out.push('[');
                    for (i, item) in items.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        write_value(item, ascii, out);
                    }
                    out.push(']');
                }
                Value::Object(members) => {
                    out.push('{');
                    for (i, (key, item)) in members.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        write_str(key, ascii, out);
                        out.push_str(" :\n");
                        write_value(item, ascii, out);
                    }
                    out.push('}');
                }
            }
        }

        fn write_str(text: &str, ascii: bool, out: &mut String) {
            out.push('"');
            for c in text.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    c if u32::from(c) < 0x20 || (ascii && !c.is_ascii()) => {
                        for unit in c.encode_utf16(&mut [0; 2]) {
                            write!(out, "\\u{unit:04x}").unwrap();
                        }
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
        }

        fn arb_value() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::Bool),
                any::<f64>()
                    .prop_filter("finite", |x| x.is_finite())
                    .prop_map(Value::Number),
                any::<String>().prop_map(Value::String),
            ];
            leaf.prop_recursive(4, 48, 6, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                    prop::collection::vec((any::<String>(), inner), 0..6).prop_map(Value::Object),
                ]
            })
        }

        /// Checks that an error position lies inside the input.
        fn check_position(input: &str) {
            if let Err(e) = parse(input) {
                let text = input.strip_prefix('\u{feff}').unwrap_or(input);
                let line = text.split('\n').nth(e.line() - 1);
                let line = line.unwrap_or_else(|| panic!("line {} out of range: {e}", e.line()));
                assert!(
                    e.column() >= 1 && e.column() <= line.chars().count() + 1,
                    "{e}"
                );
            }
        }

        proptest! {
            #[test]
            fn arbitrary_strings_never_panic(input in any::<String>()) {
                check_position(&input);
            }

            #[test]
            fn json_like_token_soup_never_panics(tokens in prop::collection::vec(
                prop::sample::select(vec![
                    "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "d83d", "\\ude00", "00", "1",
                    "-", ".", "e", "+", "true", "nul", " ", "\n", "é", "\u{1}", "\u{feff}", "1e999",
                ]),
                0..40,
            )) {
                check_position(&tokens.concat());
            }

            #[test]
            fn plain_runs_stop_at_the_first_quote_backslash_or_control(
                bytes in prop::collection::vec(
                    prop_oneof![Just(b'"'), Just(b'\\'), 0u8..0x20, 0x20u8..=0xff, 0x7fu8..=0xff],
                    0..40,
                )
            ) {
                let stop = bytes.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
                prop_assert_eq!(plain_run(&bytes), stop.unwrap_or(bytes.len()));
            }

            #[test]
            fn serialized_values_round_trip(v in arb_value(), ascii in any::<bool>()) {
                let mut text = String::new();
                write_value(&v, ascii, &mut text);
                prop_assert_eq!(parse(&text), Ok(v), "text: {}", text);
            }
        }

        /// serde_json's verdict on `text`: its value, or `None` where it
        /// rejects the text. Its own depth limit is off, so that ours (256
        /// levels) is the one that shows.
        fn serde_json_reads(text: &str) -> Option<serde_json::Value> {
            let mut reader = serde_json::Deserializer::from_str(text);
            reader.disable_recursion_limit();
            let mut values = reader.into_iter::<serde_json::Value>();
            let value = values.next()?.ok()?;
            values.next().is_none().then_some(value)
        }

        /// Whether a value of ours is serde_json's (in an object, the last
        /// member of a name counts, as serde_json keeps it).
        fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
            use serde_json::Value as J;
            match (ours, theirs) {
                (Value::Null, J::Null) => true,
                (Value::Bool(a), J::Bool(b)) => a == b,
                (Value::Number(a), J::Number(b)) => b.as_f64() == Some(*a),
                (Value::String(a), J::String(b)) => a == b,
                (Value::Array(a), J::Array(b)) => {
                    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
                }
                (Value::Object(members), J::Object(b)) => {
                    let names: std::collections::BTreeSet<&str> =
                        members.iter().map(|(k, _)| k.as_str()).collect();
                    names.len() == b.len()
                        && names
                            .iter()
                            .all(|name| match (ours.get(name), b.get(*name)) {
                                (Some(x), Some(y)) => same(x, y),
                                _ => false,
                            })
                }
                _ => false,
            }
        }

        /// Whether `text` has a `\u` escape of a UTF-16 surrogate, which
        /// a broken pair leaves alone: ours reads a lone one as U+FFFD (as
        /// `JSON.parse` keeps it), serde_json rejects it.
        fn has_surrogate_escape(text: &str) -> bool {
            let lower = text.to_ascii_lowercase();
            [
                "\\ud8", "\\ud9", "\\uda", "\\udb", "\\udc", "\\udd", "\\ude", "\\udf",
            ]
            .iter()
            .any(|escape| lower.contains(escape))
        }

        /// Checks ours against serde_json on one text: both accept it with
        /// the same value, or both reject it.
        fn agrees_with_serde_json(text: &str) -> Result<(), TestCaseError> {
            let ours = parse(text);
            // A leading byte order mark is skipped by ours only.
            let theirs = serde_json_reads(text.strip_prefix('\u{feff}').unwrap_or(text));
            match (&ours, &theirs) {
                (Ok(a), Some(b)) => prop_assert!(same(a, b), "{:?} vs {:?} for {:?}", a, b, text),
                (Err(_), None) => {}
                (Ok(_), None) if has_surrogate_escape(text) => {}
                _ => prop_assert!(
                    false,
                    "ours {:?}, serde_json {:?} for {:?}",
                    ours,
                    theirs,
                    text
                ),
            }
            Ok(())
        }

        /// Pieces that break or bend a JSON text when put anywhere in it.
        const EDITS: [&str; 24] = [
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u00e9", "\\x", "0", "-", ".", "e", "+",
            "1e999", "true", "nul", " ", "\n", "\t", "\u{1}", "é", "01",
        ];

        proptest! {
            /// Valid documents, written with and without `\u` escapes.
            #[test]
            fn reads_valid_documents_as_serde_json_does(v in arb_value(), ascii in any::<bool>()) {
                let mut text = String::new();
                write_value(&v, ascii, &mut text);
                agrees_with_serde_json(&text)?;
            }

            /// Documents broken in one place: cut short, a character
            /// removed, or a piece put in.
            #[test]
            fn rejects_what_serde_json_rejects(
                v in arb_value(),
                at in any::<prop::sample::Index>(),
                edit in 0usize..3,
                piece in prop::sample::select(&EDITS[..]),
            ) {
                let mut text = String::new();
                write_value(&v, true, &mut text);
                let mut at = at.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                match edit {
                    0 => text.truncate(at),
                    1 if at < text.len() => {
                        text.remove(at);
                    }
                    _ => text.insert_str(at, piece),
                }
                agrees_with_serde_json(&text)?;
            }

            /// Nesting up to 256 levels is read as serde_json reads it;
            /// deeper is refused, whatever serde_json does without a limit.
            #[test]
            fn reads_nesting_up_to_256_levels(depth in 0usize..300, objects in any::<bool>()) {
                let (open, close) = if objects { ("{\"a\":", "}") } else { ("[", "]") };
                let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
                if depth <= 256 {
                    agrees_with_serde_json(&text)?;
                } else {
                    prop_assert!(parse(&text).is_err());
                    prop_assert!(serde_json_reads(&text).is_some());
                }
            }
        }
    }
}
