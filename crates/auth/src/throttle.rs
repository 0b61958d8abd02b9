//! Failed sign-ins and password reset requests, counted in the store so that every server of an
//! instance sees the same counts. Strangers cannot lock an account: only failures count, per
//! account from one client and per client overall; an account attacked from many clients slows
//! down (a growing wait between tries) for clients that have not signed in to it, never for the
//! ones that have.

use consulta_store::{AccountStore, StoreError};
use jiff::{SignedDuration, Timestamp};

/// The window failures are counted in.
const WINDOW: SignedDuration = SignedDuration::from_mins(15);
/// Failures one client may make on one account in the window.
const PER_ACCOUNT_AND_CLIENT: u64 = 5;
/// Failures one client may make in the window, on any accounts.
const PER_CLIENT: u64 = 20;
/// Failures on an account, from all clients, after which unknown clients must wait between
/// tries.
const BACKOFF_AFTER: u64 = 5;
/// The longest wait between two tries of an unknown client.
const MAX_WAIT: SignedDuration = SignedDuration::from_secs(60);
/// How long a client that signed in to an account stays known to it.
const KNOWN_FOR: SignedDuration = SignedDuration::from_hours(90 * 24);
/// Password reset requests per client, and per account, in the window.
const RESETS_PER_CLIENT: u64 = 20;
const RESETS_PER_ACCOUNT: u64 = 5;

/// The scopes of the store's rate events.
const FAILED_BY_CLIENT: &str = "sign-in-failed:client";
const FAILED_BY_PAIR: &str = "sign-in-failed:account-client";
const FAILED_BY_ACCOUNT: &str = "sign-in-failed:account";
const KNOWN_CLIENT: &str = "sign-in:known-client";
const RESET_BY_CLIENT: &str = "reset:client";
const RESET_BY_ACCOUNT: &str = "reset:account";
const VOTE_BY_CLIENT: &str = "vote:client";
const PROPOSAL_BY_CLIENT: &str = "proposal:client";

/// Votes one client may cast in the window on points of agreement (a household or an office
/// behind one address votes together), and statements it may propose.
const VOTES_PER_CLIENT: u64 = 3_000;
const PROPOSALS_PER_CLIENT: u64 = 30;
/// The window votes and proposals are counted in.
const PARTICIPATION_WINDOW: SignedDuration = SignedDuration::from_hours(1);

/// Why an attempt is not let through now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Throttled {
    /// This client failed too often (on this account, or on any), or asked too often: it
    /// waits out the window.
    Client,
    /// The account is under attack from many clients: an unknown client waits this long.
    Wait(SignedDuration),
}

fn pair(account: &str, client: &str) -> String {
    format!("{account}\u{0}{client}")
}

/// Whether `client` may try to sign in to `account` now; nothing is counted.
pub fn check_sign_in(store: &dyn AccountStore, account: &str, client: &str, now: Timestamp) -> Result<(), Throttled> {
    check(store, account, client, now).unwrap_or_else(|error| {
        // Counts that cannot be read do not lock anyone out; the failure is the operator's.
        tracing::error!(%error, "sign-in limits could not be read");
        Ok(())
    })
}

fn check(
    store: &dyn AccountStore,
    account: &str,
    client: &str,
    now: Timestamp,
) -> Result<Result<(), Throttled>, StoreError> {
    let since = now - WINDOW;
    if store.rate_events(FAILED_BY_CLIENT, client, since)?.0 >= PER_CLIENT
        || store.rate_events(FAILED_BY_PAIR, &pair(account, client), since)?.0 >= PER_ACCOUNT_AND_CLIENT
    {
        return Ok(Err(Throttled::Client));
    }
    if store.rate_events(KNOWN_CLIENT, &pair(account, client), now - KNOWN_FOR)?.0 > 0 {
        return Ok(Ok(()));
    }
    let (failures, last) = store.rate_events(FAILED_BY_ACCOUNT, account, since)?;
    if let (true, Some(last)) = (failures >= BACKOFF_AFTER, last) {
        let doublings = (failures - BACKOFF_AFTER).min(16) as i32;
        let wait = SignedDuration::from_secs(1 << doublings).min(MAX_WAIT);
        let waited = now.duration_since(last);
        if waited < wait {
            return Ok(Err(Throttled::Wait(wait - waited)));
        }
    }
    Ok(Ok(()))
}

