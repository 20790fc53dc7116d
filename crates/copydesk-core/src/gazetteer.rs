//! The gazetteer: places whose house name changed, the dates in which each name is the
//! house name, and the reference for every change. Read by the `place-name` rule and
//! by the language server's hover.
//!
//! The data is `data/places.toml`, embedded in the binary. A user's configuration can
//! add or override places by id and turn optional places on ([`Gazetteer::merge`]).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::{Arc, LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};
use jiff::civil::Date;
use serde::Deserialize;

use crate::document::{Document, MONTHS};
use crate::text::{whole_word_at, TextRange};

mod region;

pub use region::Region;

/// The embedded gazetteer, as TOML.
pub const EMBEDDED_PLACES: &str = include_str!("../data/places.toml");

/// The embedded gazetteer in the form start-up reads: `data/places.toml` converted to
/// JSON by the build script (see `style/embedded.rs`; the gazetteer reads its own file so
/// that it names no module of the style).
pub(crate) const EMBEDDED_PLACES_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/places.json"));

/// An error in gazetteer data.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("invalid gazetteer data: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("gazetteer place `{place}`: {problem}")]
    Invalid { place: String, problem: String },
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to a year, a month or a day: the first and last day it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct DateBound {
    pub first: Date,
    pub last: Date,
    pub precision: Precision,
}

impl TryFrom<String> for DateBound {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        DateBound::parse(&text)
            .ok_or_else(|| format!("`{text}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"))
    }
}

impl DateBound {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Self> {
        let parts: Vec<&str> = text.split('-').collect();
        let num = |s: &str, len: usize| -> Option<i16> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let year = num(parts.first()?, 4)?;
        match parts.as_slice() {
            [_] => Some(Self::year(year)?),
            [_, m] => {
                let month = i8::try_from(num(m, 2)?).ok()?;
                let first = Date::new(year, month, 1).ok()?;
                Some(Self {
                    first,
                    last: first.last_of_month(),
                    precision: Precision::Month,
                })
            }
            [_, m, d] => {
                let month = i8::try_from(num(m, 2)?).ok()?;
                let day = i8::try_from(num(d, 2)?).ok()?;
                let date = Date::new(year, month, day).ok()?;
                Some(Self::day(date))
            }
            _ => None,
        }
    }

    pub fn year(year: i16) -> Option<Self> {
        Some(Self {
            first: Date::new(year, 1, 1).ok()?,
            last: Date::new(year, 12, 31).ok()?,
            precision: Precision::Year,
        })
    }

    pub fn day(date: Date) -> Self {
        Self {
            first: date,
            last: date,
            precision: Precision::Day,
        }
    }

    /// "20 March 2019", "June 2022" or "1992".
    pub fn human(&self) -> String {
        let month = MONTHS[usize::from(self.first.month().unsigned_abs()) - 1];
        match self.precision {
            Precision::Year => self.first.year().to_string(),
            Precision::Month => format!("{month} {}", self.first.year()),
            Precision::Day => format!("{} {month} {}", self.first.day(), self.first.year()),
        }
    }
}

/// What kind of change a place's names went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// An official renaming: a mention takes the name in force at the date that
    /// matters, and historical references keep the name of their time.
    Rename,
    /// A spelling or transliteration change adopted by the house: from its date the new
    /// spelling is used for every period.
    Spelling,
}

/// One name of a place and the dates in which it is the house name.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PlaceName {
    /// The house form, as a fix writes it.
    pub name: String,
    /// Other forms of the same name (hyphen or space, diacritics, older transliteration).
    #[serde(default)]
    pub variants: Vec<String>,
    /// When the name came in (absent for the earliest name).
    #[serde(default)]
    pub from: Option<DateBound>,
    /// When the next name came in (absent for the name in force).
    #[serde(default)]
    pub until: Option<DateBound>,
    /// When the change to this name was decided, if before it came into force
    /// (`from`): a parliament's vote before the decree. Both names are accepted in
    /// between.
    #[serde(default)]
    pub decided: Option<DateBound>,
    /// The decree, law or style-guide decision that brought the name in, with its date.
    #[serde(default)]
    pub reference: Option<String>,
}

