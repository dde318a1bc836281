use crate::helpers::TestApp;
use app::safety::EXIT_PATH;

#[tokio::test]
async fn every_page_has_the_quick_exit_through_the_server() {
    let app = TestApp::spawn().await;
    for path in ["/", "/register", "/missing"] {
        let page = app.get_with(path, &[("cookie", "jisr_lang=fr")]).await;
        let link = page
            .body
            .split("<a ")
            .find(|tag| tag.contains(r#"class="quick-exit""#))
            .and_then(|tag| tag.split('>').next())
            .unwrap_or_else(|| panic!("{path} has a quick exit"));
        assert!(
            link.contains(&format!(r#"href="{EXIT_PATH}""#)),
            "{path}: {link}"
        );
        assert!(page.body.contains("Quitter vite"), "{path}");
    }
    let arabic = app.get("/").await;
    assert!(arabic.body.contains("خروج سريع"));
}
