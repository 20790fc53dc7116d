use crate::analysis::sourcing::{excerpt, CitationScope, Claim};
use crate::analysis::Analyses;
use crate::declare_rule;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::{Block, Document};
use crate::rule::{Context, Reporter, Rule, RuleMeta};
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Finds body paragraphs that make claims and name no source. A claim is a sentence
    /// with a figure (money, a percentage, a count of people or things, a measured
    /// quantity), a direct quotation, reported speech ("said", "announced", "according
    /// to") or a specific, recent dated event ("On August 18, the ministers met").
    /// Analysis, forecasts and opinion ("will likely", "could", "there is nothing to
    /// suggest") are not claims by themselves; years, ordinals, durations and labels
    /// ("Article 5") are not figures. Background is not a claim either: a population or
    /// an area ("a country of about 5.6 million people"), lengths and areas, the terms a
    /// named law or treaty sets out, figures of history (a sentence, or the paragraph's
    /// narrative, dated before the dated-event horizon), a standing position ("Moscow has
    /// long insisted", "which Baku had insisted on for some time"), the absence of a report
    /// ("no casualty figures were reported") and a month and year in the middle of a
    /// sentence.
    ///
    /// A source is a citation group `(Outlet, Month Day)`, an inline attribution naming
    /// where something was said or published ("according to Interfax", "wrote on
    /// Twitter", "the Ministry of Foreign Affairs reported"), a looser bracket such as
    /// "(Reuters)" or "(Author’s interview, Almaty, May 2021)", a Markdown link, a bare
    /// URL or a footnote reference (`[1]`, or a number glued to the full stop:
    /// `grid.(3)`). In every preset, a capitalized name after "told", "said to", "in an
    /// interview with" or "wrote in" ("told Euronews", "wrote in Foreign Affairs") is an
    /// outlet or a person, known to the house or not, and a body introduced with its
    /// acronym ("The United Nations Development Programme (UNDP) estimated") counts as
    /// without it. So does a named record or venue ("the statement reads", "agreed in a
    /// joint statement", "wrote in a signed article", "told the country in a televised
    /// address", "said at a Senate committee hearing", "scored 3.6 on the Democracy
    /// Index", "Blinken tweeted") and parties speaking together ("both sides reported",
    /// "the opposition and observers reported"). In the house style a paragraph's citation group
    /// sources every claim in the paragraph; a quotation that runs on into the next
    /// paragraph, and a list introduced by a colon, share their sources.
    ///
    /// The writer's own interviews ("told this author", "on condition of anonymity",
    /// the words of one person met in the field: "a farmer in Osh said", words "told
    /// reporters", "told me" or "as one hydrologist put it to me") are sources, and wire
    /// copy (a dateline naming any agency, "BISHKEK, April 9 (Reuters) -", "ASTANA (TCA)
    /// —", "Bishkek, Mar. 3, 2023. / Kabar/.", or a credit line "(Reporting by ...;
    /// Editing by ...)") is the agency's own report, as a reprint credited at the top
    /// ("From Nezavisimaya gazeta, June 6, 2022, p. 5.") is the paper's.
    ///
    /// One finding a paragraph (or a list with its lead), at its first unsourced claim,
    /// naming the kind of claim and how many claims the paragraph holds. Headings,
    /// captions, credit lines, the header block, front matter, block quotes, editor's
    /// notes and a closing author bio are not checked.
    ///
    /// ## Why
    /// Every figure and every quotation is something a reader, or a lawyer, may want to
    /// check. A paragraph of facts with no source reads as the writer's say-so.
    ///
    /// ## Example
    /// ```text
    /// Grain exports to Uzbekistan rose to $412 million in the first half of the year,
    /// and the agriculture minister said the quota would be lifted.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Grain exports to Uzbekistan rose to $412 million in the first half of the year,
    /// and the agriculture minister said the quota would be lifted (Kazinform, July 14).
    /// ```
    ///
    /// The fix (unsafe) appends a citation skeleton ` (SOURCE, Month Day)` for the
    /// editor to fill in.
    ///
    /// ## Configuration
    /// `[house-style.sourcing]` in `copydesk.toml`: `scope = "paragraph"` (default) or `"sentence"`
    /// (every claim needs a source in its own sentence), the word lists of reporting
    /// verbs, attribution phrases, outlets, institutions and hedges, and
    /// `dated-event-max-age-years` (older dates are historical context), and
    /// `attribution`: `"citation"` (a citation or an outlet or institution only),
    /// `"named-person"` (the analysis preset, the default) or `"named-source"` (the
    /// wire preset). With `"named-person"`, a
    /// claim is also sourced by a speaker named by name next to it ("Gelman says:",
    /// "said Aigerim Bekova", "according to Gelman"), but not by a pronoun, a role or a
    /// group. With `"named-source"`, a claim is also
    /// sourced by whoever its sentence, or the sentence before in its paragraph, names as
    /// speaking: a person ("said Aigerim Bekova", "Bekova said", "he added" after a
    /// name), a role ("the President said"), an institution, a document or a medium ("the
    /// statement reads", "in a televised address", "data from the Statistics Bureau
    /// show", the verbs of `named-source-verbs`) or a group ("analysts said"); a
    /// quotation also by the sentence after it ends; and an outlet, an institution or
    /// its data named in the story's lead source the later paragraphs' figures. "It was
    /// reported", "sources said" and "some called" still name nobody. The English word
    /// lists the analysis reads (function words, approximators, present and recurring
    /// cues) are under `[house-style.language]` (`data/language.toml`).
    pub struct UnsourcedClaim => "unsourced-claim", Severity::Warning, fix: Sometimes,
        "Paragraphs with figures, quotations, reported speech or dated events name a source";
}

