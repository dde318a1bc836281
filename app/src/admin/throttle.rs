//! How staff sign-in attempts are slowed. Nothing here locks an account: a lockout would let
//! anyone who knows a staff e-mail keep her out of the console. Instead:
//!
//! - per account and address, the first wrong passwords cost nothing, then each further
//!   attempt from that address waits twice as long as the last, up to a quarter of an hour;
//! - per account, past a ceiling of wrong passwords from anywhere in a quarter of an hour,
//!   attempts from devices where she never signed in are let through one a minute, so that
//!   guesses spread over many addresses stay slow, while her own known device is not slowed;
//! - the same rules, the same replies and the same work for an e-mail that has no account,
//!   so the replies tell nobody which e-mails are staff accounts.
//!
//! The state is in memory: a restart forgets it, which costs an attacker a restart of the
//! server they cannot cause.

use std::{
    collections::{HashMap, VecDeque},
    net::IpAddr,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

/// Wrong passwords from one address for one account before waiting starts.
pub const FREE_FAILURES: u32 = 2;
/// The longest wait between two attempts from one address for one account.
pub const MAX_WAIT: Duration = Duration::from_secs(15 * 60);
/// Wrong passwords for one account, from anywhere, within [`ACCOUNT_WINDOW`]...
pub const ACCOUNT_CEILING: usize = 10;
pub const ACCOUNT_WINDOW: Duration = Duration::from_secs(15 * 60);
/// ...past which devices she never signed in from get one attempt this often.
pub const UNKNOWN_DEVICE_PACE: Duration = Duration::from_secs(60);
/// Entries kept at most; past it, the oldest are forgotten.
const MAX_ENTRIES: usize = 100_000;

/// The wait after `failures` wrong passwords in a row from one address.
pub fn wait_after(failures: u32) -> Duration {
    if failures <= FREE_FAILURES {
        return Duration::ZERO;
    }
    let doublings = (failures - FREE_FAILURES).min(16);
    Duration::from_secs(1u64 << doublings).min(MAX_WAIT)
}

#[derive(Default)]
struct Pair {
    failures: u32,
    last: Option<Instant>,
}

#[derive(Default)]
struct Account {
    failures: VecDeque<Instant>,
    last_unknown_device: Option<Instant>,
}

#[derive(Default)]
struct State {
    pairs: HashMap<(String, IpAddr), Pair>,
    accounts: HashMap<String, Account>,
}

/// The sign-in throttle, shared by every request of the server.
#[derive(Clone, Default)]
pub struct Throttle(Arc<Mutex<State>>);

/// An attempt let through, counted already as a failure; [`Throttle::succeeded`] takes it back.
#[derive(Debug)]
pub struct Attempt {
    account: String,
    client: IpAddr,
}

impl Throttle {
    /// Lets an attempt through, counting it as a wrong password until it proves right, or
    /// says how long to wait. Counting first means parallel guesses cannot get past.
    pub fn begin(
        &self,
        account: &str,
        client: IpAddr,
        known_device: bool,
        now: Instant,
    ) -> Result<Attempt, Duration> {
        let Ok(mut state) = self.0.lock() else {
            return Err(MAX_WAIT);
        };
        if state.pairs.len() > MAX_ENTRIES || state.accounts.len() > MAX_ENTRIES {
            state.forget_before(now, ACCOUNT_WINDOW);
        }
        let key = (account.to_owned(), client);
        if let Some(pair) = state.pairs.get(&key) {
            let ready_at = pair.last.map(|last| last + wait_after(pair.failures));
            if let Some(ready_at) = ready_at.filter(|at| *at > now) {
                return Err(ready_at - now);
            }
        }
        let entry = state.accounts.entry(account.to_owned()).or_default();
        while entry
            .failures
            .front()
            .is_some_and(|at| now.saturating_duration_since(*at) > ACCOUNT_WINDOW)
        {
            entry.failures.pop_front();
        }
        if !known_device && entry.failures.len() >= ACCOUNT_CEILING {
            if let Some(ready_at) = entry
                .last_unknown_device
                .map(|last| last + UNKNOWN_DEVICE_PACE)
                .filter(|at| *at > now)
            {
                return Err(ready_at - now);
            }
        }
        if !known_device {
            entry.last_unknown_device = Some(now);
        }
        entry.failures.push_back(now);
        let pair = state.pairs.entry(key).or_default();
        pair.failures += 1;
        pair.last = Some(now);
        Ok(Attempt {
            account: account.to_owned(),
            client,
        })
    }

    /// The password was right: this address starts afresh for this account, and the attempt
    /// no longer counts against the account.
    pub fn succeeded(&self, attempt: Attempt) {
        let Ok(mut state) = self.0.lock() else { return };
        state
            .pairs
            .remove(&(attempt.account.clone(), attempt.client));
        if let Some(account) = state.accounts.get_mut(&attempt.account) {
            account.failures.pop_back();
        }
    }

    /// Forgets what is too old to matter, so memory stays small.
    pub fn forget_idle(&self) {
        if let Ok(mut state) = self.0.lock() {
            state.forget_before(Instant::now(), MAX_WAIT * 2);
        }
    }
}

impl State {
    fn forget_before(&mut self, now: Instant, age: Duration) {
        self.pairs.retain(|_, pair| {
            pair.last
                .is_some_and(|last| now.saturating_duration_since(last) < age)
        });
        self.accounts.retain(|_, account| {
            account
                .failures
                .back()
                .is_some_and(|last| now.saturating_duration_since(*last) < age)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(n: u8) -> IpAddr {
        IpAddr::from([198, 51, 100, n])
    }

    #[test]
    fn the_wait_doubles_after_the_free_failures_up_to_a_quarter_of_an_hour() {
        assert_eq!(wait_after(0), Duration::ZERO);
        assert_eq!(wait_after(FREE_FAILURES), Duration::ZERO);
        assert_eq!(wait_after(FREE_FAILURES + 1), Duration::from_secs(2));
        assert_eq!(wait_after(FREE_FAILURES + 2), Duration::from_secs(4));
        assert_eq!(wait_after(FREE_FAILURES + 9), Duration::from_secs(512));
        assert_eq!(wait_after(FREE_FAILURES + 10), MAX_WAIT);
        assert_eq!(wait_after(u32::MAX), MAX_WAIT);
    }

    #[test]
    fn guesses_from_one_address_wait_longer_and_longer_but_the_account_is_never_locked() {
        let throttle = Throttle::default();
        let t0 = Instant::now();
        for _ in 0..=FREE_FAILURES {
            throttle.begin("a@x", ip(1), false, t0).unwrap();
        }
        let wait = throttle.begin("a@x", ip(1), false, t0).unwrap_err();
        assert_eq!(wait, Duration::from_secs(2));
        // Another address, and the same address for another account, are not held back.
        throttle.begin("a@x", ip(2), false, t0).unwrap();
        throttle.begin("b@x", ip(1), false, t0).unwrap();
        // Once the wait is over the same address may try again, and waits longer after.
        let t1 = t0 + Duration::from_secs(2);
        throttle.begin("a@x", ip(1), false, t1).unwrap();
        assert_eq!(
            throttle.begin("a@x", ip(1), false, t1).unwrap_err(),
            Duration::from_secs(4)
        );
    }

    #[test]
    fn a_right_password_clears_the_address_and_does_not_count_against_the_account() {
        let throttle = Throttle::default();
        let t0 = Instant::now();
        for _ in 0..FREE_FAILURES {
            throttle.begin("a@x", ip(1), false, t0).unwrap();
        }
        let attempt = throttle.begin("a@x", ip(1), false, t0).unwrap();
        throttle.succeeded(attempt);
        for _ in 0..=FREE_FAILURES {
            throttle.begin("a@x", ip(1), false, t0).unwrap();
        }
    }

    #[test]
    fn guesses_spread_over_many_addresses_are_paced_but_her_known_device_is_not() {
        let throttle = Throttle::default();
        let t0 = Instant::now();
        for n in 0..ACCOUNT_CEILING {
            throttle.begin("a@x", ip(n as u8), false, t0).unwrap();
        }
        // Past the ceiling: one attempt a minute from devices she never used...
        let wait = throttle.begin("a@x", ip(200), false, t0).unwrap_err();
        assert_eq!(wait, UNKNOWN_DEVICE_PACE);
        let t1 = t0 + UNKNOWN_DEVICE_PACE;
        throttle.begin("a@x", ip(201), false, t1).unwrap();
        assert!(throttle.begin("a@x", ip(202), false, t1).is_err());
        // ...while her own device goes through at once.
        throttle.begin("a@x", ip(250), true, t1).unwrap();
        // And the ceiling forgets guesses older than its window.
        let later = t1 + ACCOUNT_WINDOW + Duration::from_secs(1);
        throttle.begin("a@x", ip(203), false, later).unwrap();
        throttle.begin("a@x", ip(204), false, later).unwrap();
    }

    #[test]
    fn memory_is_freed_of_what_is_too_old() {
        let throttle = Throttle::default();
        throttle.begin("a@x", ip(1), false, Instant::now()).unwrap();
        throttle.forget_idle();
        assert_eq!(throttle.0.lock().unwrap().pairs.len(), 1);
    }
}
