//! `--fix` writing a file back: never half-written, never over a save made meanwhile,
//! never on a file the desk protected.
//!
//! The fixed text goes to a temporary file `.copydesk-fix-XXXXXX.tmp` beside the file,
//! with the original's permissions, extended attributes (ACLs, SELinux labels, user
//! attributes; Linux and macOS), and owner and group where the user may set them, and is
//! renamed over it once the file is found unchanged since it was read: same size, same
//! modification time, same content. A read-only file, a file with other hard links (which
//! a rename would separate from the new text) and a file whose extended attributes the
//! copy cannot be given are left as they are, with a reason. The temporary file is
//! removed on any error, and on `SIGINT`, `SIGTERM` or `SIGHUP` ([`crate::interrupt`]);
//! one that a killed run left behind (older than [`STALE_AFTER`]) is removed by a later
//! run that fixes a file in the same folder.

use std::collections::BTreeSet;
use std::fs::{File, Metadata};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use crate::interrupt::Temp;

/// How temporary files begin and end.
const TMP_PREFIX: &str = ".copydesk-fix-";
const TMP_SUFFIX: &str = ".tmp";

/// A temporary file older than this is left over from a run that was interrupted; a
/// live one is seconds old at most.
pub const STALE_AFTER: Duration = Duration::from_secs(60);

/// What a file was when it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    len: u64,
    modified: Option<SystemTime>,
}

