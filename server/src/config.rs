//! Command line and environment. Every setting has a default that works on a laptop.

use app::{
    client::TrustedProxies,
    registration::service::{LookupLimiter, RegistrationLimiter},
    safety::QuickExitUrl,
};
use clap::{Args, Parser, Subcommand};
use std::{fmt, net::SocketAddr, num::NonZeroU32};

#[derive(Debug, Parser)]
#[command(
    name = "server",
    version,
    about = "Jisr: the programme's registration and follow-up platform"
)]
pub struct Cli {
    /// Database: a `sqlite:` URL (the file is created) or a `postgres://` URL.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/jisr.db",
        global = true,
        hide_env_values = true
    )]
    pub database_url: DatabaseUrl,

    /// Log filter, in tracing's EnvFilter syntax (e.g. `debug`, `info,sqlx=warn`).
    #[arg(
        long,
        env = "JISR_LOG",
        default_value = "info,sqlx=warn",
        global = true
    )]
    pub log: String,

    #[command(flatten)]
    pub serve: ServeArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Default, Subcommand)]
pub enum Command {
    /// Serve the platform over HTTP (what runs when no command is given).
    #[default]
    Serve,
    /// Create the database or bring its schema up to date, then exit.
    Migrate,
    /// Issue a partners' API key as a national administrator (as the console's
    /// `/admin/partners` does); prints the key, shown this once.
    PartnerKey {
        /// The e-mail of the national administrator who issues it.
        #[arg(long)]
        by: String,
        /// Its name: the partner and the use.
        #[arg(long)]
        name: String,
        /// The region's code it reads; the whole country when not given.
        #[arg(long, default_value = "")]
        region: String,
        /// How many days it is valid (1 to 366).
        #[arg(long, default_value_t = 90)]
        days: u32,
    },
    /// Print the partners' API's OpenAPI document (JSON), as the server serves it at
    /// `/api/partner/v1/openapi.json`; touches no database.
    Openapi,
    /// Create a national administrator; prints a generated password, to be changed at first
    /// sign-in.
    CreateAdmin {
        /// The administrator's e-mail, used to sign in.
        #[arg(long)]
        email: String,
        /// The name shown in the console and the audit log.
        #[arg(long, default_value = "Administrateur national")]
        name: String,
    },
    /// Fill the database with realistic demo applications and staff accounts (one
    /// coordinator, reviewer and centre agent per region, a national administrator and a
    /// partner viewer).
    Seed {
        /// How many applications to generate.
        #[arg(long, default_value_t = 3000)]
        applications: u32,
        /// The demo staff accounts' password; generated and printed when not given.
        #[arg(long, env = "JISR_SEED_STAFF_PASSWORD", hide_env_values = true)]
        staff_password: Option<String>,
        /// Seed of the random generator, for the same data twice.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Add demo data to a database that already holds applications or staff accounts
        /// other than demo ones (refused otherwise).
        #[arg(long)]
        add_to_existing: bool,
        /// About how many of the applications are women enrolled in cohorts, each with up
        /// to a year of follow-up (sessions, attendance, visits, milestones, financing,
        /// surveys); about 3% when not given.
        #[arg(long)]
        enrolled: Option<u32>,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(
        long,
        env = "JISR_ADDR",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub addr: SocketAddr,

    /// Folder of the built site (CSS, JS, WASM, favicon); cargo-leptos's `target/site` by default.
    #[arg(long, env = "JISR_SITE_ROOT", global = true)]
    pub site_root: Option<String>,

    /// Mark cookies `Secure` (set when the platform is served over HTTPS). The variable takes
    /// true/false, 1/0, yes/no or on/off.
    #[arg(
        long,
        env = "JISR_SECURE_COOKIES",
        global = true,
        action = clap::ArgAction::SetTrue,
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    pub secure_cookies: bool,

    /// Where the applicant's quick exit leads: a neutral site, opened in place of Jisr's page.
    #[arg(
        long,
        env = "JISR_QUICK_EXIT_URL",
        global = true,
        default_value_t = QuickExitUrl::default(),
        value_parser = QuickExitUrl::parse
    )]
    pub quick_exit_url: QuickExitUrl,

