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
