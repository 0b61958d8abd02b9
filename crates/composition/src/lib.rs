//! The composition of a body (a working group, an advisory group) with balanced representation:
//! who may sit (`Candidate`s: nominations and seated members, each with their attributes), the
//! secretariat's rules in a small declarative form (`rules.rs`, parsed from text with every
//! error's line), the checker that lists every rule a slate breaks and by how much
//! (`check.rs`), the exact solver that proposes a slate meeting every rule and best by the
//! objective the secretariat chooses, or names a minimal set of rules that conflict
//! (`solve.rs`, integer programming through good_lp), the chair's rotation (`chair.rs`), and
//! reference compositions with their sources (`reference.rs`). No I/O.

pub mod chair;
pub mod check;
pub mod reference;
pub mod rules;
pub mod solve;

pub use chair::{Role, co_chair_candidates, next_chair};
pub use check::{Violation, check};
pub use rules::{Attribute, Bound, Candidate, Filter, Pin, Rule, RuleError, RuleProblem, RuleSet, parse_rules};
pub use solve::{Objective, Slate, SolveError, Solved, score, solve};
