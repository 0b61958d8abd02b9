//! The classifier that learns issues from the tags the secretariat has given: naive Bayes per
//! issue (one against the rest) over the terms the search makes of a text (its language's stop
//! words dropped, its words stemmed), calibrated so that the confidence it states means what it
//! says. Calibration and the figures it reports come from cross-validation: every tagged text is
//! scored by a classifier that did not learn from it.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use consulta_core::{Issue, IssueId};

/// How a text becomes the terms a classifier counts. The web and the command line give the
/// search index's analysis, so that the classifier and the search agree on what a word is.
pub trait Terms: Send + Sync + std::fmt::Debug {
    /// The distinct terms of `text`, written in `language` (a BCP 47 tag), each with a word of the
    /// text it comes from, to show a person.
    fn terms(&self, text: &str, language: &str) -> BTreeMap<String, String>;
}

/// A tagged text the classifier learns from.
#[derive(Debug, Clone)]
pub struct Tagged {
    pub text: String,
    pub language: String,
    pub issues: Vec<IssueId>,
}

/// The classifier needs this many tagged examples of an issue before it suggests it.
pub const MIN_EXAMPLES: usize = 3;
/// It suggests an issue when it gives it at least this (calibrated) probability.
pub const MIN_PROBABILITY: f64 = 0.8;
/// The smallest log-odds a term must carry, for or against, to count.
const MIN_WEIGHT: f64 = 0.7;
/// In how many of an issue's examples a term must occur to count for it.
const MIN_SUPPORT: f64 = 2.0;
/// How many terms count for an issue, and how many against it, in one text.
const COUNTED_TERMS: usize = 8;
/// How many words it shows as its reasons.
const SHOWN_WORDS: usize = 5;
/// Folds of the cross-validation.
const FOLDS: usize = 5;
/// Fewer held-out scores than this, or only one kind of answer among them, and the raw
/// probability is kept uncalibrated (and said to be).
const MIN_CALIBRATION_SCORES: usize = 30;

/// What the classifier found for one issue in one text: its calibrated probability and the words
/// that weigh most for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub probability: f64,
    pub words: Vec<(String, f64)>,
    pub examples: usize,
}

/// Naive Bayes per issue, over the presence of terms, with Laplace smoothing. Its weights are
/// log-odds, so the reasons it gives add up to its score.
#[derive(Debug, Clone, Default)]
struct Model {
    documents: usize,
    issues: BTreeMap<IssueId, IssueModel>,
    /// Terms in more than half the texts: the corpus's own common words (a consultation's
    /// boilerplate, function words no stop list has), which tell no issue apart.
    common: std::collections::HashSet<String>,
}

/// With at least this many texts, a term in more than half of them is too common to count.
const MIN_TEXTS_FOR_COMMON: usize = 10;

#[derive(Debug, Clone, Default)]
struct IssueModel {
    examples: usize,
    /// In how many of the issue's examples, and of the other documents, each term occurs.
    with: HashMap<String, usize>,
    without: HashMap<String, usize>,
}

impl Model {
    fn train(documents: &[(BTreeMap<String, String>, &[IssueId])], issues: &[Issue]) -> Model {
        let mut frequency: HashMap<&str, usize> = HashMap::new();
        for (terms, _) in documents {
            for term in terms.keys() {
                *frequency.entry(term).or_default() += 1;
            }
        }
        let common = if documents.len() >= MIN_TEXTS_FOR_COMMON {
            frequency.into_iter().filter(|(_, n)| 2 * n > documents.len()).map(|(t, _)| t.to_owned()).collect()
        } else {
            Default::default()
        };
        let mut model = Model { documents: documents.len(), issues: BTreeMap::new(), common };
        for issue in issues {
            let mut counts = IssueModel::default();
            for (terms, tags) in documents {
                let side = if tags.contains(&issue.id) {
                    counts.examples += 1;
                    &mut counts.with
                } else {
                    &mut counts.without
                };
                for term in terms.keys() {
                    *side.entry(term.clone()).or_default() += 1;
                }
            }
            if counts.examples >= MIN_EXAMPLES && counts.examples < documents.len() {
                model.issues.insert(issue.id.clone(), counts);
            }
        }
        model
    }

