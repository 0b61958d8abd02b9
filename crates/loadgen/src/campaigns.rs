//! Texts with planted campaigns, and the truth of which text belongs to which: form letters sent
//! many times with a few words edited, with a personal paragraph added before or after, with a
//! sentence dropped; and "mad-lib" templates whose members each pick among a few synonyms in
//! every slot. For the campaign detection's tests and benchmark.

use crate::{TAIL_WORDS, Zipf, next_word, weighted};

/// What to plant.
#[derive(Debug, Clone, Copy)]
pub struct CampaignSpec {
    pub texts: usize,
    /// The share of texts that belong to a campaign.
    pub in_campaigns: f64,
    /// How many campaigns they are spread over (sizes drawn with Zipf's law).
    pub campaigns: usize,
    /// The share of campaigns that are synonym-swap templates.
    pub templates: f64,
    pub seed: u64,
}

/// The generated texts, in the order they arrive, with their language and their campaign.
#[derive(Debug, Clone)]
pub struct PlantedTexts {
    pub texts: Vec<String>,
    pub languages: Vec<&'static str>,
    /// The campaign each text was planted in; None for a text of its own.
    pub truth: Vec<Option<usize>>,
    /// Whether each campaign is a synonym-swap template.
    pub is_template: Vec<bool>,
}

/// A campaign's letter: sentences of words, and for a template, the alternatives of each slot.
struct Letter {
    language: &'static str,
    sentences: Vec<Vec<String>>,
    /// For a template: per sentence, per word, the alternatives (one for a fixed word).
    slots: Option<Vec<Vec<Vec<String>>>>,
}

const LANGUAGES: [(&str, u32); 6] = [("en", 45), ("fr", 25), ("es", 12), ("ru", 6), ("ar", 6), ("zh", 6)];

fn separator(language: &str) -> &'static str {
    if language == "zh" { "" } else { " " }
}

/// A sentence of a number of words in `length`.
fn sentence(rng: &mut fastrand::Rng, zipf: &Zipf, language: &str, length: std::ops::Range<usize>) -> Vec<String> {
    let words_in = rng.usize(length);
    (0..words_in)
        .map(|_| {
            let mut word = String::new();
            next_word(rng, zipf, language, &mut word);
            word
        })
        .collect()
}

fn letter(rng: &mut fastrand::Rng, zipf: &Zipf, template: bool) -> Letter {
    let language = weighted(rng, &LANGUAGES);
    let sentences: Vec<Vec<String>> = (0..rng.usize(6..14)).map(|_| sentence(rng, zipf, language, 10..22)).collect();
    // A slot every four to six words, each with two to four synonyms (words of the tail, so
    // that the alternatives are as unlike each other as real synonyms are in spelling).
    let slots = template.then(|| {
        sentences
            .iter()
            .map(|words_of| {
                let mut next_slot = rng.usize(1..5);
                words_of
                    .iter()
                    .enumerate()
                    .map(|(i, word)| {
                        if i == next_slot {
                            next_slot += rng.usize(4..7);
                            let mut alternatives = vec![word.clone()];
                            for _ in 0..rng.usize(1..4) {
                                alternatives.push(crate::tail_word(language, rng.usize(..TAIL_WORDS)));
                            }
                            alternatives
                        } else {
                            vec![word.clone()]
                        }
                    })
                    .collect()
            })
            .collect()
    });
    Letter { language, sentences, slots }
}

/// One member of a campaign: the template's words with synonyms picked, or the letter with a few
/// words edited, maybe a sentence dropped, maybe a personal paragraph before or after.
fn member(rng: &mut fastrand::Rng, zipf: &Zipf, letter: &Letter) -> String {
    let mut sentences: Vec<Vec<String>> = match &letter.slots {
        Some(slots) => slots
            .iter()
            .map(|sentence| {
                sentence.iter().map(|alternatives| alternatives[rng.usize(..alternatives.len())].clone()).collect()
            })
            .collect(),
        None => letter.sentences.clone(),
    };
    if letter.slots.is_none() {
        for _ in 0..rng.usize(0..6) {
            let s = rng.usize(..sentences.len());
            let w = rng.usize(..sentences[s].len());
            let mut replacement = String::new();
            next_word(rng, zipf, letter.language, &mut replacement);
            sentences[s][w] = replacement;
        }
        if rng.u32(0..10) == 0 && sentences.len() > 3 {
            let dropped = rng.usize(..sentences.len());
            sentences.remove(dropped);
        }
    }
    let sep = separator(letter.language);
    let mut text: Vec<String> = sentences.iter().map(|s| s.join(sep)).collect();
    match rng.u32(0..10) {
        0..2 => {
            let personal = (0..rng.usize(2..5)).map(|_| sentence(rng, zipf, letter.language, 10..20).join(sep));
            let personal: Vec<String> = personal.collect();
            text.splice(0..0, personal);
        }
        2..4 => {
            for _ in 0..rng.usize(2..5) {
                text.push(sentence(rng, zipf, letter.language, 10..20).join(sep));
            }
        }
        _ => {}
    }
    let stop = if letter.language == "zh" { "。" } else { ". " };
    text.join(stop)
}

