//! The console's plain HTTP endpoints: the sign-in form (its page carries no code), the live
//! stream of changes the dashboard listens to, and the streamed CSV export.

use crate::state::AppState;
use app::admin::{
    applications::{
        filters::Filters,
        repo::{export_query, export_record, record_export, ExportFormat},
    },
    auth,
    roles::Staff,
};
use app::client::client_ip;
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{header, StatusCode},
    response::{
        sse::{Event, Sse},
        IntoResponse, Response,
    },
    routing::{get, post},
    Router,
};
use futures_util::{stream, StreamExt, TryStreamExt};
use std::{
    collections::HashMap,
    convert::Infallible,
    sync::{Arc, Mutex},
    time::Duration,
};
use tokio::sync::broadcast::{self, error::RecvError};
use tokio_stream::wrappers::ReceiverStream;
use tower_sessions::{session::Id, Session};

pub const EVENTS_PATH: &str = "/admin/events";
pub const EXPORT_PATH: &str = "/admin/export.csv";

pub fn add_routes(router: Router<AppState>) -> Router<AppState> {
    router
        .route(app::admin::shell::SIGN_IN_PATH, post(sign_in_form))
        .route(SHEET_PATH, post(sheet_form))
        .route(EVENTS_PATH, get(events))
        .route(EXPORT_PATH, get(export))
}

