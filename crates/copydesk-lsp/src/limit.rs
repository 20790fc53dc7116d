//! The largest document the server lints. Above it a document is kept (the edits that
//! shrink it again still apply) but neither linted nor parsed for hovers and code
//! actions, and its one diagnostic tells the writer why and what to run instead.
//!
//! The client sets the limit in its initialization options:
//! `{"maxDocumentSize": <bytes>}` (bytes of UTF-8 text).

use serde_json::Value;
use tower_lsp::lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString, Position, Range};

use crate::lint::SOURCE;

/// The key of the limit in the client's `initializationOptions`.
pub const OPTION: &str = "maxDocumentSize";

/// The code of the diagnostic a document over the limit gets (no rule has it).
pub const CODE: &str = "document-too-large";

/// The largest document linted, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SizeLimit(pub usize);

impl Default for SizeLimit {
    /// 4 MiB: a long report is a few hundred KB; several MB of one document cost the
    /// server hundreds of MB on every lint.
    fn default() -> Self {
        Self(4 * 1024 * 1024)
    }
}

impl SizeLimit {
    /// The limit the client's initialization options set, the default without one; an
    /// unreadable option is an error (for the client's log) and the default.
    pub fn from_options(options: Option<&Value>) -> (Self, Option<String>) {
        let Some(value) = options.and_then(|o| o.get(OPTION)).filter(|v| !v.is_null()) else {
            return (Self::default(), None);
        };
        match value.as_u64().and_then(|n| usize::try_from(n).ok()) {
            Some(n) if n > 0 => (Self(n), None),
            _ => (
                Self::default(),
                Some(format!(
                    "copydesk: `{OPTION}` must be a number of bytes above 0, not {value}; \
                     the default {} applies",
                    Self::default().0
                )),
            ),
        }
    }

    /// Whether a text of `len` bytes is linted.
    pub fn allows(self, len: usize) -> bool {
        len <= self.0
    }

    /// The one diagnostic of a document of `len` bytes over the limit, at its start.
    pub fn notice(self, len: usize) -> Diagnostic {
        let start = Position::new(0, 0);
        Diagnostic {
            range: Range::new(start, start),
            severity: Some(DiagnosticSeverity::WARNING),
            code: Some(NumberOrString::String(CODE.into())),
            source: Some(SOURCE.into()),
            message: format!(
                "Not checked: this document is {len} bytes, over the {} the language \
                 server checks (`{OPTION}` in its initialization options)\nhelp: check the \
                 saved file with `copydesk check`",
                self.0
            ),
            ..Diagnostic::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_limit_is_a_few_megabytes_unless_the_client_sets_it() {
        let (limit, error) = SizeLimit::from_options(None);
        assert_eq!((limit, error), (SizeLimit(4 << 20), None));
        assert!(limit.allows(4 << 20));
        assert!(!limit.allows((4 << 20) + 1));
        let (limit, error) = SizeLimit::from_options(Some(&json!({"maxDocumentSize": 1000})));
        assert_eq!((limit, error), (SizeLimit(1000), None));
        let (limit, _) = SizeLimit::from_options(Some(&json!({"other": 1})));
        assert_eq!(limit, SizeLimit::default());
    }

    #[test]
    fn an_unreadable_limit_is_reported_and_the_default_applies() {
        for bad in [json!(0), json!(-5), json!("1MB"), json!(1.5)] {
            let options = json!({ OPTION: bad });
            let (limit, error) = SizeLimit::from_options(Some(&options));
            assert_eq!(limit, SizeLimit::default());
            let error = error.expect("an error");
            assert!(error.contains(OPTION), "{error}");
        }
    }

    #[test]
    fn the_notice_says_how_large_and_what_to_run() {
        let notice = SizeLimit(1000).notice(2500);
        assert!(notice.message.contains("2500 bytes"), "{}", notice.message);
        assert!(
            notice.message.contains("over the 1000"),
            "{}",
            notice.message
        );
        assert!(
            notice.message.contains("copydesk check"),
            "{}",
            notice.message
        );
        assert_eq!(notice.code, Some(NumberOrString::String(CODE.into())));
        assert_eq!(notice.data, None, "no fixes travel with it");
    }
}
