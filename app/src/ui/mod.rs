//! Parts of pages that the wizard and the console share: the form kit (text, choices, dates,
//! lists, the error summary, a form that works with or without the WASM) and the browser's
//! side of forms (reading them, keeping answers on the phone).

#[cfg(feature = "hydrate")]
pub mod browser;
pub mod form;
