//! `[serve]`: the settings of `copydesk serve`, the HTTP check service.
//!
//! ```toml
//! [serve]
//! allowed-origins = ["https://cms.example.org"]  # pages that may call the service (CORS)
//! ```
//!
//! An origin is written as a browser sends it: a scheme (`http` or `https`), a host
//! and an optional port, with no path and no trailing slash. There is no wildcard:
//! only the origins listed may call the service from a page.

use serde::Deserialize;
use toml::Spanned;

/// `[serve]` as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ServeFile {
    #[serde(default)]
    pub allowed_origins: Vec<Spanned<String>>,
}

/// Why `origin` is not an origin as a browser sends it, if it is not.
pub fn origin_error(origin: &str) -> Option<String> {
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    let Some(host) = rest else {
        return Some(format!(
            "`{origin}` is not an origin: it starts with `https://` or `http://`, for example \"https://cms.example.org\""
        ));
    };
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) if !name.ends_with(']') || host.starts_with('[') => (name, Some(port)),
        _ => (host, None),
    };
    let name_ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'));
    let port_ok = port.map_or(true, |p| !p.is_empty() && p.parse::<u16>().is_ok());
    if name_ok && port_ok {
        None
    } else {
        Some(format!(
            "`{origin}` is not an origin: a scheme, a host and an optional port, with no path or trailing slash, for example \"https://cms.example.org:8443\""
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::origin_error;
    use crate::config::{Config, ConfigError};
    use std::path::Path;

    #[test]
    fn a_configuration_lists_the_origins_and_a_bad_one_is_named_where_it_stands() {
        let path = Path::new("copydesk.toml");
        let config = Config::parse(
            "[serve]\nallowed-origins = [\"https://cms.example.org\", \"http://localhost:3000\"]\n",
            path,
        )
        .unwrap();
        assert_eq!(
            config.allowed_origins,
            ["https://cms.example.org", "http://localhost:3000"]
        );
        assert!(Config::default().allowed_origins.is_empty());
        let err = Config::parse("[serve]\nallowed-origins = [\"*\"]\n", path).unwrap_err();
        let ConfigError::Invalid { line, column, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!((*line, *column), (2, 20), "{err}");
        assert!(Config::parse("[serve]\norigins = []\n", path).is_err());
    }

    #[test]
    fn origins_are_scheme_host_and_port() {
        for ok in [
            "https://cms.example.org",
            "http://localhost:3000",
            "http://127.0.0.1:8080",
            "http://[::1]:8080",
        ] {
            assert_eq!(origin_error(ok), None, "{ok}");
        }
        for bad in [
            "*",
            "cms.example.org",
            "https://cms.example.org/",
            "https://cms.example.org/editor",
            "https://",
            "https://cms.example.org:",
            "https://cms.example.org:99999",
            "ftp://cms.example.org",
        ] {
            assert!(origin_error(bad).is_some(), "{bad}");
        }
    }
}
