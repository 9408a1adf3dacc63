//! Which link addresses a handout may carry.
//!
//! A PDF link opens whatever it names when clicked, so only web pages, email and phone
//! numbers are allowed; `javascript:`, `file:`, `data:` and relative addresses are refused.

/// Why an address was refused, and how to write it instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub message: String,
    pub hint: String,
}

const ALLOWED: &[&str] = &["https", "http", "mailto", "tel"];
const WEB: &[&str] = &["https", "http"];

/// Checks the target of a `[text](url)` link in a text field.
pub(crate) fn check_link(url: &str) -> Result<(), Refusal> {
    check(
        url,
        ALLOWED,
        "links may start with https://, http://, mailto: or tel:",
    )
}

/// Checks an address that must be a web page, such as an exercise video.
pub(crate) fn check_web_page(url: &str) -> Result<(), Refusal> {
    check(url, WEB, "write a web address starting with https://")
}

/// The address a brand's `website` links to: `written` when it is a full http or https
/// address, else `https://` and `written`; its scheme in lower case, and a host required.
///
/// `clinic.example:8080` is a host and port, not the scheme `clinic.example`.
pub(crate) fn website_url(written: &str) -> Result<String, Refusal> {
    if let Some(rest) = written.strip_prefix("//") {
        return Err(Refusal {
            message: format!("the website `{written}` starts with // but names no scheme"),
            hint: format!(
                "write it without the slashes, {rest}, or in full, https://{rest}",
                rest = rest.trim_start_matches('/')
            ),
        });
    }
    let url = match scheme(written) {
        Some(scheme) => format!(
            "{}{}",
            scheme.to_ascii_lowercase(),
            &written[scheme.len()..]
        ),
        None => format!("https://{written}"),
    };
    check_web_page(&url)?;
    Ok(url)
}

/// The scheme of `url` (`https` in `https://…`), when it starts with one.
///
/// What comes before a colon and a port number (`clinic.example:8080/x`) is a host, not a
/// scheme, unless it is one of the schemes a link may have (`tel:999`).
pub(crate) fn scheme(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let port = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_and_port = !port.is_empty()
        && port.chars().all(|c| c.is_ascii_digit())
        && !ALLOWED.iter().any(|a| a.eq_ignore_ascii_case(scheme));
    (valid && !host_and_port).then_some(scheme)
}

/// Why the part of a web address after `scheme:` names no host it could open, if it doesn't.
///
/// It must be `//`, a host (a name, or an IP address, an IPv6 one in brackets), then an
/// optional user name before it and an optional port after it.
fn web_host_problem(rest: &str) -> Option<&'static str> {
    let Some(after) = rest.strip_prefix("//") else {
        return Some("has no // after the scheme");
    };
    let authority = after.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = match host_port.rsplit_once(':') {
        Some((host, port)) if !host_port.ends_with(']') => (host, Some(port)),
        _ => (host_port, None),
    };
    let bracketed = host.len() > 2 && host.starts_with('[') && host.ends_with(']');
    let named = !host.is_empty()
        && !host.starts_with(['.', '-'])
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_'));
    if host.is_empty() {
        Some("names no host")
    } else if !(bracketed || named) {
        Some("has a host name that can't be right")
    } else if port
        .is_some_and(|p| p.is_empty() || p.len() > 5 || !p.chars().all(|c| c.is_ascii_digit()))
    {
        Some("has a port that is not a number")
    } else {
        None
    }
}

