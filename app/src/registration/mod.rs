//! Applicant registration. The rules of each answer are in `fields`; the wizard itself is
//! the next piece of work, and until it lands the link from the landing page says so plainly
//! instead of leading nowhere.

pub mod choices;
pub mod eligibility;
pub mod fields;

use crate::layout::MessagePage;
use leptos::prelude::*;

#[component]
pub fn RegisterSoon() -> impl IntoView {
    view! { <MessagePage title_key="register-soon-title" text_key="register-soon-text" /> }
}
