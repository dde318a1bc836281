//! Staff passwords: the rules a chosen password must meet (the shortest length is shared with
//! the browser's form); on the server, argon2id hashes made and checked off the async threads,
//! a few at a time, and generated passwords.

/// The shortest password a staff member may choose: the server's rule, which the password
/// form states.
pub const MIN_PASSWORD_LEN: usize = 12;

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use crate::error::AppError;
    use argon2::{
        password_hash::{
            rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
        },
        Argon2,
    };
    use std::sync::LazyLock;

    /// A password hash as stored: never serialised, never logged.
    pub struct PasswordHashString(String);

    impl PasswordHashString {
        /// The PHC string, to store.
        pub fn into_string(self) -> String {
            self.0
        }

        pub fn as_str(&self) -> &str {
            &self.0
        }
    }

    /// Argon2 takes 19 MiB a hash: one runs at a time. Staff signing in together wait their
    /// turn (a few tens of milliseconds each) on one core, while the other goes on serving
    /// the women registering; two at once took the server's peak memory 19 MiB higher
    /// (issue 12: at most 60 MB with 20 staff).
    static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

    /// Hashes with argon2id (the crate's default parameters), off the async threads.
    pub async fn hash_password(password: String) -> Result<PasswordHashString, AppError> {
        let _permit = HASHING.acquire().await.map_err(|_| AppError::Internal)?;
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            Argon2::default()
                .hash_password(password.as_bytes(), &salt)
                .map(|hash| PasswordHashString(hash.to_string()))
        })
        .await
        .map_err(|_| AppError::Internal)?
        .map_err(|error| {
            tracing::error!(%error, "cannot hash a password");
            AppError::Internal
        })
    }

    /// Whether `password` is the one `hash` was made from (argon2, off the async threads).
    pub async fn verify_password(hash: String, password: String) -> bool {
        let Ok(_permit) = HASHING.acquire().await else {
            return false;
        };
        tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash)
                .map(|parsed| {
                    Argon2::default()
                        .verify_password(password.as_bytes(), &parsed)
                        .is_ok()
                })
                .unwrap_or(false)
        })
        .await
        .unwrap_or(false)
    }

    /// Verified against when the account does not exist, so that an unknown e-mail takes as
    /// long to refuse as a wrong password.
    pub static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(b"no account has this password", &salt)
            .map(|hash| hash.to_string())
            .unwrap_or_default()
    });

    /// A random password of 16 unambiguous characters (about 80 bits).
    pub fn generate_password() -> Result<String, AppError> {
        const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|_| AppError::Internal)?;
        Ok(bytes
            .iter()
            .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
            .collect())
    }

    /// Why a password someone chose for herself is refused.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum WeakPassword {
        /// Shorter than [`super::MIN_PASSWORD_LEN`] characters.
        TooShort,
        /// A common password, or one easily guessed from common words, keyboard runs, dates or
        /// the account's own e-mail and name (zxcvbn's estimate below "safely unguessable").
        TooEasy,
    }

    /// The server's password rules: long enough, and not among the passwords guessed first
    /// (zxcvbn's dictionaries of common passwords, names and words, keyboard runs, dates). What
    /// is left once the account's own words (`personal`: its e-mail, its name) are taken out
    /// must itself be hard to guess: `fatima.bennani2026` is not a password for Fatima Bennani.
    pub fn check_password_rules(password: &str, personal: &[&str]) -> Result<(), WeakPassword> {
        if password.chars().count() < super::MIN_PASSWORD_LEN {
            return Err(WeakPassword::TooShort);
        }
        let mut words: Vec<String> = personal
            .iter()
            .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
            .filter(|word| word.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect();
        words.sort_by_key(|word| std::cmp::Reverse(word.len()));
        let mut rest = password.to_lowercase();
        for word in &words {
            rest = rest.replace(word.as_str(), "");
        }
        let safe = |text: &str| zxcvbn::zxcvbn(text, personal).score() >= zxcvbn::Score::Three;
        if !safe(password) || !safe(&rest) {
            return Err(WeakPassword::TooEasy);
        }
        Ok(())
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn a_short_or_common_password_is_refused_and_a_long_unusual_one_is_taken() {
        assert_eq!(
            check_password_rules("Tr0ub4dor&3", &[]),
            Err(WeakPassword::TooShort)
        );
        for common in [
            "password1234",
            "azertyuiop123",
            "123456789012",
            "qwertyuiopasdf",
        ] {
            assert_eq!(
                check_password_rules(common, &[]),
                Err(WeakPassword::TooEasy),
                "{common}"
            );
        }
        assert_eq!(
            check_password_rules(
                "fatima.bennani2026",
                &["fatima.bennani@region.ma", "Fatima Bennani"]
            ),
            Err(WeakPassword::TooEasy)
        );
        assert_eq!(
            check_password_rules("olive-tram-sunset-kettle", &[]),
            Ok(())
        );
        assert_eq!(
            check_password_rules("zitoun tramway 17 ghorba", &[]),
            Ok(())
        );
    }

    #[test]
    fn generated_passwords_follow_the_rules() {
        for _ in 0..20 {
            assert_eq!(
                check_password_rules(&generate_password().unwrap(), &[]),
                Ok(())
            );
        }
    }
}
