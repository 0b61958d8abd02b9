//! Open data: what anyone may take away from a consultation's public record. Contributions and
//! entities as CSV and JSON (columns documented in docs/open-data.md), entities as Popolo, an
//! Atom feed of new contributions, and a bulk zip archive that can be checked offline against
//! the signed log. A withheld contribution appears only as the withheld entry itself: its id,
//! its record's hash and the reason, never its content.

mod agreement;
mod archive;
mod atom;
mod bodies;
mod drafts;
mod tables;

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};

use consulta_blobs::BlobStore;
use jiff::Timestamp;

use consulta_core::reference::Country;
use consulta_core::{CanonicalRecord, Consultation, ContributionId, EntityId};
use consulta_store::{Inclusion, Store, StoreError};

pub use agreement::{STATEMENT_COLUMNS, statements_csv, votes_csv};
pub use archive::{ArchiveProblem, ArchiveReport, ArchiveSummary, verify_archive, write_archive};
pub use atom::atom_feed;
pub use bodies::bodies_json;
pub use consulta_core::markup::spreadsheet_safe;
pub use drafts::{AMENDMENT_COLUMNS, amendments_csv, drafts_json};
pub use tables::{
    CONTRIBUTION_COLUMNS, ENTITY_COLUMNS, contributions_csv, contributions_json, entities_csv, entities_json,
    entities_popolo,
};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("contribution {0} has no canonical record")]
    MissingRecord(i64),
    #[error("attachment {sha256} of contribution {id} is missing from the file store")]
    MissingFile { id: i64, sha256: String },
    #[error("file store: {0}")]
    Blobs(#[from] consulta_blobs::BlobError),
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot write the archive: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("the archive's tree head is signed with the log's key, which was not given")]
    NoLogKey,
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

pub type Result<T, E = ExportError> = std::result::Result<T, E>;

/// The open data files of a consultation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpenData {
    ContributionsCsv,
    ContributionsJson,
    EntitiesCsv,
    EntitiesJson,
    EntitiesPopolo,
    StatementsCsv,
    VotesCsv,
    AmendmentsCsv,
    DraftsJson,
    BodiesJson,
    Feed,
    Archive,
}

impl OpenData {
    pub const ALL: [OpenData; 12] = [
        OpenData::ContributionsCsv,
        OpenData::ContributionsJson,
        OpenData::EntitiesCsv,
        OpenData::EntitiesJson,
        OpenData::EntitiesPopolo,
        OpenData::StatementsCsv,
        OpenData::VotesCsv,
        OpenData::AmendmentsCsv,
        OpenData::DraftsJson,
        OpenData::BodiesJson,
        OpenData::Feed,
        OpenData::Archive,
    ];

    /// Its file name, which is also the last part of its address.
    pub fn file_name(self) -> &'static str {
        match self {
            OpenData::ContributionsCsv => "contributions.csv",
            OpenData::ContributionsJson => "contributions.json",
            OpenData::EntitiesCsv => "entities.csv",
            OpenData::EntitiesJson => "entities.json",
            OpenData::EntitiesPopolo => "entities.popolo.json",
            OpenData::StatementsCsv => "statements.csv",
            OpenData::VotesCsv => "votes.csv",
            OpenData::AmendmentsCsv => "amendments.csv",
            OpenData::DraftsJson => "drafts.json",
            OpenData::BodiesJson => "bodies.json",
            OpenData::Feed => "feed.atom",
            OpenData::Archive => "archive.zip",
        }
    }

    /// Whether the file changes with votes and statements, which the change feed does not follow.
    pub fn follows_votes(self) -> bool {
        matches!(self, OpenData::StatementsCsv | OpenData::VotesCsv)
    }

    /// Whether the file changes with drafts and their amendments, or with bodies, which the
    /// change feed does not follow.
    pub fn follows_drafts(self) -> bool {
        matches!(self, OpenData::AmendmentsCsv | OpenData::DraftsJson | OpenData::BodiesJson)
    }

    /// Whether the file names each contribution's campaign, which a rebuild changes without the
    /// change feed.
    pub fn follows_campaigns(self) -> bool {
        matches!(self, OpenData::ContributionsCsv | OpenData::ContributionsJson | OpenData::Archive)
    }

    pub fn from_file_name(name: &str) -> Option<OpenData> {
        OpenData::ALL.into_iter().find(|d| d.file_name() == name)
    }

    pub fn media_type(self) -> &'static str {
        match self {
            OpenData::ContributionsCsv
            | OpenData::EntitiesCsv
            | OpenData::StatementsCsv
            | OpenData::VotesCsv
            | OpenData::AmendmentsCsv => "text/csv; charset=utf-8",
            OpenData::ContributionsJson
            | OpenData::EntitiesJson
            | OpenData::EntitiesPopolo
            | OpenData::DraftsJson
            | OpenData::BodiesJson => "application/json",
            OpenData::Feed => "application/atom+xml; charset=utf-8",
            OpenData::Archive => "application/zip",
        }
    }
}

/// Where open data is written from: the record, its attachments, the key that signs the
/// archive's tree head (only the archive needs it), and the public address that makes the feed's
/// links absolute.
#[derive(Debug, Clone, Copy)]
pub struct OpenDataSource<'a> {
    pub store: &'a dyn Store,
    pub blobs: &'a dyn BlobStore,
    pub signer: Option<&'a consulta_store::log_key::LogSigner>,
    pub base_url: &'a str,
}

