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
}

impl AppError {
    /// What the person is told.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::Internal => tr(lang, "error-internal"),
            AppError::Request(_) => tr(lang, "error-network"),
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
