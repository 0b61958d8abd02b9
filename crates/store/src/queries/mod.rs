//! The record's queries, written once for every backend. `SqlStore` implements `Store` by
//! choosing, for each method, how it touches the database (a statement on its own, a snapshot,
//! a transaction under the record's write lock) and handing the work to the module of its
//! concern.

mod accounts;
mod agreement;
mod api_keys;
mod audit;
mod bodies;
mod campaigns;
mod claims;
mod contributors;
mod drafts;
mod follow_up;
mod forum;
mod log;
mod outbox;
mod record;
pub(crate) mod taxonomy;
mod transaction;
mod whole_record;

use consulta_core::table::Standing;
use consulta_core::{
    Account, AccountId, CampaignNote, CanonicalRecord, Channel, Consultation, ConsultationId, Contribution,
    ContributionId, Entity, EntityId, Issue, IssueId, Matrix, Mechanism, Meeting, NewConsultation, ReportDetails,
    StakeholderGroupId,
};
use consulta_core::{
    CastVote, Choice, Moderation, NewStatement, Participant, ParticipantId, Statement, StatementId, StatementRecord,
    Voter,
};
use consulta_log::{Hash, TreeHead};
use jiff::Timestamp;
use jiff::civil::Date;
use std::time::Duration;

use crate::rows::{LEGACY_LOG_SECRET, LOG_PUBLIC_KEY, corrupt};
use crate::sql::{Backend, Sql, Transaction};
use crate::{
    AccountStore, AgreementStore, Attachment, AuditActor, AuditEntry, AuditRecord, BodyStore, CampaignFacet,
    CampaignStore, CampaignSummary, Change, Contact, ContributionFilter, ContributionSummary, Contributor,
    ConversationImport, DraftStore, Extraction, FollowUpStore, ImportedConversation, Inclusion, Invitation, JobStore,
    LogStore, MailOutcome, MailRecord, MaintenanceStore, NewAccount, NewMail, NewPasswordReset, NewSession, Page,
    PageRequest, PendingExtraction, PublicText, QueuedMail, RecordStore, RecordTransaction, Result, Selection, Session,
    TaxonomyEntry, TaxonomyStore, copy,
};

/// A store over one connection of a backend (`SqliteStore`, `PostgresStore`).
#[derive(Debug)]
pub struct SqlStore<B> {
    pub(crate) backend: B,
    /// The stakeholder groups, read once per connection: only a migration changes them (or a
    /// whole record loaded in, which forgets them), and every submission checks its group.
    groups: std::sync::OnceLock<Vec<StakeholderGroupId>>,
}

impl<B> SqlStore<B> {
    pub(crate) fn over(backend: B) -> Self {
        SqlStore { backend, groups: std::sync::OnceLock::new() }
    }
}

/// Runs `f` in a transaction under the record's write lock, committed if it succeeds.
fn write<T>(backend: &mut impl Backend, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
    let mut tx = backend.begin()?;
    let value = f(&mut tx)?;
    tx.commit()?;
    Ok(value)
}

impl<B: Backend> RecordStore for SqlStore<B> {
    fn stakeholder_groups(&self) -> Result<Vec<StakeholderGroupId>> {
        if let Some(groups) = self.groups.get() {
            return Ok(groups.clone());
        }
        let groups = self.backend.each_on_its_own(record::stakeholder_groups)?;
        Ok(self.groups.get_or_init(|| groups).clone())
    }

    fn create_consultation(&mut self, new: &NewConsultation) -> Result<Consultation> {
        let id = self.backend.each_on_its_own(|sql| record::create_consultation(sql, new))?;
        self.consultation(id)?.ok_or_else(|| corrupt("a consultation vanished as it was created"))
    }

    fn consultations(&self) -> Result<Vec<Consultation>> {
        self.backend.each_on_its_own(record::consultations)
    }

    fn consultation_by_slug(&self, slug: &str) -> Result<Option<Consultation>> {
        self.backend.each_on_its_own(|sql| record::consultation_where(sql, "slug", slug.into()))
    }

    fn consultation(&self, id: ConsultationId) -> Result<Option<Consultation>> {
        self.backend.each_on_its_own(|sql| record::consultation_where(sql, "id", id.0.into()))
    }

    fn update_consultation_texts(&mut self, consultation: &Consultation) -> Result<()> {
        self.backend.each_on_its_own(|sql| record::update_consultation_texts(sql, consultation))
    }

    fn add_meeting(&mut self, consultation: ConsultationId, date: Date, place: &str) -> Result<Meeting> {
        self.backend.each_on_its_own(|sql| record::add_meeting(sql, consultation, date, place))
    }

    fn meetings(&self, consultation: ConsultationId) -> Result<Vec<Meeting>> {
        self.backend.each_on_its_own(|sql| record::meetings(sql, consultation))
    }

    fn entity(&self, id: EntityId) -> Result<Option<Entity>> {
        self.backend.each_on_its_own(|sql| record::entity(sql, id))
    }

