//! The short name a map shows when a firm's full name does not fit, as people shorten names in
//! speech and on printed 图谱: the places in front and the legal form at the end taken off
//! ("陕西省柞水县中博农业科技有限公司" → "中博农业科技"), a cooperative's 专业合作社 said as
//! 合作社, and an English name's "Co., Ltd." dropped. The same place and legal-form tables as the
//! importer's name matching (`names`), so what a map abbreviates is what an import recognises.

use super::names::{Places, without_legal_form, without_places};

/// A short name keeps at least this many characters.
const MIN_CHARS: usize = 2;

/// Cooperative forms at the end of a name and how a map says them.
const COOPERATIVE_FORMS: &[(&str, &str)] = &[
    ("农民专业合作社联合社", "合作联社"),
    ("农民专业合作社", "合作社"),
    ("专业合作社", "合作社"),
];

/// English legal forms at the end of a name, compared without case, longest first.
const ENGLISH_LEGAL_FORMS: &[&str] = &[
    "company limited",
    "co., ltd.",
    "co.,ltd.",
    "co. ltd.",
    "co., ltd",
    "co.,ltd",
    "co. ltd",
    "co ltd",
    "corporation",
    "limited",
    "company",
    "corp.",
    "ltd.",
    "inc.",
    "ltd",
    "inc",
    "co.",
];

/// The short form of `name`, or `None` when nothing can be taken off (or taking it off would
/// leave less than two characters).
///
/// ```
/// use chainmap::file::import::{Places, short_name::short_name};
/// let places = Places::default();
/// assert_eq!(short_name("陕西省柞水县中博农业科技有限公司", &places).as_deref(), Some("中博农业科技"));
/// assert_eq!(short_name("Qinba Fungus Foods Co., Ltd.", &places).as_deref(), Some("Qinba Fungus Foods"));
/// assert_eq!(short_name("中博农业", &places), None);
/// ```
pub fn short_name(name: &str, places: &Places) -> Option<String> {
    let name = name.trim();
    let short = if name.is_ascii() {
        without_english_legal_form(name).to_owned()
    } else {
        let bare = without_places(without_legal_form(name), places, false);
        shorter_cooperative(bare)
    };
    let short = short.trim();
    (short != name && short.chars().count() >= MIN_CHARS).then(|| short.to_owned())
}

/// "金米村木耳专业合作社" → "金米村木耳合作社".
fn shorter_cooperative(name: &str) -> String {
    COOPERATIVE_FORMS
        .iter()
        .find_map(|(long, short)| {
            name.strip_suffix(long)
                .filter(|rest| rest.chars().count() >= MIN_CHARS)
                .map(|rest| format!("{rest}{short}"))
        })
        .unwrap_or_else(|| name.to_owned())
}

/// "Qinba Foods Co., Ltd." → "Qinba Foods", again and again ("… Group Co., Ltd." keeps Group).
fn without_english_legal_form(mut name: &str) -> &str {
    loop {
        let lower = name.to_ascii_lowercase();
        let form = ENGLISH_LEGAL_FORMS.iter().find(|form| {
            lower.ends_with(*form)
                // A whole word: "Intercorp." is not "corp.".
                && lower[..lower.len() - form.len()].ends_with([' ', ','])
        });
        let Some(form) = form else {
            return name;
        };
        let rest = name[..name.len() - form.len()].trim_end_matches([' ', ',']);
        if rest.chars().count() < MIN_CHARS {
            return name;
        }
        name = rest;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Project;

    fn zhashui() -> Places {
        let mut project = Project::default();
        project.meta.county = "柞水县".into();
        Places::of(&project)
    }

    #[test]
    fn places_in_front_and_the_legal_form_come_off() {
        let places = zhashui();
        let cases = [
            ("陕西省柞水县中博农业科技有限公司", "中博农业科技"),
            ("柞水盘龙生态农业股份有限公司", "盘龙生态农业"),
            ("陕西秦巴菌业集团有限公司", "秦巴菌业"),
            ("商洛市天贝食品有限责任公司", "商洛市天贝食品"),
            ("柞水县金米村木耳专业合作社", "金米村木耳合作社"),
            ("柞水县小岭镇农民专业合作社联合社", "小岭镇合作联社"),
        ];
        for (name, short) in cases {
            assert_eq!(short_name(name, &places).as_deref(), Some(short), "{name}");
        }
    }

    #[test]
    fn a_name_already_short_or_all_form_stays() {
        let places = zhashui();
        for name in ["中博农业", "柞水县", "Qinba", "Inc."] {
            assert_eq!(short_name(name, &places), None, "{name}");
        }
    }

    #[test]
    fn english_legal_forms_are_whole_words_without_case() {
        let places = Places::default();
        let cases = [
            ("Qinba Fungus Foods Co., Ltd.", "Qinba Fungus Foods"),
            ("Panlong Agriculture Company Limited", "Panlong Agriculture"),
            ("Shaanxi Tea Group Co.,Ltd", "Shaanxi Tea Group"),
            ("Hanbin Logistics LTD", "Hanbin Logistics"),
            ("Anything Inc.", "Anything"),
        ];
        for (name, short) in cases {
            assert_eq!(short_name(name, &places).as_deref(), Some(short), "{name}");
        }
        assert_eq!(short_name("Intercorp.", &places), None);
    }
}