/// A wrong password (or an unknown account) from `client`.
pub fn sign_in_failed(
    store: &mut dyn AccountStore,
    account: &str,
    client: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    store.record_rate_event(FAILED_BY_CLIENT, client, now)?;
    store.record_rate_event(FAILED_BY_PAIR, &pair(account, client), now)?;
    store.record_rate_event(FAILED_BY_ACCOUNT, account, now)
}

/// A successful sign-in: the client is known to the account from now on, and its own failures
/// on it are forgotten.
pub fn sign_in_succeeded(
    store: &mut dyn AccountStore,
    account: &str,
    client: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    store.forget_rate_events(FAILED_BY_PAIR, &pair(account, client))?;
    store.forget_rate_events(KNOWN_CLIENT, &pair(account, client))?;
    store.record_rate_event(KNOWN_CLIENT, &pair(account, client), now)
}

/// Counts a password reset request from `client` for `account`, unless either has asked too
/// often.
pub fn allow_reset(
    store: &mut dyn AccountStore,
    account: &str,
    client: &str,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let since = now - WINDOW;
    if store.rate_events(RESET_BY_CLIENT, client, since)?.0 >= RESETS_PER_CLIENT
        || store.rate_events(RESET_BY_ACCOUNT, account, since)?.0 >= RESETS_PER_ACCOUNT
    {
        return Ok(false);
    }
    store.record_rate_event(RESET_BY_CLIENT, client, now)?;
    store.record_rate_event(RESET_BY_ACCOUNT, account, now)?;
    Ok(true)
}

/// What a participant asks to do on the points of agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Participation {
    Vote,
    Proposal,
}

/// Counts a vote or a proposal from `client`, unless it has cast too many in the last hour.
pub fn allow_participation(
    store: &mut dyn AccountStore,
    what: Participation,
    client: &str,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let (scope, limit) = match what {
        Participation::Vote => (VOTE_BY_CLIENT, VOTES_PER_CLIENT),
        Participation::Proposal => (PROPOSAL_BY_CLIENT, PROPOSALS_PER_CLIENT),
    };
    if store.rate_events(scope, client, now - PARTICIPATION_WINDOW)?.0 >= limit {
        return Ok(false);
    }
    store.record_rate_event(scope, client, now)?;
    Ok(true)
}