    fn contribution(&self, id: ContributionId) -> Result<Option<Contribution>> {
        self.backend.each_on_its_own(|sql| record::contribution(sql, id))
    }

    fn contributions(&self, filter: &ContributionFilter, page: PageRequest) -> Result<Page<ContributionSummary>> {
        self.backend.each_on_its_own(|sql| record::contributions(sql, filter, page))
    }

    fn newest_contributions(&self, consultation: ConsultationId, count: u64) -> Result<Vec<ContributionSummary>> {
        self.backend.each_on_its_own(|sql| record::newest_contributions(sql, consultation, count))
    }

    fn contribution_ids(
        &self,
        consultation: ConsultationId,
        after: Option<ContributionId>,
        limit: usize,
    ) -> Result<Vec<ContributionId>> {
        self.backend.each_on_its_own(|sql| record::contribution_ids(sql, consultation, after, limit))
    }

    fn channel_counts(
        &self,
        consultation: ConsultationId,
    ) -> Result<Vec<(StakeholderGroupId, Channel, Standing, u64)>> {
        self.backend.each_on_its_own(|sql| record::channel_counts(sql, consultation))
    }

    fn attribute(&mut self, contribution: ContributionId, entity: Option<EntityId>, by: &AuditActor) -> Result<bool> {
        write(&mut self.backend, |sql| record::attribute(sql, contribution, entity, by))
    }

    fn set_withheld(&mut self, contribution: ContributionId, reason: Option<&str>, by: &AuditActor) -> Result<bool> {
        write(&mut self.backend, |sql| record::set_withheld(sql, contribution, reason, by))
    }

    fn extraction(&self, contribution: ContributionId, position: u32) -> Result<Option<Extraction>> {
        self.backend.each_on_its_own(|sql| record::extraction(sql, contribution, position))
    }

    fn report_details(&self, consultation: ConsultationId) -> Result<ReportDetails> {
        self.backend.each_on_its_own(|sql| record::report_details(sql, consultation))
    }

    fn set_report_details(
        &mut self,
        consultation: ConsultationId,
        details: &ReportDetails,
        by: &AuditActor,
    ) -> Result<()> {
        write(&mut self.backend, |sql| record::set_report_details(sql, consultation, details, by))
    }

    fn amendments(&self, contribution: ContributionId) -> Result<Vec<ContributionId>> {
        self.backend.each_on_its_own(|sql| record::amendments(sql, contribution))
    }

    fn attachments(&self, contribution: ContributionId) -> Result<Vec<Attachment>> {
        self.backend.each_on_its_own(|sql| record::attachments(sql, contribution))
    }

    fn canonical_record(&self, contribution: ContributionId) -> Result<Option<CanonicalRecord>> {
        self.backend.each_on_its_own(|sql| record::canonical_record(sql, contribution))
    }

    fn changes_since(&self, after: u64, limit: usize) -> Result<Vec<Change>> {
        self.backend.each_on_its_own(|sql| record::changes_since(sql, after, limit))
    }

    fn last_change(&self) -> Result<u64> {
        self.backend.each_on_its_own(record::last_change)
    }

    fn public_texts(&self, ids: &[ContributionId]) -> Result<Vec<PublicText>> {
        self.backend.each_on_its_own(|sql| record::public_texts(sql, ids))
    }

    fn contributors(
        &self,
        consultation: ConsultationId,
        each: &mut dyn FnMut(Contributor) -> Result<()>,
    ) -> Result<()> {
        // One snapshot: the list is sorted in the database and read while it is written to.
        self.backend.snapshot(|sql| contributors::contributors(sql, consultation, each))
    }

    fn contributor_count(&self, consultation: ConsultationId) -> Result<u64> {
        self.backend.each_on_its_own(|sql| contributors::contributor_count(sql, consultation))
    }

    fn contributions_from_sender(&self, key: &str, since: Timestamp) -> Result<u64> {
        self.backend.each_on_its_own(|sql| outbox::contributions_from_sender(sql, key, since))
    }

    fn begin(&mut self) -> Result<Box<dyn RecordTransaction + '_>> {
        Ok(Box::new(transaction::SqlTransaction::new(self.backend.begin()?)))
    }
}

impl<B: Backend> LogStore for SqlStore<B> {
    fn log_size(&self) -> Result<u64> {
        self.backend.each_on_its_own(log::log_size)
    }

    fn recorded_hashes(&self, contributions: &[ContributionId]) -> Result<Vec<Option<Hash>>> {
        self.backend.each_on_its_own(|sql| log::recorded_hashes(sql, contributions))
    }

    fn tree_head(&self, now: Timestamp) -> Result<TreeHead> {
        // One snapshot, so the size and the root describe the same tree.
        self.backend.snapshot(|sql| log::tree_head(sql, now))
    }

