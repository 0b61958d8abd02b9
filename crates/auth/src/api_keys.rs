//! API keys for the bulk channel: the secretariat issues one to an organisation for one
//! consultation (shown once, kept only as its SHA-256), revokes it, and every request shows it
//! as `Authorization: Bearer <key>`; a key is refused once revoked, or for another consultation.

use consulta_core::{Consultation, EntityName};
use consulta_store::{ApiKey, AuditActor, NewApiKey, Store, StoreError};

use crate::{AuthError, new_token, token_hash};

/// What a key's text starts with, so that one pasted in the wrong place is recognised.
pub const KEY_PREFIX: &str = "consulta_";
/// The hourly allowance of a key issued without one.
pub const DEFAULT_LINES_PER_HOUR: u64 = 100_000;

/// Why a request's key is refused.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("no API key (Authorization: Bearer …)")]
    Missing,
    #[error("this API key is not one this instance issued")]
    Unknown,
    #[error("this API key was revoked")]
    Revoked,
    #[error("this API key is for the consultation {0}")]
    OtherConsultation(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a key is not issued.
#[derive(Debug, thiserror::Error)]
pub enum IssueError {
    #[error("a key's label is 1 to 200 characters")]
    BadLabel,
    #[error("a key's hourly allowance is at least 1")]
    BadAllowance,
    #[error("there is no recorded entity {0}")]
    UnknownEntity(String),
    #[error(transparent)]
    Auth(#[from] AuthError),
}

impl From<StoreError> for IssueError {
    fn from(error: StoreError) -> Self {
        IssueError::Auth(AuthError::Store(error))
    }
}

impl IssueError {
    /// What to tell the secretariat, in its language.
    pub fn describe(&self, localizer: &consulta_i18n::Localizer) -> String {
        match self {
            IssueError::BadLabel => localizer.text("cli-api-key-bad-label"),
            IssueError::BadAllowance => localizer.text("cli-api-key-bad-allowance"),
            IssueError::UnknownEntity(name) => {
                localizer.format("follow-up-unknown-entity", &[("name", name.as_str().into())])
            }
            IssueError::Auth(_) => localizer.text("error-server"),
        }
    }
}

/// Issues a key to the recorded entity named `entity` for `consultation`, the command line's
/// and the secretariat's page's alike; gives its number and its text, which is shown once and
/// never stored.
pub fn issue(
    store: &mut dyn Store,
    consultation: &Consultation,
    entity: &str,
    label: &str,
    lines_per_hour: u64,
    by: &AuditActor,
) -> Result<(i64, String), IssueError> {
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 200 {
        return Err(IssueError::BadLabel);
    }
    if lines_per_hour == 0 {
        return Err(IssueError::BadAllowance);
    }
    let unknown = || IssueError::UnknownEntity(entity.trim().to_owned());
    let name: EntityName = entity.parse().map_err(|_| unknown())?;
    let entity = consulta_store::audited::recorded_entity(store, &name)?.ok_or_else(unknown)?;
    let key = format!("{KEY_PREFIX}{}", new_token()?);
    let new = NewApiKey {
        key_sha256: token_hash(&key),
        consultation: consultation.id,
        entity: entity.id,
        label: label.to_owned(),
        lines_per_hour,
    };
    let id = store.issue_api_key(&new, by)?;
    Ok((id, key))
}

/// The key an `Authorization` header's value shows, if it is one in use for the consultation
/// `slug`.
pub fn authenticate(store: &dyn Store, authorization: Option<&str>, slug: &str) -> Result<ApiKey, KeyError> {
    let shown = authorization
        .and_then(|value| value.trim().strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|key| !key.is_empty() && key.len() <= 200)
        .ok_or(KeyError::Missing)?;
    let key = store.api_key_by_hash(&token_hash(shown))?.ok_or(KeyError::Unknown)?;
    if key.revoked_at.is_some() {
        return Err(KeyError::Revoked);
    }
    if key.consultation_slug != slug {
        return Err(KeyError::OtherConsultation(key.consultation_slug));
    }
    Ok(key)
}
