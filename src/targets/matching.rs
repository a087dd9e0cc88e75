//! Whether what a candidate makes is what a gap lacks: product names compared as the gap
//! analysis compares them (`analysis::gaps::names`: width, spaces, case, the common synonyms),
//! then by the synonyms the template of each compared chain carries (菌棒 = 菌包 in the
//! 食用菌 template), then by one name containing the other (木耳菌袋 ⊃ 菌袋).
//!
//! A gap about a whole stage is met by any product of that stage: the project stage's products
//! and the words of its name (设施装备(大棚/吊袋架/灭菌设备) names 大棚, 吊袋架, 灭菌设备), and,
//! when the chain is compared with a reference chain, the products and other names of the
//! reference stage matched to it. A reference-derived gap may name a stage only the template
//! has; it is looked up there.

use crate::analysis::Gap;
use crate::analysis::gaps::names::{key, normalise};
use crate::model::{ChainId, Project, StageId};
use crate::reference::Template;
use std::collections::{BTreeMap, BTreeSet};

/// How a candidate's product matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    /// One name contains the other (at least two characters): a close name, worth checking.
    Partial,
    /// Names the compared chain's template gives the same product.
    Synonym,
    /// The same name once written alike (or a common synonym).
    Exact,
}

impl MatchKind {
    /// The product-match term of the fit.
    pub fn quality(self) -> f64 {
        match self {
            MatchKind::Exact => 1.0,
            MatchKind::Synonym => 0.9,
            MatchKind::Partial => 0.6,
        }
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            MatchKind::Exact => lang.pick("同名", "same name"),
            MatchKind::Synonym => lang.pick("模板同义词", "template synonym"),
            MatchKind::Partial => lang.pick("名称相近", "close name"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Synonym => "synonym",
            MatchKind::Partial => "partial",
        }
    }
}

/// A name prepared for comparing: as written, its key (`names::key`) and its normalised form.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    pub text: String,
    key: String,
    plain: String,
    chars: usize,
}

impl Name {
    pub fn new(text: &str) -> Self {
        let plain = normalise(text);
        Self {
            text: text.to_owned(),
            key: key(text),
            chars: plain.chars().count(),
            plain,
        }
    }

    /// Each of `texts`, prepared.
    pub fn all(texts: &[String]) -> Vec<Name> {
        texts.iter().map(|t| Name::new(t)).collect()
    }
}

/// The shortest name (in characters) one name may be found inside another by.
const MIN_PARTIAL_CHARS: usize = 2;

/// A stage as matching sees it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StageWords {
    pub name: String,
    pub name_en: String,
    /// Product names (and words of the stage's name) that meet a gap about the stage.
    pub products: Vec<String>,
}

/// The names matching knows for the project: template synonym groups of the compared chains,
/// and the reference stages.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Name key → the synonym groups it belongs to.
    groups: BTreeMap<String, BTreeSet<usize>>,
    /// Per compared chain: the chain, its template, and its matching (reference stage →
    /// project stage).
    compared: Vec<Compared>,
}

#[derive(Debug, Clone)]
struct Compared {
    chain: ChainId,
    template: &'static Template,
    stages: BTreeMap<StageId, Option<StageId>>,
}

impl Vocabulary {
    /// From the project's compared chains (`project.references`) and the built-in templates.
    pub fn of(project: &Project) -> Self {
        let catalogue = crate::reference::builtin();
        let mut vocabulary = Vocabulary::default();
        let mut group = 0usize;
        for matching in project.references.values() {
            let Some(template) = catalogue.find(&matching.template) else {
                continue;
            };
            for stage in &template.chain.stages {
                for product in &stage.products {
                    group += 1;
                    let mut names = vec![product.name.clone()];
                    names.extend(
                        template
                            .synonyms
                            .get(&product.name)
                            .into_iter()
                            .flatten()
                            .cloned(),
                    );
                    names.extend(matching.products.get(&product.name).cloned().flatten());
                    for name in names {
                        vocabulary
                            .groups
                            .entry(key(&name))
                            .or_default()
                            .insert(group);
                    }
                }
            }
            vocabulary.compared.push(Compared {
                chain: matching.chain.clone(),
                template,
                stages: matching.stages.clone(),
            });
        }
        vocabulary
    }

    /// How `offered` (a candidate's product) meets `wanted` (a gap's product or a stage word),
    /// if it does.
    pub fn compare(&self, offered: &str, wanted: &str) -> Option<MatchKind> {
        self.compare_names(&Name::new(offered), &Name::new(wanted))
    }

    /// [`Vocabulary::compare`] on names prepared once (the ranking compares every candidate's
    /// products with every gap's).
    pub fn compare_names(&self, offered: &Name, wanted: &Name) -> Option<MatchKind> {
        let (a, b) = (&offered.key, &wanted.key);
        if a.is_empty() || b.is_empty() {
            return None;
        }
        if a == b {
            return Some(MatchKind::Exact);
        }
        if let (Some(ga), Some(gb)) = (self.groups.get(a), self.groups.get(b))
            && !ga.is_disjoint(gb)
        {
            return Some(MatchKind::Synonym);
        }
        let (short, long) = if offered.chars <= wanted.chars {
            (offered, wanted)
        } else {
            (wanted, offered)
        };
        (short.chars >= MIN_PARTIAL_CHARS && long.plain.contains(short.plain.as_str()))
            .then_some(MatchKind::Partial)
    }

