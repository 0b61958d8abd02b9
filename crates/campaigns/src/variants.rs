//! A campaign's members read side by side: the most central one (the representative), each
//! variant's word-level differences from it, and, for a synonym-swap template, its slots — the
//! places where members pick one word of a small set — with their alternatives. Texts come as
//! token sequences (`tokens::words`); alignment is the patience diff over tokens (the `similar` crate).

use std::collections::HashMap;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::sketch::Shingled;

/// Members compared with each other to find the most central: spread evenly over the campaign,
/// so the cost is bounded however large it is.
pub const CENTRAL_SAMPLE: usize = 48;

/// The position, among `members` (each a token sequence), of the one most like the others: of
/// an evenly spread sample, the one with the greatest sum of similarities to the others (ties to
/// the earliest). Two members' similarity is the lesser of the shares of each one's runs of
/// words the other holds, so that neither a short excerpt nor a letter with a long paragraph
/// added is taken for the centre. None for no member.
pub fn most_central(members: &[Vec<u64>]) -> Option<usize> {
    if members.is_empty() {
        return None;
    }
    let step = members.len().div_ceil(CENTRAL_SAMPLE).max(1);
    let sample: Vec<usize> = (0..members.len()).step_by(step).collect();
    let read: Vec<Shingled> = sample.iter().map(|&i| Shingled::of(&members[i])).collect();
    let share = |a: usize, b: usize| read[a].share_held_by(&read[b]);
    let mut scores = vec![0.0; sample.len()];
    for a in 0..sample.len() {
        for b in a + 1..sample.len() {
            let similarity = share(a, b).min(share(b, a));
            scores[a] += similarity;
            scores[b] += similarity;
        }
    }
    let mut best = 0;
    for (candidate, score) in scores.iter().enumerate() {
        if *score > scores[best] {
            best = candidate;
        }
    }
    Some(sample[best])
}

/// A stretch of a variant compared with the representative, by token positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Tokens the two share: the representative's `from`, the variant's `to`.
    Same { from: std::ops::Range<usize>, to: std::ops::Range<usize> },
    /// Representative's tokens the variant lacks.
    Removed(std::ops::Range<usize>),
    /// The variant's tokens the representative lacks.
    Added(std::ops::Range<usize>),
}

/// The word-level differences of `variant` from `representative` (token sequences).
pub fn differences(representative: &[u64], variant: &[u64]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, representative, variant) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                pieces.push(Piece::Same { from: old_index..old_index + len, to: new_index..new_index + len });
            }
            DiffOp::Delete { old_index, old_len, .. } => pieces.push(Piece::Removed(old_index..old_index + old_len)),
            DiffOp::Insert { new_index, new_len, .. } => pieces.push(Piece::Added(new_index..new_index + new_len)),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                pieces.push(Piece::Removed(old_index..old_index + old_len));
                pieces.push(Piece::Added(new_index..new_index + new_len));
            }
        }
    }
    pieces
}

/// A place of the representative where members pick one word of a set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// The representative's token position.
    pub at: usize,
    /// Each word picked there (a token, and a member that picked it, by position among the
    /// members given), with how many members picked it, the most picked first.
    pub alternatives: Vec<Alternative>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternative {
    pub token: u64,
    /// A member that picked it and the token's position in that member, to show the word.
    pub example: (usize, usize),
    pub members: usize,
}

/// What makes a campaign a synonym-swap template.
#[derive(Debug, Clone, Copy)]
pub struct TemplateRule {
    /// Members that must pick a word other than the representative's for it to count as an
    /// alternative: an edit of one sender is not a synonym.
    pub fewest_pickers: usize,
    /// Slots a template has at least.
    pub fewest_slots: usize,
}

impl Default for TemplateRule {
    fn default() -> Self {
        TemplateRule { fewest_pickers: 2, fewest_slots: 3 }
    }
}