/// The sign-in page's form, posted as a plain form: the same attempt as the console's server
/// function (`app::admin::sign_in::attempt`), then the console (a redirect) or the page again
/// with her e-mail and what went wrong, answering 401, 422 (a box left empty) or 429.
async fn sign_in_form(State(state): State<AppState>, request: Request) -> Response {
    use app::admin::sign_in::{attempt, SignInPosted, SignInReply};
    let (parts, pairs) = match crate::wizard::read_form(request, SIGN_IN_FORM_BYTES).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let field = |name: &str| app::registration::steps::first_of(&pairs, name).to_owned();
    let (email, password) = (field("email"), field("password"));
    let Some(session) = parts.extensions.get::<Session>().cloned() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let attempted = attempt(
        &state.db,
        &state.sign_ins,
        &session,
        &parts,
        (&email, &password),
        state.settings.secure_cookies,
    )
    .await;
    let reply = match attempted {
        Ok((
            SignInReply::SignedIn {
                must_change_password,
            },
            device,
        )) => {
            let next = SignInReply::next_page(must_change_password);
            let mut response = axum::response::Redirect::to(next).into_response();
            if let Some(cookie) = device.and_then(|device| device.to_string().parse().ok()) {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            return response;
        }
        Ok((reply, _)) => reply,
        Err(refusal) => return refusal.status().into_response(),
    };
    let status = match reply {
        SignInReply::Missing => StatusCode::UNPROCESSABLE_ENTITY,
        SignInReply::TooMany | SignInReply::Wait { .. } => StatusCode::TOO_MANY_REQUESTS,
        _ => StatusCode::UNAUTHORIZED,
    };
    let posted = SignInPosted { email, reply };
    let mut response = crate::wizard::render(&state, parts, move || {
        leptos::prelude::provide_context(posted.clone())
    })
    .await;
    *response.status_mut() = status;
    response
}

/// A session's attendance sheet, as its page posts it without JavaScript.
pub const SHEET_PATH: &str = "/admin/sessions/{id}";

/// The largest sheet read: a cohort's marks and reasons, with room to spare.
const SHEET_FORM_BYTES: usize = 64 * 1024;

/// A session's attendance sheet posted as a plain form (a tablet without JavaScript): the
/// same write as the page's server function, then the page again. All written: a redirect to
/// the page (so that reloading it sends nothing twice) saying how many marks were saved.
/// Otherwise the page shows what became of each row, with her choices kept where nothing
/// was written: 422 for a refused sheet, 409 when someone else changed marks meanwhile.
async fn sheet_form(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    request: Request,
) -> Response {
    use app::admin::attendance::{posted_marks, repo::save_sheet, SheetPosted};
    let (parts, pairs) = match crate::wizard::read_form(request, SHEET_FORM_BYTES).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let Some(session) = parts.extensions.get::<Session>().cloned() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let staff = match auth::signed_in(&state.db, &session).await {
        Ok(staff) => staff,
        Err(app::error::AppError::NotSignedIn) => {
            return axum::response::Redirect::to(app::admin::shell::SIGN_IN_PATH).into_response()
        }
        Err(refusal) => return refusal.status().into_response(),
    };
    if !staff.reads_follow_up() {
        return StatusCode::FORBIDDEN.into_response();
    }
    let reply = match save_sheet(
        &state.db,
        &staff,
        id,
        &posted_marks(&pairs),
        client_ip(&parts),
    )
    .await
    {
        Ok(Some(reply)) => reply,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    if reply.saved > 0 {
        state.changes.notify();
    }
    let status = if !reply.invalid.is_empty() || reply.not_yet {
        StatusCode::UNPROCESSABLE_ENTITY
    } else if !reply.conflicts.is_empty() {
        StatusCode::CONFLICT
    } else {
        let page = format!("/admin/sessions/{id}?saved={}", reply.saved);
        return axum::response::Redirect::to(&page).into_response();
    };
    let posted = SheetPosted { pairs, reply };
    let mut response = crate::wizard::render(&state, parts, move || {
        leptos::prelude::provide_context(posted.clone())
    })
    .await;
    *response.status_mut() = status;
    response
}

/// The largest sign-in form read: an e-mail and a password, with room to spare.
const SIGN_IN_FORM_BYTES: usize = 16 * 1024;

/// The signed-in staff member (with her own password), or the refusal to answer with.
pub(crate) async fn signed_in(state: &AppState, session: &Session) -> Result<Staff, Response> {
    auth::signed_in(&state.db, session)
        .await
        .map_err(|refusal| refusal.status().into_response())
}

/// Live streams one staff session may hold open at once (a few tabs).
pub const STREAMS_PER_SESSION: usize = 3;

/// The live streams open, counted per staff session.
#[derive(Clone, Default)]
pub struct EventStreams(Arc<Mutex<HashMap<Id, usize>>>);

/// One open stream; closing it (dropping this) frees its place.
struct StreamSlot {
    streams: EventStreams,
    session: Id,
}

impl EventStreams {
    fn open(&self, session: Id) -> Option<StreamSlot> {
        let mut open = self.0.lock().ok()?;
        let count = open.entry(session).or_default();
        if *count >= STREAMS_PER_SESSION {
            return None;
        }
        *count += 1;
        Some(StreamSlot {
            streams: self.clone(),
            session,
        })
    }
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.streams.0.lock() {
            if let Some(count) = open.get_mut(&self.session) {
                *count -= 1;
                if *count == 0 {
                    open.remove(&self.session);
                }
            }
        }
    }
}

/// What the stream holds while it is open.
struct Live {
    changes: broadcast::Receiver<u64>,
    keep_alive: tokio::time::Interval,
    db: app::db::Db,
    _slot: StreamSlot,
}

/// Server-sent events: one `change` event whenever a submission or decision changes the
/// figures. At each keep-alive the session is checked again: the stream ends once it has
/// ended (signed out, expired, password changed) or the account was deactivated. Browsers
/// reconnect by themselves (after a second, as `retry` asks), so the dashboard keeps updating
/// across a server restart.
async fn events(State(state): State<AppState>, session: Session) -> Response {
    if let Err(refusal) = signed_in(&state, &session).await {
        return refusal;
    }
    let Some(id) = session.id() else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let Some(slot) = state.streams.open(id) else {
        return (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "30")]).into_response();
    };
    let hello = Event::default()
        .event("hello")
        .retry(Duration::from_secs(1))
        .data(state.changes.generation().to_string());
    let period = state.settings.keep_alive;
    let live = Live {
        changes: state.changes.subscribe(),
        keep_alive: tokio::time::interval_at(tokio::time::Instant::now() + period, period),
        db: state.db.clone(),
        _slot: slot,
    };
    let updates = stream::unfold(live, move |mut live| async move {
        tokio::select! {
            message = live.changes.recv() => {
                let generation = match message {
                    Ok(generation) => generation.to_string(),
                    // Some changes were missed: one event says the same.
                    Err(RecvError::Lagged(_)) => "lagged".to_owned(),
                    Err(RecvError::Closed) => return None,
                };
                let event = Event::default().event("change").data(generation);
                Some((Ok::<_, Infallible>(event), live))
            }
            _ = live.keep_alive.tick() => {
                match auth::session_still_valid(&live.db, &id).await {
                    Ok(true) => Some((Ok(Event::default().comment("")), live)),
                    _ => None,
                }
            }
        }
    });
    Sse::new(stream::once(async move { Ok(hello) }).chain(updates)).into_response()
}

