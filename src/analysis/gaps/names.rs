//! Product names as people write them: the same product under small differences of writing
//! (full-width letters, digits and brackets, spaces, letter case) and under the few synonyms
//! county chain maps use for one thing (冷链运输 / 冷链物流 …) matches itself.
//!
//! The synonym groups are our list (issue 16), gathered from the sample chains and the product
//! words of county chain maps; the first word of a group is the one a match is reported under.

/// Groups of names for one product.
const SYNONYMS: &[&[&str]] = &[
    &["冷链运输", "冷链物流", "冷链配送", "冷链服务"],
    &["冷藏服务", "冷库仓储", "冷藏", "冷链仓储"],
    &["快递物流", "物流", "物流配送", "快递"],
    &["检测", "检验检测", "质量检测", "检测服务"],
    &["分级包装服务", "分级包装", "分选包装服务", "分选包装"],
    &["包装", "包装材料", "包装物"],
    &["电商销售", "线上销售", "电子商务"],
    &["技术服务", "农技服务", "技术推广"],
];

/// The name reduced to what matters: full-width ASCII (letters, digits, brackets) made
/// half-width, letters in lower case, spaces dropped.
pub fn normalise(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Each synonym, normalised, to its group's first word, normalised: built once, since the gap
/// analysis asks for thousands of keys.
static SYNONYM_KEYS: std::sync::LazyLock<std::collections::HashMap<String, String>> =
    std::sync::LazyLock::new(|| {
        SYNONYMS
            .iter()
            .flat_map(|group| {
                let head = normalise(group[0]);
                group.iter().map(move |w| (normalise(w), head.clone()))
            })
            .collect()
    });

/// The key names are compared by: the normalised name, or its synonym group's first word.
pub fn key(name: &str) -> String {
    let n = normalise(name);
    SYNONYM_KEYS.get(&n).cloned().unwrap_or(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writing_differences_and_synonyms_match() {
        assert_eq!(key("冷链物流"), key("冷链运输"));
        assert_eq!(key(" 冷链 运输 "), key("冷链运输"));
        assert_eq!(key("干木耳（仓储服务）"), key("干木耳(仓储服务)"));
        assert_ne!(key("干木耳(仓储服务)"), key("干木耳"));
        assert_eq!(key("ＡＢＣ菌包"), key("abc菌包"));
        assert_eq!(key("物流"), key("快递物流"));
        assert_ne!(key("菌袋"), key("菌包"));
        assert_ne!(key("冷藏服务"), key("冷链运输"));
    }
}
