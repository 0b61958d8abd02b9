//! The opinion groups as a live conversation reaches them: Pol.is computes again after each
//! second in which votes came in, each time from the last time's clusters (`groups::Memory`),
//! so the number of groups changes only after winning several times in a row. Replaying the
//! votes in the order cast, a window at a time, gives the same groups from the record alone, so
//! every reader (the CLI, the pages, the report) computes the same ones.

use crate::groups::{Memory, opinion_groups_after};
use crate::{OpinionGroups, Vote, VoteMatrix};

/// How often Pol.is's math worker takes the votes that came in and computes the groups again.
pub const POLL_MS: i64 = 1_000;

/// The most votes a replay visits in all (each computation visits every vote cast so far): a
/// conversation small enough is replayed a second at a time, a larger one in longer windows, so
/// that a recomputation's cost stays bounded however long the conversation ran.
pub const WORK_BUDGET: usize = 50_000_000;

/// A vote as it was cast: when (milliseconds), by whom, on what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimedVote {
    pub at_ms: i64,
    pub participant: usize,
    pub statement: usize,
    pub vote: Vote,
}

/// Replays `history` (in the order cast; participants numbered in the order they first voted)
/// over `statements` statements, those in `withdrawn` taken out, computing the groups after each
/// window as Pol.is does. Gives the final matrix and groups.
pub fn replay(statements: usize, withdrawn: &[usize], history: &[TimedVote]) -> (VoteMatrix, OpinionGroups) {
    let mut memory = Memory::default();
    let mut growing = VoteMatrix::new(statements);
    for &statement in withdrawn {
        growing.withdraw(statement);
    }
    let window = window_ms(history);
    let mut current = None;
    for cast in history {
        let this = cast.at_ms.div_euclid(window);
        if current.is_some_and(|w| w != this) {
            // Until the last, only what a computation leaves in `memory` counts.
            opinion_groups_after(&growing, &mut memory);
        }
        current = Some(this);
        growing.cast(cast.participant, cast.statement, cast.vote);
    }
    let groups = opinion_groups_after(&growing, &mut memory);
    (growing, groups)
}

/// The window of a replay: `POLL_MS`, or longer when replaying a second at a time would visit more
/// than `WORK_BUDGET` votes.
fn window_ms(history: &[TimedVote]) -> i64 {
    let (Some(first), Some(last)) = (history.first(), history.last()) else { return POLL_MS };
    let runs = (WORK_BUDGET / history.len().max(1)).max(1) as i64;
    let span = last.at_ms.saturating_sub(first.at_ms).max(0);
    let mut windows = 0i64;
    let mut previous = None;
    for cast in history {
        let this = cast.at_ms.div_euclid(POLL_MS);
        if previous != Some(this) {
            windows += 1;
            previous = Some(this);
        }
    }
    if windows <= runs { POLL_MS } else { (span / runs).max(POLL_MS) + 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_conversation_is_replayed_in_longer_windows() {
        let vote = |at_ms| TimedVote { at_ms, participant: 0, statement: 0, vote: Vote::Agree };
        let short: Vec<TimedVote> = (0..100).map(|s| vote(s * 1_000)).collect();
        assert_eq!(window_ms(&short), POLL_MS);
        let long: Vec<TimedVote> = (0..20_000).map(|s| vote(s * 1_000)).collect();
        let window = window_ms(&long);
        let runs = (long.len() as u64 * 1_000).div_ceil(window as u64);
        assert!(window > POLL_MS && runs as usize <= WORK_BUDGET / long.len(), "{window} ms, {runs} runs");
    }

    #[test]
    fn a_replay_ends_with_the_final_votes() {
        let mut history = Vec::new();
        for participant in 0..40 {
            for statement in 0..8 {
                let vote = if (participant < 20) == (statement % 2 == 0) { Vote::Agree } else { Vote::Disagree };
                history.push(TimedVote {
                    at_ms: (participant * 8 + statement) as i64 * 400,
                    participant,
                    statement,
                    vote,
                });
            }
        }
        let (matrix, groups) = replay(8, &[7], &history);
        assert_eq!(matrix.votes_cast(), 320);
        assert!(matrix.is_withdrawn(7));
        assert_eq!(groups.groups.len(), 2, "{:?}", groups.groups);
    }
}
