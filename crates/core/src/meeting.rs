//! Meetings: dated sessions where presentations are made and the open debate takes place.

use jiff::civil::Date;

use crate::consultation::ConsultationId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MeetingId(pub i64);

/// A meeting of a consultation. A consultation has at most one meeting a day, so the date names
/// it in contribution files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub id: MeetingId,
    pub consultation: ConsultationId,
    pub date: Date,
    pub place: String,
}
