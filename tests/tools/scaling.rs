//! `cargo run --release -p copydesk-tests --bin scaling [-- SHAPE...]`: the scaling
//! benchmark of issue 17, run by hand (never a test: its figures are the machine's).
//!
//! Every hostile shape is worked on at three sizes, n, 4n and 16n, and each step's growth
//! is the ratio of the work at 4x the input to the work before it: linear time gives
//! about 4, quadratic time 16. The run fails (exit status 1) when a step grows more than
//! [`LIMIT`] times. Each size is worked on three times, interleaved with the others so
//! that a busy machine slows them alike, and the median CPU time taken.
//!
//! With `--one SHAPE SIZE` it does one size of one shape once, after a warm-up on a
//! short and a long document (patterns compiled, data loaded), inside the function
//! `measured`:
//! `python3 tests/tools/scaling.py` runs that under
//! `valgrind --tool=callgrind --toggle-collect=*measured*` and compares instruction
//! counts, which do not depend on the machine's load.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use copydesk_core::document::{Document, SourceKind};
use copydesk_core::{acronym_definitions, lint_file, Config, Date};

/// The most a step of four times the input may multiply the work.
const LIMIT: f64 = 5.0;

/// What is done with a shape's input.
#[derive(Clone, Copy)]
enum Work {
    /// Parsed as Markdown and linted with the default configuration.
    Lint,
    /// Parsed as plain text (the segmentation alone).
    Segment,
    /// Parsed and read for its acronym definitions.
    Acronyms,
    /// Read as a configuration file.
    Config,
}

struct Shape {
    name: &'static str,
    work: Work,
    /// The smallest size: bytes, or list entries for a configuration.
    n: usize,
    make: fn(usize) -> String,
}

fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            name: "paragraphs",
            work: Work::Lint,
            n: 25_000,
            make: |n| {
                let unit = "In a commentary on Centrasia.ru, Zhantoro Shadakulov argues that 55 \
                            people left in 2021 ([link](https://example.org)).\n\nShadakulov \
                            sums it up: “the plan failed.” He argues that prices rose 20 \
                            percent.[^1]\n\n## Later\n\n";
                let mut text = unit.repeat(n / unit.len());
                text.push_str("[^1]: A note.\n");
                text
            },
        },
        Shape {
            name: "tiny-paragraphs",
            work: Work::Lint,
            n: 25_000,
            make: |n| "Prices rose.\n\n".repeat(n / 14),
        },
        Shape {
            name: "balanced-parentheses",
            work: Work::Lint,
            n: 25_000,
            make: |n| "(...) ".repeat(n / 6),
        },
        Shape {
            name: "acronyms-in-parentheses",
            work: Work::Lint,
            n: 25_000,
            make: |n| {
                "the Collective Security Treaty Organization (CSTO) and the CSTO ".repeat(n / 65)
            },
        },
        Shape {
            name: "nested-parentheses",
            work: Work::Lint,
            n: 40_000,
            make: |n| format!("{}x{}", "(".repeat(n / 2), ")".repeat(n / 2)),
        },
        Shape {
            name: "nested-parentheses-acronyms",
            work: Work::Acronyms,
            n: 100_000,
            make: |n| format!("{}x{}", "(".repeat(n / 2), ")".repeat(n / 2)),
        },
        Shape {
            name: "nested-square-brackets",
            work: Work::Lint,
            n: 40_000,
            make: |n| format!("{}1{}", "[".repeat(n / 2), "]".repeat(n / 2)),
        },
        Shape {
            name: "nested-names-and-dates",
            work: Work::Lint,
            n: 40_000,
            make: |n| {
                let k = n / 40;
                format!("{}x{}", "(Abc(interview, 2021, ".repeat(k), "))".repeat(k))
            },
        },
        Shape {
            name: "quotation-marks",
            work: Work::Lint,
            n: 25_000,
            make: |n| "\"".repeat(n),
        },
        Shape {
            name: "quotation-marks-segmented",
            work: Work::Segment,
            n: 100_000,
            make: |n| "\"".repeat(n),
        },
        Shape {
            name: "quotations-among-words",
            work: Work::Lint,
            n: 25_000,
            make: |n| format!("“{}", "the NATO “plan” in Kiev ".repeat(n / 25)),
        },
        Shape {
            name: "nested-parentheses-segmented",
            work: Work::Segment,
            n: 100_000,
            make: |n| format!("{}{}", "(".repeat(n / 2), ")".repeat(n / 2)),
        },
        Shape {
            name: "long-sentence-quotations-segmented",
            work: Work::Segment,
            n: 100_000,
            make: |n| "the “plan” and ‘its’ (costs) \"are\" ".repeat(n / 40),
        },
        Shape {
            name: "citation-groups-segmented",
            work: Work::Segment,
            n: 100_000,
            make: |n| "Talks went on (TASS, August 20). ".repeat(n / 33),
        },
        Shape {
            name: "long-sentence-speech-verbs",
            work: Work::Lint,
            n: 25_000,
            make: |n| {
                let unit = "The minister said the plan would work, and critics told reporters \
                            it would fail while officials say prices rose 20 percent ";
                unit.repeat(n / unit.len())
            },
        },
        Shape {
            name: "long-sentence-speech-verbs-and-places",
            work: Work::Lint,
            n: 25_000,
            make: |n| {
                let unit = "The minister said the plan would work, and critics told reporters \
                            it would fail while officials say prices rose 20 percent in Kiev \
                            and Astana ";
                unit.repeat(n / unit.len())
            },
        },
        Shape {
            name: "long-sentence-place-names",
            work: Work::Lint,
            n: 25_000,
            make: |n| {
                let unit = "delegates from Kiev and Astana and Bishkek and Almaty met in Tashkent ";
                unit.repeat(n / unit.len())
            },
        },
        Shape {
            name: "place-names-in-one-paragraph",
            work: Work::Lint,
            n: 25_000,
            make: |n| "Talks in Kiev went on. The “talks” in Astana ended. ".repeat(n / 54),
        },
        Shape {
            name: "suppression-comments",
            work: Work::Lint,
            n: 25_000,
            make: |n| {
                let unit = "<!-- copydesk-disable-next-line place-name -->\nTalks in Kiev went \
                            on.\n\n<!-- copydesk-disable place-name -->\nKiev again.\n\n";
                unit.repeat(n / unit.len())
            },
        },
        Shape {
            name: "configuration-lists",
            work: Work::Config,
            n: 5_000,
            make: |n| {
                let items: Vec<String> = (0..n)
                    .map(|i| format!("\"Steppe Review {i:06}\""))
                    .collect();
                let items = items.join(", ");
                format!(
                    "[house-style.acronyms]\nexempt = [{items}]\n\
                     [house-style.sourcing]\nsource-documents = [{items}]\n\
                     outlets = [{items}]\n"
                )
            },
        },
    ]
}

