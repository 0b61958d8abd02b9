//! The `consulta` binary end to end, in one test program (one link instead of one per file):
//! each module starts the real binary on a free port with a temporary database, or runs its
//! commands, and reads what a person or a client would. `common` holds the helpers.

mod common;

mod accounts;
mod agreement;
mod archive;
mod backup;
mod bodies;
mod browser;
mod bulk;
mod campaign;
mod campaigns;
mod cli;
mod crash;
mod drafts;
mod follow_up;
mod forum;
mod hardening;
mod intake;
mod object_storage;
mod report;
mod servers;
mod web;
