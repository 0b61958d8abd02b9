//! Drafting: the texts a consultation leads to and that participants negotiate paragraph by
//! paragraph (seeds/000 and seeds/002, draft opinions of the WTPF-13): their structure
//! (`text.rs`), the verbs that open their sections (`verbs.rs`), the parser of their plain
//! text (`parse.rs`), amendments, revisions and the compilation text (`amend.rs`), the word
//! comparison of two revisions (`compare.rs`), Akoma Ntoso XML (`akn.rs`), and an amendment's canonical record for the public log
//! (`record.rs`), and where drafts and amendments stand (`status.rs`). No I/O: the store keeps drafts, the CLI and the web show them.

pub mod akn;
pub mod amend;
pub mod compare;
pub mod parse;
pub mod record;
pub mod status;
pub mod text;
pub mod verbs;

pub use akn::{AknError, AmendmentDocument, Identity, amendment_to_akn, from_akn, to_akn};
pub use amend::{AmendError, Amendment, Change, CompilationWords, Pending, Place, agreed_carried_over, compilation};
pub use compare::{ComparedLine, Run, compare, compare_lines, marked};
pub use parse::{ParseError, Parsed, Unplaced, parse};
pub use record::AmendmentRecord;
pub use status::{AmendmentStatus, DraftStatus, StatusError};
pub use text::{Draft, Item, Line, LineKind, Numbering, Section, SectionKind};