    /// The raw score (log-odds) that a text with `terms` is about `issue`, and the terms that
    /// count for it; None when there were too few examples of the issue to learn from.
    fn score(&self, issue: &IssueId, terms: &BTreeMap<String, String>) -> Option<(f64, Vec<(String, f64)>)> {
        let model = self.issues.get(issue)?;
        let with = model.examples as f64;
        let without = (self.documents - model.examples) as f64;
        let mut score = (with / without).ln();
        let mut weights = Vec::new();
        for (term, word) in terms {
            let in_with = model.with.get(term).copied().unwrap_or(0) as f64;
            let in_without = model.without.get(term).copied().unwrap_or(0) as f64;
            if in_with + in_without == 0.0 || self.common.contains(term) {
                continue; // a term never seen, or seen everywhere, says nothing
            }
            let weight = ((in_with + 1.0) / (with + 2.0)).ln() - ((in_without + 1.0) / (without + 2.0)).ln();
            // Terms common to both sides tell little each but add up: only terms that tell the
            // issue apart count; and one seen in a single example of the issue is chance, not
            // evidence for it.
            if weight.abs() < MIN_WEIGHT || (weight > 0.0 && in_with < MIN_SUPPORT) {
                continue;
            }
            weights.push((word.clone(), weight));
        }
        // Naive Bayes counts correlated terms as independent evidence, so a text full of them
        // scores far too high: only the strongest few for and against count.
        weights.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then_with(|| a.0.cmp(&b.0)));
        let (mut for_it, mut against) = (0, 0);
        weights.retain(|(_, w)| {
            let side = if *w > 0.0 { &mut for_it } else { &mut against };
            *side += 1;
            *side <= COUNTED_TERMS
        });
        score += weights.iter().map(|(_, w)| w).sum::<f64>();
        Some((score, weights))
    }
}

/// Maps a raw score to a probability that matches how often such scores were right on texts
/// the classifier had not learnt from (Platt scaling: a logistic curve fitted to held-out scores).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    pub slope: f64,
    pub intercept: f64,
    /// Whether it was fitted; if not, the raw naive Bayes probability is used.
    pub fitted: bool,
}

impl Default for Calibration {
    fn default() -> Self {
        Calibration { slope: 1.0, intercept: 0.0, fitted: false }
    }
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

impl Calibration {
    fn probability(&self, score: f64) -> f64 {
        sigmoid(self.slope * score + self.intercept)
    }

