//! Applying fixes to a source text: pure functions over strings, shared by the CLI's
//! `--fix`/`--diff` and the language server.
//!
//! Edits are byte ranges of the original source, so applying them to the original
//! text keeps everything they do not touch byte for byte: line endings, a byte-order
//! mark, trailing spaces.

use crate::diagnostic::{Applicability, Diagnostic, Fix};

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Safe fixes only (`--fix`).
    Safe,
    /// Safe and unsafe fixes (`--fix --unsafe-fixes`).
    Unsafe,
}

impl FixMode {
    /// Whether a fix of this applicability is applied in this mode.
    pub fn allows(self, applicability: Applicability) -> bool {
        match self {
            FixMode::Safe => applicability == Applicability::Safe,
            FixMode::Unsafe => applicability >= Applicability::Unsafe,
        }
    }
}

/// The result of one pass of [`apply_fixes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    /// How many fixes were applied.
    pub applied: usize,
}

/// Whether `c` joins the character before it into one grapheme cluster: a combining
/// mark (diacritical marks and their extended, supplement, for-symbols and half-mark
/// blocks), a zero-width joiner, a variation selector or an emoji skin-tone modifier.
/// Enough for the text copydesk fixes, without a segmentation table.
fn extends_cluster(c: char) -> bool {
    matches!(
        c,
        '\u{300}'..='\u{36f}'
            | '\u{1ab0}'..='\u{1aff}'
            | '\u{1dc0}'..='\u{1dff}'
            | '\u{20d0}'..='\u{20ff}'
            | '\u{fe20}'..='\u{fe2f}'
            | '\u{200d}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{1f3fb}'..='\u{1f3ff}'
    )
}

/// Whether the byte offset `at` (a character boundary) of `source` falls inside a
/// grapheme cluster: the character after it extends the one before, or the one before
/// is a zero-width joiner. An edit there would split what a reader sees as one letter
/// (`Astana` + U+0301 fixed to `Nur-Sultań`).
pub fn splits_cluster(source: &str, at: usize) -> bool {
    let before = source[..at].chars().next_back();
    let after = source[at..].chars().next();
    match (before, after) {
        (Some(b), Some(a)) => extends_cluster(a) || b == '\u{200d}',
        _ => false,
    }
}

/// Whether every edit of `fix` lies inside `source` on boundaries of grapheme
/// clusters (see [`splits_cluster`]), and the edits are sorted and do not overlap. A
/// fix that fails this is neither applied nor offered.
pub fn fits(source: &str, fix: &Fix) -> bool {
    let mut last_end = 0;
    for edit in &fix.edits {
        let r = edit.range;
        if r.start > r.end
            || r.end > source.len()
            || !source.is_char_boundary(r.start)
            || !source.is_char_boundary(r.end)
            || r.start < last_end
            || splits_cluster(source, r.start)
            || splits_cluster(source, r.end)
        {
            return false;
        }
        last_end = r.end;
    }
    !fix.edits.is_empty()
}

/// Apply to `source` the fixes of `diagnostics` that `mode` allows, in order of
/// position. A fix that overlaps one already applied is skipped (the next pass of
/// [`fix_until_stable`] gets to it once the text has been linted again), as is a fix
/// whose edits do not fit the source.
pub fn apply_fixes(source: &str, diagnostics: &[Diagnostic], mode: FixMode) -> Fixed {
    let mut fixes: Vec<&Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| mode.allows(f.applicability) && fits(source, f))
        .collect();
    fixes.sort_by_key(|f| f.range().map(|r| (r.start, r.end)));
    let mut out = String::with_capacity(source.len());
    let mut copied = 0; // bytes of `source` already handled
    let mut applied = 0;
    let mut last: Option<&Fix> = None;
    for fix in fixes {
        let Some(range) = fix.range() else { continue };
        if range.start < copied {
            continue;
        }
        // Two insertions at the same point: their order would be a guess.
        if range.start == copied
            && last.is_some_and(|l| l.edits.last().is_some_and(|e| e.range.is_empty()))
            && fix.edits.first().is_some_and(|e| e.range.is_empty())
        {
            continue;
        }
        for edit in &fix.edits {
            out.push_str(&source[copied..edit.range.start]);
            out.push_str(&edit.replacement);
            copied = edit.range.end;
        }
        applied += 1;
        last = Some(fix);
    }
    out.push_str(&source[copied..]);
    Fixed { text: out, applied }
}

/// The result of [`fix_until_stable`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixLoop {
    pub text: String,
    /// Fixes applied over all passes.
    pub applied: usize,
    /// Passes that applied at least one fix.
    pub passes: usize,
}

/// At most this many lint-and-fix passes: enough for fixes that were skipped for
/// overlapping, few enough to end fixes that undo each other.
pub const MAX_FIX_PASSES: usize = 10;

