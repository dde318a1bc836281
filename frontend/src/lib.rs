//! The browser entry point: takes over the page the server rendered.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    use app::{document_lang, App};
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    // The server chose the language and wrote it into <html lang>; use the same one.
    let lang = document_lang();
    // The wizard's pages are lazy routes: hydration waits for their WASM files to arrive.
    leptos::mount::hydrate_lazy(move || {
        provide_context(lang);
        view! { <App /> }
    });
}
