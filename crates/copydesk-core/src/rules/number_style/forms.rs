//! Percentages, millions and billions, ranges and thousands.

use crate::text::Pattern;

use super::{majority, readable, word_before, Found};
use crate::diagnostic::Edit;
use crate::document::{Block, Document};
use crate::style::{LanguageStyle, PercentForm, RangeDash, ScaleForm, Thousands};
use crate::text::TextRange;

/// A figure and the form of its percentage: `20%`, `20 %`, `20 percent`, `20 per cent`.
static PERCENT: Pattern = Pattern::new(
    r"(\d+(?:[.,]\d+)*)(\x{a0}?%|[ \x{a0}]per[ \x{a0}]cent\b|[ \x{a0}]percent\b|[ ]%)",
);

/// A figure of millions, billions or trillions, with its currency sign if any.
static SCALE: Pattern = Pattern::new(
    r"((?:US)?[$€£¥₽])?(\d+(?:\.\d+)?)([ \x{a0}]?)(billion|million|trillion|bn|mn|mln|bln|tn|trn|trln|m)\b",
);

/// Two figures joined by a hyphen or an en dash, with a currency sign if any.
static RANGE: Pattern = Pattern::new(r"([$€£¥₽])?(\d+(?:\.\d+)?)([-–])(\d+(?:\.\d+)?)");

/// A whole number of four digits or more, or one grouped in threes by commas or spaces.
static WHOLE: Pattern =
    Pattern::new(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \x{a0}\x{202f}\x{2009}]\d{3})+|\d{4,}");

/// Whether `c`, just before a figure, makes it part of something else: a word, a
/// code, a decimal, a date or a time.
fn glued_before(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || "-–.,:/+#№_".contains(c))
}

/// Whether the text after a figure continues it: a letter, or a separator and a digit.
fn glued_after(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_alphanumeric() => true,
        Some(c) if "-–.,:/".contains(c) => chars.next().is_some_and(|d| d.is_ascii_digit()),
        _ => false,
    }
}

fn house_and_safety<T: Copy + Eq>(house: Option<T>, written: &[T]) -> (Option<T>, bool) {
    match house {
        Some(h) => (Some(h), true),
        None => (majority(written), false),
    }
}

/// Percentages in another form than the house's (or the document's).
pub fn percentages(doc: &Document, house: PercentForm, out: &mut Vec<Found>) {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Form {
        Word,
        TwoWords,
        Sign,
    }
    let house = match house {
        PercentForm::Any => return,
        PercentForm::Percent => Some(Form::Word),
        PercentForm::PerCent => Some(Form::TwoWords),
        PercentForm::Sign => Some(Form::Sign),
        PercentForm::Consistent => None,
    };
    let mut seen = Vec::new();
    for block in doc.body_blocks() {
        let text = doc.prose_text(block.range);
        for caps in PERCENT.captures_iter(text) {
            let (Some(num), Some(form)) = (caps.get(1), caps.get(2)) else {
                continue;
            };
            let before = text[..num.start()].chars().next_back();
            let after = &text[form.end()..];
            // `70%-80%` is one range: rewriting one end would split it.
            let in_range = after.starts_with(['-', '–'])
                || text[..num.start()].ends_with("%-")
                || text[..num.start()].ends_with("%–");
            if glued_before(before) || in_range {
                continue;
            }
            let Some(range) = readable(doc, block, text, num.start(), form.end()) else {
                continue;
            };
            let f = form.as_str();
            let kind = if f.ends_with('%') {
                Form::Sign
            } else if f.contains("per") && f.contains("cent") && !f.contains("percent") {
                Form::TwoWords
            } else {
                Form::Word
            };
            let edit = TextRange::new(form.start(), form.end()).shift(block.range.start);
            seen.push((kind, range, edit, f != "%" && kind == Form::Sign));
        }
    }
    let kinds: Vec<Form> = seen.iter().map(|s| s.0).collect();
    let (want, safe) = house_and_safety(house, &kinds);
    let Some(want) = want else {
        return;
    };
    let (replacement, name, help) = match want {
        Form::Word => (" percent", "percent", "Write percentages as `20 percent`"),
        Form::TwoWords => (
            " per cent",
            "per cent",
            "Write percentages as `20 per cent`",
        ),
        Form::Sign => ("%", "%", "Write percentages as `20%`"),
    };
    for (kind, range, edit, spaced_sign) in seen {
        if kind == want && !spaced_sign {
            continue;
        }
        let written = doc.prose_text(range);
        let number = doc.prose_text(TextRange::new(range.start, edit.start));
        let rewritten = format!("{number}{replacement}");
        let why = if safe {
            "the house writes"
        } else {
            "most percentages of the document are written"
        };
        let message = if kind == want {
            format!("`{written}` has a space before the percent sign: `{rewritten}`")
        } else {
            format!("`{written}`: {why} `{name}`, `{rewritten}`")
        };
        out.push(Found {
            range,
            message,
            help,
            title: format!("Write `{rewritten}`"),
            edits: vec![Edit::replace(edit, replacement)],
            safe: safe || kind == want,
        });
    }
}