fn check(url: &str, allowed: &[&str], advice: &str) -> Result<(), Refusal> {
    let refuse = |message: String, hint: String| Err(Refusal { message, hint });
    if url.trim().is_empty() {
        return refuse("the link has no address".into(), advice.into());
    }
    if url.chars().any(char::is_whitespace) {
        return refuse(
            format!("the link `{url}` contains a space"),
            "write the address without spaces; a space inside it can be written %20".into(),
        );
    }
    let Some(scheme) = scheme(url) else {
        let hint = if url.contains('@') && allowed.contains(&"mailto") {
            format!("for an email address write mailto:{url}")
        } else {
            format!(
                "write the full address, e.g. https://{}",
                url.trim_start_matches('/')
            )
        };
        return refuse(format!("the link `{url}` is not a full address"), hint);
    };
    if !allowed.iter().any(|a| a.eq_ignore_ascii_case(scheme)) {
        return refuse(
            format!("the link `{url}` starts with `{scheme}:`, which is not allowed"),
            advice.into(),
        );
    }
    let rest = &url[scheme.len() + 1..];
    let is_web = WEB.iter().any(|w| w.eq_ignore_ascii_case(scheme));
    if rest.is_empty() || (is_web && rest.trim_start_matches('/').is_empty()) {
        return refuse(
            format!("the link `{url}` has nothing after `{scheme}:`"),
            advice.into(),
        );
    }
    if is_web {
        if let Some(problem) = web_host_problem(rest) {
            let host = rest.trim_start_matches('/');
            return refuse(
                format!("the link `{url}` {problem}"),
                format!(
                    "write a web address like {}://{host}",
                    scheme.to_ascii_lowercase()
                ),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_web_mail_and_phone_links() {
        for url in [
            "https://example.org/a?b=c",
            "http://x.org",
            "mailto:a@b.org",
            "tel:+442079460958",
        ] {
            assert_eq!(check_link(url), Ok(()), "{url}");
        }
    }

    #[test]
    fn refuses_other_schemes_and_relative_addresses() {
        let refusal = check_link("javascript:alert(1)").unwrap_err();
        assert_eq!(
            refusal.message,
            "the link `javascript:alert(1)` starts with `javascript:`, which is not allowed"
        );
        assert_eq!(
            check_link("www.example.org").unwrap_err().hint,
            "write the full address, e.g. https://www.example.org"
        );
        assert_eq!(
            check_link("hello@clinic.example").unwrap_err().hint,
            "for an email address write mailto:hello@clinic.example"
        );
        assert!(check_link("file:///etc/passwd").is_err());
        assert!(check_link("https://").is_err());
        assert!(check_web_page("mailto:a@b.org").is_err());
    }

    #[test]
    fn a_web_link_needs_slashes_and_a_host() {
        for url in [
            "https://x.org:8080/a",
            "http://[::1]:80/",
            "https://user@x.org",
            "https://bücher.example",
        ] {
            assert_eq!(check_link(url), Ok(()), "{url}");
        }
        let refused = |url| check_link(url).unwrap_err();
        assert_eq!(
            refused("http:riverside.example"),
            Refusal {
                message: "the link `http:riverside.example` has no // after the scheme".into(),
                hint: "write a web address like http://riverside.example".into(),
            }
        );
        assert_eq!(
            refused("https:///path").message,
            "the link `https:///path` names no host"
        );
        assert_eq!(
            refused("https://x.org:80a").message,
            "the link `https://x.org:80a` has a port that is not a number"
        );
        assert_eq!(
            refused("https://x.org\\y").message,
            "the link `https://x.org\\y` has a host name that can't be right"
        );
    }

    #[test]
    fn a_host_and_port_is_not_a_scheme() {
        assert_eq!(scheme("riverside.example:8080"), None);
        assert_eq!(scheme("localhost:8080/x"), None);
        assert_eq!(scheme("tel:999"), Some("tel"));
        assert_eq!(scheme("https://x.org"), Some("https"));
        assert_eq!(
            check_link("riverside.example:8080").unwrap_err().hint,
            "write the full address, e.g. https://riverside.example:8080"
        );
    }

    #[test]
    fn a_website_becomes_one_absolute_address() {
        for (written, url) in [
            ("riverside.example", "https://riverside.example"),
            ("riverside.example:8080", "https://riverside.example:8080"),
            (
                "riverside.example/physio?a=b",
                "https://riverside.example/physio?a=b",
            ),
            ("http://riverside.example", "http://riverside.example"),
            ("HTTPS://Riverside.example/X", "https://Riverside.example/X"),
        ] {
            assert_eq!(website_url(written).as_deref(), Ok(url), "{written}");
        }
        assert_eq!(
            website_url("//riverside.example").unwrap_err(),
            Refusal {
                message: "the website `//riverside.example` starts with // but names no scheme"
                    .into(),
                hint: "write it without the slashes, riverside.example, or in full, \
                       https://riverside.example"
                    .into(),
            }
        );
        for bad in [
            "http:riverside.example",
            "https://",
            "https:///x",
            "mailto:a@b.org",
            "javascript:alert(1)",
            "river side.example",
        ] {
            assert!(website_url(bad).is_err(), "{bad}");
        }
    }
}
