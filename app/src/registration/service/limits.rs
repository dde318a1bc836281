//! How many drafts, submissions, status lookups and resume attempts one client address may
//! make.

use crate::client::{at_least_one, AddressLimiter};
use std::num::NonZeroU32;

/// Limits status lookups and resume attempts per client address, so that neither a
/// reference number nor a resume code can be guessed by trying.
#[derive(Clone)]
pub struct LookupLimiter(pub AddressLimiter);

impl LookupLimiter {
    pub const DEFAULT_PER_MINUTE: u32 = 10;

    pub fn per_minute(count: NonZeroU32) -> LookupLimiter {
        LookupLimiter(AddressLimiter::per_minute(count))
    }
}

impl Default for LookupLimiter {
    fn default() -> Self {
        LookupLimiter::per_minute(at_least_one(Self::DEFAULT_PER_MINUTE))
    }
}

/// Drafts started and applications submitted per client address and hour. A centre's
/// shared connection registers many women in a morning: the default leaves room for that,
/// and stops one machine from storing hundreds. Centre agents signed in are not limited:
/// they are accountable in the audit log.
#[derive(Clone)]
pub struct RegistrationLimiter {
    pub(super) drafts: AddressLimiter,
    pub(super) submissions: AddressLimiter,
}

impl RegistrationLimiter {
    pub const DEFAULT_PER_HOUR: u32 = 100;

    pub fn per_hour(count: NonZeroU32) -> RegistrationLimiter {
        RegistrationLimiter {
            drafts: AddressLimiter::per_hour(count),
            submissions: AddressLimiter::per_hour(count),
        }
    }

    pub fn forget_idle(&self) {
        self.drafts.forget_idle();
        self.submissions.forget_idle();
    }
}

impl Default for RegistrationLimiter {
    fn default() -> Self {
        RegistrationLimiter::per_hour(at_least_one(Self::DEFAULT_PER_HOUR))
    }
}

impl std::fmt::Debug for RegistrationLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RegistrationLimiter(..)")
    }
}