/// The abbreviations of a document's millions, billions and trillions.
fn abbreviations(units: &[&str]) -> [&'static str; 3] {
    if units.iter().any(|u| matches!(*u, "mln" | "bln" | "trln")) {
        [" mln", " bln", " trln"]
    } else if units.contains(&"mn") {
        ["mn", "bn", "tn"]
    } else {
        ["m", "bn", "tn"]
    }
}

/// Millions, billions and trillions in another form than the house's.
pub fn scales(doc: &Document, house: ScaleForm, out: &mut Vec<Found>) {
    let house = match house {
        ScaleForm::Any => return,
        ScaleForm::Words => Some(true),
        ScaleForm::Abbreviated => Some(false),
        ScaleForm::Consistent => None,
    };
    // (in words, money, range, the replaced unit with its space, the unit's scale)
    let mut seen: Vec<(bool, bool, TextRange, TextRange, usize)> = Vec::new();
    let mut units = Vec::new();
    for block in doc.body_blocks() {
        let text = doc.prose_text(block.range);
        for caps in SCALE.captures_iter(text) {
            let (Some(whole), Some(num), Some(space), Some(unit)) =
                (caps.get(0), caps.get(2), caps.get(3), caps.get(4))
            else {
                continue;
            };
            let money = caps.get(1).is_some();
            let u = unit.as_str();
            let in_words = u.len() > 3;
            let scale = match u {
                "million" | "m" | "mn" | "mln" => 0,
                "billion" | "bn" | "bln" => 1,
                _ => 2,
            };
            let before = text[..whole.start()].chars().next_back();
            // `5m` is five metres unless it is money; `5million` is not a form.
            if glued_before(before)
                || (u == "m" && (!money || !space.as_str().is_empty()))
                || (in_words && space.as_str().is_empty())
                || text[unit.end()..].starts_with(['-', '–'])
            {
                continue;
            }
            let Some(range) = readable(doc, block, text, whole.start(), unit.end()) else {
                continue;
            };
            let _ = num;
            if !in_words {
                units.push(u);
            }
            let edit = TextRange::new(space.start(), unit.end()).shift(block.range.start);
            seen.push((in_words, money, range, edit, scale));
        }
    }
    // Counted: amounts of money in words, and every abbreviated amount.
    let counted: Vec<bool> = seen.iter().filter(|s| !s.0 || s.1).map(|s| s.0).collect();
    let (want, safe) = house_and_safety(house, &counted);
    let Some(want_words) = want else {
        return;
    };
    let abbr = abbreviations(&units);
    for (in_words, money, range, edit, scale) in seen {
        // An abbreviation is for money: `23 million tons` stays in a `$4bn` house.
        if in_words == want_words || (in_words && !money) {
            continue;
        }
        let replacement = if want_words {
            [" million", " billion", " trillion"][scale]
        } else {
            abbr[scale]
        };
        let written = doc.prose_text(range);
        let rewritten = format!(
            "{}{replacement}",
            doc.prose_text(TextRange::new(range.start, edit.start))
        );
        let why = if safe {
            "the house writes"
        } else {
            "most amounts of the document are written"
        };
        let form = if want_words {
            "in words"
        } else {
            "abbreviated"
        };
        out.push(Found {
            range,
            message: format!("`{written}`: {why} millions and billions {form}, `{rewritten}`"),
            help: if want_words {
                "Write millions and billions in words: `$4 billion`, `$230 million`"
            } else {
                "Abbreviate millions and billions of money: `$4bn`, `$230m`"
            },
            title: format!("Write `{rewritten}`"),
            edits: vec![Edit::replace(edit, replacement)],
            safe,
        });
    }
}