    /// Fits the curve to `(score, right)` pairs by Newton's method on the logistic loss (each
    /// step halved until the loss falls, scores standardised first, since naive Bayes scores
    /// run to the tens), with Platt's smoothed targets so that a separated sample does not
    /// diverge.
    fn fit(pairs: &[(f64, bool)]) -> Calibration {
        let positives = pairs.iter().filter(|(_, right)| *right).count();
        if pairs.len() < MIN_CALIBRATION_SCORES || positives == 0 || positives == pairs.len() {
            return Calibration::default();
        }
        let n = pairs.len() as f64;
        let mean = pairs.iter().map(|(s, _)| s).sum::<f64>() / n;
        let spread = (pairs.iter().map(|(s, _)| (s - mean).powi(2)).sum::<f64>() / n).sqrt().max(1e-9);
        let negatives = pairs.len() - positives;
        let high = (positives as f64 + 1.0) / (positives as f64 + 2.0);
        let low = 1.0 / (negatives as f64 + 2.0);
        let points: Vec<(f64, f64)> =
            pairs.iter().map(|(s, right)| ((s - mean) / spread, if *right { high } else { low })).collect();
        let loss = |a: f64, b: f64| -> f64 {
            points
                .iter()
                .map(|(x, target)| {
                    let z = a * x + b;
                    // log(1 + e^z) - target z, written to stay finite for large |z|.
                    z.max(0.0) + (-z.abs()).exp().ln_1p() - target * z
                })
                .sum()
        };
        let (mut a, mut b) = (1.0, 0.0);
        let mut current = loss(a, b);
        for _ in 0..100 {
            let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-9, 0.0, 1e-9);
            for (x, target) in &points {
                let p = sigmoid(a * x + b);
                let w = p * (1.0 - p);
                ga += (p - target) * x;
                gb += p - target;
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }
            let determinant = haa * hbb - hab * hab;
            if determinant.abs() < 1e-12 {
                break;
            }
            let (da, db) = ((hbb * ga - hab * gb) / determinant, (haa * gb - hab * ga) / determinant);
            let mut step = 1.0;
            while step > 1e-6 && loss(a - step * da, b - step * db) > current {
                step /= 2.0;
            }
            let (next_a, next_b) = (a - step * da, b - step * db);
            let next = loss(next_a, next_b);
            let converged = (current - next).abs() < 1e-10;
            (a, b, current) = (next_a, next_b, next);
            if converged {
                break;
            }
        }
        // Back to raw scores: a (s - mean) / spread + b.
        let (slope, intercept) = (a / spread, b - a * mean / spread);
        if slope.is_finite() && intercept.is_finite() && slope > 0.0 {
            Calibration { slope, intercept, fitted: true }
        } else {
            Calibration::default()
        }
    }
}

/// How the classifier did on texts it had not learnt from (cross-validation), at the
/// probability from which it suggests.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evaluation {
    pub threshold: f64,
    /// Held-out (text, issue) pairs scored.
    pub scored: usize,
    /// Suggestions it would have made, and how many of them the secretariat had indeed tagged.
    pub suggested: usize,
    pub right: usize,
    /// Tags given (on issues it could learn); it would have suggested `right` of them.
    pub tags: usize,
    /// Calibration, bin by bin: predicted probability against how often it was right.
    pub bins: Vec<Bin>,
}

/// One band of predicted probabilities.
#[derive(Debug, Clone, PartialEq)]
pub struct Bin {
    pub from: f64,
    pub to: f64,
    pub count: usize,
    pub mean_predicted: f64,
    pub observed: f64,
}

impl Evaluation {
    /// Of its suggestions, the share that were right.
    pub fn precision(&self) -> Option<f64> {
        (self.suggested > 0).then(|| self.right as f64 / self.suggested as f64)
    }

    /// Of the tags given, the share it suggested.
    pub fn recall(&self) -> Option<f64> {
        (self.tags > 0).then(|| self.right as f64 / self.tags as f64)
    }

    fn of(pairs: &[(f64, bool)], threshold: f64) -> Evaluation {
        let suggested = pairs.iter().filter(|(p, _)| *p >= threshold).count();
        let right = pairs.iter().filter(|(p, right)| *p >= threshold && *right).count();
        let tags = pairs.iter().filter(|(_, right)| *right).count();
        let bins = (0..10)
            .filter_map(|i| {
                let (from, to) = (i as f64 / 10.0, (i + 1) as f64 / 10.0);
                let inside: Vec<&(f64, bool)> =
                    pairs.iter().filter(|(p, _)| *p >= from && (*p < to || (i == 9 && *p <= to))).collect();
                (!inside.is_empty()).then(|| Bin {
                    from,
                    to,
                    count: inside.len(),
                    mean_predicted: inside.iter().map(|(p, _)| p).sum::<f64>() / inside.len() as f64,
                    observed: inside.iter().filter(|(_, right)| *right).count() as f64 / inside.len() as f64,
                })
            })
            .collect();
        Evaluation { threshold, scored: pairs.len(), suggested, right, tags, bins }
    }
}

