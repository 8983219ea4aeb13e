//! The process dictionary: `put/2`, `get/1`, `erase/1` in expected constant time. Keys are
//! compared with `=:=`; entries are bucketed by the term's internal hash. `get/0` lists the
//! newest entry first (BEAM's own order is its hash table's; newest-first agrees with it for
//! ascending integer keys).

use std::collections::HashMap;

use enigma_term::{compare, hash, Term};

/// One process's dictionary. Its terms live on the process heap; the collector visits them
/// through [`ProcessDict::for_each_term`].
#[derive(Default)]
pub struct ProcessDict {
    buckets: HashMap<u32, Vec<(Term, Term, u64)>>,
    len: usize,
    next_seq: u64,
}

fn key_hash(k: Term) -> u32 {
    // 0.0 =:= -0.0 in OTP 25, so both must land in one bucket.
    if k.as_float().is_some_and(|f| f == 0.0) {
        0x5EED_0F10
    } else {
        hash::internal_hash(k, 0)
    }
}

impl ProcessDict {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Sets `k` to `v`; returns the old value.
    pub fn put(&mut self, k: Term, v: Term) -> Option<Term> {
        let bucket = self.buckets.entry(key_hash(k)).or_default();
        for e in bucket.iter_mut() {
            if e.0 == k || compare::eq(e.0, k) {
                return Some(std::mem::replace(&mut e.1, v));
            }
        }
        bucket.push((k, v, self.next_seq));
        self.next_seq += 1;
        self.len += 1;
        None
    }

    pub fn get(&self, k: Term) -> Option<Term> {
        self.buckets
            .get(&key_hash(k))?
            .iter()
            .find(|e| e.0 == k || compare::eq(e.0, k))
            .map(|e| e.1)
    }

    /// Removes `k`; returns its value.
    pub fn erase(&mut self, k: Term) -> Option<Term> {
        let h = key_hash(k);
        let bucket = self.buckets.get_mut(&h)?;
        let i = bucket
            .iter()
            .position(|e| e.0 == k || compare::eq(e.0, k))?;
        let (_, v, _) = bucket.remove(i);
        if bucket.is_empty() {
            self.buckets.remove(&h);
        }
        self.len -= 1;
        Some(v)
    }

    pub fn clear(&mut self) {
        self.buckets.clear();
        self.len = 0;
    }

    /// Every `(key, value)`, newest first.
    pub fn entries(&self) -> Vec<(Term, Term)> {
        let mut all: Vec<&(Term, Term, u64)> = self.buckets.values().flatten().collect();
        all.sort_unstable_by_key(|e| std::cmp::Reverse(e.2));
        all.into_iter().map(|e| (e.0, e.1)).collect()
    }

    /// Visits every key and value (collector roots).
    pub fn for_each_term(&mut self, visit: &mut dyn FnMut(&mut [Term])) {
        for bucket in self.buckets.values_mut() {
            for e in bucket.iter_mut() {
                visit(core::slice::from_mut(&mut e.0));
                visit(core::slice::from_mut(&mut e.1));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_get_erase_keep_newest_first_order() {
        let mut d = ProcessDict::default();
        assert_eq!(d.put(Term::small(1), Term::small(10)), None);
        assert_eq!(d.put(Term::small(2), Term::small(20)), None);
        assert_eq!(
            d.put(Term::small(1), Term::small(11)),
            Some(Term::small(10))
        );
        assert_eq!(d.get(Term::small(1)), Some(Term::small(11)));
        assert_eq!(
            d.entries(),
            vec![
                (Term::small(2), Term::small(20)),
                (Term::small(1), Term::small(11))
            ]
        );
        assert_eq!(d.erase(Term::small(2)), Some(Term::small(20)));
        assert_eq!(d.len(), 1);
        assert_eq!(d.get(Term::small(2)), None);
    }
}
