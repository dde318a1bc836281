//! Jisr's server: configuration, the router, and the command-line tasks.

pub mod admin;
pub mod config;
pub mod health;
pub mod help;
pub mod lang;
pub mod partner_api;
pub mod quick_exit;
pub mod report;
pub mod routes;
pub mod schema;
pub mod security;
pub mod seed;
pub mod state;
pub mod telemetry;
pub mod wizard;

use anyhow::Context;
use app::admin::{
    auth::{self, SignInLimiter},
    passwords,
    roles::Role,
    sessions::DbSessionStore,
    staff::repo::{self as staff_repo, Created, NewStaff},
};
use app::changes::Changes;
use app::db::Db;
use app::keys::ServerKeys;
use app::registration::service::{
    purge_expired_drafts, LookupLimiter, RegistrationLimiter, WizardSettings,
};
use config::{Cli, Command, ServeArgs};
use state::{AppState, Settings, Shared};
use std::sync::Arc;

/// Runs what the command line asks for.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    if matches!(cli.command, Some(Command::Openapi)) {
        println!("{}", partner_api::document().to_pretty_json()?);
        return Ok(());
    }
    let db = Db::connect(cli.database_url.expose())
        .await
        .with_context(|| format!("cannot open the database {}", cli.database_url))?;
    db.migrate()
        .await
        .context("cannot bring the database schema up to date")?;
    let filled = app::registration::service::fill_submitted_days(&db)
        .await
        .context("cannot give the applications stored before migration 0006 their day")?;
    if filled > 0 {
        tracing::info!(applications = filled, "days in Morocco worked out");
    }
    let result = match cli.command.unwrap_or_default() {
        Command::Serve => serve(db.clone(), cli.serve).await,
        // Answered above, before the database is opened.
        Command::Openapi => Ok(()),
        Command::Migrate => {
            tracing::info!(database = %cli.database_url, "schema is up to date");
            Ok(())
        }
        Command::CreateAdmin { email, name } => create_admin(&db, &email, &name).await,
        Command::PartnerKey {
            by,
            name,
            region,
            days,
        } => partner_key(&db, &by, &name, &region, days).await,
        Command::Seed {
            applications,
            staff_password,
            seed,
            add_to_existing,
            enrolled,
        } => {
            seed::run_with(
                &db,
                seed::Options {
                    applications,
                    staff_password,
                    seed,
                    add_to_existing,
                    enrolled,
                },
            )
            .await
        }
    };
    db.close().await;
    result
}

async fn serve(db: Db, args: ServeArgs) -> anyhow::Result<()> {
    let mut leptos_options = leptos::config::get_configuration(None)
        .context("cannot read the Leptos configuration")?
        .leptos_options;
    if leptos_options.output_name.is_empty() {
        // Built without cargo-leptos (plain `cargo run`); the name the site files are built with.
        leptos_options.output_name = "jisr".into();
    }
    if let Some(site_root) = &args.site_root {
        leptos_options.site_root = site_root.as_str().into();
    }
    leptos_options.site_addr = args.addr;
    if !leptos_options.hash_files {
        // cargo-leptos names the site's files after their hashes and lists them beside the
        // binary; it tells only the processes it starts, so look for the list.
        leptos_options.hash_files = std::env::current_exe()
            .ok()
            .and_then(|exe| Some(exe.parent()?.join(&*leptos_options.hash_file)))
            .is_some_and(|list| list.exists());
    }

    let keys = ServerKeys::load_or_create(&db)
        .await
        .map_err(|e| anyhow::anyhow!("cannot read or make the server's keys: {e}"))?;
    let registrations = RegistrationLimiter::per_hour(args.registrations_per_hour);
    let help = help::load(args.helpline.as_deref(), args.centres_file.as_deref())?;
    let state = AppState::from(Shared {
        leptos_options,
        db: db.clone(),
        settings: Arc::new(Settings {
            secure_cookies: args.secure_cookies,
            quick_exit_url: args.quick_exit_url,
            wizard: WizardSettings {
                secure_cookies: args.secure_cookies,
                draft_ttl_secs: i64::from(args.draft_days) * 86_400,
                keys,
                registrations: registrations.clone(),
            },
            trusted_proxies: args.trusted_proxies,
            allowed_origins: args.allowed_origins,
            help,
            partner_calls_per_minute: args.partner_calls_per_minute,
            ..Settings::default()
        }),
        lookups: LookupLimiter::per_minute(args.lookups_per_minute),
        sign_ins: SignInLimiter::per_minute(args.sign_ins_per_minute),
        changes: Changes::default(),
        streams: admin::EventStreams::default(),
    });
    if let Some((email, password)) = staff_repo::ensure_first_admin(&db)
        .await
        .map_err(|e| anyhow::anyhow!("cannot create the first administrator: {e}"))?
    {
        // Shown once, here: only its hash is kept.
        println!(
            "\nNo staff account existed: a national administrator was created.\n  \
             sign in at http://{}/admin\n  e-mail:   {email}\n  password: {password}\n  \
             (shown once; create your own accounts from the console)\n",
            args.addr
        );
    }
    // The decoy hash that unknown e-mails are checked against, made now rather than on the
    // first unknown e-mail (which would take twice as long as a wrong password).
    std::sync::LazyLock::force(&passwords::DUMMY_HASH);
    tokio::spawn(purge_hourly(
        db,
        state.sign_ins.clone(),
        state.lookups.clone(),
        registrations,
    ));
    let app = routes::router(state, routes::page_routes());
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("cannot listen on {}", args.addr))?;
    let addr = listener.local_addr()?;
    tracing::info!("listening on http://{addr}");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("the server stopped with an error")?;
    tracing::info!("stopped");
    Ok(())
}

