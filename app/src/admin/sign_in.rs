//! Signing in and choosing one's password: the forms, and the server functions behind them.

use super::context::who_am_i;
use super::i18n::{t, t_with};
use super::passwords::MIN_PASSWORD_LEN;
use super::shell::*;
use crate::error::AppError;
use crate::i18n::use_lang;
use leptos::{either::Either, prelude::*};
use leptos_meta::Title;
use leptos_router::{components::Redirect, hooks::use_navigate};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::context::*;

/// What a sign-in form leads to. An unknown account and a wrong password read the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignInReply {
    SignedIn {
        must_change_password: bool,
    },
    Invalid,
    /// Too many wrong passwords lately, for this account from this address or from
    /// everywhere: the next attempt is let through after this many seconds. The account is
    /// never locked, and an e-mail without an account gets the same.
    Wait {
        seconds: i64,
    },
    TooMany,
    Missing,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordReply {
    Changed,
    WrongCurrent,
    /// The new password must differ from the temporary one.
    SameAsCurrent,
    TooShort,
    /// A common password, or one easily guessed.
    TooEasy,
    Mismatch,
}

/// A sign-in form posted as a plain form (the page carries no code): what she typed in the
/// e-mail box, and the answer, for the page shown again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInPosted {
    pub email: String,
    pub reply: SignInReply,
}

#[cfg(feature = "ssr")]
impl From<crate::admin::auth::SignInFailure> for SignInReply {
    fn from(failure: crate::admin::auth::SignInFailure) -> SignInReply {
        use crate::admin::auth::SignInFailure;
        match failure {
            SignInFailure::Invalid => SignInReply::Invalid,
            SignInFailure::Wait(seconds) => SignInReply::Wait { seconds },
            SignInFailure::TooMany => SignInReply::TooMany,
        }
    }
}

impl SignInReply {
    /// What she reads about a sign-in that did not go through; none when it did.
    pub fn message(&self) -> Option<String> {
        Some(match self {
            SignInReply::SignedIn { .. } => return None,
            SignInReply::Invalid => t("admin-sign-in-invalid"),
            SignInReply::Missing => t("admin-sign-in-missing"),
            SignInReply::TooMany => t("admin-sign-in-too-many"),
            SignInReply::Wait { seconds } if *seconds < 60 => t_with(
                "admin-sign-in-wait-seconds",
                &[("seconds", (*seconds).into())],
            ),
            SignInReply::Wait { seconds } => t_with(
                "admin-sign-in-wait-minutes",
                &[("minutes", ((seconds + 59) / 60).into())],
            ),
        })
    }

    /// Where a sign-in that went through leads.
    pub fn next_page(must_change_password: bool) -> &'static str {
        if must_change_password {
            PASSWORD_PATH
        } else {
            "/admin"
        }
    }
}

/// One sign-in attempt, the same from the console's server function and from the plain form
/// (`server/src/admin.rs`): a box left empty, then the account's check. Signed in, the cookie
/// that remembers this device comes with the answer.
#[cfg(feature = "ssr")]
pub async fn attempt(
    db: &crate::db::Db,
    limiter: &crate::admin::auth::SignInLimiter,
    session: &tower_sessions::Session,
    parts: &http::request::Parts,
    (email, password): (&str, &str),
    secure_cookies: bool,
) -> Result<(SignInReply, Option<cookie::Cookie<'static>>), AppError> {
    if email.trim().is_empty() || password.is_empty() {
        return Ok((SignInReply::Missing, None));
    }
    let device = crate::client::request_cookie(parts, crate::admin::auth::DEVICE_COOKIE);
    let result = crate::admin::auth::sign_in(
        db,
        limiter,
        session,
        (email, password),
        device.as_deref(),
        crate::client::client_ip(parts),
        secure_cookies,
    )
    .await?;
    Ok(match result {
        Ok(signed_in) => (
            SignInReply::SignedIn {
                must_change_password: signed_in.staff.must_change_password,
            },
            Some(signed_in.device_cookie),
        ),
        Err(failure) => (failure.into(), None),
    })
}

#[server(endpoint = "admin/sign-in")]
pub async fn sign_in(email: String, password: String) -> Result<SignInReply, AppError> {
    let cx = context()?;
    let limiter = use_context::<crate::admin::auth::SignInLimiter>().unwrap_or_default();
    let (reply, device) = attempt(
        &cx.db,
        &limiter,
        &cx.session,
        &cx.parts,
        (&email, &password),
        cx.secure_cookies(),
    )
    .await?;
    if let Some(device) = device {
        cx.set_cookie(&device);
    }
    Ok(reply)
}

#[server(endpoint = "admin/password")]
pub async fn change_password(
    current: String,
    new: String,
    confirm: String,
) -> Result<PasswordReply, AppError> {
    let cx = context()?;
    let staff = cx.any_staff().await?;
    if new != confirm {
        return Ok(PasswordReply::Mismatch);
    }
    match crate::admin::passwords::check_password_rules(&new, &[&staff.email, &staff.name]) {
        Ok(()) => {}
        Err(crate::admin::passwords::WeakPassword::TooShort) => return Ok(PasswordReply::TooShort),
        Err(crate::admin::passwords::WeakPassword::TooEasy) => return Ok(PasswordReply::TooEasy),
    }
    let changed = crate::admin::auth::change_password(
        &cx.db,
        &cx.session,
        &staff,
        &current,
        &new,
        cx.client(),
    )
    .await?;
    Ok(match changed {
        Ok(()) => PasswordReply::Changed,
        Err(crate::admin::auth::PasswordRefused::WrongCurrent) => PasswordReply::WrongCurrent,
        Err(crate::admin::auth::PasswordRefused::SameAsCurrent) => PasswordReply::SameAsCurrent,
    })
}

