//! Contributions sent through the web form or the API. `prepare` checks a submission and
//! writes its files to the blob store, synced; `record_in` then records the contribution, its
//! files, its idempotency key and its log leaf inside a transaction, which the `Committer`
//! shares among all the submissions waiting; the receipt is given only once that transaction is
//! on disk, so nothing acknowledged can be lost.

use consulta_blobs::{BlobError, BlobStore};
use consulta_core::contribution::{check_body, check_title};
use consulta_core::{
    AttachmentEntry, CanonicalRecord, Channel, Consultation, ConsultationStatus, ContributionId, CountryCode, Entity,
    EntityName, Identity, Language, NewContribution, NewEntity, StakeholderGroupId,
};
use consulta_i18n::{Arg, Localizer};
use consulta_log::{Hash, SignedTreeHead, from_hex, sha256, to_hex};
use consulta_store::log_key::LogSigner;
use consulta_store::{Attachment, RecordTransaction, SentContribution, Store, StoreError};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::acknowledgement::Acknowledgement;
use crate::{RowProblem, known_group};

/// The country a form or API client gives for an entity that has none.
pub const INTERNATIONAL: &str = "international";

/// What the secretariat allows per contribution.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_file_bytes: u64,
    pub max_files: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_bytes: 25 * 1024 * 1024, max_files: 10 }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadedFile {
    pub name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// A contribution as typed in the form or sent to the API, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Submission {
    pub entity: String,
    pub stakeholder_group: String,
    pub country: String,
    pub email: String,
    pub language: String,
    pub title: String,
    pub body: String,
    pub files: Vec<UploadedFile>,
}

