use crate::helpers::TestApp;
use app::safety::QuickExitUrl;

#[tokio::test]
async fn every_page_has_the_quick_exit_to_the_neutral_site() {
    let app = TestApp::spawn().await;
    let neutral = QuickExitUrl::default().0;
    for path in ["/", "/register", "/missing"] {
        let page = app.get_with(path, &[("cookie", "jisr_lang=fr")]).await;
        let link = page
            .body
            .split("<a ")
            .find(|tag| tag.contains(r#"class="quick-exit""#))
            .and_then(|tag| tag.split('>').next())
            .unwrap_or_else(|| panic!("{path} has a quick exit"));
        assert!(
            link.contains(&format!(r#"href="{neutral}""#)),
            "{path}: {link}"
        );
        assert!(page.body.contains("Quitter vite"), "{path}");
        assert!(
            page.body.contains(&format!(
                r#"<meta name="jisr-quick-exit" content="{neutral}""#
            )),
            "{path}: the browser reads the address back from the page"
        );
    }
    let arabic = app.get("/").await;
    assert!(arabic.body.contains("خروج سريع"));
}
