//! Names data: the house form of the beat's people and bodies, the variants it replaces
//! and the titles that stand before a name, embedded from `data/names.toml` and patched
//! by `[house-style.names]`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use serde::Deserialize;

use super::language::{WordList, NOTHING};
use crate::text::{whole_word_at, TextRange};

/// The embedded names data, as TOML.
pub const EMBEDDED_NAMES: &str = include_str!("../../data/names.toml");

/// One name the house spells one way.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HouseName {
    /// Kebab-case id; a config replaces an entry by its id.
    pub id: String,
    /// The house form, as printed: "Tokayev".
    pub form: String,
    /// Other spellings of the same name, each replaced by the form.
    #[serde(default)]
    pub variants: Vec<String>,
    /// Whom or what the name designates.
    pub who: String,
    /// Where the house form is taken from.
    pub reference: String,
    /// Official names that print a variant as their owner spells it ("Nazarbaev
    /// Fund"): left as written, like the exempt compounds of the gazetteer. Each holds
    /// one of `variants` as a whole word.
    #[serde(default)]
    pub exempt: Vec<String>,
}

/// An error in names data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid names data: {0}")]
pub struct NamesError(String);

/// The names of the house style.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NameStyle {
    /// Words before a name that are not a given name ("President", "Mr").
    #[serde(default)]
    pub titles: WordList,
    #[serde(default, rename = "name")]
    pub names: Vec<HouseName>,
    /// Ids that a patch's `exempt` named and no entry has.
    #[serde(skip)]
    unknown_ids: Vec<String>,
    #[serde(skip)]
    matcher: OnceLock<Matcher>,
    #[serde(skip)]
    keys: OnceLock<HashSet<String>>,
}

impl PartialEq for NameStyle {
    fn eq(&self, other: &Self) -> bool {
        self.titles == other.titles
            && self.names == other.names
            && self.unknown_ids == other.unknown_ids
    }
}

impl Eq for NameStyle {}

/// Every form and variant in one pattern, and which entry each belongs to.
#[derive(Debug, Clone)]
struct Matcher {
    regex: Regex,
    /// Written form -> (entry, what it is).
    forms: HashMap<String, (usize, Written)>,
}

/// What a written form of the matcher is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    Form,
    Variant,
    /// An official name that holds a variant: matched so that its variant is not.
    Exempt,
}

/// A house name or one of its variants found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMatch<'a> {
    pub range: TextRange,
    pub name: &'a HouseName,
    /// The house form itself, not a variant.
    pub is_form: bool,
}

impl Default for NameStyle {
    /// The embedded data.
    fn default() -> Self {
        Self::embedded().clone()
    }
}

impl NameStyle {
    pub fn from_toml(text: &str) -> Result<Self, toml::de::Error> {
        toml::from_str(text)
    }

