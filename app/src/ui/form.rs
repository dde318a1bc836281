//! The wizard's form parts. Every form is a real `<form method=post>` that works before and
//! without the WASM; once hydrated, the same form checks answers as she goes, keeps what she
//! types on the phone, and sends them without a page load.

#[cfg(feature = "hydrate")]
use super::browser;
use crate::i18n::{t, use_lang};
use crate::registration::{
    api::Refusals,
    fields::FieldError,
    steps::{label_key, Raw},
};
use leptos::prelude::*;

/// What a form's fields show: the answers to fill in, and the refused ones.
#[derive(Clone, Copy)]
pub struct FormState {
    pub values: StoredValue<Raw>,
    /// Each field's message, as she leaves the field or submits.
    pub errors: RwSignal<Refusals>,
    /// What the error summary lists: set when she submits, not as she goes from field to
    /// field, so that nothing appears at the top of the form under her finger.
    pub summary: RwSignal<Refusals>,
    /// A message for the whole form (the connection failed).
    pub alert: RwSignal<Option<String>>,
    pub pending: RwSignal<bool>,
}

impl FormState {
    pub fn new(values: Raw, errors: Refusals) -> FormState {
        FormState {
            values: StoredValue::new(values),
            summary: RwSignal::new(errors.clone()),
            errors: RwSignal::new(errors),
            alert: RwSignal::new(None),
            pending: RwSignal::new(false),
        }
    }

    /// A submission refused: each field shows its message, and the summary lists them all.
    pub fn refuse(self, errors: Refusals) {
        self.summary.set(errors.clone());
        self.errors.set(errors);
    }

    fn error(self, name: &'static str) -> impl Fn() -> Option<FieldError> + Copy {
        move || {
            self.errors
                .with(|errors| errors.iter().find(|(n, _)| n == name).map(|(_, e)| *e))
        }
    }

    fn value(self, name: &str) -> String {
        self.values
            .with_value(|raw| crate::registration::steps::first(raw, name).to_owned())
    }

    fn checked(self, name: &str, code: &str) -> bool {
        self.values.with_value(|raw| {
            crate::registration::steps::values(raw, name)
                .iter()
                .any(|v| v == code)
        })
    }
}

/// The ids that tie a field to its hint and its error.
fn field_id(name: &str) -> String {
    format!("field-{name}")
}

