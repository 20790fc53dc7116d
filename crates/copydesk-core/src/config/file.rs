//! Reading a configuration file: a regular file of bounded size, or an error naming it.

use std::path::Path;

use super::ConfigError;

/// The largest configuration file read: 1 MiB.
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The text of the configuration file at `path`: a regular file (or a symbolic link to
/// one) of at most [`MAX_CONFIG_BYTES`], in UTF-8. Anything else is an error naming it;
/// a FIFO is refused before it is opened, so `--config FIFO` never waits for a writer.
pub fn read_config_text(path: &Path) -> Result<String, ConfigError> {
    use std::io::Read;
    let fail = |reason: String| ConfigError::Read {
        path: path.to_path_buf(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        let dangling = e.kind() == std::io::ErrorKind::NotFound
            && path.symlink_metadata().is_ok_and(|m| m.is_symlink());
        fail(if dangling {
            "a symbolic link to a file that does not exist".to_string()
        } else {
            e.to_string()
        })
    })?;
    let kind_error = |meta: &std::fs::Metadata| {
        if meta.is_dir() {
            Some(fail("a folder, not a file".into()))
        } else if !meta.is_file() {
            Some(fail(
                "not a regular file (a FIFO, a socket or a device); configuration is read \
                 only from regular files"
                    .into(),
            ))
        } else {
            None
        }
    };
    let too_large = || {
        fail(format!(
            "larger than {} KiB, the most a configuration file may hold",
            MAX_CONFIG_BYTES >> 10
        ))
    };
    if let Some(e) = kind_error(&meta) {
        return Err(e);
    }
    if meta.len() > MAX_CONFIG_BYTES {
        return Err(too_large());
    }
    let file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    // The name may have been given to something else since it was looked at.
    if let Some(e) = file.metadata().ok().and_then(|m| kind_error(&m)) {
        return Err(e);
    }
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(e.to_string()))?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}
