//! Drafts under negotiation, as the command line and the pages use them: an amendment checked
//! against the latest revision before it is recorded, a revision made by applying the accepted
//! amendments in order, and the compilation text of the pending ones.

use consulta_core::{EntityId, EntityName};
use consulta_drafting::{AmendError, Amendment, Draft, Pending, compilation};
use consulta_i18n::Localizer;
use consulta_store::{AmendmentId, AuditActor, Store, StoreError, StoredAmendment, StoredDraft};

/// The longest justification an amendment may carry.
pub const MAX_JUSTIFICATION: usize = 2_000;

#[derive(Debug, thiserror::Error)]
pub enum DraftingError {
    #[error("there is no draft {0}")]
    UnknownDraft(String),
    #[error("no recorded entity is named {0}")]
    UnknownEntity(String),
    #[error(transparent)]
    Amend(#[from] AmendError),
    #[error("amendment {number}: {error}")]
    CannotApply { number: i64, error: AmendError },
    #[error("a justification has at most {MAX_JUSTIFICATION} characters")]
    JustificationTooLong,
    #[error("amendment {0} is not a pending amendment of this draft")]
    NotPending(i64),
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for DraftingError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotPending(id) => DraftingError::NotPending(id),
            other => DraftingError::Store(other),
        }
    }
}

impl DraftingError {
    /// The message key and its arguments, for the reader's language.
    pub fn message(&self, localizer: &Localizer) -> String {
        use consulta_i18n::Arg;
        let (key, args): (&str, Vec<(&str, Arg)>) = match self {
            DraftingError::UnknownDraft(symbol) => ("cli-draft-unknown", vec![("symbol", symbol.clone().into())]),
            DraftingError::UnknownEntity(name) => ("cli-unknown-entity", vec![("entity", name.clone().into())]),
            DraftingError::Amend(error) => return amend_message(error, localizer),
            DraftingError::CannotApply { number, error } => {
                let problem = amend_message(error, localizer);
                ("draft-cannot-apply", vec![("number", Arg::Number(*number as f64)), ("problem", problem.into())])
            }
            DraftingError::JustificationTooLong => {
                ("draft-justification-too-long", vec![("max", MAX_JUSTIFICATION.into())])
            }
            DraftingError::NotPending(id) => ("draft-not-pending", vec![("number", Arg::Number(*id as f64))]),
            DraftingError::Store(error) => return error.to_string(),
        };
        localizer.format(key, &args)
    }
}

/// What is wrong with an amendment, in the reader's language.
pub fn amend_message(error: &AmendError, localizer: &Localizer) -> String {
    match error {
        AmendError::BadPlace(place) => localizer.format("draft-bad-place", &[("place", place.clone().into())]),
        AmendError::NoSuchPlace(place) => {
            localizer.format("draft-no-such-place", &[("place", place.to_string().into())])
        }
        AmendError::WordsNotFound { place, from } => localizer
            .format("draft-words-not-found", &[("place", place.to_string().into()), ("words", from.clone().into())]),
        AmendError::Empty => localizer.text("draft-amendment-empty"),
        AmendError::Quoted => localizer.text("draft-amendment-quoted"),
    }
}

fn draft(store: &dyn Store, symbol: &str) -> Result<StoredDraft, DraftingError> {
    store.draft_by_symbol(symbol)?.ok_or_else(|| DraftingError::UnknownDraft(symbol.to_owned()))
}

/// The recorded entity named `name` (case and spacing ignored).
pub fn entity_named(store: &mut dyn Store, name: &str) -> Result<EntityId, DraftingError> {
    let unknown = || DraftingError::UnknownEntity(name.to_owned());
    let parsed: EntityName = name.parse().map_err(|_| unknown())?;
    Ok(consulta_store::audited::recorded_entity(store, &parsed)?.ok_or_else(unknown)?.id)
}

/// Records an amendment to a draft's latest revision once it is seen to apply there.
pub fn propose(
    store: &mut dyn Store,
    symbol: &str,
    amendment: &Amendment,
    justification: &str,
    proposer: Option<EntityId>,
    by: &AuditActor,
) -> Result<AmendmentId, DraftingError> {
    if justification.chars().count() > MAX_JUSTIFICATION {
        return Err(DraftingError::JustificationTooLong);
    }
    let stored = draft(store, symbol)?;
    stored.text.amended(amendment)?;
    Ok(store.propose_amendment(stored.id, amendment, justification.trim(), proposer, by)?)
}