/// Ranges of figures: `from 70-80` and `between 70-80`, and the dash of the others.
pub fn ranges(doc: &Document, house: RangeDash, out: &mut Vec<Found>) {
    let house = match house {
        RangeDash::Any => return,
        RangeDash::Hyphen => Some('-'),
        RangeDash::EnDash => Some('–'),
        RangeDash::Consistent => None,
    };
    let mut dashes: Vec<(char, TextRange, TextRange)> = Vec::new();
    for block in doc.body_blocks() {
        let text = doc.prose_text(block.range);
        for caps in RANGE.captures_iter(text) {
            let (Some(whole), Some(low), Some(dash), Some(high)) =
                (caps.get(0), caps.get(2), caps.get(3), caps.get(4))
            else {
                continue;
            };
            // `555-1234` is a telephone number, not a range.
            if low.as_str().len() < 4 && high.as_str().len() >= 4 {
                continue;
            }
            let before = text[..whole.start()].chars().next_back();
            let rest = &text[whole.end()..];
            if glued_before(before) || glued_after(rest) || rest.starts_with(['-', '–']) {
                continue;
            }
            let Some(range) = readable(doc, block, text, whole.start(), whole.end()) else {
                continue;
            };
            if model_number(block, text, whole.start()) {
                continue;
            }
            let edit = TextRange::new(dash.start(), dash.end()).shift(block.range.start);
            let lead = word_before(text, whole.start()).map(str::to_ascii_lowercase);
            let closes = [" to ", " and ", " until ", " through "]
                .iter()
                .any(|w| rest.starts_with(w));
            let joiner = match lead.as_deref() {
                Some("from") if !closes => Some(" to "),
                Some("between") if !closes => Some(" and "),
                _ => None,
            };
            if let Some(joiner) = joiner {
                let written = doc.prose_text(range);
                let rewritten = format!(
                    "{}{joiner}{}",
                    doc.prose_text(TextRange::new(range.start, edit.start)),
                    doc.prose_text(TextRange::new(edit.end, range.end))
                );
                let word = lead.unwrap_or_default();
                out.push(Found {
                    range,
                    message: format!(
                        "`{word} {written}` joins a range by a dash after `{word}`: `{word} {rewritten}`"
                    ),
                    help: "After `from`, a range takes `to`; after `between`, `and`",
                    title: format!("Write `{rewritten}`"),
                    edits: vec![Edit::replace(edit, joiner)],
                    safe: true,
                });
                continue;
            }
            let c = dash.as_str().chars().next().unwrap_or('-');
            dashes.push((c, range, edit));
        }
    }
    let written: Vec<char> = dashes.iter().map(|d| d.0).collect();
    let (want, safe) = house_and_safety(house, &written);
    let Some(want) = want else {
        return;
    };
    let name = if want == '-' {
        "a hyphen"
    } else {
        "an en dash"
    };
    for (c, range, edit) in dashes {
        if c == want {
            continue;
        }
        let written = doc.prose_text(range);
        let rewritten = written.replacen(c, &want.to_string(), 1);
        let why = if safe {
            "the house joins ranges by"
        } else {
            "most ranges of the document take"
        };
        out.push(Found {
            range,
            message: format!("`{written}`: {why} {name}, `{rewritten}`"),
            help: if want == '-' {
                "Join the figures of a range by a hyphen: `70-80`"
            } else {
                "Join the figures of a range by an en dash: `70–80`"
            },
            title: format!("Write `{rewritten}`"),
            edits: vec![Edit::replace(edit, want.to_string())],
            safe,
        });
    }
}

/// Whether the figure at `at` follows a capitalised word inside its sentence: a model
/// or a name's number (`Boeing 737-800`, `Article 5`, `Vision 2030`), not a count.
pub(super) fn model_number(block: &Block, text: &str, at: usize) -> bool {
    let Some(word) = word_before(text, at) else {
        return false;
    };
    // The space before the figure may be a no-break space, two bytes.
    let gap = text[..at].chars().next_back().map_or(1, char::len_utf8);
    let word_start = at - gap - word.len();
    let sentence_start = block
        .sentence_at(block.range.start + at)
        .map_or(0, |s| s.start - block.range.start);
    if word_start < sentence_start {
        // The word ends the sentence before.
        return false;
    }
    let opens = text[sentence_start..word_start]
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .is_empty();
    // `iPhone 5`, `eBay 2` are names too.
    word.chars().any(char::is_uppercase) && !opens
}

