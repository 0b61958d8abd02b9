//! Signing in: argon2id password hashes, random tokens for sessions and forms (only their
//! hashes are stored), sign-in with a constant-time answer, limits on failed sign-ins and reset
//! requests that every server shares (`throttle`); and the single-use links of invitations and password resets.

pub mod api_keys;
pub mod invitations;
pub mod throttle;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use consulta_core::Account;
use consulta_core::access::{PasswordProblem, check_password};
use consulta_log::{Hash, to_hex};
use consulta_store::{AccountStore, NewSession, StoreError};
use jiff::{SignedDuration, Timestamp};

/// How long a session lasts without signing in again.
pub const SESSION_HOURS: i64 = 8;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("the password is {0}")]
    Password(PasswordProblem),
    #[error("no randomness: {0}")]
    Randomness(String),
    #[error("cannot hash the password: {0}")]
    Hash(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What is wrong with a new password, in the reader's language.
pub fn describe_password_problem(problem: PasswordProblem, localizer: &consulta_i18n::Localizer) -> String {
    use consulta_core::access::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
    use consulta_i18n::Arg;
    match problem {
        PasswordProblem::TooShort => {
            localizer.format("password-too-short", &[("min", Arg::Number(MIN_PASSWORD_CHARS as f64))])
        }
        PasswordProblem::TooLong => {
            localizer.format("password-too-long", &[("max", Arg::Number(MAX_PASSWORD_CHARS as f64))])
        }
    }
}

/// 32 random bytes as 64 hexadecimal characters.
pub fn new_token() -> Result<String, AuthError> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).map_err(|e| AuthError::Randomness(e.to_string()))?;
    Ok(to_hex(&bytes))
}

/// What the store keeps of a token.
pub fn token_hash(token: &str) -> Hash {
    consulta_log::sha256(token.as_bytes())
}

/// Hashes a new password with argon2id (OWASP's parameters, the crate's defaults), after
/// checking it is long enough.
pub fn hash_password(password: &str) -> Result<String, AuthError> {
    check_password(password).map_err(AuthError::Password)?;
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt).map_err(|e| AuthError::Randomness(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| AuthError::Hash(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| AuthError::Hash(e.to_string()))
}

fn password_matches(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash of no one's password, checked when the address is unknown so that the answer takes
/// as long as for a known one (no way to learn which addresses have accounts).
const DECOY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Yv0a5Le9C3n1m4jvXbW6sGxVvCQ1pGnB7m1fX0m0zJU";

/// The account these credentials open, if they do.
pub fn check_credentials(store: &dyn AccountStore, email: &str, password: &str) -> Result<Option<Account>, AuthError> {
    match store.sign_in_record(email)? {
        Some((account, hash)) => Ok(password_matches(&hash, password).then_some(account)),
        None => {
            let _ = password_matches(DECOY_HASH, password);
            Ok(None)
        }
    }
}

/// A new session for `account`: the cookie's token (only its hash is stored) and its form token.
pub fn start_session(store: &mut dyn AccountStore, account: &Account, now: Timestamp) -> Result<String, AuthError> {
    let token = new_token()?;
    store.create_session(&NewSession {
        token_sha256: token_hash(&token),
        account: account.id,
        csrf_token: new_token()?,
        created_at: now,
        expires_at: now + SignedDuration::from_hours(SESSION_HOURS),
    })?;
    Ok(token)
}

/// Compares two tokens in time that does not depend on where they differ.
pub fn tokens_match(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("correct horse battery staple").expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(password_matches(&hash, "correct horse battery staple"));
        assert!(!password_matches(&hash, "correct horse battery stapl"));
        assert!(matches!(hash_password("short"), Err(AuthError::Password(PasswordProblem::TooShort))));
        assert!(!password_matches("not a hash", "anything"));
        assert!(PasswordHash::new(DECOY_HASH).is_ok(), "the decoy parses, so checking it costs a full hash");
    }

    #[test]
    fn tokens_are_random_and_compared_whole() {
        let a = new_token().expect("token");
        assert_eq!(a.len(), 64);
        assert_ne!(a, new_token().expect("token"));
        assert!(tokens_match(&a, &a.clone()));
        assert!(!tokens_match(&a, &a[..63]));
        assert_eq!(token_hash(&a), token_hash(&a));
    }
}
