//! Report formats.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod statistics;

use copydesk_core::{Applicability, Diagnostic};

/// Whether `--fix` would fix `d`: its fix is safe, or unsafe and `--unsafe-fixes` is
/// given. Display-only fixes are never applied.
pub fn fixable(d: &Diagnostic, unsafe_fixes: bool) -> bool {
    d.fix.as_ref().is_some_and(|f| match f.applicability {
        Applicability::Safe => true,
        Applicability::Unsafe => unsafe_fixes,
        Applicability::DisplayOnly => false,
    })
}

/// The command that applies the fixes counted as fixable.
pub fn fix_command(unsafe_fixes: bool) -> &'static str {
    if unsafe_fixes {
        "--fix --unsafe-fixes"
    } else {
        "--fix"
    }
}
