//! The detector: texts added one at a time, in the order they were recorded; each is compared
//! with the earlier texts it shares an LSH bucket with, exactly, and joins the campaign of those
//! that hold enough of it or that it holds enough of. Campaigns are sets of two or more texts,
//! named by their first member.

use std::collections::HashMap;

use crate::sketch::{BANDS, SHINGLE, bands, containment, minhash, runs};
use crate::tokens::tokens;

/// Hashes a band key as itself: the keys are hashes already, uniformly spread, so hashing them
/// again (as the standard map does, against keys an attacker chooses) would only cost time.
#[derive(Debug, Default, Clone, Copy)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 << 8) | u64::from(*byte);
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }
}

type Buckets = HashMap<u64, Vec<u32>, std::hash::BuildHasherDefault<KeyHasher>>;

/// What the detector counts as one campaign.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// The share of the shorter text's shingles the longer must hold: a form letter with a
    /// personal paragraph added keeps all of the letter's.
    pub containment: f64,
    /// Texts with fewer shingles never join a campaign ("I agree." is not a form letter); each
    /// run of tokens gives `SHINGLE`.
    pub fewest_shingles: usize,
    /// Members a bucket keeps: later ones find the campaign through the first.
    pub bucket_members: usize,
    /// Campaigns a new text is compared with at most, those it shares the most buckets with
    /// first: a text that matches none of them is not a member of a weaker candidate either.
    pub comparisons: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { containment: 0.8, fewest_shingles: 40, bucket_members: 16, comparisons: 8 }
    }
}

/// What `add` needs of a text, made apart so that many can be made at once: its tokens and,
/// unless it is too short to join a campaign, its band keys.
#[derive(Debug, Default)]
struct Sketch {
    tokens: Vec<u64>,
    keys: Option<[u64; BANDS]>,
}

impl Sketch {
    fn of(text: &str, settings: &Settings) -> Sketch {
        let tokens = tokens(text);
        let runs = runs(&tokens);
        // The sketch needs no sorting: a repeated shingle changes no minimum.
        let keys = (runs.len() * SHINGLE >= settings.fewest_shingles).then(|| bands(&minhash(runs.as_flattened())));
        Sketch { tokens, keys }
    }
}

/// Campaigns found so far among the texts added.
#[derive(Debug, Default)]
pub struct Detector {
    settings: Settings,
    /// The callers' ids, in the order added.
    ids: Vec<u64>,
    /// Union-find: each text's parent, by position; a root is its set's first member.
    parent: Vec<u32>,
    /// How many texts each root's set holds.
    size: Vec<u32>,
    buckets: Buckets,
}

impl Detector {
    pub fn new(settings: Settings) -> Detector {
        Detector { settings, ..Detector::default() }
    }

    fn root(&mut self, mut at: u32) -> u32 {
        while self.parent[at as usize] != at {
            let grandparent = self.parent[self.parent[at as usize] as usize];
            self.parent[at as usize] = grandparent;
            at = grandparent;
        }
        at
    }

