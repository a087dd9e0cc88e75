//! `chainmap new`: a valid project with its identity (name, county, money unit, data year),
//! written headless: empty, or holding a reference chain's stages and products (`--template`).
//! The project is built by `Identity::project` (as the editor's new-project dialog builds it)
//! and, from a template, by `reference::new_project`.

use super::{EXIT_OK, EXIT_PROBLEM, EXIT_USAGE};
use crate::i18n::Lang;
use crate::model::meta::{Identity, MoneyUnit};
use crate::model::{Project, Year};
use crate::reference;
use std::io::Write;
use std::path::Path;

/// What the command line asks for. Without a template, name and county are required (clap
/// sees to it); with one, the name defaults to the county and the chain's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub template: Option<String>,
    pub name: Option<String>,
    pub county: Option<String>,
    pub unit: MoneyUnit,
    pub year: Option<Year>,
    pub description: String,
}

pub fn new(
    target: &Path,
    request: Request,
    force: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let project = match build(request, lang, err)? {
        Built::Project(project) => project,
        Built::BadUsage => return Ok(EXIT_USAGE),
        Built::BadInput => return Ok(EXIT_PROBLEM),
    };
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
    if let Err(e) = crate::file::save(target, &project) {
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

/// What a request makes: the project, or why not (said on `err`).
enum Built {
    Project(Box<Project>),
    /// An empty name or county.
    BadUsage,
    /// An unknown template.
    BadInput,
}

fn build(request: Request, lang: Lang, err: &mut dyn Write) -> std::io::Result<Built> {
    let catalogue = reference::catalogue();
    let template = match &request.template {
        None => None,
        Some(id) => match catalogue.find(id) {
            Some(template) => Some(template),
            None => {
                unknown_template(id, &catalogue, lang, err)?;
                return Ok(Built::BadInput);
            }
        },
    };
    let county = request.county.unwrap_or_default();
    let name = match (request.name, template) {
        (Some(name), _) => name,
        (None, Some(t)) => format!("{}{}", county.trim(), t.chain.name),
        (None, None) => String::new(),
    };
    let mut required = vec![(&name, "项目名称", "the project's name (--name)")];
    if template.is_none() {
        required.push((&county, "县(区)", "the county (--county)"));
    }
    for (value, zh, en) in required {
        if value.trim().is_empty() {
            let message = match lang {
                Lang::Zh => format!("{zh}不能为空"),
                Lang::En => format!("{en} cannot be empty"),
            };
            writeln!(err, "chainmap new: {message}")?;
            return Ok(Built::BadUsage);
        }
    }
    let identity = Identity {
        name,
        county,
        unit: request.unit,
        year: request.year,
        description: request.description,
    };
    Ok(Built::Project(Box::new(match template {
        Some(t) => reference::new_project(t, &identity),
        None => identity.project(),
    })))
}

fn unknown_template(
    id: &str,
    catalogue: &reference::Catalogue,
    lang: Lang,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    let ids = catalogue.ids().join(", ");
    let message = match lang {
        Lang::Zh => format!("没有编号为“{id}”的参考链;可用的有:{ids}"),
        Lang::En => format!("unknown reference chain \"{id}\"; the reference chains are: {ids}"),
    };
    writeln!(err, "{}: {message}", lang.pick("错误", "error"))
}