/// Do `work` on `text`; something of the result, so that it is not optimised away.
fn run(work: Work, config: &Config, text: &str) -> usize {
    let settings = || config.settings_for(Path::new("piece.md"));
    let date = Date::new(2024, 5, 1).expect("a date");
    match work {
        Work::Lint => {
            let doc = Document::parse(text, SourceKind::Markdown);
            lint_file(&doc, &settings(), date).len()
        }
        Work::Segment => Document::parse(text, SourceKind::Text).blocks.len(),
        Work::Acronyms => {
            let doc = Document::parse(text, SourceKind::Markdown);
            acronym_definitions(&doc, settings().style).len()
        }
        Work::Config => {
            let parsed = Config::parse(text, Path::new("copydesk.toml"));
            usize::from(parsed.is_ok())
        }
    }
}

/// The work that `scaling.py` counts the instructions of.
#[inline(never)]
fn measured(work: Work, config: &Config, text: &str) -> usize {
    std::hint::black_box(run(work, config, std::hint::black_box(text)))
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let config = Config::default();
    let shapes = shapes();
    if args.first().map(String::as_str) == Some("--one") {
        let (Some(name), Some(size)) = (
            args.get(1),
            args.get(2).and_then(|s| s.parse::<usize>().ok()),
        ) else {
            eprintln!("usage: scaling --one SHAPE SIZE");
            return ExitCode::from(2);
        };
        let Some(shape) = shapes.iter().find(|s| s.name == name) else {
            eprintln!("scaling: no shape {name}");
            return ExitCode::from(2);
        };
        // The warm-up compiles both variants of each `text::Pattern`: the one for a
        // text of up to 4 KB and the one for a longer text.
        for warm in [size.min(3_000), shape.n / 4] {
            std::hint::black_box(run(shape.work, &config, &(shape.make)(warm)));
        }
        let text = (shape.make)(size);
        println!("{} {}", shape.name, measured(shape.work, &config, &text));
        return ExitCode::SUCCESS;
    }
    if args.first().map(String::as_str) == Some("--list") {
        for s in &shapes {
            println!("{} {}", s.name, s.n);
        }
        return ExitCode::SUCCESS;
    }
    let mut failed = false;
    println!("| shape | n | at n | at 4n | at 16n | growth n→4n | growth 4n→16n |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for shape in shapes
        .iter()
        .filter(|s| args.is_empty() || args.iter().any(|a| a == s.name))
    {
        let texts: Vec<String> = [1, 4, 16]
            .iter()
            .map(|k| (shape.make)(k * shape.n))
            .collect();
        std::hint::black_box(run(shape.work, &config, &texts[0]));
        let mut times = vec![Vec::new(); 3];
        for _ in 0..3 {
            for (text, t) in texts.iter().zip(&mut times) {
                let start = Instant::now();
                std::hint::black_box(run(shape.work, &config, text));
                t.push(start.elapsed());
            }
        }
        let t: Vec<f64> = times.into_iter().map(|t| median(t).as_secs_f64()).collect();
        let growth = [t[1] / t[0], t[2] / t[1]];
        let bad = growth.iter().any(|g| *g > LIMIT);
        failed |= bad;
        println!(
            "| {} | {} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} | {:.1}{} |",
            shape.name,
            shape.n,
            t[0] * 1e3,
            t[1] * 1e3,
            t[2] * 1e3,
            growth[0],
            growth[1],
            if bad { " **over the limit**" } else { "" }
        );
    }
    if failed {
        eprintln!("scaling: a shape grew more than {LIMIT} times for 4 times the input");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
