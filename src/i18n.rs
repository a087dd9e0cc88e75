//! The two languages chainmap speaks. Core modules (validation messages, CLI output) and the UI
//! both pick their text through [`Lang`], so every message exists in 简体中文 and English.

use serde::{Deserialize, Serialize};

/// A user-facing language. Chinese is the default: our users are Chinese park administrators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// 简体中文
    #[default]
    Zh,
    /// English
    En,
}

impl Lang {
    /// Chooses between the Chinese and the English form of a text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// Reads a language code such as `zh`, `zh-CN`, `en`, `en_US.UTF-8`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        if code.starts_with("zh") {
            Some(Lang::Zh)
        } else if code.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// An operating-system error in the user's language: the common kinds in words an office user
/// understands, the system's own text in brackets for whoever diagnoses it.
pub fn io_error_text(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind::*;
    let what = match e.kind() {
        NotFound => lang.pick("找不到该文件或文件夹", "the file or folder does not exist"),
        PermissionDenied => lang.pick(
            "没有权限(文件可能只读,或被其他程序占用)",
            "permission denied (the file may be read-only or open in another program)",
        ),
        AlreadyExists => lang.pick("文件已存在", "the file already exists"),
        StorageFull => lang.pick("磁盘已满", "the disk is full"),
        ReadOnlyFilesystem => lang.pick("磁盘或文件夹是只读的", "the disk or folder is read-only"),
        IsADirectory => lang.pick("这是一个文件夹,不是文件", "this is a folder, not a file"),
        InvalidFilename => lang.pick("文件名无效", "the file name is not valid"),
        _ => {
            return match lang {
                Lang::Zh => format!("系统错误({e})"),
                Lang::En => e.to_string(),
            };
        }
    };
    format!("{what} ({e})")
}

/// How many yuan one of the project's money unit is, for the units counties use.
fn yuan_per(unit: &str) -> Option<f64> {
    match unit.trim() {
        "元" => Some(1.0),
        "千元" => Some(1e3),
        "万元" => Some(1e4),
        "百万元" => Some(1e6),
        "亿元" => Some(1e8),
        _ => None,
    }
}

/// The project's money unit as a reader of the language writes it: 万元 stays 万元 in Chinese and
/// is "10k yuan" in English. A unit we do not know is shown as the project gives it.
pub fn money_unit(unit: &str, lang: Lang) -> String {
    let en = match unit.trim() {
        "元" => "yuan",
        "千元" => "1,000 yuan",
        "万元" => "10k yuan",
        "百万元" => "million yuan",
        "亿元" => "100m yuan",
        _ => return unit.to_owned(),
    };
    lang.pick(unit, en).to_owned()
}

/// An amount in the project's money unit as a sentence says it: "2100 万元" in Chinese,
/// "21 million yuan" in English (converted to yuan and scaled, since "2100 10k yuan" reads as
/// nonsense). Rounded to at most two decimals in the shown scale.
pub fn amount_text(amount: f64, unit: &str, lang: Lang) -> String {
    match (lang, yuan_per(unit)) {
        (Lang::Zh, _) => format!("{} {unit}", trimmed(amount, 2)),
        (Lang::En, None) => format!("{} {unit}", grouped(amount, 2)),
        (Lang::En, Some(per)) => {
            let yuan = amount * per;
            let (scaled, word) = match yuan.abs() {
                v if v >= 1e9 => (yuan / 1e9, " billion yuan"),
                v if v >= 1e6 => (yuan / 1e6, " million yuan"),
                _ => (yuan, " yuan"),
            };
            format!("{}{word}", grouped(scaled, 2))
        }
    }
}

/// A count with its noun, singular for one: "1 firm", "3 firms". Chinese needs no plural; callers
/// give the Chinese form themselves.
pub fn count_en(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A number with at most `decimals` decimals and no trailing zeros.
fn trimmed(v: f64, decimals: usize) -> String {
    let text = format!("{v:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    if text == "-0" { "0".to_owned() } else { text }
}

/// [`trimmed`] with thousands separators in the whole part, as English readers expect.
fn grouped(v: f64, decimals: usize) -> String {
    let text = trimmed(v, decimals);
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match rest.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (rest, None),
    };
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

#[cfg(test)]
mod amount_tests {
    use super::*;

    #[test]
    fn amounts_read_naturally_in_each_language() {
        assert_eq!(amount_text(2100.0, "万元", Lang::Zh), "2100 万元");
        assert_eq!(amount_text(2100.0, "万元", Lang::En), "21 million yuan");
        assert_eq!(amount_text(2150.6, "万元", Lang::En), "21.51 million yuan");
        assert_eq!(amount_text(350.0, "万元", Lang::En), "3.5 million yuan");
        assert_eq!(amount_text(12.0, "万元", Lang::En), "120,000 yuan");
        assert_eq!(amount_text(-45.0, "万元", Lang::En), "-450,000 yuan");
        assert_eq!(amount_text(31.5, "亿元", Lang::En), "3.15 billion yuan");
        assert_eq!(amount_text(8500.0, "元", Lang::En), "8,500 yuan");
        assert_eq!(amount_text(1234567.0, "元", Lang::En), "1.23 million yuan");
        assert_eq!(amount_text(0.0, "万元", Lang::En), "0 yuan");
        assert_eq!(amount_text(12.345, "万元", Lang::Zh), "12.35 万元");
        assert_eq!(amount_text(1234.5, "美元", Lang::En), "1,234.5 美元");
    }

    #[test]
    fn units_and_counts_in_english() {
        assert_eq!(money_unit("万元", Lang::En), "10k yuan");
        assert_eq!(money_unit("万元", Lang::Zh), "万元");
        assert_eq!(money_unit("亿元", Lang::En), "100m yuan");
        assert_eq!(money_unit("港币", Lang::En), "港币");
        assert_eq!(count_en(1, "firm", "firms"), "1 firm");
        assert_eq!(count_en(0, "firm", "firms"), "0 firms");
        assert_eq!(count_en(2, "firm", "firms"), "2 firms");
    }
}
