//! Jisr's shared code: what both the server and the browser run.
#![recursion_limit = "256"]

/// The console: in the server, and in the console's own WASM (`console/`), never in the
/// applicants' (`frontend/`).
#[cfg(any(feature = "ssr", feature = "console"))]
pub mod admin;
pub mod clock;
pub mod error;
pub mod help;
pub mod i18n;
pub mod landing;
pub mod layout;
pub mod reference;
pub mod registration;
pub mod safety;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod changes;
#[cfg(feature = "ssr")]
pub mod client;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod keys;
#[cfg(feature = "ssr")]
pub mod preloads;

use i18n::{t, Lang};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, Lazy, LazyRoute, SsrMode, StaticSegment,
};
use registration::{
    pages::{CheckPage, RegisterStart, ResumePage, StatusPage, StepPage, SubmittedPage},
    steps::Step,
};

/// The whole HTML document, rendered on the server. The language is decided here, per
/// request, so `<html lang dir>` is right in the first byte the phone receives.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // The request, read once (without copying its headers).
    #[cfg(feature = "ssr")]
    let (lang, path) = with_context::<http::request::Parts, _>(|parts| {
        (i18n::request_lang(parts), parts.uri.path().to_owned())
    })
    .unwrap_or((Lang::DEFAULT, "/".to_owned()));
    #[cfg(not(feature = "ssr"))]
    let lang = Lang::DEFAULT;
    provide_context(lang);
    // The console's pages load the console's WASM (`console/`); the others, the applicants'.
    // A plain page loads none (see `is_plain_page`).
    #[cfg(feature = "ssr")]
    let plain = is_plain_page(&path);
    #[cfg(feature = "ssr")]
    if plain {
        provide_context(PlainPage);
    }
    #[cfg(feature = "ssr")]
    let scripts = {
        let mut scripts = options.clone();
        let path = path.as_str();
        if admin::is_console_path(path) {
            scripts.output_name = CONSOLE_OUTPUT_NAME.into();
            scripts.hash_file = CONSOLE_HASH_FILE.into();
            scripts.hash_files = *CONSOLE_FILES_HASHED;
        }
        (!plain).then(|| view! { <HydrationScripts options=scripts /> })
    };
    #[cfg(not(feature = "ssr"))]
    let scripts = view! { <HydrationScripts options=options.clone() /> };
    // A lazy page's own WASM files, listed the same in every answer (see `preloads`).
    #[cfg(feature = "ssr")]
    let preloads = {
        preloads::silence_leptos();
        (!plain).then(|| preloads::links(&path, &options)).flatten().map(|links| {
                let wasm = links
                    .wasm
                    .into_iter()
                    .map(|href| {
                        view! {
                            <link rel="preload" href={href} as="fetch" type="application/wasm" crossorigin="anonymous" />
                        }
                    })
                    .collect_view();
                view! {
                    {wasm}
                    <link rel="modulepreload" href=links.loader crossorigin="anonymous" />
                }
            })
    };
    #[cfg(not(feature = "ssr"))]
    let preloads = ();

    view! {
        <!DOCTYPE html>
        <html lang=lang.code() dir=lang.dir()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="description" content=t("site-description") />
                <meta name="theme-color" content="#5b2a86" />
                <link rel="icon" href="/favicon.ico" sizes="32x32" />
                <leptos_meta::HashedStylesheet options=options.clone() id="leptos" />
                <AutoReload options=options.clone() />
                {scripts}
                {preloads}
                <leptos_meta::MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Pages served as plain HTML, without any WASM: the staff sign-in page (the console's code
/// comes once she is in), and the applicants' pages that only inform (the landing page, the
/// centres). Nothing on them needs the WASM but the quick exit, which brings a few lines of
/// script of its own (`safety`), so a first visit is the page and its stylesheet. Links from
/// them to the wizard load it as a whole page, which brings the WASM.
#[cfg(feature = "ssr")]
pub fn is_plain_page(path: &str) -> bool {
    matches!(path, "/" | "/centres") || admin::is_plain_page(path)
}

/// In the context of a plain page's render (see [`is_plain_page`]).
#[derive(Clone, Copy, Debug)]
pub struct PlainPage;

/// The nonce of an answer's Content-Security-Policy, made by the server's security layer and
/// carried by the page's inline scripts.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// The name of the console's JS and WASM files in the site's `pkg/` (see the Makefile).
pub const CONSOLE_OUTPUT_NAME: &str = "jisr-console";

/// Beside the server binary, the hashes in the names of the console's files
/// (`scripts/build-console` writes it), as cargo-leptos's `hash.txt` is for the applicants'.
#[cfg(feature = "ssr")]
pub const CONSOLE_HASH_FILE: &str = "console-hash.txt";

/// Whether the console's files are named after their content: the list of hashes is there.
#[cfg(feature = "ssr")]
static CONSOLE_FILES_HASHED: std::sync::LazyLock<bool> = std::sync::LazyLock::new(|| {
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.join(CONSOLE_HASH_FILE)))
        .is_some_and(|list| list.exists())
});

