//! Finding events by id: a hash table of indices into an event list.
//!
//! The table holds no copy of the ids, only (hash, index) pairs: a lookup
//! compares the id with the event's own. 100,000 events cost 1 MB of
//! slots instead of another 100,000 strings, and building it is one pass.
//!
//! ```
//! use news_timeline::core::id_index::IdIndex;
//! let ids = ["carrier", "tanker", "drone"];
//! let index = IdIndex::new(ids.len(), |i| ids.get(i).copied());
//! assert_eq!(index.find("tanker", |i| ids.get(i).copied()), Some(1));
//! assert_eq!(index.find("mine", |i| ids.get(i).copied()), None);
//! ```

/// Open addressing, at most 3/4 full; an index of [`IdIndex::EMPTY`]
/// marks a free slot.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IdIndex {
    /// (hash, index) pairs; the length is 0 or a power of two.
    slots: Vec<(u32, u32)>,
    len: usize,
}

impl IdIndex {
    const EMPTY: u32 = u32::MAX;

    /// The index of the `count` items whose ids `id_of` gives (an item
    /// without an id, `None`, is not indexed).
    pub fn new<'a>(count: usize, id_of: impl Fn(usize) -> Option<&'a str>) -> IdIndex {
        let mut index = IdIndex::default();
        index.reserve(count);
        for i in 0..count {
            if let Some(id) = id_of(i) {
                index.insert(i, id_hash(id));
            }
        }
        index
    }

    /// The index of the item whose id is `id`; `id_of` gives the items'
    /// ids as in [`IdIndex::new`].
    pub fn find<'a>(&self, id: &str, id_of: impl Fn(usize) -> Option<&'a str>) -> Option<usize> {
        self.find_hashed(id, id_hash(id), id_of)
    }

    /// [`IdIndex::find`] for an id whose [`id_hash`] the caller has (it
    /// inserts the id next, with the same hash).
    pub fn find_hashed<'a>(
        &self,
        id: &str,
        hash: u32,
        id_of: impl Fn(usize) -> Option<&'a str>,
    ) -> Option<usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = hash as usize & mask;
        while let Some(&(h, index)) = self.slots.get(i) {
            if index == Self::EMPTY {
                return None;
            }
            if h == hash && id_of(index as usize) == Some(id) {
                return Some(index as usize);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// Records that the item at `index` has the id whose [`id_hash`] is
    /// `hash` (the caller knows the id is not there yet).
    pub fn insert(&mut self, index: usize, hash: u32) {
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

    /// Makes room for `count` ids in all, so that a known number of items
    /// is placed without rehashing.
    pub fn reserve(&mut self, count: usize) {
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
pub fn id_hash(id: &str) -> u32 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in id.as_bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let h = (hash ^ (hash >> 31)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h ^ (h >> 32)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_id_among_many_and_none_that_is_absent() {
        let ids: Vec<String> = (0..5_000).map(|i| format!("event-{i}")).collect();
        let id_of = |i: usize| ids.get(i).map(String::as_str);
        let index = IdIndex::new(ids.len(), id_of);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(index.find(id, id_of), Some(i));
        }
        assert_eq!(index.find("event-5000", id_of), None);
        assert_eq!(index.find("", id_of), None);
    }

    #[test]
    fn an_empty_index_finds_nothing() {
        let index = IdIndex::default();
        assert_eq!(index.find("a", |_| Some("a")), None);
    }
}
