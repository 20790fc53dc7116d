//! The dateline that opens a story: where it was filed, when, and by which agency.
//!
//! Forms read (the place in capitals or as written; the country, date and year
//! optional where the desk leaves them out):
//!
//! ```text
//! ASTANA, Sept 20 (Reuters) -             KYIV, Ukraine (AP) —
//! TASHKENT, Dec 1 (Xinhua) --             Bishkek (Kyrgyzstan) (AFP) -
//! BISHKEK. Jan 16 (Interfax) -            ALMATY, Feb 10 2012 (IPS) -
//! MOSCOW, March 3. /TASS/.                Bishkek, Mar. 3, 2023. / Kabar/.
//! BAKU, Azerbaijan, March 3. /Trend/      Almaty/Kazinform/ -
//! ASTANA. KAZINFORM -                     NUR-SULTAN. KAZINFORM The president ...
//! September 27, 2007 (RFE/RL) --          BISHKEK --   KYIV, March 3 —
//! BAKU, Azerbaijan, August 19. The ...    Baku, Azerbaijan, Jan. 16   (a line of its own)
//! Bakı/22.11.23/Turan: The ...
//! ```
//!
//! A dateline stands at the start of one of the first two paragraphs (a plain-text
//! headline is often read as the first), or is a short line of its own among them. The agency, when the dateline names one, is
//! the source of the agency's own story.

use crate::text::Pattern;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use super::{BlockKind, Document};
use crate::text::TextRange;

/// A story's dateline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The whole dateline, separator included.
    pub range: TextRange,
    /// The place it was filed from (`ASTANA`, `KYIV/LONDON`, `Bishkek`), if it names one.
    pub place: Option<TextRange>,
    /// The date as printed (`Sept 20`, `Mar. 3, 2023`), if any.
    pub date: Option<TextRange>,
    /// The agency (`Reuters`, `TASS`, `KAZINFORM`), if any.
    pub agency: Option<TextRange>,
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)";

/// One pattern per family of forms; each has the groups `place`, `date`, `agency`
/// where the form has them. Each is compiled the first time a text passes its
/// [`may_match`] test, which most paragraphs do not.
static FORMS: LazyLock<Vec<String>> = LazyLock::new(|| {
    // A place in capitals ("NUR-SULTAN", "KYIV/LONDON", "ST. PETERSBURG") or as written
    // ("Bishkek", "Nur-Sultan"); a country after a comma or in brackets.
    let caps = r"\p{Lu}[\p{Lu}\p{M}'’.\-/ ]*\p{Lu}";
    let title = r"\p{Lu}\p{Ll}+(?:[\- ]\p{Lu}\p{Ll}+)?";
    let country = r"(?:,\s*\p{Lu}\p{L}+(?:\s\p{Lu}\p{L}+)?|\s*\(\p{Lu}\p{L}+(?:\s\p{Lu}\p{L}+)?\))";
    let date =
        format!(r"(?P<date>(?:{MONTH}\.?\s*\d{{1,2}}|\d{{1,2}}\s+{MONTH}\.?)(?:,?\s*\d{{4}})?)");
    let dash = r"(?:--|[-–—])";
    let paren_agency = r"\((?P<agency>[\p{Lu}][^()\n]{0,28}[^()\s])\)";
    let slash_agency = r"/\s*(?P<agency>\p{Lu}[^/\n]{0,28}?)\s*/";
    vec![
        // ASTANA, Sept 20 (Reuters) -  ·  BISHKEK. Jan 16 (Interfax) -  ·  Bishkek (Kyrgyzstan) (AFP) -
        format!(
            r"^(?P<place>{caps}|{title}){country}?(?:[,.]\s*{date})?\.?\s*{paren_agency}\s*{dash}\s*"
        ),
        // MOSCOW, March 3. /TASS/.  ·  Bishkek, Mar. 3, 2023. / Kabar/.  ·  BAKU, Azerbaijan, March 3. /Trend/
        format!(
            r"^(?P<place>{caps}|{title}){country}?[,.]\s*{date}\.?\s*{slash_agency}\.?\s*(?:{dash}\s*)?"
        ),
        // Almaty/Kazinform/ -
        format!(r"^(?P<place>{caps}|{title})\s*{slash_agency}\.?\s*(?:{dash}\s*)?"),
        // Bakı/22.11.23/Turan:  (a numeric date between slashes, the agency before a colon)
        format!(
            r"^(?P<place>{caps}|{title})/(?P<date>\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}})/(?P<agency>\p{{Lu}}[\p{{L}}.\- ]{{1,28}}?)\s*:\s*"
        ),
        // ASTANA. KAZINFORM -  ·  NUR-SULTAN. KAZINFORM The president ...
        format!(
            r"^(?P<place>{caps})\.\s+(?P<agency>\p{{Lu}}{{4,}})(?:\s*{dash}\s*|\s+)(?:\p{{Lu}}|\x22|“)"
        ),
        // September 27, 2007 (RFE/RL) --
        format!(r"^{date}\s*{paren_agency}\s*{dash}\s*"),
        // BISHKEK --  ·  KYIV, March 3 —  ·  KIEV, Ukraine, March 3 —
        format!(r"^(?P<place>{caps}){country}?(?:[,.]\s*{date})?\s*(?:--|[—–]|-\s)\s*"),
        // BAKU, Azerbaijan, August 19. The ...  (a place in capitals, a country, a date)
        format!(r"^(?P<place>{caps}){country},\s*{date}\.\s+"),
        // ASTANA. May 20. KAZINFORM -  ·  Astana. July 4. KazTAG -  ·  Baku. 18 February. REPORT.AZ/
        format!(
            r"^(?P<place>{caps}|{title})\.\s*{date}\.\s*(?P<agency>\p{{Lu}}[\p{{L}}.\-]{{1,28}}?)\s*(?:{dash}|/)\s*"
        ),
        // ASTANA. December 15. KAZINFORM Kazakhstan's ...  (an agency in capitals, no dash)
        format!(
            r"^(?P<place>{caps}|{title})\.\s*{date}\.\s*(?P<agency>\p{{Lu}}[\p{{Lu}}.\-]{{2,28}})\s+(?:\p{{Lu}}|\x22|“)"
        ),
    ]
});

