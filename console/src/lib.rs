//! The console's browser entry point: takes over a console page the server rendered. The
//! applicants' entry point (`frontend`) is built without the console.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    use app::{document_lang, App};
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    let lang = document_lang();
    // Built without splitting: the public pages' lazy routes are plain code here.
    leptos::mount::hydrate_body(move || {
        provide_context(lang);
        view! { <App /> }
    });
}
