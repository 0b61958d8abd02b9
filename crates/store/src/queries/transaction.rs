//! The writes of intake and imports, which land together or not at all: `RecordTransaction`
//! over either backend's transaction.

use consulta_core::{CanonicalRecord, ContributionId, Entity, EntityId, EntityName, NewContribution, NewEntity};
use consulta_log::Hash;

use super::log::Appender;
use crate::rows::{ENTITY_COLUMNS, entity_key, inserted_entity, millis};
use crate::sql::{Transaction, args};
use crate::{Attachment, AuditEntry, NewInvitation, NewMail, RecordTransaction, Result, StoreError};

pub(crate) struct SqlTransaction<T> {
    tx: T,
    log: Appender,
    /// A savepoint kept but not yet released: released together with the next one's start, one
    /// round trip instead of two for each item of a batch.
    release_pending: bool,
}

impl<T: Transaction> SqlTransaction<T> {
    pub(crate) fn new(tx: T) -> Self {
        SqlTransaction { tx, log: Appender::default(), release_pending: false }
    }
}

impl<T: Transaction> RecordTransaction for SqlTransaction<T> {
    fn entity_by_name(&mut self, name: &EntityName) -> Result<Option<Entity>> {
        let select = format!("SELECT {ENTITY_COLUMNS} FROM entities WHERE name_key = $1");
        self.tx.row(&select, args![name.key().as_str()])?.as_mut().map(crate::rows::entity).transpose()
    }