impl Snapshot {
    fn of(meta: &Metadata) -> Self {
        Snapshot {
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

/// Read the file at `path` and what it was when read.
pub fn read(path: &Path) -> std::io::Result<(Vec<u8>, Snapshot)> {
    let mut file = File::open(path)?;
    let snapshot = Snapshot::of(&file.metadata()?);
    let mut bytes = Vec::with_capacity(snapshot.len as usize);
    file.read_to_end(&mut bytes)?;
    Ok((bytes, snapshot))
}

/// What became of a file's fixes.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Written,
    /// Left as it is, for this reason.
    NotFixed(String),
}

/// Replace the file at `path`, read as `original` when it was `snapshot`, with `text`.
pub fn write(
    path: &Path,
    original: &[u8],
    snapshot: &Snapshot,
    text: &str,
) -> std::io::Result<Outcome> {
    // Write through a symbolic link to its target, keeping the link.
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let meta = std::fs::metadata(&target)?;
    if let Some(reason) = refusal(&meta) {
        return Ok(Outcome::NotFixed(reason));
    }
    remove_stale_once(dir);
    let mut tmp = Temp::create(|| {
        tempfile::Builder::new()
            .prefix(TMP_PREFIX)
            .suffix(TMP_SUFFIX)
            .tempfile_in(dir)
    })?;
    tmp.file_mut().write_all(text.as_bytes())?;
    keep_owner(tmp.as_file(), &meta);
    // After the owner: changing it clears file capabilities.
    if let Err(reason) = xattr::copy(&File::open(&target)?, tmp.as_file()) {
        return Ok(Outcome::NotFixed(reason));
    }
    // After the owner: changing it clears the set-user-ID and set-group-ID bits.
    tmp.as_file().set_permissions(meta.permissions())?;
    tmp.as_file().sync_all()?;
    if !unchanged(&target, original, snapshot)? {
        return Ok(Outcome::NotFixed(
            "the file changed while copydesk was checking it; run again".into(),
        ));
    }
    tmp.persist(&target)?;
    Ok(Outcome::Written)
}

/// Why a file with metadata `meta` is not rewritten, if it is not.
fn refusal(meta: &Metadata) -> Option<String> {
    if meta.permissions().readonly() {
        return Some("the file is read-only".into());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let links = meta.nlink();
        if links > 1 {
            return Some(format!(
                "the file has {links} hard links, which replacing it would separate"
            ));
        }
    }
    None
}

/// Whether the file at `path` is still as it was read: size, modification time and
/// content.
fn unchanged(path: &Path, original: &[u8], snapshot: &Snapshot) -> std::io::Result<bool> {
    let (now, now_snapshot) = read(path)?;
    Ok(now_snapshot == *snapshot && now == original)
}

/// Give `file` the owner and group of `meta`, as far as this user may: the owner only
/// for the superuser, the group if the user belongs to it.
#[cfg(unix)]
fn keep_owner(file: &File, meta: &Metadata) {
    use std::os::unix::fs::{fchown, MetadataExt};
    if fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
        // Not allowed: the new file stays the user's, with the group if it may.
        let _ = fchown(file, None, Some(meta.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &Metadata) {}

/// Extended attributes, where the system has them.
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
mod xattr {
    use std::ffi::CString;
    use std::fs::File;

    use rustix::fs::{
        fgetxattr, fgetxattr_query, flistxattr, flistxattr_query, fremovexattr, fsetxattr,
        XattrFlags,
    };
    use rustix::io::{Errno, Result};

    /// Give `to` the extended attributes of `from`, and no others; why not, when one
    /// cannot be given (a label the policy does not let this user set, say).
    pub fn copy(from: &File, to: &File) -> std::result::Result<(), String> {
        let unreadable = |e: Errno| format!("its extended attributes could not be read: {e}");
        let wanted = list(from).map_err(unreadable)?;
        // What the new file got from its folder: a default ACL, a security label.
        let have = list(to).map_err(unreadable)?;
        let not_kept = |name: &CString, e: Errno| {
            format!(
                "its extended attribute `{}` could not be kept: {e}",
                name.to_string_lossy()
            )
        };
        for (name, _) in &have {
            if !wanted.iter().any(|(n, _)| n == name) {
                fremovexattr(to, name.as_c_str()).map_err(|e| not_kept(name, e))?;
            }
        }
        for (name, value) in &wanted {
            if have.iter().any(|(n, v)| n == name && v == value) {
                continue;
            }
            fsetxattr(to, name.as_c_str(), value, XattrFlags::empty())
                .map_err(|e| not_kept(name, e))?;
        }
        Ok(())
    }

    /// The extended attributes of `file`, names and values (none where the file system
    /// has none).
    pub fn list(file: &File) -> Result<Vec<(CString, Vec<u8>)>> {
        let names = match sized(|buf| flistxattr(file, buf), || flistxattr_query(file)) {
            Err(Errno::NOTSUP) => return Ok(Vec::new()),
            names => names?,
        };
        names
            .split(|&b| b == 0)
            .filter(|name| !name.is_empty())
            .map(|name| {
                let name = CString::new(name).map_err(|_| Errno::INVAL)?;
                let value = sized(
                    |buf| fgetxattr(file, name.as_c_str(), buf),
                    || fgetxattr_query(file, name.as_c_str()),
                )?;
                Ok((name, value))
            })
            .collect()
    }

    /// What `read` reads into a buffer of the size `query` gives, asked again while it
    /// grows in between.
    fn sized(
        read: impl Fn(&mut [u8]) -> Result<usize>,
        query: impl Fn() -> Result<usize>,
    ) -> Result<Vec<u8>> {
        for _ in 0..4 {
            let mut buf = vec![0; query()?];
            if buf.is_empty() {
                return Ok(buf);
            }
            match read(&mut buf) {
                Ok(n) => {
                    buf.truncate(n);
                    return Ok(buf);
                }
                Err(Errno::RANGE) => continue,
                Err(e) => return Err(e),
            }
        }
        Err(Errno::RANGE)
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
mod xattr {
    pub fn copy(_: &std::fs::File, _: &std::fs::File) -> Result<(), String> {
        Ok(())
    }
}

/// Remove the stale temporary files in `dir`, once per run and folder.
fn remove_stale_once(dir: &Path) {
    static DONE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());
    let first = DONE
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(dir.to_path_buf());
    if first {
        remove_stale(dir, SystemTime::now());
    }
}

/// Remove from `dir` the regular files named `.copydesk-fix-*.tmp` modified more than
/// [`STALE_AFTER`] before `now`. Failures are ignored: a file that cannot be removed is
/// left for the next run.
fn remove_stale(dir: &Path, now: SystemTime) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(TMP_PREFIX) && name.ends_with(TMP_SUFFIX)) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if meta.is_file() && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_after_it_was_read_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Sept.").unwrap();
        let (original, snapshot) = read(&path).unwrap();
        // The writer saves meanwhile: same size, other content.
        std::fs::write(&path, "Sep. ").unwrap();
        let file = File::options().write(true).open(&path).unwrap();
        file.set_modified(snapshot.modified.unwrap()).unwrap();
        drop(file);
        let out = write(&path, &original, &snapshot, "September").unwrap();
        assert!(
            matches!(out, Outcome::NotFixed(ref r) if r.contains("changed")),
            "{out:?}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"Sep. ");
        // Only the file is left: the temporary one was removed.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // Unchanged, it is replaced.
        let (original, snapshot) = read(&path).unwrap();
        let out = write(&path, &original, &snapshot, "September").unwrap();
        assert_eq!(out, Outcome::Written);
        assert_eq!(std::fs::read(&path).unwrap(), b"September");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn extended_attributes_are_kept_and_no_others_added() {
        use rustix::fs::{fsetxattr, XattrFlags};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Sept.").unwrap();
        let set = |file: &File, name: &str, value: &[u8]| {
            fsetxattr(file, name, value, XattrFlags::empty()).expect("user attributes on ext4")
        };
        set(&File::open(&path).unwrap(), "user.desk", b"politics");
        set(&File::open(&path).unwrap(), "user.empty", b"");
        let (original, snapshot) = read(&path).unwrap();
        assert_eq!(
            write(&path, &original, &snapshot, "September").unwrap(),
            Outcome::Written
        );
        let mut kept = xattr::list(&File::open(&path).unwrap()).unwrap();
        kept.sort();
        let names: Vec<(&str, &[u8])> = kept
            .iter()
            .map(|(n, v)| (n.to_str().unwrap(), v.as_slice()))
            .collect();
        assert_eq!(
            names,
            [("user.desk", &b"politics"[..]), ("user.empty", &b""[..])]
        );

        // An attribute the new file has and the original has not is removed.
        let plain = dir.path().join("b.txt");
        std::fs::write(&plain, "x").unwrap();
        let extra = dir.path().join("c.txt");
        std::fs::write(&extra, "y").unwrap();
        set(&File::open(&extra).unwrap(), "user.stray", b"1");
        xattr::copy(&File::open(&plain).unwrap(), &File::open(&extra).unwrap()).unwrap();
        assert_eq!(xattr::list(&File::open(&extra).unwrap()).unwrap(), vec![]);

        // One that cannot be given (user attributes are for files and folders only) is
        // named in the reason.
        let device = File::open("/dev/null").unwrap();
        let reason = xattr::copy(&File::open(&path).unwrap(), &device).unwrap_err();
        assert!(
            reason.starts_with("its extended attribute `user.")
                && reason.contains("could not be kept"),
            "{reason}"
        );
    }

    #[test]
    fn only_old_temporary_files_of_copydesk_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        let old = now - STALE_AFTER * 2;
        for (name, modified) in [
            (".copydesk-fix-old.tmp", old),
            (".copydesk-fix-live.tmp", now),
            (".other-old.tmp", old),
            ("copydesk-fix-old.tmp", old),
        ] {
            let f = File::create(dir.path().join(name)).unwrap();
            f.set_modified(modified).unwrap();
        }
        remove_stale(dir.path(), now);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".copydesk-fix-live.tmp",
                ".other-old.tmp",
                "copydesk-fix-old.tmp"
            ]
        );
    }
}
