//! Front matter and the publication date of a document.

use crate::text::Pattern;

use jiff::civil::Date;

use super::citation::month_number;
use super::{BlockKind, Document, FrontMatter, SourceKind};
use crate::text::TextRange;

/// Where a document's publication date came from, in order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// Given on the command line (`--date`).
    Flag,
    FrontMatter,
    /// A page's metadata (HTML `<meta property="article:published_time">`, `<time
    /// datetime>`, JSON-LD `datePublished`).
    Metadata,
    /// A `Date:` or `Published:` header line near the top.
    Header,
    /// A `YYYY-MM-DD` prefix of the file name.
    FileName,
    /// A Word document's core properties (created or modified), when the house style
    /// asks for them (`docx-date`).
    Properties,
    /// Unknown: today's date is assumed.
    Assumed,
}

impl DateSource {
    pub const fn describe(self) -> &'static str {
        match self {
            DateSource::Flag => "--date",
            DateSource::FrontMatter => "front matter",
            DateSource::Metadata => "page metadata",
            DateSource::Header => "header line",
            DateSource::FileName => "file name",
            DateSource::Properties => "document properties",
            DateSource::Assumed => "assumed (today)",
        }
    }
}

/// A publication date and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicationDate {
    pub date: Date,
    pub source: DateSource,
}

/// Which date of a Word document's core properties stands for its publication date
/// when nothing else gives one: none (the default: a draft's creation date is not its
/// publication date), its creation or its last modification.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocxDate {
    #[default]
    None,
    Created,
    Modified,
}

impl PublicationDate {
    /// A Word document's core-properties date in place of an assumed one, when `which`
    /// asks for one and the document has it; otherwise `self`.
    pub fn or_properties(self, doc: &Document, which: DocxDate) -> Self {
        let date = match which {
            DocxDate::None => None,
            DocxDate::Created => doc.core_dates.created,
            DocxDate::Modified => doc.core_dates.modified,
        };
        match date {
            Some(date) if self.source == DateSource::Assumed => Self {
                date,
                source: DateSource::Properties,
            },
            _ => self,
        }
    }
}

impl From<Date> for PublicationDate {
    /// A date the caller gives, as `--date` gives one: not assumed.
    fn from(date: Date) -> Self {
        Self {
            date,
            source: DateSource::Flag,
        }
    }
}

impl PublicationDate {
    /// The first that applies: `flag` > front matter `date` > a header line `Date:` or
    /// `Published:` > a `YYYY-MM-DD` prefix of `file_name` > `today` (assumed).
    pub fn resolve(
        doc: &Document,
        file_name: Option<&str>,
        flag: Option<Date>,
        today: Date,
    ) -> Self {
        let found = flag
            .map(|d| (d, DateSource::Flag))
            .or_else(|| {
                doc.front_matter
                    .as_ref()
                    .and_then(|fm| fm.date)
                    .map(|d| match doc.kind {
                        SourceKind::Html => (d, DateSource::Metadata),
                        _ => (d, DateSource::FrontMatter),
                    })
            })
            .or_else(|| doc.header_date().map(|d| (d, DateSource::Header)))
            .or_else(|| {
                file_name
                    .and_then(file_name_date)
                    .map(|d| (d, DateSource::FileName))
            });
        let (date, source) = found.unwrap_or((today, DateSource::Assumed));
        Self { date, source }
    }
}

static ISO_DATE: Pattern = Pattern::new(r"^(\d{4})-(\d{2})-(\d{2})");
static MONTH_DAY_YEAR: Pattern =
    Pattern::new(r"^(\p{Lu}\p{Ll}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})");
static DAY_MONTH_YEAR: Pattern = Pattern::new(r"^(\d{1,2})\s+(\p{Lu}\p{Ll}+)\.?,?\s+(\d{4})");
static HEADER_DATE: Pattern = Pattern::new(
    r"(?i)\b(?:date|published|publication date)\s*:\s*(.+?)\s*(?:\b(?:publication|volume|issue|author|by)\s*:|$)",
);

fn month_from_word(word: &str) -> Option<i8> {
    if let Some(m) = month_number(word) {
        return Some(m as i8);
    }
    let lower = word.to_lowercase();
    if lower.len() >= 3 {
        for (i, m) in super::MONTHS.iter().enumerate() {
            if m.to_lowercase().starts_with(&lower) {
                return Some(i as i8 + 1);
            }
        }
    }
    None
}