impl PlaceName {
    /// The name and its variants.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.variants.iter().map(String::as_str))
    }

    /// Whether `form` is this name or one of its variants (case-insensitive).
    pub fn has_form(&self, form: &str) -> bool {
        self.forms()
            .any(|f| f.to_lowercase() == form.to_lowercase())
    }

    /// Whether the name may be the house name at some day of `first..=last`. A date
    /// known only to its year or month counts for both names it separates.
    /// From the day the change was decided, the name is accepted beside the old one.
    pub fn in_force_during(&self, first: Date, last: Date) -> bool {
        self.decided.or(self.from).map_or(true, |f| f.first <= last)
            && self.until.map_or(true, |u| first <= u.last)
    }

    /// "Astana (6 May 1998 – 23 March 2019)", "Nur-Sultan (23 March 2019, decided 20
    /// March 2019 – 17 September 2022)".
    pub fn span(&self) -> String {
        let from = |f: &DateBound| match self.decided {
            Some(d) => format!("{}, decided {}", f.human(), d.human()),
            None => f.human(),
        };
        match (&self.from, &self.until) {
            (None, None) => self.name.clone(),
            (None, Some(u)) => format!("{} (until {})", self.name, u.human()),
            (Some(f), None) => format!("{} (since {})", self.name, from(f)),
            (Some(f), Some(u)) => format!("{} ({} – {})", self.name, from(f), u.human()),
        }
    }
}

/// A place of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Place {
    /// Kebab-case id; a config overrides a place by its id.
    pub id: String,
    /// What the place is, for messages: "Kazakhstan's capital".
    pub description: String,
    pub kind: ChangeKind,
    /// Off by default (house styles disagree); a config turns it on.
    #[serde(default)]
    pub optional: bool,
    /// For a rename, the newest name may also be used for earlier periods.
    #[serde(default)]
    pub retroactive: bool,
    /// A name can also mean something else (a person, a region): fixes need review.
    #[serde(default)]
    pub ambiguous: bool,
    /// Proper nouns and set phrases that keep a name ("The Astana Times").
    #[serde(default)]
    pub exempt: Vec<String>,
    /// Words that, in the same sentence, show that a name means something else ("Greece"
    /// next to "Macedonia", "Niyazov" next to "Turkmenbashi").
    #[serde(default)]
    pub other_senses: Vec<String>,
    /// Words that, anywhere in the same paragraph, show that a name means something
    /// else: "nuclear" or "tests" near "Semipalatinsk", the Soviet test site that kept
    /// the name.
    #[serde(default)]
    pub paragraph_senses: Vec<String>,
    /// Words of which one must appear in the same document for a mention to be read
    /// as this place ("Zimbabwe" for `Salisbury`, which is also the English city):
    /// without them the rule keeps silent. Empty: no condition.
    #[serde(default)]
    pub neighbours: Vec<String>,
    /// Words that, in the same sentence, set it in the time of an old name ("Mobutu"
    /// next to "Zaire"): like "then" or "Soviet", they excuse a name once in force.
    #[serde(default)]
    pub era_cues: Vec<String>,
    /// Where the place is, for the listing.
    #[serde(default)]
    pub region: Option<Region>,
    /// In date order.
    pub names: Vec<PlaceName>,
}

impl Place {
    /// The name in force today (the last).
    pub fn current(&self) -> &PlaceName {
        self.names.last().expect("a place has names (validated)")
    }

    /// The name that is the house name on `date`, if the gazetteer knows it. Inside a
    /// change known only to its year or month, the newer name.
    pub fn name_at(&self, date: Date) -> Option<&PlaceName> {
        let i = self
            .names
            .iter()
            .rposition(|n| n.from.map_or(true, |f| f.first <= date))?;
        Some(&self.names[i])
    }

    /// Whether the gazetteer knows the place's name on `first` and every day after.
    pub fn covers(&self, first: Date) -> bool {
        self.names
            .first()
            .is_some_and(|n| n.from.map_or(true, |f| f.first <= first))
    }

    /// The names (as entries) that `form` writes.
    pub fn entries_for(&self, form: &str) -> Vec<&PlaceName> {
        self.names.iter().filter(|n| n.has_form(form)).collect()
    }

    /// The house name of the entry that `form` writes (its first entry).
    pub fn house_form(&self, form: &str) -> Option<&str> {
        self.entries_for(form).first().map(|n| n.name.as_str())
    }

    /// Whether a mention written `form` may be the house name at some day of the period.
    pub fn form_in_force_during(&self, form: &str, first: Date, last: Date) -> bool {
        self.entries_for(form)
            .iter()
            .any(|n| n.in_force_during(first, last))
    }

    /// Whether a document whose prose is `prose` may speak of this place: it has
    /// one of the place's neighbours, or the place needs none.
    pub fn is_in_view(&self, prose: &str) -> bool {
        self.neighbours.is_empty() || has_word(prose, &self.neighbours)
    }

