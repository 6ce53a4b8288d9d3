//! The ids made for events that come without one. (Which ids are taken is
//! an [`IdIndex`](crate::core::id_index::IdIndex), the table the widget
//! also finds events by.)
//!
//! # What is a content id?
//!
//! An id derived from an event's start, end and title (`ev-` and eight hex
//! digits), so that the same data always yields the same ids across loads
//! and a link to an event keeps working.

use crate::core::date::PartialDate;
use std::fmt::{self, Write as _};

/// A short id from the event's content (FNV-1a), stable across loads.
pub(crate) fn content_id(start: &PartialDate, end: Option<&PartialDate>, title: &str) -> String {
    let mut hash = Fnv::default();
    // Formatting into the hash: no strings are made for the dates.
    let _ = write!(hash, "{start}\u{1f}");
    if let Some(end) = end {
        let _ = write!(hash, "{end}");
    }
    hash.bytes(b"\x1f");
    hash.bytes(title.as_bytes());
    hash.bytes(b"\x1f");
    let short = (hash.0 >> 32) ^ (hash.0 & 0xffff_ffff);
    let mut id = String::with_capacity(11);
    id.push_str("ev-");
    for shift in (0..8).rev() {
        let digit = (short >> (shift * 4)) & 0xf;
        id.push(char::from_digit(digit as u32, 16).unwrap_or('0'));
    }
    id
}

/// A 64-bit FNV-1a hash, fed bytes or formatted text.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.bytes(s.as_bytes());
        Ok(())
    }
}