    /// The embedded names data.
    pub fn embedded() -> &'static NameStyle {
        static EMBEDDED: LazyLock<NameStyle> =
            LazyLock::new(|| super::embedded::read(super::embedded::NAMES));
        &EMBEDDED
    }

    /// Replace the entries with the ids of `names` and add the others; with `replace`,
    /// `names` are the only entries. `titles` extend the list (or replace it).
    /// `exempt` adds official names to the entries by id; an id that names no entry is
    /// kept for [`NameStyle::validate`] to report.
    pub fn patch(
        &mut self,
        names: Vec<HouseName>,
        titles: Option<Vec<String>>,
        exempt: BTreeMap<String, Vec<String>>,
        replace: bool,
    ) {
        if replace {
            self.names.clear();
        }
        for name in names {
            match self.names.iter_mut().find(|n| n.id == name.id) {
                Some(slot) => *slot = name,
                None => self.names.push(name),
            }
        }
        for (id, phrases) in exempt {
            match self.names.iter_mut().find(|n| n.id == id) {
                Some(entry) => super::extend_or_replace(&mut entry.exempt, phrases, false),
                None => self.unknown_ids.push(id),
            }
        }
        if let Some(words) = titles {
            self.titles.patch(words, replace);
        }
        self.matcher = OnceLock::new();
        self.keys = OnceLock::new();
    }

    /// The [`transliteration_key`] of every form and variant, computed once per style.
    pub(crate) fn keys(&self) -> &HashSet<String> {
        self.keys.get_or_init(|| {
            self.names
                .iter()
                .flat_map(|n| std::iter::once(&n.form).chain(&n.variants))
                .map(|w| transliteration_key(w))
                .collect()
        })
    }

    /// Every id is unique, every entry has a form, a reference and no variant equal to
    /// a form, and no written form belongs to two entries.
    pub fn validate(&self) -> Result<(), NamesError> {
        if let Some(id) = self.unknown_ids.first() {
            return Err(NamesError(format!(
                "`exempt` names `{id}`, which is not the id of a name"
            )));
        }
        let mut seen: HashMap<&str, &str> = HashMap::new();
        let mut ids = std::collections::HashSet::new();
        for n in &self.names {
            if !ids.insert(n.id.as_str()) {
                return Err(NamesError(format!("the id `{}` is used twice", n.id)));
            }
            if n.form.trim().is_empty() || n.reference.trim().is_empty() {
                return Err(NamesError(format!(
                    "`{}` needs a form and a reference",
                    n.id
                )));
            }
            for written in std::iter::once(&n.form).chain(&n.variants) {
                if let Some(other) = seen.insert(written.as_str(), n.id.as_str()) {
                    return Err(NamesError(format!(
                        "`{written}` belongs to both `{other}` and `{}`",
                        n.id
                    )));
                }
            }
            for phrase in &n.exempt {
                let holds_variant = n.variants.iter().any(|v| {
                    phrase
                        .match_indices(v.as_str())
                        .any(|(at, _)| whole_word_at(phrase, at, at + v.len()))
                });
                if !holds_variant {
                    return Err(NamesError(format!(
                        "the official name `{phrase}` exempted for `{}` holds none of its variants",
                        n.id
                    )));
                }
            }
        }
        Ok(())
    }

    /// The entry with this id.
    pub fn name(&self, id: &str) -> Option<&HouseName> {
        self.names.iter().find(|n| n.id == id)
    }

    /// The house forms and variants in `text`, as whole words written as in the data,
    /// in order.
    pub fn find_in<'a>(&'a self, text: &str) -> Vec<NameMatch<'a>> {
        let m = self.matcher.get_or_init(|| self.build());
        m.regex
            .find_iter(text)
            .filter_map(|hit| {
                if !whole_word_at(text, hit.start(), hit.end()) {
                    return None;
                }
                let &(i, written) = m.forms.get(hit.as_str())?;
                if written == Written::Exempt {
                    return None;
                }
                Some(NameMatch {
                    range: TextRange::new(hit.start(), hit.end()),
                    name: self.names.get(i)?,
                    is_form: written == Written::Form,
                })
            })
            .collect()
    }

    fn build(&self) -> Matcher {
        let mut forms = HashMap::new();
        for (i, n) in self.names.iter().enumerate() {
            forms.insert(n.form.clone(), (i, Written::Form));
            for v in &n.variants {
                forms.entry(v.clone()).or_insert((i, Written::Variant));
            }
            for phrase in &n.exempt {
                forms.entry(phrase.clone()).or_insert((i, Written::Exempt));
            }
        }
        let mut written: Vec<&String> = forms.keys().collect();
        // Longest first, so that "Kassym-Zhomart" wins over a shorter form inside it,
        // and an official name over the variant it holds.
        written.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alternation = written
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|");
        let regex = Regex::new(if alternation.is_empty() {
            NOTHING
        } else {
            &alternation
        })
        .expect("an alternation of escaped words is valid");
        Matcher { regex, forms }
    }
}

