//! The store's roles: one trait per concern, so a crate names the part of the record it uses;
//! `Store` is all of them, what a connection of either backend offers.

use consulta_core::CanonicalRecord;
use consulta_core::table::Standing;
use consulta_core::{
    Account, AccountId, CampaignNote, Channel, Consultation, ConsultationId, Contribution, ContributionId, Entity,
    EntityId, Issue, IssueId, Matrix, Mechanism, Meeting, NewConsultation, StakeholderGroupId,
};
use consulta_core::{
    CastVote, Choice, Moderation, NewStatement, Participant, ParticipantId, Statement, StatementId, StatementRecord,
    Voter,
};
use consulta_log::{Hash, TreeHead};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::{
    Attachment, AuditActor, AuditEntry, AuditRecord, Change, Contact, ContributionFilter, ContributionSummary,
    Contributor, Extraction, Inclusion, Invitation, MailOutcome, MailRecord, NewAccount, NewMail, NewPasswordReset,
    NewSession, Page, PageRequest, PendingExtraction, PublicText, QueuedMail, RecordTransaction, Result, Selection,
    Session, TaxonomyEntry, copy,
};
use crate::{ConversationImport, ImportedConversation};

/// The record. Reads take `&self`; writes that must land together go through a
/// `RecordTransaction`, which writes nothing unless committed. Each role is a supertrait, so a
/// `&dyn Store` passes where a function asks for the one role it needs.
pub trait Store:
    RecordStore
    + LogStore
    + AccountStore
    + JobStore
    + TaxonomyStore
    + AgreementStore
    + CampaignStore
    + DraftStore
    + BodyStore
    + FollowUpStore
    + MaintenanceStore
{
}

impl<
    S: RecordStore
        + LogStore
        + AccountStore
        + JobStore
        + TaxonomyStore
        + AgreementStore
        + CampaignStore
        + DraftStore
        + BodyStore
        + FollowUpStore
        + MaintenanceStore
        + ?Sized,
> Store for S
{
}

/// The record itself: consultations, meetings, entities, contributions and their files, the
/// change feed the index follows, and transactions that write contributions.
pub trait RecordStore: Send + std::fmt::Debug {
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
    /// The newest `count` contributions of a consultation, newest first (withheld ones marked).
    fn newest_contributions(&self, consultation: ConsultationId, count: u64) -> Result<Vec<ContributionSummary>>;

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
    /// Where the extraction of an attachment's text stands; None if there is no such file.
    fn extraction(&self, contribution: ContributionId, position: u32) -> Result<Option<Extraction>>;
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
    /// Every contributor of a consultation's counted contributions (published, from a recorded,
    /// verified or attributed sender), in the order the report's annex lists them: their
    /// stakeholder group's place, then their name. Read one at a time, whatever the record's size.
    fn contributors(&self, consultation: ConsultationId, each: &mut dyn FnMut(Contributor) -> Result<()>)
    -> Result<()>;
    /// How many contributors `contributors` would give.
    fn contributor_count(&self, consultation: ConsultationId) -> Result<u64>;
    /// How many contributions came from the sender whose keyed address is `key` since `since`.
    fn contributions_from_sender(&self, key: &str, since: Timestamp) -> Result<u64>;

    /// Starts a transaction; dropping it without `commit` leaves the record as it was.
    fn begin(&mut self) -> Result<Box<dyn RecordTransaction + '_>>;
}

/// The public log: its leaves, heads, proofs and the instance's key.
pub trait LogStore: Send + std::fmt::Debug {
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
}

