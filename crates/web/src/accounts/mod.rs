//! Accounts on the web: who is asking (`session`), signing in and resets (`sign_in`), the
//! secretariat's pages (`secretariat`), moderation (`moderation`) and invitations
//! (`invitations`). Who may do what is decided by `Actor::may` in the core.

mod invitations;
mod moderation;
mod secretariat;
mod session;
mod sign_in;

pub use invitations::{accept_invitation, invitation, invite};
pub use moderation::{attribute, moderate};
pub use secretariat::{
    add_meeting, admin, audit, audit_csv, create_consultation, mail, new_consultation, translate_consultation,
};
pub(crate) use session::{QueryParams, acting_for, cookie, secretariat_form, set_cookie, with_cookie, with_visitor};
pub use session::{Visitor, sign_in_url, visitor_and_entity};
pub use sign_in::{login, login_page, logout, password_reset_page, request_reset, reset_password};
