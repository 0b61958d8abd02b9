//! Opinion groups: who is in the conversation, everyone's place on the map, up to 100 base
//! clusters of the participants, and 2 to 5 groups of the base clusters, the number chosen by
//! silhouette, as Pol.is computes them. Pol.is computes them again as votes come in, each time
//! from the last time's clusters, and changes the number of groups only once a new number has
//! won several times in a row; `Memory` carries that from one computation to the next, so that
//! groups keep their identity and do not flicker as votes arrive.

use std::collections::BTreeMap;

use crate::kmeans::{Cluster, Point, kmeans, silhouette};
use crate::matrix::VoteMatrix;
use crate::pca::{Pca, pca_from, project};

/// Votes a participant must have cast to be placed in a group (or on every statement, when there
/// are fewer).
const VOTES_TO_TAKE_PART: usize = 7;
/// When fewer participants have voted enough, the most active are taken up to this many.
const FEWEST_IN_CONVERSATION: usize = 15;
/// Base clusters at most, and k-means steps for them.
const BASE_CLUSTERS: usize = 100;
const BASE_ITERATIONS: usize = 100;
/// k-means steps for the groups: Pol.is passes 100 under a name its k-means does not read, so
/// its default of 20 applies.
const GROUP_ITERATIONS: usize = 20;
/// Groups at most; fewer for few base clusters (2 more than one per 12).
const MOST_GROUPS: usize = 5;
/// Computations in a row a new number of groups must win before the groups change to it.
const NEW_K_WINS_NEEDED: usize = 4;

/// The opinion groups of a conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct OpinionGroups {
    pub pca: Pca,
    /// Every participant's place on the map, in conversation or not.
    pub places: Vec<[f64; 2]>,
    /// Each group's participants, in participant order.
    pub groups: Vec<Vec<usize>>,
    /// Each participant's group; None for one not in the conversation.
    pub group_of: Vec<Option<usize>>,
    /// The chosen grouping's silhouette (0 with a single group).
    pub silhouette: f64,
}

/// What one computation leaves to the next: who is in the conversation (once in, always in),
/// the components, the base clusters, the groupings for each number of groups, and the choice of
/// that number.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Memory {
    in_conversation: Vec<bool>,
    base: Vec<Cluster>,
    groupings: BTreeMap<usize, Vec<Cluster>>,
    components: Option<[Vec<f64>; 2]>,
    last_k: Option<usize>,
    last_k_wins: usize,
    chosen_k: Option<usize>,
}

/// Who is in the conversation: everyone who voted on at least `VOTES_TO_TAKE_PART` statements
/// (or on all of them, when there are fewer), and, while that makes fewer than
/// `FEWEST_IN_CONVERSATION`, the most active of the others.
pub fn in_conversation(matrix: &VoteMatrix) -> Vec<bool> {
    taking_part(matrix, &[])
}

fn taking_part(matrix: &VoteMatrix, already: &[bool]) -> Vec<bool> {
    let columns = matrix.voted_statements().iter().filter(|v| **v).count();
    let needed = VOTES_TO_TAKE_PART.min(columns);
    let counts: Vec<usize> = (0..matrix.participants()).map(|p| matrix.votes_of(p).len()).collect();
    let mut taking_part: Vec<bool> = counts
        .iter()
        .enumerate()
        .map(|(p, &n)| already.get(p).copied().unwrap_or(false) || (n >= needed && n > 0))
        .collect();
    let mut placed = taking_part.iter().filter(|t| **t).count();
    if placed < FEWEST_IN_CONVERSATION {
        let mut others: Vec<usize> = (0..counts.len()).filter(|&p| !taking_part[p] && counts[p] > 0).collect();
        // The most votes first; among equals, who came first.
        others.sort_by_key(|&p| std::cmp::Reverse(counts[p]));
        for p in others {
            if placed == FEWEST_IN_CONVERSATION {
                break;
            }
            taking_part[p] = true;
            placed += 1;
        }
    }
    taking_part
}

/// The opinion groups of `matrix`'s participants, computed from scratch.
pub fn opinion_groups(matrix: &VoteMatrix) -> OpinionGroups {
    opinion_groups_after(matrix, &mut Memory::default())
}