/// Lint `source` with `lint`, apply the allowed fixes, and repeat on the new text until
/// no fix applies (or [`MAX_FIX_PASSES`]).
pub fn fix_until_stable(
    source: &str,
    mode: FixMode,
    mut lint: impl FnMut(&str) -> Vec<Diagnostic>,
) -> FixLoop {
    let mut text = source.to_string();
    let mut applied = 0;
    let mut passes = 0;
    while passes < MAX_FIX_PASSES {
        let diagnostics = lint(&text);
        let fixed = apply_fixes(&text, &diagnostics, mode);
        if fixed.applied == 0 || fixed.text == text {
            break;
        }
        applied += fixed.applied;
        passes += 1;
        text = fixed.text;
    }
    FixLoop {
        text,
        applied,
        passes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Edit, Severity};
    use crate::text::TextRange;

    fn diag(fix: Fix) -> Diagnostic {
        Diagnostic {
            rule: "test",
            severity: Severity::Warning,
            message: "m".into(),
            range: fix.range().unwrap_or_default(),
            help: None,
            fix: Some(fix),
        }
    }

    fn replace(start: usize, end: usize, with: &str, safe: bool) -> Diagnostic {
        let edits = vec![Edit::replace(TextRange::new(start, end), with)];
        diag(if safe {
            Fix::safe("t", edits)
        } else {
            Fix::unsafe_("t", edits)
        })
    }

    #[test]
    fn applies_in_order_and_keeps_the_rest_byte_exact() {
        let src = "\u{feff}Talks (TASS, Sept. 3).\r\nMore (RBC, Aug. 2).\r\n";
        let a = src.find("Sept.").unwrap();
        let b = src.find("Aug.").unwrap();
        let diags = [
            replace(b, b + 4, "August", true),
            replace(a, a + 5, "September", true),
        ];
        let fixed = apply_fixes(src, &diags, FixMode::Safe);
        assert_eq!(fixed.applied, 2);
        assert_eq!(
            fixed.text,
            "\u{feff}Talks (TASS, September 3).\r\nMore (RBC, August 2).\r\n"
        );
    }

    #[test]
    fn unsafe_fixes_only_in_unsafe_mode() {
        let src = "(TASS, Agust 20)";
        let diags = [replace(7, 12, "August", false)];
        assert_eq!(apply_fixes(src, &diags, FixMode::Safe).applied, 0);
        assert_eq!(
            apply_fixes(src, &diags, FixMode::Unsafe).text,
            "(TASS, August 20)"
        );
    }

    #[test]
    fn overlapping_fixes_are_never_both_applied() {
        let src = "abcdef";
        let diags = [replace(1, 4, "X", true), replace(3, 5, "Y", true)];
        let fixed = apply_fixes(src, &diags, FixMode::Safe);
        assert_eq!(fixed.applied, 1);
        assert_eq!(fixed.text, "aXef");
        // Touching fixes are both applied.
        let diags = [replace(1, 3, "X", true), replace(3, 5, "Y", true)];
        assert_eq!(apply_fixes(src, &diags, FixMode::Safe).text, "aXYf");
        // Two insertions at one point: only the first.
        let diags = [replace(2, 2, "1", true), replace(2, 2, "2", true)];
        let fixed = apply_fixes(src, &diags, FixMode::Safe);
        assert_eq!((fixed.text.as_str(), fixed.applied), ("ab1cdef", 1));
    }

    #[test]
    fn fixes_that_do_not_fit_the_source_are_skipped() {
        let src = "é and more";
        // Inside the two bytes of `é`, past the end, and display-only.
        let diags = [
            replace(1, 2, "x", true),
            replace(5, 50, "x", true),
            diag(Fix::new(
                "t",
                Applicability::DisplayOnly,
                vec![Edit::replace(TextRange::new(0, 2), "e")],
            )),
        ];
        let fixed = apply_fixes(src, &diags, FixMode::Unsafe);
        assert_eq!((fixed.text.as_str(), fixed.applied), (src, 0));
    }

    #[test]
    fn a_fix_never_splits_a_grapheme_cluster() {
        // `Astana` with a combining acute accent: the fix would give `Nur-Sultań`.
        let src = "In Astana\u{301} today; in Astana today.";
        let first = src.find("Astana").unwrap();
        let second = src.rfind("Astana").unwrap();
        let diags = [
            replace(first, first + 6, "Nur-Sultan", true),
            replace(second, second + 6, "Nur-Sultan", true),
        ];
        let fixed = apply_fixes(src, &diags, FixMode::Safe);
        assert_eq!(fixed.applied, 1);
        assert_eq!(fixed.text, "In Astana\u{301} today; in Nur-Sultan today.");
        // The whole cluster may be replaced; an edit inside it or after a joiner not.
        let edit =
            |end: usize| Fix::safe("t", vec![Edit::replace(TextRange::new(first, end), "x")]);
        assert!(fits(src, &edit(first + 6 + 2)));
        assert!(!fits(src, &edit(first + 6)));
        for (text, at, splits) in [
            ("e\u{301}", 1, true),
            ("e\u{1ab0}", 1, true),
            ("e\u{20dd}", 1, true),
            ("e\u{fe20}", 1, true),
            ("\u{2764}\u{fe0f}", 3, true),
            ("a\u{200d}b", 1, true),
            ("a\u{200d}b", 4, true),
            ("\u{1f44d}\u{1f3fd}", 4, true),
            ("e\u{301}x", 3, false),
            ("\u{301}x", 0, false),
            ("ab", 1, false),
            ("ab", 2, false),
        ] {
            assert_eq!(splits_cluster(text, at), splits, "{text:?} at {at}");
        }
    }

    #[test]
    fn loops_until_stable_and_stops_on_a_cycle() {
        // Each pass fixes the first `aa` only; three passes are needed.
        let lint = |text: &str| match text.find("aa") {
            Some(i) => vec![replace(i, i + 2, "b", true)],
            None => Vec::new(),
        };
        let out = fix_until_stable("aa aa aa", FixMode::Safe, lint);
        assert_eq!(out.text, "b b b");
        assert_eq!((out.applied, out.passes), (3, 3));
        // Two fixes that undo each other end after MAX_FIX_PASSES.
        let flip = |text: &str| vec![replace(0, 1, if text == "x" { "y" } else { "x" }, true)];
        let out = fix_until_stable("x", FixMode::Safe, flip);
        assert_eq!(out.passes, MAX_FIX_PASSES);
    }
}
