//! What the HTTP benchmarks share: a client session that keeps cookies, and the figures.

use anyhow::bail;
use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::{
    client::legacy::{connect::HttpConnector, Client},
    rt::TokioExecutor,
};
use std::{collections::BTreeMap, time::Duration};

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
}

impl Session {
    pub async fn post(
        &mut self,
        path: &str,
        content_type: &str,
        body: String,
    ) -> anyhow::Result<serde_json::Value> {
        let cookie = self
            .cookies
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let request = http::Request::post(format!("{}{path}", self.base))
            .header(http::header::CONTENT_TYPE, content_type)
            .header(http::header::ACCEPT, "application/json")
            .header(http::header::COOKIE, cookie)
            .body(Full::new(Bytes::from(body)))?;
        let response = self.client.request(request).await?;
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
        let body = response.into_body().collect().await?.to_bytes();
        if !status.is_success() {
            bail!("{path}: {status}: {}", String::from_utf8_lossy(&body));
        }
        Ok(serde_json::from_slice(&body)?)
    }
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
