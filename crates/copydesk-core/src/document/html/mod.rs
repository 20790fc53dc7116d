//! HTML: html5gum tokenizes the page (the WHATWG tokenizer, with the byte span of every
//! token), a small tree walk here decides what is the article and what each block is.
//!
//! Only the article is prose: the `<article>` (or else `<main>`, or else the element
//! that holds the largest body of paragraphs). Scripts, styles, navigation, page
//! headers, footers, asides, forms, tables, code and page furniture marked by its
//! class, id or role (weather widgets, related links, share buttons) stay blank, like
//! every tag and comment. Headings, `<figcaption>`, `<blockquote>`, list items and
//! paragraphs become blocks; `<a href>` a [`Link`]; `<abbr title>` an
//! [`Abbreviation`]; comments are where suppression directives stand. Character
//! references are decoded in the prose view ([`text`]).

mod meta;
mod text;

use crate::text::Pattern;

use html5gum::{DefaultEmitter, StartTag, Token, Tokenizer};

pub use text::SourceMap;

use super::plain::{blank, mask_urls};
use super::{trim_range, BlockKind, FrontMatter, Link, RawDocument};
use crate::text::TextRange;

/// An `<abbr title="...">`: the page's own expansion of an acronym.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abbreviation {
    /// The acronym as written (the element's text).
    pub range: TextRange,
    /// The `title`, its expansion.
    pub title: String,
}

/// What the HTML scanner hands to the document.
pub(crate) struct HtmlScan {
    pub raw: RawDocument,
    pub map: SourceMap,
    pub abbreviations: Vec<Abbreviation>,
    pub front_matter: Option<FrontMatter>,
    /// Why the page cannot be read as it stands (it ends inside a tag or a comment).
    pub malformed: Option<String>,
}

/// Elements whose content is never prose.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "svg", "math", "iframe", "object", "canvas", "video", "audio", "table", "menu",
    "dialog", "pre", "code", "kbd", "samp",
];

/// Elements that hold no content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements that stand inside a line of text.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i", "mark", "q", "s", "small",
    "span", "strong", "sub", "sup", "time", "u", "var", "del", "ins", "font", "label", "big", "tt",
    "nobr",
];

/// Page furniture by class or id: widgets, menus, related links, sharing, comments.
static FURNITURE: Pattern = Pattern::new(
    r"(?i)(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|sidebar|widget|weather|related|share|sharing|social|newsletter|subscribe|promo|advert|advertisement|ads?|sponsored|cookie|comments?|recommended|most-read|trending|paywall|toolbar)(?:$|[\s_-])",
);

/// Roles of page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "dialog",
    "alert",
];

fn attr<'t>(tag: &'t StartTag<usize>, name: &str) -> Option<&'t [u8]> {
    tag.attributes
        .get(name.as_bytes())
        .map(|v| v.value.as_slice())
}

fn attr_text(tag: &StartTag<usize>, name: &str) -> Option<String> {
    attr(tag, name).map(|v| String::from_utf8_lossy(v).trim().to_string())
}

fn is_furniture(tag: &StartTag<usize>) -> bool {
    if tag.attributes.is_empty() {
        return false;
    }
    let marked = |name: &str| {
        attr(tag, name).is_some_and(|v| FURNITURE.is_match(&String::from_utf8_lossy(v)))
    };
    marked("class")
        || marked("id")
        || attr(tag, "role").is_some_and(|r| {
            FURNITURE_ROLES.contains(
                &String::from_utf8_lossy(r)
                    .trim()
                    .to_ascii_lowercase()
                    .as_str(),
            )
        })
        || attr(tag, "hidden").is_some()
        || attr(tag, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case(b"true"))
}

/// The block kind of an element that holds a block of text.
fn block_kind(name: &str, in_quote: bool) -> BlockKind {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "figcaption" => BlockKind::Caption,
        _ if in_quote => BlockKind::BlockQuote,
        "blockquote" => BlockKind::BlockQuote,
        "li" => BlockKind::ListItem,
        _ => BlockKind::Paragraph,
    }
}