    /// Days an unfinished registration (a draft) is kept after its last change; it is then
    /// deleted.
    #[arg(
        long,
        env = "JISR_DRAFT_DAYS",
        global = true,
        default_value_t = app::registration::service::DEFAULT_DRAFT_TTL_DAYS,
        value_parser = clap::value_parser!(u32).range(1..=365)
    )]
    pub draft_days: u32,

    /// Status lookups and resume attempts allowed per minute from one client address.
    #[arg(
        long,
        env = "JISR_LOOKUPS_PER_MINUTE",
        global = true,
        default_value_t = NonZeroU32::new(LookupLimiter::DEFAULT_PER_MINUTE).unwrap_or(NonZeroU32::MIN)
    )]
    pub lookups_per_minute: NonZeroU32,

    /// Staff sign-in attempts allowed per minute from one client address (each account is
    /// also locked after repeated wrong passwords).
    #[arg(
        long,
        env = "JISR_SIGN_INS_PER_MINUTE",
        global = true,
        default_value_t = NonZeroU32::new(app::admin::auth::SignInLimiter::DEFAULT_PER_MINUTE).unwrap_or(NonZeroU32::MIN)
    )]
    pub sign_ins_per_minute: NonZeroU32,

    /// Calls one partner API key may make in a minute (then 429 with `Retry-After`).
    #[arg(
        long,
        env = "JISR_PARTNER_CALLS_PER_MINUTE",
        global = true,
        default_value_t = NonZeroU32::new(crate::partner_api::CALLS_PER_MINUTE).unwrap_or(NonZeroU32::MIN)
    )]
    pub partner_calls_per_minute: NonZeroU32,

    /// Drafts started, and applications submitted, allowed per hour from one client address
    /// (centre agents signed in are not limited). A centre's shared connection registers many
    /// women in a morning: keep it generous.
    #[arg(
        long,
        env = "JISR_REGISTRATIONS_PER_HOUR",
        global = true,
        default_value_t = NonZeroU32::new(RegistrationLimiter::DEFAULT_PER_HOUR).unwrap_or(NonZeroU32::MIN)
    )]
    pub registrations_per_hour: NonZeroU32,

    /// The reverse proxies in front of the server, as addresses or networks separated by
    /// commas (`10.0.0.2,172.16.0.0/12`). Only a request from one of them has its
    /// `Forwarded` or `X-Forwarded-For` header read for the client's address; from anyone
    /// else the header is ignored. Empty: the TCP peer is the client.
    #[arg(
        long,
        env = "JISR_TRUSTED_PROXIES",
        global = true,
        default_value = "",
        value_parser = TrustedProxies::parse
    )]
    pub trusted_proxies: TrustedProxies,

    /// Origins, besides the one in each request's `Host`, that may send forms and server
    /// function calls (`https://jisr.social.gov.ma`), separated by commas: needed behind a
    /// proxy that rewrites `Host`. Any other origin is refused.
    #[arg(
        long,
        env = "JISR_ALLOWED_ORIGINS",
        global = true,
        default_value = "",
        value_parser = parse_origins
    )]
    pub allowed_origins: AllowedOrigins,

    /// The programme's helpline, shown on every public page (`0800 00 00 00`).
    #[arg(long, env = "JISR_HELPLINE", global = true)]
    pub helpline: Option<String>,

    /// The centres of each region, shown on the public pages and the confirmation: a CSV file
    /// whose first line is `region_code,name_fr,name_ar,address_fr,address_ar,phone`
    /// (see `config/centres.example.csv`).
    #[arg(long, env = "JISR_CENTRES_FILE", global = true)]
    pub centres_file: Option<String>,
}

/// Web origins (`scheme://host[:port]`), as browsers send them in `Origin`.
#[derive(Clone, Debug, Default)]
pub struct AllowedOrigins(pub Vec<String>);

fn parse_origins(list: &str) -> Result<AllowedOrigins, String> {
    list.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            let item = item.trim_end_matches('/');
            let rest = item
                .strip_prefix("https://")
                .or_else(|| item.strip_prefix("http://"))
                .ok_or_else(|| format!("{item}: an origin starts with https:// or http://"))?;
            if rest.is_empty() || rest.contains('/') {
                return Err(format!("{item}: an origin is a scheme and a host, no path"));
            }
            Ok(item.to_ascii_lowercase())
        })
        .collect::<Result<_, _>>()
        .map(AllowedOrigins)
}

