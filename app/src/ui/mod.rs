//! Parts of pages that the wizard and the console share: the form kit (text, choices, dates,
//! lists, the error summary, a form that works with or without the WASM) and the browser's
//! side of forms (reading them, keeping answers on the phone).

#[cfg(feature = "hydrate")]
pub mod browser;

/// What the names of the answers kept on the phone start with (`browser`), which the quick
/// exit forgets (`safety`).
pub const KEPT_PREFIX: &str = "jisr.wizard.";
pub mod form;
