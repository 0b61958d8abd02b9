//! Copying a whole record from one store to another, whatever their backends: `consulta migrate`
//! (SQLite to PostgreSQL and back), the snapshot of a PostgreSQL backup, and restoring a backup
//! into PostgreSQL. Rows keep their ids, so the log, its leaves and every link between records
//! stay as they were; the copy is then verified (counts per table, and the log).

use consulta_log::Hash;
use jiff::Timestamp;

use crate::{Result, Store, StoreError};

/// How a column's values are read and written on every backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Integer,
    Bool,
    Text,
    Bytes,
}

/// One value of a row, as copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Integer(i64),
    Bool(bool),
    Text(String),
    Bytes(Vec<u8>),
}

/// A table of the record, as both backends' schemas have it.
#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [(&'static str, Kind)],
    /// The order rows are read in (its primary key).
    pub order_by: &'static str,
    /// The column whose values an identity or sequence hands out, if any.
    pub identity: Option<&'static str>,
}

impl Table {
    pub fn column_list(&self) -> String {
        self.columns.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ")
    }
}

use Kind::{Bool, Bytes, Integer, Text};

/// The tables `TABLES` leaves out: they belong to the servers running now (who holds a job, the
/// recent failed sign-ins), not to the record. A test checks that every other table of both
/// schemas is in `TABLES` with every column.
pub const NOT_COPIED: &[&str] = &["campaigns_followed", "job_claims", "job_leases", "rate_events"];

