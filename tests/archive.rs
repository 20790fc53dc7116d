//! A generated archive: news articles from 2005 to 2024 with the mistakes of every rule
//! seeded in some of them, written into a folder at test or benchmark time (never
//! committed). The same seed gives the same archive.
//!
//! Articles sit in `YEAR/MM/` folders and are dated as archives date them: most by a
//! `YYYY-MM-DD` prefix of the file name, others by front matter or a `Date:` header
//! line, and one in a hundred not at all. About six in ten carry one or two seeded
//! mistakes, each of a rule drawn at random; [`SEEDED_RULES`] lists the rules seeded.

use std::fs;
use std::io;
use std::path::Path;

use copydesk_core::document::MONTHS;

/// Every rule whose mistakes the archive holds.
pub const SEEDED_RULES: [&str; 13] = [
    "citation-format",
    "unsourced-claim",
    "unattributed-quote",
    "acronym-undefined",
    "acronym-mismatch",
    "acronym-redefined",
    "place-name",
    "name-consistency",
    "date-weekday",
    "date-style",
    "quote-style",
    "number-style",
    "unused-suppression",
];

/// SplitMix64: a small generator whose sequence is fixed by its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const OUTLETS: [&str; 8] = [
    "Kursiv",
    "Kazinform",
    "Vlast.kz",
    "Interfax",
    "Asia-Plus",
    "Azattyq",
    "BelTA",
    "Tengrinews.kz",
];

const TOPICS: [&str; 6] = [
    "Grain Exports",
    "Heating Tariffs",
    "Water Talks",
    "Rail Freight",
    "Border Trade",
    "Power Lines",
];

/// Paragraphs without a mistake; `{cite}` is a citation group dated on publication day,
/// `{capital}` the name Kazakhstan's capital had then.
const CLEAN: [&str; 8] = [
    "Ministers from Kazakhstan and Kyrgyzstan met in {capital} on Tuesday to discuss a new trade agreement {cite}.",
    "Rail operators blamed the slowdown on a shortage of grain wagons at the border {cite}.",
    "Exporters expect prices to rise by a tenth before the end of the year {cite}.",
    "Traders in Almaty said that smaller mills had already stopped buying {cite}.",
    "The talks ran late into the night.",
    "Officials hope to meet again next month {cite}.",
    "Farmers in the south said the spring had been dry, and that they would plant less cotton {cite}.",
    "The city council approved a rise in heating tariffs on Monday {cite}.",
];

/// The seeded mistake of each rule of [`SEEDED_RULES`], in that order.
fn mistake(rule: usize, cite: &str, wrong_capital: &str, month: &str, markdown: bool) -> String {
    match rule {
        0 => format!("Freight rates on the route to Termez doubled in a month (Kapital.kz, Setpember {}).", 3),
        1 => "Money sent home by migrants fell by 32 percent in the first quarter, to $310 million."
            .to_string(),
        2 => format!(
            "The mood in the hall was gloomy. \u{201c}Nobody will plant cotton if the water does not come in June.\u{201d} Officials hope to meet again in {month} {cite}."
        ),
        3 => format!("Activists of the YDP picketed the summit hall {cite}."),
        4 => format!(
            "The Eurasian Development Bank (EBD) promised $1.5 billion for new power lines across Central Asia {cite}."
        ),
        5 => format!(
            "Prime ministers of the Eurasian Economic Union (EAEU) met on Tuesday to discuss a common gas market {cite}.\n\nBy morning, the Eurasian Economic Union (EAEU) had agreed to postpone the gas market {cite}."
        ),
        6 => format!("Delegations gathered in {wrong_capital} on Tuesday for the talks {cite}."),
        7 => format!("President Tokaev opened the session of the council {cite}."),
        // 3 March 2021 was a Wednesday.
        8 => format!("The council first met on Monday, March 3, 2021 {cite}."),
        9 => format!("The tariff commission met again on 14 {month} {cite}."),
        10 => format!("Ministers called the plan \u{201c}a first step and moved on {cite}."),
        11 => format!("Wheat exports rose by 12% in the first half of the year {cite}."),
        _ if markdown => format!(
            "<!-- copydesk-disable-next-line citation-format -->\nThe council will publish the new tariffs next week {cite}."
        ),
        // A suppression comment is Markdown's: a plain-text article gets a misspelt
        // month instead.
        _ => format!("Freight rates doubled in a month (Kapital.kz, Setpember {}).", 4),
    }
}

/// Whether Kazakhstan's capital was called Nur-Sultan on this day (20 March 2019 to
/// 17 September 2022), else Astana.
fn nur_sultan(year: i32, month: usize, day: usize) -> bool {
    let d = (year, month, day);
    ((2019, 3, 20)..=(2022, 9, 17)).contains(&d)
}

/// Write `articles` articles under `dir`, drawn from `seed`.
pub fn generate(dir: &Path, articles: usize, seed: u64) -> io::Result<()> {
    let mut rng = Rng(seed);
    for n in 0..articles {
        let year = 2005 + rng.below(20) as i32;
        let month = 1 + rng.below(12);
        let day = 1 + rng.below(28);
        let markdown = rng.below(4) != 0;
        let topic = rng.pick(&TOPICS);
        let outlet = rng.pick(&OUTLETS);
        let month_name = MONTHS[month - 1];
        let cite = format!("({outlet}, {month_name} {day})");
        let (capital, wrong) = if nur_sultan(year, month, day) {
            ("Nur-Sultan", "Astana")
        } else {
            ("Astana", "Nur-Sultan")
        };
        let mut paragraphs: Vec<String> = (0..3 + rng.below(5))
            .map(|_| {
                rng.pick(&CLEAN)
                    .replace("{cite}", &cite)
                    .replace("{capital}", capital)
            })
            .collect();
        let mistakes = match rng.below(10) {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        };
        for _ in 0..mistakes {
            let rule = rng.below(SEEDED_RULES.len());
            let at = rng.below(paragraphs.len() + 1);
            paragraphs.insert(at, mistake(rule, &cite, wrong, month_name, markdown));
        }
        let title = format!("{topic} in {capital}, {month_name} {year}");
        let iso = format!("{year}-{month:02}-{day:02}");
        let slug = format!("{}-{n:05}", topic.to_lowercase().replace(' ', "-"));
        let ext = if markdown { "md" } else { "txt" };
        let (name, head) = match rng.below(100) {
            0 => (format!("{slug}.{ext}"), String::new()),
            1..=20 if markdown => (
                format!("{slug}.{ext}"),
                format!("---\ntitle: {title}\ndate: {iso}\n---\n\n"),
            ),
            21..=35 => (
                format!("{slug}.{ext}"),
                format!("Date: {month_name} {day}, {year}\n\n"),
            ),
            _ => (format!("{iso}-{slug}.{ext}"), String::new()),
        };
        let heading = if markdown {
            format!("# {title}\n\n")
        } else {
            format!("{title}\n\n")
        };
        let folder = dir.join(year.to_string()).join(format!("{month:02}"));
        fs::create_dir_all(&folder)?;
        fs::write(
            folder.join(name),
            format!("{head}{heading}{}\n", paragraphs.join("\n\n")),
        )?;
    }
    Ok(())
}
