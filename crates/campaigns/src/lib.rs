//! Campaigns: contributions that are one letter sent many times, with or without edits — a
//! personal paragraph added before or after, words changed, a few sentences dropped. A text is
//! cut into normalised tokens (`tokens`), the tokens into overlapping shingles, the shingles
//! sketched by MinHash and banded into LSH buckets (`sketch`); a contribution that shares a
//! bucket with another is compared with it exactly (containment of shingle sets), and those that
//! match are joined by union-find (`detect`). Deterministic: the same texts in the same order
//! always give the same campaigns, whether added one at a time as they arrive or all at once.
//! `variants` reads a campaign's members side by side: its most central member, each variant's
//! differences from it, and a template's slots.

pub mod detect;
mod ready;
pub mod sketch;
pub mod tokens;
pub mod variants;

pub use detect::{Detector, Settings};