#[component]
pub fn SignInPage() -> impl IntoView {
    // Served on its own, the page carries no code and its form is posted to the server
    // (`server/src/admin.rs`), which shows it again with what went wrong; opened from the
    // console (after signing out), the console's code sends it as a server function.
    let posted = use_context::<SignInPosted>();
    let email = posted.as_ref().map(|posted| posted.email.clone());
    // Shown again after a refusal: her e-mail is kept, the password box is where she goes on.
    let refused = posted.is_some();
    let message = RwSignal::new(posted.and_then(|posted| posted.reply.message()));
    let pending = RwSignal::new(false);
    let navigate = use_navigate();
    let lang = use_lang();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let pairs = form_pairs(&ev);
        let navigate = navigate.clone();
        pending.set(true);
        leptos::task::spawn_local(async move {
            let reply = sign_in(field(&pairs, "email"), field(&pairs, "password")).await;
            pending.set(false);
            match reply {
                Ok(SignInReply::SignedIn {
                    must_change_password,
                }) => navigate(
                    SignInReply::next_page(must_change_password),
                    Default::default(),
                ),
                Ok(reply) => message.set(reply.message()),
                Err(error) => message.set(Some(error.message(lang))),
            }
        });
    };
    let form = NodeRef::<leptos::html::Form>::new();
    crate::ui::form::mark_ready(form);
    view! {
        <Title text=t("admin-sign-in-title") />
        <section class="page narrow">
            <h1>{t("admin-sign-in-title")}</h1>
            <form
                class="console-form"
                method="post"
                action=SIGN_IN_PATH
                on:submit=on_submit
                node_ref=form
                novalidate
            >
                <div
                    id="sign-in-message"
                    class="alert"
                    role="alert"
                    hidden=move || message.get().is_none()
                >
                    {move || message.get()}
                </div>
                <div class="field">
                    <label for="email">{t("admin-email")}</label>
                    <input
                        id="email"
                        name="email"
                        type="email"
                        autocomplete="username"
                        dir="ltr"
                        required
                        value=email
                    />
                </div>
                <div class="field">
                    <label for="password">{t("admin-password")}</label>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        dir="ltr"
                        required
                        autofocus=refused
                        aria-describedby="sign-in-message"
                    />
                </div>
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {t("admin-sign-in")}
                </button>
            </form>
        </section>
    }
}

#[component]
pub fn PasswordPage() -> impl IntoView {
    let me = Resource::new(|| (), |_| who_am_i());
    let message = RwSignal::new(None::<String>);
    let lang = use_lang();
    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let reply = change_password(
                field(&pairs, "current"),
                field(&pairs, "new"),
                field(&pairs, "confirm"),
            )
            .await;
            let key = match reply {
                Ok(PasswordReply::Changed) => {
                    navigate("/admin", Default::default());
                    return;
                }
                Ok(PasswordReply::WrongCurrent) => "admin-password-wrong-current",
                Ok(PasswordReply::SameAsCurrent) => "admin-password-same",
                Ok(PasswordReply::TooShort) => "admin-password-too-short",
                Ok(PasswordReply::TooEasy) => "admin-password-too-easy",
                Ok(PasswordReply::Mismatch) => "admin-password-mismatch",
                Err(error) => {
                    message.set(Some(error.message(lang)));
                    return;
                }
            };
            message.set(Some(t_with(
                key,
                &[("min", (MIN_PASSWORD_LEN as i64).into())],
            )));
        });
    };
    view! {
        <Title text=t("admin-password-title") />
        <section class="page narrow">
            <h1>{t("admin-password-title")}</h1>
            <Suspense fallback=loading>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(Some(staff)) => {
                            Either::Left(
                                staff
                                    .must_change_password
                                    .then(|| view! { <p>{t("admin-password-must-change")}</p> }),
                            )
                        }
                        _ => Either::Right(view! { <Redirect path=SIGN_IN_PATH /> }),
                    }
                })}
            </Suspense>
            <form class="console-form" method="post" on:submit=on_submit novalidate>
                <div class="alert" role="alert" hidden=move || message.get().is_none()>
                    {move || message.get()}
                </div>
                <div class="field">
                    <label for="current">{t("admin-password-current")}</label>
                    <input id="current" name="current" type="password" autocomplete="current-password" dir="ltr" />
                </div>
                <div class="field">
                    <label for="new">{t("admin-password-new")}</label>
                    <input id="new" name="new" type="password" autocomplete="new-password" dir="ltr" />
                </div>
                <div class="field">
                    <label for="confirm">{t("admin-password-confirm")}</label>
                    <input id="confirm" name="confirm" type="password" autocomplete="new-password" dir="ltr" />
                </div>
                <button type="submit" class="button primary">
                    {t("admin-password-save")}
                </button>
            </form>
        </section>
    }
}
