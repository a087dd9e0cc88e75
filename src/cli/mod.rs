//! Headless commands. They never open a window, print human tables by default and JSON with
//! `--json`, and exit 0 on success, 1 on a problem with the input, 2 on bad usage.
//!
//! One file per command family: `args` is the command line clap parses; `check` (check, fmt),
//! `analyze` (analyze, impact), `split`, `fair`, `layout`, `bench`, `export`, `import`, `new`,
//! `templates`, `compare`, `targets`, `diff` and `merge` each run their commands; `common` holds what they share (loading a project for a command).

mod analyze;
mod args;
mod bench;
mod check;
mod common;
mod compare;
mod diff;
mod export;
mod fair;
mod import;
mod import_boundaries;
mod layout;
mod merge;
mod new;
mod split;
mod targets;
mod templates;

pub use args::{Cli, Command, LayoutAlgo};

use crate::i18n::Lang;
use common::load_for_command;
use std::io::Write;

/// Exit code: everything fine.
pub const EXIT_OK: u8 = 0;
/// Exit code: a problem with the input (the message names the file and the place).
pub const EXIT_PROBLEM: u8 = 1;
/// Exit code: bad usage.
pub const EXIT_USAGE: u8 = 2;

/// The language of messages when `--lang` is not given: LANG / LC_ALL, else Chinese.
pub fn default_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::from_code(&v))
        .unwrap_or_default()
}

/// Runs a headless command; returns the exit code.
/// `analyze` and `split`, on the project or one of its scenarios (`--scenario`).
fn of_scenario(
    command: Command,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    match command {
        Command::Analyze {
            file,
            scenario,
            chain,
            year,
            json,
        } => analyze::analyze(
            common::Input::new(&file, scenario.as_deref()),
            chain,
            year,
            json,
            lang,
            out,
            err,
        ),
        Command::Split {
            file,
            scenario,
            agreement,
            from,
            to,
            json,
        } => split::split(
            common::Input::new(&file, scenario.as_deref()),
            agreement,
            from,
            to,
            json,
            lang,
            out,
            err,
        ),
        // The caller hands over only these two commands.
        _ => Ok(EXIT_USAGE),
    }
}

pub fn run(command: Command, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match command {
        Command::Check {
            files,
            json,
            strict,
        } => check::check(&files, json, strict, lang, out),
        Command::Fmt { files, check } => check::fmt(&files, check, lang, out, err),
        command @ (Command::Analyze { .. } | Command::Split { .. }) => {
            of_scenario(command, lang, out, err)
        }
        Command::Impact { file, node, json } => analyze::impact(&file, &node, json, lang, out, err),
        Command::Fair {
            file,
            agreement,
            players,
            values,
            json,
        } => fair::fair(file, agreement, players, values, json, lang, out, err),
        Command::Layout {
            file,
            algo,
            out: target,
        } => layout::layout(&file, algo, target, lang, out, err),
        Command::Bench { nodes, json } => bench::bench(nodes, json, lang, out),
        Command::Export {
            file,
            scenario,
            to,
            out: target,
            table,
            size,
            orientation,
            year,
            doc_lang,
        } => export::export(
            &file,
            to,
            export::Where {
                target,
                table,
                scenario,
            },
            (size, orientation),
            year,
            (lang, doc_lang),
            out,
            err,
        ),
        Command::New {
            out: target,
            template,
            name,
            county,
            unit,
            year,
            description,
            force,
        } => new::new(
            &target,
            new::Request {
                template,
                name,
                county,
                unit,
                year,
                description: description.unwrap_or_default(),
            },
            force,
            lang,
            out,
            err,
        ),
        command @ (Command::Diff { .. } | Command::Merge { .. }) => {
            merge::run(command, lang, out, err)
        }
        Command::Templates { json } => templates::templates(json, lang, out, err),
        Command::Compare {
            file,
            template,
            chain,
            json,
        } => compare::compare(
            &file,
            compare::Request {
                template,
                chain,
                json,
            },
            lang,
            out,
            err,
        ),
        Command::Targets {
            file,
            candidates,
            json,
        } => targets::targets(&file, candidates.as_deref(), json, lang, out, err),
        Command::Import {
            template_sheet: Some(target),
            into,
            ..
        } => import::template(&target, into.as_deref(), lang, out, err),
        command @ Command::Import {
            boundaries: Some(_),
            ..
        } => import_boundaries::run(command, lang, out, err),
        Command::Import {
            template_sheet: None,
            stages,
            nodes,
            links,
            into,
            out: target,
            year,
            chain,
            name,
            sheet,
            json,
            boundaries: None,
        } => import::import(
            import::Tables {
                stages,
                nodes,
                links,
                sheet,
            },
            into,
            &target.unwrap_or_default(),
            year,
            chain,
            name,
            json,
            lang,
            out,
            err,
        ),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`| head`): nothing is wrong with the input.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            let _ = writeln!(err, "chainmap: {e}");
            EXIT_PROBLEM
        }
    }
}
