//! A page's publication date and title, from its metadata: `<meta
//! property="article:published_time">`, or else the first `<time datetime>` that is not
//! inside a paragraph (a date in the prose is not the page's), or else the
//! `datePublished` of a JSON-LD script, in that order.

use crate::text::Pattern;

use html5gum::StartTag;

use super::attr_text;
use crate::document::{parse_date_text, FrontMatter};
use crate::text::TextRange;

static JSON_LD_DATE: Pattern = Pattern::new(r#""datePublished"\s*:\s*"([^"]+)""#);

/// The dates a page gives, each with the range of the element that gives it.
#[derive(Default)]
pub(super) struct Candidates {
    meta: Option<(String, TextRange)>,
    time: Option<(String, TextRange)>,
    json_ld: Option<(String, TextRange)>,
    title: Option<String>,
    /// The start tag of the script being read, when it is JSON-LD.
    json_ld_script: Option<TextRange>,
}

impl Candidates {
    pub fn start_tag(&mut self, name: &str, tag: &StartTag<usize>, in_paragraph: bool) {
        let range = TextRange::new(tag.span.start, tag.span.end);
        match name {
            "meta" if self.meta.is_none() => {
                let names = ["property", "name", "itemprop"];
                let published = names.iter().any(|n| {
                    attr_text(tag, n).is_some_and(|v| {
                        v.eq_ignore_ascii_case("article:published_time")
                            || v.eq_ignore_ascii_case("datePublished")
                    })
                });
                if published {
                    self.meta = attr_text(tag, "content").map(|c| (c, range));
                }
            }
            "time" if self.time.is_none() && !in_paragraph => {
                self.time = attr_text(tag, "datetime").map(|d| (d, range));
            }
            "script" => {
                self.json_ld_script = attr_text(tag, "type")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
                    .then_some(range);
            }
            _ => {}
        }
    }

    /// Text inside `<script>` or `<title>`.
    pub fn text(&mut self, element: &str, text: &str) {
        match element {
            "title" if self.title.is_none() => {
                let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
                self.title = (!t.is_empty()).then_some(t);
            }
            "script" if self.json_ld.is_none() => {
                if let (Some(range), Some(c)) = (self.json_ld_script, JSON_LD_DATE.captures(text)) {
                    self.json_ld = Some((c[1].to_string(), range));
                }
            }
            _ => {}
        }
    }

    /// The publication date (the first of the candidates that reads as a date) with
    /// the element that gives it, and the page's title.
    pub fn front_matter(self) -> Option<FrontMatter> {
        let title = self.title;
        [self.meta, self.time, self.json_ld]
            .into_iter()
            .flatten()
            .find_map(|(text, range)| {
                let date = parse_date_text(&text)?;
                Some(FrontMatter {
                    range,
                    date: Some(date),
                    date_text: Some(text),
                    title: title.clone(),
                })
            })
    }
}
