//! What the console's areas share: the context a console server function works in, and the
//! figure with its label that lists and charts show.

use super::roles::Staff;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A figure with its label's parts: a code (sector, channel, day) or a place's two names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub key: String,
    pub name_fr: String,
    pub name_ar: String,
    pub count: i64,
}

/// What a console form's save leads to: saved (with the id of what it made or changed), or
/// refused, each refusal a field's name and the key of the message shown beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SaveReply {
    Saved(i64),
    Invalid(Vec<(String, String)>),
}

impl SaveReply {
    /// Refused for one reason, shown beside `field` (or above the form, for `""`).
    pub fn refused(field: &str, key: &str) -> SaveReply {
        SaveReply::Invalid(vec![(field.to_owned(), key.to_owned())])
    }
}

#[cfg(feature = "ssr")]
pub use rows::*;

/// Reading figures from query rows.
#[cfg(feature = "ssr")]
mod rows {
    use super::Count;
    use sqlx::{any::AnyRow, Row};

    pub fn named(row: &AnyRow, key: &str) -> Result<Count, sqlx::Error> {
        Ok(Count {
            key: row.try_get(key)?,
            name_fr: row.try_get("name_fr")?,
            name_ar: row.try_get("name_ar")?,
            count: 0,
        })
    }

    pub fn counted(row: &AnyRow) -> Result<Count, sqlx::Error> {
        Ok(Count {
            key: row.try_get("k")?,
            name_fr: row.try_get("name_fr")?,
            name_ar: row.try_get("name_ar")?,
            count: row.try_get("n")?,
        })
    }
}

#[cfg(feature = "ssr")]
pub use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use crate::{db::Db, error::AppError};
    use http::request::Parts;
    use leptos::prelude::*;
    use tower_sessions::Session;

    /// What a console server function works with.
    pub struct Context {
        pub db: Db,
        pub parts: Parts,
        pub session: Session,
    }

    pub fn context() -> Result<Context, AppError> {
        let db = use_context::<Db>().ok_or(AppError::Internal)?;
        let parts = use_context::<Parts>().ok_or(AppError::Internal)?;
        let session = parts
            .extensions
            .get::<Session>()
            .cloned()
            .ok_or(AppError::Internal)?;
        Ok(Context { db, parts, session })
    }

    /// Sets the response's status for a refusal, so that it reads right outside the page too.
    pub fn refuse<T>(error: AppError) -> Result<T, AppError> {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(error.status());
        }
        Err(error)
    }

    impl Context {
        /// The signed-in staff member, who has chosen her own password.
        pub async fn staff(&self) -> Result<crate::admin::roles::Staff, AppError> {
            crate::admin::auth::signed_in(&self.db, &self.session)
                .await
                .or_else(refuse)
        }

        /// The signed-in staff member, even with a temporary password.
        pub async fn any_staff(&self) -> Result<crate::admin::roles::Staff, AppError> {
            crate::admin::auth::signed_in_any(&self.db, &self.session)
                .await
                .or_else(refuse)
        }

        pub fn client(&self) -> std::net::IpAddr {
            crate::client::client_ip(&self.parts)
        }

        /// Cookies are marked `Secure` (the site is served over HTTPS).
        pub fn secure_cookies(&self) -> bool {
            use_context::<crate::registration::service::WizardSettings>()
                .is_some_and(|settings| settings.secure_cookies)
        }

        pub fn set_cookie(&self, cookie: &cookie::Cookie<'_>) {
            if let (Some(response), Ok(value)) = (
                use_context::<leptos_axum::ResponseOptions>(),
                http::HeaderValue::from_str(&cookie.to_string()),
            ) {
                response.append_header(http::header::SET_COOKIE, value);
            }
        }

        /// The figures' news and caches, shared by the server's requests.
        pub fn changes(&self) -> Option<&crate::changes::Changes> {
            self.parts.extensions.get::<crate::changes::Changes>()
        }

        /// Tells every open dashboard that the figures changed.
        pub fn changed(&self) {
            if let Some(changes) = self.parts.extensions.get::<crate::changes::Changes>() {
                changes.notify();
            }
        }

        /// A form's save as a server function answers it: saved, the figures changed;
        /// `None` (nothing of that id in the staff member's scope), not found.
        pub fn saved(&self, reply: Option<super::SaveReply>) -> Result<super::SaveReply, AppError> {
            match reply {
                Some(reply) => {
                    if matches!(reply, super::SaveReply::Saved(_)) {
                        self.changed();
                    }
                    Ok(reply)
                }
                None => refuse(AppError::NotFound),
            }
        }
    }
}

/// Who is signed in on this session, if anyone.
#[server(endpoint = "admin/me")]
pub async fn who_am_i() -> Result<Option<Staff>, AppError> {
    let cx = context()?;
    crate::admin::auth::current_staff(&cx.db, &cx.session).await
}

/// Ends this session.
#[server(endpoint = "admin/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    let cx = context()?;
    match crate::admin::auth::current_staff(&cx.db, &cx.session).await? {
        Some(staff) => crate::admin::auth::sign_out(&cx.db, &cx.session, &staff, cx.client()).await,
        None => Ok(()),
    }
}
