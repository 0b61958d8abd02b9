//! Issue suggestions that say why. Two methods, both shown to the secretariat as they work:
//! the issue's own term lists (a term found in the text, in any language), and a naive Bayes
//! classifier trained on the tags already given (the words that weigh most for the issue).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use consulta_core::{Issue, IssueId};

use crate::text::{Word, fold, words};

/// Why an issue is suggested.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// A term of the issue's list was found (`count` times), in the list of `language`.
    Term { term: String, language: String, count: usize },
    /// Contributions already tagged with the issue share these words with the text (each with
    /// its weight, the log-odds it adds); the classifier learnt from `examples` of them.
    Resembles { words: Vec<(String, f64)>, examples: usize, probability: f64 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub issue: IssueId,
    pub reasons: Vec<Reason>,
}

/// The classifier needs this many tagged examples of an issue before it suggests it.
pub const MIN_EXAMPLES: usize = 3;
/// It suggests an issue when it gives it at least this probability.
pub const MIN_PROBABILITY: f64 = 0.8;
/// The smallest log-odds a word must carry, for or against, to count.
const MIN_WEIGHT: f64 = 0.7;
/// How many words it shows as its reasons.
const SHOWN_WORDS: usize = 5;

/// Words too common to tell issues apart, in the languages of the term lists.
const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "that", "this", "with", "are", "from", "its", "which", "not", "has", "have", "was", "were",
    "been", "will", "can", "should", "would", "all", "their", "they", "also", "other", "into", "such", "more", "les",
    "des", "une", "dans", "pour", "que", "qui", "par", "sur", "est", "sont", "aux", "avec", "ces", "cette", "son",
    "ses", "leur", "leurs", "pas", "plus", "elle", "ont", "entre", "del", "las", "los", "por", "para", "con", "una",
    "sobre", "que", "como", "este", "esta", "sus",
];

/// The distinct words a classifier looks at: folded, three letters or more, no stop word.
fn features(text: &str) -> BTreeSet<String> {
    words(text)
        .into_iter()
        .map(|w| w.folded)
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(char::is_numeric) && !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

/// Whether two folded words are the same word, a final plural `s` or `x` aside.
fn same_word(a: &str, b: &str) -> bool {
    a == b || a.strip_suffix(['s', 'x']) == Some(b) || b.strip_suffix(['s', 'x']) == Some(a)
}

/// How many times the words of `term` occur in a row in `text`.
fn count_term(text: &[Word], term: &str) -> usize {
    let term: Vec<String> = words(term).into_iter().map(|w| w.folded).collect();
    if term.is_empty() || term.len() > text.len() {
        return 0;
    }
    text.windows(term.len()).filter(|window| window.iter().zip(&term).all(|(w, t)| same_word(&w.folded, t))).count()
}

/// A naive Bayes classifier per issue (one issue against the rest), over the presence of words,
/// with Laplace smoothing. Its weights are log-odds, so the reasons it gives add up to its score.
#[derive(Debug, Clone, Default)]
pub struct Classifier {
    documents: usize,
    issues: BTreeMap<IssueId, IssueModel>,
}

#[derive(Debug, Clone, Default)]
struct IssueModel {
    examples: usize,
    /// In how many of the issue's examples, and of the other documents, each word occurs.
    with: HashMap<String, usize>,
    without: HashMap<String, usize>,
}

impl Classifier {
    /// Learns from tagged texts: each text with the issues it was tagged with.
    pub fn train<'a>(tagged: impl IntoIterator<Item = (&'a str, &'a [IssueId])>, issues: &[Issue]) -> Classifier {
        let documents: Vec<(BTreeSet<String>, &[IssueId])> =
            tagged.into_iter().map(|(text, tags)| (features(text), tags)).collect();
        let mut classifier = Classifier { documents: documents.len(), issues: BTreeMap::new() };
        for issue in issues {
            let mut model = IssueModel::default();
            for (words, tags) in &documents {
                let counts = if tags.contains(&issue.id) {
                    model.examples += 1;
                    &mut model.with
                } else {
                    &mut model.without
                };
                for word in words {
                    *counts.entry(word.clone()).or_default() += 1;
                }
            }
            if model.examples >= MIN_EXAMPLES && model.examples < documents.len() {
                classifier.issues.insert(issue.id.clone(), model);
            }
        }
        classifier
    }

    /// How many tagged texts it learnt from.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// The probability that `text` is about `issue`, with the words that count most for it (a
    /// `Reason::Resembles`); None when there were too few examples of the issue to learn from.
    fn classify(&self, issue: &IssueId, text: &BTreeSet<String>) -> Option<Reason> {
        let model = self.issues.get(issue)?;
        let with = model.examples as f64;
        let without = (self.documents - model.examples) as f64;
        let mut score = (with / without).ln();
        let mut weights = Vec::new();
        for word in text {
            let in_with = model.with.get(word).copied().unwrap_or(0) as f64;
            let in_without = model.without.get(word).copied().unwrap_or(0) as f64;
            if in_with + in_without == 0.0 {
                continue; // a word never seen says nothing
            }
            let weight = ((in_with + 1.0) / (with + 2.0)).ln() - ((in_without + 1.0) / (without + 2.0)).ln();
            // Words common to both sides (boilerplate, the language's own words) tell little each
            // but add up: only words that tell the issue apart count.
            if weight.abs() < MIN_WEIGHT {
                continue;
            }
            score += weight;
            weights.push((word.clone(), weight));
        }
        weights.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        weights.retain(|(_, w)| *w > 0.0);
        weights.truncate(SHOWN_WORDS);
        Some(Reason::Resembles { words: weights, examples: model.examples, probability: 1.0 / (1.0 + (-score).exp()) })
    }
}

