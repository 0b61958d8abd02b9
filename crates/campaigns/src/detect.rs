//! The detector: texts added one at a time, in the order they were recorded; each is compared
//! with the earlier texts it shares an LSH bucket with, exactly, and joins the campaign of those
//! that hold enough of it or that it holds enough of. Campaigns are sets of two or more texts,
//! named by their first member.

use std::collections::HashMap;

use crate::ready::Ready;
use crate::sketch::{BANDS, SHINGLE, Shingled, bands, contains_at_least, minhash, runs};
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

/// The LSH buckets: each key with its members, the first `bucket_members` texts that had it.
/// Most keys have one member (a text of its own), held in the map itself; a key with more has a
/// row of `BUCKET_ROW` slots in `rows`, so that adding a text allocates nothing per key.
#[derive(Debug, Default)]
struct Buckets {
    keys: HashMap<u64, Bucket, std::hash::BuildHasherDefault<KeyHasher>>,
    rows: Vec<[u32; BUCKET_ROW]>,
    row_lengths: Vec<u8>,
}

#[derive(Debug, Clone, Copy)]
enum Bucket {
    One(u32),
    Row(u32),
}

/// The most members a bucket keeps, whatever the settings ask.
const BUCKET_ROW: usize = 16;

impl Buckets {
    fn members(&self, key: u64) -> &[u32] {
        match self.keys.get(&key) {
            None => &[],
            Some(Bucket::One(member)) => std::slice::from_ref(member),
            Some(Bucket::Row(row)) => {
                let row = *row as usize;
                &self.rows[row][..usize::from(self.row_lengths[row])]
            }
        }
    }

    /// Adds `member` under `key` unless it holds `most` members already; says whether it joined
    /// earlier members there (where later texts will meet it beside them).
    fn add(&mut self, key: u64, member: u32, most: usize) -> bool {
        let most = most.min(BUCKET_ROW);
        let bucket = match self.keys.entry(key) {
            std::collections::hash_map::Entry::Vacant(empty) => {
                empty.insert(Bucket::One(member));
                return false;
            }
            std::collections::hash_map::Entry::Occupied(bucket) => bucket.into_mut(),
        };
        match *bucket {
            Bucket::One(_) if most < 2 => false,
            Bucket::One(first) => {
                let mut row = [0; BUCKET_ROW];
                (row[0], row[1]) = (first, member);
                *bucket = Bucket::Row(self.rows.len() as u32);
                self.rows.push(row);
                self.row_lengths.push(2);
                true
            }
            Bucket::Row(row) => {
                let row = row as usize;
                let length = usize::from(self.row_lengths[row]);
                if length >= most {
                    return false;
                }
                self.rows[row][length] = member;
                self.row_lengths[row] += 1;
                true
            }
        }
    }
}

/// What the detector counts as one campaign.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// The share of the shorter text's shingles the longer must hold: a form letter with a
    /// personal paragraph added keeps all of the letter's.
    pub containment: f64,
    /// Texts with fewer shingles never join a campaign ("I agree." is not a form letter); each
    /// run of tokens gives `SHINGLE`.
    pub fewest_shingles: usize,
    /// Members a bucket keeps (at most 16): later ones find the campaign through the first.
    pub bucket_members: usize,
    /// Exact comparisons a new text makes at most, with the texts it shares the most buckets
    /// with first: a text that matches none of them is not a member of a weaker candidate
    /// either.
    pub comparisons: usize,
    /// Members of one campaign a new text is compared with before it is taken for none of it: a
    /// template's members differ from each other in every slot, so one may fall short of
    /// another where a third is near enough.
    pub tries_per_campaign: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { containment: 0.8, fewest_shingles: 40, bucket_members: 8, comparisons: 8, tries_per_campaign: 3 }
    }
}

/// What `add` needs of a text, made apart so that many can be made at once: unless it is too
/// short to join a campaign, its band keys and its shingles for exact comparisons.
#[derive(Debug, Default)]
struct Sketch {
    keys: Option<([u64; BANDS], Shingled)>,
}

impl Sketch {
    fn of(text: &str, settings: &Settings) -> Sketch {
        let runs = runs(&tokens(text));
        if runs.len() * SHINGLE < settings.fewest_shingles {
            return Sketch::default();
        }
        // The sketch needs no sorting: a repeated shingle changes no minimum.
        let keys = bands(&minhash(runs.as_flattened()));
        Sketch { keys: Some((keys, Shingled::from_runs(&runs))) }
    }

    fn all(texts: &[(u64, &str)], settings: &Settings, threads: usize) -> Vec<Sketch> {
        let per_thread = texts.len().div_ceil(threads.max(1)).max(1);
        std::thread::scope(|scope| {
            let running: Vec<_> = texts
                .chunks(per_thread)
                .map(|part| {
                    scope.spawn(move || part.iter().map(|(_, text)| Sketch::of(text, settings)).collect::<Vec<_>>())
                })
                .collect();
            running.into_iter().flat_map(|thread| thread.join().unwrap_or_default()).collect()
        })
    }
}