/// The trained classifier: the model learnt from every tagged text, its calibration, and how it
/// did on held-out texts.
#[derive(Debug, Clone, Default)]
pub struct Classifier {
    model: Model,
    calibration: Calibration,
    evaluation: Evaluation,
    terms: Option<Arc<dyn Terms>>,
}

impl Classifier {
    /// Learns from tagged texts, with the terms `terms` makes of them; calibrates and evaluates
    /// itself by cross-validation.
    pub fn train(tagged: &[Tagged], issues: &[Issue], terms: Arc<dyn Terms>) -> Classifier {
        let documents: Vec<(BTreeMap<String, String>, &[IssueId])> =
            tagged.iter().map(|t| (terms.terms(&t.text, &t.language), t.issues.as_slice())).collect();
        let model = Model::train(&documents, issues);
        // Every text scored by a model that did not learn from it.
        let folds = FOLDS.min(documents.len());
        let mut held_out: Vec<(f64, bool)> = Vec::new();
        for fold in 0..folds {
            let (test, learn): (Vec<_>, Vec<_>) = documents.iter().enumerate().partition(|(i, _)| i % folds == fold);
            let learn: Vec<_> = learn.into_iter().map(|(_, d)| d.clone()).collect();
            let partial = Model::train(&learn, issues);
            for (_, (terms, tags)) in test {
                for issue in partial.issues.keys() {
                    if let Some((score, _)) = partial.score(issue, terms) {
                        held_out.push((score, tags.contains(issue)));
                    }
                }
            }
        }
        let calibration = Calibration::fit(&held_out);
        let calibrated: Vec<(f64, bool)> =
            held_out.iter().map(|(score, right)| (calibration.probability(*score), *right)).collect();
        let evaluation = Evaluation::of(&calibrated, MIN_PROBABILITY);
        Classifier { model, calibration, evaluation, terms: Some(terms) }
    }

    /// How many tagged texts it learnt from.
    pub fn documents(&self) -> usize {
        self.model.documents
    }

    pub fn calibration(&self) -> Calibration {
        self.calibration
    }

    pub fn evaluation(&self) -> &Evaluation {
        &self.evaluation
    }

    /// Scores every issue it learnt for `text`; the verdicts at or above the threshold.
    pub(crate) fn verdicts(&self, text: &str, language: &str) -> BTreeMap<IssueId, Verdict> {
        let Some(terms) = &self.terms else { return BTreeMap::new() };
        let features = terms.terms(text, language);
        self.model
            .issues
            .iter()
            .filter_map(|(issue, model)| {
                let (score, mut words) = self.model.score(issue, &features)?;
                let probability = self.calibration.probability(score);
                if probability < MIN_PROBABILITY {
                    return None;
                }
                words.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                words.retain(|(_, w)| *w > 0.0);
                words.truncate(SHOWN_WORDS);
                Some((issue.clone(), Verdict { probability, words, examples: model.examples }))
            })
            .collect()
    }
}

/// Terms as plain folded words, three letters or more, without a short list of stop words in
/// English, French and Spanish: for tests, and where the search's analysis is not at hand.
#[derive(Debug, Clone, Copy, Default)]
pub struct FoldedWords;

const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "that", "this", "with", "are", "from", "its", "which", "not", "has", "have", "was", "were",
    "been", "will", "can", "should", "would", "all", "their", "they", "also", "other", "into", "such", "more", "les",
    "des", "une", "dans", "pour", "que", "qui", "par", "sur", "est", "sont", "aux", "avec", "ces", "cette", "son",
    "ses", "leur", "leurs", "pas", "plus", "elle", "ont", "entre", "contre", "doit", "del", "las", "los", "por",
    "para", "con", "una", "sobre", "como", "este", "esta", "sus",
];

