//! The browser entry point: takes over the page the server rendered.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    use app::{document_lang, App};
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    // The server chose the language and wrote it into <html lang>; use the same one.
    let lang = document_lang();
    leptos::mount::hydrate_body(move || {
        provide_context(lang);
        view! { <App /> }
    });
}
