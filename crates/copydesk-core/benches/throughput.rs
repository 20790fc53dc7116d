//! Throughput of copydesk over a synthetic archive, as ratios against baselines measured
//! in the same run: a bare pulldown-cmark parse of the same text (the least any
//! Markdown-aware linter does) and a byte scan that counts lines.
//!
//! The HTML archive holds the same articles as pages of a CMS (head, navigation, widgets,
//! related links, footer, character references in the text): reading a page should cost
//! no more than twice the Markdown path per byte of prose.
//!
//! Run with `cargo bench -p copydesk-core --bench throughput`. Figures vary by machine;
//! the ratios are what to compare.

use std::hint::black_box;
use std::time::{Duration, Instant};

use copydesk_core::{lint, Context, Document, HouseStyle, SourceKind};

const OUTLETS: [&str; 6] = [
    "TASS",
    "Kursiv.kz",
    "Interfax",
    "Kabar",
    "Gazeta.uz",
    "Radio Azattyq",
];
const MONTHS: [&str; 6] = ["March", "April", "May", "June", "July", "August"];

/// One synthetic article in the house style; `n` varies figures, outlets and dates.
fn article(n: usize) -> String {
    let o = |k: usize| OUTLETS[(n + k) % OUTLETS.len()];
    let m = |k: usize| MONTHS[(n + k) % MONTHS.len()];
    let mut s = format!(
        "---\ntitle: Report {n}\ndate: 2021-09-{:02}\n---\n\n# Trade and Security, Part {n}\n\n",
        1 + n % 28
    );
    for p in 0..8 {
        s.push_str(&format!(
            "The ministry reported on {} {} that exports through the Caspian ports rose by {} percent, to {}.{} million tonnes. \
             Officials in Nur-Sultan said the Collective Security Treaty Organization (CSTO) would meet in the autumn; \
             the CSTO has met twice this year. “We expect the terminal to double its capacity,” a deputy minister told reporters. \
             Analysts doubt it will happen soon, and there is little to suggest the timetable will hold ({}, {} {}; {}, {} {}).\n\n",
            m(p), 1 + (n + p) % 27, 3 + (n * p) % 40, n % 9, p, o(p), m(p), 2 + p, o(p + 1), m(p + 1), 3 + p
        ));
    }
    s
}

/// The same article as a CMS page: the prose in `<article>`, with page furniture around
/// it and its quotation marks and apostrophes written as character references.
fn html_page(n: usize) -> String {
    let md = article(n);
    let body = md.split("\n---\n").nth(1).unwrap_or(&md);
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Report {n}</title>\n\
         <meta property=\"article:published_time\" content=\"2021-09-{:02}T09:00:00Z\">\n\
         <script>window.dataLayer = [{{\"page\": \"article\"}}];</script>\n\
         <style>body {{ font-family: serif; }}</style></head>\n<body>\n\
         <header class=\"site-header\"><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li></ul></nav></header>\n\
         <div class=\"weather-widget\">Nur-Sultan 21&deg;C</div>\n<main><article>\n",
        1 + n % 28
    );
    for block in body.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        let text = block
            .replace('“', "&#8220;")
            .replace('”', "&#8221;")
            .replace('’', "&rsquo;");
        match text.strip_prefix("# ") {
            Some(h) => s.push_str(&format!("<h1>{h}</h1>\n")),
            None => s.push_str(&format!("<p>{text}</p>\n")),
        }
    }
    s.push_str(
        "</article>\n<aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/a\">Caspian ports</a></li></ul></aside>\n\
         </main><footer><p>&copy; The Paper</p></footer>\n</body></html>\n",
    );
    s
}

/// The bytes of prose (block text) of each document.
fn prose_bytes(docs: &[String], kind: SourceKind) -> usize {
    docs.iter()
        .map(|d| {
            let doc = Document::parse(d.as_str(), kind);
            doc.blocks.iter().map(|b| b.range.len()).sum::<usize>()
        })
        .sum()
}

fn time<F: FnMut() -> usize>(
    label: &str,
    bytes: usize,
    baseline: Option<Duration>,
    mut f: F,
) -> Duration {
    // Warm up once, then take the best of five runs.
    black_box(f());
    let best = (0..5)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .min()
        .expect("five runs");
    let mb_s = bytes as f64 / 1e6 / best.as_secs_f64();
    match baseline {
        Some(b) => println!(
            "{label:<34} {:>9.2} ms  {mb_s:>8.1} MB/s  {:>6.2}x baseline",
            best.as_secs_f64() * 1e3,
            best.as_secs_f64() / b.as_secs_f64()
        ),
        None => println!(
            "{label:<34} {:>9.2} ms  {mb_s:>8.1} MB/s  (baseline)",
            best.as_secs_f64() * 1e3
        ),
    }
    best
}

fn main() {
    let docs: Vec<String> = (0..2_000).map(article).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    println!(
        "corpus: {} Markdown articles, {:.1} MB",
        docs.len(),
        bytes as f64 / 1e6
    );

    let lines = time("byte scan (count lines)", bytes, None, || {
        docs.iter()
            .map(|d| d.bytes().filter(|&b| b == b'\n').count())
            .sum()
    });
    let cmark = time("pulldown-cmark parse only", bytes, Some(lines), || {
        docs.iter()
            .map(|d| pulldown_cmark::Parser::new(d).count())
            .sum()
    });
    let style = HouseStyle::embedded();
    let markdown_model = time("copydesk document model", bytes, Some(cmark), || {
        docs.iter()
            .map(|d| {
                Document::parse(d.as_str(), SourceKind::Markdown)
                    .blocks
                    .len()
            })
            .sum()
    });
    let pages: Vec<String> = (0..2_000).map(html_page).collect();
    let page_bytes: usize = pages.iter().map(String::len).sum();
    println!(
        "HTML archive: {} pages, {:.1} MB",
        pages.len(),
        page_bytes as f64 / 1e6
    );
    time("html5gum tokenize only", page_bytes, Some(cmark), || {
        pages
            .iter()
            .map(|d| {
                let mut emitter = html5gum::DefaultEmitter::<usize>::new_with_span();
                emitter.naively_switch_states(true);
                html5gum::Tokenizer::new_with_emitter(d.as_str(), emitter).count()
            })
            .sum()
    });
    let html_model = time(
        "copydesk HTML document model",
        page_bytes,
        Some(markdown_model),
        || {
            pages
                .iter()
                .map(|d| Document::parse(d.as_str(), SourceKind::Html).blocks.len())
                .sum()
        },
    );
    let per_prose = |t: Duration, prose: usize| t.as_secs_f64() * 1e9 / prose as f64;
    let md_ns = per_prose(markdown_model, prose_bytes(&docs, SourceKind::Markdown));
    let html_ns = per_prose(html_model, prose_bytes(&pages, SourceKind::Html));
    println!(
        "per byte of prose: Markdown {md_ns:.1} ns, HTML {html_ns:.1} ns ({:.2}x; at most 2x)",
        html_ns / md_ns
    );
    time("copydesk model + all rules", bytes, Some(cmark), || {
        docs.iter()
            .map(|d| {
                let doc = Document::parse(d.as_str(), SourceKind::Markdown);
                let ctx = Context {
                    date: jiff::civil::date(2021, 9, 30),
                    style,
                    date_assumed: false,
                };
                lint(&doc, &ctx).len()
            })
            .sum()
    });
}