/// Reads the page's language from `<html lang>` in the browser, where the server wrote it.
pub fn document_lang() -> Lang {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::DEFAULT)
}

/// The wizard's pages are lazy routes (see [`lazy_page!`]): their code is a separate WASM
/// file, fetched when she opens one, so a first visit to the landing page stays small.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    registration::pages::NextView::provide();
    // Effects run only in the browser, once the WASM has taken over: styles and tests can
    // tell a hydrated page from a plain server-rendered one.
    Effect::new(|_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-hydrated", "true");
        }
    });

    // Named here, where the page's language is known: the formatter may run later, outside
    // this context (a page that waits for its data has its head written after it), where the
    // language would fall back to the default and a French page be titled in Arabic.
    let site_name = t("site-name");
    view! {
        <Title formatter=move |page: String| format!("{page} · {site_name}") />
        <Router>
            <a class="skip-link" href="#main">
                {t("skip-to-content")}
            </a>
            <layout::SiteHeader />
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <layout::NotFound /> }>
                    <Route path=StaticSegment("") view=landing::LandingPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("register") view=RegisterStart />
                    <Route path=path!("/register/eligibility") view={Lazy::<EligibilityStep>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/register/identity") view={Lazy::<IdentityStep>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/register/residence") view={Lazy::<ResidenceStep>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/register/situation") view={Lazy::<SituationStep>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/register/schooling") view={Lazy::<SchoolingStep>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/register/project") view={Lazy::<ProjectStep>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/register/preferences") view={Lazy::<PreferencesStep>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/register/consent") view={Lazy::<ConsentStep>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/register/check") view={Lazy::<Check>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/register/submitted") view={Lazy::<Submitted>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/register/resume") view={Lazy::<Resume>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/status") view={Lazy::<Status>::new()} ssr=SsrMode::Async />
                    <Route path=StaticSegment("centres") view=help::CentresPage ssr=SsrMode::Async />
                    <ConsoleRoutes />
                </Routes>
            </main>
            <layout::SiteFooter />
        </Router>
    }
}

/// The console's pages, where the console is built in.
#[cfg(any(feature = "ssr", feature = "console"))]
#[component(transparent)]
fn ConsoleRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use admin::AdminArea;
    use leptos_router::components::{Outlet, ParentRoute};
    view! {
        <ParentRoute path=path!("/admin") view=Outlet ssr=SsrMode::Async>
            <Route path=path!("") view=AdminArea />
            <Route path=path!("sign-in") view=AdminArea />
            <Route path=path!("password") view=AdminArea />
            <Route path=path!("applications") view=AdminArea />
            <Route path=path!("applications/:id") view=AdminArea />
            <Route path=path!("staff") view=AdminArea />
            <Route path=path!("audit") view=AdminArea />
            <Route path=path!("sites") view=AdminArea />
            <Route path=path!("cohorts") view=AdminArea />
            <Route path=path!("cohorts/:id") view=AdminArea />
            <Route path=path!("sessions/:id") view=AdminArea />
            <Route path=path!("follow-up") view=AdminArea />
            <Route path=path!("beneficiaries/:id") view=AdminArea />
            <Route path=path!("report") view=AdminArea />
            <Route path=path!("partners") view=AdminArea />
        </ParentRoute>
    }
    .into_inner()
}

/// The applicants' WASM has no console: the server serves the console's pages with the
/// console's own WASM, so this route is never hydrated.
#[cfg(not(any(feature = "ssr", feature = "console")))]
#[component(transparent)]
fn ConsoleRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! { <Route path=path!("/admin/*any") view=layout::NotFound /> }.into_inner()
}

