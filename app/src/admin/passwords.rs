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

    /// Argon2id's cost: 7 MiB and 5 passes, one lane. OWASP's password storage cheat sheet
    /// lists this among the settings of equal strength to 19 MiB and 2 passes (the crate's
    /// default), trading memory for passes: about the same time a hash, 12 MiB less memory
    /// while it runs (issue 12: at most 60 MB with 20 staff signing in and working).
    const MEMORY_KIB: u32 = 7 * 1024;
    const PASSES: u32 = 5;
    const LANES: u32 = 1;

    fn argon2() -> Argon2<'static> {
        // The three constants are within argon2's bounds, so `Params::new` cannot refuse them;
        // its default would still be a sound hash.
        let params = argon2::Params::new(MEMORY_KIB, PASSES, LANES, None).unwrap_or_default();
        Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
    }

    /// Whether a stored hash was made with other parameters than today's (an older default):
    /// it is made again from the password at her next sign-in.
    pub fn needs_rehash(hash: &str) -> bool {
        let Ok(parsed) = PasswordHash::new(hash) else {
            return true;
        };
        let current = argon2::Params::try_from(&parsed).ok();
        parsed.algorithm != argon2::Algorithm::Argon2id.ident()
            || current.is_none_or(|params| {
                (params.m_cost(), params.t_cost(), params.p_cost()) != (MEMORY_KIB, PASSES, LANES)
            })
    }

    /// One hash at a time: staff signing in together wait their turn (a few tens of
    /// milliseconds each) on one core, while the other goes on serving the women registering;
    /// two at once would hold two hashes' memory.
    static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

    /// Hashes with argon2id, off the async threads.
    pub async fn hash_password(password: String) -> Result<PasswordHashString, AppError> {
        let _permit = HASHING.acquire().await.map_err(|_| AppError::Internal)?;
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon2()
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

    /// Whether `password` is the one `hash` was made from (argon2, with the parameters the hash
    /// names, off the async threads).
    pub async fn verify_password(hash: String, password: String) -> bool {
        let Ok(_permit) = HASHING.acquire().await else {
            return false;
        };
        tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash)
                .map(|parsed| {
                    argon2()
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
        argon2()
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

    #[test]
    fn hashes_are_made_with_todays_parameters_and_older_ones_are_told_apart() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let hash = runtime
            .block_on(hash_password("olive-tram-sunset-kettle".into()))
            .unwrap();
        assert!(
            hash.as_str().starts_with("$argon2id$v=19$m=7168,t=5,p=1$"),
            "{}",
            hash.as_str()
        );
        assert!(!needs_rehash(hash.as_str()));
        assert!(runtime.block_on(verify_password(
            hash.as_str().into(),
            "olive-tram-sunset-kettle".into()
        )));
        assert!(!runtime.block_on(verify_password(
            hash.as_str().into(),
            "olive-tram-sunset-kettlf".into()
        )));
        // A hash made with the crate's default (19 MiB, 2 passes), as staff accounts made
        // before had: still checked, and told to be made again.
        use argon2::{password_hash::SaltString, PasswordHasher};
        let salt = SaltString::encode_b64(b"sixteen bytes!!!").unwrap();
        let older = argon2::Argon2::default()
            .hash_password(b"olive-tram-sunset-kettle", &salt)
            .unwrap()
            .to_string();
        assert!(older.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(needs_rehash(&older));
        assert!(runtime.block_on(verify_password(older, "olive-tram-sunset-kettle".into())));
        assert!(needs_rehash("not a hash"));
    }
}
