//! Finding things by what people type: Chinese, English, or pinyin — full ("zhashui") or
//! initials ("zsme" finds 柞水木耳, "jbgc" finds 菌包工厂) — with every reading of a character
//! that has several (重 is zhong and chong, 行 is xing and hang). Used by the command palette
//! and the outline search. Readings come from the `pinyin` crate's dictionary.

use pinyin::ToPinyinMulti;

/// A name prepared for searching: its lower-case text (without spaces) and each character's
/// readings.
#[derive(Debug, Clone)]
pub struct SearchKey {
    /// The text in lower case, without whitespace.
    compact: String,
    /// Per character: its pinyin readings (lower case, no tones, ü as v), or the character
    /// itself (lower case) when it is not Chinese.
    readings: Vec<Vec<String>>,
}

/// How well a key matched, higher is better.
pub type Score = u32;

impl SearchKey {
    pub fn new(text: &str) -> Self {
        let compact: String = text
            .to_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let readings = compact
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c.to_pinyin_multi() {
                Some(multi) => {
                    let mut all: Vec<String> = Vec::new();
                    for p in multi {
                        let plain = p.plain().replace('ü', "v");
                        if !all.contains(&plain) {
                            all.push(plain);
                        }
                    }
                    all
                }
                None => vec![c.to_string()],
            })
            .collect();
        Self { compact, readings }
    }

    /// Whether `query` finds this key, and how well: the text itself (earlier is better),
    /// then full pinyin, then initials. An empty query matches everything.
    pub fn score(&self, query: &str) -> Option<Score> {
        let query: String = query
            .to_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if query.is_empty() {
            return Some(1);
        }
        // Spaces are left out on both sides: "县域空间图 SVG" finds "县域空间图 SVG…" typed
        // with or without its space.
        if let Some(at) = self.compact.find(&query) {
            let at = self.compact[..at].chars().count() as u32;
            return Some(1000 - at.min(500));
        }
        if !query.is_ascii() {
            return None;
        }
        let q = query.as_bytes();
        (0..self.readings.len())
            .filter_map(|start| self.pinyin_match(start, q))
            .max()
    }

    /// Matches `q` against the readings from character `start` on: each character gives its
    /// whole reading or its first letter; the last one may give any beginning of a reading.
    /// Scores a whole-syllable match above initials only.
    fn pinyin_match(&self, start: usize, q: &[u8]) -> Option<Score> {
        let chars = &self.readings[start..];
        // best[i][j]: best count of whole syllables used matching q[..j] with chars[..i].
        let mut best: Vec<Vec<Option<u32>>> = vec![vec![None; q.len() + 1]; chars.len() + 1];
        best[0][0] = Some(0);
        let mut found: Option<u32> = None;
        for i in 0..chars.len() {
            for j in 0..=q.len() {
                let Some(whole) = best[i][j] else { continue };
                if j == q.len() {
                    continue;
                }
                for reading in &chars[i] {
                    let r = reading.as_bytes();
                    let rest = &q[j..];
                    // The reading's beginning that the rest of the query covers: an ending.
                    if rest.len() <= r.len() && r.starts_with(rest) {
                        let w = whole + u32::from(rest.len() > 1);
                        found = Some(found.map_or(w, |f| f.max(w)));
                    }
                    if rest.len() >= r.len() && rest.starts_with(r) {
                        let cell = &mut best[i + 1][j + r.len()];
                        *cell = Some(cell.map_or(whole + 1, |c| c.max(whole + 1)));
                    }
                    if r.first() == rest.first() {
                        let cell = &mut best[i + 1][j + 1];
                        *cell = Some(cell.map_or(whole, |c| c.max(whole)));
                    }
                }
            }
            if let Some(w) = best[i + 1][q.len()] {
                found = Some(found.map_or(w, |f| f.max(w)));
            }
        }
        let start_penalty = (start as u32).min(100);
        found.map(|whole| 500 + whole.min(50) * 4 - start_penalty)
    }
}

/// Whether `query` finds `text` (for filters that need no ranking).
pub fn matches(text: &str, query: &str) -> bool {
    SearchKey::new(text).score(query).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(text: &str, query: &str) -> bool {
        SearchKey::new(text).score(query).is_some()
    }

    #[test]
    fn spaces_do_not_matter_in_mixed_text() {
        assert!(finds("县域空间图 SVG…", "县域空间图 SVG"));
        assert!(finds("县域空间图 SVG…", "县域空间图svg"));
        assert!(finds("Territory Map (PNG)…", "territory map"));
        assert!(finds("Territory Map (PNG)…", "map (png)"));
        assert!(!finds("县域空间图 SVG…", "县域空间图 PNG"));
    }

    #[test]
    fn initials_find_names() {
        assert!(finds("柞水木耳", "zsme"));
        assert!(finds("菌包工厂", "jbgc"));
        assert!(finds("陕西柞水木耳产业园", "zsme"));
        assert!(!finds("菌包工厂", "jbgx"));
        assert!(!finds("柞水木耳", "zsmx"));
    }

    #[test]
    fn full_pinyin_and_mixtures() {
        assert!(finds("柞水木耳", "zhashui"));
        assert!(finds("柞水木耳", "zuoshuimuer"));
        assert!(finds("柞水木耳", "muer"));
        assert!(finds("柞水木耳", "mu"));
        assert!(finds("菌包工厂", "junbaogc"));
        assert!(!finds("菌包工厂", "junbaogongchangx"));
    }

    #[test]
    fn every_reading_of_a_polyphone() {
        // 重 zhong / chong, 行 xing / hang, 长 chang / zhang.
        assert!(finds("重庆", "cq"));
        assert!(finds("重庆", "chongqing"));
        assert!(finds("重工", "zg"));
        assert!(finds("银行", "yh"));
        assert!(finds("银行", "yinhang"));
        assert!(finds("行业", "xy"));
        assert!(finds("长安", "zhangan") || finds("长安", "changan"));
        assert!(finds("长安", "changan"));
    }

    #[test]
    fn text_and_english() {
        assert!(finds("Fungus bag factory", "bag"));
        assert!(finds("Fungus bag factory", "BAG FAC"));
        assert!(finds("柞水木耳", "木耳"));
        assert!(!finds("柞水木耳", "香菇"));
    }

    #[test]
    fn better_matches_rank_higher() {
        let key = SearchKey::new("柞水木耳");
        let text = key.score("木耳").unwrap_or(0);
        let full = key.score("muer").unwrap_or(0);
        let initials = key.score("me").unwrap_or(0);
        assert!(text > full && full > initials, "{text} {full} {initials}");
        let later = SearchKey::new("县柞水木耳").score("zsme").unwrap_or(0);
        assert!(key.score("zsme").unwrap_or(0) > later);
    }
}