/// The spelling a transliteration does not change: lowercase, without hyphens, with
/// dzh/zh/dj as j, kh as h, gh as g, q as k, -yev as -ev, y as i, and doubled letters
/// single.
pub(crate) fn transliteration_key(word: &str) -> String {
    let mut s: String = word
        .chars()
        .filter(|c| !matches!(c, '-' | '‑' | '\'' | '’'))
        .flat_map(char::to_lowercase)
        .collect();
    for (from, to) in [
        ("dzh", "j"),
        ("zh", "j"),
        ("dj", "j"),
        ("kh", "h"),
        ("gh", "g"),
        ("q", "k"),
        ("yev", "ev"),
        ("y", "i"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_names_are_valid_and_referenced() {
        let style = NameStyle::from_toml(EMBEDDED_NAMES).unwrap();
        style.validate().unwrap();
        assert!(style.names.len() >= 10);
        for n in &style.names {
            assert!(!n.variants.is_empty(), "{} has no variant", n.id);
            assert!(
                n.reference.len() > 20,
                "{}: a reference names its source",
                n.id
            );
            assert!(
                n.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                n.id
            );
        }
        assert!(style.titles.contains("President"));
    }

    #[test]
    fn finds_whole_words_as_written() {
        let style = NameStyle::embedded();
        let text = "Tokaev met Kasym-Zhomart Tokayev; Tokaevsky and tokaev are not names.";
        let found: Vec<(&str, bool)> = style
            .find_in(text)
            .iter()
            .map(|m| (m.range.slice(text), m.is_form))
            .collect();
        assert_eq!(
            found,
            [
                ("Tokaev", false),
                ("Kasym-Zhomart", false),
                ("Tokayev", true)
            ]
        );
    }

    #[test]
    fn patch_replaces_by_id_and_validation_rejects_a_shared_form() {
        let mut style = NameStyle::embedded().clone();
        let entry = |id: &str, form: &str, variants: &[&str]| HouseName {
            id: id.into(),
            form: form.into(),
            variants: variants.iter().map(|v| v.to_string()).collect(),
            who: "someone".into(),
            reference: "A reference of some length".into(),
            exempt: Vec::new(),
        };
        style.patch(
            vec![entry("zelensky", "Zelenskyy", &["Zelensky"])],
            None,
            BTreeMap::new(),
            false,
        );
        let m = style.find_in("Zelensky spoke.");
        assert_eq!((m.len(), m[0].is_form), (1, false));
        style.patch(
            vec![entry("x", "Tokaev", &[])],
            Some(vec!["Hetman".into()]),
            BTreeMap::new(),
            false,
        );
        assert!(style.validate().unwrap_err().to_string().contains("Tokaev"));
        assert!(style.titles.contains("Hetman") && style.titles.contains("Mr"));
        style.patch(vec![entry("x", "Tokaev", &[])], None, BTreeMap::new(), true);
        assert_eq!(style.names.len(), 1);
        style.validate().unwrap();
    }

    #[test]
    fn an_official_name_keeps_its_variant_and_must_hold_one() {
        let mut style = NameStyle::embedded().clone();
        let text = "The Nazarbaev Fund paid; Nazarbaev spoke.";
        assert_eq!(style.find_in(text).len(), 2);
        let exempt =
            |id: &str, phrase: &str| BTreeMap::from([(id.to_string(), vec![phrase.to_string()])]);
        style.patch(
            Vec::new(),
            None,
            exempt("nazarbayev", "Nazarbaev Fund"),
            false,
        );
        style.validate().unwrap();
        let found: Vec<&str> = style
            .find_in(text)
            .iter()
            .map(|m| m.range.slice(text))
            .collect();
        assert_eq!(found, ["Nazarbaev"]);
        assert_eq!(found.len(), 1);
        let mut bad = NameStyle::embedded().clone();
        bad.patch(
            Vec::new(),
            None,
            exempt("nazarbayev", "Nazarbayev University"),
            false,
        );
        assert!(bad
            .validate()
            .unwrap_err()
            .to_string()
            .contains("holds none"));
        let mut unknown = NameStyle::embedded().clone();
        unknown.patch(
            Vec::new(),
            None,
            exempt("nazarbaev", "Nazarbaev Fund"),
            false,
        );
        assert!(unknown
            .validate()
            .unwrap_err()
            .to_string()
            .contains("`nazarbaev`"));
    }
}
