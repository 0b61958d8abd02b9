//! Consulta's system of record: the `Store` trait, its queries written once (`queries`, over
//! the shared layer `sql`), and the two backends that run them: SQLite, the embedded default,
//! and PostgreSQL, for several servers. Every other store (search index, exports) is derived
//! from what is recorded here.

pub mod audited;
pub mod check;
pub mod copy;
mod database;
mod frontier;
pub mod heads;
pub mod log_key;
mod postgresql;
mod queries;
mod rows;
mod sql;
mod sqlite;
#[cfg(test)]
mod tests;

use consulta_core::CanonicalRecord;
use consulta_core::table::Standing;
use consulta_core::{
    Account, AccountId, Channel, Consultation, ConsultationId, Contribution, ContributionId, CountryCode, Entity,
    EntityId, EntityName, Identity, Issue, IssueId, Matrix, Mechanism, Meeting, NewConsultation, NewContribution,
    NewEntity, Role, StakeholderGroupId,
};
use consulta_log::{Hash, TreeHead};
use jiff::Timestamp;
use jiff::civil::Date;

pub use database::{Database, PooledStore};
pub use postgresql::{Postgres, PostgresStore};
pub use queries::SqlStore;
pub use sql::{DatabaseError, Failure};
pub use sqlite::{Sqlite, SqliteStore};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {path}: {source}")]
    Open { path: String, source: DatabaseError },
    #[error("cannot reach the PostgreSQL database {location}: {source}")]
    OpenPostgres { location: String, source: DatabaseError },
    #[error("the database {0} already holds a record: a copy goes only into a new, empty one")]
    NotEmpty(String),
    #[error(
        "the database {path} was written by a newer Consulta (schema version {found}; this one knows up to {known})"
    )]
    TooNew { path: String, found: i64, known: i64 },
    #[error("a consultation with the slug '{0}' already exists")]
    DuplicateSlug(String),
    #[error("this invitation link was already used")]
    InvitationUsed,
    #[error("this invitation link has expired")]
    InvitationExpired,
    #[error("no such invitation")]
    UnknownInvitation,
    #[error("an account with the address {0} already exists")]
    DuplicateAccount(String),
    #[error("no issue or mechanism '{0}'")]
    UnknownTaxonomy(String),
    #[error("this consultation already has a meeting on {0}")]
    DuplicateMeeting(Date),
    #[error("contribution {0} cannot be attributed: only an unverified contribution, to a recorded entity")]
    NotAttributable(i64),
    #[error("the log has {size} leaves; no tree of {asked} leaves can be proved")]
    BeyondLog { size: u64, asked: u64 },
    #[error("the database holds a value Consulta cannot read ({0})")]
    Corrupt(String),
    #[error("no randomness to make the instance's key: {0}")]
    Randomness(String),
    #[error("the batch could not be recorded: {0}")]
    Batch(String),
    #[error("database error: {0}")]
    Database(DatabaseError),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// Another writer holds the database (a long import, say): trying again later will work.
    pub fn is_busy(&self) -> bool {
        self.failure() == Some(Failure::Busy)
    }

    /// What kind of failure the database reported, if the error is the database's.
    pub fn failure(&self) -> Option<Failure> {
        match self {
            StoreError::Database(e)
            | StoreError::Open { source: e, .. }
            | StoreError::OpenPostgres { source: e, .. } => Some(e.failure),
            _ => None,
        }
    }
}

/// Which contributions a listing shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContributionFilter {
    pub consultation: Option<ConsultationId>,
    pub entity: Option<EntityId>,
    pub group: Option<StakeholderGroupId>,
    pub channel: Option<Channel>,
}

/// A slice of a listing: `limit` items from `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub offset: u64,
    pub limit: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// How many items match in all, across pages.
    pub total: u64,
}

