//! Temporary files that an interrupt removes.
//!
//! `--fix` writes each fixed file to a temporary file beside it and renames that over the
//! file; the result cache writes its entries the same way. A process ended by `SIGINT`
//! (Ctrl-C), `SIGTERM` or `SIGHUP` runs no destructor, so that a temporary file being
//! written then would stay behind. Each one is registered here while it exists, and on
//! one of those signals a thread removes every registered file and ends the process
//! with the signal's conventional status (128 + its number). A file is created and
//! registered, and renamed into place and unregistered, under one lock, which the
//! thread holds until the process ends: no temporary file is created or renamed after
//! it has cleaned up, and none is left that it did not see. (`SIGKILL` cannot be
//! caught: what it leaves, named `.copydesk-fix-*.tmp`, a later `--fix` in the same
//! folder removes; see [`crate::fixfile`].)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use tempfile::NamedTempFile;

/// The temporary files that exist now.
static LIVE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn live() -> MutexGuard<'static, BTreeSet<PathBuf>> {
    LIVE.lock().unwrap_or_else(|e| e.into_inner())
}

/// A registered temporary file: removed when dropped, unregistered after.
pub struct Temp {
    // Declared first, dropped first: the file is gone before it is unregistered.
    file: Option<NamedTempFile>,
    path: PathBuf,
}

impl Temp {
    /// Create a temporary file with `create` and register it.
    pub fn create(
        create: impl FnOnce() -> std::io::Result<NamedTempFile>,
    ) -> std::io::Result<Self> {
        let mut live = live();
        let file = create()?;
        let path = file.path().to_path_buf();
        live.insert(path.clone());
        Ok(Temp {
            file: Some(file),
            path,
        })
    }

    pub fn as_file(&self) -> &std::fs::File {
        self.file.as_ref().expect("a live temporary file").as_file()
    }

    pub fn file_mut(&mut self) -> &mut NamedTempFile {
        self.file.as_mut().expect("a live temporary file")
    }

    /// Rename the file to `target`, replacing it, and unregister it.
    pub fn persist(mut self, target: &Path) -> std::io::Result<()> {
        let mut live = live();
        let file = self.file.take().expect("a live temporary file");
        let persisted = file.persist(target).map_err(|e| e.error);
        live.remove(&self.path);
        persisted.map(drop)
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            drop(file);
            live().remove(&self.path);
        }
    }
}

/// Remove the registered temporary files and end the process on `SIGINT`, `SIGTERM`
/// or `SIGHUP`, from now on (once per process: `--watch` checks again and again).
#[cfg(unix)]
pub fn clean_up_on_signals() -> std::io::Result<()> {
    static INSTALLED: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    if INSTALLED.get().is_some() {
        return Ok(());
    }
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::Builder::new()
        .name("copydesk-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held to the end: no other thread creates or renames a temporary file
                // after this one has removed them.
                let live = live();
                for path in live.iter() {
                    let _ = std::fs::remove_file(path);
                }
                report!("copydesk: interrupted");
                // Die of the signal, as without a handler, so that the shell and a
                // parent process see how the run ended.
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        })?;
    let _ = INSTALLED.set(());
    Ok(())
}

/// Elsewhere the runtime's default handling stays; what an interrupt leaves, a later
/// `--fix` removes.
#[cfg(not(unix))]
pub fn clean_up_on_signals() -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_file_is_registered_while_it_exists() {
        let dir = tempfile::tempdir().unwrap();
        let registered = |p: &Path| live().contains(p);
        let temp = Temp::create(|| NamedTempFile::new_in(dir.path())).unwrap();
        let path = temp.path.clone();
        assert!(registered(&path) && path.exists());
        drop(temp);
        assert!(!registered(&path) && !path.exists());

        let temp = Temp::create(|| NamedTempFile::new_in(dir.path())).unwrap();
        let path = temp.path.clone();
        let target = dir.path().join("target.txt");
        temp.persist(&target).unwrap();
        assert!(!registered(&path) && !path.exists() && target.exists());
    }
}
