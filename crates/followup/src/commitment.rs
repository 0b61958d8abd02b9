//! A commitment's status and progress, and which updates are allowed: what an entity undertook
//! is planned, then in progress, then achieved (final) or dropped; a dropped commitment may be
//! taken up again, an achieved one stays achieved, and progress (per cent) never exceeds 100 and
//! is 100 once achieved.

use serde::Serialize;

/// Where a commitment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentStatus {
    Planned,
    InProgress,
    Achieved,
    Dropped,
}

impl CommitmentStatus {
    pub const ALL: [CommitmentStatus; 4] = [
        CommitmentStatus::Planned,
        CommitmentStatus::InProgress,
        CommitmentStatus::Achieved,
        CommitmentStatus::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CommitmentStatus::Planned => "planned",
            CommitmentStatus::InProgress => "in_progress",
            CommitmentStatus::Achieved => "achieved",
            CommitmentStatus::Dropped => "dropped",
        }
    }

    /// Whether a commitment with this status may be given `next` (the same status with new
    /// progress is an update too, except once achieved).
    pub fn may_become(self, next: CommitmentStatus) -> bool {
        use CommitmentStatus::*;
        match self {
            Achieved => false,
            Planned => true,
            InProgress => next != Planned,
            Dropped => matches!(next, Planned | InProgress | Dropped),
        }
    }
}

impl std::str::FromStr for CommitmentStatus {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CommitmentStatus::ALL.into_iter().find(|c| c.as_str() == s.trim()).ok_or(())
    }
}

/// Progress in per cent, 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
#[serde(transparent)]
pub struct Progress(u8);

impl Progress {
    pub const DONE: Progress = Progress(100);

    pub fn new(percent: u8) -> Option<Progress> {
        (percent <= 100).then_some(Progress(percent))
    }

    pub fn percent(self) -> u8 {
        self.0
    }
}

impl std::str::FromStr for Progress {
    type Err = ();

    /// Reads "40", "40%" or "40.0" (Decidim writes decimals); anything past 100 is refused.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().trim_end_matches('%').trim();
        let value: f64 = s.parse().map_err(|_| ())?;
        if !(0.0..=100.0).contains(&value) {
            return Err(());
        }
        Progress::new(value.round() as u8).ok_or(())
    }
}

/// Why an update is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpdateError {
    #[error("a commitment {from} cannot become {to}")]
    NotAllowed { from: &'static str, to: &'static str },
    #[error("an achieved commitment is at 100 %, not {0} %")]
    AchievedBelowDone(u8),
    #[error("progress cannot go back from {from} % to {to} % while the commitment is in progress")]
    ProgressBack { from: u8, to: u8 },
}

/// Checks an update of a commitment that stands at `status` and `progress`.
pub fn check_update(
    (status, progress): (CommitmentStatus, Progress),
    (next, next_progress): (CommitmentStatus, Progress),
) -> Result<(), UpdateError> {
    if !status.may_become(next) {
        return Err(UpdateError::NotAllowed { from: status.as_str(), to: next.as_str() });
    }
    if next == CommitmentStatus::Achieved && next_progress != Progress::DONE {
        return Err(UpdateError::AchievedBelowDone(next_progress.percent()));
    }
    if status == CommitmentStatus::InProgress && next == CommitmentStatus::InProgress && next_progress < progress {
        return Err(UpdateError::ProgressBack { from: progress.percent(), to: next_progress.percent() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use CommitmentStatus::*;

    #[test]
    fn a_commitment_moves_forward_and_stays_achieved() {
        let at = |p| Progress::new(p).expect("in range");
        assert_eq!(check_update((Planned, at(0)), (InProgress, at(20))), Ok(()));
        assert_eq!(check_update((InProgress, at(20)), (InProgress, at(60))), Ok(()));
        assert_eq!(check_update((InProgress, at(60)), (Achieved, Progress::DONE)), Ok(()));
        assert_eq!(check_update((InProgress, at(60)), (Achieved, at(90))), Err(UpdateError::AchievedBelowDone(90)));
        assert!(check_update((Achieved, Progress::DONE), (InProgress, at(50))).is_err());
        assert!(check_update((InProgress, at(60)), (Planned, at(0))).is_err());
        assert_eq!(
            check_update((InProgress, at(60)), (InProgress, at(40))),
            Err(UpdateError::ProgressBack { from: 60, to: 40 })
        );
        assert_eq!(check_update((Dropped, at(30)), (InProgress, at(30))), Ok(()), "taken up again");
        assert!(check_update((Dropped, at(30)), (Achieved, Progress::DONE)).is_err());
    }

    #[test]
    fn progress_is_read_as_people_and_decidim_write_it() {
        assert_eq!("40".parse::<Progress>().map(Progress::percent), Ok(40));
        assert_eq!(" 40 % ".parse::<Progress>().map(Progress::percent), Ok(40));
        assert_eq!("62.5".parse::<Progress>().map(Progress::percent), Ok(63));
        assert!("101".parse::<Progress>().is_err());
        assert!("-1".parse::<Progress>().is_err());
        assert!("NaN".parse::<Progress>().is_err());
        assert!("half".parse::<Progress>().is_err());
        for status in CommitmentStatus::ALL {
            assert_eq!(status.as_str().parse(), Ok(status));
        }
    }
}