/// Why a submission is refused. Nothing is recorded when it is.
#[derive(Debug, thiserror::Error)]
pub enum SubmissionError {
    #[error("invalid fields: {0:?}")]
    Invalid(Vec<(&'static str, RowProblem)>),
    #[error("more than {max} files")]
    TooManyFiles { max: usize },
    #[error("the file {name} is larger than {max} bytes")]
    FileTooLarge { name: String, max: u64 },
    #[error("the file name {0:?} is not usable")]
    BadFileName(String),
    #[error("the consultation is not open ({0:?})")]
    NotOpen(ConsultationStatus),
    #[error("contribution {0} cannot be amended by this sender")]
    CannotAmend(i64),
    #[error("the consultation takes only verified contributions")]
    VerifiedOnly,
    #[error("this idempotency key was used for a different submission")]
    IdempotencyConflict,
    #[error("the idempotency key is not usable")]
    BadIdempotencyKey,
    /// More submissions are waiting to be written than the writer clears in about a second:
    /// refused at once, nothing recorded, rather than left to wait until the client gives up.
    #[error("too many submissions are waiting to be written")]
    Busy,
    #[error(transparent)]
    Blobs(#[from] BlobError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SubmissionError {
    /// The stable code clients see.
    pub fn code(&self) -> &'static str {
        match self {
            SubmissionError::Invalid(_) => "invalid_fields",
            SubmissionError::TooManyFiles { .. } => "too_many_files",
            SubmissionError::FileTooLarge { .. } => "file_too_large",
            SubmissionError::BadFileName(_) => "bad_file_name",
            SubmissionError::NotOpen(ConsultationStatus::Upcoming) => "consultation_not_open",
            SubmissionError::NotOpen(_) => "consultation_closed",
            SubmissionError::IdempotencyConflict => "idempotency_conflict",
            SubmissionError::VerifiedOnly => "verified_only",
            SubmissionError::CannotAmend(_) => "cannot_amend",
            SubmissionError::BadIdempotencyKey => "bad_idempotency_key",
            SubmissionError::Busy => "busy",
            SubmissionError::Blobs(BlobError::Full(_)) => "storage_full",
            SubmissionError::Blobs(_) | SubmissionError::Store(_) => "server",
        }
    }

    /// What to tell the contributor, in their language.
    pub fn describe(&self, localizer: &Localizer) -> String {
        match self {
            SubmissionError::Invalid(problems) => problems
                .iter()
                .map(|(field, problem)| {
                    localizer.format(
                        "submit-field-problem",
                        &[
                            ("field", Arg::Text(localizer.text(&format!("submit-field-{field}")))),
                            ("problem", Arg::Text(problem.describe(localizer))),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join(" "),
            SubmissionError::TooManyFiles { max } => {
                localizer.format("submit-too-many-files", &[("max", (*max).into())])
            }
            SubmissionError::FileTooLarge { name, max } => localizer.format(
                "submit-file-too-large",
                &[("name", name.as_str().into()), ("max", Arg::Text(localizer.file_size(*max)))],
            ),
            SubmissionError::BadFileName(name) => {
                localizer.format("submit-bad-file-name", &[("name", name.as_str().into())])
            }
            SubmissionError::NotOpen(ConsultationStatus::Upcoming) => localizer.text("submit-not-open"),
            SubmissionError::NotOpen(_) => localizer.text("submit-closed"),
            SubmissionError::IdempotencyConflict => localizer.text("submit-idempotency-conflict"),
            SubmissionError::VerifiedOnly => localizer.text("submit-verified-only"),
            SubmissionError::CannotAmend(id) => {
                localizer.format("submit-cannot-amend", &[("id", id.to_string().into())])
            }
            SubmissionError::BadIdempotencyKey => localizer.text("submit-bad-idempotency-key"),
            SubmissionError::Busy => localizer.text("submit-busy"),
            SubmissionError::Blobs(BlobError::Full(_)) => localizer.text("submit-storage-full"),
            SubmissionError::Blobs(_) | SubmissionError::Store(_) => localizer.text("error-server"),
        }
    }

    /// The fields at fault, for the form to mark.
    pub fn fields(&self) -> Vec<&'static str> {
        match self {
            SubmissionError::Invalid(problems) => problems.iter().map(|(f, _)| *f).collect(),
            SubmissionError::TooManyFiles { .. }
            | SubmissionError::FileTooLarge { .. }
            | SubmissionError::BadFileName(_) => {
                vec!["files"]
            }
            _ => vec![],
        }
    }
}

/// What a contributor keeps: enough to prove what they sent and to check, at any later time,
/// that the public record still holds it unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Receipt {
    pub id: i64,
    pub consultation: String,
    pub received_at: String,
    /// SHA-256 of the canonical record (`GET /api/v1/contributions/{id}/record`).
    pub sha256: String,
    pub files: Vec<ReceiptFile>,
    pub log: ReceiptLog,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReceiptFile {
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReceiptLog {
    pub leaf_index: u64,
    pub tree_size: u64,
    pub inclusion_proof: Vec<String>,
    pub signed_tree_head: TreeHeadJson,
    /// The instance's Ed25519 public key, which signs its tree heads.
    pub public_key: String,
}

impl ReceiptLog {
    /// A leaf's place in the tree `head` signs, with its proof: what a receipt of any record in
    /// the log carries (a contribution's, a draft amendment's).
    pub fn of(inclusion: &consulta_store::Inclusion, head: &SignedTreeHead, public_key: &[u8; 32]) -> ReceiptLog {
        ReceiptLog {
            leaf_index: inclusion.leaf_index,
            tree_size: inclusion.tree_size,
            inclusion_proof: inclusion.proof.iter().map(|h| to_hex(h)).collect(),
            signed_tree_head: head.into(),
            public_key: to_hex(public_key),
        }
    }
}

/// A signed tree head as the API and receipts carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TreeHeadJson {
    pub tree_size: u64,
    pub timestamp: i64,
    pub root_hash: String,
    pub signature: String,
}

impl From<&SignedTreeHead> for TreeHeadJson {
    fn from(signed: &SignedTreeHead) -> Self {
        TreeHeadJson {
            tree_size: signed.head.size,
            timestamp: signed.head.timestamp_ms,
            root_hash: to_hex(&signed.head.root),
            signature: to_hex(&signed.signature),
        }
    }
}

impl TreeHeadJson {
    /// Back to a signed tree head; None if a hash or the signature is not hexadecimal.
    pub fn parse(&self) -> Option<SignedTreeHead> {
        Some(SignedTreeHead {
            head: consulta_log::TreeHead {
                size: self.tree_size,
                timestamp_ms: self.timestamp,
                root: from_hex(&self.root_hash)?,
            },
            signature: from_hex(&self.signature)?,
        })
    }
}

/// The receipt of a recorded contribution, with its proof in the log as it now is.
pub fn receipt(
    store: &dyn Store,
    signer: &LogSigner,
    contribution: ContributionId,
    now: Timestamp,
) -> Result<Option<Receipt>, StoreError> {
    let Some(record) = store.canonical_record(contribution)? else { return Ok(None) };
    let head = signer.signed_head(store, now)?;
    Ok(receipts_at(store, &[record], &head, &signer.public_key())?.pop().flatten())
}

/// The receipt as anyone may read it: for a withheld contribution, without its files' names,
/// sizes and hashes (which would tell what the secretariat withholds); the proof stays.
pub fn public_receipt(
    store: &dyn Store,
    signer: &LogSigner,
    contribution: ContributionId,
    now: Timestamp,
) -> Result<Option<Receipt>, StoreError> {
    let Some(mut receipt) = receipt(store, signer, contribution, now)? else { return Ok(None) };
    if store.contribution(contribution)?.is_some_and(|c| c.withheld_reason.is_some()) {
        receipt.files.clear();
    }
    Ok(Some(receipt))
}

/// The receipts of recorded contributions, from their canonical records (None for one that has
/// no leaf in the tree `head` signs), in their order; the proofs are read together
/// (`Store::inclusions`).
pub fn receipts_at(
    store: &dyn Store,
    records: &[CanonicalRecord],
    head: &SignedTreeHead,
    public_key: &[u8; 32],
) -> Result<Vec<Option<Receipt>>, StoreError> {
    let contributions: Vec<ContributionId> = records.iter().map(|record| ContributionId(record.id)).collect();
    let inclusions = store.inclusions(&contributions, head.head.size)?;
    Ok(receipts_from(&records.iter().collect::<Vec<_>>(), inclusions, head, public_key))
}

/// The receipts of recorded contributions from their records and their inclusions in the tree
/// `head` signs, in their order.
pub fn receipts_from(
    records: &[&CanonicalRecord],
    inclusions: Vec<Option<consulta_store::Inclusion>>,
    head: &SignedTreeHead,
    public_key: &[u8; 32],
) -> Vec<Option<Receipt>> {
    records
        .iter()
        .zip(inclusions)
        .map(|(record, inclusion)| {
            let inclusion = inclusion?;
            Some(Receipt {
                id: record.id,
                consultation: record.consultation.clone(),
                received_at: record.submitted_at.clone(),
                sha256: to_hex(&inclusion.record_sha256),
                files: record
                    .attachments
                    .iter()
                    .map(|a| ReceiptFile { name: a.name.clone(), size: a.size, sha256: a.sha256.clone() })
                    .collect(),
                log: ReceiptLog::of(&inclusion, head, public_key),
            })
        })
        .collect()
}

fn check_email(text: &str) -> Result<String, RowProblem> {
    let text = text.trim();
    if text.is_empty() {
        Err(RowProblem::Missing)
    } else if consulta_core::access::is_email_address(text) {
        Ok(text.to_owned())
    } else {
        Err(RowProblem::BadEmail(text.to_owned()))
    }
}

/// Characters that reorder the text around them (bidirectional embeddings, overrides and
/// isolates, and the marks): in a file name they only serve to disguise it, as
/// `invoice\u{202E}fdp.exe` shows itself as `invoiceexe.pdf`.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A file name as it will be published: its last path component, without control characters
/// or bidirectional controls.
fn clean_file_name(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    let clean: String = base.chars().filter(|c| !c.is_control() && !is_bidi_control(*c)).collect();
    (!clean.is_empty() && clean != "." && clean != ".." && clean.chars().count() <= 255).then_some(clean)
}

/// Identifies a request for the idempotency check: the same consultation, the same fields and
/// the same files.
fn request_hash(consultation: &Consultation, submission: &Submission, files: &[(String, Hash)]) -> Hash {
    let fields = [
        consultation.record.slug.as_str(),
        &submission.entity,
        &submission.stakeholder_group,
        &submission.country,
        &submission.email,
        &submission.language,
        &submission.title,
        &submission.body,
    ];
    let mut bytes = Vec::new();
    for field in fields {
        bytes.extend_from_slice(&(field.len() as u64).to_be_bytes());
        bytes.extend_from_slice(field.as_bytes());
    }
    for (name, hash) in files {
        bytes.extend_from_slice(&(name.len() as u64).to_be_bytes());
        bytes.extend_from_slice(name.as_bytes());
        bytes.extend_from_slice(hash);
    }
    sha256(&bytes)
}

/// A submission that passed every check, its files already on disk: what remains is to record
/// it, which `record_in` does inside a transaction.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub(crate) consultation: Consultation,
    identity: Identity,
    pub(crate) amends: Option<ContributionId>,
    pub(crate) name: EntityName,
    group: consulta_core::StakeholderGroupId,
    country: Option<CountryCode>,
    pub(crate) email: String,
    language: Language,
    pub(crate) title: String,
    body: String,
    files: Vec<(String, String, u64, Hash)>,
    key: Option<String>,
    sender_key: Option<String>,
    request: Hash,
    pub(crate) now: Timestamp,
    /// Whether, and how, to email the contributor once it is recorded.
    pub(crate) acknowledgement: Option<Acknowledgement>,
}

/// Who sends a submission, beyond what it says of itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sender<'a> {
    /// The client's key for retrying the same request safely.
    pub idempotency_key: Option<&'a str>,
    /// A signed-in focal point of the submission's entity: the caller has checked that the
    /// account may act for the entity, and filled the entity, group and country from its record.
    pub verified: bool,
    /// The earlier contribution of the same entity this one amends (verified senders only).
    pub amends: Option<ContributionId>,
    /// The keyed hash of an unverified sender's network address (`LogSigner::sender_key`).
    pub sender_key: Option<&'a str>,
    /// Email the contributor an acknowledgement with the receipt (the web form and the API).
    pub acknowledgement: Option<&'a Acknowledgement>,
}

/// Checks a submission and writes its files to the blob store (synced), without touching the
/// record: this part can run in parallel for many submissions.
pub fn prepare(
    store: &dyn Store,
    blobs: &dyn BlobStore,
    consultation: &Consultation,
    submission: &Submission,
    sender: Sender<'_>,
    limits: Limits,
    now: Timestamp,
) -> Result<Prepared, SubmissionError> {
    let groups = store.stakeholder_groups()?;
    prepare_among(&groups, store, blobs, consultation, submission, sender, limits, now)
}

/// `prepare` with the instance's stakeholder groups read once for many submissions (the bulk
/// channel's lines).
#[allow(clippy::too_many_arguments)]
pub fn prepare_among(
    groups: &[StakeholderGroupId],
    store: &dyn Store,
    blobs: &dyn BlobStore,
    consultation: &Consultation,
    submission: &Submission,
    sender: Sender<'_>,
    limits: Limits,
    now: Timestamp,
) -> Result<Prepared, SubmissionError> {
    let idempotency_key = sender.idempotency_key;
    if let Some(key) = idempotency_key {
        if key.is_empty() || key.len() > 200 || !key.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(SubmissionError::BadIdempotencyKey);
        }
    }
    let status = consultation.status(now);
    if status != ConsultationStatus::Open {
        return Err(SubmissionError::NotOpen(status));
    }
    if !sender.verified && !consultation.record.unverified_allowed {
        return Err(SubmissionError::VerifiedOnly);
    }
    if let Some(amended) = sender.amends {
        // Only a focal point amends, and only a contribution of its own entity to this consultation.
        let same_entity = match store.contribution(amended)? {
            Some(earlier) if sender.verified && earlier.record.consultation == consultation.id => store
                .entity(earlier.record.entity)?
                .zip(submission.entity.parse::<EntityName>().ok())
                .is_some_and(|(entity, name)| entity.name.key() == name.key()),
            _ => false,
        };
        if !same_entity {
            return Err(SubmissionError::CannotAmend(amended.0));
        }
    }

    // Check every field and report every problem at once.
    let mut problems = Vec::new();
    let mut check = |field: &'static str, result: Result<(), RowProblem>| {
        if let Err(problem) = result {
            problems.push((field, problem));
        }
    };
    let mut name = None;
    check("entity", submission.entity.parse::<EntityName>().map(|n| name = Some(n)).map_err(RowProblem::EntityName));
    let mut group = None;
    check("stakeholder_group", known_group(submission.stakeholder_group.trim(), groups).map(|g| group = Some(g)));
    let mut country = None;
    let country_text = submission.country.trim();
    // The form offers "international" as a choice of its own, so that no default ever records a
    // national body as international; a government always names its country (a focal point's
    // comes from its entity's record, as the registry has it).
    let international = country_text.eq_ignore_ascii_case(INTERNATIONAL);
    if international || country_text.is_empty() {
        if !sender.verified && group.as_ref().is_some_and(|g: &StakeholderGroupId| g.as_str() == "government") {
            check("country", Err(RowProblem::CountryRequired));
        }
    } else {
        check("country", crate::country_field(country_text, consultation.record.is_example).map(|c| country = c));
    }
    let mut email = None;
    check("email", check_email(&submission.email).map(|e| email = Some(e)));
    let mut language = None;
    check(
        "language",
        submission
            .language
            .parse::<Language>()
            .map(|l| language = Some(l))
            .map_err(|_| RowProblem::BadLanguage(submission.language.clone())),
    );
    let mut title = None;
    check("title", check_title(&submission.title).map(|t| title = Some(t)).map_err(RowProblem::from));
    let mut body = None;
    check("body", check_body(&submission.body).map(|b| body = Some(b)).map_err(RowProblem::from));
    let (Some(name), Some(group), Some(email), Some(language), Some(title), Some(body)) =
        (name, group, email, language, title, body)
    else {
        return Err(SubmissionError::Invalid(problems));
    };
    if !problems.is_empty() {
        return Err(SubmissionError::Invalid(problems));
    }
    if submission.files.len() > limits.max_files {
        return Err(SubmissionError::TooManyFiles { max: limits.max_files });
    }
    let mut files = Vec::with_capacity(submission.files.len());
    let mut named = Vec::with_capacity(submission.files.len());
    for file in &submission.files {
        let clean = clean_file_name(&file.name).ok_or_else(|| SubmissionError::BadFileName(file.name.clone()))?;
        if file.bytes.len() as u64 > limits.max_file_bytes {
            return Err(SubmissionError::FileTooLarge { name: clean, max: limits.max_file_bytes });
        }
        let media_type =
            if file.media_type.trim().is_empty() { "application/octet-stream" } else { file.media_type.trim() };
        let hash = sha256(&file.bytes);
        named.push((clean.clone(), hash));
        files.push((clean, media_type.to_owned(), file.bytes.len() as u64, hash));
    }
    let request = request_hash(consultation, submission, &named);

    // Files first, synced: the record must never name a file that is not on disk.
    for file in &submission.files {
        blobs.put(&file.bytes)?;
    }
    Ok(Prepared {
        consultation: consultation.clone(),
        identity: if sender.verified { Identity::Verified } else { Identity::Unverified },
        amends: sender.amends,
        name,
        group,
        country,
        email,
        language,
        title,
        body,
        files,
        key: idempotency_key.map(str::to_owned),
        sender_key: sender.sender_key.map(str::to_owned),
        request,
        now,
        acknowledgement: sender.acknowledgement.cloned(),
    })
}

/// Records a prepared submission inside `transaction`: its entity if new, the contribution, its
/// files, its idempotency key and its log leaf. Returns the contribution's canonical record, and
/// whether it had been recorded before under the same idempotency key (then nothing is written). A refusal
/// other than the store's (a conflict) comes before anything is written: the committer writes
/// a batch without a savepoint per item on that account.
pub fn record_in(
    transaction: &mut dyn RecordTransaction,
    prepared: &Prepared,
) -> Result<(CanonicalRecord, bool), SubmissionError> {
    if let Some(key) = &prepared.key {
        if let Some((contribution, earlier)) = transaction.idempotency_key(key)? {
            if earlier != prepared.request {
                return Err(SubmissionError::IdempotencyConflict);
            }
            let record = transaction.canonical_record(contribution)?.ok_or_else(|| {
                StoreError::Corrupt(format!("contribution {} has an idempotency key but no record", contribution.0))
            })?;
            return Ok((record, true));
        }
    }
    let entity = if prepared.identity == Identity::Unverified {
        // An unverified sender's name is a claim: it gets an entity of its own, apart from the
        // registry, and never attaches to, defines or changes a recorded entity.
        transaction.insert_entity(&prepared.entity(true))?
    } else {
        match transaction.entity_by_name(&prepared.name)? {
            Some(entity) if entity.group != prepared.group => {
                let recorded = entity.group.to_string();
                return Err(SubmissionError::Invalid(vec![(
                    "stakeholder_group",
                    RowProblem::EntityGroupConflict { entity: prepared.name.to_string(), recorded },
                )]));
            }
            Some(entity) => entity,
            None => transaction.insert_entity(&prepared.entity(false))?,
        }
    };
    let contribution = prepared.contribution(&entity);
    let sent = prepared.sent(&contribution, &entity);
    let id = transaction.insert_contributions(&[sent])?.pop();
    let id = id.ok_or_else(|| StoreError::Batch("a contribution was not written".to_owned()))?;
    Ok((finish_recording(transaction, prepared, id, &entity, &contribution)?, false))
}

/// Records unverified submissions that carry no idempotency key (`Prepared::is_plain_claim`)
/// together: their claimed entities in one statement, their contributions in another, instead of
/// a round trip to a database server for each; each one's files, record and leaf as `record_in`
/// writes them. Their records, in their order.
pub fn record_claims_in(
    transaction: &mut dyn RecordTransaction,
    claims: &[&Prepared],
) -> Result<Vec<CanonicalRecord>, StoreError> {
    let new: Vec<NewEntity> = claims.iter().map(|prepared| prepared.entity(true)).collect();
    let entities = transaction.insert_entities(&new)?;
    let contributions: Vec<NewContribution> =
        claims.iter().zip(&entities).map(|(prepared, entity)| prepared.contribution(entity)).collect();
    let sent: Vec<SentContribution<'_>> = claims
        .iter()
        .zip(&contributions)
        .zip(&entities)
        .map(|((prepared, contribution), entity)| prepared.sent(contribution, entity))
        .collect();
    let ids = transaction.insert_contributions(&sent)?;
    claims
        .iter()
        .zip(ids)
        .zip(entities.iter().zip(&contributions))
        .map(|((prepared, id), (entity, contribution))| {
            finish_recording(transaction, prepared, id, entity, contribution)
        })
        .collect()
}

impl Prepared {
    /// Whether it can be recorded with others (`record_claims_in`): an unverified submission
    /// with no idempotency key has nothing to look up before it is written.
    pub fn is_plain_claim(&self) -> bool {
        self.identity == Identity::Unverified && self.key.is_none()
    }

