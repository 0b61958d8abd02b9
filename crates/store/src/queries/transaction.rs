//! The writes of intake and imports, which land together or not at all: `RecordTransaction`
//! over either backend's transaction.

use consulta_core::{CanonicalRecord, ContributionId, Entity, EntityId, EntityName, NewContribution, NewEntity};
use consulta_log::{Hash, TreeHead};
use jiff::Timestamp;

use super::log::{Appender, LeafOf};
use crate::rows::{ENTITY_COLUMNS, entity_key, inserted_entity, millis};
use crate::sql::{Transaction, args, value_rows};
use crate::{
    Attachment, AuditEntry, Inclusion, NewInvitation, NewMail, RecordTransaction, Result, SentContribution, StoreError,
};

/// Rows written by one statement: at most 17 values each, well under both backends' limits on a
/// statement's parameters.
const ROWS_PER_STATEMENT: usize = 100;

/// The ids a multi-row `INSERT … RETURNING id` gave, in the order of its rows. Neither database
/// promises the order of RETURNING; but ids are handed out row after row (an identity's next
/// value, SQLite's next rowid) and this transaction holds the record's write lock, so no other
/// insert interleaves: sorted, they are the rows' ids in order.
fn ids_in_insertion_order(rows: Vec<crate::sql::Row>, expected: usize) -> Result<Vec<i64>> {
    let mut ids = rows.iter().map(|r| r.int(0)).collect::<Result<Vec<_>>>()?;
    if ids.len() != expected {
        return Err(StoreError::Batch(format!("{expected} rows written, {} ids given back", ids.len())));
    }
    ids.sort_unstable();
    Ok(ids)
}

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

    fn insert_entities(&mut self, new: &[NewEntity]) -> Result<Vec<Entity>> {
        let mut entities = Vec::with_capacity(new.len());
        for chunk in new.chunks(ROWS_PER_STATEMENT) {
            let mut keys = Vec::with_capacity(chunk.len());
            for entity in chunk {
                keys.push(entity_key(entity)?);
            }
            let mut bound = Vec::with_capacity(6 * chunk.len());
            for (entity, key) in chunk.iter().zip(&keys) {
                bound.extend_from_slice(args![
                    entity.name.as_str(),
                    key.as_str(),
                    entity.group.as_str(),
                    entity.country.as_ref().map(|c| c.as_str()),
                    entity.is_example,
                    entity.claimed,
                ]);
            }
            let insert = format!(
                "INSERT INTO entities (name, name_key, stakeholder_group, country, is_example, claimed) VALUES {}
                 RETURNING id",
                value_rows(chunk.len(), 6)
            );
            let ids = ids_in_insertion_order(self.tx.rows(&insert, &bound)?, chunk.len())?;
            entities.extend(ids.into_iter().zip(chunk).map(|(id, entity)| inserted_entity(id, entity)));
        }
        Ok(entities)
    }

    fn insert_contribution(&mut self, new: &NewContribution) -> Result<ContributionId> {
        let select = format!("SELECT {ENTITY_COLUMNS} FROM entities WHERE id = $1");
        let entity = self.tx.row(&select, args![new.entity.0])?.as_mut().map(crate::rows::entity).transpose()?;
        let entity = entity.ok_or_else(|| StoreError::Batch(format!("no entity {}", new.entity.0)))?;
        let sent = SentContribution { contribution: new, entity: &entity, sender_key: None, amends: None };
        self.insert_contributions(&[sent])?.pop().ok_or_else(|| StoreError::Batch("no contribution".into()))
    }

    fn insert_contributions(&mut self, sent: &[SentContribution<'_>]) -> Result<Vec<ContributionId>> {
        const COLUMNS: usize = 17;
        let mut ids = Vec::with_capacity(sent.len());
        for chunk in sent.chunks(ROWS_PER_STATEMENT) {
            let mut bound = Vec::with_capacity(COLUMNS * chunk.len());
            for SentContribution { contribution: new, entity, sender_key, amends } in chunk {
                if new.entity != entity.id {
                    return Err(StoreError::Batch(format!(
                        "contribution of entity {} sent with another",
                        new.entity.0
                    )));
                }
                bound.extend_from_slice(args![
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
                    *sender_key,
                    amends.map(|a| a.0),
                    entity.name.as_str(),
                    entity.country.as_ref().map(|c| c.as_str()),
                ]);
            }
            let insert = format!(
                "INSERT INTO contributions (consultation_id, entity_id, stakeholder_group, channel, on_behalf_of,
                                            meeting_id, submitted_at, language, title, body, late, identity,
                                            contact_email, sender_key, amends_id, entity_name, country)
                 VALUES {} RETURNING id",
                value_rows(chunk.len(), COLUMNS)
            );
            let inserted = ids_in_insertion_order(self.tx.rows(&insert, &bound)?, chunk.len())?;
            ids.extend(inserted.into_iter().map(ContributionId));
        }
        Ok(ids)
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
        self.log.append(&mut self.tx, LeafOf::Contribution(contribution), record_sha256)
    }

    fn head_with_inclusions(
        &mut self,
        now: Timestamp,
        contributions: &[ContributionId],
    ) -> Result<(TreeHead, Vec<Option<Inclusion>>)> {
        self.log.flush(&mut self.tx)?;
        super::log::head_with_inclusions(&mut self.tx, now, contributions)
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
