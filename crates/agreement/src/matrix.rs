//! The vote matrix: the latest vote of each participant on each statement, stored by
//! participant (a conversation's matrix is mostly empty).

/// A participant's position on a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vote {
    Agree,
    Disagree,
    Pass,
}

impl Vote {
    /// The vote as a number: agree 1, disagree −1, pass 0. (Pol.is counts agree as −1
    /// internally; the groups do not depend on the sign.)
    pub fn value(self) -> f64 {
        match self {
            Vote::Agree => 1.0,
            Vote::Disagree => -1.0,
            Vote::Pass => 0.0,
        }
    }

    /// A vote as Pol.is's exports write it: 1 agree, −1 disagree, 0 pass.
    pub fn from_number(n: i64) -> Option<Vote> {
        match n {
            1 => Some(Vote::Agree),
            -1 => Some(Vote::Disagree),
            0 => Some(Vote::Pass),
            _ => None,
        }
    }
}

/// The votes of a conversation. Participants and statements are numbered from 0; a participant's
/// votes are kept sorted by statement, one per statement.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VoteMatrix {
    statements: usize,
    rows: Vec<Vec<(u32, Vote)>>,
    /// Statements taken out by moderation after people voted on them: the map counts them as
    /// passed by everyone (as Pol.is zeroes their column), and no report shows them.
    withdrawn: Vec<bool>,
}

impl VoteMatrix {
    /// An empty matrix of `statements` statements.
    pub fn new(statements: usize) -> VoteMatrix {
        VoteMatrix { statements, rows: Vec::new(), withdrawn: vec![false; statements] }
    }

    /// Adds a participant with their votes; gives the participant's number. Where a statement is
    /// voted on twice, the later vote in `votes` counts; a statement out of range is ignored.
    pub fn push_participant(&mut self, votes: impl IntoIterator<Item = (usize, Vote)>) -> usize {
        let mut row: Vec<(u32, Vote)> = Vec::new();
        for (statement, vote) in votes {
            let Ok(index) = u32::try_from(statement) else { continue };
            if statement < self.statements {
                row.push((index, vote));
            }
        }
        // Stable: among votes on one statement, the last given stays last, and is kept.
        row.sort_by_key(|(statement, _)| *statement);
        let mut latest: Vec<(u32, Vote)> = Vec::with_capacity(row.len());
        for (statement, vote) in row {
            match latest.last_mut() {
                Some(last) if last.0 == statement => last.1 = vote,
                _ => latest.push((statement, vote)),
            }
        }
        self.rows.push(latest);
        self.rows.len() - 1
    }

    /// Records one vote, replacing the participant's earlier vote on that statement: for a
    /// matrix that grows as votes come in. A participant numbered `participants()` is added; a
    /// statement out of range, or a participant further out, is ignored.
    pub fn cast(&mut self, participant: usize, statement: usize, vote: Vote) {
        let Ok(index) = u32::try_from(statement) else { return };
        if statement >= self.statements || participant > self.rows.len() {
            return;
        }
        if participant == self.rows.len() {
            self.rows.push(Vec::new());
        }
        let row = &mut self.rows[participant];
        match row.binary_search_by_key(&index, |(s, _)| *s) {
            Ok(at) => row[at].1 = vote,
            Err(at) => row.insert(at, (index, vote)),
        }
    }

    /// Marks a statement as taken out by moderation.
    pub fn withdraw(&mut self, statement: usize) {
        if let Some(flag) = self.withdrawn.get_mut(statement) {
            *flag = true;
        }
    }

    pub fn is_withdrawn(&self, statement: usize) -> bool {
        self.withdrawn.get(statement).copied().unwrap_or(false)
    }

    pub fn participants(&self) -> usize {
        self.rows.len()
    }

    pub fn statements(&self) -> usize {
        self.statements
    }

    /// A participant's votes, by statement.
    pub fn votes_of(&self, participant: usize) -> &[(u32, Vote)] {
        self.rows.get(participant).map_or(&[], Vec::as_slice)
    }

    /// How many votes were cast in all.
    pub fn votes_cast(&self) -> usize {
        self.rows.iter().map(Vec::len).sum()
    }

    /// Whether each statement has at least one vote: the columns Pol.is's matrix has.
    pub fn voted_statements(&self) -> Vec<bool> {
        let mut voted = vec![false; self.statements];
        for row in &self.rows {
            for (statement, _) in row {
                voted[*statement as usize] = true;
            }
        }
        voted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_vote_on_a_statement_counts_and_strays_are_ignored() {
        let mut m = VoteMatrix::new(3);
        let p = m.push_participant([(2, Vote::Agree), (0, Vote::Pass), (2, Vote::Disagree), (7, Vote::Agree)]);
        assert_eq!(m.votes_of(p), [(0, Vote::Pass), (2, Vote::Disagree)]);
        assert_eq!((m.participants(), m.votes_cast()), (1, 2));
        assert_eq!(m.voted_statements(), [true, false, true]);
        assert_eq!(Vote::from_number(5), None);
        m.cast(0, 1, Vote::Agree);
        m.cast(0, 2, Vote::Agree);
        m.cast(1, 0, Vote::Pass);
        m.cast(5, 0, Vote::Pass);
        assert_eq!(m.votes_of(0), [(0, Vote::Pass), (1, Vote::Agree), (2, Vote::Agree)]);
        assert_eq!((m.participants(), m.votes_of(1)), (2, &[(0, Vote::Pass)][..]));
    }
}