/// Writes one open data file of `consultation` to `out` (a file: the archive needs to seek);
/// `now` dates the archive's tree head.
pub fn write_open_data(
    source: &OpenDataSource<'_>,
    consultation: &Consultation,
    what: OpenData,
    now: Timestamp,
    out: &mut std::fs::File,
) -> Result<()> {
    let store = source.store;
    if what == OpenData::Archive {
        let signer = source.signer.ok_or(ExportError::NoLogKey)?;
        write_archive(store, source.blobs, signer, consultation, now, BufWriter::new(&mut *out))?;
        return Ok(());
    }
    let mut writer = BufWriter::new(&mut *out);
    match what {
        OpenData::ContributionsCsv => contributions_csv(store, consultation, &mut writer)?,
        OpenData::ContributionsJson => contributions_json(store, consultation, &mut writer)?,
        OpenData::EntitiesCsv => entities_csv(store, consultation, &mut writer)?,
        OpenData::EntitiesJson => entities_json(store, consultation, &mut writer)?,
        OpenData::EntitiesPopolo => entities_popolo(store, consultation, &mut writer)?,
        OpenData::StatementsCsv => statements_csv(store, consultation, &mut writer)?,
        OpenData::VotesCsv => votes_csv(store, consultation, &mut writer)?,
        OpenData::AmendmentsCsv => amendments_csv(store, consultation, &mut writer)?,
        OpenData::DraftsJson => drafts_json(store, consultation, &mut writer)?,
        OpenData::BodiesJson => bodies_json(store, consultation, &mut writer)?,
        OpenData::Feed => writer.write_all(atom_feed(store, consultation, source.base_url)?.as_bytes())?,
        OpenData::Archive => {}
    }
    writer.flush()?;
    Ok(())
}

/// A contribution as open data sees it.
#[derive(Debug, Clone)]
pub struct Exported {
    pub id: ContributionId,
    pub entity: EntityId,
    /// What its log leaf commits to. Never published for a withheld contribution.
    record: CanonicalRecord,
    pub record_sha256: [u8; 32],
    /// Why it is withheld, if it is.
    pub withheld_reason: Option<String>,
    /// Its place in the log, when the export was asked to prove it.
    pub inclusion: Option<Inclusion>,
    /// The recorded entity the secretariat attributed an unverified contribution to.
    pub attributed_to: Option<EntityId>,
    /// Its record was edited in the database since it was logged: not published as the record.
    pub altered: bool,
    /// The campaign it belongs to (its first member's number), as last found.
    pub campaign: Option<i64>,
}

impl Exported {
    /// The record, if the contribution is published (and its record is still what was logged).
    pub fn published(&self) -> Option<&CanonicalRecord> {
        (self.withheld_reason.is_none() && !self.altered).then_some(&self.record)
    }
}

/// How many contributions are read from the store at a time.
const PAGE: usize = 1_000;

/// Calls `each` for every contribution of a consultation, in the order they were recorded.
/// With `tree_size`, only those in the tree of that many leaves, each with its inclusion proof
/// in that tree.
pub fn for_each_contribution(
    store: &dyn Store,
    consultation: &Consultation,
    tree_size: Option<u64>,
    each: &mut dyn FnMut(Exported) -> Result<()>,
) -> Result<()> {
    let campaigns: std::collections::HashMap<i64, i64> =
        store.campaign_members(consultation.id)?.into_iter().map(|(member, campaign)| (member.0, campaign.0)).collect();
    consulta_store::for_each_id_batch(store, consultation.id, PAGE, |ids| {
        let recorded = store.recorded_hashes(&ids)?;
        // The batch's proofs together: the nodes they share are read once.
        let inclusions = match tree_size {
            Some(size) => store.inclusions(&ids, size)?,
            None => vec![None; ids.len()],
        };
        for ((id, recorded), inclusion) in ids.into_iter().zip(recorded).zip(inclusions) {
            if tree_size.is_some() && inclusion.is_none() {
                // Recorded after the tree head the export proves against.
                continue;
            }
            let contribution = store.contribution(id)?.ok_or(ExportError::MissingRecord(id.0))?;
            let record = store.canonical_record(id)?.ok_or(ExportError::MissingRecord(id.0))?;
            let now = consulta_log::sha256(&record.to_bytes());
            // What the log committed to is what open data states; a record edited since is
            // flagged, not published in its place.
            let record_sha256 = recorded.unwrap_or(now);
            each(Exported {
                id,
                entity: contribution.record.entity,
                record,
                record_sha256,
                withheld_reason: contribution.withheld_reason,
                inclusion,
                attributed_to: contribution.attributed_to,
                altered: now != record_sha256,
                campaign: campaigns.get(&id.0).copied(),
            })?;
        }
        Ok(())
    })
}

/// The published contributions of each entity that has any, counted: the entities listing.
fn entity_counts(store: &dyn Store, consultation: &Consultation) -> Result<BTreeMap<EntityId, u64>> {
    let mut counts = BTreeMap::new();
    for_each_contribution(store, consultation, None, &mut |c| {
        if c.published().is_some() {
            *counts.entry(c.entity).or_default() += 1;
        }
        Ok(())
    })?;
    Ok(counts)
}

fn country_of(code: Option<&str>) -> Option<&'static Country> {
    code.and_then(|c| c.parse::<consulta_core::CountryCode>().ok()).map(|c| c.country())
}

#[cfg(test)]
mod tests;