/// The issues `text` suggests, in the taxonomy's order, each with its reasons. Issues in
/// `already` (the tags it has) are left out.
pub fn suggest(text: &str, issues: &[Issue], classifier: &Classifier, already: &[IssueId]) -> Vec<Suggestion> {
    let text_words = words(text);
    let features = features(text);
    let mut suggestions = Vec::new();
    for issue in issues.iter().filter(|i| !already.contains(&i.id)) {
        let mut reasons: Vec<Reason> = issue
            .all_terms()
            .filter_map(|(language, term)| {
                let count = count_term(&text_words, term);
                (count > 0).then(|| Reason::Term { term: term.to_owned(), language: language.to_owned(), count })
            })
            .collect();
        // A term inside a longer term found too ("spam" in "spam filters") is not a second reason.
        let found: Vec<String> = reasons
            .iter()
            .filter_map(|r| if let Reason::Term { term, .. } = r { Some(fold(term)) } else { None })
            .collect();
        reasons.retain(|r| match r {
            Reason::Term { term, .. } => {
                let term = fold(term);
                !found.iter().any(|other| other.len() > term.len() && other.contains(&term))
            }
            Reason::Resembles { .. } => true,
        });
        if let Some(reason) = classifier.classify(&issue.id, &features)
            && matches!(reason, Reason::Resembles { probability, .. } if probability >= MIN_PROBABILITY)
        {
            reasons.push(reason);
        }
        if !reasons.is_empty() {
            suggestions.push(Suggestion { issue: issue.id.clone(), reasons });
        }
    }
    suggestions
}

#[cfg(test)]
mod tests {
    use super::*;
    use consulta_core::issue::starting_taxonomy;

    fn ids(suggestions: &[Suggestion]) -> Vec<&str> {
        suggestions.iter().map(|s| s.issue.as_str()).collect()
    }

    #[test]
    fn terms_are_found_in_english_and_french_whatever_the_case_and_accents() {
        let (issues, _, _) = starting_taxonomy();
        let none = Classifier::default();
        let english = suggest("We ask for stronger DATA PROTECTION and action on spam.", &issues, &none, &[]);
        assert_eq!(ids(&english), ["spam", "privacy"]);
        // seeds/003 §14, in French.
        let french = suggest(
            "les coûts internationaux d'interconnexion à Internet, la neutralité des réseaux et la protection de la \
             vie privée et des données",
            &issues,
            &none,
            &[],
        );
        assert_eq!(ids(&french), ["privacy", "interconnection_costs", "network_neutrality"]);
        let Reason::Term { term, language, count } = &french[0].reasons[0] else { panic!("a term") };
        assert_eq!((term.as_str(), language.as_str(), *count), ("vie privée", "fr", 1));
        assert!(suggest("Sans rapport.", &issues, &none, &[]).is_empty());
    }

    #[test]
    fn tags_already_given_are_not_suggested_again() {
        let (issues, _, _) = starting_taxonomy();
        let spam: IssueId = "spam".parse().expect("id");
        assert!(suggest("spam", &issues, &Classifier::default(), &[spam]).is_empty());
    }

    #[test]
    fn the_classifier_learns_from_tags_and_shows_the_words_that_weigh() {
        let (issues, _, _) = starting_taxonomy();
        let cir: Vec<IssueId> = vec!["critical_internet_resources".parse().expect("id")];
        let other: Vec<IssueId> = vec!["spam".parse().expect("id")];
        let texts = [
            ("Root zone stewardship and the IANA functions need oversight.", &cir),
            ("The IANA functions contract and root zone changes.", &cir),
            ("Stewardship of the root zone by a global body.", &cir),
            ("Filtering junk mail at the operators.", &other),
            ("Operators filter junk mail and phishing.", &other),
            ("Junk mail costs operators money.", &other),
            ("Community networks in rural areas.", &other),
        ];
        let classifier = Classifier::train(texts.iter().map(|(t, tags)| (*t, tags.as_slice())), &issues);
        assert_eq!(classifier.documents(), 7);
        // No term of the list occurs: only the classifier can suggest it.
        let suggestions = suggest("Who holds the root zone and the IANA stewardship?", &issues, &classifier, &[]);
        let cir = suggestions.iter().find(|s| s.issue.as_str() == "critical_internet_resources").expect("suggested");
        let Reason::Resembles { words, examples, probability } = &cir.reasons[0] else { panic!("classifier") };
        assert_eq!(*examples, 3);
        assert!(*probability >= MIN_PROBABILITY, "{probability}");
        let shown: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
        assert!(shown.contains(&"root") && shown.contains(&"iana"), "{shown:?}");
        // Too few examples of spam-like texts mention the words: no suggestion for unrelated text.
        assert!(suggest("Nothing in common here.", &issues, &classifier, &[]).is_empty());
    }
}