/// The compiled [`FORMS`], each on first use.
static COMPILED: [OnceLock<Regex>; 10] = [const { OnceLock::new() }; 10];

/// Whether form `i` of [`FORMS`] can match `text` at all: what its pattern cannot do
/// without (a bracketed agency before a dash, a slash, a place in capitals), tested
/// without compiling it.
fn may_match(i: usize, text: &str) -> bool {
    // "(Reuters) -": a closing bracket, white space, a dash.
    let agency_before_dash = || {
        text.match_indices(')')
            .any(|(at, _)| text[at + 1..].trim_start().starts_with(['-', '–', '—']))
    };
    // A place in capitals: two capitals, or a capital and one of the characters
    // between them; never an ASCII lower-case letter second.
    let caps_place = || text.chars().nth(1).is_some_and(|c| !c.is_ascii_lowercase());
    match i {
        0 | 5 => agency_before_dash(),
        1..=3 => text.contains('/'),
        4 => caps_place() && text.contains('.'),
        6 => caps_place() && text.contains(['-', '–', '—']),
        7 => caps_place() && text.contains(','),
        // "Astana. July 4. KazTAG -": a first word, a full stop, then a month or a day.
        _ => text.split_once(". ").is_some_and(|(place, rest)| {
            place.len() <= 24
                && !place.contains(char::is_whitespace)
                && rest.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
                && rest.contains(". ")
        }),
    }
}

/// Form `i` of [`FORMS`], compiled.
fn form(i: usize) -> &'static Regex {
    COMPILED[i].get_or_init(|| Regex::new(&FORMS[i]).expect("valid dateline pattern"))
}

/// "Baku, Azerbaijan, Jan. 16" as a paragraph of its own.
static DATELINE_LINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"^(?P<place>\p{{Lu}}[\p{{L}}\-]+)(?:,\s*\p{{Lu}}\p{{L}}+(?:\s\p{{Lu}}\p{{L}}+)?)?,\s*(?P<date>{MONTH}\.?\s*\d{{1,2}}(?:,?\s*\d{{4}})?)\.?(?:\s*/\s*(?P<agency>\p{{Lu}}\p{{L}}+)[^/\n]{{0,40}}/)?$"
    ))
});

/// "Trend:" opening the paragraph after a dateline of its own: the agency.
static AGENCY_LEAD: Pattern = Pattern::new(r"^(?P<agency>\p{Lu}[\p{L}.]{1,20}):\s");

fn group(caps: &regex::Captures<'_>, name: &str, base: usize) -> Option<TextRange> {
    caps.name(name)
        .map(|m| TextRange::new(base + m.start(), base + m.end()))
}

