//! Consulta's system of record: the `Store` and its roles (`roles`), its queries written once (`queries`, over
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
mod roles;
mod rows;
mod sql;
mod sqlite;
#[cfg(test)]
mod tests;

use consulta_core::CanonicalRecord;
use consulta_core::{
    Account, AccountId, Channel, ConsultationId, ContributionId, CountryCode, Entity, EntityId, EntityName, Identity,
    NewContribution, NewEntity, Role, StakeholderGroupId,
};
use consulta_log::{Hash, TreeHead};
use jiff::Timestamp;
use jiff::civil::Date;

pub use database::{Database, PooledStore};
pub use postgresql::{Postgres, PostgresStore};
pub use queries::SqlStore;
pub use roles::{
    AccountStore, AgreementStore, BodyStore, CampaignStore, DraftStore, FollowUpStore, JobStore, LogStore,
    MaintenanceStore, RecordStore, Store, TaxonomyStore,
};
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
    #[error("statement {0} was moderated already")]
    AlreadyModerated(i64),
    #[error("statement {0} is not open to votes in this consultation")]
    NotVotable(i64),
    #[error("this consultation already holds an imported conversation")]
    AlreadyImported,
    #[error("contribution {0} is not one of this consultation's")]
    NotInConsultation(i64),
    #[error("a draft with the symbol '{0}' already exists")]
    DuplicateDraft(String),
    #[error("there is already a body {0}")]
    DuplicateBody(String),
    #[error("nomination {0} is not a nomination to this body")]
    NotANomination(i64),
    #[error("no commitment {0}")]
    NotACommitment(i64),
    #[error("commitment {child}: no commitment {parent} to be its parent, in the file or the record")]
    UnknownParent { child: String, parent: String },
    #[error("{0}")]
    CommitmentUpdate(#[from] consulta_followup::UpdateError),
    #[error("this consultation is a reporting round already")]
    DuplicateRound,
    #[error("no item {0} in the forum")]
    NotAForumItem(i64),
    #[error("no API key {0} in use")]
    NotAnApiKey(i64),
    #[error("no answer {number} under item {item} of the forum")]
    NotAForumReply { item: i64, number: i64 },
    #[error("amendment {0} is not a pending amendment of this draft")]
    NotPending(u32),
    #[error("the draft is {0}: its text is no longer negotiated")]
    DraftClosed(&'static str),
    #[error("the database holds a value Consulta cannot read ({0})")]
    Corrupt(String),
    #[error("no randomness to make the instance's key: {0}")]
    Randomness(String),
    #[error("the batch could not be recorded: {0}")]
    Batch(String),
    /// A reader given the record a row at a time stopped, for a reason of its own that it keeps.
    #[error("the reading of the record was stopped by its reader")]
    Stopped,
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

/// A conversation imported from another system (a Pol.is export), written at once.
#[derive(Debug, Clone)]
pub struct ConversationImport {
    pub consultation: consulta_core::ConsultationId,
    /// Where it came from (a folder, a URL), for the audit log.
    pub source: String,
    pub statements: Vec<ImportedStatement>,
    /// Each participant's id in that system and its first vote's time, in participant order.
    pub participants: Vec<(String, Timestamp)>,
    /// In the order they were cast.
    pub votes: Vec<ImportedVote>,
}

#[derive(Debug, Clone)]
pub struct ImportedStatement {
    pub new: consulta_core::NewStatement,
    /// Accepted there (put to the vote); otherwise kept as rejected, with the reason.
    pub accepted: bool,
    pub rejection_reason: Option<String>,
}

/// A vote of an import: positions in its participants and statements.
#[derive(Debug, Clone, Copy)]
pub struct ImportedVote {
    pub participant: usize,
    pub statement: usize,
    pub choice: consulta_core::Choice,
    pub cast_at: Timestamp,
}

/// What an import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportedConversation {
    pub statements: usize,
    pub accepted: usize,
    pub participants: usize,
    pub votes: usize,
}

/// One entry of the taxonomy that the secretariat adds or changes.
#[derive(Debug, Clone, Copy)]
pub enum TaxonomyEntry<'a> {
    Issue(&'a consulta_core::Issue),
    Mechanism(&'a consulta_core::Mechanism),
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

/// Someone whose contributions a report counts, with those contributions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contributor {
    /// The entity, or the one the secretariat attributed its unverified contributions to.
    pub entity: EntityId,
    pub name: String,
    pub group: StakeholderGroupId,
    pub country: Option<CountryCode>,
    /// In the order they were recorded.
    pub contributions: Vec<ContributionId>,
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

/// A draft's number in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DraftId(pub i64);

/// A draft to record: the consultation it belongs to, its document symbol, the language it is
/// written in, and its text as parsed (revision 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDraft<'a> {
    pub consultation: consulta_core::ConsultationId,
    pub symbol: &'a str,
    pub language: &'a str,
    pub text: &'a consulta_drafting::Draft,
}

/// A draft as the store keeps it, with its latest revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDraft {
    pub id: DraftId,
    pub consultation: consulta_core::ConsultationId,
    pub symbol: String,
    pub language: String,
    pub status: consulta_drafting::DraftStatus,
    /// The latest revision's number (0: as imported; Rev.1 is 1).
    pub revision: u32,
    pub text: consulta_drafting::Draft,
    /// The latest revision's paragraphs agreed ad referendum.
    pub agreed: Vec<consulta_drafting::Place>,
    pub created_at: Timestamp,
}

/// An amendment's row in the store (delegations cite its `number` in the draft).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AmendmentId(pub i64);

/// A new revision as the secretariat decides it: its text (the latest revision with the
/// `accepted` amendments applied), the amendments it accepts and rejects (numbers in the draft),
/// and the marks of agreement it carries over.
#[derive(Debug, Clone, Copy)]
pub struct Revised<'a> {
    pub text: &'a consulta_drafting::Draft,
    pub accepted: &'a [u32],
    pub rejected: &'a [u32],
    pub agreed: &'a [consulta_drafting::Place],
}