    fn log_public_key(&self) -> Result<Option<[u8; 32]>> {
        self.backend.each_on_its_own(|sql| log::instance_key(sql, LOG_PUBLIC_KEY))
    }

    fn claim_log_key(&mut self, public: &[u8; 32]) -> Result<[u8; 32]> {
        write(&mut self.backend, |sql| log::claim_log_key(sql, public))
    }

    fn legacy_log_secret(&self) -> Result<Option<[u8; 32]>> {
        self.backend.each_on_its_own(|sql| log::instance_key(sql, LEGACY_LOG_SECRET))
    }

    fn inclusion(&self, contribution: ContributionId, tree_size: u64) -> Result<Option<Inclusion>> {
        Ok(self.inclusions(&[contribution], tree_size)?.pop().flatten())
    }

    // Proofs need no snapshot: the log only grows, and the nodes of a tree never change once
    // its size is reached.
    fn inclusions(&self, contributions: &[ContributionId], tree_size: u64) -> Result<Vec<Option<Inclusion>>> {
        self.backend.each_on_its_own(|sql| log::inclusions(sql, contributions, tree_size))
    }

    fn consistency(&self, old: u64, new: u64) -> Result<Vec<Hash>> {
        self.backend.each_on_its_own(|sql| log::consistency(sql, old, new))
    }
}

impl<B: Backend> AccountStore for SqlStore<B> {
    fn issue_api_key(&mut self, new: &crate::NewApiKey, by: &AuditActor) -> Result<i64> {
        write(&mut self.backend, |sql| api_keys::issue(sql, new, by))
    }

    fn api_key_by_hash(&self, key_sha256: &consulta_log::Hash) -> Result<Option<crate::ApiKey>> {
        self.backend.each_on_its_own(|sql| api_keys::by_hash(sql, key_sha256))
    }

    fn api_keys(&self) -> Result<Vec<crate::ApiKey>> {
        self.backend.each_on_its_own(api_keys::list)
    }

    fn revoke_api_key(&mut self, id: i64, by: &AuditActor) -> Result<()> {
        write(&mut self.backend, |sql| api_keys::revoke(sql, id, by))
    }

    fn create_account(&mut self, new: &NewAccount, by: &AuditActor) -> Result<Account> {
        write(&mut self.backend, |sql| accounts::create_account(sql, new, by))
    }

    fn account(&self, id: AccountId) -> Result<Option<Account>> {
        self.backend.each_on_its_own(|sql| accounts::account(sql, id))
    }

    fn sign_in_record(&self, email: &str) -> Result<Option<(Account, String)>> {
        self.backend.each_on_its_own(|sql| accounts::sign_in_record(sql, email))
    }

    fn create_session(&mut self, session: &NewSession) -> Result<()> {
        self.backend.each_on_its_own(|sql| accounts::create_session(sql, session))
    }

    fn session(&self, token_sha256: &Hash, now: Timestamp) -> Result<Option<Session>> {
        self.backend.each_on_its_own(|sql| accounts::session(sql, token_sha256, now))
    }

