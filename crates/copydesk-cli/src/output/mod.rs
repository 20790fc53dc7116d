//! Report formats.

pub mod concise;
pub mod escape;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod statistics;

use copydesk_core::{Applicability, Diagnostic, Fix};

/// `n` and the noun in the number that agrees with it: "1 file", "2 files", "1 fix",
/// "2 fixes". Every count in a summary line goes through here.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether `--fix` would fix `d`: its fix is safe, or unsafe and `--unsafe-fixes` is
/// given. Display-only fixes are never applied.
pub fn fixable(d: &Diagnostic, unsafe_fixes: bool) -> bool {
    d.fix.as_ref().is_some_and(|f| match f.applicability {
        Applicability::Safe => true,
        Applicability::Unsafe => unsafe_fixes,
        Applicability::DisplayOnly => false,
    })
}

/// ruff's mark of a finding that `--fix` (with `--unsafe-fixes`, if given) fixes: `[*] `
/// before its message in the human and concise formats; nothing for the others.
pub fn fix_mark(d: &Diagnostic, unsafe_fixes: bool) -> &'static str {
    if fixable(d, unsafe_fixes) {
        "[*] "
    } else {
        ""
    }
}

/// How the human format labels a fix: its title, followed by `(unsafe fix)` for one
/// that `--fix` applies only with `--unsafe-fixes`, and `(suggestion)` for one that
/// `--fix` never applies. Short, so that the source line beside it keeps its context.
pub fn fix_label(fix: &Fix) -> String {
    match fix.applicability {
        Applicability::Safe => fix.title.clone(),
        Applicability::Unsafe => format!("{} (unsafe fix)", fix.title),
        Applicability::DisplayOnly => format!("{} (suggestion)", fix.title),
    }
}

/// The findings whose fix `--unsafe-fixes` would add to what `--fix` applies now.
pub fn hidden_fixes<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    unsafe_fixes: bool,
) -> usize {
    diagnostics
        .into_iter()
        .filter(|d| fixable(d, true) && !fixable(d, unsafe_fixes))
        .count()
}

/// ruff's note on the fixes `--unsafe-fixes` would enable: " (N hidden fixes can be
/// enabled with the `--unsafe-fixes` option)", or nothing when there are none.
pub fn hidden_note(hidden: usize) -> String {
    match hidden {
        0 => String::new(),
        n => format!(
            " ({} be enabled with the `--unsafe-fixes` option)",
            count(n, "hidden fix can", "hidden fixes can")
        ),
    }
}

/// The command that applies the fixes counted as fixable.
pub fn fix_command(unsafe_fixes: bool) -> &'static str {
    if unsafe_fixes {
        "--fix --unsafe-fixes"
    } else {
        "--fix"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(count(0, "file", "files"), "0 files");
        assert_eq!(count(1, "file", "files"), "1 file");
        assert_eq!(count(2, "fix", "fixes"), "2 fixes");
        assert_eq!(
            count(1, "hidden fix can", "hidden fixes can"),
            "1 hidden fix can"
        );
    }
}