/// An amendment just recorded: its number in the draft and its leaf in the public log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProposedAmendment {
    pub id: AmendmentId,
    pub number: u32,
    pub leaf_index: u64,
    /// SHA-256 of its canonical record (`AmendmentRecord`).
    pub record_sha256: Hash,
}

/// An amendment as the store keeps it, with who proposed it and where others stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAmendment {
    pub id: AmendmentId,
    /// Its number in the draft, from 1.
    pub number: u32,
    /// The revision it was proposed to.
    pub revision: u32,
    pub amendment: consulta_drafting::Amendment,
    pub justification: String,
    /// The entity that proposed it, with its name as recorded then; None for the secretariat.
    pub proposer: Option<(consulta_core::EntityId, String)>,
    pub status: consulta_drafting::AmendmentStatus,
    /// The revision that accepted it.
    pub decided_revision: Option<u32>,
    /// The number of the secretariat's amendment it was merged into.
    pub merged_into: Option<u32>,
    /// Its leaf in the public log.
    pub leaf_index: Option<u64>,
    pub supporters: Vec<String>,
    pub opponents: Vec<String>,
    pub proposed_at: Timestamp,
}

/// A campaign, counted: its published members, and when the first and last were sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CampaignSummary {
    pub campaign: ContributionId,
    pub size: u64,
    pub first_seen: Timestamp,
    pub last_seen: Timestamp,
}

/// How many of a campaign's published members share a stakeholder group, country and channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignFacet {
    pub group: StakeholderGroupId,
    pub country: Option<CountryCode>,
    pub channel: Channel,
    pub members: u64,
}

/// How far a consultation's campaigns reach among its counted contributions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CampaignReach {
    /// By stakeholder group: counted contributions that belong to a campaign, and in how many
    /// campaigns they are.
    pub groups: Vec<(StakeholderGroupId, u64, u64)>,
    /// The campaigns they reach in all.
    pub campaigns: u64,
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

/// A body's row in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BodyId(pub i64);

/// A body to record: the consultation it serves, its address, name, mandate and term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBody<'a> {
    pub consultation: consulta_core::ConsultationId,
    pub slug: &'a str,
    pub name: &'a str,
    pub mandate: &'a str,
    pub term_years: u32,
}

/// A body as the store keeps it, with its rules as the secretariat wrote them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBody {
    pub id: BodyId,
    pub consultation: consulta_core::ConsultationId,
    pub slug: String,
    pub name: String,
    pub mandate: String,
    pub term_years: u32,
    pub rules: String,
    pub objective: consulta_composition::Objective,
    /// The nominators the chair rotates between, in order.
    pub chair_rotation: Vec<String>,
}

/// A nomination to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNomination {
    pub person: String,
    /// The recorded entity that nominates; None for a stakeholder group's own process.
    pub nominator: Option<consulta_core::EntityId>,
    /// The selection process, when a stakeholder group nominates.
    pub process: Option<String>,
    pub stakeholder_group: String,
    pub country: Option<consulta_core::CountryCode>,
    pub gender: String,
    pub expertise: Vec<String>,
    pub statement: String,
    pub priority: u32,
}

/// A nomination as the store keeps it, with the nominating entity's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredNomination {
    pub id: i64,
    pub nomination: NewNomination,
    pub nominator_name: Option<String>,
    pub pin: consulta_composition::Pin,
}

/// A term on a body: the nomination seated, from `start` until `end` (excluded), as a member,
/// the chair or a co-chair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub nomination: i64,
    pub start: jiff::civil::Date,
    pub end: jiff::civil::Date,
    pub role: consulta_composition::Role,
}

/// A commitment's row in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CommitmentId(pub i64);

