//! Who is asking, on the server: the client's address (read from a trusted proxy's headers
//! only), the request's cookies, and the per-address limits every public write and every
//! guess goes through. The wizard and the console both use these.

use cookie::Cookie;
use http::{request::Parts, HeaderMap};
use std::{
    net::{IpAddr, Ipv4Addr},
    num::NonZeroU32,
    sync::Arc,
};

/// The client's address as the server decided it (see [`resolve`]), put in each request's
/// extensions by the server's first layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// The client's address: the one the server's first layer decided, or else the TCP peer.
pub fn client_ip(parts: &Parts) -> IpAddr {
    if let Some(ClientAddr(ip)) = parts.extensions.get::<ClientAddr>() {
        return *ip;
    }
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| info.0.ip())
}

/// The proxies in front of the server (`--trusted-proxies`): only their forwarding headers
/// are believed.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Vec<ipnet::IpNet>);

impl TrustedProxies {
    /// A comma-separated list of addresses and networks (`10.0.0.1, 172.16.0.0/12`).
    pub fn parse(list: &str) -> Result<TrustedProxies, String> {
        list.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<ipnet::IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(ipnet::IpNet::from))
                    .map_err(|_| format!("{item} is neither an IP address nor a network"))
            })
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0.iter().any(|net| net.contains(&ip))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Display for TrustedProxies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&list.join(","))
    }
}

/// An IPv4 address written as IPv6 (`::ffff:1.2.3.4`) is the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        ip => ip,
    }
}

/// The client's address. A direct peer that is not a trusted proxy is the client, whatever
/// its headers say. Behind trusted proxies, the forwarded chain (`Forwarded`, or else
/// `X-Forwarded-For`) is read from the right: the first address that is not itself a trusted
/// proxy is the client.
pub fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> IpAddr {
    let peer = canonical(peer);
    if !trusted.contains(peer) {
        return peer;
    }
    let chain = forwarded_chain(headers);
    let mut client = peer;
    for hop in chain.iter().rev() {
        let Some(ip) = hop.map(canonical) else {
            // An unreadable hop (obfuscated, "unknown"): nothing left of it can be believed.
            return client;
        };
        client = ip;
        if !trusted.contains(ip) {
            return ip;
        }
    }
    client
}

/// The addresses a request went through, oldest first; `None` for a hop that names none.
fn forwarded_chain(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let forwarded: Vec<Option<IpAddr>> = headers
        .get_all(http::header::FORWARDED)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|element| {
            element
                .split(';')
                .filter_map(|pair| pair.split_once('='))
                .find(|(name, _)| name.trim().eq_ignore_ascii_case("for"))
                .and_then(|(_, value)| forwarded_address(value.trim()))
        })
        .collect();
    if !forwarded.is_empty() {
        return forwarded;
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|item| item.trim().parse::<IpAddr>().ok())
        .collect()
}

/// `for=192.0.2.43`, `for="[2001:db8:cafe::17]:4711"`, `for="192.0.2.43:47011"`.
fn forwarded_address(value: &str) -> Option<IpAddr> {
    let value = value.trim_matches('"');
    if let Some(rest) = value.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    value
        .parse()
        .ok()
        .or_else(|| value.rsplit_once(':')?.0.parse().ok())
}

/// A cookie the request carries.
pub fn request_cookie(parts: &Parts, name: &str) -> Option<String> {
    request_cookies(parts)
        .find(|cookie| cookie.name() == name)
        .map(|cookie| cookie.value().to_owned())
}

/// Every cookie the request carries.
pub fn request_cookies(parts: &Parts) -> impl Iterator<Item = Cookie<'static>> + '_ {
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .map(Cookie::into_owned)
}

/// So many attempts per period from one client address. One type for every such limit: the
/// status lookup and resume, staff sign-in, drafts and submissions.
#[derive(Clone)]
pub struct AddressLimiter(Arc<governor::DefaultKeyedRateLimiter<IpAddr>>);