/// Texts kept ready for exact comparison unless `keep_ready` says otherwise (about 6 KB each, 22
/// KB once compared as the longer).
const READY: usize = 8192;

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
    ready: Ready,
    /// Kept between texts so that adding one allocates nothing: the earlier texts met in its
    /// buckets, and each with how many buckets it shares.
    met: Vec<u32>,
    shared: Vec<(u32, u32)>,
}

impl Detector {
    pub fn new(settings: Settings) -> Detector {
        Detector { settings, ready: Ready::new(READY), ..Detector::default() }
    }

    /// Keeps at most `texts` earlier texts ready for comparison (memory against reading texts
    /// again); the campaigns found are the same whatever it is.
    pub fn keep_ready(&mut self, texts: usize) {
        self.ready = Ready::new(texts);
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

    /// Adds texts in order, as `add` adds each (the same campaigns), for rebuilding a whole
    /// consultation's campaigns: the texts are sketched a chunk ahead on the other cores while
    /// the chunk before is added. Keeps one text in 32 ready (up to 65,536, some 1.4 GB at
    /// most): a large record has more campaigns, each with its first members compared again and
    /// again.
    pub fn add_all(&mut self, texts: &[(u64, &str)], tokens_of: &mut dyn FnMut(u64) -> Vec<u64>) {
        self.ready.keep_at_least((texts.len() / 32).min(65_536));
        const CHUNK: usize = 2_048;
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let settings = self.settings;
        let mut chunks = texts.chunks(CHUNK);
        let Some(first) = chunks.next() else { return };
        let mut sketched = Sketch::all(first, &settings, cores);
        let mut current = first;
        std::thread::scope(|scope| {
            loop {
                let next = chunks.next();
                // One core adds; the others sketch the next chunk meanwhile.
                let ahead = next.map(|chunk| scope.spawn(move || Sketch::all(chunk, &settings, (cores - 1).max(1))));
                for ((id, _), sketch) in current.iter().zip(std::mem::take(&mut sketched)) {
                    self.add_sketched(*id, sketch, tokens_of);
                }
                match (next, ahead) {
                    (Some(chunk), Some(thread)) => {
                        sketched = thread.join().unwrap_or_default();
                        current = chunk;
                    }
                    _ => break,
                }
            }
        });
    }

    fn add_sketched(&mut self, id: u64, sketch: Sketch, tokens_of: &mut dyn FnMut(u64) -> Vec<u64>) -> Option<u64> {
        let at = self.ids.len() as u32;
        self.ids.push(id);
        self.parent.push(at);
        self.size.push(1);
        let (keys, mine) = sketch.keys?;
        // The earlier texts sharing a bucket, with how many buckets each shares.
        let (mut met, mut shared) = (std::mem::take(&mut self.met), std::mem::take(&mut self.shared));
        met.clear();
        for key in &keys {
            met.extend_from_slice(self.buckets.members(*key));
        }
        met.sort_unstable();
        shared.clear();
        for &other in &met {
            match shared.last_mut() {
                Some((last, count)) if *last == other => *count += 1,
                _ => shared.push((other, 1)),
            }
        }
        // One exact comparison per campaign met: with the member sharing the most buckets.
        shared.sort_unstable_by_key(|&(other, count)| (std::cmp::Reverse(count), other));
        // Each campaign met, with how many of its members this text was compared with.
        let mut tried: Vec<(u32, usize)> = Vec::with_capacity(self.settings.comparisons);
        let mut comparisons = 0;
        for &(other, _) in &shared {
            let root = self.root(other);
            if root == self.root(at) {
                continue;
            }
            let tries = match tried.iter_mut().find(|(campaign, _)| *campaign == root) {
                Some((_, tries)) => tries,
                None => {
                    tried.push((root, 0));
                    &mut tried.last_mut().expect("just pushed").1
                }
            };
            if *tries == self.settings.tries_per_campaign {
                continue;
            }
            if comparisons == self.settings.comparisons {
                break;
            }
            (*tries, comparisons) = (*tries + 1, comparisons + 1);
            let other_id = self.ids[other as usize];
            let theirs = self.ready.get_or_read(other, || Shingled::of(&tokens_of(other_id)));
            if contains_at_least(&mine, theirs, self.settings.containment) {
                self.join(at, other);
            }
        }
        let mut beside_others = false;
        for key in keys {
            beside_others |= self.buckets.add(key, at, self.settings.bucket_members);
        }
        (self.met, self.shared) = (met, shared);
        let campaign = self.campaign_of_position(at);
        // A member of a campaign kept in a bucket beside other texts is likely to be compared
        // with later ones; one only under keys of its own (its own edits), hardly.
        if beside_others && campaign.is_some() {
            self.ready.offer(at, mine);
        }
        campaign
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