/// A line of a contribution listing: what is needed to show and link it, without its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContributionSummary {
    pub id: ContributionId,
    pub consultation: ConsultationId,
    pub entity: EntityId,
    pub entity_name: String,
    pub group: StakeholderGroupId,
    pub channel: Channel,
    pub submitted_at: Timestamp,
    pub language: String,
    pub title: String,
    pub late: bool,
    /// Withheld from publication: listings show that, not the title.
    pub withheld: bool,
    /// Sent without a verified identity and not attributed: listings say so.
    pub unverified: bool,
}

/// The record. Reads take `&self`; writes that must land together go through a
/// `RecordTransaction`, which writes nothing unless committed.
pub trait Store: Send + std::fmt::Debug {
    /// The stakeholder groups, in the order tables list them.
    fn stakeholder_groups(&self) -> Result<Vec<StakeholderGroupId>>;

    fn create_consultation(&mut self, new: &NewConsultation) -> Result<Consultation>;
    fn consultations(&self) -> Result<Vec<Consultation>>;
    fn consultation_by_slug(&self, slug: &str) -> Result<Option<Consultation>>;
    fn consultation(&self, id: ConsultationId) -> Result<Option<Consultation>>;

    /// Records a consultation's texts (title, description, mandate, questions) in every
    /// language, as they now are: what the secretariat sees after adding a translation.
    fn update_consultation_texts(&mut self, consultation: &Consultation) -> Result<()>;

    fn add_meeting(&mut self, consultation: ConsultationId, date: Date, place: &str) -> Result<Meeting>;
    fn meetings(&self, consultation: ConsultationId) -> Result<Vec<Meeting>>;

    fn entity(&self, id: EntityId) -> Result<Option<Entity>>;
    fn contribution(&self, id: ContributionId) -> Result<Option<Contribution>>;
    fn contributions(&self, filter: &ContributionFilter, page: PageRequest) -> Result<Page<ContributionSummary>>;

    /// The ids of a consultation's contributions after `after`, in id order, at most `limit`:
    /// for walking a whole consultation (each page is an index range, not an OFFSET).
    fn contribution_ids(
        &self,
        consultation: ConsultationId,
        after: Option<ContributionId>,
        limit: usize,
    ) -> Result<Vec<ContributionId>>;

    /// Contributions of a consultation counted by (stakeholder group as recorded, or of the
    /// entity it is attributed to; channel; standing: counted, unverified or withheld).
    fn channel_counts(&self, consultation: ConsultationId)
    -> Result<Vec<(StakeholderGroupId, Channel, Standing, u64)>>;

    /// Attributes an unverified contribution to a recorded entity after the secretariat has
    /// checked who sent it (or, with None, takes the attribution back), with its audit entry,
    /// in one transaction. False if the contribution does not exist; `NotAttributable` if it is
    /// not unverified or the entity is not in the registry.
    fn attribute(&mut self, contribution: ContributionId, entity: Option<EntityId>, by: &AuditActor) -> Result<bool>;

    /// Withholds a contribution from publication with a reason, or (None) publishes it again,
    /// and records who did it in the audit log, in one transaction. Its log entry stays either
    /// way. False if there is no such contribution (then nothing is written).
    fn set_withheld(&mut self, contribution: ContributionId, reason: Option<&str>, by: &AuditActor) -> Result<bool>;

    /// Creates an account and audits it, in one transaction.
    fn create_account(&mut self, new: &NewAccount, by: &AuditActor) -> Result<Account>;
    fn account(&self, id: AccountId) -> Result<Option<Account>>;
    /// The account with this address (any case) and its password hash, for signing in.
    fn sign_in_record(&self, email: &str) -> Result<Option<(Account, String)>>;
    fn create_session(&mut self, session: &NewSession) -> Result<()>;
    /// The session whose token has this hash, if it has not expired at `now`.
    fn session(&self, token_sha256: &Hash, now: Timestamp) -> Result<Option<Session>>;
    /// Ends a session (signing out), and every session that expired before `now`.
    fn end_session(&mut self, token_sha256: &Hash, now: Timestamp) -> Result<()>;

    /// Adds an entry to the audit log.
    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()>;

