//! `chainmap new`: a valid, empty project with its identity (name, county, money unit, data
//! year), written headless. The project is built by `Identity::project` (as the editor's
//! new-project dialog builds it), so a later starting point (a reference chain) can fill it
//! before it is written.

use super::{EXIT_OK, EXIT_PROBLEM, EXIT_USAGE};
use crate::i18n::Lang;
pub use crate::model::meta::Identity;
use std::io::Write;
use std::path::Path;

pub fn new(
    target: &Path,
    identity: Identity,
    force: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    for (value, zh, en) in [
        (&identity.name, "项目名称", "the project's name (--name)"),
        (&identity.county, "县(区)", "the county (--county)"),
    ] {
        if value.trim().is_empty() {
            let message = match lang {
                Lang::Zh => format!("{zh}不能为空"),
                Lang::En => format!("{en} cannot be empty"),
            };
            writeln!(err, "chainmap new: {message}")?;
            return Ok(EXIT_USAGE);
        }
    }
    if target.exists() && !force {
        let message = match lang {
            Lang::Zh => format!("{} 已存在;要替换它请加 --force", target.display()),
            Lang::En => format!(
                "{} exists already; add --force to replace it",
                target.display()
            ),
        };
        writeln!(err, "{}: {message}", lang.pick("错误", "error"))?;
        return Ok(EXIT_PROBLEM);
    }
    if let Err(e) = crate::file::save(target, &identity.project()) {
        writeln!(
            err,
            "{}: {}: {}",
            lang.pick("错误", "error"),
            target.display(),
            e.message(lang)
        )?;
        return Ok(EXIT_PROBLEM);
    }
    writeln!(out, "{}", target.display())?;
    Ok(EXIT_OK)
}
