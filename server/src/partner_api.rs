//! The partners' API, `/api/partner/v1/` (issue 14): JSON for partners' own systems, opened by
//! a key a national administrator issued (`app::admin::partners`), sent as
//! `Authorization: Bearer <key>`. Each call is limited per key ([`CALLS_PER_MINUTE`], then 429
//! with `Retry-After`) and recorded in the audit log with the key's id. Every refusal has the
//! same JSON shape ([`ErrorBody`]). Its OpenAPI document is generated from this file
//! ([`PartnerApi`]), served at [`OPENAPI_PATH`], and kept in the repository
//! (`server/openapi/partner-v1.json`, compared by a test; `server openapi` prints it).
//!
//! What it serves: the report's indicators and axes, with their names and definitions in
//! French and Arabic; and each indicator's figures, split by up to two axes, over the country
//! or one region, as partners read them in the console (`app::admin::report::partner`): as
//! they stood when the month began, with small numbers protected.

use crate::state::AppState;
use app::admin::{
    i18n::tr,
    partners::repo::{authorise, record_call, PartnerScope},
    report::{partner as figures, suppression::Shown, Axis, Indicator, Key},
};
use app::{client::client_ip, i18n::Lang};
use axum::{
    extract::{Path, RawQuery, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{any, get},
    Extension, Json, Router,
};
use governor::{clock::Clock, DefaultKeyedRateLimiter, Quota, RateLimiter};
use serde::{Deserialize, Serialize};
use std::{num::NonZeroU32, sync::Arc};
use utoipa::{
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
    Modify, OpenApi, ToSchema,
};

pub const BASE: &str = "/api/partner/v1";
pub const OPENAPI_PATH: &str = "/api/partner/v1/openapi.json";
const INDICATORS_PATH: &str = "/api/partner/v1/indicators";
const FIGURES_PATH: &str = "/api/partner/v1/indicators/{indicator}/figures";

/// Calls one key may make in a minute, unless the server is told otherwise
/// (`--partner-calls-per-minute`): a burst of as many, then one each second.
pub const CALLS_PER_MINUTE: u32 = 60;

type Limiter = DefaultKeyedRateLimiter<i64>;

/// The API's routes, with the limiter their keys share: `per_minute` calls a key.
pub fn routes(per_minute: NonZeroU32) -> Router<AppState> {
    let limiter: Arc<Limiter> = Arc::new(RateLimiter::keyed(Quota::per_minute(per_minute)));
    Router::new()
        .route(
            INDICATORS_PATH,
            get(indicators).fallback(method_not_allowed),
        )
        .route(
            FIGURES_PATH,
            get(indicator_figures).fallback(method_not_allowed),
        )
        .route(OPENAPI_PATH, get(openapi).fallback(method_not_allowed))
        .route(BASE, any(not_found))
        .route(&format!("{BASE}/"), any(not_found))
        .route(&format!("{BASE}/{{*rest}}"), any(not_found))
        .layer(Extension(limiter))
}

/// The API's document, as served and as kept in the repository.
pub fn document() -> utoipa::openapi::OpenApi {
    PartnerApi::openapi()
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Jisr partner API",
        version = "1",
        description = "Figures of the programme for women's economic empowerment and leadership, for its partners' systems. Never a person. Opened by a key issued by a national administrator, sent as `Authorization: Bearer <key>`; each key may make 60 calls a minute."
    ),
    paths(indicators, indicator_figures),
    components(schemas(IndicatorList, IndicatorDoc, AxisDoc, Names, Scope, ErrorBody, ErrorDetail, FigureTable, Split, AxisValue, Figure, Withheld, Suppressed, AxisId)),
    modifiers(&PartnerKeyScheme),
    tags((name = "indicators", description = "What the programme counts"))
)]
pub struct PartnerApi;

struct PartnerKeyScheme;

impl Modify for PartnerKeyScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "partner_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A partner key, issued in the console (jisr_pk_…)"))
                    .build(),
            ),
        );
    }
}

/// A text in the programme's two languages.
#[derive(Serialize, ToSchema)]
pub struct Names {
    pub fr: String,
    pub ar: String,
}

impl Names {
    fn of(key: &str) -> Names {
        Names {
            fr: tr(Lang::Fr, key),
            ar: tr(Lang::Ar, key),
        }
    }
}

/// One indicator of the report.
#[derive(Serialize, ToSchema)]
pub struct IndicatorDoc {
    /// Its id, as the report and the exports name it.
    #[schema(example = "accepted")]
    pub id: String,
    pub name: Names,
    pub definition: Names,
}

/// An axis the report's figures may be split by.
#[derive(Serialize, ToSchema)]
pub struct AxisDoc {
    #[schema(example = "region")]
    pub id: String,
    pub name: Names,
}

