//! Consulta's domain: the words of the design (entity, consultation, contribution, channel, …)
//! as types, and the rules that bind them. Nothing here reads a file, a socket or a clock: callers
//! pass in the current time and the bytes they read.

pub mod access;
pub mod agreement;
pub mod campaign;
pub mod consultation;
pub mod contribution;
pub mod entity;
pub mod issue;
pub mod language;
pub mod markup;
pub mod meeting;
pub mod record;
pub mod reference;
pub mod report_details;
pub mod stakeholder;
pub mod table;
pub mod time;

pub use access::{Account, AccountId, Action, Actor, Role};
pub use agreement::{
    CastVote, Choice, Moderation, NewStatement, Origin, Participant, ParticipantId, Statement, StatementId,
    StatementRecord, Voter,
};
pub use campaign::{CampaignNote, CampaignNoteError};
pub use consultation::{
    Consultation, ConsultationDraft, ConsultationId, ConsultationStatus, DraftError, DraftProblem, Localized,
    NewConsultation, Period, Slug, Translation,
};
pub use contribution::{Channel, Contribution, ContributionId, NewContribution};
pub use entity::{Entity, EntityId, EntityName, NewEntity};
pub use issue::{Function, Gap, Issue, IssueId, Level, Matrix, Mechanism, MechanismId, TaxonomyError, TaxonomyId};
pub use language::Language;
pub use meeting::{Meeting, MeetingId};
pub use record::{AttachmentEntry, CanonicalRecord, Identity};
pub use reference::{Country, CountryCode, DevelopmentStatus, RegionalGroup, UnStatus};
pub use report_details::{Organ, ReportDetails};
pub use stakeholder::StakeholderGroupId;
pub use table::DistributionTable;
