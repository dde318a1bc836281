//! The console's frame: the check of who is signed in that every page starts with, the
//! navigation, and what the pages share (loading, errors, forms).

use super::context::{sign_out, who_am_i};
use super::i18n::t;
use super::roles::Staff;
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Redirect, A};

pub const SIGN_IN_PATH: &str = "/admin/sign-in";
pub const PASSWORD_PATH: &str = "/admin/password";

/// The name and value pairs of the form a submit event comes from.
pub fn form_pairs(ev: &leptos::ev::SubmitEvent) -> Vec<(String, String)> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        ev.target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlFormElement>().ok())
            .map(|form| crate::ui::browser::pairs(&form))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        Vec::new()
    }
}

pub fn field(pairs: &[(String, String)], name: &str) -> String {
    crate::registration::steps::first_of(pairs, name).to_owned()
}

pub fn loading() -> impl IntoView {
    view! { <p class="muted">{t("loading")}</p> }
}

pub fn error_view(error: crate::error::AppError) -> AnyView {
    match error {
        crate::error::AppError::NotSignedIn => view! { <Redirect path=SIGN_IN_PATH /> }.into_any(),
        crate::error::AppError::PasswordChangeRequired => {
            view! { <Redirect path=PASSWORD_PATH /> }.into_any()
        }
        error => view! {
            <p class="alert" role="alert">
                {error.message(use_lang())}
            </p>
        }
        .into_any(),
    }
}

/// A console page: who is signed in, the navigation, and `body` for that staff member.
#[component]
pub fn Console<F, V>(title_key: &'static str, body: F) -> impl IntoView
where
    F: Fn(Staff) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let me = Resource::new(|| (), |_| who_am_i());
    view! {
        <Title text=t(title_key) />
        <Suspense fallback=loading>
            {move || {
                let body = body.clone();
                Suspend::new(async move {
                    match me.await {
                        Ok(Some(staff)) if staff.must_change_password => {
                            view! { <Redirect path=PASSWORD_PATH /> }.into_any()
                        }
                        Ok(Some(staff)) => {
                            let console = NodeRef::<leptos::html::Div>::new();
                            Effect::new(move |_| {
                                if let Some(console) = console.get() {
                                    let _ = console.set_attribute("data-ready", "true");
                                }
                            });
                            view! {
                                <div class="console" node_ref=console>
                                    <ConsoleNav staff=staff.clone() />
                                    <section class="console-body">{body(staff)}</section>
                                </div>
                            }
                                .into_any()
                        }
                        Ok(None) => view! { <Redirect path=SIGN_IN_PATH /> }.into_any(),
                        Err(error) => error_view(error),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn ConsoleNav(staff: Staff) -> impl IntoView {
    let region = staff.region.clone().map(|code| format!(" · {code}"));
    let sign_out_click = move |_| {
        leptos::task::spawn_local(async move {
            let _ = sign_out().await;
            #[cfg(feature = "hydrate")]
            let _ = window().location().set_href(SIGN_IN_PATH);
        });
    };
    view! {
        <nav class="console-nav" aria-label=t("admin-nav-label")>
            <p class="console-who">
                <span>{staff.name.clone()}</span>
                <span class="muted">" " {t(&staff.role.label_key())} {region}</span>
                {staff
                    .demo
                    .then(|| view! { " " <span class="badge demo">{t("admin-demo-account")}</span> })}
            </p>
            <ul>
                <li>
                    <A href="/admin">{t("admin-nav-dashboard")}</A>
                </li>
                {staff
                    .reads_applications()
                    .then(|| {
                        view! {
                            <li>
                                <A href="/admin/applications">{t("admin-nav-applications")}</A>
                            </li>
                        }
                    })}
                {staff
                    .registers_women()
                    .then(|| {
                        view! {
                            <li>
                                <a href="/register" rel="external">
                                    {t("admin-nav-register")}
                                </a>
                            </li>
                        }
                    })}
                {staff
                    .manages_any_staff()
                    .then(|| {
                        view! {
                            <li>
                                <A href="/admin/staff">{t("admin-nav-staff")}</A>
                            </li>
                        }
                    })}
                {staff
                    .is_national_admin()
                    .then(|| {
                        view! {
                            <li>
                                <A href="/admin/audit">{t("admin-nav-audit")}</A>
                            </li>
                        }
                    })}
                <li>
                    <button type="button" class="link-button" on:click=sign_out_click>
                        {t("admin-sign-out")}
                    </button>
                </li>
            </ul>
        </nav>
    }
}

// ---- sign-in and password ----