    /// The best match of any of `offered` with any of `wanted`: the kind, the offered name and
    /// the wanted one (the first of equal kinds).
    pub fn best<'a>(
        &self,
        offered: &'a [Name],
        wanted: &'a [Name],
    ) -> Option<(MatchKind, &'a str, &'a str)> {
        let mut best: Option<(MatchKind, &str, &str)> = None;
        for o in offered {
            for w in wanted {
                if let Some(kind) = self.compare_names(o, w)
                    && best.is_none_or(|(k, _, _)| kind > k)
                {
                    best = Some((kind, &o.text, &w.text));
                }
            }
        }
        best
    }

    /// The stage a gap is about, with the names that meet it: the project's stage when the gap
    /// names one (with the words of the reference stages matched to it), else the reference
    /// stage a reference-derived gap is about, looked up in its own template.
    pub fn stage_of(&self, project: &Project, gap: &Gap) -> Option<StageWords> {
        if let Some(id) = &gap.stage
            && let Some(words) = self.project_stage(project, id)
        {
            return Some(words);
        }
        let reference = gap.reference.as_ref()?;
        self.template_stage(&reference.chain, &reference.template, &reference.stage)
    }

    fn project_stage(&self, project: &Project, id: &StageId) -> Option<StageWords> {
        let (chain, stage) = project.stage(id)?;
        let mut products: Vec<String> = stage.products.iter().map(|p| p.name.clone()).collect();
        products.extend(name_words(&stage.name));
        // The reference stages matched to it bring their products and other names.
        for compared in self.compared.iter().filter(|c| c.chain == chain.id) {
            for (reference, matched) in &compared.stages {
                if matched.as_ref() == Some(id) {
                    products.extend(reference_words(compared.template, reference));
                }
            }
        }
        Some(StageWords {
            name: stage.name.clone(),
            name_en: stage.name_en.clone(),
            products: dedup(products),
        })
    }

    fn template_stage(&self, chain: &ChainId, template: &str, id: &StageId) -> Option<StageWords> {
        let compared = self
            .compared
            .iter()
            .find(|c| &c.chain == chain && c.template.chain.id.as_str() == template)?;
        let stage = compared.template.chain.stage(id)?;
        Some(StageWords {
            name: stage.name.clone(),
            name_en: stage.name_en.clone(),
            products: dedup(reference_words(compared.template, id)),
        })
    }
}

/// A reference stage's products, their synonyms, its other names and the words of its name.
fn reference_words(template: &Template, id: &StageId) -> Vec<String> {
    let Some(stage) = template.chain.stage(id) else {
        return Vec::new();
    };
    let mut words: Vec<String> = Vec::new();
    for p in &stage.products {
        words.push(p.name.clone());
        words.extend(
            template
                .synonyms
                .get(&p.name)
                .into_iter()
                .flatten()
                .cloned(),
        );
    }
    if let Some(info) = template.stage_info.get(id) {
        words.extend(info.aliases.iter().cloned());
    }
    words.extend(name_words(&stage.name));
    words
}

/// The words of a stage's name: the name before any bracket and the words listed inside
/// (设施装备(大棚/吊袋架/灭菌设备) → 设施装备, 大棚, 吊袋架, 灭菌设备).
pub fn name_words(name: &str) -> Vec<String> {
    name.split(['(', ')', '（', '）', '/', '、', ',', '，', ' '])
        .map(str::trim)
        .filter(|w| w.chars().count() >= MIN_PARTIAL_CHARS)
        .map(str::to_owned)
        .collect()
}

fn dedup(mut words: Vec<String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    words.retain(|w| seen.insert(key(w)));
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_by_writing_synonyms_and_containment() {
        let v = Vocabulary::default();
        assert_eq!(v.compare("冷链物流", "冷链运输"), Some(MatchKind::Exact));
        assert_eq!(v.compare("ＡＢＣ菌包", "abc菌包"), Some(MatchKind::Exact));
        assert_eq!(v.compare("木耳菌袋", "菌袋"), Some(MatchKind::Partial));
        assert_eq!(v.compare("袋", "菌袋"), None, "one character is too little");
        assert_eq!(v.compare("菌棒", "菌包"), None, "no template compared");
        assert_eq!(
            name_words("设施装备(大棚/吊袋架/灭菌设备)"),
            ["设施装备", "大棚", "吊袋架", "灭菌设备"]
        );
    }

    #[test]
    fn a_compared_template_brings_its_synonyms() {
        let mut project = Project::default();
        project.references.insert(
            "muer".into(),
            crate::model::ReferenceMatch {
                chain: "muer".into(),
                template: "edible-fungi".into(),
                ..Default::default()
            },
        );
        let v = Vocabulary::of(&project);
        assert_eq!(v.compare("菌棒", "菌包"), Some(MatchKind::Synonym));
        assert_eq!(v.compare("灭菌柜", "灭菌设备"), Some(MatchKind::Synonym));
        assert_eq!(v.compare("锯末", "菌包"), None);
        let offered = Name::all(&["锯末".to_owned(), "灭菌柜".to_owned()]);
        let wanted = Name::all(&["菌包".to_owned(), "灭菌设备".to_owned()]);
        assert_eq!(
            v.best(&offered, &wanted),
            Some((MatchKind::Synonym, "灭菌柜", "灭菌设备"))
        );
    }
}