/// `server partner-key`: a partners' API key, issued as a national administrator.
async fn partner_key(db: &Db, by: &str, name: &str, region: &str, days: u32) -> anyhow::Result<()> {
    use app::admin::partners::{repo, IssueReply};
    let staff = auth::active_staff_by_email(db, by)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .filter(|staff| staff.is_national_admin())
        .ok_or_else(|| anyhow::anyhow!("{by} is not an active national administrator"))?;
    let local = std::net::IpAddr::from([127, 0, 0, 1]);
    match repo::issue(db, &staff, name, region, &days.to_string(), local)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
    {
        IssueReply::Issued { key, .. } => {
            println!("{key}");
            Ok(())
        }
        IssueReply::Invalid(refusals) => {
            let fields: Vec<String> = refusals
                .into_iter()
                .map(|(field, key)| {
                    format!(
                        "{field}: {}",
                        app::admin::i18n::tr(app::i18n::Lang::Fr, &key)
                    )
                })
                .collect();
            anyhow::bail!("key not issued: {}", fields.join("; "))
        }
    }
}

/// `server create-admin`: a national administrator with a generated, temporary password.
async fn create_admin(db: &Db, email: &str, name: &str) -> anyhow::Result<()> {
    if !email_address::EmailAddress::is_valid(email.trim()) {
        anyhow::bail!("{email} is not an e-mail address");
    }
    let password = passwords::generate_password().map_err(|e| anyhow::anyhow!("{e}"))?;
    let new = NewStaff {
        email,
        name,
        role: Role::NationalAdmin,
        region: None,
        site: None,
        temporary: true,
        demo: false,
    };
    match staff_repo::create_staff(db, &new, password.clone())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
    {
        Created::Created(_) => {
            println!(
                "national administrator created\n  e-mail:   {}\n  password: {password}\n  \
                 (temporary: to be changed at first sign-in)",
                auth::normalise_email(email)
            );
            Ok(())
        }
        Created::EmailTaken => anyhow::bail!("a staff account with this e-mail already exists"),
    }
}

/// Deletes expired drafts, staff sessions and forgotten devices now, then every hour; the
/// limits forget the addresses that went quiet.
async fn purge_hourly(
    db: Db,
    sign_ins: SignInLimiter,
    lookups: LookupLimiter,
    registrations: RegistrationLimiter,
) {
    let sessions = DbSessionStore::new(db.clone());
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        sign_ins.forget_idle();
        lookups.0.forget_idle();
        registrations.forget_idle();
        if let Err(error) = auth::purge_old_devices(&db).await {
            tracing::warn!(%error, "could not forget old staff devices");
        }
        if let Err(error) = sessions.purge_expired().await {
            tracing::warn!(%error, "could not delete expired sessions");
        }
        match purge_expired_drafts(&db).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "expired drafts deleted"),
            Err(error) => tracing::warn!(%error, "could not delete expired drafts"),
        }
    }
}

/// Completes on Ctrl-C or SIGTERM, so requests in flight finish before the server exits.
async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
