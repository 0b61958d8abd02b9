//! The earlier texts kept ready for exact comparison, so that the members a campaign's later
//! texts are compared with (its first ones, met in its buckets) are not read and shingled again
//! for each. Bounded: when full, the texts not compared since the last time it was full are let
//! go (a second chance), and the rest kept.

use std::collections::HashMap;

use crate::sketch::Shingled;

#[derive(Debug, Default)]
pub(crate) struct Ready {
    texts: HashMap<u32, (Shingled, bool)>,
    most: usize,
}

impl Ready {
    pub(crate) fn new(most: usize) -> Ready {
        Ready { texts: HashMap::new(), most }
    }

    /// Keeps up to `most` texts, if that is more than it keeps now.
    pub(crate) fn keep_at_least(&mut self, most: usize) {
        self.most = self.most.max(most);
    }

    /// The text at `at`, compared now: kept already, or made by `read` and kept.
    pub(crate) fn get_or_read(&mut self, at: u32, read: impl FnOnce() -> Shingled) -> &Shingled {
        if !self.texts.contains_key(&at) {
            self.make_room();
        }
        let (text, compared) = self.texts.entry(at).or_insert_with(|| (read(), false));
        *compared = true;
        text
    }

    /// Keeps a text just added, likely to be compared with later ones, if there is room.
    pub(crate) fn offer(&mut self, at: u32, text: Shingled) {
        if self.texts.len() < self.most {
            self.texts.insert(at, (text, false));
        }
    }

    fn make_room(&mut self) {
        if self.texts.len() < self.most {
            return;
        }
        self.texts.retain(|_, (_, compared)| std::mem::take(compared));
        // Every text compared since the last time: start again rather than sweep at each one.
        if self.texts.len() >= self.most * 3 / 4 {
            self.texts.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_compared_since_it_was_last_full_are_kept() {
        let text = || Shingled::of(&[1, 2, 3, 4, 5, 6]);
        let mut ready = Ready::new(4);
        for at in 0..4 {
            ready.offer(at, text());
        }
        ready.offer(9, text());
        assert!(!ready.texts.contains_key(&9), "no room");
        let mut reads = 0;
        ready.get_or_read(1, || unreachable!("kept"));
        ready.get_or_read(7, || {
            reads += 1;
            text()
        });
        assert_eq!(reads, 1);
        let mut kept: Vec<u32> = ready.texts.keys().copied().collect();
        kept.sort();
        assert_eq!(kept, [1, 7], "the text compared stays, the others go");
    }
}