/// The opinion groups of `matrix`'s participants, computed from where `memory` left off (the
/// matrix being the same conversation with more votes), and `memory` updated for next time.
///
/// The base clustering meets participants in the matrix's order (the order they first voted),
/// its first 100 distinct places starting the clusters: Pol.is takes the rows of its rating
/// matrix for those in the conversation in the matrix's own order (`rowname-subset` keeps it).
pub fn opinion_groups_after(matrix: &VoteMatrix, memory: &mut Memory) -> OpinionGroups {
    let pca = pca_from(matrix, memory.components.as_ref());
    memory.components = Some(pca.components.clone());
    let places = project(matrix, &pca);
    memory.in_conversation = taking_part(matrix, &memory.in_conversation);
    let points: Vec<Point> = (0..matrix.participants())
        .filter(|&p| memory.in_conversation[p])
        .map(|p| Point { key: p, place: places[p], weight: 1.0 })
        .collect();
    memory.base = kmeans(&points, BASE_CLUSTERS, BASE_ITERATIONS, Some(&memory.base));
    memory.base.sort_by_key(|c| c.id);
    let centers: Vec<Point> =
        memory.base.iter().map(|c| Point { key: c.id, place: c.center, weight: c.members.len() as f64 }).collect();
    let index_of: BTreeMap<usize, usize> = centers.iter().enumerate().map(|(i, c)| (c.key, i)).collect();
    let places_of_centers: Vec<[f64; 2]> = centers.iter().map(|c| c.place).collect();

    let most = MOST_GROUPS.min(2 + centers.len() / 12);
    let mut scores: Vec<(usize, f64)> = Vec::new();
    for k in 2..=most {
        let mut grouping = kmeans(&centers, k, GROUP_ITERATIONS, memory.groupings.get(&k).map(Vec::as_slice));
        grouping.sort_by_key(|c| c.id);
        let members: Vec<Vec<usize>> =
            grouping.iter().map(|g| g.members.iter().map(|id| index_of[id]).collect()).collect();
        scores.push((k, silhouette(&places_of_centers, &members)));
        memory.groupings.insert(k, grouping);
    }
    memory.groupings.retain(|k, _| *k <= most);
    // The best number now (on a tie, the larger, as in Pol.is), adopted once it has won
    // `NEW_K_WINS_NEEDED` times in a row.
    let best = scores.iter().fold(None, |best: Option<(usize, f64)>, &(k, s)| match best {
        Some((_, b)) if s < b => best,
        _ => Some((k, s)),
    });
    let (mut silhouette, mut grouping) = (0.0, Vec::new());
    if let Some((this_k, score)) = best {
        memory.last_k_wins = if memory.last_k == Some(this_k) { memory.last_k_wins + 1 } else { 1 };
        memory.last_k = Some(this_k);
        if memory.last_k_wins >= NEW_K_WINS_NEEDED || memory.chosen_k.is_none() {
            memory.chosen_k = Some(this_k);
        }
        let chosen = memory.chosen_k.filter(|k| memory.groupings.contains_key(k)).unwrap_or(this_k);
        grouping = memory.groupings[&chosen].clone();
        silhouette = scores.iter().find(|(k, _)| *k == chosen).map_or(score, |(_, s)| *s);
    }

    let base_members: BTreeMap<usize, &Vec<usize>> = memory.base.iter().map(|c| (c.id, &c.members)).collect();
    let mut groups: Vec<Vec<usize>> = grouping
        .iter()
        .map(|group| {
            let mut members: Vec<usize> = group
                .members
                .iter()
                .flat_map(|id| base_members.get(id).into_iter().flat_map(|m| m.iter().copied()))
                .collect();
            members.sort_unstable();
            members
        })
        .filter(|members| !members.is_empty())
        .collect();
    if groups.is_empty() && !points.is_empty() {
        groups.push(points.iter().map(|p| p.key).collect());
    }
    let mut group_of = vec![None; matrix.participants()];
    for (g, members) in groups.iter().enumerate() {
        for &p in members {
            group_of[p] = Some(g);
        }
    }
    OpinionGroups { pca, places, groups, group_of, silhouette }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::Vote;

    /// Three planted camps of 30, each agreeing with its own statements and disagreeing with
    /// the others', with a quarter of the votes missing: three groups, each one camp.
    #[test]
    fn planted_camps_are_found() {
        let mut m = VoteMatrix::new(12);
        for p in 0..90usize {
            let camp = p % 3;
            let person = p / 3;
            let votes: Vec<(usize, Vote)> = (0..12)
                .filter(|j| (person + j) % 4 != 0)
                .map(|j| match j {
                    j if j == person % 12 => (j, Vote::Pass),
                    j if j / 4 == camp => (j, Vote::Agree),
                    j => (j, Vote::Disagree),
                })
                .collect();
            m.push_participant(votes);
        }
        let found = opinion_groups(&m);
        assert_eq!(found.groups.len(), 3, "{:?}", found.groups);
        for group in &found.groups {
            let camp = group[0] % 3;
            assert!(group.iter().all(|p| p % 3 == camp), "{group:?}");
        }
    }

    #[test]
    fn few_voters_are_taken_in_by_activity() {
        let mut m = VoteMatrix::new(10);
        for p in 0..20usize {
            m.push_participant((0..(p % 10)).map(|j| (j, Vote::Agree)).collect::<Vec<_>>());
        }
        let taking_part = in_conversation(&m);
        // Those with 7, 8 or 9 votes (6 of them), then the next most active up to 15.
        assert_eq!(taking_part.iter().filter(|t| **t).count(), 15);
        assert!(!taking_part[0] && !taking_part[10], "no vote, no place");
    }
}
