//! The id table: which ids the events read so far hold, and the ids made
//! for events that come without one.
//!
//! # Overview
//!
//! - [`Ids`]: a hash table of the ids taken, as indices of the events that
//!   hold them, so that 100,000 ids are checked for duplicates without a
//!   second copy of them.
//! - [`id_hash`] and [`content_id`]: FNV-1a hashes, the first for the table,
//!   the second for the ids of events without one.
//!
//! # What is a content id?
//!
//! An id derived from an event's start, end and title (`ev-` and eight hex
//! digits), so that the same data always yields the same ids across loads
//! and a link to an event keeps working.

use crate::core::date::PartialDate;
use crate::core::model::Event;
use std::fmt::{self, Write as _};

/// The ids taken so far, as indices of the events that hold them: a hash
/// table (open addressing, at most 3/4 full) that needs no copy of the ids.
#[derive(Default)]
pub(crate) struct Ids {
    /// (hash, event index) pairs; an index of [`Ids::EMPTY`] marks a free
    /// slot. The length is 0 or a power of two.
    slots: Vec<(u32, u32)>,
    len: usize,
}

impl Ids {
    const EMPTY: u32 = u32::MAX;

    /// Whether `id`, whose [`id_hash`] is `hash`, is the id of one of the
    /// `events` recorded.
    pub(crate) fn contains(&self, events: &[Event], id: &str, hash: u32) -> bool {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = hash as usize & mask;
        while let Some(&(h, index)) = self.slots.get(i) {
            if index == Self::EMPTY {
                return false;
            }
            if h == hash && events.get(index as usize).is_some_and(|e| e.id == id) {
                return true;
            }
            i = (i + 1) & mask;
        }
        false
    }

    /// Records the id of the event at `index`, whose [`id_hash`] is `hash`.
    pub(crate) fn insert(&mut self, index: usize, hash: u32) {
        // More events than a u32 counts cannot fit in memory.
        let Ok(index) = u32::try_from(index) else {
            return;
        };
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.reserve(self.len + 1);
        }
        self.place(hash, index);
        self.len += 1;
    }

    /// Makes room for `count` ids in all (at most 3/4 of the slots full),
    /// so that a known number of events is placed without rehashing.
    pub(crate) fn reserve(&mut self, count: usize) {
        let size = (count.saturating_mul(4) / 3 + 1)
            .next_power_of_two()
            .max(16);
        if size <= self.slots.len() {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![(0, Self::EMPTY); size]);
        for (h, taken) in old {
            if taken != Self::EMPTY {
                self.place(h, taken);
            }
        }
    }

    fn place(&mut self, hash: u32, index: u32) {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = hash as usize & mask;
        while let Some(slot) = self.slots.get_mut(i) {
            if slot.1 == Self::EMPTY {
                *slot = (hash, index);
                return;
            }
            i = (i + 1) & mask;
        }
    }
}

/// FNV-1a, mixed so that the low bits (the slot) depend on every byte.
pub(crate) fn id_hash(id: &str) -> u32 {
    let mut hash = Fnv::default();
    hash.bytes(id.as_bytes());
    let h = (hash.0 ^ (hash.0 >> 31)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h ^ (h >> 32)) as u32
}

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