/// Forgets the events that no longer count; returns how many.
pub fn prune(store: &mut dyn AccountStore, now: Timestamp) -> Result<u64, StoreError> {
    let mut pruned = 0;
    for scope in [FAILED_BY_CLIENT, FAILED_BY_PAIR, FAILED_BY_ACCOUNT, RESET_BY_CLIENT, RESET_BY_ACCOUNT] {
        pruned += store.prune_rate_events(scope, now - WINDOW)?;
    }
    pruned += store.prune_rate_events(KNOWN_CLIENT, now - KNOWN_FOR)?;
    for scope in [VOTE_BY_CLIENT, PROPOSAL_BY_CLIENT] {
        pruned += store.prune_rate_events(scope, now - PARTICIPATION_WINDOW)?;
    }
    Ok(pruned)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWNER: &str = "192.0.2.10";
    const STRANGER: &str = "203.0.113.66";

    #[test]
    fn a_client_votes_within_its_hourly_allowance() {
        let dir = tempfile::tempdir().expect("dir");
        let mut store = store(&dir);
        for _ in 0..PROPOSALS_PER_CLIENT {
            assert!(allow_participation(&mut store, Participation::Proposal, OWNER, now()).expect("counted"));
        }
        assert!(!allow_participation(&mut store, Participation::Proposal, OWNER, now()).expect("refused"));
        assert!(allow_participation(&mut store, Participation::Proposal, STRANGER, now()).expect("another client"));
        assert!(allow_participation(&mut store, Participation::Vote, OWNER, now()).expect("votes apart"));
        let later = now() + SignedDuration::from_mins(61);
        assert!(allow_participation(&mut store, Participation::Proposal, OWNER, later).expect("an hour later"));
    }

    fn store(dir: &tempfile::TempDir) -> consulta_store::SqliteStore {
        consulta_store::SqliteStore::open(&dir.path().join("consulta.db")).expect("store")
    }

    fn now() -> Timestamp {
        "2026-12-02T10:00:00Z".parse().expect("instant")
    }

    #[test]
    fn successes_do_not_count_and_strangers_lock_only_themselves_out() {
        let dir = tempfile::tempdir().expect("directory");
        let mut s = store(&dir);
        for _ in 0..50 {
            assert_eq!(check_sign_in(&s, "focal@example.org", OWNER, now()), Ok(()));
            sign_in_succeeded(&mut s, "focal@example.org", OWNER, now()).expect("success");
        }
        for _ in 0..PER_ACCOUNT_AND_CLIENT {
            assert!(check_sign_in(&s, "focal@example.org", STRANGER, now()).is_ok());
            sign_in_failed(&mut s, "focal@example.org", STRANGER, now()).expect("failure");
        }
        assert_eq!(check_sign_in(&s, "focal@example.org", STRANGER, now()), Err(Throttled::Client));
        assert_eq!(check_sign_in(&s, "focal@example.org", OWNER, now()), Ok(()), "the owner's known client signs in");
        let later = now() + WINDOW + SignedDuration::from_secs(1);
        assert_eq!(check_sign_in(&s, "focal@example.org", STRANGER, later), Ok(()), "the window passes");
        // Another server reads the same counts.
        let other = store(&dir);
        assert_eq!(check_sign_in(&other, "focal@example.org", STRANGER, now()), Err(Throttled::Client));
        assert!(prune(&mut s, later).expect("prune") >= PER_ACCOUNT_AND_CLIENT);
    }

    #[test]
    fn an_account_attacked_from_many_clients_slows_unknown_clients_only() {
        let dir = tempfile::tempdir().expect("directory");
        let mut s = store(&dir);
        sign_in_succeeded(&mut s, "sec@example.org", OWNER, now()).expect("success");
        for bot in 0..12 {
            sign_in_failed(&mut s, "sec@example.org", &format!("198.51.100.{bot}"), now()).expect("failure");
        }
        let Err(Throttled::Wait(wait)) = check_sign_in(&s, "sec@example.org", "198.51.100.200", now()) else {
            panic!("an unknown client waits");
        };
        assert!(wait <= MAX_WAIT && wait > SignedDuration::ZERO);
        assert_eq!(check_sign_in(&s, "sec@example.org", OWNER, now()), Ok(()), "a known client does not wait");
        assert_eq!(
            check_sign_in(&s, "sec@example.org", "198.51.100.200", now() + MAX_WAIT),
            Ok(()),
            "nobody is locked"
        );
    }

    #[test]
    fn one_client_failing_on_many_accounts_is_stopped_and_resets_are_limited() {
        let dir = tempfile::tempdir().expect("directory");
        let mut s = store(&dir);
        for account in 0..PER_CLIENT {
            sign_in_failed(&mut s, &format!("user{account}@example.org"), STRANGER, now()).expect("failure");
        }
        assert_eq!(check_sign_in(&s, "another@example.org", STRANGER, now()), Err(Throttled::Client));
        for _ in 0..RESETS_PER_ACCOUNT {
            assert!(allow_reset(&mut s, "focal@example.org", OWNER, now()).expect("reset"));
        }
        assert!(!allow_reset(&mut s, "focal@example.org", OWNER, now()).expect("reset"));
    }
}