    fn end_session(&mut self, token_sha256: &Hash, now: Timestamp) -> Result<()> {
        self.backend.each_on_its_own(|sql| accounts::end_session(sql, token_sha256, now))
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()> {
        self.backend.each_on_its_own(|sql| audit::insert_audit(sql, entry))
    }

    fn invitation_targets(&self, selection: &Selection) -> Result<Vec<Contact>> {
        self.backend.each_on_its_own(|sql| accounts::invitation_targets(sql, selection))
    }

    fn accreditation_lists(&self) -> Result<Vec<(String, String, u64)>> {
        self.backend.each_on_its_own(accounts::accreditation_lists)
    }

    fn invitation(&self, token_sha256: &Hash) -> Result<Option<Invitation>> {
        self.backend.each_on_its_own(|sql| accounts::invitation(sql, token_sha256))
    }

    fn accept_invitation(&mut self, token_sha256: &Hash, new: &NewAccount, now: Timestamp) -> Result<Account> {
        write(&mut self.backend, |sql| accounts::accept_invitation(sql, token_sha256, new, now))
    }

    fn create_password_reset(&mut self, reset: &NewPasswordReset, mail: &NewMail) -> Result<()> {
        write(&mut self.backend, |sql| accounts::create_password_reset(sql, reset, mail))
    }

    fn use_password_reset(
        &mut self,
        token_sha256: &Hash,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<Option<AccountId>> {
        write(&mut self.backend, |sql| accounts::use_password_reset(sql, token_sha256, password_hash, now))
    }

    fn audit_log(&self, page: PageRequest) -> Result<Page<AuditRecord>> {
        self.backend.each_on_its_own(|sql| audit::audit_log(sql, page))
    }

    fn rate_events(&self, scope: &str, subject: &str, since: Timestamp) -> Result<(u64, Option<Timestamp>)> {
        self.backend.each_on_its_own(|sql| outbox::rate_events(sql, scope, subject, since))
    }

    fn record_rate_event(&mut self, scope: &str, subject: &str, at: Timestamp) -> Result<()> {
        self.backend.each_on_its_own(|sql| outbox::record_rate_event(sql, scope, subject, at))
    }

    fn forget_rate_events(&mut self, scope: &str, subject: &str) -> Result<()> {
        self.backend.each_on_its_own(|sql| outbox::forget_rate_events(sql, scope, subject))
    }

    fn prune_rate_events(&mut self, scope: &str, before: Timestamp) -> Result<u64> {
        self.backend.each_on_its_own(|sql| outbox::prune_rate_events(sql, scope, before))
    }
}

impl<B: Backend> JobStore for SqlStore<B> {
    fn queue_mail(&mut self, mail: &NewMail) -> Result<i64> {
        self.backend.each_on_its_own(|sql| outbox::insert_mail(sql, mail))
    }

    fn claim_due_mail(&mut self, holder: &str, lease: Duration, limit: usize) -> Result<Vec<QueuedMail>> {
        self.backend.each_on_its_own(|sql| claims::claim_due_mail(sql, holder, lease, limit))
    }

    fn mail_outcome(&mut self, id: i64, outcome: &MailOutcome, now: Timestamp) -> Result<()> {
        self.backend.each_on_its_own(|sql| {
            outbox::mail_outcome(sql, id, outcome, now)?;
            claims::release_mail(sql, id)
        })
    }

    fn mail_log(&self, page: PageRequest) -> Result<Page<MailRecord>> {
        self.backend.each_on_its_own(|sql| outbox::mail_log(sql, page))
    }

    fn claim_extractions(&mut self, holder: &str, lease: Duration, limit: usize) -> Result<Vec<PendingExtraction>> {
        self.backend.each_on_its_own(|sql| claims::claim_extractions(sql, holder, lease, limit))
    }

    fn set_extraction(&mut self, contribution: ContributionId, position: u32, outcome: &Extraction) -> Result<()> {
        self.backend.each_on_its_own(|sql| {
            record::set_extraction(sql, contribution, position, outcome)?;
            claims::release_extraction(sql, contribution, position)
        })
    }

    fn claim_lease(&mut self, job: &str, holder: &str, now: Timestamp, until: Timestamp) -> Result<bool> {
        self.backend.each_on_its_own(|sql| outbox::claim_lease(sql, job, holder, now, until))
    }

    fn release_lease(&mut self, job: &str, holder: &str) -> Result<()> {
        self.backend.each_on_its_own(|sql| outbox::release_lease(sql, job, holder))
    }

    fn release_claims(&mut self, holder: &str) -> Result<()> {
        self.backend.each_on_its_own(|sql| claims::release_all(sql, holder))
    }
}

impl<B: Backend> TaxonomyStore for SqlStore<B> {
    fn issues(&self) -> Result<Vec<Issue>> {
        self.backend.each_on_its_own(taxonomy::issues)
    }

    fn mechanisms(&self) -> Result<Vec<Mechanism>> {
        self.backend.each_on_its_own(taxonomy::mechanisms)
    }

    fn matrix(&self) -> Result<Matrix> {
        self.backend.each_on_its_own(taxonomy::matrix)
    }

    fn save_taxonomy_entry(&mut self, entry: TaxonomyEntry<'_>, by: &AuditActor) -> Result<()> {
        write(&mut self.backend, |sql| taxonomy::save_entry(sql, entry, by))
    }

    fn set_matrix(&mut self, matrix: &Matrix, by: &AuditActor) -> Result<()> {
        write(&mut self.backend, |sql| taxonomy::set_matrix(sql, matrix, by))
    }

    fn contribution_issues(&self, contribution: ContributionId) -> Result<Vec<IssueId>> {
        self.backend.each_on_its_own(|sql| taxonomy::contribution_issues(sql, contribution))
    }

    fn set_contribution_issues(
        &mut self,
        contribution: ContributionId,
        issues: &[IssueId],
        by: &AuditActor,
    ) -> Result<bool> {
        write(&mut self.backend, |sql| taxonomy::set_contribution_issues(sql, contribution, issues, by))
    }

    fn issue_tags(&self, consultation: Option<ConsultationId>) -> Result<Vec<(ContributionId, IssueId)>> {
        self.backend.each_on_its_own(|sql| taxonomy::issue_tags(sql, consultation))
    }

    fn issue_tags_of(&self, contributions: &[ContributionId]) -> Result<Vec<(ContributionId, IssueId)>> {
        self.backend.each_on_its_own(|sql| taxonomy::issue_tags_of(sql, contributions))
    }

    fn issue_contributor_counts(&self, consultation: ConsultationId) -> Result<Vec<(IssueId, u64)>> {
        self.backend.each_on_its_own(|sql| contributors::issue_contributor_counts(sql, consultation))
    }
}

impl<B: Backend> AgreementStore for SqlStore<B> {
    fn statement(&self, id: StatementId) -> Result<Option<Statement>> {
        self.backend.each_on_its_own(|sql| agreement::statement(sql, id))
    }

    fn statements(&self, consultation: ConsultationId, moderation: Option<Moderation>) -> Result<Vec<Statement>> {
        self.backend.each_on_its_own(|sql| agreement::statements(sql, consultation, moderation))
    }

    fn add_statement(&mut self, new: &NewStatement, by: Option<&AuditActor>) -> Result<Statement> {
        write(&mut self.backend, |sql| agreement::add_statement(sql, new, by))
    }

    fn moderate_statement(
        &mut self,
        id: StatementId,
        rejection: Option<&str>,
        by: &AuditActor,
    ) -> Result<Option<Statement>> {
        write(&mut self.backend, |sql| agreement::moderate(sql, id, rejection, by))
    }

    fn participant(
        &mut self,
        consultation: ConsultationId,
        voter: &Voter,
        entity: Option<&Entity>,
        at: Timestamp,
    ) -> Result<ParticipantId> {
        write(&mut self.backend, |sql| agreement::participant(sql, consultation, voter, entity, at))
    }

    fn find_participant(&self, consultation: ConsultationId, voter: &Voter) -> Result<Option<ParticipantId>> {
        self.backend.each_on_its_own(|sql| agreement::find_participant(sql, consultation, voter))
    }

    fn participants(&self, consultation: ConsultationId) -> Result<Vec<Participant>> {
        self.backend.snapshot(|sql| agreement::participants(sql, consultation))
    }

    fn cast_vote(&mut self, vote: &CastVote) -> Result<()> {
        write(&mut self.backend, |sql| agreement::cast_vote(sql, vote))
    }

    fn votes(&self, consultation: ConsultationId) -> Result<Vec<CastVote>> {
        self.backend.snapshot(|sql| agreement::votes(sql, consultation))
    }

    fn votes_of(&self, participant: ParticipantId) -> Result<Vec<(StatementId, Choice)>> {
        self.backend.each_on_its_own(|sql| agreement::votes_of(sql, participant))
    }

    fn import_conversation(&mut self, import: &ConversationImport, by: &AuditActor) -> Result<ImportedConversation> {
        write(&mut self.backend, |sql| agreement::import_conversation(sql, import, by))
    }

    fn agreement_mark(&self, consultation: ConsultationId) -> Result<(i64, u64, u64)> {
        self.backend.snapshot(|sql| agreement::mark(sql, consultation))
    }

    fn statement_leaves(&self) -> Result<Vec<(StatementId, u64, Hash)>> {
        self.backend.snapshot(agreement::statement_leaves)
    }

    fn statement_record(&self, id: StatementId) -> Result<Option<StatementRecord>> {
        self.backend.snapshot(|sql| agreement::statement_record(sql, id))
    }

    fn statement_inclusion(&self, id: StatementId, tree_size: u64) -> Result<Option<Inclusion>> {
        self.backend.snapshot(|sql| log::inclusion_of(sql, log::LeafOf::Statement(id), tree_size))
    }
}

impl<B: Backend> CampaignStore for SqlStore<B> {
    fn set_campaigns(
        &mut self,
        consultation: ConsultationId,
        members: &[(ContributionId, ContributionId)],
    ) -> Result<()> {
        write(&mut self.backend, |sql| campaigns::set_campaigns(sql, consultation, members))
    }

    fn campaign_members(&self, consultation: ConsultationId) -> Result<Vec<(ContributionId, ContributionId)>> {
        self.backend.each_on_its_own(|sql| campaigns::campaign_members(sql, consultation))
    }

    fn campaign_summaries(&self, consultation: ConsultationId) -> Result<Vec<CampaignSummary>> {
        self.backend.each_on_its_own(|sql| campaigns::summaries(sql, consultation, None))
    }

    fn campaign_summary(
        &self,
        consultation: ConsultationId,
        campaign: ContributionId,
    ) -> Result<Option<CampaignSummary>> {
        let found = self.backend.each_on_its_own(|sql| campaigns::summaries(sql, consultation, Some(campaign)))?;
        Ok(found.into_iter().next())
    }

    fn campaign_breakdown(&self, campaign: ContributionId) -> Result<Vec<CampaignFacet>> {
        self.backend.each_on_its_own(|sql| campaigns::breakdown(sql, campaign))
    }

    fn campaign_member_ids(&self, campaign: ContributionId) -> Result<Vec<ContributionId>> {
        self.backend.each_on_its_own(|sql| campaigns::member_ids(sql, campaign))
    }

    fn campaign_reach(&self, consultation: ConsultationId) -> Result<crate::CampaignReach> {
        self.backend.snapshot(|sql| campaigns::reach(sql, consultation))
    }

    fn campaigns_of(&self, ids: &[ContributionId]) -> Result<Vec<(ContributionId, ContributionId)>> {
        self.backend.each_on_its_own(|sql| campaigns::campaigns_of(sql, ids))
    }

    fn campaign_of(&self, contribution: ContributionId) -> Result<Option<(ContributionId, u64)>> {
        self.backend.each_on_its_own(|sql| campaigns::campaign_of(sql, contribution))
    }

    fn campaigns_mark(&self, consultation: ConsultationId) -> Result<(u64, i64)> {
        self.backend.each_on_its_own(|sql| campaigns::mark(sql, consultation))
    }

    fn change_campaigns(
        &mut self,
        consultation: ConsultationId,
        changes: &[(ContributionId, Option<ContributionId>)],
    ) -> Result<()> {
        write(&mut self.backend, |sql| campaigns::change_campaigns(sql, consultation, changes))
    }

    fn campaigns_followed(&self) -> Result<u64> {
        self.backend.each_on_its_own(campaigns::followed)
    }

    fn set_campaigns_followed(&mut self, seq: u64) -> Result<()> {
        self.backend.each_on_its_own(|sql| campaigns::set_followed(sql, seq))
    }

    fn campaign_note(&self, campaign: ContributionId) -> Result<Option<CampaignNote>> {
        self.backend.each_on_its_own(|sql| campaigns::note(sql, campaign))
    }

    fn campaign_notes(&self, consultation: ConsultationId) -> Result<Vec<(ContributionId, CampaignNote)>> {
        self.backend.each_on_its_own(|sql| campaigns::notes(sql, consultation))
    }

    fn set_campaign_note(
        &mut self,
        campaign: ContributionId,
        note: Option<&CampaignNote>,
        by: &AuditActor,
    ) -> Result<()> {
        write(&mut self.backend, |sql| campaigns::set_note(sql, campaign, note, by))
    }
}

impl<B: Backend> DraftStore for SqlStore<B> {
    fn add_draft(&mut self, new: &crate::NewDraft<'_>, by: &AuditActor) -> Result<crate::StoredDraft> {
        write(&mut self.backend, |sql| drafts::add(sql, new, by))
    }

    fn draft_by_symbol(&self, symbol: &str) -> Result<Option<crate::StoredDraft>> {
        self.backend.each_on_its_own(|sql| drafts::by_symbol(sql, symbol))
    }

    fn draft_revision(&self, draft: crate::DraftId, revision: u32) -> Result<Option<consulta_drafting::Draft>> {
        self.backend.each_on_its_own(|sql| drafts::revision(sql, draft, revision))
    }

    fn drafts(&self, consultation: ConsultationId) -> Result<Vec<crate::StoredDraft>> {
        self.backend.each_on_its_own(|sql| drafts::of_consultation(sql, consultation))
    }

    fn drafts_and_bodies_mark(&self, consultation: ConsultationId) -> Result<(u64, i64)> {
        self.backend.each_on_its_own(|sql| drafts::mark(sql, consultation))
    }

    fn propose_amendment(
        &mut self,
        draft: crate::DraftId,
        amendment: &consulta_drafting::Amendment,
        justification: &str,
        proposer: Option<consulta_core::EntityId>,
        by: &AuditActor,
    ) -> Result<crate::ProposedAmendment> {
        write(&mut self.backend, |sql| drafts::propose(sql, draft, amendment, justification, proposer, by))
    }

    fn merge_amendments(
        &mut self,
        draft: crate::DraftId,
        merged: &[u32],
        amendment: &consulta_drafting::Amendment,
        justification: &str,
        by: &AuditActor,
    ) -> Result<crate::ProposedAmendment> {
        write(&mut self.backend, |sql| drafts::merge(sql, draft, merged, amendment, justification, by))
    }

    fn take_stance(
        &mut self,
        draft: crate::DraftId,
        number: u32,
        entity: consulta_core::EntityId,
        support: bool,
        by: &AuditActor,
    ) -> Result<()> {
        write(&mut self.backend, |sql| drafts::stance(sql, draft, number, entity, support, by))
    }

    fn draft_amendments(&self, draft: crate::DraftId) -> Result<Vec<crate::StoredAmendment>> {
        self.backend.snapshot(|sql| drafts::amendments(sql, draft))
    }

    fn revise_draft(&mut self, draft: crate::DraftId, revised: &crate::Revised<'_>, by: &AuditActor) -> Result<u32> {
        write(&mut self.backend, |sql| drafts::revise(sql, draft, revised, by))
    }

    fn mark_agreed(
        &mut self,
        draft: crate::DraftId,
        place: &consulta_drafting::Place,
        agreed: bool,
        by: &AuditActor,
    ) -> Result<()> {
        write(&mut self.backend, |sql| drafts::mark_agreed(sql, draft, place, agreed, by))
    }

    fn set_draft_status(
        &mut self,
        draft: crate::DraftId,
        status: consulta_drafting::DraftStatus,
        by: &AuditActor,
    ) -> Result<()> {
        write(&mut self.backend, |sql| drafts::set_status(sql, draft, status, by))
    }

    fn amendment_id(&self, draft: crate::DraftId, number: u32) -> Result<Option<crate::AmendmentId>> {
        self.backend.each_on_its_own(|sql| drafts::amendment_id(sql, draft, number))
    }

    fn amendment_record(&self, id: crate::AmendmentId) -> Result<Option<consulta_drafting::AmendmentRecord>> {
        self.backend.each_on_its_own(|sql| drafts::amendment_record(sql, id))
    }

    fn amendment_leaves(&self) -> Result<Vec<(crate::AmendmentId, u64, Hash)>> {
        self.backend.snapshot(drafts::amendment_leaves)
    }

    fn amendment_ids(&self) -> Result<Vec<crate::AmendmentId>> {
        self.backend.snapshot(drafts::amendment_ids)
    }

    fn amendment_inclusion(&self, id: crate::AmendmentId, tree_size: u64) -> Result<Option<Inclusion>> {
        self.backend.snapshot(|sql| log::inclusion_of(sql, log::LeafOf::Amendment(id), tree_size))
    }
}

impl<B: Backend> BodyStore for SqlStore<B> {
    fn add_body(&mut self, new: &crate::NewBody<'_>, by: &AuditActor) -> Result<crate::StoredBody> {
        write(&mut self.backend, |sql| bodies::add(sql, new, by))
    }

    fn body_by_slug(&self, slug: &str) -> Result<Option<crate::StoredBody>> {
        self.backend.each_on_its_own(|sql| bodies::by_slug(sql, slug))
    }

    fn bodies(&self, consultation: ConsultationId) -> Result<Vec<crate::StoredBody>> {
        self.backend.each_on_its_own(|sql| bodies::of_consultation(sql, consultation))
    }

    fn set_body_rules(
        &mut self,
        body: crate::BodyId,
        rules: &str,
        objective: consulta_composition::Objective,
        by: &AuditActor,
    ) -> Result<()> {
        write(&mut self.backend, |sql| bodies::set_rules(sql, body, rules, objective, by))
    }

    fn set_chair_rotation(&mut self, body: crate::BodyId, rotation: &[String], by: &AuditActor) -> Result<()> {
        write(&mut self.backend, |sql| bodies::set_chair_rotation(sql, body, rotation, by))
    }

    fn nominate(
        &mut self,
        body: crate::BodyId,
        nominations: &[crate::NewNomination],
        by: &AuditActor,
    ) -> Result<Vec<i64>> {
        write(&mut self.backend, |sql| bodies::nominate(sql, body, nominations, by))
    }

    fn nominations(&self, body: crate::BodyId) -> Result<Vec<crate::StoredNomination>> {
        self.backend.snapshot(|sql| bodies::nominations(sql, body))
    }

    fn set_pin(
        &mut self,
        body: crate::BodyId,
        nomination: i64,
        pin: consulta_composition::Pin,
        by: &AuditActor,
    ) -> Result<()> {
        write(&mut self.backend, |sql| bodies::set_pin(sql, body, nomination, pin, by))
    }

    fn seat(&mut self, body: crate::BodyId, terms: &[crate::Membership], by: &AuditActor) -> Result<()> {
        write(&mut self.backend, |sql| bodies::seat(sql, body, terms, by))
    }

    fn memberships(&self, body: crate::BodyId) -> Result<Vec<crate::Membership>> {
        self.backend.snapshot(|sql| bodies::memberships(sql, body))
    }
}

impl<B: Backend> FollowUpStore for SqlStore<B> {
    fn import_commitments(
        &mut self,
        rows: &[crate::NewCommitment],
        on: Date,
        by: &AuditActor,
    ) -> Result<(usize, usize)> {
        write(&mut self.backend, |sql| follow_up::import(sql, rows, on, by))
    }

    fn commitments(&self, filter: &crate::CommitmentFilter) -> Result<Vec<crate::StoredCommitment>> {
        self.backend.snapshot(|sql| follow_up::list(sql, filter))
    }

    fn commitment(&self, id: crate::CommitmentId) -> Result<Option<crate::StoredCommitment>> {
        self.backend.snapshot(|sql| follow_up::one(sql, id))
    }

    fn commitment_updates(&self, id: crate::CommitmentId) -> Result<Vec<crate::CommitmentUpdate>> {
        let updates = self.backend.snapshot(|sql| follow_up::updates(sql, Some(id)))?;
        Ok(updates.into_iter().map(|(_, update)| update).collect())
    }

    fn all_commitment_updates(
        &self,
    ) -> Result<std::collections::HashMap<crate::CommitmentId, Vec<crate::CommitmentUpdate>>> {
        let mut all: std::collections::HashMap<_, Vec<_>> = std::collections::HashMap::new();
        for (id, update) in self.backend.snapshot(|sql| follow_up::updates(sql, None))? {
            all.entry(id).or_default().push(update);
        }
        Ok(all)
    }

    fn update_commitment(
        &mut self,
        id: crate::CommitmentId,
        update: &crate::CommitmentUpdate,
        by: &AuditActor,
    ) -> Result<()> {
        write(&mut self.backend, |sql| follow_up::update(sql, id, update, by))
    }

    fn set_facilitators(
        &mut self,
        year: i32,
        action_line: &str,
        facilitators: &[(String, consulta_followup::FacilitatorRole)],
        by: &AuditActor,
    ) -> Result<()> {
        write(&mut self.backend, |sql| follow_up::set_facilitators(sql, year, action_line, facilitators, by))
    }

    fn facilitators(&self, year: Option<i32>) -> Result<Vec<crate::Facilitator>> {
        self.backend.snapshot(|sql| follow_up::facilitators(sql, year))
    }

    fn follow_up_changes(&self) -> Result<i64> {
        self.backend.each_on_its_own(follow_up::changes)
    }

    fn open_round(&mut self, round: &crate::NewRound, by: &AuditActor) -> Result<()> {
        write(&mut self.backend, |sql| follow_up::open_round(sql, round, by))
    }

    fn rounds(&self) -> Result<Vec<crate::StoredRound>> {
        self.backend.snapshot(|sql| follow_up::rounds(sql, None))
    }

    fn round(&self, consultation: ConsultationId) -> Result<Option<crate::StoredRound>> {
        Ok(self.backend.snapshot(|sql| follow_up::rounds(sql, Some(consultation)))?.pop())
    }

    fn mark_reminded(&mut self, consultation: ConsultationId, entities: &[EntityId], at: Timestamp) -> Result<()> {
        write(&mut self.backend, |sql| follow_up::mark_reminded(sql, consultation, entities, at))
    }

    fn focal_points_of(&self, entity: EntityId) -> Result<Vec<Account>> {
        self.backend.each_on_its_own(|sql| follow_up::focal_points_of(sql, entity))
    }

    fn post_forum_item(&mut self, item: &crate::NewForumItem, by: &AuditActor) -> Result<crate::ForumItemId> {
        write(&mut self.backend, |sql| forum::post(sql, item, by))
    }

    fn forum_items(&self) -> Result<Vec<crate::StoredForumItem>> {
        self.backend.snapshot(|sql| forum::items(sql, None))
    }

    fn forum_item(&self, id: crate::ForumItemId) -> Result<Option<crate::StoredForumItem>> {
        Ok(self.backend.snapshot(|sql| forum::items(sql, Some(id)))?.pop())
    }

    fn forum_replies(&self, id: crate::ForumItemId) -> Result<Vec<crate::ForumReply>> {
        self.backend.snapshot(|sql| forum::replies(sql, id))
    }

    fn reply_in_forum(
        &mut self,
        id: crate::ForumItemId,
        entity: EntityId,
        account: Option<consulta_core::AccountId>,
        body: &str,
        by: &AuditActor,
    ) -> Result<i64> {
        write(&mut self.backend, |sql| forum::reply(sql, id, entity, account, body, by))
    }

    fn moderate_forum(
        &mut self,
        id: crate::ForumItemId,
        reply: Option<i64>,
        reason: Option<&str>,
        by: &AuditActor,
    ) -> Result<()> {
        write(&mut self.backend, |sql| forum::moderate(sql, id, reply, reason, by))
    }
}

impl<B: Backend> MaintenanceStore for SqlStore<B> {
    fn probe_write(&mut self) -> Result<()> {
        self.backend.each_on_its_own(outbox::probe_write)
    }

    /// The snapshot is an SQLite file, so a backup of either backend has one format and
    /// restores into either.
    fn snapshot(&self, path: &std::path::Path) -> Result<()> {
        if let Some(copied) = self.backend.copy_to_file(path) {
            return copied;
        }
        let mut target = crate::SqliteStore::open(path)?;
        copy::copy_record(self, &mut target, &mut |_, _| {})?;
        Ok(())
    }

    fn attachment_hashes(&self) -> Result<Vec<Hash>> {
        self.backend.each_on_its_own(record::attachment_hashes)
    }

    fn read_record(&self, each: &mut dyn FnMut(&'static copy::Table, Vec<copy::Value>) -> Result<()>) -> Result<()> {
        self.backend.snapshot(|sql| whole_record::read_record(sql, each))
    }

    fn begin_load(&mut self) -> Result<Box<dyn copy::RecordLoader + '_>> {
        self.groups.take();
        let location = self.backend.location();
        whole_record::begin_load(self.backend.begin()?, location)
    }

    fn row_counts(&self) -> Result<Vec<(&'static str, u64)>> {
        self.backend.snapshot(whole_record::row_counts)
    }

    fn prepare_for_bulk_writes(&self) -> Result<()> {
        self.backend.prepare_for_bulk_writes()
    }

    fn is_usable(&self) -> bool {
        self.backend.is_usable()
    }
}