    /// The entity it names, as a claim of its own (an unverified sender) or for the registry.
    fn entity(&self, claimed: bool) -> NewEntity {
        NewEntity {
            name: self.name.clone(),
            group: self.group.clone(),
            country: self.country,
            is_example: self.consultation.record.is_example,
            claimed,
        }
    }

    fn contribution(&self, entity: &Entity) -> NewContribution {
        NewContribution {
            consultation: self.consultation.id,
            entity: entity.id,
            group: self.group.clone(),
            channel: Channel::Written,
            on_behalf_of: None,
            meeting: None,
            submitted_at: self.now,
            language: self.language.clone(),
            title: self.title.clone(),
            body: self.body.clone(),
            late: false,
            identity: self.identity,
            contact_email: Some(self.email.clone()),
        }
    }

    fn sent<'a>(&'a self, contribution: &'a NewContribution, entity: &'a Entity) -> SentContribution<'a> {
        SentContribution { contribution, entity, sender_key: self.sender_key.as_deref(), amends: self.amends }
    }
}

/// Writes what follows a submission's contribution: its files, its idempotency key and its log
/// leaf, which commits to the canonical record built from what was written. Gives the record.
fn finish_recording(
    transaction: &mut dyn RecordTransaction,
    prepared: &Prepared,
    id: ContributionId,
    entity: &Entity,
    contribution: &NewContribution,
) -> Result<CanonicalRecord, StoreError> {
    let mut entries = Vec::with_capacity(prepared.files.len());
    for (position, (name, media_type, size, hash)) in prepared.files.iter().enumerate() {
        transaction.insert_attachment(
            id,
            &Attachment {
                position: position as u32,
                name: name.clone(),
                media_type: media_type.clone(),
                size: *size,
                sha256: *hash,
            },
        )?;
        entries.push(AttachmentEntry { name: name.clone(), size: *size, sha256: to_hex(hash) });
    }
    if let Some(key) = &prepared.key {
        transaction.remember_idempotency_key(key, prepared.request, id)?;
    }
    let slug = &prepared.consultation.record.slug;
    let record = CanonicalRecord::of(id, slug, entity, contribution, None, prepared.amends, entries);
    transaction.append_to_log(id, sha256(&record.to_bytes()))?;
    Ok(record)
}

#[cfg(test)]
mod file_name_tests {
    use super::clean_file_name;

    #[test]
    fn a_published_file_name_has_no_path_control_or_direction_override() {
        assert_eq!(clean_file_name("C:\\Users\\me\\annex.pdf").as_deref(), Some("annex.pdf"));
        assert_eq!(clean_file_name("../../etc/passwd").as_deref(), Some("passwd"));
        assert_eq!(clean_file_name("invoice\u{202E}fdp.exe").as_deref(), Some("invoicefdp.exe"));
        assert_eq!(clean_file_name("a\u{2067}b\u{2069}\u{200F}.txt").as_deref(), Some("ab.txt"));
        assert_eq!(clean_file_name("nul\u{0}.txt").as_deref(), Some("nul.txt"));
        assert_eq!(clean_file_name("\u{202E}"), None);
        assert_eq!(clean_file_name("مساهمة.pdf").as_deref(), Some("مساهمة.pdf"), "right-to-left names stay");
    }
}
