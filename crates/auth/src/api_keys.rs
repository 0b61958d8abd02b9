//! API keys for the bulk channel: the secretariat issues one to an organisation for one
//! consultation (shown once, kept only as its SHA-256), revokes it, and every request shows it
//! as `Authorization: Bearer <key>`; a key is refused once revoked, or for another consultation.

use consulta_core::{Consultation, Entity};
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

/// Issues a key to `entity` for `consultation`; gives its number and its text, which is shown
/// once and never stored.
pub fn issue(
    store: &mut dyn Store,
    consultation: &Consultation,
    entity: &Entity,
    label: &str,
    lines_per_hour: u64,
    by: &AuditActor,
) -> Result<(i64, String), AuthError> {
    let key = format!("{KEY_PREFIX}{}", new_token()?);
    let new = NewApiKey {
        key_sha256: token_hash(&key),
        consultation: consultation.id,
        entity: entity.id,
        label: label.trim().to_owned(),
        lines_per_hour: lines_per_hour.max(1),
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