    /// The focal points' contacts of the entities that match `selection`, by entity name.
    fn invitation_targets(&self, selection: &Selection) -> Result<Vec<Contact>>;
    /// The accreditation lists, with how many entities each has.
    fn accreditation_lists(&self) -> Result<Vec<(String, String, u64)>>;
    /// The invitation whose token has this hash.
    fn invitation(&self, token_sha256: &Hash) -> Result<Option<Invitation>>;
    /// Uses an invitation: creates the focal point's account (or finds the one this address
    /// already has for this entity) and marks the invitation used, in one transaction.
    fn accept_invitation(&mut self, token_sha256: &Hash, new: &NewAccount, now: Timestamp) -> Result<Account>;
    /// Records a password reset link (by its token's hash) and queues its email, together.
    fn create_password_reset(&mut self, reset: &NewPasswordReset, mail: &NewMail) -> Result<()>;
    /// Uses a reset link: sets the new password hash and ends every session of the account.
    /// None if the link is unknown, used or expired.
    fn use_password_reset(
        &mut self,
        token_sha256: &Hash,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<Option<AccountId>>;

    /// Queues an email for the background sender.
    fn queue_mail(&mut self, mail: &NewMail) -> Result<i64>;
    /// Queued email due at `now`, oldest first.
    fn due_mail(&self, now: Timestamp, limit: usize) -> Result<Vec<QueuedMail>>;
    /// Records the outcome of a send: sent, or failed with a reason and (if it will be tried
    /// again) when.
    fn mail_outcome(&mut self, id: i64, outcome: &MailOutcome, now: Timestamp) -> Result<()>;
    /// The outbox, newest first.
    fn mail_log(&self, page: PageRequest) -> Result<Page<MailRecord>>;
    /// The audit log, newest first.
    fn audit_log(&self, page: PageRequest) -> Result<Page<AuditRecord>>;

    /// Attachments whose text is still to be extracted, oldest first.
    fn pending_extractions(&self, limit: usize) -> Result<Vec<PendingExtraction>>;
    fn set_extraction(&mut self, contribution: ContributionId, position: u32, outcome: &Extraction) -> Result<()>;
    /// Where the extraction of an attachment's text stands; None if there is no such file.
    fn extraction(&self, contribution: ContributionId, position: u32) -> Result<Option<Extraction>>;

    /// The issue taxonomy, in its order.
    fn issues(&self) -> Result<Vec<Issue>>;
    /// The cooperation mechanisms, in their order.
    fn mechanisms(&self) -> Result<Vec<Mechanism>>;
    /// Which mechanisms handle which issues.
    fn matrix(&self) -> Result<Matrix>;
    /// Adds an issue, or changes the one with its identifier, and audits it.
    fn save_issue(&mut self, issue: &Issue, by: &AuditActor) -> Result<()>;
    /// Adds a mechanism, or changes the one with its identifier, and audits it.
    fn save_mechanism(&mut self, mechanism: &Mechanism, by: &AuditActor) -> Result<()>;
    /// Replaces the matrix and audits the change; an unknown identifier changes nothing.
    fn set_matrix(&mut self, matrix: &Matrix, by: &AuditActor) -> Result<()>;
    /// The issues a contribution is tagged with, in the taxonomy's order.
    fn contribution_issues(&self, contribution: ContributionId) -> Result<Vec<IssueId>>;
    /// Sets the issues a contribution is tagged with (replacing them) and audits it. False if
    /// there is no such contribution; an unknown issue changes nothing.
    fn set_contribution_issues(
        &mut self,
        contribution: ContributionId,
        issues: &[IssueId],
        by: &AuditActor,
    ) -> Result<bool>;
    /// The secretariat's details of a consultation's report (symbol, organs, summary,
    /// conclusions); empty if never set.
    fn report_details(&self, consultation: ConsultationId) -> Result<consulta_core::ReportDetails>;
    /// Sets them (checked by the caller), audited in the same transaction.
    fn set_report_details(
        &mut self,
        consultation: ConsultationId,
        details: &consulta_core::ReportDetails,
        by: &AuditActor,
    ) -> Result<()>;
    /// Every tag (contribution, issue) of a consultation, or of all of them.
    fn issue_tags(&self, consultation: Option<ConsultationId>) -> Result<Vec<(ContributionId, IssueId)>>;

    /// The contributions that amend `contribution`, oldest first.
    fn amendments(&self, contribution: ContributionId) -> Result<Vec<ContributionId>>;

    /// The files of a contribution, in the order they were sent.
    fn attachments(&self, contribution: ContributionId) -> Result<Vec<Attachment>>;

    /// The canonical record of a contribution (what its log leaf commits to).
    fn canonical_record(&self, contribution: ContributionId) -> Result<Option<CanonicalRecord>>;

    /// Changes to what the public may read, after sequence number `after`, oldest first.
    fn changes_since(&self, after: u64, limit: usize) -> Result<Vec<Change>>;
    /// The sequence number of the latest change (0 when there is none).
    fn last_change(&self) -> Result<u64>;
    /// The texts and facets of these contributions as they are now, withheld ones included
    /// (marked), in id order; ids that do not exist are left out.
    fn public_texts(&self, ids: &[ContributionId]) -> Result<Vec<PublicText>>;

    /// How many leaves the public log has.
    fn log_size(&self) -> Result<u64>;
    /// What each contribution's leaf commits to (the SHA-256 of its canonical record when it
    /// was recorded), in the order asked; None for one with no leaf. Holding a record against
    /// it shows whether the record was edited in the database since.
    fn recorded_hashes(&self, contributions: &[ContributionId]) -> Result<Vec<Option<Hash>>>;
    /// The log's head now (its size and root, read together), unsigned: the key that signs it
    /// is never in the database (`log_key`).
    fn tree_head(&self, now: Timestamp) -> Result<TreeHead>;
    /// The public key that signs the instance's tree heads, as the record knows it: recorded by
    /// the first server that started with a key (None before).
    fn log_public_key(&self) -> Result<Option<[u8; 32]>>;
    /// Records `public` as the instance's log key unless one is recorded already, and gives the
    /// recorded one; a signing key an older version kept in the database is deleted with it.
    fn claim_log_key(&mut self, public: &[u8; 32]) -> Result<[u8; 32]>;
    /// The signing key an older version kept in the database, if it is still there, so that it
    /// can be moved to its key file.
    fn legacy_log_secret(&self) -> Result<Option<[u8; 32]>>;
    /// Where a contribution is in the log, with the proof for the tree of `tree_size` leaves.
    fn inclusion(&self, contribution: ContributionId, tree_size: u64) -> Result<Option<Inclusion>>;
    /// The inclusion of each of `contributions` in the tree of `tree_size` leaves, in their
    /// order, as `inclusion` gives it: for a batch (receipts, checks), which a backend that pays a
    /// round trip per query reads at once.
    fn inclusions(&self, contributions: &[ContributionId], tree_size: u64) -> Result<Vec<Option<Inclusion>>> {
        contributions.iter().map(|contribution| self.inclusion(*contribution, tree_size)).collect()
    }
    /// The proof that the tree of `old` leaves is a prefix of the tree of `new` leaves.
    fn consistency(&self, old: u64, new: u64) -> Result<Vec<Hash>>;

    /// Claims (or renews) the lease on a background job for `holder` until `until`: true if
    /// `holder` now holds it, false if another holder's lease has not expired at `now`.
    fn claim_lease(&mut self, job: &str, holder: &str, now: Timestamp, until: Timestamp) -> Result<bool>;
    /// How many contributions came from the sender whose keyed address is `key` since `since`.
    fn contributions_from_sender(&self, key: &str, since: Timestamp) -> Result<u64>;
    /// How many `scope` events `subject` had since `since`, and when the last was: rate limits
    /// that every server of the instance shares (failed sign-ins, reset requests).
    fn rate_events(&self, scope: &str, subject: &str, since: Timestamp) -> Result<(u64, Option<Timestamp>)>;
    /// Counts one `scope` event for `subject` at `at`.
    fn record_rate_event(&mut self, scope: &str, subject: &str, at: Timestamp) -> Result<()>;
    /// Forgets `subject`'s `scope` events.
    fn forget_rate_events(&mut self, scope: &str, subject: &str) -> Result<()>;
    /// Forgets events of `scope` older than `before`; returns how many.
    fn prune_rate_events(&mut self, scope: &str, before: Timestamp) -> Result<u64>;
    /// Gives up `holder`'s lease on `job`, if it holds it, so another server takes the job over
    /// at once instead of when the lease expires.
    fn release_lease(&mut self, job: &str, holder: &str) -> Result<()>;
    /// Commits a write that leaves nothing behind: an error says the database cannot be written
    /// now (a read-only file, disk or replica, a full disk), which `/healthz` reports.
    fn probe_write(&mut self) -> Result<()>;

    /// Writes a consistent copy of the whole database to `path` (which must not exist yet),
    /// while others go on reading and writing.
    fn snapshot(&self, path: &std::path::Path) -> Result<()>;
    /// The SHA-256 of every attachment recorded, each once.
    fn attachment_hashes(&self) -> Result<Vec<Hash>>;

    /// Reads the whole record as one consistent snapshot (while others go on writing): every row
    /// of every table of `copy::TABLES`, table after table in that order.
    fn read_record(&self, each: &mut dyn FnMut(&'static copy::Table, Vec<copy::Value>) -> Result<()>) -> Result<()>;
    /// Starts writing a whole record copied from another store into this one, which must hold no
    /// record yet (its starting data gives way to the copy's); `StoreError::NotEmpty` otherwise.
    fn begin_load(&mut self) -> Result<Box<dyn copy::RecordLoader + '_>>;
    /// How many rows each table of `copy::TABLES` holds, in that order.
    fn row_counts(&self) -> Result<Vec<(&'static str, u64)>>;

    /// Readies the store for a large batch of writes (a bigger cache, say); a hint only.
    fn prepare_for_bulk_writes(&self) -> Result<()> {
        Ok(())
    }

    /// Whether the store's connection can still be used (a round trip to a database server): a
    /// pool drops one that cannot, as after a PostgreSQL server restarted.
    fn is_usable(&self) -> bool {
        true
    }

    /// Starts a transaction; dropping it without `commit` leaves the record as it was.
    fn begin(&mut self) -> Result<Box<dyn RecordTransaction + '_>>;
}

/// Walks a consultation's contributions in the order they were recorded, `batch` ids at a time,
/// along the primary key (linear however large the consultation, unlike OFFSET pages).
pub fn for_each_id_batch<E: From<StoreError>>(
    store: &dyn Store,
    consultation: ConsultationId,
    batch: usize,
    mut each: impl FnMut(Vec<ContributionId>) -> Result<(), E>,
) -> Result<(), E> {
    let mut after = None;
    loop {
        let ids = store.contribution_ids(consultation, after, batch)?;
        let Some(last) = ids.last() else { return Ok(()) };
        after = Some(*last);
        each(ids)?;
    }
}

/// A file of a contribution, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub position: u32,
    pub name: String,
    pub media_type: String,
    pub size: u64,
    pub sha256: Hash,
}

/// The outcome of extracting an attachment's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Extraction {
    Pending,
    Done(String),
    Failed(String),
    /// A format whose text Consulta does not extract (an image, say).
    Unsupported,
}

/// An attachment waiting for its text to be extracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingExtraction {
    pub contribution: ContributionId,
    pub position: u32,
    pub name: String,
    pub media_type: String,
    pub sha256: Hash,
}

/// Who did a secretariat action, and when: an account, or someone at the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditActor {
    pub account: Option<AccountId>,
    /// The account's address, or a description of who ran the command.
    pub label: String,
    pub at: Timestamp,
}