fn described_by(
    name: &'static str,
    hint: bool,
    error: impl Fn() -> Option<FieldError> + Copy,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("hint-{name}"));
        }
        if error().is_some() {
            ids.push(format!("error-{name}"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

#[component]
fn FieldError(name: &'static str) -> impl IntoView {
    let state = expect_context::<FormState>();
    let error = state.error(name);
    let lang = use_lang();
    move || {
        error().map(|error| {
            view! {
                <p class="field-error" id=format!("error-{name}")>
                    {error.message(lang)}
                </p>
            }
        })
    }
}

#[component]
fn Hint(name: &'static str, shown: bool) -> impl IntoView {
    shown.then(|| {
        view! {
            <p class="hint" id=format!("hint-{name}")>
                {t(&format!("{}-hint", label_key(name)))}
            </p>
        }
    })
}

/// A one-line answer, or several lines with `multiline`.
#[component]
pub fn TextField(
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// Numbers and codes stay left-to-right inside Arabic.
    #[prop(optional)]
    ltr: bool,
    #[prop(optional)] optional: bool,
    #[prop(optional)] hint: bool,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let error = state.error(name);
    let value = state.value(name);
    let id = field_id(name);
    let invalid = move || error().is_some().then_some("true");
    let described = described_by(name, hint, error);
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                name=name
                rows="5"
                maxlength=maxlength
                aria-invalid=invalid
                aria-describedby=described
            >
                {value}
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=name
                type=kind
                value=value
                inputmode=inputmode
                autocomplete=autocomplete.unwrap_or("off")
                dir=ltr.then_some("ltr")
                maxlength=maxlength
                aria-invalid=invalid
                aria-describedby=described
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for=id>
                {t(&label_key(name))}
                {optional.then(|| view! { " " <span class="optional">{t("field-optional")}</span> })}
            </label>
            <Hint name shown=hint />
            <FieldError name />
            {control}
        </div>
    }
}

/// A date as three numeric boxes (day, month, year), as public services ask for it: no date
/// picker whose format contradicts the hint, no scrolling back forty years. The boxes post as
/// `<name>_day`, `_month`, `_year`, read back as one answer (`steps::join_date_parts`).
#[component]
pub fn DateField(
    name: &'static str,
    /// The `autocomplete` family, e.g. `bday` (gives `bday-day`, `bday-month`, `bday-year`).
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    #[prop(optional)] hint: bool,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let error = state.error(name);
    let described = described_by(name, hint, error);
    let values = crate::registration::steps::split_date(&state.value(name));
    let invalid = move || error().is_some().then_some("true");
    let boxes = [
        ("day", 2, "date-box-short"),
        ("month", 2, "date-box-short"),
        ("year", 4, "date-box-year"),
    ]
    .into_iter()
    .zip(values)
    .enumerate()
    .map(|(i, ((part, maxlength, class), value))| {
        // The first box carries the field's id: the error summary's link leads there.
        let id = if i == 0 {
            field_id(name)
        } else {
            format!("field-{name}-{part}")
        };
        view! {
            <div class="date-part">
                <label for=id.clone()>{t(&format!("date-{part}"))}</label>
                <input
                    id=id
                    class=class
                    type="text"
                    name=format!("{name}_{part}")
                    value=value
                    inputmode="numeric"
                    autocomplete=autocomplete.map_or("off".to_owned(), |a| format!("{a}-{part}"))
                    maxlength=maxlength
                    dir="ltr"
                    aria-invalid=invalid
                />
            </div>
        }
    })
    .collect_view();
    view! {
        <fieldset
            class="field date"
            class:invalid=move || error().is_some()
            role="group"
            aria-describedby=described
        >
            <legend>{t(&label_key(name))}</legend>
            <Hint name shown=hint />
            <FieldError name />
            <div class="date-parts">{boxes}</div>
        </fieldset>
    }
}

/// One answer from a list: radio buttons, or tick boxes with `multiple`.
#[component]
pub fn ChoiceField(
    name: &'static str,
    /// Codes and their labels' message keys.
    options: Vec<(&'static str, String)>,
    #[prop(optional)] multiple: bool,
    #[prop(optional)] hint: bool,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let error = state.error(name);
    let described = described_by(name, hint, error);
    let kind = if multiple { "checkbox" } else { "radio" };
    view! {
        <fieldset
            class="field choices"
            class:invalid=move || error().is_some()
            aria-describedby=described
        >
            <legend>{t(&label_key(name))}</legend>
            <Hint name shown=hint />
            <FieldError name />
            {options
                .into_iter()
                .enumerate()
                .map(|(i, (code, label))| {
                    let id = if i == 0 { field_id(name) } else { format!("field-{name}-{code}") };
                    let label_for = id.clone();
                    view! {
                        <label class="choice" for=label_for>
                            <input
                                id=id
                                type=kind
                                name=name
                                value=code
                                checked=state.checked(name, code)
                            />
                            <span>{t(&label)}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// One answer from a long list: a `<select>`. Labels are given already translated.
#[component]
pub fn SelectField(
    name: &'static str,
    options: Vec<(String, String)>,
    #[prop(optional)] hint: bool,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let error = state.error(name);
    let current = state.value(name);
    let id = field_id(name);
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for=id.clone()>{t(&label_key(name))}</label>
            <Hint name shown=hint />
            <FieldError name />
            <select
                id=id
                name=name
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=described_by(name, hint, error)
            >
                <option value="">{t("select-placeholder")}</option>
                {options
                    .into_iter()
                    .map(|(code, label)| {
                        let selected = code == current;
                        view! {
                            <option value=code selected=selected>
                                {label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Translated options of a closed list, for a `<select>`.
pub fn translated(options: Vec<(&'static str, String)>) -> Vec<(String, String)> {
    options
        .into_iter()
        .map(|(code, key)| (code.to_owned(), t(&key)))
        .collect()
}

/// The refused answers, at the top of the form, each a link to its field. It takes the focus
/// when it appears, so a screen reader reads it first.
#[component]
pub fn ErrorSummary(
    /// Where each field lives when it is not on this page (the answers page).
    #[prop(optional)]
    field_href: Option<fn(&str) -> String>,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let lang = use_lang();
    move || {
        let errors = state.summary.get();
        let alert = state.alert.get();
        (!errors.is_empty() || alert.is_some()).then(|| {
            view! {
                <div
                    class="error-summary"
                    id="error-summary"
                    role="alert"
                    tabindex="-1"
                    autofocus=true
                    aria-labelledby="error-summary-title"
                >
                    <h2 id="error-summary-title">{t("error-summary-title")}</h2>
                    {alert.map(|alert| view! { <p>{alert}</p> })}
                    <ul>
                        {errors
                            .into_iter()
                            .map(|(name, error)| {
                                let href = match field_href {
                                    Some(href) => href(&name),
                                    None => format!("#{}", field_id(&name)),
                                };
                                let target = href.strip_prefix('#').map(str::to_owned);
                                let focus_field = move |ev: leptos::ev::MouseEvent| {
                                    // A link to a field on this page puts the focus in it, as
                                    // a fragment link alone does not.
                                    #[cfg(feature = "hydrate")]
                                    if let Some(field) = target.as_deref().and_then(|id| {
                                        use wasm_bindgen::JsCast;
                                        document()
                                            .get_element_by_id(id)
                                            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                                    }) {
                                        ev.prevent_default();
                                        field.scroll_into_view();
                                        let _ = field.focus();
                                    }
                                    #[cfg(not(feature = "hydrate"))]
                                    let _ = (ev, &target);
                                };
                                view! {
                                    <li>
                                        <a href=href on:click=focus_field>
                                            {t(&label_key(&name))} {lang.colon()} {error.message(lang)}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// Checks one field of a form's answers (the pairs, the field's name): its refusal, if any.
pub type FieldCheck = Callback<(Vec<(String, String)>, String), Option<FieldError>>;

/// A form that posts to `action` without the WASM; with it, `submit` receives the answers
/// instead and no page loads. With a `keep` key, what she types is kept on the phone as she
/// types, and put back when the page is opened again.
#[component]
pub fn WizardForm<F>(
    action: String,
    state: FormState,
    submit: F,
    submit_label: String,
    #[prop(optional)] keep: Option<String>,
    /// The page this form leads to: its code is fetched while she fills the form in, and the
    /// form says `data-ahead="ready"` once it is here (see [`crate::page_code`]).
    #[prop(optional)]
    next: Option<String>,
    /// Checks one field as she leaves it: the field's refusal, if any.
    #[prop(optional, into)]
    check_field: Option<FieldCheck>,
    children: Children,
) -> impl IntoView
where
    F: Fn(Vec<(String, String)>) + 'static,
{
    let form = NodeRef::<leptos::html::Form>::new();
    let pending = state.pending;
    provide_context(state);

    #[cfg(feature = "hydrate")]
    {
        let keep = keep.clone();
        Effect::new(move |_| {
            if let (Some(form), Some(key)) = (form.get(), keep.as_deref()) {
                browser::restore(&form, key);
            }
        });
    }
    mark_ready(form);
    keep_busy_until_left(pending);
    let ahead = next.map(|next| {
        let ready = crate::page_code::ahead(next);
        move || ready().then_some("ready")
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (&keep, &check_field, form);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        #[cfg(feature = "hydrate")]
        if let Some(form) = form.get_untracked() {
            submit(browser::pairs(&form));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &submit;
    };
    let on_input = {
        let keep = keep.clone();
        move |_ev: leptos::ev::Event| {
            #[cfg(feature = "hydrate")]
            if let (Some(form), Some(key)) = (form.get_untracked(), keep.as_deref()) {
                browser::keep(key, &browser::pairs(&form));
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = &keep;
        }
    };
    // A field is checked as she leaves it, but its message must not move what is under her
    // finger: the check waits until the tap or click that took her away has landed (the
    // pointer is up and the click dispatched), then runs.
    #[cfg(feature = "hydrate")]
    let check_later = {
        let pressing = StoredValue::new(false);
        let waiting = StoredValue::new(Vec::<String>::new());
        let check_now = move |name: String| {
            let (Some(form), Some(check)) = (form.get_untracked(), check_field) else {
                return;
            };
            let pairs = crate::registration::steps::join_date_parts(browser::pairs(&form));
            let had_error = state
                .errors
                .with_untracked(|e| e.iter().any(|(n, _)| *n == name));
            let answered = pairs
                .iter()
                .any(|(n, v)| *n == name && !v.trim().is_empty());
            if !(answered || had_error) {
                return;
            }
            let refusal = check.run((pairs, name.clone()));
            let current = state
                .errors
                .with_untracked(|e| e.iter().find(|(n, _)| *n == name).map(|(_, e)| *e));
            if current == refusal {
                return;
            }
            state.errors.update(|errors| {
                errors.retain(|(n, _)| *n != name);
                if let Some(error) = refusal {
                    errors.push((name, error));
                }
            });
        };
        let after_the_click = move |names: Vec<String>| {
            if names.is_empty() {
                return;
            }
            set_timeout(
                move || {
                    for name in names {
                        check_now(name);
                    }
                },
                std::time::Duration::ZERO,
            );
        };
        let down = window_event_listener(leptos::ev::pointerdown, move |_| {
            pressing.set_value(true);
        });
        let released = move || {
            pressing.set_value(false);
            let names = waiting.try_update_value(std::mem::take).unwrap_or_default();
            after_the_click(names);
        };
        let up = window_event_listener(leptos::ev::pointerup, move |_| released());
        let cancel = window_event_listener(leptos::ev::pointercancel, move |_| released());
        on_cleanup(move || {
            down.remove();
            up.remove();
            cancel.remove();
        });
        move |name: String| {
            if pressing.get_value() {
                waiting.update_value(|names| {
                    if !names.contains(&name) {
                        names.push(name);
                    }
                });
            } else {
                after_the_click(vec![name]);
            }
        }
    };
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let name_of = |target: Option<web_sys::EventTarget>| {
                target
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|e| e.get_attribute("name"))
            };
            if let Some(input) = name_of(ev.target()) {
                let answer = crate::registration::steps::answer_name(&input).to_owned();
                // From one box of a date to the next: she has not left the date yet.
                let next = name_of(ev.related_target());
                let same_date = answer != input
                    && next.is_some_and(|next| {
                        crate::registration::steps::answer_name(&next) == answer
                    });
                if !same_date {
                    check_later(answer);
                }
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };

    view! {
        <form
            method="post"
            action=action
            novalidate=true
            node_ref=form
            data-ahead=ahead
            on:submit=on_submit
            on:input=on_input.clone()
            on:change=on_input
            on:focusout=on_focusout
        >
            <ErrorSummary />
            {children()}
            <div class="actions">
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || pending.get()
                    aria-busy=move || pending.get().then_some("true")
                >
                    {submit_label}
                </button>
            </div>
        </form>
    }
}

/// Marks a form `data-ready` once the browser runs it: its own code arrives after the page
/// (the wizard's pages are lazy), and until then a submission is a plain post.
pub fn mark_ready(form: NodeRef<leptos::html::Form>) {
    Effect::new(move |_| {
        if let Some(form) = form.get() {
            let _ = form.set_attribute("data-ready", "true");
        }
    });
}

/// A tapped button stays busy while the next page comes, however it comes; but a page the
/// browser shows again from its history (the back button) is not still on its way anywhere.
pub fn keep_busy_until_left(busy: RwSignal<bool>) {
    #[cfg(feature = "hydrate")]
    {
        let shown = window_event_listener(leptos::ev::pageshow, move |ev| {
            if ev.persisted() {
                busy.set(false);
            }
        });
        on_cleanup(move || shown.remove());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = busy;
}

/// Moves the focus to the error summary once it is on the page.
pub fn focus_error_summary() {
    #[cfg(feature = "hydrate")]
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        if let Some(summary) = document()
            .get_element_by_id("error-summary")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = summary.focus();
        }
    });
}
