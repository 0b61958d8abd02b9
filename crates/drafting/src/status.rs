//! Where a draft and its amendments stand: a draft goes from proposal through negotiation to
//! agreed and adopted (reopened from agreed while it is not adopted); an amendment is pending
//! until the secretariat accepts it into a revision, rejects it, or merges it into its own.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftStatus {
    /// As imported, before any revision.
    Proposal,
    Negotiation,
    /// Every paragraph agreed: no amendment pending.
    Agreed,
    /// Adopted by the body: the text is final.
    Adopted,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatusError {
    #[error("“{0}” is not a draft's status (proposal, negotiation, agreed, adopted)")]
    Unknown(String),
    #[error("a draft cannot go from {from} to {to}")]
    Refused { from: &'static str, to: &'static str },
    #[error("{0} amendments are still pending")]
    Pending(usize),
}

impl DraftStatus {
    pub const ALL: [DraftStatus; 4] =
        [DraftStatus::Proposal, DraftStatus::Negotiation, DraftStatus::Agreed, DraftStatus::Adopted];

    pub fn as_str(self) -> &'static str {
        match self {
            DraftStatus::Proposal => "proposal",
            DraftStatus::Negotiation => "negotiation",
            DraftStatus::Agreed => "agreed",
            DraftStatus::Adopted => "adopted",
        }
    }

    /// Whether amendments may still be proposed, supported and decided.
    pub fn is_open(self) -> bool {
        matches!(self, DraftStatus::Proposal | DraftStatus::Negotiation)
    }

    /// Whether a draft in this status, with `pending` amendments pending, may become `next`:
    /// agreed only with none pending, adopted only once agreed, never back from adopted, and
    /// back to negotiation from agreed (the text reopened).
    pub fn may_become(self, next: DraftStatus, pending: usize) -> Result<(), StatusError> {
        use DraftStatus::*;
        let allowed = matches!(
            (self, next),
            (Proposal | Negotiation, Agreed) | (Agreed, Adopted) | (Proposal | Agreed, Negotiation)
        );
        if !allowed {
            return Err(StatusError::Refused { from: self.as_str(), to: next.as_str() });
        }
        if next == Agreed && pending > 0 {
            return Err(StatusError::Pending(pending));
        }
        Ok(())
    }
}

impl std::str::FromStr for DraftStatus {
    type Err = StatusError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DraftStatus::ALL.into_iter().find(|d| d.as_str() == s.trim()).ok_or_else(|| StatusError::Unknown(s.to_owned()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AmendmentStatus {
    Pending,
    /// Applied in the revision that accepted it.
    Accepted,
    Rejected,
    /// Folded into the secretariat's amendment that combines it with others.
    Merged,
}

impl AmendmentStatus {
    pub const ALL: [AmendmentStatus; 4] =
        [AmendmentStatus::Pending, AmendmentStatus::Accepted, AmendmentStatus::Rejected, AmendmentStatus::Merged];

    pub fn as_str(self) -> &'static str {
        match self {
            AmendmentStatus::Pending => "pending",
            AmendmentStatus::Accepted => "accepted",
            AmendmentStatus::Rejected => "rejected",
            AmendmentStatus::Merged => "merged",
        }
    }
}

impl std::str::FromStr for AmendmentStatus {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AmendmentStatus::ALL.into_iter().find(|a| a.as_str() == s).ok_or_else(|| s.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_agreed_with_nothing_pending_and_adopted_once_agreed() {
        use DraftStatus::*;
        assert_eq!(Negotiation.may_become(Agreed, 2), Err(StatusError::Pending(2)));
        assert_eq!(Negotiation.may_become(Agreed, 0), Ok(()));
        assert_eq!(Agreed.may_become(Adopted, 0), Ok(()));
        assert_eq!(Agreed.may_become(Negotiation, 0), Ok(()), "reopened");
        assert!(Negotiation.may_become(Adopted, 0).is_err(), "agreed first");
        assert!(Adopted.may_become(Negotiation, 0).is_err(), "adopted is final");
        assert!(Negotiation.may_become(Proposal, 0).is_err());
        assert!(Proposal.is_open() && Negotiation.is_open() && !Agreed.is_open() && !Adopted.is_open());
        for status in DraftStatus::ALL {
            assert_eq!(status.as_str().parse(), Ok(status));
        }
        assert_eq!("final".parse::<DraftStatus>(), Err(StatusError::Unknown("final".into())));
    }
}
