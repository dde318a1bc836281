//! The regions and provinces loaded by the migrations are exactly the reference files.

use crate::helpers::TestApp;
use sqlx::Row;

fn reference_rows(file: &str) -> Vec<Vec<String>> {
    let path = format!(
        "{}/../migrations/reference-data/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut reader = csv::Reader::from_path(path).expect("reference file");
    reader
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn the_twelve_regions_are_loaded_with_their_names_and_a_target_of_3000() {
    let app = TestApp::spawn().await;
    let rows = sqlx::query("select code, name_fr, name_ar, target from regions order by code")
        .fetch_all(app.db.pool())
        .await
        .unwrap();
    let loaded: Vec<Vec<String>> = rows
        .iter()
        .map(|r| vec![r.get("code"), r.get("name_fr"), r.get("name_ar")])
        .collect();
    assert_eq!(loaded, reference_rows("morocco-regions.csv"));
    assert_eq!(loaded.len(), 12);
    assert!(rows.iter().all(|r| r.get::<i64, _>("target") == 3000));
}

#[tokio::test]
async fn the_75_provinces_and_prefectures_are_loaded_in_their_regions() {
    let app = TestApp::spawn().await;
    let rows = sqlx::query("select region_code, kind, name_fr, name_ar from provinces order by id")
        .fetch_all(app.db.pool())
        .await
        .unwrap();
    let loaded: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.get("region_code"),
                r.get("kind"),
                r.get("name_fr"),
                r.get("name_ar"),
            ]
        })
        .collect();
    assert_eq!(loaded, reference_rows("morocco-provinces.csv"));
    assert_eq!(loaded.len(), 75);
}

#[tokio::test]
async fn a_province_must_belong_to_a_known_region() {
    let app = TestApp::spawn().await;
    let inserted = sqlx::query(
        "insert into provinces (id, region_code, kind, name_fr, name_ar) values (999, '99', 'province', 'X', 'X')",
    )
    .execute(app.db.pool())
    .await;
    assert!(
        inserted.is_err(),
        "foreign key enforced on {:?}",
        app.backend()
    );
}

#[tokio::test]
async fn a_target_cannot_be_negative() {
    let app = TestApp::spawn().await;
    let updated = app::reference::repo::set_region_target(&app.db, "01", -1).await;
    assert!(
        updated.is_err(),
        "check constraint enforced on {:?}",
        app.backend()
    );
}

#[tokio::test]
async fn the_regions_and_provinces_kept_by_the_wizard_are_the_database_s() {
    let app = TestApp::spawn().await;
    let places = app::reference::repo::places(&app.db).await.unwrap();
    assert_eq!(
        places.region_codes,
        (1..=12).map(|n| format!("{n:02}")).collect::<Vec<_>>()
    );
    let rows = sqlx::query("select id, region_code from provinces order by id")
        .fetch_all(app.db.pool())
        .await
        .unwrap();
    let mut kept: Vec<(i64, String)> = places
        .provinces
        .iter()
        .flat_map(|(region, provinces)| provinces.iter().map(|p| (p.id, region.clone())))
        .collect();
    kept.sort();
    let stored: Vec<(i64, String)> = rows
        .iter()
        .map(|row| (row.get("id"), row.get("region_code")))
        .collect();
    assert_eq!(kept, stored);
    assert!(places.provinces_of("99").is_empty());
}
