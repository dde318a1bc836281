//! The browser's side of a form: reading it, and keeping her answers on the phone
//! (`localStorage`, through gloo) until she submits.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The form's name and value pairs, as it would post them.
pub fn pairs(form: &web_sys::HtmlFormElement) -> Vec<(String, String)> {
    let Ok(data) = web_sys::FormData::new_with_form(form) else {
        return Vec::new();
    };
    let Ok(Some(entries)) = js_sys::try_iter(&data) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let pair = entry.dyn_into::<js_sys::Array>().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Whether the phone lets this page keep anything (a browser may refuse it: then the
/// answers are only on the server, kept at each step).
fn can_keep() -> bool {
    window().local_storage().ok().flatten().is_some()
}

pub const PREFIX: &str = super::KEPT_PREFIX;

/// Keeps the answers under `key` on the phone.
pub fn keep(key: &str, pairs: &[(String, String)]) {
    if can_keep() {
        let _ = LocalStorage::set(format!("{PREFIX}{key}"), pairs);
    }
}

pub fn forget(key: &str) {
    if can_keep() {
        LocalStorage::delete(format!("{PREFIX}{key}"));
    }
}

/// Forgets every answer kept on the phone (once the application is submitted, or when she
/// leaves in a hurry).
pub fn forget_all() {
    if !can_keep() {
        return;
    }
    let storage = LocalStorage::raw();
    let keys: Vec<String> = (0..LocalStorage::length())
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    for key in keys {
        LocalStorage::delete(key);
    }
}

/// Puts back the answers kept under `key` into the form's fields.
pub fn restore(form: &web_sys::HtmlFormElement, key: &str) {
    if !can_keep() {
        return;
    }
    let Ok(pairs) = LocalStorage::get::<Vec<(String, String)>>(format!("{PREFIX}{key}")) else {
        return;
    };
    let value_of = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map_or(String::new(), |(_, v)| v.clone())
    };
    let elements = form.elements();
    for i in 0..elements.length() {
        let Some(element) = elements.item(i) else {
            continue;
        };
        if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
            let name = input.name();
            match input.type_().as_str() {
                "radio" | "checkbox" => {
                    input.set_checked(pairs.iter().any(|(n, v)| *n == name && *v == input.value()))
                }
                "hidden" | "submit" => {}
                _ => input.set_value(&value_of(&name)),
            }
        } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value(&value_of(&area.name()));
        } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
            select.set_value(&value_of(&select.name()));
        }
    }
}

/// Today on the phone, for the age rule's instant answer (the server checks again).
pub fn today() -> time::Date {
    let now = js_sys::Date::new_0();
    time::Month::try_from(now.get_month() as u8 + 1)
        .ok()
        .and_then(|month| {
            time::Date::from_calendar_date(now.get_full_year() as i32, month, now.get_date() as u8)
                .ok()
        })
        .unwrap_or(time::Date::MIN)
}