/// The slots of a campaign: aligning each member with the representative, the places where a
/// single word replaces the representative's, kept where at least two words are picked there,
/// each other than the representative's by several members. Empty when there are fewer than
/// `rule.fewest_slots`: then the campaign is not a template (members differ by edits, not
/// picks).
pub fn slots(representative: &[u64], members: &[Vec<u64>], rule: TemplateRule) -> Vec<Slot> {
    // At each representative position: each word picked instead of the representative's.
    let mut picked: HashMap<usize, HashMap<u64, Alternative>> = HashMap::new();
    let mut kept_theirs: HashMap<usize, usize> = HashMap::new();
    for (m, member) in members.iter().enumerate() {
        for op in capture_diff_slices(Algorithm::Patience, representative, member) {
            match op {
                DiffOp::Replace { old_index, old_len: 1, new_index, new_len: 1 } => {
                    let token = member[new_index];
                    picked
                        .entry(old_index)
                        .or_default()
                        .entry(token)
                        .or_insert(Alternative { token, example: (m, new_index), members: 0 })
                        .members += 1;
                }
                DiffOp::Equal { old_index, len, .. } => {
                    for at in old_index..old_index + len {
                        *kept_theirs.entry(at).or_default() += 1;
                    }
                }
                _ => {}
            }
        }
    }
    let mut found: Vec<Slot> = picked
        .into_iter()
        .filter_map(|(at, words)| {
            let mut alternatives: Vec<Alternative> =
                words.into_values().filter(|a| a.members >= rule.fewest_pickers).collect();
            if alternatives.is_empty() {
                return None;
            }
            // The representative's own word, as picked by those that kept it.
            let kept = kept_theirs.get(&at).copied().unwrap_or(0);
            if kept > 0 {
                alternatives.push(Alternative { token: representative[at], example: (usize::MAX, at), members: kept });
            }
            alternatives.sort_by_key(|a| (std::cmp::Reverse(a.members), a.token));
            (alternatives.len() >= 2).then_some(Slot { at, alternatives })
        })
        .collect();
    found.sort_by_key(|s| s.at);
    if found.len() < rule.fewest_slots { Vec::new() } else { found }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokens;

    fn frame(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("word{}", i * 7 % 97)).collect()
    }

    #[test]
    fn the_representative_is_the_member_most_like_the_others() {
        let letter = frame(60);
        let mut members: Vec<Vec<u64>> = Vec::new();
        // The first member carries a long paragraph of its own; the others the letter, each
        // with one word changed.
        members.push(tokens(&format!(
            "{} {}",
            frame(80).iter().map(|w| format!("own{w}")).collect::<Vec<_>>().join(" "),
            letter.join(" ")
        )));
        for i in 0..6 {
            let mut variant = letter.clone();
            variant[i * 9] = format!("changed{i}");
            members.push(tokens(&variant.join(" ")));
        }
        let central = most_central(&members).expect("a member");
        assert_ne!(central, 0, "the letter with a paragraph added is not the most central");
        assert_eq!(most_central(&[]), None);
    }

    #[test]
    fn differences_show_what_a_variant_changed() {
        let representative = tokens("we ask the forum to publish its work");
        let variant = tokens("dear friends we ask the forum to share its work");
        let pieces = differences(&representative, &variant);
        assert_eq!(
            pieces,
            [
                Piece::Added(0..2),
                Piece::Same { from: 0..5, to: 2..7 },
                Piece::Removed(5..6),
                Piece::Added(7..8),
                Piece::Same { from: 6..8, to: 8..10 },
            ]
        );
    }

    #[test]
    fn a_templates_slots_and_alternatives_are_found_but_edits_are_not() {
        let base = frame(60);
        let synonyms = [["urge", "ask", "implore"], ["vital", "essential", "crucial"], ["now", "soon", "promptly"]];
        let places = [10, 25, 40];
        let member = |pick: usize| -> Vec<u64> {
            let mut words = base.clone();
            for (slot, at) in places.iter().enumerate() {
                words[*at] = synonyms[slot][(pick + slot) % 3].to_owned();
            }
            tokens(&words.join(" "))
        };
        let members: Vec<Vec<u64>> = (0..12).map(member).collect();
        let found = slots(&members[0], &members, TemplateRule::default());
        assert_eq!(found.iter().map(|s| s.at).collect::<Vec<_>>(), places);
        assert!(found.iter().all(|s| s.alternatives.len() == 3), "{found:?}");
        // A form letter whose senders each changed a word of their own is not a template.
        let edited: Vec<Vec<u64>> = (0..12)
            .map(|i| {
                let mut words = base.clone();
                words[i * 4] = format!("edit{i}");
                tokens(&words.join(" "))
            })
            .collect();
        assert!(slots(&edited[0], &edited, TemplateRule::default()).is_empty());
    }
}
