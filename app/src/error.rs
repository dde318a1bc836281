//! The error every server function returns. It travels to the browser serialised, carries no
//! internal detail, and turns into a sentence in the reader's language with [`AppError::message`].

use crate::i18n::{tr, Lang};
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Something failed on the server; the detail is in the server's log, never here.
    #[error("internal error")]
    Internal,
    /// The request could not reach the server function or be read by it.
    #[error("request failed: {0}")]
    Request(String),
    /// The console needs a signed-in staff member.
    #[error("not signed in")]
    NotSignedIn,
    /// Signed in with a temporary password, which must be changed first.
    #[error("the password must be changed")]
    PasswordChangeRequired,
    /// The staff member's role does not allow this.
    #[error("forbidden")]
    Forbidden,
    /// Nothing with this id that the staff member may see.
    #[error("not found")]
    NotFound,
    /// A value out of its allowed range.
    #[error("invalid value")]
    Invalid,
}

impl AppError {
    /// What the person is told.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::Internal => tr(lang, "error-internal"),
            AppError::Request(_) => tr(lang, "error-network"),
            AppError::NotSignedIn => tr(lang, "error-not-signed-in"),
            AppError::PasswordChangeRequired => tr(lang, "error-password-change-required"),
            AppError::Forbidden => tr(lang, "error-forbidden"),
            AppError::NotFound => tr(lang, "error-not-found"),
            AppError::Invalid => tr(lang, "error-invalid"),
        }
    }

    /// The HTTP status a refusal is answered with.
    #[cfg(feature = "ssr")]
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Request(_) => StatusCode::BAD_REQUEST,
            AppError::NotSignedIn => StatusCode::UNAUTHORIZED,
            AppError::PasswordChangeRequired | AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Request(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(%error, "database error");
        AppError::Internal
    }
}
