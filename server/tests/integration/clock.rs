//! Morocco's clock and the database's day counters agree: an application's day is the one
//! Morocco lived when she submitted, during Ramadan (UTC) as on an ordinary night (UTC+1).

use crate::{
    helpers::TestApp,
    wizard::{identity, ELIGIBLE, PREFERENCES, PROJECT, RESIDENCE, SCHOOLING, SITUATION},
};
use app::{
    clock,
    i18n::Lang,
    registration::{
        answers::{read_application, Rules},
        service::{fill_submitted_days, store_application, NewApplication},
        steps::{apply_implied, raw_from_pairs, Raw},
    },
};
use sqlx::Row;
use time::macros::date;

fn at(text: &str) -> i64 {
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .unwrap()
        .unix_timestamp()
}

/// A complete application in region 01, with its own CIN: every step's answers as the
/// wizard's tests give them, and what the eligibility step implies.
pub(crate) fn answers(cin: &str) -> Raw {
    let mut pairs = ELIGIBLE.to_vec();
    pairs.extend(identity(cin, "06 12 34 56 78", "Fatima"));
    for step in [RESIDENCE, SITUATION, SCHOOLING, PROJECT, PREFERENCES] {
        pairs.extend_from_slice(step);
    }
    pairs.push(("consent", "yes"));
    let mut raw = raw_from_pairs(pairs.into_iter().map(|(n, v)| (n.to_owned(), v.to_owned())));
    apply_implied(&mut raw);
    raw
}

/// The rules [`answers`] are read with: every region, and region 01's provinces.
pub(crate) async fn rules(app: &TestApp) -> Rules {
    let provinces = sqlx::query("select id from provinces where region_code = '01'")
        .fetch_all(app.db.pool())
        .await
        .unwrap();
    Rules {
        today: clock::today(),
        regions: (1..=12).map(|n| format!("{n:02}")).collect(),
        provinces: provinces.iter().map(|r| r.get("id")).collect(),
    }
}

async fn submit_at(app: &TestApp, cin: &str, submitted_at: i64) {
    let rules = rules(app).await;
    let raw = answers(cin);
    let application = read_application(&raw, &rules).unwrap();
    store_application(
        &app.db,
        &NewApplication {
            application: &application,
            answers: &raw,
            idempotency_key: cin,
            lang: Lang::Fr,
            consented_at: submitted_at,
            submitted_at,
            draft_token: None,
            entered_by: None,
            client_key: None,
        },
    )
    .await
    .unwrap();
}

/// The days the counters hold for region 01, as dates, with their counts.
async fn counted_days(app: &TestApp) -> Vec<(time::Date, i64)> {
    let rows = sqlx::query(
        "select day, n from daily_submissions where region_code = '01' and n > 0 order by day",
    )
    .fetch_all(app.db.pool())
    .await
    .unwrap();
    rows.iter()
        .map(|r| (clock::date_of_day(r.get("day")), r.get("n")))
        .collect()
}

#[tokio::test]
async fn the_day_counters_count_each_application_on_the_day_morocco_lived() {
    let app = TestApp::spawn().await;
    // Half past eleven at night, UTC: still 20 February in Ramadan (Morocco on UTC), already
    // 11 January on an ordinary winter night (UTC+1).
    let ramadan = at("2026-02-20T23:30:00Z");
    let winter = at("2026-01-10T23:30:00Z");
    submit_at(&app, "BK100001", ramadan).await;
    submit_at(&app, "BK100002", winter).await;
    assert_eq!(clock::local_date(ramadan), date!(2026 - 02 - 20));
    assert_eq!(clock::local_date(winter), date!(2026 - 01 - 11));
    assert_eq!(
        counted_days(&app).await,
        [(date!(2026 - 01 - 11), 1), (date!(2026 - 02 - 20), 1)]
    );

    // An application stored before the day was kept (migration 0006) gets it when the
    // server starts, and the counters follow.
    sqlx::query("update applications set submitted_day = null where cin = 'BK100001'")
        .execute(app.db.pool())
        .await
        .unwrap();
    assert_eq!(counted_days(&app).await, [(date!(2026 - 01 - 11), 1)]);
    assert_eq!(fill_submitted_days(&app.db).await.unwrap(), 1);
    assert_eq!(fill_submitted_days(&app.db).await.unwrap(), 0);
    assert_eq!(
        counted_days(&app).await,
        [(date!(2026 - 01 - 11), 1), (date!(2026 - 02 - 20), 1)]
    );
}