/// Accounts, sessions, invitations, password resets, the shared rate limits and the audit log.
pub trait AccountStore: Send + std::fmt::Debug {
    /// Issues an API key (its hash only), audited (`api_key.issue`); gives its number.
    fn issue_api_key(&mut self, new: &crate::NewApiKey, by: &AuditActor) -> Result<i64>;
    /// The key with this hash, revoked or not.
    fn api_key_by_hash(&self, key_sha256: &consulta_log::Hash) -> Result<Option<crate::ApiKey>>;
    /// Every key issued, by number.
    fn api_keys(&self) -> Result<Vec<crate::ApiKey>>;
    /// Revokes a key in use, audited (`api_key.revoke`); `NotAnApiKey` for none or one revoked.
    fn revoke_api_key(&mut self, id: i64, by: &AuditActor) -> Result<()>;
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
    /// The audit log, newest first.
    fn audit_log(&self, page: PageRequest) -> Result<Page<AuditRecord>>;
    /// How many `scope` events `subject` had since `since`, and when the last was: rate limits
    /// that every server of the instance shares (failed sign-ins, reset requests).
    fn rate_events(&self, scope: &str, subject: &str, since: Timestamp) -> Result<(u64, Option<Timestamp>)>;
    /// Counts one `scope` event for `subject` at `at`.
    fn record_rate_event(&mut self, scope: &str, subject: &str, at: Timestamp) -> Result<()>;
    /// Forgets `subject`'s `scope` events.
    fn forget_rate_events(&mut self, scope: &str, subject: &str) -> Result<()>;
    /// Forgets events of `scope` older than `before`; returns how many.
    fn prune_rate_events(&mut self, scope: &str, before: Timestamp) -> Result<u64>;
}

/// Background work: the mail outbox, attachments waiting for their text, and the leases that
/// let one server of several run a job.
pub trait JobStore: Send + std::fmt::Debug {
    /// Queues an email for the background sender.
    fn queue_mail(&mut self, mail: &NewMail) -> Result<i64>;
    /// Claims for `holder`, for `lease` by the database's clock, at most `limit` queued emails that
    /// are due, oldest first, passing over those another server has claimed: every server sends
    /// side by side, and none sends what another is sending. The outcome releases each claim.
    fn claim_due_mail(&mut self, holder: &str, lease: std::time::Duration, limit: usize) -> Result<Vec<QueuedMail>>;
    /// Records the outcome of a send: sent, or failed with a reason and (if it will be tried
    /// again) when; the email's claim is released.
    fn mail_outcome(&mut self, id: i64, outcome: &MailOutcome, now: Timestamp) -> Result<()>;
    /// The outbox, newest first.
    fn mail_log(&self, page: PageRequest) -> Result<Page<MailRecord>>;

    /// Claims for `holder`, for `lease`, at most `limit` attachments whose text is still to be
    /// extracted, oldest first, as `claim_due_mail` claims emails.
    fn claim_extractions(
        &mut self,
        holder: &str,
        lease: std::time::Duration,
        limit: usize,
    ) -> Result<Vec<PendingExtraction>>;
    /// Records an extraction's outcome and releases the attachment's claim.
    fn set_extraction(&mut self, contribution: ContributionId, position: u32, outcome: &Extraction) -> Result<()>;

    /// Claims (or renews) the lease on a background job for `holder` until `until`: true if
    /// `holder` now holds it, false if another holder's lease has not expired at `now`.
    fn claim_lease(&mut self, job: &str, holder: &str, now: Timestamp, until: Timestamp) -> Result<bool>;
    /// Gives up `holder`'s lease on `job`, if it holds it, so another server takes the job over
    /// at once instead of when the lease expires.
    fn release_lease(&mut self, job: &str, holder: &str) -> Result<()>;
    /// Gives up every claim `holder` holds on emails and attachments (a server stopping), so
    /// other servers take them over at once.
    fn release_claims(&mut self, holder: &str) -> Result<()>;
}