/// A database URL. Shown without its password, so it can be logged.
#[derive(Clone)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for DatabaseUrl {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(DatabaseUrl(s.to_owned()))
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (base, query) = match self.0.split_once('?') {
            Some((base, query)) => (base, Some(query)),
            None => (self.0.as_str(), None),
        };
        // scheme://user:password@host/db -> scheme://user:***@host/db
        match (base.find("://"), base.rfind('@')) {
            (Some(scheme_end), Some(at)) if at > scheme_end => {
                let credentials = &base[scheme_end + 3..at];
                match credentials.find(':') {
                    Some(colon) => write!(
                        f,
                        "{}{}:***{}",
                        &base[..scheme_end + 3],
                        &credentials[..colon],
                        &base[at..]
                    )?,
                    None => f.write_str(base)?,
                }
            }
            _ => f.write_str(base)?,
        }
        // ...?password=secret&sslmode=require -> ...?password=***&sslmode=require
        if let Some(query) = query {
            let hidden: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((key, _)) if key.to_ascii_lowercase().contains("password") => {
                        format!("{key}=***")
                    }
                    _ => pair.to_owned(),
                })
                .collect();
            write!(f, "?{}", hidden.join("&"))?;
        }
        Ok(())
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_password_never_reaches_the_logs() {
        let url: DatabaseUrl = "postgres://jisr:s3cret@db.example:5432/jisr"
            .parse()
            .unwrap();
        assert_eq!(url.to_string(), "postgres://jisr:***@db.example:5432/jisr");
        assert!(!format!("{url:?}").contains("s3cret"));
        assert_eq!(url.expose(), "postgres://jisr:s3cret@db.example:5432/jisr");
    }

    #[test]
    fn a_password_in_the_query_is_hidden_too() {
        let url: DatabaseUrl = "postgres://jisr@db/jisr?password=s3cret&sslmode=require"
            .parse()
            .unwrap();
        assert_eq!(
            url.to_string(),
            "postgres://jisr@db/jisr?password=***&sslmode=require"
        );
    }

    #[test]
    fn the_help_never_shows_the_database_url_from_the_environment() {
        use clap::CommandFactory;
        let command = Cli::command();
        let arg = command
            .get_arguments()
            .find(|a| a.get_id() == "database_url")
            .unwrap();
        assert!(arg.is_hide_env_values_set());
    }

    #[test]
    fn the_quick_exit_must_be_a_web_address() {
        let cli = Cli::try_parse_from(["server", "--quick-exit-url", "https://example.org/"]);
        assert_eq!(cli.unwrap().serve.quick_exit_url.0, "https://example.org/");
        assert!(
            Cli::try_parse_from(["server", "--quick-exit-url", "javascript:alert(1)"]).is_err()
        );
    }

    #[test]
    fn a_url_without_password_is_shown_as_is() {
        let url: DatabaseUrl = "sqlite://data/jisr.db".parse().unwrap();
        assert_eq!(url.to_string(), "sqlite://data/jisr.db");
    }

    #[test]
    fn no_command_means_serve_on_the_laptop_address() {
        let cli = Cli::try_parse_from(["server"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.serve.addr.to_string(), "127.0.0.1:3000");
    }

    #[test]
    fn serve_flags_go_before_or_after_the_command() {
        let cli = Cli::try_parse_from(["server", "serve", "--addr", "127.0.0.1:4000"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Serve)));
        assert_eq!(cli.serve.addr.to_string(), "127.0.0.1:4000");
        let cli = Cli::try_parse_from(["server", "--addr", "0.0.0.0:8080"]).unwrap();
        assert_eq!(cli.serve.addr.to_string(), "0.0.0.0:8080");
    }

    #[test]
    fn proxies_and_origins_are_read_from_lists() {
        let cli = Cli::try_parse_from([
            "server",
            "--trusted-proxies",
            "10.0.0.2, 172.16.0.0/12",
            "--allowed-origins",
            "https://Jisr.example.ma/,http://localhost:3000",
        ])
        .unwrap();
        assert!(cli
            .serve
            .trusted_proxies
            .contains("172.20.1.1".parse().unwrap()));
        assert!(!cli
            .serve
            .trusted_proxies
            .contains("10.0.0.3".parse().unwrap()));
        assert_eq!(
            cli.serve.allowed_origins.0,
            ["https://jisr.example.ma", "http://localhost:3000"]
        );
        assert!(Cli::try_parse_from(["server", "--trusted-proxies", "proxy"]).is_err());
        assert!(Cli::try_parse_from(["server", "--allowed-origins", "jisr.ma"]).is_err());
        assert!(Cli::try_parse_from(["server", "--allowed-origins", "https://jisr.ma/x"]).is_err());
        let default = Cli::try_parse_from(["server"]).unwrap();
        assert!(default.serve.trusted_proxies.is_empty());
        assert!(default.serve.allowed_origins.0.is_empty());
    }

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
