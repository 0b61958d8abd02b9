//! The JSON API's contract: the types its handlers answer with, and the OpenAPI 3.1 document
//! generated from them and from the handlers' annotations (`/api/v1/openapi.json`, committed as
//! `docs/openapi.json`; a test keeps the two equal).

use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::api;

/// An error: a stable code, a message in the reader's language, and the form fields at fault.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// Stable: `not_found`, `bad_request`, `invalid_fields`, `too_many_attempts`, `withheld`, …
    pub error: &'static str,
    pub message: String,
    pub fields: Vec<&'static str>,
}

/// The error answers every operation may give (documented once).
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub enum Refused {
    /// Refused or not found: what is wrong, in the reader's language.
    #[response(status = "4XX", description = "Refused or not found: what is wrong, in the reader's language")]
    Client(ErrorBody),
    /// The server failed; nothing was changed.
    #[response(status = "5XX", description = "The server failed; nothing was changed")]
    Server(ErrorBody),
}

/// A contribution as the public form and the API take it (multipart/form-data).
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct SubmissionForm {
    /// The organisation or government sending it (unverified: a claim).
    entity: String,
    /// `government`, `international_organization`, `civil_society`, `private_sector`,
    /// `academic` or `technical`.
    stakeholder_group: String,
    /// ISO 3166-1 alpha-2 or alpha-3; `international` (or empty) for an entity with no country.
    /// A government must give its country.
    country: Option<String>,
    /// Where the acknowledgement goes; never published.
    email: String,
    /// BCP 47 tag of the text (`en`, `fr`, `es-419`).
    language: String,
    title: String,
    body: String,
    /// Attachments, each at most the server's file limit.
    #[schema(value_type = Option<Vec<String>>, format = Binary)]
    files: Option<Vec<Vec<u8>>>,
}

/// The log's head now, signed, with the key that signs it.
#[derive(Debug, Serialize, ToSchema)]
pub struct TreeHeadResponse {
    #[serde(flatten)]
    pub head: consulta_intake::submission::TreeHeadJson,
    /// The instance's Ed25519 public key, hexadecimal.
    pub public_key: String,
}

/// A leaf's place in the tree of `tree_size` leaves, and the proof that it is there.
#[derive(Debug, Serialize, ToSchema)]
pub struct LeafProof {
    pub leaf_index: u64,
    pub tree_size: u64,
    /// SHA-256 of the canonical record, which the leaf commits to.
    pub sha256: String,
    pub inclusion_proof: Vec<String>,
}

impl From<&consulta_store::Inclusion> for LeafProof {
    fn from(inclusion: &consulta_store::Inclusion) -> Self {
        LeafProof {
            leaf_index: inclusion.leaf_index,
            tree_size: inclusion.tree_size,
            sha256: consulta_log::to_hex(&inclusion.record_sha256),
            inclusion_proof: inclusion.proof.iter().map(|h| consulta_log::to_hex(h)).collect(),
        }
    }
}

/// A contribution's place in the log, and the proof.
#[derive(Debug, Serialize, ToSchema)]
pub struct InclusionResponse {
    pub contribution: i64,
    #[serde(flatten)]
    pub proof: LeafProof,
}

/// An accepted statement's place in the log, and the proof.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatementInclusionResponse {
    pub statement: i64,
    #[serde(flatten)]
    pub proof: LeafProof,
}

/// The proof that the tree of `from` leaves is a prefix of the tree of `to` leaves.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsistencyResponse {
    pub from: u64,
    pub to: u64,
    pub consistency_proof: Vec<String>,
}

/// Where an attachment's text extraction stands.
#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum AttachmentText {
    Pending,
    Done { text: String },
    Failed { reason: String },
    Unsupported,
}

