//! The issue classifier trained on the record: every tagged, published contribution, its text
//! made into terms by the search's own analysis (`SearchTerms`). The web's tagging page and
//! `consulta tags evaluate` both train it here.

use std::collections::BTreeMap;
use std::sync::Arc;

use consulta_analysis::{Classifier, Tagged};
use consulta_core::{ContributionId, Issue, IssueId};
use consulta_store::{Store, StoreError};

use crate::SearchTerms;

/// Contributions read from the store at a time.
const BATCH: usize = 500;

/// Every tagged contribution's text, with its language and its tags.
pub fn tagged_texts(store: &dyn Store) -> Result<Vec<Tagged>, StoreError> {
    let mut tags: BTreeMap<ContributionId, Vec<IssueId>> = BTreeMap::new();
    for (contribution, issue) in store.issue_tags(None)? {
        tags.entry(contribution).or_default().push(issue);
    }
    let ids: Vec<ContributionId> = tags.keys().copied().collect();
    let mut tagged = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(BATCH) {
        for text in store.public_texts(chunk)? {
            tagged.push(Tagged {
                text: format!("{}\n{}\n{}", text.title, text.body, text.attachments_text),
                language: text.language,
                issues: tags.remove(&text.id).unwrap_or_default(),
            });
        }
    }
    Ok(tagged)
}

/// The classifier, trained on every tag given so far, calibrated and evaluated.
pub fn train_classifier(store: &dyn Store, issues: &[Issue]) -> Result<Classifier, StoreError> {
    Ok(Classifier::train(&tagged_texts(store)?, issues, Arc::new(SearchTerms)))
}