impl AuditActor {
    pub fn account(account: &Account, at: Timestamp) -> AuditActor {
        AuditActor { account: Some(account.id), label: account.email.clone(), at }
    }

    /// Someone at the command line (`who`: the system user, as the CLI knows it).
    pub fn command_line(who: &str, at: Timestamp) -> AuditActor {
        AuditActor { account: None, label: format!("command line: {who}"), at }
    }
}

/// One secretariat action: who, when, what (a stable code and its subject), before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub by: AuditActor,
    pub action: String,
    pub subject: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    pub id: i64,
    pub entry: AuditEntry,
}

/// An account to create; its password is already hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub entity: Option<EntityId>,
    pub language: String,
    pub password_hash: String,
}

/// A session to record: the hash of its cookie's token, never the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    pub token_sha256: Hash,
    pub account: AccountId,
    pub csrf_token: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub account: Account,
    /// The token every form of this session must send back.
    pub csrf_token: String,
    pub expires_at: Timestamp,
}

/// Which entities a campaign invites: those in any of `lists` (all when empty), of any of
/// `groups`, in any of `countries` (each kind left empty does not narrow).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub lists: Vec<String>,
    pub groups: Vec<StakeholderGroupId>,
    pub countries: Vec<CountryCode>,
}

/// A focal point's address for an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub entity: EntityId,
    pub entity_name: String,
    pub email: String,
    pub name: String,
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvitation {
    pub token_sha256: Hash,
    pub consultation: ConsultationId,
    pub entity: EntityId,
    pub email: String,
    pub language: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub consultation_slug: String,
    pub entity: EntityId,
    pub entity_name: String,
    pub email: String,
    pub language: String,
    pub expires_at: Timestamp,
    pub used_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPasswordReset {
    pub token_sha256: Hash,
    pub account: AccountId,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

/// An email to send: plain text, already in its reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub created_at: Timestamp,
    pub attachment: Option<MailAttachment>,
}

/// A text file sent with an email (a contribution's receipt).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailAttachment {
    pub name: String,
    pub content: String,
}