/// What the key reads.
#[derive(Serialize, ToSchema)]
pub struct Scope {
    /// The region's code; null for the whole country.
    #[schema(example = "06")]
    pub region: Option<String>,
}

/// The indicators and axes of the report.
#[derive(Serialize, ToSchema)]
pub struct IndicatorList {
    /// When this answer was made (RFC 3339, UTC).
    #[schema(example = "2026-12-07T20:30:00Z")]
    pub data_as_of: String,
    pub scope: Scope,
    pub indicators: Vec<IndicatorDoc>,
    pub axes: Vec<AxisDoc>,
}

/// Every refusal's shape.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// What went wrong, for programs: `invalid_key`, `rate_limited`, `not_found`,
    /// `unknown_indicator`, `invalid_query`, `other_region`, `not_crossed`, `unknown_region`,
    /// `method_not_allowed`, `internal`.
    #[schema(example = "invalid_key")]
    pub code: String,
    /// The same, for people (English).
    pub message: String,
}

fn refusal(status: StatusCode, code: &str, message: &str) -> Response {
    let body = ErrorBody {
        error: ErrorDetail {
            code: code.to_owned(),
            message: message.to_owned(),
        },
    };
    let mut response = (status, Json(body)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn invalid_key() -> Response {
    let mut response = refusal(
        StatusCode::UNAUTHORIZED,
        "invalid_key",
        "Send a valid partner key as `Authorization: Bearer <key>`: this one is missing, \
         unknown, revoked or expired.",
    );
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer realm=\"jisr-partner\""),
    );
    response
}

fn internal() -> Response {
    refusal(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        "The server could not answer; try again later.",
    )
}

async fn not_found() -> Response {
    refusal(
        StatusCode::NOT_FOUND,
        "not_found",
        "No such operation: see /api/partner/v1/openapi.json.",
    )
}

async fn method_not_allowed() -> Response {
    let mut response = refusal(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "This operation is read with GET.",
    );
    response
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    response
}

async fn openapi() -> Response {
    let mut response = Json(document()).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// The key the request presents, checked, limited and recorded; or the refusal to send.
async fn partner(
    state: &AppState,
    limiter: &Limiter,
    request: &http::request::Parts,
) -> Result<PartnerScope, Response> {
    let presented = request
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        // The scheme's name is case-insensitive (RFC 9110): "Bearer", "bearer"...
        .and_then(|value| value.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, key)| key.trim())
        .unwrap_or_default();
    let scope = match authorise(&state.db, presented).await {
        Ok(Some(scope)) => scope,
        Ok(None) => return Err(invalid_key()),
        Err(error) => {
            tracing::error!(%error, "partner key not read");
            return Err(internal());
        }
    };
    if let Err(not_until) = limiter.check_key(&scope.key_id) {
        let wait = not_until.wait_time_from(governor::clock::DefaultClock::default().now());
        let mut response = refusal(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "Too many calls with this key: wait the seconds Retry-After says.",
        );
        let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
        return Err(response);
    }
    let client = client_ip(request);
    let asked = format!(
        "{} {}",
        request.method,
        request
            .uri
            .path_and_query()
            .map_or(request.uri.path(), |asked| asked.as_str())
    );
    if let Err(error) = record_call(&state.db, &scope, &asked, client).await {
        tracing::error!(%error, "partner call not recorded");
        return Err(internal());
    }
    Ok(scope)
}

/// The report's indicators and the axes their figures may be split by.
#[utoipa::path(
    get,
    path = "/api/partner/v1/indicators",
    tag = "indicators",
    security(("partner_key" = [])),
    responses(
        (status = 200, description = "The indicators and axes, with their names and definitions in French and Arabic", body = IndicatorList),
        (status = 401, description = "No key, or one unknown, revoked or expired", body = ErrorBody),
        (status = 429, description = "Too many calls with this key", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait before the next call"))),
        (status = 500, description = "The server could not answer", body = ErrorBody)
    )
)]
async fn indicators(
    State(state): State<AppState>,
    Extension(limiter): Extension<Arc<Limiter>>,
    request: http::request::Parts,
) -> Response {
    let scope = match partner(&state, &limiter, &request).await {
        Ok(scope) => scope,
        Err(refusal) => return refusal,
    };
    let list = IndicatorList {
        data_as_of: rfc3339(time::OffsetDateTime::now_utc().unix_timestamp()),
        scope: Scope {
            region: scope.region,
        },
        indicators: Indicator::ALL
            .iter()
            .map(|indicator| IndicatorDoc {
                id: indicator.code().to_owned(),
                name: Names::of(&indicator.label_key()),
                definition: Names::of(&indicator.definition_key()),
            })
            .collect(),
        axes: Axis::ALL
            .iter()
            .map(|axis| AxisDoc {
                id: axis.code().to_owned(),
                name: Names::of(&axis.label_key()),
            })
            .collect(),
    };
    // Kept by nobody (`Cache-Control: no-store`, `routes::cache_control`).
    Json(list).into_response()
}

