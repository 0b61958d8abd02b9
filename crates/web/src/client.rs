//! Who is asking, as far as the network can tell: the peer's address; or, when the peer is a
//! reverse proxy the operator trusts (`--trusted-proxy`), the address that proxy says it
//! forwards for. A header from anyone else is ignored, so no client chooses its own address
//! to escape a rate limit.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use ipnet::IpNet;

use crate::App;

/// The client's network address, for rate limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<App> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::from([0, 0, 0, 0]), |ConnectInfo(peer)| peer.ip());
        Ok(ClientIp(client_ip(peer, &parts.headers, &app.trusted_proxies)))
    }
}

/// Reads `X-Forwarded-For` from the right (each proxy appends the address it received the
/// request from) past the proxies in `trusted`: the first address that is not one of them is
/// the client's. Only when the peer itself is trusted; an unreadable hop ends the walk there.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        match hop.parse::<IpAddr>() {
            Ok(ip) if is_trusted(&ip) => client = ip,
            Ok(ip) => return ip,
            Err(_) => return client,
        }
    }
    client
}

/// A trusted proxy as an operator writes it: an address (`10.0.0.5`) or a network
/// (`10.0.0.0/8`).
pub fn parse_trusted(text: &str) -> Result<IpNet, String> {
    let text = text.trim();
    text.parse::<IpNet>()
        .or_else(|_| text.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| format!("not an address or a network: {text}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(forwarded: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in forwarded {
            headers.append("x-forwarded-for", value.parse().expect("header"));
        }
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn only_a_trusted_proxy_says_who_the_client_is() {
        let trusted = vec![parse_trusted("10.0.0.0/8").expect("net"), parse_trusted("192.0.2.1").expect("ip")];
        let forwarded = headers(&["203.0.113.9, 10.1.2.3"]);
        assert_eq!(client_ip(ip("198.51.100.1"), &forwarded, &trusted), ip("198.51.100.1"), "anyone else's is ignored");
        assert_eq!(client_ip(ip("10.0.0.5"), &forwarded, &trusted), ip("203.0.113.9"), "past every trusted hop");
        let spoofed = headers(&["6.6.6.6, 203.0.113.9"]);
        assert_eq!(client_ip(ip("192.0.2.1"), &spoofed, &trusted), ip("203.0.113.9"), "the rightmost untrusted hop");
        assert_eq!(client_ip(ip("10.0.0.5"), &headers(&[]), &trusted), ip("10.0.0.5"));
        assert_eq!(client_ip(ip("10.0.0.5"), &headers(&["junk, 10.1.1.1"]), &trusted), ip("10.1.1.1"));
        assert_eq!(client_ip(ip("10.0.0.5"), &headers(&["203.0.113.9", "10.9.9.9"]), &trusted), ip("203.0.113.9"));
        assert!(parse_trusted("not an address").is_err());
        assert_eq!(parse_trusted("::1").expect("v6"), "::1/128".parse::<IpNet>().expect("net"));
    }
}