/// An open element.
struct Elem {
    name: String,
    /// Whether it stands inside a line of text ([`INLINE`]).
    inline: bool,
    id: usize,
    skip: bool,
    /// The outermost `<article>` (`<main>`) that holds the element, by id.
    article: Option<usize>,
    main: Option<usize>,
    in_quote: bool,
    in_paragraph: bool,
    /// The text runs of the block this element holds, since its last child block.
    runs: Vec<TextRange>,
    /// An open link: where its start tag begins and its destination.
    link: Option<(usize, String)>,
    /// An open `<abbr title>`: where its text begins and the title.
    abbr: Option<(usize, String)>,
    /// An open `<em>`, `<i>` or `<cite>` outside any other: where its start tag begins.
    emphasis: Option<usize>,
}

/// A block of text found in the page, before the article is chosen.
struct Segment {
    kind: BlockKind,
    runs: Vec<TextRange>,
    article: Option<usize>,
    main: Option<usize>,
    /// The ids of the elements that hold it, outermost first.
    ancestors: Vec<usize>,
}

#[derive(Default)]
struct Walk {
    stack: Vec<Elem>,
    next_id: usize,
    segments: Vec<Segment>,
    links: Vec<Link>,
    abbreviations: Vec<Abbreviation>,
    emphasis: Vec<TextRange>,
    comments: Vec<TextRange>,
    meta: meta::Candidates,
    malformed: Option<String>,
}

impl Walk {
    /// The innermost open element that is not inline, if any.
    fn holder(&self) -> Option<usize> {
        self.stack.iter().rposition(|e| !e.inline)
    }

    fn flush(&mut self, at: usize) {
        let runs = std::mem::take(&mut self.stack[at].runs);
        if runs.is_empty() {
            return;
        }
        let e = &self.stack[at];
        self.segments.push(Segment {
            kind: block_kind(&e.name, e.in_quote),
            runs,
            article: e.article,
            main: e.main,
            ancestors: self.stack[..at].iter().map(|e| e.id).collect(),
        });
    }

    /// Close the elements from the top of the stack down to `at`, inclusive.
    fn close_to(&mut self, at: usize, end: usize) {
        while self.stack.len() > at {
            let top = self.stack.len() - 1;
            self.flush(top);
            let e = self.stack.pop().expect("non-empty");
            if let Some((start, destination)) = e.link {
                self.links.push(Link {
                    range: TextRange::new(start, end),
                    destination,
                });
            }
            if let Some((start, title)) = e.abbr {
                self.abbreviations.push(Abbreviation {
                    range: TextRange::new(start, end),
                    title,
                });
            }
            if let Some(start) = e.emphasis {
                self.emphasis.push(TextRange::new(start, end));
            }
        }
    }

    /// The position of the open element `name` that a start tag of `closer` closes
    /// implicitly (`<p>` closes an open paragraph, `<li>` an open item), if any.
    fn implied_close(&self, closer: &str) -> Option<usize> {
        let closes: &[&str] = match closer {
            "li" => &["li", "p"],
            "dt" | "dd" => &["dt", "dd", "p"],
            _ if !INLINE.contains(&closer) => &["p"],
            _ => return None,
        };
        let i = self.stack.iter().rposition(|e| !e.inline)?;
        closes.contains(&self.stack[i].name.as_str()).then_some(i)
    }

