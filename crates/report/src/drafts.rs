//! Drafts under negotiation, as the command line and the pages use them: an amendment checked
//! against the latest revision before it is recorded, a stance on a pending one, a revision made
//! by applying the accepted amendments in order, the compilation text of the pending ones, and a
//! revision or the compilation text written out in each of the forms a draft is read in.

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
    #[error("draft {symbol} has no revision {revision}")]
    NoRevision { symbol: String, revision: u32 },
    #[error("the draft could not be written out: {0}")]
    Render(String),
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
            DraftingError::NoRevision { symbol, revision } => (
                "cli-draft-no-revision",
                vec![("symbol", symbol.clone().into()), ("revision", u64::from(*revision).into())],
            ),
            DraftingError::Render(detail) => return detail.clone(),
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

/// The draft known by `symbol`.
pub fn draft(store: &dyn Store, symbol: &str) -> Result<StoredDraft, DraftingError> {
    store.draft_by_symbol(symbol)?.ok_or_else(|| DraftingError::UnknownDraft(symbol.to_owned()))
}

/// One revision of a draft's text.
pub fn revision_text(store: &dyn Store, draft: &StoredDraft, revision: u32) -> Result<Draft, DraftingError> {
    store
        .draft_revision(draft.id, revision)?
        .ok_or_else(|| DraftingError::NoRevision { symbol: draft.symbol.clone(), revision })
}

/// "Original text" for revision 0, "Rev.2" after.
pub fn revision_label(revision: u32, localizer: &Localizer) -> String {
    if revision == 0 {
        localizer.text("draft-revision-original")
    } else {
        localizer.format("draft-revision", &[("number", u64::from(revision).into())])
    }
}

/// An entity supports (or opposes) one of a draft's pending amendments.
pub fn take_stance(
    store: &mut dyn Store,
    symbol: &str,
    number: i64,
    entity: EntityId,
    support: bool,
    by: &AuditActor,
) -> Result<(), DraftingError> {
    let stored = draft(store, symbol)?;
    let pending = store.draft_amendments(stored.id)?.iter().any(|a| a.id.0 == number && a.status == "pending");
    if !pending {
        return Err(DraftingError::NotPending(number));
    }
    Ok(store.take_stance(AmendmentId(number), entity, support, by)?)
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
    let masthead = [Some(symbol.to_owned()), Some(revision_label(revision, localizer)), draft.place_and_date.clone()]
        .into_iter()
        .flatten()
        .collect();
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

/// The forms a draft is written out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftFile {
    /// Akoma Ntoso 3.0 XML, which `draft import` reads back.
    Akn,
    /// Plain text in the shape `draft import` reads.
    Text,
    /// The structure as JSON.
    Json,
    Html,
    Markdown,
    Docx,
    Pdf,
}

impl DraftFile {
    pub fn media_type(self) -> &'static str {
        match self {
            DraftFile::Akn => "application/akn+xml",
            DraftFile::Text => "text/plain; charset=utf-8",
            DraftFile::Json => "application/json",
            DraftFile::Html => "text/html; charset=utf-8",
            DraftFile::Markdown => "text/markdown; charset=utf-8",
            DraftFile::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            DraftFile::Pdf => "application/pdf",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            DraftFile::Akn => "xml",
            DraftFile::Text => "txt",
            DraftFile::Json => "json",
            DraftFile::Html => "html",
            DraftFile::Markdown => "md",
            DraftFile::Docx => "docx",
            DraftFile::Pdf => "pdf",
        }
    }
}

/// Which text of a draft to write out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Latest,
    Revision(u32),
    /// The latest revision with the pending amendments in brackets.
    Compilation,
}

/// A draft written out, and the name its file goes by ("WTPF-13-6-rev1.pdf").
#[derive(Debug)]
pub struct Exported {
    pub bytes: Vec<u8>,
    pub name: String,
}

/// A revision of a draft, or its compilation text, in one of the forms a draft is read in.
pub fn export(
    store: &dyn Store,
    symbol: &str,
    which: Which,
    file: DraftFile,
    localizer: &Localizer,
) -> Result<Exported, DraftingError> {
    let stored = draft(store, symbol)?;
    let (revision, text) = match which {
        Which::Latest => (stored.revision, stored.text.clone()),
        Which::Revision(revision) => (revision, revision_text(store, &stored, revision)?),
        // The compilation text has the shape of a draft's text, brackets inside its items: read
        // back, it is set like one.
        Which::Compilation => {
            let (compiled, _) = compilation_text(store, symbol, localizer)?;
            let parsed = consulta_drafting::parse(&compiled).map_err(|e| DraftingError::Render(e.to_string()))?;
            (stored.revision, parsed.draft)
        }
    };
    let set = |format: crate::ReportFormat| {
        let document = document(&text, &stored.symbol, revision, &stored.language, localizer);
        crate::render_report(&document, format).map_err(|e| DraftingError::Render(e.to_string()))
    };
    let bytes = match file {
        DraftFile::Akn => {
            // A revision is its own expression of the work: its symbol says which.
            let symbol =
                if revision == 0 { stored.symbol.clone() } else { format!("{}/Rev.{revision}", stored.symbol) };
            let date = stored.created_at.to_zoned(jiff::tz::TimeZone::UTC).date().to_string();
            let identity = consulta_drafting::Identity { symbol: &symbol, language: &stored.language, date: &date };
            consulta_drafting::to_akn(&text, &identity).into_bytes()
        }
        DraftFile::Text => text.plain_text().into_bytes(),
        DraftFile::Json => {
            let json = serde_json::to_string_pretty(&text).map_err(|e| DraftingError::Render(e.to_string()))?;
            (json + "\n").into_bytes()
        }
        DraftFile::Html => set(crate::ReportFormat::Html)?,
        DraftFile::Markdown => set(crate::ReportFormat::Markdown)?,
        DraftFile::Docx => set(crate::ReportFormat::Docx)?,
        DraftFile::Pdf => set(crate::ReportFormat::Pdf)?,
    };
    let base: String =
        stored.symbol.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    let part = if which == Which::Compilation { "compilation".to_owned() } else { format!("rev{revision}") };
    Ok(Exported { bytes, name: format!("{base}-{part}.{}", file.extension()) })
}