/// Every table of the record, each after those it refers to.
pub const TABLES: &[Table] = &[
    Table {
        name: "stakeholder_groups",
        columns: &[("id", Text), ("position", Integer)],
        order_by: "position",
        identity: None,
    },
    Table {
        name: "consultations",
        columns: &[
            ("id", Integer),
            ("slug", Text),
            ("original_language", Text),
            ("title", Text),
            ("description", Text),
            ("mandate", Text),
            ("opens_at", Integer),
            ("closes_at", Integer),
            ("time_zone", Text),
            ("questions", Text),
            ("is_example", Bool),
            ("unverified_allowed", Bool),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "meetings",
        columns: &[("id", Integer), ("consultation_id", Integer), ("date", Text), ("place", Text)],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "entities",
        columns: &[
            ("id", Integer),
            ("name", Text),
            ("name_key", Text),
            ("stakeholder_group", Text),
            ("country", Text),
            ("is_example", Bool),
            ("claimed", Bool),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "contributions",
        columns: &[
            ("id", Integer),
            ("consultation_id", Integer),
            ("entity_id", Integer),
            ("stakeholder_group", Text),
            ("channel", Text),
            ("on_behalf_of", Text),
            ("meeting_id", Integer),
            ("submitted_at", Integer),
            ("language", Text),
            ("title", Text),
            ("body", Text),
            ("late", Bool),
            ("identity", Text),
            ("contact_email", Text),
            ("withheld_reason", Text),
            ("entity_name", Text),
            ("country", Text),
            ("amends_id", Integer),
            ("attributed_entity_id", Integer),
            ("sender_key", Text),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "attachments",
        columns: &[
            ("contribution_id", Integer),
            ("position", Integer),
            ("name", Text),
            ("media_type", Text),
            ("size", Integer),
            ("sha256", Text),
            ("extraction", Text),
            ("extraction_note", Text),
            ("text", Text),
        ],
        order_by: "contribution_id, position",
        identity: None,
    },
    Table {
        name: "log_leaves",
        columns: &[("leaf_index", Integer), ("contribution_id", Integer), ("record_sha256", Bytes)],
        order_by: "leaf_index",
        identity: None,
    },
    Table {
        name: "log_nodes",
        columns: &[("level", Integer), ("idx", Integer), ("hash", Bytes)],
        order_by: "level, idx",
        identity: None,
    },
    Table { name: "instance_secrets", columns: &[("name", Text), ("value", Bytes)], order_by: "name", identity: None },
    Table {
        name: "idempotency_keys",
        columns: &[("key", Text), ("request_sha256", Bytes), ("contribution_id", Integer)],
        order_by: "key",
        identity: None,
    },
    Table {
        name: "contribution_counts",
        columns: &[
            ("consultation_id", Integer),
            ("stakeholder_group", Text),
            ("channel", Text),
            ("contributions", Integer),
        ],
        order_by: "consultation_id, stakeholder_group, channel",
        identity: None,
    },
    Table {
        name: "change_feed",
        columns: &[("seq", Integer), ("contribution_id", Integer)],
        order_by: "seq",
        identity: Some("seq"),
    },
    Table {
        name: "accounts",
        columns: &[
            ("id", Integer),
            ("email", Text),
            ("name", Text),
            ("role", Text),
            ("entity_id", Integer),
            ("language", Text),
            ("password_hash", Text),
            ("created_at", Integer),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "sessions",
        columns: &[
            ("token_sha256", Bytes),
            ("account_id", Integer),
            ("csrf_token", Text),
            ("created_at", Integer),
            ("expires_at", Integer),
        ],
        order_by: "token_sha256",
        identity: None,
    },
    Table {
        name: "audit_log",
        columns: &[
            ("id", Integer),
            ("at", Integer),
            ("account_id", Integer),
            ("actor", Text),
            ("action", Text),
            ("subject", Text),
            ("before", Text),
            ("after", Text),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "accreditation_lists",
        columns: &[("id", Integer), ("slug", Text), ("name", Text)],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "list_members",
        columns: &[("list_id", Integer), ("entity_id", Integer)],
        order_by: "list_id, entity_id",
        identity: None,
    },
    Table {
        name: "focal_point_contacts",
        columns: &[("entity_id", Integer), ("email", Text), ("name", Text), ("language", Text)],
        order_by: "entity_id, email",
        identity: None,
    },
    Table {
        name: "api_keys",
        columns: &[
            ("id", Integer),
            ("key_sha256", Bytes),
            ("consultation_id", Integer),
            ("entity_id", Integer),
            ("label", Text),
            ("lines_per_hour", Integer),
            ("created_at", Integer),
            ("revoked_at", Integer),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "invitations",
        columns: &[
            ("token_sha256", Bytes),
            ("consultation_id", Integer),
            ("entity_id", Integer),
            ("email", Text),
            ("language", Text),
            ("created_at", Integer),
            ("expires_at", Integer),
            ("used_at", Integer),
            ("account_id", Integer),
        ],
        order_by: "token_sha256",
        identity: None,
    },
    Table {
        name: "password_resets",
        columns: &[
            ("token_sha256", Bytes),
            ("account_id", Integer),
            ("created_at", Integer),
            ("expires_at", Integer),
            ("used_at", Integer),
        ],
        order_by: "token_sha256",
        identity: None,
    },
    Table {
        name: "report_details",
        columns: &[("consultation_id", Integer), ("details", Text), ("updated_at", Integer)],
        order_by: "consultation_id",
        identity: None,
    },
    Table {
        name: "mail_outbox",
        columns: &[
            ("id", Integer),
            ("to_address", Text),
            ("subject", Text),
            ("body", Text),
            ("status", Text),
            ("attempts", Integer),
            ("next_attempt_at", Integer),
            ("last_error", Text),
            ("created_at", Integer),
            ("sent_at", Integer),
            ("attachment_name", Text),
            ("attachment", Text),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "issues",
        columns: &[("id", Text), ("position", Integer), ("labels", Text), ("terms", Text), ("needed_level", Text)],
        order_by: "position, id",
        identity: None,
    },
    Table {
        name: "mechanisms",
        columns: &[
            ("id", Text),
            ("position", Integer),
            ("acronyms", Text),
            ("names", Text),
            ("level", Text),
            ("functions", Text),
        ],
        order_by: "position, id",
        identity: None,
    },
    Table {
        name: "issue_mechanisms",
        columns: &[("issue_id", Text), ("mechanism_id", Text)],
        order_by: "issue_id, mechanism_id",
        identity: None,
    },
    Table {
        name: "contribution_issues",
        columns: &[("contribution_id", Integer), ("issue_id", Text), ("tagged_at", Integer)],
        order_by: "contribution_id, issue_id",
        identity: None,
    },
    Table {
        name: "agreement_participants",
        columns: &[
            ("id", Integer),
            ("consultation_id", Integer),
            ("kind", Text),
            ("voter_key", Text),
            ("entity_id", Integer),
            ("stakeholder_group", Text),
            ("country", Text),
            ("joined_at", Integer),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "statements",
        columns: &[
            ("id", Integer),
            ("consultation_id", Integer),
            ("text", Text),
            ("language", Text),
            ("origin", Text),
            ("source_contribution_id", Integer),
            ("external_id", Text),
            ("proposed_by", Integer),
            ("proposed_at", Integer),
            ("moderation", Text),
            ("rejection_reason", Text),
            ("moderated_at", Integer),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "votes",
        columns: &[
            ("id", Integer),
            ("participant_id", Integer),
            ("statement_id", Integer),
            ("choice", Integer),
            ("cast_at", Integer),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "campaign_members",
        columns: &[("contribution_id", Integer), ("campaign_id", Integer)],
        order_by: "contribution_id",
        identity: None,
    },
    Table {
        name: "campaign_notes",
        columns: &[("campaign_id", Integer), ("name", Text), ("note", Text), ("updated_at", Integer)],
        order_by: "campaign_id",
        identity: None,
    },
    Table {
        name: "drafts",
        columns: &[
            ("id", Integer),
            ("consultation_id", Integer),
            ("symbol", Text),
            ("language", Text),
            ("status", Text),
            ("created_at", Integer),
            ("changes", Integer),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "draft_revisions",
        columns: &[("draft_id", Integer), ("revision", Integer), ("structure", Text), ("created_at", Integer)],
        order_by: "draft_id, revision",
        identity: None,
    },
    Table {
        name: "draft_amendments",
        columns: &[
            ("id", Integer),
            ("draft_id", Integer),
            ("number", Integer),
            ("revision", Integer),
            ("place", Text),
            ("change", Text),
            ("justification", Text),
            ("proposer_entity", Integer),
            ("proposer_name", Text),
            ("status", Text),
            ("decided_revision", Integer),
            ("merged_into", Integer),
            ("proposed_at", Integer),
            ("decided_at", Integer),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "draft_amendment_stances",
        columns: &[("amendment_id", Integer), ("entity_id", Integer), ("stance", Text), ("taken_at", Integer)],
        order_by: "amendment_id, entity_id",
        identity: None,
    },
    Table {
        name: "bodies",
        columns: &[
            ("id", Integer),
            ("consultation_id", Integer),
            ("slug", Text),
            ("name", Text),
            ("mandate", Text),
            ("term_years", Integer),
            ("rules", Text),
            ("objective", Text),
            ("chair_rotation", Text),
            ("created_at", Integer),
            ("changes", Integer),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "nominations",
        columns: &[
            ("id", Integer),
            ("body_id", Integer),
            ("person", Text),
            ("nominator_entity", Integer),
            ("nominator_process", Text),
            ("stakeholder_group", Text),
            ("country", Text),
            ("gender", Text),
            ("expertise", Text),
            ("statement", Text),
            ("priority", Integer),
            ("pin", Text),
            ("nominated_at", Integer),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "memberships",
        columns: &[
            ("body_id", Integer),
            ("nomination_id", Integer),
            ("term_start", Text),
            ("term_end", Text),
            ("role", Text),
            ("seated_at", Integer),
        ],
        order_by: "body_id, nomination_id, term_start",
        identity: None,
    },
    Table {
        name: "facilitators",
        columns: &[("year", Integer), ("action_line", Text), ("organisation", Text), ("role", Text)],
        order_by: "year, action_line, organisation",
        identity: None,
    },
    Table {
        name: "commitments",
        columns: &[
            ("id", Integer),
            ("external_id", Text),
            ("parent_id", Integer),
            ("consultation_id", Integer),
            ("entity", Text),
            ("entity_id", Integer),
            ("title", Text),
            ("description", Text),
            ("action_lines", Text),
            ("start_date", Text),
            ("end_date", Text),
            ("indicator", Text),
            ("target", Text),
            ("status", Text),
            ("progress", Integer),
            ("created_at", Integer),
            ("issues", Text),
            ("draft_symbol", Text),
            ("contribution_id", Integer),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "commitment_updates",
        columns: &[
            ("commitment_id", Integer),
            ("number", Integer),
            ("on_date", Text),
            ("status", Text),
            ("progress", Integer),
            ("note", Text),
            ("recorded_at", Integer),
        ],
        order_by: "commitment_id, number",
        identity: None,
    },
    Table {
        name: "reporting_rounds",
        columns: &[("consultation_id", Integer), ("year", Integer), ("action_lines", Text), ("opened_at", Integer)],
        order_by: "consultation_id",
        identity: None,
    },
    Table {
        name: "reporting_invitees",
        columns: &[("consultation_id", Integer), ("entity_id", Integer), ("reminded_at", Integer)],
        order_by: "consultation_id, entity_id",
        identity: None,
    },
    Table {
        name: "forum_items",
        columns: &[
            ("id", Integer),
            ("kind", Text),
            ("entity_id", Integer),
            ("account_id", Integer),
            ("title", Text),
            ("description", Text),
            ("action_lines", Text),
            ("countries", Text),
            ("regions", Text),
            ("development", Text),
            ("groups", Text),
            ("amount_min", Integer),
            ("amount_max", Integer),
            ("deadline", Text),
            ("funder", Text),
            ("contact", Text),
            ("posted_at", Integer),
            ("hidden_reason", Text),
            ("hidden_at", Integer),
        ],
        order_by: "id",
        identity: Some("id"),
    },
    Table {
        name: "forum_replies",
        columns: &[
            ("item_id", Integer),
            ("number", Integer),
            ("entity_id", Integer),
            ("account_id", Integer),
            ("body", Text),
            ("posted_at", Integer),
            ("hidden_reason", Text),
            ("hidden_at", Integer),
        ],
        order_by: "item_id, number",
        identity: None,
    },
    Table {
        name: "follow_up_changes",
        columns: &[("only_row", Integer), ("changes", Integer)],
        order_by: "only_row",
        identity: None,
    },
    Table {
        name: "draft_agreed_places",
        columns: &[("draft_id", Integer), ("revision", Integer), ("place", Text), ("marked_at", Integer)],
        order_by: "draft_id, revision, place",
        identity: None,
    },
    Table {
        name: "amendment_leaves",
        columns: &[("leaf_index", Integer), ("amendment_id", Integer), ("record_sha256", Bytes)],
        order_by: "leaf_index",
        identity: None,
    },
    Table {
        name: "statement_leaves",
        columns: &[("leaf_index", Integer), ("statement_id", Integer), ("record_sha256", Bytes)],
        order_by: "leaf_index",
        identity: None,
    },
];

/// Writes a whole record into a store that holds none yet, in one transaction: nothing is
/// written unless `finish` is reached.
pub trait RecordLoader {
    /// Rows of `table` follow (every table is started, in `TABLES`' order, even an empty one).
    fn start_table(&mut self, table: &'static Table) -> Result<()>;
    fn row(&mut self, values: Vec<Value>) -> Result<()>;
    fn finish(self: Box<Self>) -> Result<()>;
}

/// What a copy wrote: rows per table, and the log it carried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyReport {
    pub rows: Vec<(&'static str, u64)>,
    pub log_size: u64,
    pub log_root: Hash,
}

#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("table {table}: {copied} rows were copied but the target holds {found}")]
    RowCount { table: &'static str, copied: u64, found: u64 },
    #[error("the copied log ({size} leaves, root {root}) is not a prefix of the source's log")]
    LogDiffers { size: u64, root: String },
}

/// Copies the whole record of `from` (one consistent snapshot, read while it keeps serving) into
/// `to`, which must hold no record yet. `progress` hears of each table and how many rows of it
/// have been copied so far.
pub fn copy_record(
    from: &dyn Store,
    to: &mut dyn Store,
    progress: &mut dyn FnMut(&'static str, u64),
) -> Result<Vec<(&'static str, u64)>> {
    let mut loader = to.begin_load()?;
    let mut counts: Vec<(&'static str, u64)> = Vec::with_capacity(TABLES.len());
    let mut started = 0;
    from.read_record(&mut |table, values| {
        // Start every table up to this one (those before it had no rows).
        while counts.last().is_none_or(|(name, _)| *name != table.name) {
            let next = TABLES.get(started).ok_or_else(|| StoreError::Batch(format!("unknown table {}", table.name)))?;
            loader.start_table(next)?;
            counts.push((next.name, 0));
            started += 1;
        }
        loader.row(values)?;
        if let Some((name, n)) = counts.last_mut() {
            *n += 1;
            if *n % 10_000 == 0 {
                progress(name, *n);
            }
        }
        Ok(())
    })?;
    for table in &TABLES[started..] {
        loader.start_table(table)?;
        counts.push((table.name, 0));
    }
    loader.finish()?;
    for (name, n) in &counts {
        progress(name, *n);
    }
    Ok(counts)
}

/// Copies `from` into `to` (as `copy_record`), then verifies the copy: each table holds as many
/// rows as were copied, and the copied log is the source's log (or, if the source grew
/// meanwhile, a prefix of it, proved by a consistency proof).
pub fn copy_and_verify(
    from: &dyn Store,
    to: &mut dyn Store,
    progress: &mut dyn FnMut(&'static str, u64),
) -> std::result::Result<CopyReport, CopyError> {
    let rows = copy_record(from, to, progress)?;
    let found = to.row_counts()?;
    for ((table, copied), (_, found)) in rows.iter().zip(found) {
        if *copied != found {
            return Err(CopyError::RowCount { table, copied: *copied, found });
        }
    }
    let copied = to.tree_head(Timestamp::now())?;
    let source = from.tree_head(Timestamp::now())?;
    let consistent = if copied.size == source.size {
        copied.root == source.root
    } else {
        let proof = from.consistency(copied.size, source.size)?;
        consulta_log::verify_consistency(copied.size, source.size, &copied.root, &source.root, &proof)
    };
    if !consistent {
        return Err(CopyError::LogDiffers { size: copied.size, root: consulta_log::to_hex(&copied.root) });
    }
    Ok(CopyReport { rows, log_size: copied.size, log_root: copied.root })
}