/// Parse a date written as `2021-09-10` (optionally with a time after it:
/// `2021-09-10T09:00:00Z`, `2021-09-10 09:00`), `September 10, 2021`,
/// `Sept. 10, 2021` or `10 September 2021`.
/// How far back a cited day written without its year may reach into the year before
/// publication: a piece published early in January cites "(TASS, December 28)" without
/// the year, as desks do.
pub const LAST_YEAR_WINDOW_DAYS: i64 = 92;

/// What a day written without its year is: how the text speaks of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearlessDay {
    /// A day in narrative prose: "visited the capital on September 14".
    Told,
    /// A day the sentence says is still to come: "the first flight will leave on March 2".
    Coming,
    /// The date of a cited source: "(TASS, December 28)".
    Cited,
}

/// Words of a sentence about the future: "will", "is due to", "is scheduled to",
/// "plans to", "is expected to", "next".
static COMING: Pattern = Pattern::new(
    r"(?i)\b(?:will|shall|is (?:due|scheduled|set|expected|to be)|are (?:due|scheduled|set|expected|to be)|plans? to|planned for|next|upcoming|forthcoming)\b",
);

impl YearlessDay {
    /// How a sentence of prose speaks of the days it names without their year: as days
    /// still to come when it speaks of the future ("will", "is due to", "next"), else as
    /// days told.
    pub fn told_in(sentence: &str) -> YearlessDay {
        if COMING.is_match(sentence) {
            YearlessDay::Coming
        } else {
            YearlessDay::Told
        }
    }
}

/// The date of a day written without its year, in a piece published on `published`: the
/// one policy of every rule. A day on or before publication in the publication year is
/// that day. A later one is a day still to come when the sentence says so
/// ([`YearlessDay::Coming`]); a narrated one is the year before's; a cited one is the year
/// before's only within [`LAST_YEAR_WINDOW_DAYS`] before publication (a year-end piece),
/// else it stays after publication, where citation-format reports it. `None` when the day
/// does not exist in that year.
pub fn yearless_date(month: i8, day: i8, published: Date, how: YearlessDay) -> Option<Date> {
    use jiff::ToSpan;
    let this_year = Date::new(published.year(), month, day).ok();
    if this_year.is_some_and(|d| d <= published) {
        return this_year;
    }
    let last_year = Date::new(published.year() - 1, month, day).ok();
    match how {
        YearlessDay::Coming => this_year,
        YearlessDay::Told => last_year,
        YearlessDay::Cited => last_year
            .filter(|d| {
                d.checked_add(LAST_YEAR_WINDOW_DAYS.days())
                    .is_ok_and(|limit| limit >= published)
            })
            .or(this_year),
    }
}

pub fn parse_date_text(text: &str) -> Option<Date> {
    let text = text.trim().trim_matches(|c| c == '"' || c == '\'');
    if let Some(c) = ISO_DATE.captures(text) {
        return Date::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?).ok();
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(text) {
        return Date::new(
            c[3].parse().ok()?,
            month_from_word(&c[1])?,
            c[2].parse().ok()?,
        )
        .ok();
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(text) {
        return Date::new(
            c[3].parse().ok()?,
            month_from_word(&c[2])?,
            c[1].parse().ok()?,
        )
        .ok();
    }
    None
}

/// A `YYYY-MM-DD` prefix of a file name (`2021-09-10-kazakhstan.md`).
pub fn file_name_date(file_name: &str) -> Option<Date> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let c = ISO_DATE.captures(base)?;
    Date::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?).ok()
}