/// An attachment as the outbox's two columns hold it: both or neither.
pub(crate) fn mail_attachment((name, content): (Option<String>, Option<String>)) -> Option<MailAttachment> {
    Some(MailAttachment { name: name?, content: content? })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedMail {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub attempts: u32,
    pub attachment: Option<MailAttachment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailOutcome {
    Sent,
    /// Failed; tried again at `retry_at`, or never (then the message is marked failed).
    Failed {
        reason: String,
        retry_at: Option<Timestamp>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailRecord {
    pub id: i64,
    pub to: String,
    pub subject: String,
    /// queued, sent or failed.
    pub status: String,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
}

/// An entry of the change feed: contribution `contribution` changed at sequence number `seq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub seq: u64,
    pub contribution: ContributionId,
}

/// What search and open data show of a contribution: its text (attachments' extracted text
/// included) and the values it is filtered by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicText {
    pub id: ContributionId,
    /// The consultation's slug.
    pub consultation: String,
    pub entity_name: String,
    pub group: StakeholderGroupId,
    pub channel: Channel,
    pub country: Option<CountryCode>,
    pub language: String,
    pub submitted_at: Timestamp,
    pub title: String,
    pub body: String,
    /// The extracted text of its attachments, one after the other.
    pub attachments_text: String,
    pub identity: Identity,
    pub withheld: bool,
    /// Sent without a verified identity and not attributed by the secretariat. An attributed
    /// contribution reads as its entity's (name, group, country).
    pub unverified: bool,
}

/// A leaf's place in the log and the proof that a tree holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inclusion {
    pub leaf_index: u64,
    /// The SHA-256 of the contribution's canonical record; the leaf hashes these 32 bytes.
    pub record_sha256: Hash,
    pub tree_size: u64,
    pub proof: Vec<Hash>,
}

/// A contribution to record, with its entity as it is now and how it was sent.
#[derive(Debug, Clone, Copy)]
pub struct SentContribution<'a> {
    pub contribution: &'a NewContribution,
    /// Its entity: the contribution keeps the name and country it has now.
    pub entity: &'a Entity,
    /// The keyed hash of the network address an unverified contribution came from (for the limit
    /// every server shares; not in its record).
    pub sender_key: Option<&'a str>,
    /// The contribution it amends (in its record, so before its leaf is appended).
    pub amends: Option<ContributionId>,
}