impl Terms for FoldedWords {
    fn terms(&self, text: &str, _language: &str) -> BTreeMap<String, String> {
        crate::text::words(text)
            .into_iter()
            .filter(|w| {
                w.folded.chars().count() >= 3
                    && !w.folded.chars().all(char::is_numeric)
                    && !STOP_WORDS.contains(&w.folded.as_str())
            })
            .map(|w| (w.folded, text[w.start..w.end].to_owned()))
            .collect::<BTreeMap<_, _>>()
    }
}

#[cfg(test)]
mod tests {
    use consulta_core::issue::starting_taxonomy;

    use super::*;

    /// A small deterministic generator (no dependency for a test's randomness).
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> f64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (self.0 >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    /// Texts drawn from a known model: each about one issue (sometimes two), using that issue's
    /// own words now and then, other issues' rarely, and filler words throughout.
    fn corpus(count: usize, seed: u64) -> Vec<Tagged> {
        let issues = ["spam", "privacy", "cybersecurity", "multilingualism"];
        let mut random = Lcg(seed);
        (0..count)
            .map(|_| {
                let first = (random.next() * issues.len() as f64) as usize;
                let mut about = vec![first];
                if random.next() < 0.2 {
                    about.push((first + 1 + (random.next() * 3.0) as usize) % issues.len());
                }
                let mut text = Vec::new();
                for (i, _) in issues.iter().enumerate() {
                    let chance = if about.contains(&i) { 0.3 } else { 0.04 };
                    for w in 0..10 {
                        if random.next() < chance {
                            text.push(format!("topic{i}word{w}"));
                        }
                    }
                }
                for _ in 0..25 {
                    text.push(format!("filler{}", (random.next() * 400.0) as usize));
                }
                Tagged {
                    text: text.join(" "),
                    language: "en".into(),
                    issues: about.iter().map(|i| issues[*i].parse().expect("id")).collect(),
                }
            })
            .collect()
    }

    #[test]
    fn the_stated_confidence_matches_how_often_it_is_right_on_held_out_texts() {
        let (issues, _, _) = starting_taxonomy();
        let classifier = Classifier::train(&corpus(600, 7), &issues, Arc::new(FoldedWords));
        assert!(classifier.calibration().fitted, "{:?}", classifier.calibration());
        let evaluation = classifier.evaluation();
        let precision = evaluation.precision().expect("some suggestions");
        let recall = evaluation.recall().expect("some tags");
        // Suggested at 80 % or more: right about that often, not merely "often".
        assert!(precision >= 0.75, "precision {precision:.2}: {evaluation:?}");
        assert!(recall >= 0.3, "recall {recall:.2}: {evaluation:?}");
        for bin in evaluation.bins.iter().filter(|b| b.count >= 100) {
            assert!((bin.mean_predicted - bin.observed).abs() <= 0.12, "{bin:?}");
        }
        // On new texts from the same source, suggestions at the threshold are mostly right.
        let fresh = corpus(300, 99);
        let (mut suggested, mut right) = (0, 0);
        for text in &fresh {
            for (issue, verdict) in classifier.verdicts(&text.text, "en") {
                assert!(verdict.probability >= MIN_PROBABILITY);
                suggested += 1;
                right += usize::from(text.issues.contains(&issue));
            }
        }
        assert!(suggested > 0 && right as f64 / suggested as f64 >= 0.75, "{right}/{suggested}");
    }

    #[test]
    fn words_in_most_texts_never_count() {
        let (issues, _, _) = starting_taxonomy();
        let mut texts = corpus(200, 3);
        for text in &mut texts {
            text.text.push_str(" boilerplate");
        }
        let classifier = Classifier::train(&texts, &issues, Arc::new(FoldedWords));
        for text in texts.iter().take(50) {
            for verdict in classifier.verdicts(&text.text, "en").values() {
                assert!(verdict.words.iter().all(|(w, _)| w != "boilerplate"), "{verdict:?}");
            }
        }
    }
}