    /// Whether a piece published on `published` may call the place `form` for the
    /// period: the name in force then, or, for a retroactive rename, the name in force
    /// at publication for any earlier period ("Belarus" for 1980 in a piece of 2024).
    pub fn form_accepted_during(
        &self,
        form: &str,
        first: Date,
        last: Date,
        published: Date,
    ) -> bool {
        (self.kind == ChangeKind::Rename
            && self.retroactive
            && last < published
            && self.name_at(published).is_some_and(|n| n.has_form(form)))
            || self.form_in_force_during(form, first, last)
    }

    /// Every form of every name.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.names.iter().flat_map(PlaceName::forms)
    }

    /// A paragraph for hover and `explain`: the place, each name with the dates it was
    /// in force and the reference for each change.
    pub fn describe(&self) -> String {
        let kind = match self.kind {
            ChangeKind::Rename => "renamed",
            ChangeKind::Spelling => "spelling changed",
        };
        let mut out = format!("{} ({kind}", self.description);
        if self.optional {
            out.push_str("; optional, off by default");
        }
        out.push_str("): ");
        let parts: Vec<String> = self
            .names
            .iter()
            .map(|n| {
                let mut s = n.span();
                if !n.variants.is_empty() {
                    let _ = write!(s, ", also written {}", n.variants.join(", "));
                }
                if let Some(r) = &n.reference {
                    let _ = write!(s, " [{r}]");
                }
                s
            })
            .collect();
        out.push_str(&parts.join("; "));
        out
    }

    fn validate(&self) -> Result<(), GazetteerError> {
        let bad = |problem: String| GazetteerError::Invalid {
            place: self.id.clone(),
            problem,
        };
        if self.id.is_empty()
            || !self
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(bad("the id is not kebab-case".into()));
        }
        if self.names.len() < 2 {
            return Err(bad("a place needs at least two names".into()));
        }
        for (i, n) in self.names.iter().enumerate() {
            if n.forms().any(|f| f.trim().is_empty() || f.trim() != f) {
                return Err(bad(format!(
                    "name `{}` has an empty or padded form",
                    n.name
                )));
            }
            let last = i + 1 == self.names.len();
            if i > 0 {
                let prev = &self.names[i - 1];
                let (Some(from), Some(until)) = (n.from, prev.until) else {
                    return Err(bad(format!(
                        "`{}` needs `from` and `{}` needs `until`",
                        n.name, prev.name
                    )));
                };
                if from != until {
                    return Err(bad(format!(
                        "`{}` until {} but `{}` from {}",
                        prev.name,
                        until.human(),
                        n.name,
                        from.human()
                    )));
                }
                if n.reference.as_deref().map_or(true, |r| r.trim().is_empty()) {
                    return Err(bad(format!("the change to `{}` has no reference", n.name)));
                }
            }
            if let (Some(f), Some(u)) = (n.from, n.until) {
                if f.last >= u.first {
                    return Err(bad(format!("`{}` ends before it starts", n.name)));
                }
            }
            if last && n.until.is_some() {
                return Err(bad(format!("the last name `{}` has `until`", n.name)));
            }
            if let Some(d) = n.decided {
                if n.from.map_or(true, |f| d.last >= f.first) {
                    return Err(bad(format!(
                        "`{}` is decided on {}, not before it comes into force",
                        n.name,
                        d.human()
                    )));
                }
            }
            if n.from.is_some() && n.reference.is_none() {
                return Err(bad(format!("`{}` has `from` but no reference", n.name)));
            }
        }
        if self.current().from.is_none() {
            return Err(bad("the name in force has no `from` date".into()));
        }
        // An exempt compound keeps a name: it must contain one of the place's forms.
        if let Some(e) = self.exempt.iter().find(|e| {
            let e = e.to_lowercase();
            !self.forms().any(|f| e.contains(&f.to_lowercase()))
        }) {
            return Err(bad(format!(
                "the exempt compound `{e}` holds none of its names"
            )));
        }
        Ok(())
    }
}

/// The compiled matcher of every form of every place, built once per gazetteer.
#[derive(Debug)]
pub struct Matcher {
    /// Every form, longest first.
    names: AhoCorasick,
    /// Form as written (and in capitals) -> index of its place.
    forms: HashMap<String, usize>,
}

#[derive(Debug, Default, Clone)]
struct MatcherCache(OnceLock<Arc<Matcher>>);

impl PartialEq for MatcherCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl Eq for MatcherCache {}

/// Which name a place takes in a sentence about a past period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum History {
    /// The name in force in the period only: "in 2017 ... Astana".
    #[default]
    NameOfTheTime,
    /// The name in force in the period, or the present name (the one in force at
    /// publication): "Astana became the capital in 1997" in a piece of 2023. A name in
    /// force at neither time is still wrong.
    PresentNameAccepted,
}

