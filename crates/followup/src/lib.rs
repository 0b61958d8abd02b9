//! Follow-up: what a consultation's outcome becomes over the years. The action lines of the
//! Geneva Plan of Action (`action_lines`, shipped as data with its source), who facilitates
//! each in a year (`Facilitator`), the commitments entities take (`commitment`: status,
//! progress, the rules of their updates), and the results CSV (`results_csv`), the columns of
//! Decidim's accountability module with Consulta's own beside them, read with the line and
//! field of every error and written back the same way, the calendar (`cycle`: the UNGIS
//! chair and the CSTD's sessions, computed from their rules), and the forum on projects and
//! funding (`forum`: items checked field by field, projects matched to funding sources with
//! their reasons). Pure: no I/O.

pub mod action_lines;
pub mod commitment;
pub mod cycle;
pub mod forum;
pub mod results_csv;

pub use action_lines::{ActionLine, FacilitatorRole, action_line, action_lines};
pub use commitment::{CommitmentStatus, Progress, UpdateError, check_update};
pub use cycle::{Session, cstd_session, ungis_chair};
pub use forum::{
    ForumFieldError, ForumFields, ForumKind, ForumPost, ForumProblem, MatchReason, check_reply, match_reasons,
    match_score,
};
pub use results_csv::{
    CommitmentRow, RESULT_COLUMNS, ResultsError, ResultsProblem, read_results, read_results_by_line, write_results,
};
