//! Drafts under negotiation, as the command line, the pages and the API use them: an amendment
//! checked against the latest revision before it is recorded, a stance on a pending one, the
//! secretariat's merging of several into one, a revision made by applying the accepted
//! amendments in order, paragraphs agreed ad referendum, the draft's status, the compilation text
//! of the pending amendments, and a revision or the compilation text written out in each of the
//! forms a draft is read in.

use consulta_core::{EntityId, EntityName};
use consulta_drafting::{
    AmendError, Amendment, AmendmentStatus, CompilationWords, Draft, DraftStatus, Pending, Place, StatusError,
    agreed_carried_over, compilation,
};
use consulta_i18n::Localizer;
use consulta_store::{AuditActor, ProposedAmendment, Revised, Store, StoreError, StoredAmendment, StoredDraft};

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
    CannotApply { number: u32, error: AmendError },
    #[error("a justification has at most {MAX_JUSTIFICATION} characters")]
    JustificationTooLong,
    #[error("amendment {0} is not a pending amendment of this draft")]
    NotPending(u32),
    #[error("draft {symbol} has no revision {revision}")]
    NoRevision { symbol: String, revision: u32 },
    #[error("the draft is {0}: its text is no longer negotiated")]
    Closed(&'static str),
    #[error(transparent)]
    Status(#[from] StatusError),
    #[error("{place} has amendments pending: it cannot be agreed while they are")]
    AgreedWithPending { place: Place },
    #[error("a merge combines at least two pending amendments")]
    MergeTooFew,
    #[error("draft {symbol} has no amendment {number}")]
    NoAmendment { symbol: String, number: u32 },
    #[error("an amendment is written as Akoma Ntoso or JSON")]
    AmendmentFormat,
    #[error("a comparison is written as HTML, Markdown, DOCX, PDF or text")]
    ComparisonFormat,
    #[error("the draft could not be written out: {0}")]
    Render(String),
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for DraftingError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotPending(number) => DraftingError::NotPending(number),
            StoreError::DraftClosed(status) => DraftingError::Closed(status),
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
                ("draft-cannot-apply", vec![("number", u64::from(*number).into()), ("problem", problem.into())])
            }
            DraftingError::JustificationTooLong => {
                ("draft-justification-too-long", vec![("max", MAX_JUSTIFICATION.into())])
            }
            DraftingError::NotPending(number) => ("draft-not-pending", vec![("number", u64::from(*number).into())]),
            DraftingError::NoRevision { symbol, revision } => (
                "cli-draft-no-revision",
                vec![("symbol", symbol.clone().into()), ("revision", u64::from(*revision).into())],
            ),
            DraftingError::Closed(status) => {
                ("draft-closed", vec![("status", localizer.text(&format!("draft-status-{status}")).into())])
            }
            DraftingError::Status(StatusError::Unknown(given)) => {
                ("draft-status-unknown", vec![("status", given.clone().into())])
            }
            DraftingError::Status(StatusError::Refused { from, to }) => (
                "draft-status-refused",
                vec![
                    ("from", localizer.text(&format!("draft-status-{from}")).into()),
                    ("to", localizer.text(&format!("draft-status-{to}")).into()),
                ],
            ),
            DraftingError::Status(StatusError::Pending(count)) => {
                ("draft-status-pending", vec![("count", (*count).into())])
            }
            DraftingError::AgreedWithPending { place } => {
                ("draft-agreed-with-pending", vec![("place", place.to_string().into())])
            }
            DraftingError::MergeTooFew => ("draft-merge-too-few", vec![]),
            DraftingError::NoAmendment { symbol, number } => {
                ("draft-no-amendment", vec![("symbol", symbol.clone().into()), ("number", u64::from(*number).into())])
            }
            DraftingError::AmendmentFormat => ("draft-amendment-format", vec![]),
            DraftingError::ComparisonFormat => ("draft-comparison-format", vec![]),
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

/// An entity supports (or opposes) one of a draft's pending amendments (its number).
pub fn take_stance(
    store: &mut dyn Store,
    symbol: &str,
    number: u32,
    entity: EntityId,
    support: bool,
    by: &AuditActor,
) -> Result<(), DraftingError> {
    let stored = draft(store, symbol)?;
    Ok(store.take_stance(stored.id, number, entity, support, by)?)
}

/// The recorded entity named `name` (case and spacing ignored).
pub fn entity_named(store: &mut dyn Store, name: &str) -> Result<EntityId, DraftingError> {
    let unknown = || DraftingError::UnknownEntity(name.to_owned());
    let parsed: EntityName = name.parse().map_err(|_| unknown())?;
    Ok(consulta_store::audited::recorded_entity(store, &parsed)?.ok_or_else(unknown)?.id)
}

fn check_justification(justification: &str) -> Result<&str, DraftingError> {
    if justification.chars().count() > MAX_JUSTIFICATION {
        return Err(DraftingError::JustificationTooLong);
    }
    Ok(justification.trim())
}

/// Records an amendment to a draft's latest revision once it is seen to apply there: numbered
/// next in the draft, a leaf of the public log.
pub fn propose(
    store: &mut dyn Store,
    symbol: &str,
    amendment: &Amendment,
    justification: &str,
    proposer: Option<EntityId>,
    by: &AuditActor,
) -> Result<ProposedAmendment, DraftingError> {
    let justification = check_justification(justification)?;
    let stored = draft(store, symbol)?;
    stored.text.amended(amendment)?;
    Ok(store.propose_amendment(stored.id, amendment, justification, proposer, by)?)
}

/// The secretariat's amendment combining several pending ones (`merged`, at least two), which
/// are closed as merged into it.
pub fn merge(
    store: &mut dyn Store,
    symbol: &str,
    merged: &[u32],
    amendment: &Amendment,
    justification: &str,
    by: &AuditActor,
) -> Result<ProposedAmendment, DraftingError> {
    let justification = check_justification(justification)?;
    let mut numbers = merged.to_vec();
    numbers.sort_unstable();
    numbers.dedup();
    if numbers.len() < 2 {
        return Err(DraftingError::MergeTooFew);
    }
    let stored = draft(store, symbol)?;
    stored.text.amended(amendment)?;
    Ok(store.merge_amendments(stored.id, &numbers, amendment, justification, by)?)
}

/// Makes the next revision: the accepted amendments applied in the order given to the latest
/// revision, the rejected ones closed, the marks of agreement kept where the words are the same;
/// returns its number.
pub fn revise(
    store: &mut dyn Store,
    symbol: &str,
    accepted: &[u32],
    rejected: &[u32],
    by: &AuditActor,
) -> Result<u32, DraftingError> {
    let stored = draft(store, symbol)?;
    let amendments = store.draft_amendments(stored.id)?;
    let pending = |number: u32| {
        amendments
            .iter()
            .find(|a| a.number == number && a.status == AmendmentStatus::Pending)
            .ok_or(DraftingError::NotPending(number))
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
    let agreed = agreed_carried_over(&stored.text, &text, &stored.agreed);
    let revised = Revised { text: &text, accepted, rejected, agreed: &agreed };
    Ok(store.revise_draft(stored.id, &revised, by)?)
}

/// Marks a paragraph of the latest revision agreed ad referendum (or takes the mark back): only
/// a place the text has, and no amendment pending there.
pub fn mark_agreed(
    store: &mut dyn Store,
    symbol: &str,
    place: &Place,
    agreed: bool,
    by: &AuditActor,
) -> Result<(), DraftingError> {
    let stored = draft(store, symbol)?;
    if agreed {
        stored.text.item_at(place).ok_or_else(|| AmendError::NoSuchPlace(place.clone()))?;
        let pending = store.draft_amendments(stored.id)?;
        if pending.iter().any(|a| a.status == AmendmentStatus::Pending && place.holds(&a.amendment.place)) {
            return Err(DraftingError::AgreedWithPending { place: place.clone() });
        }
    }
    Ok(store.mark_agreed(stored.id, place, agreed, by)?)
}

/// Moves a draft to `status`, if its present status and pending amendments allow it.
pub fn set_status(
    store: &mut dyn Store,
    symbol: &str,
    status: DraftStatus,
    by: &AuditActor,
) -> Result<(), DraftingError> {
    let stored = draft(store, symbol)?;
    let pending = store.draft_amendments(stored.id)?.iter().filter(|a| a.status == AmendmentStatus::Pending).count();
    stored.status.may_become(status, pending)?;
    Ok(store.set_draft_status(stored.id, status, by)?)
}

/// Who proposed an amendment, as the reader names them: the entity, or the secretariat.
pub fn proposer_name(amendment: &StoredAmendment, localizer: &Localizer) -> String {
    amendment.proposer.as_ref().map_or_else(|| localizer.text("role-secretariat"), |(_, n)| n.clone())
}

/// A stored amendment as the compilation text names it.
fn pending_of(amendment: &StoredAmendment, localizer: &Localizer) -> Pending {
    Pending {
        number: u64::from(amendment.number),
        amendment: amendment.amendment.clone(),
        proposers: vec![proposer_name(amendment, localizer)],
        supporters: amendment.supporters.clone(),
    }
}

/// The compilation text of a draft's latest revision with its pending amendments and its
/// paragraphs agreed ad referendum, and the pending amendments whose place the revision no
/// longer has.
pub fn compilation_text(
    store: &dyn Store,
    symbol: &str,
    localizer: &Localizer,
) -> Result<(String, Vec<StoredAmendment>), DraftingError> {
    let stored = draft(store, symbol)?;
    let (placed, lost): (Vec<StoredAmendment>, Vec<StoredAmendment>) = store
        .draft_amendments(stored.id)?
        .into_iter()
        .filter(|a| a.status == AmendmentStatus::Pending)
        .partition(|a| stored.text.amended(&a.amendment).is_ok());
    let pending: Vec<Pending> = placed.iter().map(|a| pending_of(a, localizer)).collect();
    let (supported_by, agreed) = (localizer.text("draft-supported-by"), localizer.text("draft-agreed-ad-referendum"));
    let words = CompilationWords { supported_by: &supported_by, agreed: &agreed };
    Ok((compilation(&stored.text, &pending, &stored.agreed, &words), lost))
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
        separate_annex: false,
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
    /// One amendment (its number in the draft): as an Akoma Ntoso `amendment` document, or its
    /// canonical record as JSON.
    Amendment(u32),
    /// A revision (the latest if None) compared with an earlier one: what it inserts
    /// underlined, what it strikes out struck through, in its layout (HTML, Markdown, DOCX, PDF,
    /// or text marked [+…+] and [-…-]).
    Comparison {
        earlier: u32,
        later: Option<u32>,
    },
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
        Which::Amendment(number) => return export_amendment(store, &stored, number, file, localizer),
        Which::Comparison { earlier, later } => {
            let later = later.unwrap_or(stored.revision);
            return export_comparison(store, &stored, earlier, later, file, localizer);
        }
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
    let part = if which == Which::Compilation { "compilation".to_owned() } else { format!("rev{revision}") };
    Ok(Exported { bytes, name: file_name(&stored.symbol, &part, file) })
}

/// A revision compared with an earlier one, set as the report's writers set a draft (or as text
/// marked [+…+] and [-…-]); not as Akoma Ntoso or JSON, which hold texts, not their differences.
fn export_comparison(
    store: &dyn Store,
    stored: &StoredDraft,
    earlier: u32,
    later: u32,
    file: DraftFile,
    localizer: &Localizer,
) -> Result<Exported, DraftingError> {
    let (before, after) = (revision_text(store, stored, earlier)?, revision_text(store, stored, later)?);
    let bytes = match file {
        DraftFile::Text => consulta_drafting::marked(&consulta_drafting::compare(&before, &after)).into_bytes(),
        DraftFile::Akn | DraftFile::Json => return Err(DraftingError::ComparisonFormat),
        set => {
            let document = comparison_document(&before, &after, stored, (earlier, later), localizer);
            let format = match set {
                DraftFile::Html => crate::ReportFormat::Html,
                DraftFile::Markdown => crate::ReportFormat::Markdown,
                DraftFile::Docx => crate::ReportFormat::Docx,
                _ => crate::ReportFormat::Pdf,
            };
            crate::render_report(&document, format).map_err(|e| DraftingError::Render(e.to_string()))?
        }
    };
    Ok(Exported { bytes, name: file_name(&stored.symbol, &format!("rev{later}-compared-rev{earlier}"), file) })
}

/// Two revisions compared, as a document in the later one's layout: each line's words kept,
/// inserted (underlined) or struck out, labels hanging, verb phrases in italics where unchanged.
fn comparison_document(
    before: &Draft,
    after: &Draft,
    stored: &StoredDraft,
    (earlier, later): (u32, u32),
    localizer: &Localizer,
) -> crate::document::Document {
    use crate::document::{Block, Document, FrontMatter, Span};
    use consulta_drafting::{LineKind, Run};
    let spans = |runs: &[Run]| -> Vec<Span> {
        runs.iter()
            .map(|run| match run {
                Run::Kept(text) => Span::Text(text.clone()),
                Run::Inserted(text) => Span::Inserted(text.clone()),
                Run::Deleted(text) => Span::Deleted(text.clone()),
            })
            .collect()
    };
    let intro = localizer.format(
        "draft-compare-intro",
        &[("earlier", revision_label(earlier, localizer).into()), ("later", revision_label(later, localizer).into())],
    );
    let mut blocks = vec![Block::Paragraph { number: None, spans: vec![Span::Text(intro)] }];
    for compared in consulta_drafting::compare_lines(before, after) {
        let line = &compared.line;
        let unchanged = compared.runs.iter().all(|r| matches!(r, Run::Kept(_)));
        match &line.kind {
            // The title and place are the later revision's, on the document's own lines.
            LineKind::Title | LineKind::Place => {}
            LineKind::Phrase { addressees } if unchanged => {
                blocks.push(Block::Phrase { phrase: line.text.clone(), rest: addressees.clone() })
            }
            LineKind::Author | LineKind::Phrase { .. } => {
                blocks.push(Block::Paragraph { number: None, spans: spans(&compared.runs) })
            }
            LineKind::Paragraph => {
                blocks.push(Block::Item { label: None, depth: line.depth, spans: spans(&compared.runs) })
            }
            LineKind::Numbered { label } => {
                blocks.push(Block::Item { label: Some(label.clone()), depth: line.depth, spans: spans(&compared.runs) })
            }
            LineKind::Quoted { number } => {
                let mut quoted = vec![Span::Text("“".into())];
                quoted.extend(spans(&compared.runs));
                quoted.push(Span::Text("”".into()));
                blocks.push(Block::Item { label: number.clone(), depth: line.depth + 1, spans: quoted });
            }
        }
    }
    let masthead = [Some(stored.symbol.clone()), Some(revision_label(later, localizer)), after.place_and_date.clone()]
        .into_iter()
        .flatten()
        .collect();
    Document {
        language: stored.language.clone(),
        front: FrontMatter::default(),
        masthead,
        title: after.title.clone(),
        subtitle: localizer.format("draft-page-title", &[("symbol", stored.symbol.clone().into())]),
        blocks,
        separate_annex: false,
    }
}

/// A draft's file name: "WTPF-13-6-rev1.pdf".
fn file_name(symbol: &str, part: &str, file: DraftFile) -> String {
    let base: String = symbol.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    format!("{base}-{part}.{}", file.extension())
}

/// One amendment as an Akoma Ntoso `amendment` document referring to the revision it was
/// proposed to, or its canonical record (JSON).
fn export_amendment(
    store: &dyn Store,
    stored: &StoredDraft,
    number: u32,
    file: DraftFile,
    localizer: &Localizer,
) -> Result<Exported, DraftingError> {
    let missing = || DraftingError::NoAmendment { symbol: stored.symbol.clone(), number };
    let amendments = store.draft_amendments(stored.id)?;
    let amendment = amendments.iter().find(|a| a.number == number).ok_or_else(missing)?;
    let bytes = match file {
        DraftFile::Akn => {
            let revised = if amendment.revision == 0 {
                stored.symbol.clone()
            } else {
                format!("{}/Rev.{}", stored.symbol, amendment.revision)
            };
            let draft_date = stored.created_at.to_zoned(jiff::tz::TimeZone::UTC).date().to_string();
            let date = amendment.proposed_at.to_zoned(jiff::tz::TimeZone::UTC).date().to_string();
            let proposer = proposer_name(amendment, localizer);
            let heading = localizer.format(
                "draft-amendment-heading",
                &[
                    ("number", u64::from(number).into()),
                    ("symbol", revised.clone().into()),
                    ("proposer", proposer.into()),
                ],
            );
            let document = consulta_drafting::AmendmentDocument {
                draft: consulta_drafting::Identity { symbol: &revised, language: &stored.language, date: &draft_date },
                number,
                date: &date,
                heading: &heading,
                proposer: amendment.proposer.as_ref().map(|(_, name)| name.as_str()),
                amendment: &amendment.amendment,
                justification: &amendment.justification,
            };
            consulta_drafting::amendment_to_akn(&document).into_bytes()
        }
        DraftFile::Json => store.amendment_record(amendment.id)?.ok_or_else(missing)?.to_bytes(),
        _ => return Err(DraftingError::AmendmentFormat),
    };
    Ok(Exported { bytes, name: file_name(&stored.symbol, &format!("amendment{number}"), file) })
}

/// An amendment as the API and the page show it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct AmendmentView {
    /// Its number in the draft, from 1.
    pub number: u32,
    /// The revision it was proposed to.
    pub revision: u32,
    /// Where: the section's number, then the item's labels ("2/b/ii"; "5/p1" for a paragraph).
    pub place: String,
    /// What it does: `{"kind": "replace", "from", "to"}`, `{"kind": "delete"}` or
    /// `{"kind": "insert_after", "text"}`.
    #[schema(value_type = Object)]
    pub change: serde_json::Value,
    pub justification: String,
    /// The proposing entity; null for the secretariat.
    pub proposer: Option<String>,
    pub supporters: Vec<String>,
    pub opponents: Vec<String>,
    /// `pending`, `accepted`, `rejected` or `merged`.
    pub status: &'static str,
    /// The revision that accepted it.
    pub decided_revision: Option<u32>,
    /// The secretariat's amendment it was merged into.
    pub merged_into: Option<u32>,
    /// Its leaf in the public log.
    pub leaf_index: Option<u64>,
    /// RFC 3339.
    pub proposed_at: String,
}

impl From<&StoredAmendment> for AmendmentView {
    fn from(a: &StoredAmendment) -> Self {
        AmendmentView {
            number: a.number,
            revision: a.revision,
            place: a.amendment.place.to_string(),
            change: serde_json::to_value(&a.amendment.change).unwrap_or_default(),
            justification: a.justification.clone(),
            proposer: a.proposer.as_ref().map(|(_, name)| name.clone()),
            supporters: a.supporters.clone(),
            opponents: a.opponents.clone(),
            status: a.status.as_str(),
            decided_revision: a.decided_revision,
            merged_into: a.merged_into,
            leaf_index: a.leaf_index,
            proposed_at: a.proposed_at.to_string(),
        }
    }
}

/// A draft as the API gives it: where it stands, one revision's structure, the marks of
/// agreement and every amendment.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct DraftView {
    pub symbol: String,
    /// The consultation's slug.
    pub consultation: String,
    pub language: String,
    /// `proposal`, `negotiation`, `agreed` or `adopted`.
    pub status: &'static str,
    /// The revision given (0: as recorded).
    pub revision: u32,
    /// The latest revision's number.
    pub latest: u32,
    /// The revision's structure: title, author, sections (preambular or operative, their verb
    /// phrase and addressees) and items; labels are derived from place.
    #[schema(value_type = Object)]
    pub text: serde_json::Value,
    /// The latest revision's places agreed ad referendum.
    pub agreed: Vec<String>,
    pub amendments: Vec<AmendmentView>,
}