/// What the figures are asked for.
#[derive(Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct FigureQuery {
    /// The axis of the rows (none: one row). Two axes are crossed among region, age_band,
    /// area, sector, stage, channel, education and (for `rejected`) reason; the province is
    /// read alone.
    #[param(inline, value_type = Option<AxisId>)]
    pub rows: Option<String>,
    /// The axis of the columns (none: one column).
    #[param(inline, value_type = Option<AxisId>)]
    pub columns: Option<String>,
    /// One region's figures (its code), within the key's scope; none: the key's scope.
    #[param(example = "06", pattern = "^[0-9]{2}$")]
    pub region: Option<String>,
}

/// An axis's id.
#[derive(ToSchema)]
#[allow(dead_code)]
#[schema(rename_all = "snake_case")]
pub enum AxisId {
    Region,
    Province,
    AgeBand,
    Area,
    Sector,
    Stage,
    Channel,
    Education,
    Reason,
}

/// One value of an axis.
#[derive(Serialize, ToSchema)]
pub struct AxisValue {
    #[schema(example = "06")]
    pub code: String,
    pub name: Names,
}

/// An axis the figures are split by, and its values in the figures' order.
#[derive(Serialize, ToSchema)]
pub struct Split {
    #[schema(example = "age_band")]
    pub axis: String,
    pub values: Vec<AxisValue>,
}

/// Why a figure is not given.
#[derive(Serialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum Withheld {
    /// It counts fewer than 5 women.
    #[serde(rename = "fewer_than_5")]
    FewerThan5,
    /// It would let one that counts fewer than 5 be computed back (it counts 5 or more).
    Secondary,
}

/// One figure: its value, or why it is withheld.
#[derive(Serialize, ToSchema)]
pub struct Figure {
    /// The number of women; null when withheld.
    pub value: Option<i64>,
    pub withheld: Option<Withheld>,
}

impl From<Shown> for Figure {
    fn from(shown: Shown) -> Figure {
        match shown {
            Shown::Value(n) => Figure {
                value: Some(n),
                withheld: None,
            },
            Shown::Small => Figure {
                value: None,
                withheld: Some(Withheld::FewerThan5),
            },
            Shown::Complement => Figure {
                value: None,
                withheld: Some(Withheld::Secondary),
            },
        }
    }
}

/// How many figures of the answer are withheld, and why.
#[derive(Serialize, ToSchema)]
pub struct Suppressed {
    pub fewer_than_5: usize,
    pub secondary: usize,
}

/// An indicator's figures: `cells[i][j]` counts the women of row `i` and column `j`.
#[derive(Serialize, ToSchema)]
pub struct FigureTable {
    pub indicator: IndicatorDoc,
    /// The last day counted (`yyyy-mm-dd`): the applications submitted up to that day,
    /// counted as they stood when the next month began.
    #[schema(example = "2026-11-30", format = Date)]
    pub data_as_of: String,
    /// When they were counted (RFC 3339, UTC). Partners' figures are counted once a month.
    #[schema(example = "2026-12-01T00:05:00Z")]
    pub counted_at: String,
    pub scope: Scope,
    /// The region the figures are of; null for the whole country.
    #[schema(example = "06")]
    pub region: Option<String>,
    pub rows: Option<Split>,
    pub columns: Option<Split>,
    pub cells: Vec<Vec<Figure>>,
    pub row_totals: Vec<Figure>,
    pub column_totals: Vec<Figure>,
    pub total: Figure,
    pub suppressed: Suppressed,
}

fn split(axis: Option<Axis>, keys: &[Key]) -> Option<Split> {
    axis.map(|axis| Split {
        axis: axis.code().to_owned(),
        values: keys
            .iter()
            .map(|key| AxisValue {
                code: key.code.clone(),
                name: Names {
                    fr: key.name_in(Lang::Fr),
                    ar: key.name_in(Lang::Ar),
                },
            })
            .collect(),
    })
}