impl AddressLimiter {
    pub fn per_minute(count: NonZeroU32) -> AddressLimiter {
        AddressLimiter(Arc::new(governor::RateLimiter::keyed(
            governor::Quota::per_minute(count),
        )))
    }

    pub fn per_hour(count: NonZeroU32) -> AddressLimiter {
        AddressLimiter(Arc::new(governor::RateLimiter::keyed(
            governor::Quota::per_hour(count),
        )))
    }

    /// Counts one attempt from `client`; whether it is allowed.
    pub fn allows(&self, client: IpAddr) -> bool {
        self.0.check_key(&client).is_ok()
    }

    /// Forgets addresses that have not tried lately, so the limiter's memory stays small.
    pub fn forget_idle(&self) {
        self.0.retain_recent();
    }
}

/// `n`, or 1 when `n` is 0.
pub fn at_least_one(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                value.parse().unwrap(),
            );
        }
        map
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn a_peer_that_is_not_a_trusted_proxy_is_the_client_whatever_it_forwards() {
        let trusted = TrustedProxies::parse("10.0.0.0/8").unwrap();
        let spoofed = headers(&[("x-forwarded-for", "1.2.3.4"), ("forwarded", "for=5.6.7.8")]);
        assert_eq!(
            resolve(ip("203.0.113.9"), &spoofed, &trusted),
            ip("203.0.113.9")
        );
        let nobody = TrustedProxies::default();
        assert_eq!(resolve(ip("10.0.0.1"), &spoofed, &nobody), ip("10.0.0.1"));
    }

    #[test]
    fn behind_a_trusted_proxy_the_rightmost_untrusted_address_is_the_client() {
        let trusted = TrustedProxies::parse("10.0.0.1, 10.0.0.2").unwrap();
        // The client wrote a false first hop herself; the proxies appended what they saw.
        let chain = headers(&[("x-forwarded-for", "6.6.6.6, 198.51.100.7, 10.0.0.2")]);
        assert_eq!(
            resolve(ip("10.0.0.1"), &chain, &trusted),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn the_standard_forwarded_header_comes_first() {
        let trusted = TrustedProxies::parse("10.0.0.1").unwrap();
        let both = headers(&[
            (
                "forwarded",
                "for=\"[2001:db8:cafe::17]:4711\";proto=https, for=192.0.2.60",
            ),
            ("x-forwarded-for", "198.51.100.7"),
        ]);
        assert_eq!(resolve(ip("10.0.0.1"), &both, &trusted), ip("192.0.2.60"));
        let v6 = headers(&[("forwarded", "for=\"[2001:db8:cafe::17]:4711\"")]);
        assert_eq!(
            resolve(ip("10.0.0.1"), &v6, &trusted),
            ip("2001:db8:cafe::17")
        );
        let port = headers(&[("forwarded", "For=\"192.0.2.43:47011\"")]);
        assert_eq!(resolve(ip("10.0.0.1"), &port, &trusted), ip("192.0.2.43"));
    }

    #[test]
    fn an_unreadable_hop_stops_the_walk() {
        let trusted = TrustedProxies::parse("10.0.0.1").unwrap();
        let hidden = headers(&[("forwarded", "for=198.51.100.7, for=_hidden")]);
        assert_eq!(resolve(ip("10.0.0.1"), &hidden, &trusted), ip("10.0.0.1"));
        let none = headers(&[]);
        assert_eq!(resolve(ip("10.0.0.1"), &none, &trusted), ip("10.0.0.1"));
    }

    #[test]
    fn ipv4_written_as_ipv6_is_the_same_address() {
        let trusted = TrustedProxies::parse("127.0.0.1").unwrap();
        assert!(trusted.contains(ip("::ffff:127.0.0.1")));
    }

    #[test]
    fn a_wrong_proxy_list_is_refused_with_the_item() {
        let error = TrustedProxies::parse("10.0.0.1, proxy.local").unwrap_err();
        assert!(error.contains("proxy.local"));
        assert!(TrustedProxies::parse("").unwrap().is_empty());
    }
}
