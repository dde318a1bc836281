//! What the HTTP benchmarks share: a client session that keeps cookies, and the figures.
// Each benchmark uses its own part of what is here.
#![allow(dead_code)]

use anyhow::{bail, Context};
use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::{
    client::legacy::{connect::HttpConnector, Client},
    rt::TokioExecutor,
};
use std::{
    collections::BTreeMap,
    time::{Duration, Instant},
};

pub type HttpClient = Client<HttpConnector, Full<Bytes>>;

/// A client keeping up to `connections` idle connections to the server.
pub fn client(connections: usize) -> HttpClient {
    Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(connections)
        .build_http()
}

pub struct Session {
    pub client: HttpClient,
    pub base: String,
    pub cookies: BTreeMap<String, String>,
    /// A partner key, sent as `Authorization: Bearer <key>`.
    pub bearer: Option<String>,
}

/// An answer as a browser gets it, before it follows a redirect.
pub struct Answer {
    pub status: http::StatusCode,
    pub location: Option<String>,
    pub body: Bytes,
}

impl Session {
    /// Sends one request with the session's cookies and keeps the ones the answer sets.
    pub async fn send(
        &mut self,
        method: http::Method,
        path: &str,
        content_type: Option<&str>,
        accept: &str,
        body: String,
    ) -> anyhow::Result<Answer> {
        let cookie = self
            .cookies
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let mut request = http::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base))
            .header(http::header::ACCEPT, accept)
            // As Chromium asks: the server compresses what it sends, and that is part of its work.
            .header(http::header::ACCEPT_ENCODING, "gzip, deflate, br, zstd")
            .header(http::header::COOKIE, cookie);
        if let Some(content_type) = content_type {
            request = request.header(http::header::CONTENT_TYPE, content_type);
        }
        if let Some(key) = &self.bearer {
            request = request.header(http::header::AUTHORIZATION, format!("Bearer {key}"));
        }
        let response = self
            .client
            .request(request.body(Full::new(Bytes::from(body)))?)
            .await?;
        for value in response.headers().get_all(http::header::SET_COOKIE) {
            let cookie = cookie::Cookie::parse(value.to_str()?.to_owned())?;
            if cookie.max_age().is_some_and(|age| age.is_zero()) {
                self.cookies.remove(cookie.name());
            } else {
                self.cookies
                    .insert(cookie.name().to_owned(), cookie.value().to_owned());
            }
        }
        let status = response.status();
        let location = response
            .headers()
            .get(http::header::LOCATION)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let brotli = response
            .headers()
            .get(http::header::CONTENT_ENCODING)
            .is_some_and(|value| value == "br");
        let mut body = response.into_body().collect().await?.to_bytes();
        if brotli {
            let mut plain = Vec::with_capacity(body.len() * 4);
            brotli_decompressor::BrotliDecompress(&mut &body[..], &mut plain)?;
            body = Bytes::from(plain);
        }
        Ok(Answer {
            status,
            location,
            body,
        })
    }

    /// Calls a server function and reads its JSON answer.
    pub async fn post(
        &mut self,
        path: &str,
        content_type: &str,
        body: String,
    ) -> anyhow::Result<serde_json::Value> {
        let answer = self
            .send(
                http::Method::POST,
                path,
                Some(content_type),
                "application/json",
                body,
            )
            .await?;
        if !answer.status.is_success() {
            bail!(
                "{path}: {}: {}",
                answer.status,
                String::from_utf8_lossy(&answer.body)
            );
        }
        Ok(serde_json::from_slice(&answer.body)?)
    }
}

/// The server process's CPU time so far (user and system), from `/proc/<pid>/stat`.
pub fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // Linux counts these in USER_HZ, 100 a second wherever the kernel is built.
    Some(Duration::from_millis(ticks * 10))
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn peak_memory_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|line| line.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// The applicants' pages and the wizard's data, timed one after another on a fresh visitor's
/// session (`samples` each): what each costs should not grow with the applications stored.
pub async fn time_applicant_pages(
    client: &HttpClient,
    base: &str,
    samples: usize,
) -> anyhow::Result<Vec<(&'static str, Duration)>> {
    let mut session = Session {
        client: client.clone(),
        base: base.to_owned(),
        cookies: BTreeMap::new(),
        bearer: None,
    };
    let mut figures = Vec::new();
    for (name, path) in [
        ("landing page /", "/"),
        ("first step /register/eligibility", "/register/eligibility"),
        ("status lookup page /status", "/status"),
        ("wizard data (server function)", "/api/wizard/view"),
    ] {
        let mut latencies = Vec::with_capacity(samples);
        for _ in 0..samples {
            let begun = std::time::Instant::now();
            let answer = if path.starts_with("/api/") {
                session
                    .send(
                        http::Method::POST,
                        path,
                        Some("application/x-www-form-urlencoded"),
                        "application/json",
                        String::new(),
                    )
                    .await?
            } else {
                session
                    .send(http::Method::GET, path, None, "text/html", String::new())
                    .await?
            };
            if !answer.status.is_success() {
                bail!("{path}: {}", answer.status);
            }
            latencies.push(begun.elapsed());
        }
        latencies.sort();
        figures.push((name, percentile(&latencies, 0.5)));
    }
    Ok(figures)
}

pub const FORM: &str = "application/x-www-form-urlencoded";
pub const JSON: &str = "application/json";

/// A staff member's session, signed in through the console's server function.
pub async fn signed_in(base: &str, email: &str, password: &str) -> anyhow::Result<Session> {
    let mut session = Session {
        client: client(1),
        base: base.to_owned(),
        cookies: BTreeMap::new(),
        bearer: None,
    };
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("email", email)
        .append_pair("password", password)
        .finish();
    let reply = session.post("/api/admin/sign-in", FORM, body).await?;
    if reply.get("SignedIn").is_none() {
        bail!("{email} could not sign in: {reply}");
    }
    Ok(session)
}

/// Prints a call's p50 and p95.
pub fn report(name: &str, mut latencies: Vec<Duration>) {
    latencies.sort();
    println!(
        "  {name:<52} p50 {:>7.1} ms   p95 {:>7.1} ms",
        ms(percentile(&latencies, 0.5)),
        ms(percentile(&latencies, 0.95))
    );
}

/// Times `samples` calls of one server function.
pub async fn measure(
    session: &mut Session,
    name: &str,
    samples: usize,
    path: &str,
    content_type: &str,
    body: impl Fn(usize) -> String,
) -> anyhow::Result<()> {
    let mut latencies = Vec::with_capacity(samples);
    for i in 0..samples {
        let begun = Instant::now();
        session
            .post(path, content_type, body(i))
            .await
            .with_context(|| name.to_owned())?;
        latencies.push(begun.elapsed());
    }
    report(name, latencies);
    Ok(())
}