/// A page loaded lazily: `$name` is its route, at `$path`, and `$view` what it shows. The
/// console's WASM is built without splitting (see `console/`): there the same pages are plain
/// code, always ready.
macro_rules! lazy_page {
    ($($name:ident at $path:literal => $view:expr;)+) => {
        $(
            pub struct $name;

            #[cfg(not(feature = "console"))]
            #[leptos_router::lazy_route]
            impl LazyRoute for $name {
                fn data() -> Self {
                    $name
                }

                fn view(this: Self) -> AnyView {
                    let _ = this;
                    $view.into_any()
                }
            }

            #[cfg(feature = "console")]
            impl LazyRoute for $name {
                fn data() -> Self {
                    $name
                }

                fn view(this: Self) -> impl std::future::Future<Output = AnyView> {
                    let _ = this;
                    async move { $view.into_any() }
                }
            }
        )+

        /// The lazy pages, by path, with their route's type: the server lists each one's code
        /// in its head (`preloads`), the browser fetches the next one's ahead ([`page_code`]).
        pub const LAZY_PAGES: &[(&str, &str)] = &[$(($path, stringify!($name)),)+];

        /// The fetching of a lazy page's code, by path.
        #[cfg(feature = "hydrate")]
        fn lazy_page_code(
            path: &str,
        ) -> Option<(&'static str, std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>)> {
            match path {
                $($path => Some(($path, Box::pin(<$name as LazyRoute>::preload()))),)+
                _ => None,
            }
        }
    };
}

/// The code of the page she will open next, fetched while she fills in this one, so that
/// going on shows it without waiting for it; until it is here, going on loads the next page
/// from the server instead, as a plain form would (issue 12).
pub mod page_code {
    use leptos::prelude::*;

    #[cfg(feature = "hydrate")]
    thread_local! {
        static READY: ArcRwSignal<Vec<&'static str>> = ArcRwSignal::new(Vec::new());
        static STARTED: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    /// Starts fetching the code of the page at `path`, once; nothing when it is not lazy.
    fn fetch(path: &str) {
        #[cfg(feature = "hydrate")]
        {
            let Some((path, code)) = super::lazy_page_code(path) else {
                return;
            };
            let started = STARTED.with_borrow_mut(|started| {
                let first = !started.contains(&path);
                if first {
                    started.push(path);
                }
                first
            });
            if started {
                leptos::task::spawn_local(async move {
                    code.await;
                    READY.with(|ready| ready.update(|ready| ready.push(path)));
                });
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = path;
    }

    /// Fetches the code of the page at `path` once this page runs in the browser; the answer
    /// says whether it is here (as [`ready`] does).
    pub fn ahead(path: String) -> impl Fn() -> bool + Clone + Send + Sync + 'static {
        Effect::new({
            let path = path.clone();
            move |_| fetch(&path)
        });
        move || ready(&path)
    }

    /// Whether the page at `path` can be shown without fetching code: it is not lazy, or its
    /// code is here. Read in a reactive context, it changes when the code arrives. On the
    /// server, and in the browser before it is fetched: not ready.
    pub fn ready(path: &str) -> bool {
        #[cfg(feature = "hydrate")]
        {
            let path = path.split(['?', '#']).next().unwrap_or(path);
            !super::LAZY_PAGES.iter().any(|(lazy, _)| *lazy == path)
                || READY.with(|ready| ready.with(|ready| ready.contains(&path)))
        }
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = path;
            false
        }
    }

    /// Shows the page at `path`: in place when its code is here, otherwise loaded from the
    /// server as a whole page (whose HTML works at once, its code following).
    pub fn go(path: &str, navigate: impl Fn(&str, leptos_router::NavigateOptions)) {
        #[cfg(feature = "hydrate")]
        if !ready(path) {
            let _ = window().location().assign(path);
            return;
        }
        navigate(path, Default::default());
    }
}

lazy_page! {
    EligibilityStep at "/register/eligibility" => view! { <StepPage step=Step::Eligibility /> };
    IdentityStep at "/register/identity" => view! { <StepPage step=Step::Identity /> };
    ResidenceStep at "/register/residence" => view! { <StepPage step=Step::Residence /> };
    SituationStep at "/register/situation" => view! { <StepPage step=Step::Situation /> };
    SchoolingStep at "/register/schooling" => view! { <StepPage step=Step::Schooling /> };
    ProjectStep at "/register/project" => view! { <StepPage step=Step::Project /> };
    PreferencesStep at "/register/preferences" => view! { <StepPage step=Step::Preferences /> };
    ConsentStep at "/register/consent" => view! { <StepPage step=Step::Consent /> };
    Check at "/register/check" => view! { <CheckPage /> };
    Submitted at "/register/submitted" => view! { <SubmittedPage /> };
    Resume at "/register/resume" => view! { <ResumePage /> };
    Status at "/status" => view! { <StatusPage /> };
}