    /// Joins two sets under the earlier root, so a campaign is always named by its first member.
    fn join(&mut self, a: u32, b: u32) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            let (first, second) = (a.min(b), a.max(b));
            self.parent[second as usize] = first;
            self.size[first as usize] += self.size[second as usize];
        }
    }

    /// Adds text `id` (after every earlier one), comparing it with the earlier texts it shares a
    /// bucket with; `tokens_of` gives an earlier text's tokens (`tokens::tokens` of its text),
    /// read again rather than kept. Gives the campaign it joined (its first member's id).
    pub fn add(&mut self, id: u64, text: &str, tokens_of: &mut dyn FnMut(u64) -> Vec<u64>) -> Option<u64> {
        let sketch = Sketch::of(text, &self.settings);
        self.add_sketched(id, sketch, tokens_of)
    }

    /// Adds texts in order, as `add` adds each (the same campaigns), their sketches made on every
    /// core first: for rebuilding a whole consultation's campaigns.
    pub fn add_all(&mut self, texts: &[(u64, &str)], tokens_of: &mut dyn FnMut(u64) -> Vec<u64>) {
        const CHUNK: usize = 4_096;
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let settings = self.settings;
        for chunk in texts.chunks(CHUNK) {
            let per_thread = chunk.len().div_ceil(threads).max(1);
            let sketches: Vec<Sketch> = std::thread::scope(|scope| {
                let running: Vec<_> = chunk
                    .chunks(per_thread)
                    .map(|part| {
                        scope
                            .spawn(move || part.iter().map(|(_, text)| Sketch::of(text, &settings)).collect::<Vec<_>>())
                    })
                    .collect();
                running.into_iter().flat_map(|thread| thread.join().unwrap_or_default()).collect()
            });
            for ((id, _), sketch) in chunk.iter().zip(sketches) {
                self.add_sketched(*id, sketch, tokens_of);
            }
        }
    }

    fn add_sketched(&mut self, id: u64, sketch: Sketch, tokens_of: &mut dyn FnMut(u64) -> Vec<u64>) -> Option<u64> {
        let at = self.ids.len() as u32;
        self.ids.push(id);
        self.parent.push(at);
        self.size.push(1);
        let Sketch { tokens: my_tokens, keys: Some(keys) } = sketch else { return None };
        // The earlier texts sharing a bucket, with how many buckets each shares.
        let mut met: Vec<u32> =
            keys.iter().flat_map(|key| self.buckets.get(key).map(Vec::as_slice).unwrap_or_default()).copied().collect();
        met.sort_unstable();
        let mut shared: Vec<(u32, u32)> = Vec::new();
        for other in met {
            match shared.last_mut() {
                Some((last, count)) if *last == other => *count += 1,
                _ => shared.push((other, 1)),
            }
        }
        // One exact comparison per campaign met: with the member sharing the most buckets.
        shared.sort_by_key(|&(other, count)| (std::cmp::Reverse(count), other));
        let mut compared: Vec<u32> = Vec::new();
        for (other, _) in shared {
            let root = self.root(other);
            if compared.contains(&root) {
                continue;
            }
            if compared.len() == self.settings.comparisons {
                break;
            }
            compared.push(root);
            let theirs = tokens_of(self.ids[other as usize]);
            if containment(&my_tokens, &theirs) >= self.settings.containment {
                self.join(at, other);
            }
        }
        for key in keys {
            let members = self.buckets.entry(key).or_default();
            if members.len() < self.settings.bucket_members {
                members.push(at);
            }
        }
        self.campaign_of_position(at)
    }

    fn campaign_of_position(&mut self, at: u32) -> Option<u64> {
        let root = self.root(at);
        (self.size[root as usize] > 1).then(|| self.ids[root as usize])
    }

    /// Every campaign: its members' ids in the order added, campaigns by their first member.
    pub fn campaigns(&mut self) -> Vec<Vec<u64>> {
        let mut by_root: HashMap<u32, Vec<u64>> = HashMap::new();
        for at in 0..self.ids.len() as u32 {
            let root = self.root(at);
            if self.size[root as usize] > 1 {
                by_root.entry(root).or_default().push(self.ids[at as usize]);
            }
        }
        let mut campaigns: Vec<Vec<u64>> = by_root.into_values().collect();
        campaigns.sort();
        campaigns
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed sequence of numbers, for invented texts.
    struct Dice(u64);

    impl Dice {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) % n
        }
    }

    fn words(dice: &mut Dice, n: usize, vocabulary: &[&str]) -> Vec<String> {
        (0..n).map(|_| vocabulary[dice.below(vocabulary.len() as u64) as usize].to_owned()).collect()
    }

    const EN: &[&str] = &[
        "the",
        "internet",
        "access",
        "network",
        "neutrality",
        "cost",
        "interconnection",
        "privacy",
        "data",
        "citizens",
        "government",
        "secretariat",
        "should",
        "must",
        "protect",
        "open",
        "free",
        "market",
        "rules",
        "global",
        "forum",
        "cooperation",
        "public",
        "policy",
        "rights",
        "users",
        "local",
        "content",
        "language",
        "every",
    ];

    fn detect(texts: &[String]) -> Vec<Vec<u64>> {
        let mut detector = Detector::new(Settings::default());
        let all: Vec<Vec<u64>> = texts.iter().map(|t| tokens(t)).collect();
        let numbered: Vec<(u64, &str)> = texts.iter().enumerate().map(|(i, t)| (i as u64, t.as_str())).collect();
        detector.add_all(&numbered, &mut |id| all[id as usize].clone());
        detector.campaigns()
    }

    #[test]
    fn form_letters_with_edits_and_personal_paragraphs_join_one_campaign() {
        let mut dice = Dice(7);
        let letter = words(&mut dice, 180, EN);
        let mut texts = Vec::new();
        for i in 0..30 {
            let mut variant = letter.clone();
            // A few words changed, and some senders add a paragraph of their own.
            for _ in 0..3 {
                let at = dice.below(variant.len() as u64) as usize;
                variant[at] = format!("edited{i}");
            }
            let mut text = variant.join(" ");
            if i % 3 == 0 {
                text = format!("{} {text}", words(&mut dice, 60, EN).join(" "));
            }
            texts.push(text);
            texts.push(words(&mut dice, 150, EN).join(" "));
        }
        let campaigns = detect(&texts);
        let letters: Vec<u64> = (0..30).map(|i| 2 * i).collect();
        assert_eq!(campaigns, vec![letters], "the letters and nothing else");
    }

    #[test]
    fn french_and_chinese_letters_are_found() {
        let french = "Madame, Monsieur, nous demandons que la coopération renforcée sur les coûts \
            d'interconnexion internationale soit examinée par un forum ouvert à toutes les parties \
            prenantes, y compris la société civile des pays en développement, et que ses conclusions \
            soient publiées dans toutes les langues officielles.";
        let chinese = "我们要求就国际互联网互联成本问题开展加强合作，由所有利益攸关方参与的开放论坛进行审议，\
            包括发展中国家的民间社会，其结论应以所有正式语文公布。";
        let mut texts = Vec::new();
        for i in 0..5 {
            texts.push(format!("{french} Signé : association numéro {i}."));
            texts.push(format!("签名：第{i}号组织。{chinese}"));
        }
        let campaigns = detect(&texts);
        assert_eq!(campaigns, vec![vec![0, 2, 4, 6, 8], vec![1, 3, 5, 7, 9]]);
    }

    #[test]
    fn members_of_a_synonym_swap_template_join_one_campaign() {
        // A slot every five words, each with three synonyms; every member picks its own.
        let mut dice = Dice(5);
        let frame = words(&mut dice, 150, EN);
        let synonyms: Vec<[String; 3]> = (0..30).map(|s| [0, 1, 2].map(|k| format!("synonym{s}x{k}"))).collect();
        let mut texts = Vec::new();
        for _ in 0..20 {
            let member: Vec<String> = frame
                .iter()
                .enumerate()
                .map(
                    |(i, word)| if i % 5 == 2 { synonyms[i / 5][dice.below(3) as usize].clone() } else { word.clone() },
                )
                .collect();
            texts.push(member.join(" "));
            texts.push(words(&mut dice, 150, EN).join(" "));
        }
        let members: Vec<u64> = (0..20).map(|i| 2 * i).collect();
        assert_eq!(detect(&texts), vec![members]);
    }

    #[test]
    fn short_texts_never_make_a_campaign() {
        let texts: Vec<String> = (0..5).map(|_| "I agree with this.".to_owned()).collect();
        assert!(detect(&texts).is_empty());
    }

    #[test]
    fn adding_one_at_a_time_or_all_at_once_gives_the_same_campaigns() {
        let mut dice = Dice(11);
        let letters: Vec<Vec<String>> = (0..4).map(|_| words(&mut dice, 120, EN)).collect();
        let texts: Vec<String> = (0..60)
            .map(|i| {
                let mut letter = letters[(i % 4) as usize].clone();
                letter[(i % 100) as usize] = "changed".into();
                letter.join(" ")
            })
            .collect();
        let all_at_once = detect(&texts);
        assert_eq!(all_at_once.len(), 4);
        let mut detector = Detector::new(Settings::default());
        let all: Vec<Vec<u64>> = texts.iter().map(|t| tokens(t)).collect();
        let mut incremental = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            incremental.push(detector.add(i as u64, text, &mut |id| all[id as usize].clone()));
        }
        assert_eq!(detector.campaigns(), all_at_once);
        assert_eq!(incremental[0], None, "the first letter is alone when it arrives");
        assert_eq!(incremental[4], Some(0));
    }
}