/// A page of search results, with the facet counts of every match.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResponse {
    pub query: String,
    pub filters: Vec<SearchFilter>,
    pub sort: &'static str,
    pub page: usize,
    pub per_page: usize,
    /// Each campaign shown once (`collapse=1`): `total` counts a campaign once.
    pub collapse: bool,
    pub total: u64,
    pub results: Vec<SearchHit>,
    /// For each facet, its values among the matches with their counts, most first.
    pub facets: std::collections::BTreeMap<String, Vec<FacetValue>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchFilter {
    pub facet: &'static str,
    pub value: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FacetValue {
    pub value: String,
    pub count: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHit {
    pub id: i64,
    pub url: String,
    pub consultation: String,
    pub entity_name: String,
    pub stakeholder_group: String,
    pub channel: String,
    pub country: Option<String>,
    pub language: String,
    pub submitted_at: String,
    /// `recorded`, `unverified` or `verified`.
    pub identity: &'static str,
    /// False for an unverified sender the secretariat has not attributed.
    pub identity_verified: bool,
    /// The record was edited in the database since it was logged: no text is given.
    pub record_altered: bool,
    pub title: String,
    pub snippet: String,
    /// The snippet as HTML, escaped, with the matched words in `<b>`.
    pub snippet_html: String,
    /// In a collapsed search, the campaign this result stands for (its first member's number).
    pub campaign: Option<i64>,
    /// In a collapsed search, how many other members of its campaign match too.
    pub similar: Option<u64>,
}

/// A consultation's opinion groups and every statement's standing, as last computed.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgreementResponse {
    pub consultation: String,
    /// When the groups were computed (RFC 3339).
    pub computed_at: String,
    /// False when votes came in since: a new computation is under way.
    pub up_to_date: bool,
    pub votes_cast: usize,
    pub participants: usize,
    pub opinion_groups: Vec<OpinionGroupSize>,
    pub statements: Vec<consulta_report::agreement::StatementView>,
}

/// A consultation's campaigns and distinct voices.
#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignsResponse {
    pub consultation: String,
    /// Published contributions that belong to a campaign.
    pub members: u64,
    /// Campaigns in all, across pages.
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub campaigns: Vec<consulta_report::campaigns::CampaignView>,
    /// Each stakeholder group's counted contributions and distinct voices; empty when the
    /// consultation has no campaign.
    pub distinct_voices: Vec<consulta_report::campaigns::DistinctVoices>,
}

/// The groups are being computed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComputingResponse {
    /// `computing`.
    pub status: &'static str,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OpinionGroupSize {
    /// The group's number, from 0 (shown as A, B, C…).
    pub group: usize,
    pub size: usize,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Consulta",
        version = "1",
        description = "Open multi-stakeholder consultations: send contributions, read the public record, \
                       check it against the public log. Errors are JSON with a stable `error` code and a \
                       `message` in the Accept-Language language."
    ),
    paths(
        api::submit_contribution,
        api::contribution_receipt,
        api::contribution_record,
        api::attachment_text,
        api::tree_head,
        api::checkpoint,
        api::inclusion,
        api::consistency,
        api::table,
        api::search,
        crate::agreement::api,
        crate::agreement::statement_record,
        crate::agreement::statement_inclusion,
        crate::campaigns::api_list,
        crate::campaigns::api_campaign,
        crate::drafts::api::list,
        crate::drafts::api::draft,
        crate::drafts::api::record,
        crate::drafts::api::inclusion,
        crate::drafts::api::receipt,
        crate::bodies::api,
        crate::follow_up::api_action_lines,
        crate::follow_up::api_action_line,
        crate::follow_up::api_commitment,
        crate::follow_up::api_commitments,
        crate::follow_up::api_round,
        crate::forum::api_items,
        crate::bulk::submit_batch,
        crate::forum::api_item,
    ),
    components(schemas(ErrorBody, SubmissionForm))
)]
pub struct ApiDoc;

/// The OpenAPI document, as served and committed.
pub fn document() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_committed_openapi_document_is_the_one_the_code_makes() {
        let committed = include_str!("../../../docs/openapi.json");
        let made = super::document();
        if committed != made {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/openapi.new.json");
            let _ = std::fs::write(&path, &made);
            panic!(
                "docs/openapi.json is out of date with the API's code: the current document is in {} \
                 (move it over docs/openapi.json once the change is meant)",
                path.display()
            );
        }
        assert!(made.contains("\"openapi\": \"3.1.0\""));
    }
}