    fn start(&mut self, tag: StartTag<usize>) {
        // The tokenizer lowers ASCII letters of tag names.
        let name = String::from_utf8_lossy(&tag.name).into_owned();
        let in_paragraph = self.stack.last().is_some_and(|e| e.in_paragraph);
        self.meta.start_tag(&name, &tag, in_paragraph);
        if let Some(i) = self.implied_close(&name) {
            self.close_to(i, tag.span.start);
            // `<li>` after a `<p>` inside an item closes the item too.
            if name == "li" {
                if let Some(j) = self.implied_close("li") {
                    self.close_to(j, tag.span.start);
                }
            }
        }
        if VOID.contains(&name.as_str()) || tag.self_closing {
            return;
        }
        let inline = INLINE.contains(&name.as_str());
        if !inline {
            if let Some(h) = self.holder() {
                self.flush(h);
            }
        }
        let parent = self.stack.last();
        let id = self.next_id;
        let article = parent
            .and_then(|p| p.article)
            .or((name == "article").then_some(id));
        let main = parent
            .and_then(|p| p.main)
            .or((name == "main").then_some(id));
        // A page's header is furniture, an article's is its headline and byline; a footer
        // is furniture except where it credits a block quote.
        let in_quote = parent.is_some_and(|p| p.in_quote);
        let page_furniture = (name == "header" && article.is_none() && main.is_none())
            || (name == "footer" && !in_quote);
        let skip = parent.is_some_and(|p| p.skip)
            || SKIPPED.contains(&name.as_str())
            || page_furniture
            || is_furniture(&tag);
        let link = (name == "a")
            .then(|| attr_text(&tag, "href"))
            .flatten()
            .map(|href| (tag.span.start, href));
        let abbr = (name == "abbr")
            .then(|| attr_text(&tag, "title"))
            .flatten()
            .filter(|t| !t.is_empty())
            .map(|title| (tag.span.end, title));
        // Italics (a title, a foreign word): the outermost span, markup included.
        let emphasis = (matches!(name.as_str(), "em" | "i" | "cite")
            && !self.stack.iter().any(|e| e.emphasis.is_some()))
        .then_some(tag.span.start);
        self.stack.push(Elem {
            in_quote: parent.is_some_and(|p| p.in_quote) || name == "blockquote",
            in_paragraph: parent.is_some_and(|p| p.in_paragraph) || name == "p",
            name,
            inline,
            id,
            skip,
            article,
            main,
            runs: Vec::new(),
            link,
            abbr,
            emphasis,
        });
        self.next_id += 1;
    }

    fn end(&mut self, name: &str, span: TextRange) {
        if let Some(i) = self.stack.iter().rposition(|e| e.name == name) {
            // An abbreviation's text ends where its end tag begins; a link's range
            // takes in the end tag.
            if self.stack[i].abbr.is_some() {
                let (start, title) = self.stack[i].abbr.take().expect("checked");
                self.abbreviations.push(Abbreviation {
                    range: TextRange::new(start, span.start),
                    title,
                });
            }
            self.close_to(i, span.end);
        }
    }

    fn text(&mut self, range: TextRange, source: &str) {
        if let Some(top) = self.stack.last() {
            if top.name == "script" || top.name == "title" {
                self.meta.text(&top.name, range.slice(source));
            }
            if top.skip {
                return;
            }
        }
        if range
            .slice(source)
            .chars()
            .all(|c| c.is_whitespace() || c == '\u{feff}')
        {
            return;
        }
        match self.holder() {
            Some(h) => self.stack[h].runs.push(range),
            None => self.segments.push(Segment {
                kind: BlockKind::Paragraph,
                runs: vec![range],
                article: None,
                main: None,
                ancestors: Vec::new(),
            }),
        }
    }
}

/// Of the elements `of` names for the segments, the one whose segments hold the most
/// text.
fn largest(segments: &[Segment], of: impl Fn(&Segment) -> Option<usize>) -> Option<usize> {
    let mut totals: Vec<(usize, usize)> = Vec::new();
    for s in segments {
        let Some(id) = of(s) else {
            continue;
        };
        let len: usize = s.runs.iter().map(|r| r.len()).sum();
        match totals.iter_mut().find(|t| t.0 == id) {
            Some(t) => t.1 += len,
            None => totals.push((id, len)),
        }
    }
    totals.into_iter().max_by_key(|t| t.1).map(|t| t.0)
}

