//! Points of agreement and points for further debate, computed from votes alone: the opinion
//! groups of a vote matrix by the method Pol.is publishes (its `math/` code and the
//! Computational Democracy Project's documentation, followed step by step and written anew),
//! each group's representative statements, and consensus across groups, whether the groups are
//! opinion groups or stakeholder groups. Pure: no I/O, no clock, no randomness (fixed seeds),
//! so the same votes always give the same groups.
//!
//! The steps, in `groups::opinion_groups`: participants "in conversation" (`groups`); the votes
//! centred on each statement's mean, a missing vote counting as that mean, and the first two
//! principal components by power iteration (`pca`); each participant projected from the votes
//! they cast, scaled up for the votes they did not (`pca::project`); up to 100 base clusters by
//! k-means, then 2 to 5 groups by weighted k-means over the base clusters, the number chosen by
//! silhouette (`kmeans`); representative statements and consensus (`consensus`).

pub mod ari;
pub mod consensus;
pub mod groups;
pub mod kmeans;
pub mod map;
pub mod matrix;
pub mod pca;
pub mod replay;

pub use consensus::{
    GroupShare, Representative, Standing, StatementReport, representative_statements, statement_reports,
};
pub use groups::{OpinionGroups, opinion_groups};
pub use matrix::{Vote, VoteMatrix};
pub use replay::{TimedVote, replay};
