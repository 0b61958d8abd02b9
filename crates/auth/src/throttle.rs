//! Failed sign-ins, counted so that strangers cannot lock an account: only failures count, per
//! account from one client and per client overall; an account attacked from many clients slows
//! down (a growing wait between tries) for clients it has not seen sign in, never for the ones
//! it has.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::RateLimiter;

/// The window failures are counted in.
const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Failures one client may make on one account in the window.
const PER_ACCOUNT_AND_CLIENT: usize = 5;
/// Failures one client may make in the window, on any accounts.
const PER_CLIENT: usize = 20;
/// Failures on an account, from all clients, after which unknown clients must wait between
/// tries.
const BACKOFF_AFTER: usize = 5;
/// The longest wait between two tries of an unknown client.
const MAX_WAIT: Duration = Duration::from_secs(60);
/// Accounts whose known clients are remembered, at most (the oldest are forgotten first).
const KNOWN_ACCOUNTS: usize = 100_000;

/// Why a sign-in attempt is not let through now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Throttled {
    /// This client failed too often (on this account, or on any): it waits out the window.
    Client,
    /// The account is under attack from many clients: an unknown client waits this long.
    Wait(Duration),
}

/// The sign-in limits of one server (in memory).
#[derive(Debug)]
pub struct SignInThrottle {
    by_client: RateLimiter,
    by_account_and_client: RateLimiter,
    by_account: RateLimiter,
    /// The clients that signed in to each account.
    known: Mutex<HashMap<String, HashSet<String>>>,
}

impl Default for SignInThrottle {
    fn default() -> SignInThrottle {
        SignInThrottle {
            by_client: RateLimiter::new(PER_CLIENT, WINDOW),
            by_account_and_client: RateLimiter::new(PER_ACCOUNT_AND_CLIENT, WINDOW),
            by_account: RateLimiter::new(usize::MAX, WINDOW),
            known: Mutex::new(HashMap::new()),
        }
    }
}

fn pair(account: &str, client: &str) -> String {
    format!("{account}\u{0}{client}")
}

impl SignInThrottle {
    /// Whether `client` may try to sign in to `account` now; nothing is counted.
    pub fn check(&self, account: &str, client: &str, now: Instant) -> Result<(), Throttled> {
        if self.by_client.is_over(client, now) || self.by_account_and_client.is_over(&pair(account, client), now) {
            return Err(Throttled::Client);
        }
        if self.is_known(account, client) {
            return Ok(());
        }
        let (failures, last) = self.by_account.recent(account, now);
        if let (true, Some(last)) = (failures >= BACKOFF_AFTER, last) {
            let doublings = (failures - BACKOFF_AFTER).min(16) as u32;
            let wait = Duration::from_secs(1 << doublings).min(MAX_WAIT);
            let waited = now.duration_since(last);
            if waited < wait {
                return Err(Throttled::Wait(wait - waited));
            }
        }
        Ok(())
    }

    /// A wrong password (or an unknown account) from `client`.
    pub fn failed(&self, account: &str, client: &str, now: Instant) {
        self.by_client.record(client, now);
        self.by_account_and_client.record(&pair(account, client), now);
        self.by_account.record(account, now);
    }

    /// A successful sign-in: the client is known to the account from now on, and its own
    /// failures on it are forgotten.
    pub fn succeeded(&self, account: &str, client: &str) {
        self.by_account_and_client.forget(&pair(account, client));
        let mut known = self.known.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if known.len() >= KNOWN_ACCOUNTS && !known.contains_key(account) {
            known.clear();
        }
        known.entry(account.to_owned()).or_default().insert(client.to_owned());
    }

    fn is_known(&self, account: &str, client: &str) -> bool {
        let known = self.known.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        known.get(account).is_some_and(|clients| clients.contains(client))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWNER: &str = "192.0.2.10";
    const STRANGER: &str = "203.0.113.66";

    #[test]
    fn successes_do_not_count_and_strangers_lock_only_themselves_out() {
        let throttle = SignInThrottle::default();
        let now = Instant::now();
        for _ in 0..50 {
            assert_eq!(throttle.check("focal@example.org", OWNER, now), Ok(()));
            throttle.succeeded("focal@example.org", OWNER);
        }
        for _ in 0..PER_ACCOUNT_AND_CLIENT {
            assert!(throttle.check("focal@example.org", STRANGER, now).is_ok());
            throttle.failed("focal@example.org", STRANGER, now);
        }
        assert_eq!(throttle.check("focal@example.org", STRANGER, now), Err(Throttled::Client));
        assert_eq!(throttle.check("focal@example.org", OWNER, now), Ok(()), "the owner's known client still signs in");
        assert_eq!(
            throttle.check("focal@example.org", STRANGER, now + WINDOW + Duration::from_secs(1)),
            Ok(()),
            "the window passes"
        );
    }

    #[test]
    fn an_account_attacked_from_many_clients_slows_unknown_clients_only() {
        let throttle = SignInThrottle::default();
        let now = Instant::now();
        throttle.succeeded("sec@example.org", OWNER);
        for bot in 0..12 {
            throttle.failed("sec@example.org", &format!("198.51.100.{bot}"), now);
        }
        let Err(Throttled::Wait(wait)) = throttle.check("sec@example.org", "198.51.100.200", now) else {
            panic!("an unknown client waits");
        };
        assert!(wait <= MAX_WAIT && wait >= Duration::from_secs(64).min(MAX_WAIT) - Duration::from_secs(1));
        assert_eq!(throttle.check("sec@example.org", OWNER, now), Ok(()), "a known client does not wait");
        assert_eq!(throttle.check("sec@example.org", "198.51.100.200", now + MAX_WAIT), Ok(()), "nobody is locked");
    }

    #[test]
    fn one_client_failing_on_many_accounts_is_stopped() {
        let throttle = SignInThrottle::default();
        let now = Instant::now();
        for account in 0..PER_CLIENT {
            throttle.failed(&format!("user{account}@example.org"), STRANGER, now);
        }
        assert_eq!(throttle.check("another@example.org", STRANGER, now), Err(Throttled::Client));
    }
}