/// A moment (Unix seconds) as RFC 3339, in UTC, to the second.
fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|at| {
            at.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// An indicator's figures, split by up to two axes, with small numbers protected: as they
/// stood when the month began, over the key's scope or one region of it.
#[utoipa::path(
    get,
    path = "/api/partner/v1/indicators/{indicator}/figures",
    tag = "indicators",
    security(("partner_key" = [])),
    params(
        ("indicator" = String, Path, description = "The indicator's id (see /indicators)", example = "accepted"),
        FigureQuery
    ),
    responses(
        (status = 200, description = "The figures; each one withheld says why", body = FigureTable),
        (status = 400, description = "A parameter that is not one, or an axis that is not one", body = ErrorBody),
        (status = 401, description = "No key, or one unknown, revoked or expired", body = ErrorBody),
        (status = 403, description = "A region outside the key's scope", body = ErrorBody),
        (status = 404, description = "No such indicator", body = ErrorBody),
        (status = 422, description = "Axes that are not crossed (the same twice, the province with another, two within one region, the reason for another indicator than rejected), or a region that is not one", body = ErrorBody),
        (status = 429, description = "Too many calls with this key", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait before the next call"))),
        (status = 500, description = "The server could not answer", body = ErrorBody)
    )
)]
async fn indicator_figures(
    State(state): State<AppState>,
    Extension(limiter): Extension<Arc<Limiter>>,
    Path(indicator): Path<String>,
    RawQuery(query): RawQuery,
    request: http::request::Parts,
) -> Response {
    let scope = match partner(&state, &limiter, &request).await {
        Ok(scope) => scope,
        Err(refusal) => return refusal,
    };
    let Some(indicator) = Indicator::from_code(&indicator) else {
        return refusal(
            StatusCode::NOT_FOUND,
            "unknown_indicator",
            "No such indicator: see /api/partner/v1/indicators.",
        );
    };
    let invalid = |message: &str| refusal(StatusCode::BAD_REQUEST, "invalid_query", message);
    let Ok(asked) = serde_urlencoded::from_str::<FigureQuery>(query.as_deref().unwrap_or(""))
    else {
        return invalid("The parameters are rows, columns and region, each at most once.");
    };
    let axis = |code: &Option<String>| match code.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(code) => Axis::from_code(code).map(Some).ok_or(()),
    };
    let (Ok(rows), Ok(columns)) = (axis(&asked.rows), axis(&asked.columns)) else {
        return invalid("rows and columns are axes' ids: see /api/partner/v1/indicators.");
    };
    // A region is two digits (a code that is not a region's is 422 below).
    if let Some(code) = &asked.region {
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return invalid("region is a region's code: two digits, such as 06.");
        }
    }
    let region = match (asked.region.as_deref(), &scope.region) {
        (None, within) => within.clone(),
        (Some(asked), None) => Some(asked.to_owned()),
        (Some(asked), Some(own)) if asked == own => Some(asked.to_owned()),
        (Some(_), Some(_)) => {
            return refusal(
                StatusCode::FORBIDDEN,
                "other_region",
                "This key reads one region's figures only.",
            )
        }
    };
    let answered = async {
        let snapshot = figures::snapshot(&state.db).await?;
        let cube = figures::cube(&state.db, &snapshot, indicator).await?;
        Ok::<_, app::error::AppError>((snapshot, cube))
    };
    let (snapshot, cube) = match answered.await {
        Ok(answered) => answered,
        Err(error) => {
            tracing::error!(?error, "partner figures not read");
            return internal();
        }
    };
    let at = match region.as_deref().map(|code| cube.region(code)) {
        None => None,
        Some(Some(at)) => Some(at),
        Some(None) => {
            return refusal(
                StatusCode::UNPROCESSABLE_ENTITY,
                "unknown_region",
                "No such region: regions' codes are 01 to 12.",
            )
        }
    };
    let Ok(answer) = cube.answer(rows, columns, at) else {
        return refusal(
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_crossed",
            "Two axes are crossed among region, age_band, area, sector, stage, channel, \
             education and reason, each once, over the country; a region's figures are split by one axis; \
             the reason splits rejections only.",
        );
    };
    let table = answer.table;
    let every = table
        .cells
        .iter()
        .flatten()
        .chain(&table.row_totals)
        .chain(&table.column_totals)
        .chain(std::iter::once(&table.total));
    let (mut fewer_than_5, mut secondary) = (0, 0);
    for shown in every {
        match shown {
            Shown::Small => fewer_than_5 += 1,
            Shown::Complement => secondary += 1,
            Shown::Value(_) => {}
        }
    }
    let figures = |shown: &[Shown]| shown.iter().map(|s| Figure::from(*s)).collect::<Vec<_>>();
    Json(FigureTable {
        indicator: IndicatorDoc {
            id: indicator.code().to_owned(),
            name: Names::of(&indicator.label_key()),
            definition: Names::of(&indicator.definition_key()),
        },
        data_as_of: snapshot.as_of(),
        counted_at: rfc3339(snapshot.taken_at),
        scope: Scope {
            region: scope.region,
        },
        region,
        rows: split(answer.rows, &answer.row_keys),
        columns: split(answer.columns, &answer.column_keys),
        cells: table.cells.iter().map(|row| figures(row)).collect(),
        row_totals: figures(&table.row_totals),
        column_totals: figures(&table.column_totals),
        total: table.total.into(),
        suppressed: Suppressed {
            fewer_than_5,
            secondary,
        },
    })
    .into_response()
}