    fn insert_entity(&mut self, new: &NewEntity) -> Result<Entity> {
        let row = self.tx.one(
            "INSERT INTO entities (name, name_key, stakeholder_group, country, is_example, claimed)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            args![
                new.name.as_str(),
                entity_key(new)?.as_str(),
                new.group.as_str(),
                new.country.as_ref().map(|c| c.as_str()),
                new.is_example,
                new.claimed,
            ],
        )?;
        Ok(inserted_entity(row.int(0)?, new))
    }

    fn insert_sent_contribution(
        &mut self,
        new: &NewContribution,
        sender_key: Option<&str>,
        amends: Option<ContributionId>,
    ) -> Result<ContributionId> {
        // The entity's name and country are kept as they are now.
        let row = self.tx.row(
            "INSERT INTO contributions (consultation_id, entity_id, stakeholder_group, channel, on_behalf_of, meeting_id,
                                        submitted_at, language, title, body, late, identity, contact_email,
                                        sender_key, amends_id, entity_name, country)
             SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, name, country
             FROM entities WHERE id = $2
             RETURNING id",
            args![
                new.consultation.0,
                new.entity.0,
                new.group.as_str(),
                new.channel.as_str(),
                new.on_behalf_of.as_ref().map(|g| g.as_str()),
                new.meeting.map(|m| m.0),
                millis(new.submitted_at),
                new.language.as_str(),
                &new.title,
                &new.body,
                new.late,
                new.identity.as_str(),
                new.contact_email.as_ref(),
                sender_key,
                amends.map(|a| a.0),
            ],
        )?;
        let row = row.ok_or_else(|| StoreError::Batch(format!("no entity {}", new.entity.0)))?;
        Ok(ContributionId(row.int(0)?))
    }

    fn insert_attachment(&mut self, contribution: ContributionId, attachment: &Attachment) -> Result<()> {
        self.tx.execute(
            "INSERT INTO attachments (contribution_id, position, name, media_type, size, sha256)
             VALUES ($1, $2, $3, $4, $5, $6)",
            args![
                contribution.0,
                i64::from(attachment.position),
                &attachment.name,
                &attachment.media_type,
                i64::try_from(attachment.size).map_err(crate::rows::corrupt)?,
                consulta_log::to_hex(&attachment.sha256).as_str(),
            ],
        )?;
        Ok(())
    }

    fn idempotency_key(&mut self, key: &str) -> Result<Option<(ContributionId, Hash)>> {
        let row =
            self.tx.row("SELECT contribution_id, request_sha256 FROM idempotency_keys WHERE key = $1", args![key])?;
        row.map(|mut r| Ok((ContributionId(r.int(0)?), r.hash(1, "idempotency_keys.request_sha256")?))).transpose()
    }

    fn remember_idempotency_key(
        &mut self,
        key: &str,
        request_sha256: Hash,
        contribution: ContributionId,
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO idempotency_keys (key, request_sha256, contribution_id) VALUES ($1, $2, $3)",
            args![key, &request_sha256, contribution.0],
        )?;
        Ok(())
    }

    fn canonical_record(&mut self, contribution: ContributionId) -> Result<Option<CanonicalRecord>> {
        super::record::canonical_record(&mut self.tx, contribution)
    }

    fn append_to_log(&mut self, contribution: ContributionId, record_sha256: Hash) -> Result<u64> {
        self.log.append(&mut self.tx, contribution, record_sha256)
    }

    fn ensure_list(&mut self, slug: &str, name: &str) -> Result<i64> {
        let row = self.tx.one(
            "INSERT INTO accreditation_lists (slug, name) VALUES ($1, $2)
             ON CONFLICT (slug) DO UPDATE SET name = $2 RETURNING id",
            args![slug, name],
        )?;
        row.int(0)
    }

    fn add_list_member(&mut self, list: i64, entity: EntityId) -> Result<()> {
        self.tx.execute(
            "INSERT INTO list_members (list_id, entity_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            args![list, entity.0],
        )?;
        Ok(())
    }

    fn add_contact(&mut self, entity: EntityId, email: &str, name: &str, language: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO focal_point_contacts (entity_id, email, name, language) VALUES ($1, $2, $3, $4)
             ON CONFLICT (entity_id, email) DO UPDATE SET name = $3, language = $4",
            args![entity.0, email.trim().to_lowercase().as_str(), name, language],
        )?;
        Ok(())
    }

    fn insert_invitation(&mut self, invitation: &NewInvitation) -> Result<()> {
        self.tx.execute(
            "INSERT INTO invitations (token_sha256, consultation_id, entity_id, email, language, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            args![
                &invitation.token_sha256,
                invitation.consultation.0,
                invitation.entity.0,
                &invitation.email,
                &invitation.language,
                millis(invitation.created_at),
                millis(invitation.expires_at),
            ],
        )?;
        Ok(())
    }

    fn queue_mail(&mut self, mail: &NewMail) -> Result<i64> {
        super::outbox::insert_mail(&mut self.tx, mail)
    }

    fn queue_mails(&mut self, mails: &[NewMail]) -> Result<()> {
        super::outbox::insert_mails(&mut self.tx, mails)
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()> {
        super::audit::insert_audit(&mut self.tx, entry)
    }

    fn savepoint(&mut self) -> Result<()> {
        // What the items before appended to the log is theirs: written before this item starts.
        self.log.flush(&mut self.tx)?;
        let release = std::mem::take(&mut self.release_pending);
        self.tx.batch(if release { "RELEASE SAVEPOINT item; SAVEPOINT item" } else { "SAVEPOINT item" })
    }

    /// Kept at once; released with the next savepoint, or by the commit.
    fn release_savepoint(&mut self) -> Result<()> {
        self.release_pending = true;
        Ok(())
    }

    fn rollback_to_savepoint(&mut self) -> Result<()> {
        if std::mem::take(&mut self.release_pending) {
            self.tx.batch("RELEASE SAVEPOINT item")?;
        }
        self.tx.batch("ROLLBACK TO SAVEPOINT item; RELEASE SAVEPOINT item")?;
        self.log.forget();
        Ok(())
    }

    fn commit(mut self: Box<Self>) -> Result<()> {
        self.log.flush(&mut self.tx)?;
        self.tx.commit()
    }
}