/// Keep the segments of the article: those in `<article>`, or else in `<main>`, or else
/// those inside the element that holds the most paragraph text.
fn article(segments: Vec<Segment>) -> Vec<Segment> {
    // A page may hold several: teasers of other stories are articles too.
    if let Some(best) = largest(&segments, |s| s.article) {
        return segments
            .into_iter()
            .filter(|s| s.article == Some(best))
            .collect();
    }
    if let Some(best) = largest(&segments, |s| s.main) {
        return segments
            .into_iter()
            .filter(|s| s.main == Some(best))
            .collect();
    }
    // The body of paragraphs: the parent whose paragraphs hold the most text.
    let parent = |s: &Segment| {
        (s.kind == BlockKind::Paragraph)
            .then(|| s.ancestors.last().copied())
            .flatten()
    };
    let Some(best) = largest(&segments, parent) else {
        return segments;
    };
    segments
        .into_iter()
        .filter(|s| s.ancestors.contains(&best))
        .collect()
}

pub(crate) fn scan(source: &str) -> HtmlScan {
    let mut walk = Walk::default();
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(source, emitter).flatten() {
        match token {
            Token::StartTag(tag) => walk.start(tag),
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name);
                walk.end(&name, TextRange::new(tag.span.start, tag.span.end));
            }
            Token::String(s) => walk.text(TextRange::new(s.span.start, s.span.end), source),
            Token::Comment(c) => walk.comments.push(TextRange::new(c.span.start, c.span.end)),
            Token::Error(e) => {
                let reason = e.value.to_string();
                if reason.starts_with("eof-in-") && walk.malformed.is_none() {
                    walk.malformed = Some(format!(
                        "malformed HTML: the page ends inside a tag or comment ({reason}) \
                         at byte {}",
                        e.span.start
                    ));
                }
            }
            Token::Doctype(_) => {}
        }
    }
    walk.close_to(0, source.len());

    let mut segments = article(std::mem::take(&mut walk.segments));
    segments.sort_by_key(|s| s.runs[0].start);
    let mut prose = source.as_bytes().to_vec();
    blank(&mut prose, TextRange::new(0, source.len()));
    let mut writer = text::TextWriter::new();
    let mut runs: Vec<TextRange> = segments
        .iter()
        .flat_map(|s| s.runs.iter().copied())
        .collect();
    runs.sort_by_key(|r| r.start);
    for r in &runs {
        writer.write(source, &mut prose, *r);
    }
    let map = writer.finish();
    let mut prose = String::from_utf8(prose).expect("whole characters were copied or blanked");
    mask_urls(&mut prose);
    let mut blocks: Vec<(BlockKind, TextRange)> = segments
        .iter()
        .filter_map(|s| {
            let first = s.runs.first()?;
            let last = s.runs.last()?;
            let range = trim_range(&prose, TextRange::new(first.start, last.end));
            if range.is_empty() {
                return None;
            }
            Some((s.kind, range))
        })
        .collect();
    blocks.sort_by_key(|(_, r)| r.start);
    let in_article = |r: TextRange| {
        blocks
            .iter()
            .any(|(_, b)| b.start < r.end && r.start < b.end)
    };
    walk.links.retain(|l| in_article(l.range));
    walk.links.sort_by_key(|l| l.range.start);
    walk.emphasis.retain(|e| in_article(*e));
    walk.emphasis.sort_by_key(|e| e.start);
    walk.abbreviations.retain(|a| in_article(a.range));
    walk.abbreviations.sort_by_key(|a| a.range.start);
    let abbreviations = walk
        .abbreviations
        .into_iter()
        .map(|a| Abbreviation {
            range: trim_range(&prose, a.range),
            title: a.title,
        })
        .filter(|a| !a.range.is_empty())
        .collect();
    HtmlScan {
        raw: RawDocument {
            prose,
            blocks,
            links: walk.links,
            footnote_refs: Vec::new(),
            comments: walk.comments,
            emphasis: walk.emphasis,
        },
        map,
        abbreviations,
        front_matter: walk.meta.front_matter(),
        malformed: walk.malformed,
    }
}

#[cfg(test)]
mod tests;