impl Rule for UnsourcedClaim {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(
        &self,
        doc: &Document,
        ctx: &Context<'_>,
        analyses: &Analyses<'_>,
        report: &mut Reporter<'_>,
    ) {
        let sourcing = analyses.sourcing();
        let scope = ctx.style.sourcing.scope();
        if sourcing.wire_copy() || sourcing.interview() {
            // Wire copy ("BISHKEK, April 9 (Reuters) -") is the agency's own report; an
            // interview is its own source.
            return;
        }
        for unit in sourcing.units() {
            if analyses.stopped() {
                return;
            }
            let blocks: Vec<&Block> = unit.iter().filter_map(|&i| doc.blocks.get(i)).collect();
            let unit_sourced = scope == CitationScope::Paragraph
                && blocks.iter().any(|b| sourcing.block_sourced(b));
            if unit_sourced {
                continue;
            }
            for (&index, block) in unit.iter().zip(blocks) {
                if !block.kind.is_body() || sourcing.is_apparatus(index) {
                    continue;
                }
                let claims = sourcing.block_claims(block);
                let unsourced: Vec<&Claim> = claims
                    .iter()
                    .filter(|c| {
                        let own = scope == CitationScope::Sentence
                            && sourcing.sentence_sourced(block, c.sentence);
                        !(own
                            || sourcing.named_source_for(block, c)
                            || sourcing.continues_sourced_speaker(index, c))
                    })
                    .collect();
                let Some(first) = unsourced.first() else {
                    continue;
                };
                report_claim(
                    doc,
                    block,
                    first,
                    claims.len(),
                    unsourced.len(),
                    scope,
                    report,
                );
                if scope == CitationScope::Paragraph {
                    // A unit shares its sources: a list or a quotation run over several
                    // blocks is one finding, not one an item.
                    break;
                }
            }
        }
    }
}

fn report_claim(
    doc: &Document,
    block: &Block,
    claim: &Claim,
    total: usize,
    unsourced: usize,
    scope: CitationScope,
    report: &mut Reporter<'_>,
) {
    let kind = claim.kind.label();
    let text = excerpt(doc, claim.range, 60);
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let message = match scope {
        CitationScope::Paragraph if unsourced == total => format!(
            "Unsourced {kind} `{text}`: the paragraph makes {total} claim{} and names no source",
            plural(total)
        ),
        // Named sources: the others have a speaker in or before their sentence.
        CitationScope::Paragraph => format!(
            "Unsourced {kind} `{text}`: {unsourced} of the paragraph's {total} claims name no source or speaker",
        ),
        CitationScope::Sentence => format!(
            "Unsourced {kind} `{text}`: {unsourced} of the paragraph's {total} claim{} have no source in their sentence",
            plural(total)
        ),
    };
    let (at, title) = match scope {
        CitationScope::Paragraph => (
            skeleton_offset(doc, block.range),
            "Append a citation skeleton `(SOURCE, Month Day)` to the paragraph",
        ),
        CitationScope::Sentence => (
            skeleton_offset(doc, claim.sentence),
            "Append a citation skeleton `(SOURCE, Month Day)` to the sentence",
        ),
    };
    let d = report.report(claim.range, message);
    d.help = Some(
        "Close the paragraph with a citation group `(Outlet, Month Day)`, or name the source inline (\"according to Interfax\", \"wrote on Twitter\")"
            .into(),
    );
    let target = match scope {
        CitationScope::Paragraph => block.range,
        CitationScope::Sentence => claim.sentence,
    };
    if doc.text(target).contains(SKELETON) {
        // The skeleton is already there: no second one (so `--fix` settles), just a
        // reminder to fill it in.
        d.help = Some(format!(
            "Fill in the citation skeleton `{SKELETON}` with the outlet and the date"
        ));
        return;
    }
    d.fix = Some(Fix::unsafe_(
        title,
        vec![Edit::insert(at, format!(" {SKELETON}"))],
    ));
}

/// The citation skeleton the fix inserts for an editor to fill in.
const SKELETON: &str = "(SOURCE, Month Day)";

/// Where a citation skeleton goes: before a closing full stop (the house puts groups
/// before it), otherwise at the end.
fn skeleton_offset(doc: &Document, range: TextRange) -> usize {
    let text = doc.prose_text(range);
    if text.ends_with('.') && !text.ends_with("..") {
        range.end - 1
    } else {
        range.end
    }
}

#[cfg(test)]
mod tests;
