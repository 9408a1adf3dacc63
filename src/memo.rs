//! Remembering work done earlier in a run: a roster's handouts set the same paragraphs
//! and deflate the same pages for recipient after recipient.
//!
//! Entries are found by a hash of what they were made from and told apart by comparing
//! it, so a lookup builds no key. A memo forgets everything once it holds `limit`
//! entries, so memory does not grow with the length of a roster.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

pub struct Memo<V> {
    entries: FxHashMap<u64, Vec<V>>,
    count: usize,
    limit: usize,
}

/// The hash to file an entry under: quick to make, and the same in every run.
pub fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = FxHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}

impl<V> Memo<V> {
    pub fn new(limit: usize) -> Memo<V> {
        Memo {
            entries: FxHashMap::default(),
            count: 0,
            limit,
        }
    }

    /// The entry under `hash` that `is_it` accepts.
    pub fn find(&self, hash: u64, is_it: impl Fn(&V) -> bool) -> Option<&V> {
        self.entries.get(&hash)?.iter().find(|v| is_it(v))
    }

    pub fn insert(&mut self, hash: u64, value: V) {
        if self.count >= self.limit {
            self.entries.clear();
            self.count = 0;
        }
        self.count += 1;
        self.entries.entry(hash).or_default().push(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_sharing_a_hash_are_told_apart_and_the_limit_forgets_all() {
        let mut memo = Memo::new(3);
        memo.insert(1, "one");
        memo.insert(1, "uno");
        assert_eq!(memo.find(1, |v| v.starts_with('u')), Some(&"uno"));
        assert_eq!(memo.find(1, |v| *v == "one"), Some(&"one"));
        assert_eq!(memo.find(2, |_| true), None);
        memo.insert(2, "two");
        memo.insert(3, "three");
        assert_eq!(
            memo.find(1, |_| true),
            None,
            "the fourth entry cleared the rest"
        );
        assert_eq!(memo.find(3, |_| true), Some(&"three"));
    }
}
