//! The starter configuration that `copydesk init` writes.

use super::house_style;
use super::Preset;
use crate::registry::rule_ids;

/// The commented starter configuration that `copydesk init` writes: every option at
/// its default, so that it parses to the same settings as no file at all.
pub fn starter_config() -> String {
    starter_config_for(Preset::Analysis)
}

/// The starter configuration for a desk of `preset`'s kind.
pub fn starter_config_for(preset: Preset) -> String {
    let ids = rule_ids();
    let mut out = String::from(
        "# copydesk configuration. copydesk reads the first copydesk.toml or .copydesk.toml\n\
         # found from each checked file's folder upwards; `--config FILE` names one,\n\
         # `--no-config` ignores them. Every option below is at its default.\n\n",
    );
    out.push_str("# The kind of copy the desk publishes, which sets the defaults below it:\n");
    for p in Preset::ALL {
        out.push_str(&format!("# - \"{}\": {}\n", p.name(), p.data().description));
    }
    out.push_str(&format!("preset = \"{}\"\n\n", preset.name()));
    out.push_str(
        "# Rules that run (`copydesk rules` lists them). Default: every rule, including the\n\
         # rules of later versions; uncomment to fix the list.\n# select = [",
    );
    out.push_str(
        &ids.iter()
            .map(|id| format!("\"{id}\""))
            .collect::<Vec<_>>()
            .join(", "),
    );
    out.push_str(
        "]\n# Rules that do not run, for example [\"unused-suppression\"].\nignore = []\n\n",
    );
    out.push_str(
        "# Extra file extensions (without the dot) to check as plain text, for example [\"rst\"].\nextensions = []\n\n",
    );
    out.push_str(
        "# Files and folders a directory walk skips: globs, a name in any folder when\n\
         # without `/`, else relative to this file's folder. `exclude` replaces the\n\
         # defaults shown, `extend-exclude` adds to them. A file named on the command line\n\
         # is checked anyway, unless `copydesk check --force-exclude`.\nexclude = [",
    );
    out.push_str(
        &super::DEFAULT_EXCLUDE
            .iter()
            .map(|p| format!("\"{p}\""))
            .collect::<Vec<_>>()
            .join(", "),
    );
    out.push_str("]\nextend-exclude = []\n\n");
    out.push_str("# Each rule's severity: \"info\", \"warning\" or \"error\". Findings at or above\n# `copydesk check --fail-on` (default: warning) make the check fail.\n");
    for m in crate::registry::all_metas() {
        out.push_str(&format!(
            "[rules.{}]\nseverity = \"{}\"\n\n",
            m.id, m.default_severity
        ));
    }
    out.push_str(house_style::STARTER_HOUSE_STYLE);
    out.push_str(
        "\n# `copydesk serve`: the web pages (origins, such as \"https://cms.example.org\")\n\
         # that may call the check service from a browser. None by default.\n\
         [serve]\n\
         allowed-origins = []\n",
    );
    out.push_str(
        "\n# Settings for some paths only, relative to this file's folder. Every override\n\
         # whose globs match a file applies, in order: `select` replaces the rules that run,\n\
         # `ignore` removes some, `[overrides.rules.RULE]` sets severities, `preset` and\n\
         # `[overrides.house-style.*]` change the house style (the last such override wins).\n\
         # [[overrides]]\n\
         # paths = [\"news/**\"]\n\
         # preset = \"wire\"\n\
         #\n\
         # [[overrides]]\n\
         # paths = [\"drafts/**\"]\n\
         # [overrides.rules.citation-format]\n\
         # severity = \"error\"\n\
         #\n\
         # [[overrides]]\n\
         # paths = [\"archive/1990s/**\"]\n\
         # select = []\n",
    );
    out
}