/// All places.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Gazetteer {
    /// Which name a place takes in a sentence about a past period.
    #[serde(default)]
    pub history: History,
    /// Read with [`Gazetteer::places`]; changed only through [`Gazetteer::merge`] and
    /// [`Gazetteer::patch`], which rebuild the matcher.
    #[serde(rename = "place", default)]
    pub(crate) places: Vec<Place>,
    /// Optional places turned on, by id.
    #[serde(default)]
    pub enable: Vec<String>,
    /// Ids a configuration named in `exempt` that are not places (reported by
    /// [`Gazetteer::validate`]).
    #[serde(skip)]
    unknown_ids: Vec<String>,
    #[serde(skip)]
    matcher: MatcherCache,
}

impl Default for Gazetteer {
    fn default() -> Self {
        Self::embedded().clone()
    }
}

/// A mention of a gazetteer place in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMention<'a> {
    /// The name as written, without any ending (`Astana` of `Astana's`).
    pub range: TextRange,
    pub place: &'a Place,
}

impl Gazetteer {
    /// Parse gazetteer TOML and validate its places (a partial gazetteer, such as a
    /// configuration's, may enable places defined elsewhere: [`Gazetteer::validate`]
    /// checks those once merged).
    pub fn from_toml(text: &str) -> Result<Self, GazetteerError> {
        let g: Gazetteer = toml::from_str(text)?;
        g.validate_places()?;
        Ok(g)
    }

    /// The embedded gazetteer.
    pub fn embedded() -> &'static Gazetteer {
        static G: LazyLock<Gazetteer> = LazyLock::new(|| {
            // Valid: `embedded_gazetteer_parses_and_validates` validates the same data.
            serde_json::from_str(EMBEDDED_PLACES_JSON)
                .expect("the embedded gazetteer is valid (tested)")
        });
        &G
    }

    /// Every place is valid, no form names two places, and every enabled or exempted
    /// id is a place.
    pub fn validate(&self) -> Result<(), GazetteerError> {
        for id in self.enable.iter().chain(&self.unknown_ids) {
            if self.place(id).is_none() {
                return Err(GazetteerError::Invalid {
                    place: id.clone(),
                    problem: "no such place in the gazetteer".into(),
                });
            }
        }
        self.validate_places()
    }

    fn validate_places(&self) -> Result<(), GazetteerError> {
        let mut seen: HashMap<String, &str> = HashMap::new();
        let mut ids = Vec::new();
        for p in &self.places {
            p.validate()?;
            if ids.contains(&p.id.as_str()) {
                return Err(GazetteerError::Invalid {
                    place: p.id.clone(),
                    problem: "duplicate id".into(),
                });
            }
            ids.push(p.id.as_str());
            for f in p.forms() {
                if let Some(other) = seen.insert(f.to_lowercase(), &p.id) {
                    if other != p.id {
                        return Err(GazetteerError::Invalid {
                            place: p.id.clone(),
                            problem: format!("`{f}` also names `{other}`"),
                        });
                    }
                }
            }
        }
        Ok(())
    }

    /// Every place, in file order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Add `other`'s places, replacing those with the same id, and its enabled ids.
    pub fn merge(&mut self, other: Gazetteer) -> Result<(), GazetteerError> {
        self.patch(false, other.places, other.enable, BTreeMap::new());
        self.validate()
    }

    /// A configuration's changes: `places` replace the places with the same id (or all
    /// places, with `replace`) or are added; `enable` turns optional places on; `exempt`
    /// adds exempt compounds to places by id. Call [`Gazetteer::validate`] after.
    pub fn patch(
        &mut self,
        replace: bool,
        places: Vec<Place>,
        enable: Vec<String>,
        exempt: BTreeMap<String, Vec<String>>,
    ) {
        if replace {
            self.places.clear();
        }
        for place in places {
            match self.places.iter_mut().find(|p| p.id == place.id) {
                Some(p) => *p = place,
                None => self.places.push(place),
            }
        }
        for id in enable {
            if !self.enable.contains(&id) {
                self.enable.push(id);
            }
        }
        for (id, phrases) in exempt {
            match self.places.iter_mut().find(|p| p.id == id) {
                Some(p) => {
                    for phrase in phrases {
                        if !p.exempt.contains(&phrase) {
                            p.exempt.push(phrase);
                        }
                    }
                }
                None => self.unknown_ids.push(id),
            }
        }
        self.matcher = MatcherCache::default();
    }

    /// Whether the rule checks this place (optional places only when enabled).
    pub fn is_enabled(&self, place: &Place) -> bool {
        !place.optional || self.enable.contains(&place.id)
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// The place that a name as written names (`Astana`, `ALMA-ATA`, `Kiev`).
    pub fn place_at(&self, name_text: &str) -> Option<&Place> {
        if let Some(&i) = self.matcher().forms.get(name_text) {
            return self.places.get(i);
        }
        let lower = name_text.to_lowercase();
        self.places
            .iter()
            .find(|p| p.forms().any(|f| f.to_lowercase() == lower))
    }

    /// The compiled matcher, built on first use.
    pub fn matcher(&self) -> &Matcher {
        self.matcher.0.get_or_init(|| Arc::new(Matcher::new(self)))
    }

    /// Every mention of a place in `text` (a prose view or a slice of one): the range
    /// of the form as written and the place's index.
    pub fn find_in(&self, text: &str) -> Vec<(TextRange, usize)> {
        let m = self.matcher();
        m.names
            .find_iter(text)
            .filter_map(|hit| {
                // Whole words only ("Kievan" is not "Kiev").
                if !whole_word_at(text, hit.start(), hit.end()) {
                    return None;
                }
                let place = *m.forms.get(&text[hit.start()..hit.end()])?;
                Some((TextRange::new(hit.start(), hit.end()), place))
            })
            .collect()
    }

    /// The places mentioned in `doc`'s prose, with their ranges, leaving out exempt
    /// compounds. For the language server's hover.
    pub fn mentions<'a>(&'a self, doc: &Document) -> Vec<PlaceMention<'a>> {
        self.find_in(&doc.prose)
            .into_iter()
            .filter_map(|(range, i)| {
                let place = self.places.get(i)?;
                (!in_exempt(doc.prose.as_bytes(), range, place) && place.is_in_view(&doc.prose))
                    .then_some(PlaceMention { range, place })
            })
            .collect()
    }
}

