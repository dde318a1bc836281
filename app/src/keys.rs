//! The server's own secret keys, made on first start and kept in the database (so every
//! instance and every restart uses the same): one signs the cookies the browser must not be
//! able to forge, one turns client addresses into keyed hashes, so that an application keeps
//! which connection it came from without keeping the address.

use crate::{db::Db, error::AppError};
use cookie::{Cookie, CookieJar, Key};
use hmac::{Hmac, Mac};
use sqlx::Row;
use std::{fmt, net::IpAddr, sync::Arc};

#[derive(Clone)]
pub struct ServerKeys(Arc<Keys>);

struct Keys {
    cookies: Key,
    addresses: Vec<u8>,
}

impl fmt::Debug for ServerKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ServerKeys(..)")
    }
}

const COOKIE_KEY: &str = "cookie_signing";
const ADDRESS_KEY: &str = "address_hashing";

fn random_bytes(n: usize) -> Result<Vec<u8>, AppError> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).map_err(|error| {
        tracing::error!(%error, "no randomness");
        AppError::Internal
    })?;
    Ok(bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    text.len()
        .is_multiple_of(2)
        .then(|| {
            (0..text.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
                .collect()
        })
        .flatten()
}

impl ServerKeys {
    /// The keys stored in the database, made and stored first if there are none yet.
    pub async fn load_or_create(db: &Db) -> Result<ServerKeys, AppError> {
        for (name, len) in [(COOKIE_KEY, 64), (ADDRESS_KEY, 32)] {
            let value = hex(&random_bytes(len)?);
            let _turn = db.writing().await;
            // Another instance starting at the same time may store its own first: that one
            // is read back below, by both.
            sqlx::query(
                "insert into server_keys (name, value) values ($1, $2) on conflict do nothing",
            )
            .bind(name)
            .bind(value)
            .execute(db.pool())
            .await?;
        }
        let read = |name: &'static str| async move {
            let row = sqlx::query("select value from server_keys where name = $1")
                .bind(name)
                .fetch_one(db.pool())
                .await?;
            unhex(&row.try_get::<String, _>("value")?).ok_or_else(|| {
                tracing::error!(
                    key = name,
                    "a server key in the database is not hexadecimal"
                );
                AppError::Internal
            })
        };
        let cookies = read(COOKIE_KEY).await?;
        let addresses = read(ADDRESS_KEY).await?;
        ServerKeys::from_bytes(&cookies, addresses)
    }

    /// Keys of this process alone (tests, and contexts without a database).
    pub fn random() -> ServerKeys {
        let mut cookies = [0u8; 64];
        let mut addresses = [0u8; 32];
        if getrandom::fill(&mut cookies).is_err() || getrandom::fill(&mut addresses).is_err() {
            tracing::error!("no randomness for the server keys");
        }
        ServerKeys(Arc::new(Keys {
            cookies: Key::from(&cookies),
            addresses: addresses.to_vec(),
        }))
    }

    fn from_bytes(cookies: &[u8], addresses: Vec<u8>) -> Result<ServerKeys, AppError> {
        let cookies = Key::try_from(cookies).map_err(|_| AppError::Internal)?;
        Ok(ServerKeys(Arc::new(Keys { cookies, addresses })))
    }

    /// `cookie`, signed: its value carries a tag only this server can make.
    pub fn sign(&self, cookie: Cookie<'static>) -> Cookie<'static> {
        let name = cookie.name().to_owned();
        let mut jar = CookieJar::new();
        jar.signed_mut(&self.0.cookies).add(cookie.clone());
        jar.get(&name).cloned().unwrap_or(cookie)
    }

    /// The value of a signed cookie, if this server signed it.
    pub fn verify(&self, name: &str, value: &str) -> Option<String> {
        let mut jar = CookieJar::new();
        jar.add_original(Cookie::new(name.to_owned(), value.to_owned()));
        jar.signed(&self.0.cookies)
            .get(name)
            .map(|cookie| cookie.value().to_owned())
    }

    /// The same address gives the same key; the key does not give the address back.
    pub fn address_key(&self, ip: IpAddr) -> String {
        // HMAC takes a key of any length: this never fails.
        let Ok(mut mac) = <Hmac<sha2::Sha256> as Mac>::new_from_slice(&self.0.addresses) else {
            return String::new();
        };
        mac.update(ip.to_string().as_bytes());
        hex(&mac.finalize().into_bytes()[..16])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signed_cookie_reads_back_and_a_forged_one_does_not() {
        let keys = ServerKeys::random();
        let signed = keys.sign(Cookie::new("jisr_submitted", "JSR-ABCD-EFGH"));
        assert_ne!(signed.value(), "JSR-ABCD-EFGH");
        assert_eq!(
            keys.verify("jisr_submitted", signed.value()).as_deref(),
            Some("JSR-ABCD-EFGH")
        );
        assert_eq!(keys.verify("jisr_submitted", "JSR-ABCD-EFGH"), None);
        let other = ServerKeys::random();
        assert_eq!(other.verify("jisr_submitted", signed.value()), None);
    }

    #[test]
    fn an_address_key_is_stable_and_hides_the_address() {
        let keys = ServerKeys::random();
        let ip: IpAddr = "198.51.100.7".parse().unwrap();
        assert_eq!(keys.address_key(ip), keys.address_key(ip));
        assert_ne!(
            keys.address_key(ip),
            keys.address_key("198.51.100.8".parse().unwrap())
        );
        // Only a keyed hash is kept: hex digits, which another server's key would not give.
        let key = keys.address_key(ip);
        assert!(key.len() == 32 && key.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(key, ServerKeys::random().address_key(ip));
    }

    #[test]
    fn hex_reads_back() {
        assert_eq!(unhex(&hex(&[0, 1, 254, 255])), Some(vec![0, 1, 254, 255]));
        assert_eq!(unhex("0g"), None);
        assert_eq!(unhex("abc"), None);
    }
}
