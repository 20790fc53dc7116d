//! Finding the files to check.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use copydesk_core::SourceKind;

/// Something to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk and its kind.
    File(PathBuf, SourceKind),
    /// Standard input, reported under this name.
    Stdin(PathBuf, SourceKind),
    /// A file named on the command line that is not a regular file (a FIFO, `/dev/stdin`,
    /// a process substitution such as `<(git show HEAD:piece.md)`): read once, as a
    /// stream, up to [`MAX_STREAM_BYTES`].
    Stream(PathBuf, SourceKind),
}

/// The most copydesk reads from standard input or another stream: 64 MiB, far more
/// than any article, and a bound on what `/dev/zero` or an endless pipe can take.
pub const MAX_STREAM_BYTES: u64 = 64 << 20;

/// What [`MAX_STREAM_BYTES`] is called in messages.
pub const MAX_STREAM_SIZE: &str = "64 MiB";

impl Input {
    /// The name every format reports: [`report_path`] as text.
    pub fn display_path(&self) -> String {
        display_name(&report_path(self.path()))
    }

    /// The bytes of the reported name when they are not UTF-8.
    pub fn path_bytes(&self) -> Option<Vec<u8>> {
        non_utf8_bytes(&report_path(self.path()))
    }

    pub fn path(&self) -> &Path {
        match self {
            Input::File(p, _) | Input::Stdin(p, _) | Input::Stream(p, _) => p,
        }
    }

    pub fn kind(&self) -> SourceKind {
        match self {
            Input::File(_, k) | Input::Stdin(_, k) | Input::Stream(_, k) => *k,
        }
    }
}

/// The path a finding is reported under, the same in every format: relative to the
/// current folder as given, without a leading `./`; an absolute path inside the current
/// folder relative to it; any other path as given.
pub fn report_path(path: &Path) -> PathBuf {
    use std::path::Component;
    if path.is_absolute() {
        return std::env::current_dir()
            .ok()
            .and_then(|cwd| path.strip_prefix(cwd).ok())
            .filter(|rel| !rel.as_os_str().is_empty())
            .map_or_else(|| path.to_path_buf(), Path::to_path_buf);
    }
    let mut components = path.components().peekable();
    while components.next_if_eq(&Component::CurDir).is_some() {}
    let rest: PathBuf = components.collect();
    if rest.as_os_str().is_empty() {
        path.to_path_buf()
    } else {
        rest
    }
}

/// The name of `path` as text: its UTF-8 as it is, each byte that is not UTF-8 as
/// `\xNN` (where `Path::display` would write U+FFFD for every one of them).
pub fn display_name(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::fmt::Write as _;
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.display().to_string()
    }
}

/// The bytes of `path` when they are not UTF-8 (on Unix; elsewhere `None`).
pub fn non_utf8_bytes(path: &Path) -> Option<Vec<u8>> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        std::str::from_utf8(bytes).is_err().then(|| bytes.to_vec())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// What to check, as ruff decides it: the paths given, else the current folder; with
/// `--stdin-filename` (`stdin_name`) and no `-` among them, standard input only, in place
/// of the paths (which `Err` names in `ignored`) unless standard input is a terminal.
pub fn paths_to_check(
    paths: &[PathBuf],
    stdin_name: Option<&Path>,
    stdin_is_terminal: bool,
) -> Result<(Vec<PathBuf>, Vec<PathBuf>), String> {
    let stdin = Path::new("-");
    if stdin_name.is_none() || paths.iter().any(|p| p == stdin) {
        let paths = if paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            paths.to_vec()
        };
        return Ok((paths, Vec::new()));
    }
    if stdin_is_terminal {
        return Err(
            "--stdin-filename reads the text from standard input, which is a terminal here; \
             pipe the text in (`copydesk check --stdin-filename NAME < FILE`), or drop \
             --stdin-filename to check files"
                .into(),
        );
    }
    Ok((vec![stdin.to_path_buf()], paths.to_vec()))
}

/// A path that could not be walked.
#[derive(Debug)]
pub struct WalkError {
    pub path: String,
    pub reason: String,
}

/// Whether the configuration of a path excludes it: `Entry` asks of the path itself
/// (what a directory walk skips), `PathOrFolder` of the path and the folders it is in
/// (what `--force-exclude` asks of a path named on the command line).
pub type Excluded = Arc<dyn Fn(&Path, Reach) -> bool + Send + Sync>;

/// How far [`Excluded`] looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    Entry,
    PathOrFolder,
}

/// What the configuration says of the files to find.
pub struct Selection<'a> {
    /// The kind of a file found in a walk beyond Markdown and plain text (the
    /// configured extensions).
    pub extra: &'a dyn Fn(&Path) -> Option<SourceKind>,
    pub excluded: Excluded,
    /// `--force-exclude`: paths named on the command line are excluded too.
    pub force_exclude: bool,
}