/// A draft's view at `revision` (default the latest).
pub fn draft_view(store: &dyn Store, symbol: &str, revision: Option<u32>) -> Result<DraftView, DraftingError> {
    let stored = draft(store, symbol)?;
    let revision = revision.unwrap_or(stored.revision);
    let text = revision_text(store, &stored, revision)?;
    let consultation =
        store.consultation(stored.consultation)?.ok_or_else(|| DraftingError::UnknownDraft(symbol.to_owned()))?;
    Ok(DraftView {
        symbol: stored.symbol.clone(),
        consultation: consultation.record.slug.as_str().to_owned(),
        language: stored.language.clone(),
        status: stored.status.as_str(),
        revision,
        latest: stored.revision,
        text: serde_json::to_value(&text).map_err(|e| DraftingError::Render(e.to_string()))?,
        agreed: stored.agreed.iter().map(ToString::to_string).collect(),
        amendments: store.draft_amendments(stored.id)?.iter().map(AmendmentView::from).collect(),
    })
}

/// The row of a draft's amendment `number`, for its record and its proof.
pub fn amendment_id(
    store: &dyn Store,
    symbol: &str,
    number: u32,
) -> Result<Option<consulta_store::AmendmentId>, DraftingError> {
    let stored = draft(store, symbol)?;
    Ok(store.amendment_id(stored.id, number)?)
}
