//! A fresh database and the real router for each test. The backend is SQLite unless
//! `JISR_TEST_POSTGRES_URL` names a PostgreSQL server, where each test gets a database of its
//! own (the `make test` run creates a throwaway cluster for this).

use app::{
    admin::auth::SignInLimiter,
    client::at_least_one,
    db::{Backend, Db},
    keys::ServerKeys,
    registration::service::LookupLimiter,
};
use axum::{
    body::Body,
    http::{header, Request, Response, StatusCode},
    Router,
};
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use leptos_axum::AxumRouteListing;
use server::state::{AppState, Settings, Shared};
use std::sync::{
    atomic::{AtomicU32, Ordering},
    Arc, LazyLock,
};
use tower::ServiceExt;

/// The page routes, generated once for the whole test process: generating them pauses
/// resource loading process-wide, which would stall another test's page render.
static PAGE_ROUTES: LazyLock<Vec<AxumRouteListing>> = LazyLock::new(server::routes::page_routes);

pub struct TestApp {
    pub db: Db,
    router: Router,
    _dir: Option<tempfile::TempDir>,
}

/// What a test may set before the server starts.
pub struct Setup {
    pub settings: Settings,
    pub lookups_per_minute: u32,
    pub sign_ins_per_minute: u32,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The body as it came (a spreadsheet is no text).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// With settings of its own (limits, proxies, keep-alive).
    pub async fn spawn_with(setup: impl FnOnce(&mut Setup)) -> TestApp {
        Self::spawn_configured(LeptosOptions::builder().output_name("jisr").build(), setup).await
    }

    /// With the given Leptos options (a site folder, hashed names).
    pub async fn spawn_with_site(leptos_options: LeptosOptions) -> TestApp {
        Self::spawn_configured(leptos_options, |_| {}).await
    }

    async fn spawn_configured(
        leptos_options: LeptosOptions,
        setup: impl FnOnce(&mut Setup),
    ) -> TestApp {
        let (url, dir) = match std::env::var("JISR_TEST_POSTGRES_URL") {
            Ok(admin_url) => (fresh_postgres_database(&admin_url).await, None),
            Err(_) => {
                let dir = tempfile::tempdir().expect("temporary folder");
                let url = format!("sqlite://{}/jisr.db", dir.path().display());
                (url, Some(dir))
            }
        };
        let db = Db::connect(&url)
            .await
            .expect("connect to the test database");
        db.migrate().await.expect("migrate the test database");
        let mut wanted = Setup::new(&db).await;
        setup(&mut wanted);
        TestApp {
            router: router_for(db.clone(), leptos_options, wanted),
            db,
            _dir: dir,
        }
    }

    /// A new server on the same database, as after a restart: nothing kept in memory.
    pub async fn restarted(&self) -> TestApp {
        TestApp {
            db: self.db.clone(),
            router: router_for(
                self.db.clone(),
                LeptosOptions::builder().output_name("jisr").build(),
                Setup::new(&self.db).await,
            ),
            _dir: None,
        }
    }

    /// Sends `request` and reads its streamed answer until it ends or `wait` passes: the
    /// text read, and whether it ended.
    pub async fn stream(
        &self,
        request: Request<Body>,
        wait: std::time::Duration,
    ) -> (String, bool) {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router answers");
        let mut body = response.into_body();
        let mut text = String::new();
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            match tokio::time::timeout_at(deadline, body.frame()).await {
                Err(_) => return (text, false),
                Ok(None) => return (text, true),
                Ok(Some(Err(_))) => return (text, true),
                Ok(Some(Ok(frame))) => {
                    if let Ok(data) = frame.into_data() {
                        text.push_str(&String::from_utf8_lossy(&data));
                    }
                }
            }
        }
    }

    /// Sends `request` and returns the status and the body's first chunk, for answers that
    /// stream without end (server-sent events).
    pub async fn first_chunk(&self, request: Request<Body>) -> (StatusCode, String) {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router answers");
        let status = response.status();
        let mut body = response.into_body();
        let frame = tokio::time::timeout(std::time::Duration::from_secs(5), body.frame())
            .await
            .expect("a first chunk within 5 s");
        let text = frame
            .and_then(Result::ok)
            .and_then(|frame| frame.into_data().ok())
            .map(|data| String::from_utf8_lossy(&data).into_owned())
            .unwrap_or_default();
        (status, text)
    }

    /// Sends `request` and returns the answer as it starts, its body unread.
    pub async fn open(&self, request: Request<Body>) -> Response<Body> {
        self.router
            .clone()
            .oneshot(request)
            .await
            .expect("the router answers")
    }

    pub async fn request(&self, request: Request<Body>) -> TestResponse {
        let response: Response<Body> = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router answers");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("read the body")
            .to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.request(request.body(Body::empty()).unwrap()).await
    }

    pub async fn post_form(&self, path: &str, form: &str) -> TestResponse {
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form.to_owned()))
            .unwrap();
        self.request(request).await
    }

    pub fn backend(&self) -> Backend {
        self.db.backend()
    }
}

impl Setup {
    /// The server's defaults, with the keys stored in the database, as `serve` has them.
    async fn new(db: &Db) -> Setup {
        let mut settings = Settings::default();
        settings.wizard.keys = ServerKeys::load_or_create(db).await.expect("server keys");
        Setup {
            settings,
            lookups_per_minute: LookupLimiter::DEFAULT_PER_MINUTE,
            sign_ins_per_minute: SignInLimiter::DEFAULT_PER_MINUTE,
        }
    }
}

fn router_for(db: Db, leptos_options: LeptosOptions, setup: Setup) -> Router {
    let state = AppState::from(Shared {
        leptos_options,
        db,
        settings: Arc::new(setup.settings),
        lookups: LookupLimiter::per_minute(at_least_one(setup.lookups_per_minute)),
        sign_ins: SignInLimiter::per_minute(at_least_one(setup.sign_ins_per_minute)),
        changes: Default::default(),
        streams: Default::default(),
    });
    server::routes::router(state, PAGE_ROUTES.clone())
}

/// Creates an empty database on the test cluster and returns its URL.
async fn fresh_postgres_database(admin_url: &str) -> String {
    use sqlx::{Connection, Executor};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "jisr_test_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    sqlx::any::install_default_drivers();
    let mut admin = sqlx::AnyConnection::connect(admin_url)
        .await
        .expect("connect to PostgreSQL");
    admin
        .execute(format!("create database {name}").as_str())
        .await
        .expect("create a test database");
    admin.close().await.ok();
    let base = admin_url
        .rsplit_once('/')
        .map(|(base, _)| base)
        .unwrap_or(admin_url);
    format!("{base}/{name}")
}
