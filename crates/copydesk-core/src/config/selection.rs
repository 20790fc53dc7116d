//! Rule selection from the command line (`--select`, `--extend-select`, `--ignore`),
//! layered over a configuration file's `select` and `ignore` with ruff's meaning.
//!
//! The command line is the last layer. `--select` replaces the configuration's
//! selection (its `ignore` included); without it, the configuration's selection is kept
//! and `--extend-select` adds to it. `--ignore` removes rules and wins over `--select`
//! and `--extend-select` naming the same rule. `[[overrides]]` still apply, after the
//! command line, to the paths they match, except that a rule ignored on the command line
//! never runs.

/// The rules named on the command line. Every id is a rule id (the CLI checks them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleSelection {
    /// `--select`: the rules that run, instead of the configuration's.
    pub select: Option<Vec<&'static str>>,
    /// `--extend-select`: rules that run as well.
    pub extend_select: Vec<&'static str>,
    /// `--ignore`: rules that do not run.
    pub ignore: Vec<&'static str>,
}

impl RuleSelection {
    /// `selected` (the configuration's rules, in registry order) with this layer
    /// applied, in the order of `registry` (every rule id).
    pub fn apply(&self, selected: &[&'static str], registry: &[&'static str]) -> Vec<&'static str> {
        let base: &[&'static str] = self.select.as_deref().unwrap_or(selected);
        registry
            .iter()
            .copied()
            .filter(|id| base.contains(id) || self.extend_select.contains(id))
            .filter(|id| !self.ignore.contains(id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [&str; 4] = ["a", "b", "c", "d"];

    fn sel(
        select: Option<&[&'static str]>,
        extend: &[&'static str],
        ignore: &[&'static str],
    ) -> RuleSelection {
        RuleSelection {
            select: select.map(<[_]>::to_vec),
            extend_select: extend.to_vec(),
            ignore: ignore.to_vec(),
        }
    }

    #[test]
    fn nothing_on_the_command_line_keeps_the_configuration() {
        assert_eq!(
            RuleSelection::default().apply(&["b", "d"], &ALL),
            ["b", "d"]
        );
    }

    #[test]
    fn select_replaces_extend_select_adds_ignore_removes() {
        // The configuration runs b and d (it ignored c, say).
        let config = ["b", "d"];
        assert_eq!(sel(Some(&["c"]), &[], &[]).apply(&config, &ALL), ["c"]);
        assert_eq!(sel(None, &["a"], &[]).apply(&config, &ALL), ["a", "b", "d"]);
        assert_eq!(sel(None, &[], &["d"]).apply(&config, &ALL), ["b"]);
        assert_eq!(
            sel(Some(&["d", "a"]), &["c"], &[]).apply(&config, &ALL),
            ["a", "c", "d"]
        );
        // Ignore wins over select and extend-select naming the same rule.
        assert_eq!(
            sel(Some(&["a", "b"]), &["c"], &["b", "c"]).apply(&config, &ALL),
            ["a"]
        );
        assert!(sel(Some(&[]), &[], &[]).apply(&config, &ALL).is_empty());
    }

    #[test]
    fn overrides_apply_after_but_never_bring_back_an_ignored_rule() {
        use std::path::Path;
        let c = crate::config::Config::parse(
            "ignore = [\"unused-suppression\"]\n\
             [[overrides]]\npaths = [\"archive/**\"]\nselect = []\n\
             [[overrides]]\npaths = [\"drafts/**\"]\nselect = [\"citation-format\", \"place-name\"]\n",
            Path::new("/desk/copydesk.toml"),
        )
        .unwrap();
        let ids = |path: &str, cli: &RuleSelection| -> Vec<&'static str> {
            let s = c.settings_with(Path::new(path), cli);
            let mut ids: Vec<&'static str> = s.rules.iter().map(|r| r.meta().id).collect();
            if s.unused_suppressions {
                ids.push(crate::registry::UNUSED_SUPPRESSION);
            }
            ids
        };
        let cli = sel(Some(&["unused-suppression", "citation-format"]), &[], &[]);
        assert_eq!(
            ids("/desk/a.md", &cli),
            ["citation-format", "unused-suppression"]
        );
        assert!(ids("/desk/archive/a.md", &cli).is_empty());
        let cli = sel(None, &["unused-suppression"], &["place-name"]);
        assert!(ids("/desk/a.md", &cli).contains(&"unused-suppression"));
        assert_eq!(ids("/desk/drafts/a.md", &cli), ["citation-format"]);
    }
}
