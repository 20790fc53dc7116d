//! The embedded house-style data, converted at build time from `data/*.toml` (the single
//! source of truth) to JSON in `OUT_DIR`: a start-up reads the same values with the same
//! `Deserialize` impls, through `serde_json`, which reads them some twenty times faster
//! than the TOML parser (29 M instructions of an empty file's cold start went to the TOML).
//! `style::embedded` reads the JSON; its tests compare every file's two readings.

use std::path::{Path, PathBuf};
use std::{env, fs};

/// The data files read at start-up.
const FILES: [&str; 6] = [
    "house-style",
    "acronyms",
    "places",
    "sourcing",
    "language",
    "names",
];

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let data = Path::new("data");
    for name in FILES {
        let path = data.join(format!("{name}.toml"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let value: toml::Table = text
            .parse()
            .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
        let json = serde_json::to_string(&value)
            .unwrap_or_else(|e| panic!("{} has no JSON form: {e}", path.display()));
        fs::write(out.join(format!("{name}.json")), json).expect("OUT_DIR is writable");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