/// Expand `paths` into inputs: directories are walked (honouring `.gitignore`, skipping
/// hidden files and what the configuration excludes) for Markdown and plain-text files
/// and the files whose kind `extra` gives (the configured extensions); files named on
/// the command line are checked whatever their extension (as plain text when it is not
/// Markdown), and whatever they are: a name that is not a regular file or a folder is
/// read as a stream. A path named on the command line is checked even when excluded,
/// unless `force_exclude` (ruff's `--force-exclude`).
pub fn collect(
    paths: &[PathBuf],
    stdin_name: Option<&Path>,
    selection: &Selection,
) -> (Vec<Input>, Vec<WalkError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let name = stdin_name.map_or_else(|| PathBuf::from("-"), Path::to_path_buf);
            let kind = SourceKind::from_path(&name).unwrap_or(SourceKind::Text);
            inputs.push(Input::Stdin(name, kind));
            continue;
        }
        if selection.force_exclude && (selection.excluded)(path, Reach::PathOrFolder) {
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => errors.push(WalkError {
                path: display_name(path),
                reason: e.to_string(),
            }),
            Ok(meta) if meta.is_dir() => walk(path, selection, &mut inputs, &mut errors),
            Ok(meta) => {
                let kind = SourceKind::from_path(path).unwrap_or(SourceKind::Text);
                inputs.push(if meta.is_file() {
                    Input::File(path.clone(), kind)
                } else {
                    Input::Stream(path.clone(), kind)
                });
            }
        }
    }
    inputs.dedup();
    (inputs, errors)
}

fn walk(root: &Path, selection: &Selection, inputs: &mut Vec<Input>, errors: &mut Vec<WalkError>) {
    let excluded = selection.excluded.clone();
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        // The folder named on the command line is walked whatever its name; below it,
        // an excluded folder is not entered.
        .filter_entry(move |e| e.depth() == 0 || !excluded(e.path(), Reach::Entry))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                let path = entry.into_path();
                if let Some(kind) =
                    SourceKind::from_path(&path).or_else(|| (selection.extra)(&path))
                {
                    inputs.push(Input::File(path, kind));
                }
            }
            Err(e) => errors.push(WalkError {
                path: display_name(root),
                reason: e.to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(
        paths: &[&str],
        name: Option<&str>,
        terminal: bool,
    ) -> Result<(Vec<PathBuf>, Vec<PathBuf>), String> {
        let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
        paths_to_check(&paths, name.map(Path::new), terminal)
    }

    fn list(paths: &[&str]) -> Vec<PathBuf> {
        paths.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn without_stdin_filename_the_paths_or_the_current_folder() {
        assert_eq!(decide(&[], None, true), Ok((list(&["."]), list(&[]))));
        assert_eq!(
            decide(&["a", "-"], None, true),
            Ok((list(&["a", "-"]), list(&[])))
        );
    }

    #[test]
    fn stdin_filename_reads_standard_input_unless_it_is_a_terminal() {
        assert_eq!(
            decide(&[], Some("x.md"), false),
            Ok((list(&["-"]), list(&[])))
        );
        assert_eq!(
            decide(&["a.md", "b"], Some("x.md"), false),
            Ok((list(&["-"]), list(&["a.md", "b"])))
        );
        let e = decide(&[], Some("x.md"), true).unwrap_err();
        assert!(e.contains("standard input, which is a terminal"), "{e}");
        // With `-`, as before: the paths as given, whatever standard input is.
        assert_eq!(
            decide(&["-", "a.md"], Some("x.md"), true),
            Ok((list(&["-", "a.md"]), list(&[])))
        );
    }

    #[test]
    fn reported_paths_drop_the_current_folder() {
        assert_eq!(report_path(Path::new("./a.md")), Path::new("a.md"));
        assert_eq!(report_path(Path::new("././d/a.md")), Path::new("d/a.md"));
        assert_eq!(report_path(Path::new("d/./a.md")), Path::new("d/a.md"));
        assert_eq!(report_path(Path::new("../a.md")), Path::new("../a.md"));
        assert_eq!(report_path(Path::new("-")), Path::new("-"));
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(report_path(&cwd.join("d/a.md")), Path::new("d/a.md"));
        let elsewhere = Path::new("/nowhere-copydesk/a.md");
        assert_eq!(report_path(elsewhere), elsewhere);
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_keep_every_byte() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let name = Path::new(OsStr::from_bytes(b"d\xe9j\xff\xfe.md"));
        assert_eq!(display_name(name), "d\\xe9j\\xff\\xfe.md");
        assert_eq!(non_utf8_bytes(name).unwrap(), b"d\xe9j\xff\xfe.md");
        assert_eq!(display_name(Path::new("déjà.md")), "déjà.md");
        assert_eq!(non_utf8_bytes(Path::new("déjà.md")), None);
    }
}