/// Writes that land together or not at all.
pub trait RecordTransaction {
    fn entity_by_name(&mut self, name: &EntityName) -> Result<Option<Entity>>;
    fn insert_entity(&mut self, new: &NewEntity) -> Result<Entity> {
        self.insert_entities(std::slice::from_ref(new))?.pop().ok_or_else(|| StoreError::Batch("no entity".into()))
    }
    /// Records several entities, in as few statements as the backend allows (a batch's claimed
    /// entities); gives them in the same order.
    fn insert_entities(&mut self, new: &[NewEntity]) -> Result<Vec<Entity>>;
    /// Records a contribution; its entity's name and country are kept as they are now.
    fn insert_contribution(&mut self, new: &NewContribution) -> Result<ContributionId>;
    /// Records several contributions, each with its entity in hand (whose name and country it
    /// keeps) and what is known of how it was sent, in as few statements as the backend allows:
    /// a batch of submissions pays a round trip to a database server per statement, not per
    /// contribution. Gives their ids in the same order.
    fn insert_contributions(&mut self, sent: &[SentContribution<'_>]) -> Result<Vec<ContributionId>>;
    /// Records a file of a contribution (its bytes are in the blob store already).
    fn insert_attachment(&mut self, contribution: ContributionId, attachment: &Attachment) -> Result<()>;
    /// The contribution an idempotency key was used for, with the hash of that request.
    fn idempotency_key(&mut self, key: &str) -> Result<Option<(ContributionId, Hash)>>;
    fn remember_idempotency_key(&mut self, key: &str, request_sha256: Hash, contribution: ContributionId)
    -> Result<()>;
    /// The canonical record of a contribution written in this transaction or before.
    fn canonical_record(&mut self, contribution: ContributionId) -> Result<Option<CanonicalRecord>>;
    /// Appends a contribution's record hash to the public log; returns its leaf index.
    fn append_to_log(&mut self, contribution: ContributionId, record_sha256: Hash) -> Result<u64>;
    /// The log's head as this transaction leaves it (what it appended included: under the
    /// record's write lock, the head its commit makes), and the inclusion of each of
    /// `contributions` in it, as `Store::inclusions` gives them.
    fn head_with_inclusions(
        &mut self,
        now: Timestamp,
        contributions: &[ContributionId],
    ) -> Result<(TreeHead, Vec<Option<Inclusion>>)>;
    /// Creates the list if it is new (else renames it); returns its id.
    fn ensure_list(&mut self, slug: &str, name: &str) -> Result<i64>;
    /// Adds an entity to a list (no change if it is there).
    fn add_list_member(&mut self, list: i64, entity: EntityId) -> Result<()>;
    /// Adds or updates a focal point's contact for an entity.
    fn add_contact(&mut self, entity: EntityId, email: &str, name: &str, language: &str) -> Result<()>;
    fn insert_invitation(&mut self, invitation: &NewInvitation) -> Result<()>;
    fn queue_mail(&mut self, mail: &NewMail) -> Result<i64>;
    /// Queues several emails (a batch's acknowledgements); in as few statements as the backend
    /// allows.
    fn queue_mails(&mut self, mails: &[NewMail]) -> Result<()> {
        for mail in mails {
            self.queue_mail(mail)?;
        }
        Ok(())
    }
    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()>;
    /// Marks a point this transaction can return to (for one item of a batch).
    fn savepoint(&mut self) -> Result<()>;
    /// Keeps what was written since the savepoint.
    fn release_savepoint(&mut self) -> Result<()>;
    /// Undoes what was written since the savepoint; the rest of the transaction stands.
    fn rollback_to_savepoint(&mut self) -> Result<()>;
    fn commit(self: Box<Self>) -> Result<()>;
}