/// A commitment to record, or, when the store holds its `external_id` already, to update: what
/// an entity undertook, as a results file or the secretariat gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCommitment {
    /// Its id in the file it came from (Decidim's result id), if any.
    pub external_id: Option<String>,
    /// Its parent's id in the file (or in the store, from an earlier file).
    pub parent_external_id: Option<String>,
    pub consultation: Option<consulta_core::ConsultationId>,
    pub entity: String,
    /// The recorded entity of that name, if there is one.
    pub entity_id: Option<consulta_core::EntityId>,
    pub title: String,
    pub description: String,
    /// Action line codes, C1 to C11.
    pub action_lines: Vec<String>,
    pub start_date: Option<jiff::civil::Date>,
    pub end_date: Option<jiff::civil::Date>,
    pub indicator: String,
    pub target: String,
    pub status: consulta_followup::CommitmentStatus,
    pub progress: consulta_followup::Progress,
    /// The issues of the taxonomy it serves, by identifier.
    pub issues: Vec<String>,
    /// The draft (its symbol) and the contribution it came from, if any.
    pub draft: Option<String>,
    pub contribution: Option<consulta_core::ContributionId>,
}

/// A commitment as the store keeps it: `commitment.parent_external_id` is its parent's.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCommitment {
    pub id: CommitmentId,
    pub parent: Option<CommitmentId>,
    pub commitment: NewCommitment,
}

/// One status and progress a commitment has had, from the day `on`, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentUpdate {
    pub on: jiff::civil::Date,
    pub status: consulta_followup::CommitmentStatus,
    pub progress: consulta_followup::Progress,
    pub note: String,
}

/// Which commitments a listing shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommitmentFilter {
    pub action_line: Option<String>,
    /// An issue of the taxonomy, by identifier.
    pub issue: Option<String>,
    pub entity: Option<String>,
    pub status: Option<consulta_followup::CommitmentStatus>,
    /// Of recorded entities of this stakeholder group.
    pub group: Option<String>,
    /// Of recorded entities of these countries (a region's or a development status's).
    pub countries: Option<Vec<String>>,
}

/// An organisation facilitating an action line in a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facilitator {
    pub year: i32,
    pub action_line: String,
    pub organisation: String,
    pub role: consulta_followup::FacilitatorRole,
}

/// A reporting round to open: the consultation progress reports are filed through, the year and
/// action lines they report on, and the entities invited to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRound {
    pub consultation: consulta_core::ConsultationId,
    pub year: i32,
    pub action_lines: Vec<String>,
    pub invitees: Vec<consulta_core::EntityId>,
}

/// A reporting round as the store keeps it, each invitee with its first published report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRound {
    pub consultation: consulta_core::ConsultationId,
    pub year: i32,
    pub action_lines: Vec<String>,
    pub invitees: Vec<Invitee>,
}

/// An API key to issue for the bulk channel: its hash only, the consultation it may send to, the
/// organisation it is issued to, and how many contributions it may send an hour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApiKey {
    pub key_sha256: consulta_log::Hash,
    pub consultation: consulta_core::ConsultationId,
    pub entity: consulta_core::EntityId,
    pub label: String,
    pub lines_per_hour: u64,
}

/// An API key as the store keeps it (never the key itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub id: i64,
    pub consultation: consulta_core::ConsultationId,
    pub consultation_slug: String,
    pub entity: consulta_core::EntityId,
    pub entity_name: String,
    pub label: String,
    pub lines_per_hour: u64,
    pub created_at: jiff::Timestamp,
    pub revoked_at: Option<jiff::Timestamp>,
}

impl ApiKey {
    /// What the contributions it sends are recorded as sent by (the per-sender count reads it).
    pub fn sender_key(&self) -> String {
        format!("api-key:{}", self.id)
    }
}

/// An item of the forum on projects and funding: its row in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ForumItemId(pub i64);

/// A project or funding source to post, for an entity, by one of its focal points' accounts
/// (none when the secretariat records it from the command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewForumItem {
    pub entity: consulta_core::EntityId,
    pub account: Option<consulta_core::AccountId>,
    pub post: consulta_followup::ForumPost,
}

/// Why and when the secretariat hid an item or an answer (kept in the record, shown in its place).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hidden {
    pub reason: String,
    pub at: jiff::Timestamp,
}

/// A forum item as the store keeps it, with the posting entity's name and stakeholder group
/// (what the matching reads) and how many answers its thread holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredForumItem {
    pub id: ForumItemId,
    pub entity: consulta_core::EntityId,
    pub entity_name: String,
    pub entity_group: String,
    pub is_example: bool,
    pub post: consulta_followup::ForumPost,
    pub posted_at: jiff::Timestamp,
    pub hidden: Option<Hidden>,
    pub replies: i64,
}

/// A question or an answer in an item's thread, numbered from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForumReply {
    pub number: i64,
    pub entity: consulta_core::EntityId,
    pub entity_name: String,
    pub body: String,
    pub posted_at: jiff::Timestamp,
    pub hidden: Option<Hidden>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitee {
    pub entity: consulta_core::EntityId,
    pub name: String,
    /// Its first published contribution to the round's consultation, and when it came.
    pub report: Option<(consulta_core::ContributionId, jiff::Timestamp)>,
    pub reminded_at: Option<jiff::Timestamp>,
}