/// The issues, the cooperation mechanisms, their matrix and the contributions' issue tags.
pub trait TaxonomyStore: Send + std::fmt::Debug {
    /// The issue taxonomy, in its order.
    fn issues(&self) -> Result<Vec<Issue>>;
    /// The cooperation mechanisms, in their order.
    fn mechanisms(&self) -> Result<Vec<Mechanism>>;
    /// Which mechanisms handle which issues.
    fn matrix(&self) -> Result<Matrix>;
    /// Adds an issue or a mechanism, or changes the one with its identifier, and audits it.
    fn save_taxonomy_entry(&mut self, entry: TaxonomyEntry<'_>, by: &AuditActor) -> Result<()>;
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
    /// Every tag (contribution, issue) of a consultation, or of all of them.
    fn issue_tags(&self, consultation: Option<ConsultationId>) -> Result<Vec<(ContributionId, IssueId)>>;
    /// The tags of these contributions, by contribution then issue.
    fn issue_tags_of(&self, contributions: &[ContributionId]) -> Result<Vec<(ContributionId, IssueId)>>;
    /// For each issue raised in a consultation's counted contributions (published, from a
    /// recorded, verified or attributed sender), how many contributors raised it.
    fn issue_contributor_counts(&self, consultation: ConsultationId) -> Result<Vec<(IssueId, u64)>>;
}

/// Points of agreement: statements, their moderation, participants and votes.
pub trait AgreementStore: Send + std::fmt::Debug {
    fn statement(&self, id: StatementId) -> Result<Option<Statement>>;
    /// A consultation's statements in the order they were proposed; only those in `moderation`
    /// when it is given.
    fn statements(&self, consultation: ConsultationId, moderation: Option<Moderation>) -> Result<Vec<Statement>>;
    /// Records a statement: a participant's (`by` None) waits for moderation; the secretariat's
    /// is accepted at once, appended to the log and audited, in one transaction.
    fn add_statement(&mut self, new: &NewStatement, by: Option<&AuditActor>) -> Result<Statement>;
    /// Accepts (`rejection` None) or rejects a statement waiting for moderation, audited, in one
    /// transaction; an accepted one is appended to the log. None if there is no such statement.
    fn moderate_statement(
        &mut self,
        id: StatementId,
        rejection: Option<&str>,
        by: &AuditActor,
    ) -> Result<Option<Statement>>;
    /// The participant `voter` is in `consultation`, recorded on its first appearance (a verified
    /// one with `entity`'s stakeholder group and country as they are then).
    fn participant(
        &mut self,
        consultation: ConsultationId,
        voter: &Voter,
        entity: Option<&Entity>,
        at: Timestamp,
    ) -> Result<ParticipantId>;
    /// The participant `voter` is, if it ever voted or proposed in `consultation`.
    fn find_participant(&self, consultation: ConsultationId, voter: &Voter) -> Result<Option<ParticipantId>>;
    fn participants(&self, consultation: ConsultationId) -> Result<Vec<Participant>>;
    /// Records a vote on an accepted statement of the participant's consultation (earlier votes
    /// stay, as history); `StoreError::NotVotable` otherwise.
    fn cast_vote(&mut self, vote: &CastVote) -> Result<()>;
    /// Every vote cast in a consultation, in the order cast.
    fn votes(&self, consultation: ConsultationId) -> Result<Vec<CastVote>>;
    /// A participant's latest vote on each statement it voted on.
    fn votes_of(&self, participant: ParticipantId) -> Result<Vec<(StatementId, Choice)>>;
    /// Writes a whole imported conversation in one transaction, audited; nothing if it fails.
    fn import_conversation(&mut self, import: &ConversationImport, by: &AuditActor) -> Result<ImportedConversation>;
    /// What changes whenever a consultation's points of agreement may have: the last vote of the
    /// instance, and how many statements the consultation has and has accepted. Cheap, so a page
    /// can tell whether the groups it holds are still those of the record.
    fn agreement_mark(&self, consultation: ConsultationId) -> Result<(i64, u64, u64)>;
    /// Every accepted statement's leaf: (statement, leaf index, record hash), in leaf order.
    fn statement_leaves(&self) -> Result<Vec<(StatementId, u64, Hash)>>;
    /// The canonical record of a statement as stored now (what its leaf commits to).
    fn statement_record(&self, id: StatementId) -> Result<Option<StatementRecord>>;
    /// Where an accepted statement is in the log, with the proof for the tree of `tree_size`
    /// leaves; None for a statement with no leaf in that tree.
    fn statement_inclusion(&self, id: StatementId, tree_size: u64) -> Result<Option<crate::Inclusion>>;
}

/// Campaigns: which contributions are one letter sent many times. Derived from the record:
/// written again whole for a consultation, or changed as the server follows the change feed;
/// beside them, the secretariat's name and note for a campaign.
/// Drafts (issue 19): the texts a consultation leads to, each revision kept whole.
pub trait DraftStore: Send + std::fmt::Debug {
    /// Records a draft with its text as revision 0, status proposal, in one transaction with its
    /// audit entry (`draft.import`); a symbol already used is refused (`DuplicateDraft`).
    fn add_draft(&mut self, new: &crate::NewDraft<'_>, by: &AuditActor) -> Result<crate::StoredDraft>;
    /// The draft known by `symbol`, with its latest revision.
    fn draft_by_symbol(&self, symbol: &str) -> Result<Option<crate::StoredDraft>>;
    /// One revision of a draft's text.
    fn draft_revision(&self, draft: crate::DraftId, revision: u32) -> Result<Option<consulta_drafting::Draft>>;
    /// A consultation's drafts with their latest revisions, by symbol.
    fn drafts(&self, consultation: ConsultationId) -> Result<Vec<crate::StoredDraft>>;
    /// How a consultation's drafts and bodies stand: how many, and how many changes they have had
    /// (their open data files follow it).
    fn drafts_and_bodies_mark(&self, consultation: ConsultationId) -> Result<(u64, i64)>;
    /// Records an amendment to a draft's latest revision, with its justification, by an entity
    /// or (None) the secretariat, numbered next in the draft and appended to the public log in
    /// the same transaction; audited (`draft.amend`). Refused once the draft is agreed
    /// (`DraftClosed`).
    fn propose_amendment(
        &mut self,
        draft: crate::DraftId,
        amendment: &consulta_drafting::Amendment,
        justification: &str,
        proposer: Option<consulta_core::EntityId>,
        by: &AuditActor,
    ) -> Result<crate::ProposedAmendment>;
    /// Records the secretariat's amendment combining the pending amendments `merged` (numbers),
    /// which are closed as merged into it, in one transaction; audited (`draft.merge`).
    fn merge_amendments(
        &mut self,
        draft: crate::DraftId,
        merged: &[u32],
        amendment: &consulta_drafting::Amendment,
        justification: &str,
        by: &AuditActor,
    ) -> Result<crate::ProposedAmendment>;
    /// An entity supports (true) or opposes a pending amendment (its number in the draft); a
    /// later stance replaces its earlier one.
    fn take_stance(
        &mut self,
        draft: crate::DraftId,
        number: u32,
        entity: consulta_core::EntityId,
        support: bool,
        by: &AuditActor,
    ) -> Result<()>;
    /// A draft's amendments, by number.
    fn draft_amendments(&self, draft: crate::DraftId) -> Result<Vec<crate::StoredAmendment>>;
    /// Records a new revision of a draft, marks the amendments it accepts and rejects decided
    /// and carries its marks of agreement, in one transaction; an amendment not pending is
    /// refused (`NotPending`). Audited (`draft.revise`).
    fn revise_draft(&mut self, draft: crate::DraftId, revised: &crate::Revised<'_>, by: &AuditActor) -> Result<u32>;
    /// Marks a paragraph of the latest revision agreed ad referendum, or takes the mark back;
    /// audited (`draft.agree`).
    fn mark_agreed(
        &mut self,
        draft: crate::DraftId,
        place: &consulta_drafting::Place,
        agreed: bool,
        by: &AuditActor,
    ) -> Result<()>;
    /// Sets a draft's status; audited (`draft.status`). The caller checks the step is allowed.
    fn set_draft_status(
        &mut self,
        draft: crate::DraftId,
        status: consulta_drafting::DraftStatus,
        by: &AuditActor,
    ) -> Result<()>;
    /// The row of a draft's amendment `number`.
    fn amendment_id(&self, draft: crate::DraftId, number: u32) -> Result<Option<crate::AmendmentId>>;
    /// An amendment's canonical record, as stored now.
    fn amendment_record(&self, id: crate::AmendmentId) -> Result<Option<consulta_drafting::AmendmentRecord>>;
    /// Every amendment's leaf: (amendment, leaf index, record hash), in leaf order.
    fn amendment_leaves(&self) -> Result<Vec<(crate::AmendmentId, u64, Hash)>>;
    /// Every amendment's row.
    fn amendment_ids(&self) -> Result<Vec<crate::AmendmentId>>;
    /// An amendment's leaf in the tree of `tree_size` leaves, and the proof.
    fn amendment_inclusion(&self, id: crate::AmendmentId, tree_size: u64) -> Result<Option<crate::Inclusion>>;
}

/// Bodies whose membership must be balanced: their rules, the nominations to them, who sits.
pub trait BodyStore: Send + std::fmt::Debug {
    /// Records a body (no rules yet), audited (`body.create`); a slug already used is refused
    /// (`DuplicateBody`).
    fn add_body(&mut self, new: &crate::NewBody<'_>, by: &AuditActor) -> Result<crate::StoredBody>;
    fn body_by_slug(&self, slug: &str) -> Result<Option<crate::StoredBody>>;
    /// A consultation's bodies, by slug.
    fn bodies(&self, consultation: ConsultationId) -> Result<Vec<crate::StoredBody>>;
    /// Replaces a body's rules (the text as written; the caller has read it) and the solver's
    /// objective, audited (`body.rules`).
    fn set_body_rules(
        &mut self,
        body: crate::BodyId,
        rules: &str,
        objective: consulta_composition::Objective,
        by: &AuditActor,
    ) -> Result<()>;
    /// Sets the nominators the chair rotates between, in order; audited (`body.chair_rotation`).
    fn set_chair_rotation(&mut self, body: crate::BodyId, rotation: &[String], by: &AuditActor) -> Result<()>;
    /// Records nominations in one transaction (all or none), audited (`body.nominate`); gives
    /// their numbers.
    fn nominate(
        &mut self,
        body: crate::BodyId,
        nominations: &[crate::NewNomination],
        by: &AuditActor,
    ) -> Result<Vec<i64>>;
    /// A body's nominations, in the order made.
    fn nominations(&self, body: crate::BodyId) -> Result<Vec<crate::StoredNomination>>;
    /// Pins a nomination in or out of the solver's slate, or frees it, audited (`body.pin`).
    fn set_pin(
        &mut self,
        body: crate::BodyId,
        nomination: i64,
        pin: consulta_composition::Pin,
        by: &AuditActor,
    ) -> Result<()>;
    /// Seats nominations for their terms, in one transaction, audited (`body.seat`); a
    /// nomination to another body is refused (`NotANomination`).
    fn seat(&mut self, body: crate::BodyId, terms: &[crate::Membership], by: &AuditActor) -> Result<()>;
    /// Every term served on a body, by start.
    fn memberships(&self, body: crate::BodyId) -> Result<Vec<crate::Membership>>;
}

pub trait CampaignStore: Send + std::fmt::Debug {
    /// Replaces a consultation's campaigns with `members` (contribution, campaign: its first
    /// member), in one transaction. A contribution of another consultation is refused.
    fn set_campaigns(
        &mut self,
        consultation: ConsultationId,
        members: &[(ContributionId, ContributionId)],
    ) -> Result<()>;
    /// A consultation's campaign members (contribution, campaign), by contribution.
    fn campaign_members(&self, consultation: ConsultationId) -> Result<Vec<(ContributionId, ContributionId)>>;
    /// A consultation's campaigns with their published members counted, and when the first and
    /// last came; the largest first, then by campaign.
    fn campaign_summaries(&self, consultation: ConsultationId) -> Result<Vec<crate::CampaignSummary>>;
    /// One campaign of a consultation counted as `campaign_summaries` counts it; None when it
    /// has no published member there.
    fn campaign_summary(
        &self,
        consultation: ConsultationId,
        campaign: ContributionId,
    ) -> Result<Option<crate::CampaignSummary>>;
    /// A campaign's published members by stakeholder group, country and channel (as the
    /// distribution table reads them: an attributed contribution as its entity's).
    fn campaign_breakdown(&self, campaign: ContributionId) -> Result<Vec<crate::CampaignFacet>>;
    /// A campaign's published members, in the order recorded.
    fn campaign_member_ids(&self, campaign: ContributionId) -> Result<Vec<ContributionId>>;
    /// Of a consultation's counted contributions (as the distribution table counts them) that
    /// belong to a campaign: by stakeholder group, how many and in how many campaigns; and how
    /// many campaigns they reach in all.
    fn campaign_reach(&self, consultation: ConsultationId) -> Result<crate::CampaignReach>;
    /// The campaigns of those of `ids` that belong to one: (contribution, campaign).
    fn campaigns_of(&self, ids: &[ContributionId]) -> Result<Vec<(ContributionId, ContributionId)>>;
    /// The campaign a contribution belongs to, and how many members it has.
    fn campaign_of(&self, contribution: ContributionId) -> Result<Option<(ContributionId, u64)>>;
    /// What changes whenever a consultation's campaigns are written again differently: how many
    /// members they have, and the sum of their campaigns' numbers. Cheap, for caches.
    fn campaigns_mark(&self, consultation: ConsultationId) -> Result<(u64, i64)>;
    /// Changes some contributions' campaigns, in one transaction: each to its campaign, or to
    /// none. A contribution of another consultation is refused.
    fn change_campaigns(
        &mut self,
        consultation: ConsultationId,
        changes: &[(ContributionId, Option<ContributionId>)],
    ) -> Result<()>;
    /// The change feed's sequence number up to which new contributions have been assigned to
    /// campaigns (0 when none has).
    fn campaigns_followed(&self) -> Result<u64>;
    fn set_campaigns_followed(&mut self, seq: u64) -> Result<()>;
    /// The secretariat's name and note for the campaign named by contribution `campaign`.
    fn campaign_note(&self, campaign: ContributionId) -> Result<Option<CampaignNote>>;
    /// Every named campaign of a consultation, by campaign.
    fn campaign_notes(&self, consultation: ConsultationId) -> Result<Vec<(ContributionId, CampaignNote)>>;
    /// Sets (or, with None, removes) a campaign's name and note, with its audit entry.
    fn set_campaign_note(
        &mut self,
        campaign: ContributionId,
        note: Option<&CampaignNote>,
        by: &AuditActor,
    ) -> Result<()>;
}

/// The whole record at once, for backups, copies between backends and health checks.
pub trait MaintenanceStore: Send + std::fmt::Debug {
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
}

/// The follow-up record: who facilitates each action line in a year, the commitments entities
/// take and every update of their status and progress.
pub trait FollowUpStore: Send + std::fmt::Debug {
    /// Records commitments in one transaction (all or none), audited (`follow_up.import`): one
    /// whose external id the store holds already updates that commitment, and adds an update
    /// dated `on` if its status or progress changed (refused as `CommitmentUpdate` where the
    /// rules forbid it); a parent is found by its external id, in the same rows or in the store
    /// (`UnknownParent`). Gives how many were added and how many updated.
    fn import_commitments(
        &mut self,
        rows: &[crate::NewCommitment],
        on: jiff::civil::Date,
        by: &AuditActor,
    ) -> Result<(usize, usize)>;
    /// The commitments the filter lets through, by id.
    fn commitments(&self, filter: &crate::CommitmentFilter) -> Result<Vec<crate::StoredCommitment>>;
    fn commitment(&self, id: crate::CommitmentId) -> Result<Option<crate::StoredCommitment>>;
    /// A commitment's updates, its first one first.
    fn commitment_updates(&self, id: crate::CommitmentId) -> Result<Vec<crate::CommitmentUpdate>>;
    /// Every commitment's updates, in one read (the annual report's).
    fn all_commitment_updates(
        &self,
    ) -> Result<std::collections::HashMap<crate::CommitmentId, Vec<crate::CommitmentUpdate>>>;
    /// Updates a commitment's status and progress, checked against where it stands in the same
    /// transaction (`CommitmentUpdate`), audited (`follow_up.update`).
    fn update_commitment(
        &mut self,
        id: crate::CommitmentId,
        update: &crate::CommitmentUpdate,
        by: &AuditActor,
    ) -> Result<()>;
    /// Replaces who facilitates an action line in a year, audited (`follow_up.facilitators`).
    fn set_facilitators(
        &mut self,
        year: i32,
        action_line: &str,
        facilitators: &[(String, consulta_followup::FacilitatorRole)],
        by: &AuditActor,
    ) -> Result<()>;
    /// Facilitators of one year, or of every year, by year, action line and role.
    fn facilitators(&self, year: Option<i32>) -> Result<Vec<crate::Facilitator>>;
    /// How many changes the follow-up record has had: what its open data follows.
    fn follow_up_changes(&self) -> Result<i64>;
    /// Opens a reporting round over a consultation, audited (`follow_up.round`); a consultation
    /// that is a round already is refused (`DuplicateRound`).
    fn open_round(&mut self, round: &crate::NewRound, by: &AuditActor) -> Result<()>;
    /// Every reporting round, by year then consultation, with its invitees and their reports.
    fn rounds(&self) -> Result<Vec<crate::StoredRound>>;
    /// The reporting round over a consultation, if it is one.
    fn round(&self, consultation: ConsultationId) -> Result<Option<crate::StoredRound>>;
    /// Notes that the focal points of these invitees were reminded at `at`.
    fn mark_reminded(&mut self, consultation: ConsultationId, entities: &[EntityId], at: Timestamp) -> Result<()>;
    /// The focal points' accounts of an entity (whom a reminder goes to).
    fn focal_points_of(&self, entity: EntityId) -> Result<Vec<consulta_core::Account>>;

    /// Posts a project or a funding source to the forum, audited (`forum.post`).
    fn post_forum_item(&mut self, item: &crate::NewForumItem, by: &AuditActor) -> Result<crate::ForumItemId>;
    /// Every forum item, hidden ones included, the latest first.
    fn forum_items(&self) -> Result<Vec<crate::StoredForumItem>>;
    fn forum_item(&self, id: crate::ForumItemId) -> Result<Option<crate::StoredForumItem>>;
    /// An item's thread, hidden answers included, in order (`NotAForumItem` for no such item).
    fn forum_replies(&self, id: crate::ForumItemId) -> Result<Vec<crate::ForumReply>>;
    /// Adds a question or an answer under an item, for an entity, audited (`forum.reply`); gives
    /// its number.
    fn reply_in_forum(
        &mut self,
        id: crate::ForumItemId,
        entity: EntityId,
        account: Option<consulta_core::AccountId>,
        body: &str,
        by: &AuditActor,
    ) -> Result<i64>;
    /// Hides an item, or one answer of its thread, with the secretariat's reason, or shows it
    /// again (`reason` None), audited (`forum.hide`, `forum.show`).
    fn moderate_forum(
        &mut self,
        id: crate::ForumItemId,
        reply: Option<i64>,
        reason: Option<&str>,
        by: &AuditActor,
    ) -> Result<()>;
}