/// Front matter at the very top: YAML between `---` lines or TOML between `+++` lines.
pub(crate) fn front_matter(source: &str) -> Option<FrontMatter> {
    let body = source.strip_prefix('\u{feff}').unwrap_or(source);
    let bom = source.len() - body.len();
    let fence = if body.starts_with("---") {
        "---"
    } else if body.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    let first_line_end = body.find('\n')?;
    if body[..first_line_end].trim_end() != fence {
        return None;
    }
    let mut offset = first_line_end + 1;
    let mut date_text = None;
    let mut published_text = None;
    let mut title = None;
    for line in body[offset..].split_inclusive('\n') {
        let end = offset + line.len();
        if line.trim_end() == fence {
            let range = TextRange::new(0, bom + end);
            // `date` is the publication date; a CMS that writes `published` instead
            // means the same.
            let date_text = date_text.or(published_text);
            let date = date_text.as_deref().and_then(parse_date_text);
            return Some(FrontMatter {
                range,
                date_text,
                date,
                title,
            });
        }
        if let Some((key, value)) = line.split_once([':', '=']) {
            let value = value
                .trim()
                .trim_matches(|c| c == '"' || c == '\'')
                .to_string();
            match key.trim().to_ascii_lowercase().as_str() {
                "date" => date_text = Some(value),
                "published" | "published_at" | "published-at" | "publishdate" | "publish_date"
                | "publish-date" | "pubdate" => published_text = Some(value),
                "title" => title = Some(value),
                _ => {}
            }
        }
        offset = end;
    }
    None
}

/// A date from a header line (`Date: September 10, 2021`, `Published: 2021-09-10`)
/// among the header blocks before the first body paragraph.
pub(crate) fn header_date(doc: &Document) -> Option<Date> {
    for block in doc.blocks.iter().take(12) {
        match block.kind {
            BlockKind::Header => {
                for line in doc.prose_text(block.range).lines() {
                    if let Some(c) = HEADER_DATE.captures(line.trim()) {
                        if let Some(d) = parse_date_text(&c[1]) {
                            return Some(d);
                        }
                    }
                }
            }
            BlockKind::Paragraph | BlockKind::ListItem => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_day_without_its_year_is_read_by_how_the_text_speaks_of_it() {
        use YearlessDay::{Cited, Coming, Told};
        let d = jiff::civil::date;
        let published = d(2020, 2, 18);
        // On or before publication: this year, however it is told.
        for how in [Told, Coming, Cited] {
            assert_eq!(yearless_date(2, 3, published, how), Some(d(2020, 2, 3)));
        }
        // After publication: still to come, or last year's when narrated.
        assert_eq!(yearless_date(3, 2, published, Coming), Some(d(2020, 3, 2)));
        assert_eq!(yearless_date(3, 2, published, Told), Some(d(2019, 3, 2)));
        // A cited day: the last weeks of the year before, else after publication.
        assert_eq!(
            yearless_date(12, 28, d(2021, 1, 5), Cited),
            Some(d(2020, 12, 28))
        );
        assert_eq!(
            yearless_date(10, 3, d(2021, 3, 1), Cited),
            Some(d(2021, 10, 3))
        );
        // Days that do not exist, and February 29 of the leap year before.
        assert_eq!(yearless_date(2, 30, published, Told), None);
        assert_eq!(
            yearless_date(2, 29, d(2021, 3, 1), Told),
            Some(d(2020, 2, 29))
        );
    }

    #[test]
    fn date_texts() {
        assert_eq!(parse_date_text("2021-09-10"), Some(date(2021, 9, 10)));
        assert_eq!(
            parse_date_text("2021-09-10T08:00:00Z"),
            Some(date(2021, 9, 10))
        );
        assert_eq!(
            parse_date_text("September 10, 2021"),
            Some(date(2021, 9, 10))
        );
        assert_eq!(parse_date_text("Sept. 10, 2021"), Some(date(2021, 9, 10)));
        assert_eq!(
            parse_date_text("10 September 2021"),
            Some(date(2021, 9, 10))
        );
        assert_eq!(parse_date_text("2021-02-30"), None);
        assert_eq!(parse_date_text("soon"), None);
    }

    #[test]
    fn file_name_prefix() {
        assert_eq!(
            file_name_date("drafts/2019-03-21-capital.md"),
            Some(date(2019, 3, 21))
        );
        assert_eq!(file_name_date("capital-2019-03-21.md"), None);
    }

    #[test]
    fn front_matter_yaml_and_toml() {
        let fm = front_matter("---\ntitle: \"Kazakhstan\"\ndate: 2022-10-01\n---\nBody").unwrap();
        assert_eq!(fm.date, Some(date(2022, 10, 1)));
        assert_eq!(fm.title.as_deref(), Some("Kazakhstan"));
        let fm = front_matter("+++\ndate = 2018-05-04\n+++\nBody").unwrap();
        assert_eq!(fm.date, Some(date(2018, 5, 4)));
        assert!(front_matter("--- not a fence\n").is_none());
    }
}