/// The name and value pairs of a request's query string.
pub(crate) fn query_pairs(parts: &http::request::Parts) -> Vec<(String, String)> {
    form_urlencoded::parse(parts.uri.query().unwrap_or_default().as_bytes())
        .into_owned()
        .collect()
}

/// How much CSV is gathered before it is sent on.
const CHUNK_BYTES: usize = 32 * 1024;
/// Exports running at once: each holds a database connection while it streams.
static EXPORTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);
/// A client that stops reading for this long loses its export (and its connection).
const STALLED: Duration = Duration::from_secs(30);

/// The current filtered list as CSV, every row of the staff member's scope, streamed: rows
/// go out as the database yields them, so memory stays flat whatever the size.
async fn export(State(state): State<AppState>, session: Session, request: Request) -> Response {
    let staff = match signed_in(&state, &session).await {
        Ok(staff) => staff,
        Err(refusal) => return refusal,
    };
    if !staff.reads_applications() {
        return StatusCode::FORBIDDEN.into_response();
    }
    let (parts, _) = request.into_parts();
    let pairs = query_pairs(&parts);
    let get = |name: &str| {
        pairs
            .iter()
            .any(|(n, _)| n == name)
            .then(|| app::registration::steps::first_of(&pairs, name).to_owned())
    };
    let filters = Filters::from_query(get);
    let mut format = ExportFormat::new(
        &get("sep").unwrap_or_default(),
        app::i18n::request_lang(&parts),
    );
    let query = match export_query(state.db.backend(), &staff, &filters) {
        Ok(query) => query,
        Err(_) => return StatusCode::FORBIDDEN.into_response(),
    };
    let Ok(permit) = EXPORTS.try_acquire() else {
        return (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, "30")],
            "another export is running: try again in a moment",
        )
            .into_response();
    };
    if record_export(&state.db, &staff, &filters, client_ip(&parts))
        .await
        .is_err()
    {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let (sender, receiver) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    let db = state.db.clone();
    tokio::spawn(async move {
        let _permit = permit;
        // A byte-order mark, so spreadsheet programs read the Arabic names as UTF-8.
        let separator = format.separator;
        let writer_of = |buffer: Vec<u8>| {
            csv::WriterBuilder::new()
                .delimiter(separator)
                .from_writer(buffer)
        };
        let mut writer = writer_of(b"\xEF\xBB\xBF".to_vec());
        let mut failed = writer.write_record(format.header()).is_err();
        let mut rows = query.query().fetch(db.pool());
        while !failed {
            let row = match rows.try_next().await {
                Ok(Some(row)) => row,
                Ok(None) => break,
                Err(error) => {
                    tracing::error!(%error, "export stopped");
                    failed = true;
                    break;
                }
            };
            let Ok(record) = export_record(&row, &mut format) else {
                failed = true;
                break;
            };
            failed = writer.write_record(&record).is_err();
            if writer.get_ref().len() >= CHUNK_BYTES {
                let Ok(chunk) = writer.into_inner() else {
                    let _ = sender
                        .send(Err(std::io::Error::other("the export failed")))
                        .await;
                    return;
                };
                writer = writer_of(Vec::with_capacity(CHUNK_BYTES * 2));
                match tokio::time::timeout(STALLED, sender.send(Ok(Bytes::from(chunk)))).await {
                    Ok(Ok(())) => {}
                    // The client went away, or stopped reading.
                    _ => return,
                }
            }
        }
        if failed {
            let _ = sender
                .send(Err(std::io::Error::other("the export failed")))
                .await;
            return;
        }
        match writer.into_inner() {
            Ok(rest) => {
                let _ = sender.send(Ok(Bytes::from(rest))).await;
            }
            Err(_) => {
                let _ = sender
                    .send(Err(std::io::Error::other("the export failed")))
                    .await;
            }
        }
    });
    let today = app::registration::service::today();
    let filename = format!(
        "jisr-applications-{}.csv",
        app::registration::fields::iso_date(today)
    );
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        Body::from_stream(ReceiverStream::new(receiver)),
    )
        .into_response()
}