/// Generates `spec.texts` texts with planted campaigns, in a random order.
pub fn plant(spec: CampaignSpec) -> PlantedTexts {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let zipf = Zipf::new(TAIL_WORDS);
    let campaigns = spec.campaigns.max(1);
    let letters: Vec<Letter> = (0..campaigns)
        .map(|i| letter(&mut rng, &zipf, (i as f64 + 0.5) / (campaigns as f64) < spec.templates))
        .collect();
    // Campaign sizes by Zipf's law, scaled to the share of texts in campaigns, two members at least.
    let in_campaigns = ((spec.texts as f64) * spec.in_campaigns) as usize;
    let weights: Vec<f64> = (0..campaigns).map(|r| 1.0 / (r as f64 + 1.0)).collect();
    let total: f64 = weights.iter().sum();
    let sizes: Vec<usize> =
        weights.iter().map(|w| ((w / total) * in_campaigns as f64).round().max(2.0) as usize).collect();
    let mut order: Vec<Option<usize>> =
        sizes.iter().enumerate().flat_map(|(c, n)| std::iter::repeat_n(Some(c), *n)).collect();
    order.truncate(spec.texts);
    order.resize(spec.texts, None);
    rng.shuffle(&mut order);
    let mut planted = PlantedTexts {
        texts: Vec::with_capacity(spec.texts),
        languages: Vec::with_capacity(spec.texts),
        truth: order.clone(),
        is_template: letters.iter().map(|l| l.slots.is_some()).collect(),
    };
    for campaign in order {
        match campaign {
            Some(c) => {
                planted.texts.push(member(&mut rng, &zipf, &letters[c]));
                planted.languages.push(letters[c].language);
            }
            None => {
                let language = weighted(&mut rng, &LANGUAGES);
                let sep = separator(language);
                let text: Vec<String> =
                    (0..rng.usize(3..12)).map(|_| sentence(&mut rng, &zipf, language, 8..20).join(sep)).collect();
                planted.texts.push(text.join(". "));
                planted.languages.push(language);
            }
        }
    }
    planted
}

/// Pair precision and recall of `found` campaigns (members' positions) against the planted truth:
/// of the pairs found in one campaign, the share planted in one; of the pairs planted, the share
/// found.
pub fn pair_scores(found: &[Vec<usize>], truth: &[Option<usize>]) -> (f64, f64) {
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let mut found_pairs = 0u64;
    let mut true_found = 0u64;
    for members in found {
        found_pairs += pairs(members.len() as u64);
        let mut by_truth: std::collections::HashMap<usize, u64> = std::collections::HashMap::new();
        for &m in members {
            if let Some(t) = truth[m] {
                *by_truth.entry(t).or_default() += 1;
            }
        }
        true_found += by_truth.values().map(|n| pairs(*n)).sum::<u64>();
    }
    let mut planted: std::collections::HashMap<usize, u64> = std::collections::HashMap::new();
    for t in truth.iter().flatten() {
        *planted.entry(*t).or_default() += 1;
    }
    let planted_pairs: u64 = planted.values().map(|n| pairs(*n)).sum();
    let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    (ratio(true_found, found_pairs), ratio(true_found, planted_pairs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn campaigns_are_planted_as_asked() {
        let spec = CampaignSpec { texts: 2_000, in_campaigns: 0.6, campaigns: 20, templates: 0.25, seed: 3 };
        let planted = plant(spec);
        assert_eq!(planted.texts.len(), 2_000);
        let members = planted.truth.iter().flatten().count();
        assert!((1_100..=1_300).contains(&members), "{members}");
        assert_eq!(planted.is_template.iter().filter(|t| **t).count(), 5);
        assert_eq!(pair_scores(&[], &planted.truth).0, 1.0);
    }

    /// Planted campaigns written as a contribution file, imported, and found again from the
    /// record: pair precision and recall against the truth, over every kind of campaign.
    #[test]
    fn campaigns_imported_into_the_record_are_found_again() {
        let texts = 3_000;
        let planted = plant(CampaignSpec { texts, in_campaigns: 0.6, campaigns: 12, templates: 0.25, seed: 17 });
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("planted.csv");
        let spec = crate::Spec { contributions: texts as u64, seed: 17 };
        crate::write_contributions_with(spec, Some(&planted), std::fs::File::create(&file).expect("file"))
            .expect("written");
        let mut store = consulta_store::SqliteStore::open(&dir.path().join("consulta.db")).expect("store");
        let (consultation, _) = crate::import_generated(&mut store, &file, texts as u64).expect("imported");
        let members =
            consulta_report::campaigns::rebuild(&mut store, &consultation, &mut |_| {}).expect("rebuilt").members;
        assert!(members > 1_500, "{members}");
        let mut found: std::collections::BTreeMap<i64, Vec<usize>> = std::collections::BTreeMap::new();
        for (member, campaign) in
            consulta_store::CampaignStore::campaign_members(&store, consultation.id).expect("members")
        {
            // Contributions are numbered from 1 in the order of the file's rows.
            found.entry(campaign.0).or_default().push(member.0 as usize - 1);
        }
        let found: Vec<Vec<usize>> = found.into_values().collect();
        let (precision, recall) = pair_scores(&found, &planted.truth);
        assert!(precision >= 0.99 && recall >= 0.95, "precision {precision}, recall {recall}");
    }

    #[test]
    fn pair_scores_count_pairs() {
        let truth = [Some(0), Some(0), Some(0), Some(1), Some(1), None];
        // One campaign found whole, one split in two: recall 3 of 4 pairs.
        assert_eq!(pair_scores(&[vec![0, 1, 2], vec![3], vec![4]], &truth), (1.0, 0.75));
        // The two merged: 4 true pairs of 10.
        assert_eq!(pair_scores(&[vec![0, 1, 2, 3, 4]], &truth), (0.4, 1.0));
    }
}
