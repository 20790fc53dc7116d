//! `copydesk check --watch`: check once, then check again each file that changes, for
//! writers who do not use an editor with a language server.

use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context as _;
use notify::{RecursiveMode, Watcher};

use copydesk_core::config::{absolute, CONFIG_FILE_NAMES};
use copydesk_core::{ConfigResolver, SourceKind};

use crate::check;
use crate::cli::CheckArgs;
use crate::files::{display_name, report_path};
use crate::output::escape::{escape, Keep};

/// How long copydesk waits after a change for more before checking: one save in an
/// editor is often several events (a write, a rename, a change of attributes).
const DEBOUNCE: Duration = Duration::from_millis(200);

/// Check `args.paths`, then watch them (recursively) until interrupted: after each
/// burst of changes, check again the files that changed and that a directory walk would
/// check (Markdown, plain text, HTML, Word and the configured extensions; not hidden,
/// not excluded), or everything when a configuration file changed.
pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let roots = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).context("starting to watch for changes")?;
    // A file named on the command line is watched through its folder: an editor that
    // saves by writing a new file and renaming it over the old one would leave a watch
    // on the file itself watching nothing. Folders are watched whole.
    let mut folders = Vec::new();
    let mut files = Vec::new();
    for root in &roots {
        let (watched, mode) = if root.is_dir() {
            folders.push(absolute(root));
            (root.clone(), RecursiveMode::Recursive)
        } else {
            files.push(absolute(root));
            let parent = absolute(root).parent().map(Path::to_path_buf);
            (
                parent.unwrap_or_else(|| root.clone()),
                RecursiveMode::NonRecursive,
            )
        };
        watcher
            .watch(&watched, mode)
            .with_context(|| format!("watching {}", display_name(root)))?;
    }
    let once = |paths: Vec<PathBuf>| {
        let mut again = args.clone();
        again.watch = false;
        again.paths = paths;
        if let Err(e) = check::run(&again) {
            report!(
                "copydesk: error: {}",
                escape(&format!("{e:#}"), Keep::NoLineBreaks)
            );
        }
    };
    let own_output = own_output();
    once(roots.clone());
    report!("copydesk: watching for changes (Ctrl-C to stop).");
    while let Ok(first) = rx.recv() {
        let mut events = vec![first];
        while let Ok(e) = rx.recv_timeout(DEBOUNCE) {
            events.push(e);
        }
        let changed: Vec<(PathBuf, bool)> = events
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| !e.kind.is_access())
            .flat_map(|e| e.paths)
            .filter(|p| !own_output.iter().any(|o| o.is(p)))
            .filter_map(|p| {
                let abs = absolute(&p);
                let named = files.contains(&abs);
                let walked = !named && !hidden_below(&folders, &abs);
                (named || walked).then(|| (report_path(&p), named))
            })
            .collect();
        let config_changed = changed.iter().any(|(p, _)| {
            p.file_name()
                .is_some_and(|n| CONFIG_FILE_NAMES.iter().any(|c| n == *c))
        });
        let paths = if config_changed {
            roots.clone()
        } else {
            let resolver = match ConfigResolver::new(&check::config_source(args)) {
                Ok(r) => r,
                Err(e) => {
                    report!(
                        "copydesk: error: {}",
                        escape(&e.to_string(), Keep::LineBreaks)
                    );
                    continue;
                }
            };
            // A file named on the command line is checked whatever it is, as in a check.
            let mut changed: Vec<PathBuf> = changed
                .into_iter()
                .filter(|(p, named)| p.is_file() && (*named || walked(&resolver, p)))
                .map(|(p, _)| p)
                .collect();
            changed.sort();
            changed.dedup();
            changed
        };
        if paths.is_empty() {
            continue;
        }
        report!(
            "copydesk: {} changed; checking again.",
            if config_changed {
                "the configuration".to_string()
            } else {
                paths
                    .iter()
                    .map(|p| escape(&display_name(p), Keep::NoLineBreaks).into_owned())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        );
        once(paths);
    }
    Ok(ExitCode::SUCCESS)
}

/// A file this process writes to (standard output or error redirected into a file).
struct Output {
    #[cfg(unix)]
    id: (u64, u64),
}

impl Output {
    /// Whether `path` is this file.
    fn is(&self, path: &Path) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(path).is_ok_and(|m| (m.dev(), m.ino()) == self.id)
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            false
        }
    }
}

/// The regular files standard output and standard error go to: what the report is
/// written into changes with every check, and must not set off another
/// (`copydesk check --watch . > report.txt`).
fn own_output() -> Vec<Output> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let fds = [
            std::io::stdout().as_fd().try_clone_to_owned(),
            std::io::stderr().as_fd().try_clone_to_owned(),
        ];
        fds.into_iter()
            .filter_map(Result::ok)
            .filter_map(|fd| std::fs::File::from(fd).metadata().ok())
            .filter(std::fs::Metadata::is_file)
            .map(|m| Output {
                id: (m.dev(), m.ino()),
            })
            .collect()
    }
    #[cfg(not(unix))]
    {
        Vec::new()
    }
}

/// Whether `path` (absolute) is in none of the watched `folders` (absolute) or, below the
/// one that holds it, it or a folder it is in is hidden, as the directory walk skips
/// them: editors' swap and backup files, `.git`, the cache.
fn hidden_below(folders: &[PathBuf], path: &Path) -> bool {
    folders
        .iter()
        .find_map(|root| path.strip_prefix(root).ok().map(hidden))
        .unwrap_or(true)
}

fn hidden(path: &Path) -> bool {
    path.components().any(|c| match c {
        Component::Normal(name) => name.to_string_lossy().starts_with('.'),
        _ => false,
    })
}

/// Whether a directory walk checks a file of this name: its kind is known, by extension or
/// by the configuration's `extensions`, and the configuration does not exclude it or a
/// folder it is in.
fn walked(resolver: &ConfigResolver, path: &Path) -> bool {
    resolver.config_for(path).is_ok_and(|c| {
        (SourceKind::from_path(path).is_some() || c.source_kind(path).is_some())
            && !c.excludes_path_or_folder(path)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_files_and_folders() {
        assert!(hidden(Path::new(".a.md.swp")));
        assert!(hidden(Path::new("drafts/.git/HEAD")));
        assert!(hidden(Path::new(".copydesk_cache/x")));
        assert!(!hidden(Path::new("drafts/a.md")));
        assert!(!hidden(Path::new("../drafts/a.md")));
        let roots = [PathBuf::from("/home/.desk/drafts")];
        assert!(!hidden_below(&roots, Path::new("/home/.desk/drafts/a.md")));
        assert!(hidden_below(
            &roots,
            Path::new("/home/.desk/drafts/.a.md.swp")
        ));
        // Outside every watched folder: a neighbour of a file named on the command line.
        assert!(hidden_below(&roots, Path::new("/home/.desk/other.md")));
    }
}
