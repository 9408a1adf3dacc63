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

/// The scheme of `url` (`https` in `https://…`), when it starts with one.
pub(crate) fn scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
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
}
