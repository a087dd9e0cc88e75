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