/// Whole numbers without the house's thousands separators; a four-figure number in the
/// years' span is a year unless one of the language's `year-like-units` follows it.
pub fn thousands(doc: &Document, house: Thousands, language: &LanguageStyle, out: &mut Vec<Found>) {
    let comma = match house {
        Thousands::Any => return,
        Thousands::Comma => true,
        Thousands::Space => false,
    };
    for block in doc.body_blocks() {
        let text = doc.prose_text(block.range);
        for m in WHOLE.find_iter(text) {
            let written = m.as_str();
            let before = text[..m.start()].chars().next_back();
            let rest = &text[m.end()..];
            if glued_before(before) || glued_after(rest) || rest.starts_with(['-', '–', '%']) {
                continue;
            }
            let digits: String = written.chars().filter(char::is_ascii_digit).collect();
            let grouped = digits.len() != written.len();
            let by_comma = written.contains(',');
            if (grouped && by_comma == comma) || digits.starts_with('0') {
                continue;
            }
            if !grouped {
                let value: u64 = digits.parse().unwrap_or(0);
                let four = digits.len() == 4;
                // A year, or a four-figure number that is not a count.
                let counts = rest
                    .strip_prefix(' ')
                    .is_some_and(|r| r.starts_with(char::is_lowercase));
                let money = before.is_some_and(|c| "$€£¥₽".contains(c));
                if four && !(counts || money) {
                    continue;
                }
                // `1998` is a year, unless a unit follows (`1378 kilometers`) and no
                // word of time comes before.
                if four && (1000..2200).contains(&value) {
                    let unit = super::word_after(text, m.end()).is_some_and(|w| {
                        language
                            .year_like_units
                            .contains_as_written(w.trim_end_matches('.'))
                    });
                    let timed = word_before(text, m.start()).is_some_and(|w| {
                        matches!(
                            w.to_ascii_lowercase().as_str(),
                            "in" | "since"
                                | "until"
                                | "by"
                                | "from"
                                | "before"
                                | "after"
                                | "during"
                                | "of"
                                | "the"
                                | "to"
                                | "and"
                                | "year"
                                | "fiscal"
                        )
                    });
                    if !unit || timed || money {
                        continue;
                    }
                }
            } else if !by_comma {
                // `12 300` may be two numbers (`June 12 300 protesters`): only a
                // count, and never after a month or a capitalised word.
                let counts = rest
                    .strip_prefix(' ')
                    .is_some_and(|r| r.starts_with(char::is_lowercase));
                if !counts
                    || word_before(text, m.start())
                        .is_some_and(|w| w.starts_with(char::is_uppercase))
                {
                    continue;
                }
            }
            let lead = word_before(text, m.start()).map(str::to_ascii_lowercase);
            if matches!(
                lead.as_deref(),
                Some("no." | "no" | "number" | "nos." | "code" | "tel." | "phone" | "fax" | "id")
            ) || model_number(block, text, m.start())
            {
                continue;
            }
            let Some(range) = readable(doc, block, text, m.start(), m.end()) else {
                continue;
            };
            let separator = if comma { "," } else { "\u{a0}" };
            let rewritten = group(&digits, separator);
            let (message, help) = if comma {
                (
                    format!("`{written}`: the house marks thousands by commas, `{rewritten}`"),
                    "Mark thousands by commas: `136,000`",
                )
            } else {
                (
                    format!("`{written}`: the house marks thousands by spaces, `{rewritten}`"),
                    "Mark thousands by (no-break) spaces: `136 000`",
                )
            };
            out.push(Found {
                range,
                message,
                help,
                title: format!("Write `{rewritten}`"),
                edits: vec![Edit::replace(range, rewritten)],
                safe: true,
            });
        }
    }
}

/// `digits` grouped in threes from the right by `separator`.
fn group(digits: &str, separator: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}