/// The dateline of `doc`, if it has one.
pub(crate) fn find(doc: &Document) -> Option<Dateline> {
    let paragraphs: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading))
        .take(4)
        .collect();
    let mut seen = 0;
    for (i, block) in paragraphs.iter().enumerate() {
        let full = doc.prose_text(block.range);
        // A dateline opens its block with a capital (a place or a month) and is short:
        // the patterns read at most the first 160 bytes.
        if !full.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let mut cut = full.len().min(160);
        while !full.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = &full[..cut];
        let base = block.range.start;
        // A dateline of its own has a comma and a day: without them, the pattern (slow
        // to compile) is not asked.
        let may_be_line =
            full.len() <= 120 && full.contains(',') && full.contains(char::is_numeric);
        if let Some(caps) = may_be_line
            .then(|| DATELINE_LINE.captures(full.trim_end()))
            .flatten()
        {
            let next = paragraphs.get(i + 1);
            let agency = group(&caps, "agency", base).or_else(|| {
                next.and_then(|next| {
                    let t = doc.prose_text(next.range);
                    AGENCY_LEAD
                        .captures(t)
                        .and_then(|c| group(&c, "agency", next.range.start))
                })
            });
            return Some(Dateline {
                range: block.range,
                place: group(&caps, "place", base),
                date: group(&caps, "date", base),
                agency,
            });
        }
        // A heading is a dateline only as a whole: "Bishkek (Kyrgyzstan) (AFP) -".
        let heading = block.kind != BlockKind::Paragraph;
        if !heading {
            seen += 1;
            if seen > 2 {
                break;
            }
        }
        for i in 0..FORMS.len() {
            if !may_match(i, text) {
                continue;
            }
            if let Some(caps) = form(i)
                .captures(text)
                .filter(|c| !heading || c.get(0).is_some_and(|m| m.end() == full.len()))
            {
                let whole = caps.get(0).expect("a match");
                // The separator and the space after it belong to the dateline, but not
                // the first letter of the story that some forms look at.
                let end = text[..whole.end()]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| !(c.is_alphabetic() || *c == '"' || *c == '“'))
                    .map_or(whole.end(), |(j, c)| j + c.len_utf8());
                return Some(Dateline {
                    range: TextRange::new(base, base + end.max(1)),
                    place: group(&caps, "place", base),
                    date: group(&caps, "date", base),
                    agency: group(&caps, "agency", base),
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceKind;

    /// (place, date, agency) of the dateline of `text`.
    fn read(text: &str) -> Option<(String, String, String)> {
        let doc = Document::parse(text, SourceKind::Text);
        let d = doc.dateline.clone()?;
        let s = |r: Option<TextRange>| r.map(|r| doc.text(r).to_string()).unwrap_or_default();
        Some((s(d.place), s(d.date), s(d.agency)))
    }

    fn is(text: &str, place: &str, date: &str, agency: &str) {
        assert_eq!(
            read(text),
            Some((place.into(), date.into(), agency.into())),
            "{text}"
        );
    }

    #[test]
    fn wire_forms_with_an_agency() {
        let body = " The minister said talks would resume.\n";
        is(
            &format!("ASTANA, Sept 20 (Reuters) -{body}"),
            "ASTANA",
            "Sept 20",
            "Reuters",
        );
        is(&format!("KYIV, Ukraine (AP) —{body}"), "KYIV", "", "AP");
        is(
            &format!("Bakı/22.11.23/Turan:{body}"),
            "Bakı",
            "22.11.23",
            "Turan",
        );
        is(
            &format!("TASHKENT, Dec 1 (Xinhua) --{body}"),
            "TASHKENT",
            "Dec 1",
            "Xinhua",
        );
        is(
            &format!("Bishkek (Kyrgyzstan) (AFP) -{body}"),
            "Bishkek",
            "",
            "AFP",
        );
        is(
            &format!("BISHKEK. Jan 16 (Interfax) -{body}"),
            "BISHKEK",
            "Jan 16",
            "Interfax",
        );
        is(
            &format!("ALMATY, Feb 10 2012 (IPS) -{body}"),
            "ALMATY",
            "Feb 10 2012",
            "IPS",
        );
        is(
            &format!("MOSCOW, March 3. /TASS/.{body}"),
            "MOSCOW",
            "March 3",
            "TASS",
        );
        is(
            &format!("Bishkek, Mar. 3, 2023. / Kabar/.{body}"),
            "Bishkek",
            "Mar. 3, 2023",
            "Kabar",
        );
        is(
            &format!("BAKU, Azerbaijan, March 3. /Trend/{body}"),
            "BAKU",
            "March 3",
            "Trend",
        );
        is(
            &format!("Almaty/Kazinform/ -{body}"),
            "Almaty",
            "",
            "Kazinform",
        );
        is(
            &format!("ASTANA. KAZINFORM -{body}"),
            "ASTANA",
            "",
            "KAZINFORM",
        );
        is(
            &format!("NUR-SULTAN. KAZINFORM{body}"),
            "NUR-SULTAN",
            "",
            "KAZINFORM",
        );
        is(&format!("ASTANA (TCA) —{body}"), "ASTANA", "", "TCA");
        is(
            &format!("September 27, 2007 (RFE/RL) --{body}"),
            "",
            "September 27, 2007",
            "RFE/RL",
        );
        is(
            &format!("KYIV/LONDON, May 10 (Reuters) -{body}"),
            "KYIV/LONDON",
            "May 10",
            "Reuters",
        );
    }

    #[test]
    fn datelines_with_full_stops_and_the_day_before_the_month() {
        let body = " The president met the envoy.\n";
        is(
            &format!("ASTANA. May 20. KAZINFORM -{body}"),
            "ASTANA",
            "May 20",
            "KAZINFORM",
        );
        is(
            &format!("Astana. July 4. KazTAG -{body}"),
            "Astana",
            "July 4",
            "KazTAG",
        );
        is(
            &format!("Baku. 18 February. REPORT.AZ/{body}"),
            "Baku",
            "18 February",
            "REPORT.AZ",
        );
        is(&format!("BISHKEK. May 20 -{body}"), "BISHKEK", "May 20", "");
        is(
            &format!("ASTANA. December 15. KAZINFORM {body}"),
            "ASTANA",
            "December 15",
            "KAZINFORM",
        );
        // Not an agency: a word of the story after the date.
        let doc = Document::parse("Astana. July 4. The President spoke.\n", SourceKind::Text);
        assert!(doc.dateline.as_ref().is_none_or(|d| d.agency.is_none()));
        // A sentence is not a dateline: "Astana. The capital ..." has no date.
        let doc = Document::parse(
            "Astana. The capital moved in 1997. It grew.\n",
            SourceKind::Text,
        );
        assert!(doc.dateline.is_none());
    }

    #[test]
    fn datelines_without_an_agency() {
        let body = " The minister said talks would resume.\n";
        is(&format!("BISHKEK --{body}"), "BISHKEK", "", "");
        is(&format!("KYIV, March 3 —{body}"), "KYIV", "March 3", "");
        is(
            &format!("BAKU, Azerbaijan, August 19.{body}"),
            "BAKU",
            "August 19",
            "",
        );
        is(
            "Baku, Azerbaijan, Jan. 16\n\nTrend:\nThe minister said talks would resume.\n",
            "Baku",
            "Jan. 16",
            "Trend",
        );
        is(
            "A headline\n\nAzerbaijan, Baku, Oct. 10 / Trend A. Aliyeva/\n\nThe minister spoke.\n",
            "Azerbaijan",
            "Oct. 10",
            "Trend",
        );
        is(
            "A headline\n\nBishkek (Kyrgyzstan) (AFP) -\n\nThe minister spoke.\n",
            "Bishkek",
            "",
            "AFP",
        );
    }

    #[test]
    fn the_dateline_range_ends_before_the_story() {
        let text = "NUR-SULTAN. KAZINFORM The president met the envoy.\n";
        let doc = Document::parse(text, SourceKind::Text);
        assert_eq!(
            doc.text(doc.dateline.clone().unwrap().range),
            "NUR-SULTAN. KAZINFORM "
        );
        let text = "ASTANA, Sept 20 (Reuters) - The talks resumed.\n";
        let doc = Document::parse(text, SourceKind::Text);
        assert_eq!(
            doc.text(doc.dateline.clone().unwrap().range),
            "ASTANA, Sept 20 (Reuters) - "
        );
    }

    #[test]
    fn prose_is_not_a_dateline() {
        for text in [
            "The talks resumed in Astana on Monday (TASS, March 3).\n",
            "NATO and the EU met in Brussels.\n",
            "In Bishkek, March 3 was a holiday.\n",
            "Kazakhstan (and Kyrgyzstan) agreed - for now.\n",
            "Astana, the capital, hosted the talks.\n",
            "US. Officials said nothing.\n",
            "Tokayev, March 3, said nothing new.\n",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn only_the_first_paragraphs_hold_a_dateline() {
        let text = "First paragraph.\n\nSecond paragraph.\n\nBISHKEK -- Third.\n";
        assert_eq!(read(text), None);
        let text = "Headline in plain text\n\nBISHKEK -- The story.\n";
        assert_eq!(read(text).unwrap().0, "BISHKEK");
    }
}