impl Matcher {
    fn new(g: &Gazetteer) -> Self {
        let mut forms = HashMap::new();
        for (i, p) in g.places.iter().enumerate() {
            for f in p.forms() {
                forms.insert(f.to_string(), i);
                forms.insert(f.to_uppercase(), i);
            }
        }
        let mut keys: Vec<&String> = forms.keys().collect();
        keys.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        // Leftmost-first over the names longest first: at each place the longest name
        // that starts there, as a regex alternation in this order would find it.
        let names = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(&keys)
            .expect("the gazetteer's names fit an automaton");
        Self { names, forms }
    }
}

/// Whether `range` lies inside one of `place`'s exempt compounds in `text`
/// (ASCII case-insensitive; a space also matches a no-break space).
pub(crate) fn in_exempt(text: &[u8], range: TextRange, place: &Place) -> bool {
    place.exempt.iter().any(|e| {
        let e = e.as_bytes();
        if e.len() < range.len() {
            return false;
        }
        // A no-break space is two bytes: look back far enough for each.
        let lo = range.end.saturating_sub(2 * e.len());
        // A phrase that opens with a possessive ending ("'s Stalingrad") follows a word.
        let possessive = e.starts_with(b"'s ") || e.starts_with("\u{2019}s ".as_bytes());
        (lo..=range.start.min(text.len())).any(|s| {
            exempt_match(text, s, e).is_some_and(|end| {
                end >= range.end
                    && (possessive || s == 0 || !text[s - 1].is_ascii_alphanumeric())
                    && text.get(end).map_or(true, |b| !b.is_ascii_alphanumeric())
            })
        })
    })
}

/// Whether `text` holds one of `place`'s other-sense words, as a whole word.
pub(crate) fn has_other_sense(text: &str, place: &Place) -> bool {
    has_word(text, &place.other_senses)
}

/// Whether `text` holds one of `words`, as a whole word (case-sensitive).
pub(crate) fn has_word(text: &str, words: &[String]) -> bool {
    words.iter().any(|w| {
        text.match_indices(w.as_str()).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Where `phrase` ends if it occurs in `text` at `start`.
fn exempt_match(text: &[u8], start: usize, phrase: &[u8]) -> Option<usize> {
    let mut at = start;
    for &p in phrase {
        let b = *text.get(at)?;
        if p == b' ' && b == 0xC2 && text.get(at + 1) == Some(&0xA0) {
            at += 2;
        } else if b.eq_ignore_ascii_case(&p) {
            at += 1;
        } else {
            return None;
        }
    }
    Some(at)
}

#[cfg(test)]
mod tests;
