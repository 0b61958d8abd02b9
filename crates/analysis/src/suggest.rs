//! Issue suggestions that say why. Two methods, both shown to the secretariat as they work:
//! the issue's own term lists (a term found in the text, in any language), and the classifier
//! trained on the tags already given (`classifier.rs`: the words that weigh most for the issue,
//! and a calibrated probability).

use consulta_core::{Issue, IssueId};

use crate::classifier::Classifier;
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

/// The issues `text` suggests, in the taxonomy's order, each with its reasons. Issues in
/// `already` (the tags it has) are left out.
pub fn suggest(
    text: &str,
    language: &str,
    issues: &[Issue],
    classifier: &Classifier,
    already: &[IssueId],
) -> Vec<Suggestion> {
    let text_words = words(text);
    let mut verdicts = classifier.verdicts(text, language);
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
        if let Some(verdict) = verdicts.remove(&issue.id) {
            reasons.push(Reason::Resembles {
                words: verdict.words,
                examples: verdict.examples,
                probability: verdict.probability,
            });
        }
        if !reasons.is_empty() {
            suggestions.push(Suggestion { issue: issue.id.clone(), reasons });
        }
    }
    suggestions
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::classifier::{FoldedWords, MIN_PROBABILITY, Tagged};
    use consulta_core::issue::starting_taxonomy;

    fn ids(suggestions: &[Suggestion]) -> Vec<&str> {
        suggestions.iter().map(|s| s.issue.as_str()).collect()
    }

    #[test]
    fn terms_are_found_in_english_and_french_whatever_the_case_and_accents() {
        let (issues, _, _) = starting_taxonomy();
        let none = Classifier::default();
        let english = suggest("We ask for stronger DATA PROTECTION and action on spam.", "en", &issues, &none, &[]);
        assert_eq!(ids(&english), ["spam", "privacy"]);
        // seeds/003 §14, in French.
        let french = suggest(
            "les coûts internationaux d'interconnexion à Internet, la neutralité des réseaux et la protection de la \
             vie privée et des données",
            "fr",
            &issues,
            &none,
            &[],
        );
        assert_eq!(ids(&french), ["privacy", "interconnection_costs", "network_neutrality"]);
        let Reason::Term { term, language, count } = &french[0].reasons[0] else { panic!("a term") };
        assert_eq!((term.as_str(), language.as_str(), *count), ("vie privée", "fr", 1));
        assert!(suggest("Sans rapport.", "fr", &issues, &none, &[]).is_empty());
    }

    #[test]
    fn tags_already_given_are_not_suggested_again() {
        let (issues, _, _) = starting_taxonomy();
        let spam: IssueId = "spam".parse().expect("id");
        assert!(suggest("spam", "en", &issues, &Classifier::default(), &[spam]).is_empty());
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
        let tagged: Vec<Tagged> = texts
            .iter()
            .map(|(text, issues)| Tagged { text: (*text).to_owned(), language: "en".into(), issues: issues.to_vec() })
            .collect();
        let classifier = Classifier::train(&tagged, &issues, Arc::new(FoldedWords));
        assert_eq!(classifier.documents(), 7);
        // No term of the list occurs: only the classifier can suggest it.
        let suggestions = suggest("Who holds the root zone and the IANA stewardship?", "en", &issues, &classifier, &[]);
        let cir = suggestions.iter().find(|s| s.issue.as_str() == "critical_internet_resources").expect("suggested");
        let Reason::Resembles { words, examples, probability } = &cir.reasons[0] else { panic!("classifier") };
        assert_eq!(*examples, 3);
        assert!(*probability >= MIN_PROBABILITY, "{probability}");
        let shown: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
        assert!(shown.contains(&"root") && shown.contains(&"IANA"), "the words as written: {shown:?}");
        // Too few examples of spam-like texts mention the words: no suggestion for unrelated text.
        assert!(suggest("Nothing in common here.", "en", &issues, &classifier, &[]).is_empty());
    }
}