/// Makes the next revision: the accepted amendments applied in the order given to the latest
/// revision, the rejected ones closed; returns its number.
pub fn revise(
    store: &mut dyn Store,
    symbol: &str,
    accepted: &[i64],
    rejected: &[i64],
    by: &AuditActor,
) -> Result<u32, DraftingError> {
    let stored = draft(store, symbol)?;
    let amendments = store.draft_amendments(stored.id)?;
    let pending = |number: i64| {
        amendments.iter().find(|a| a.id.0 == number && a.status == "pending").ok_or(DraftingError::NotPending(number))
    };
    let mut text: Draft = stored.text.clone();
    for number in accepted {
        let amendment = pending(*number)?;
        text = text
            .amended(&amendment.amendment)
            .map_err(|error| DraftingError::CannotApply { number: *number, error })?;
    }
    for number in rejected {
        pending(*number)?;
    }
    let ids = |numbers: &[i64]| numbers.iter().map(|n| AmendmentId(*n)).collect::<Vec<_>>();
    Ok(store.revise_draft(stored.id, &text, &ids(accepted), &ids(rejected), by)?)
}

/// A stored amendment as the compilation text names it.
fn pending_of(amendment: &StoredAmendment, localizer: &Localizer) -> Pending {
    Pending {
        number: amendment.id.0.unsigned_abs(),
        amendment: amendment.amendment.clone(),
        proposers: vec![
            amendment.proposer.as_ref().map_or_else(|| localizer.text("role-secretariat"), |(_, n)| n.clone()),
        ],
        supporters: amendment.supporters.clone(),
    }
}

/// The compilation text of a draft's latest revision with its pending amendments, and the
/// pending amendments whose place the revision no longer has.
pub fn compilation_text(
    store: &dyn Store,
    symbol: &str,
    localizer: &Localizer,
) -> Result<(String, Vec<StoredAmendment>), DraftingError> {
    let stored = draft(store, symbol)?;
    let (placed, lost): (Vec<StoredAmendment>, Vec<StoredAmendment>) = store
        .draft_amendments(stored.id)?
        .into_iter()
        .filter(|a| a.status == "pending")
        .partition(|a| stored.text.amended(&a.amendment).is_ok());
    let pending: Vec<Pending> = placed.iter().map(|a| pending_of(a, localizer)).collect();
    Ok((compilation(&stored.text, &pending, &localizer.text("draft-supported-by")), lost))
}

/// A draft as a document the report's writers set (HTML, Markdown, DOCX, PDF): its symbol and
/// revision on the masthead, its title, the author line, each section's verb phrase in italics,
/// its items with their labels hanging, quoted paragraphs with their own numbers.
pub fn document(
    draft: &Draft,
    symbol: &str,
    revision: u32,
    language: &str,
    localizer: &Localizer,
) -> crate::document::Document {
    use crate::document::{Block, Document, FrontMatter, Span};
    fn write_items(out: &mut Vec<Block>, items: &[consulta_drafting::Item], depth: usize) {
        use consulta_drafting::Item;
        let labels = Draft::labels(items, depth);
        let mut numbered = labels.iter();
        for item in items {
            match item {
                Item::Paragraph { text } => {
                    out.push(Block::Item { label: None, depth, spans: vec![Span::Text(text.clone())] })
                }
                Item::Numbered { text, items: children } => {
                    let label = numbered.next().map(|(l, _)| l.clone());
                    out.push(Block::Item { label, depth, spans: vec![Span::Text(text.clone())] });
                    write_items(out, children, depth + 1);
                }
                Item::Quoted { number, text } => out.push(Block::Item {
                    label: number.clone(),
                    depth: depth + 1,
                    spans: vec![Span::Text(format!("“{text}”"))],
                }),
            }
        }
    }
    let mut blocks = vec![Block::Paragraph { number: None, spans: vec![Span::Text(draft.author.clone())] }];
    for section in &draft.sections {
        blocks.push(Block::Phrase { phrase: section.phrase.clone(), rest: section.addressees.clone() });
        write_items(&mut blocks, &section.items, 0);
    }
    let revision_label = if revision == 0 {
        localizer.text("draft-revision-original")
    } else {
        localizer.format("draft-revision", &[("number", u64::from(revision).into())])
    };
    let masthead =
        [Some(symbol.to_owned()), Some(revision_label), draft.place_and_date.clone()].into_iter().flatten().collect();
    Document {
        language: language.to_owned(),
        front: FrontMatter::default(),
        masthead,
        title: draft.title.clone(),
        subtitle: localizer.format("draft-page-title", &[("symbol", symbol.into())]),
        blocks,
        separate_annex: None,
    }
}
