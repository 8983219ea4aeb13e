//! Heap sizes, in words. BEAM grows heaps along a Fibonacci-like series, then by 20%; we
//! follow the same shape so that memory per process and collection frequency are alike.

/// Smallest young heap: BEAM's default `min_heap_size` (233 words), which keeps an idle
/// process near 2.7 KB.
pub const MIN_HEAP_WORDS: usize = 233;

/// Above this size the series grows by 20% a step instead of Fibonacci-like.
const FIB_LIMIT: usize = 1_000_000;

/// The next heap size in the series that is at least `need` words.
pub fn next_heap_size(need: usize) -> usize {
    let (mut a, mut b) = (MIN_HEAP_WORDS, 376usize);
    if need <= a {
        return a;
    }
    while b < need {
        if b < FIB_LIMIT {
            let c = a + b + 1;
            a = b;
            b = c;
        } else {
            a = b;
            b = b + b / 5;
        }
    }
    b
}

/// The size below `current` to shrink to when only `live` words survived, or `current`.
pub fn shrunk_heap_size(current: usize, live: usize, need: usize) -> usize {
    // Shrink when less than a quarter is in use after a collection, as BEAM does, but never
    // below what the series gives for twice the live data plus the pending request.
    if live * 4 < current && current > MIN_HEAP_WORDS {
        next_heap_size((live * 2 + need).max(MIN_HEAP_WORDS)).min(current)
    } else {
        current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_grow_monotonically() {
        assert_eq!(next_heap_size(0), 233);
        assert_eq!(next_heap_size(234), 376);
        assert_eq!(next_heap_size(377), 610);
        let mut prev = 0;
        for need in [1, 1000, 100_000, 2_000_000, 50_000_000] {
            let s = next_heap_size(need);
            assert!(s >= need && s >= prev);
            prev = s;
        }
    }
}
