//! `chainmap layout`: the chain laid out again (swimlane or force) and the project written.

use super::{EXIT_OK, EXIT_PROBLEM, LayoutAlgo, load_for_command};
use crate::file;
use crate::i18n::Lang;
use std::io::Write;
use std::path::{Path, PathBuf};

pub(super) fn layout(
    path: &Path,
    algo: LayoutAlgo,
    target: Option<PathBuf>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let Some(mut project) = load_for_command(path, lang, err)? else {
        return Ok(EXIT_PROBLEM);
    };
    let before = crate::layout::supply_crossings(&project);
    let moves = match algo {
        LayoutAlgo::Swimlane => crate::layout::swimlane(&project),
        LayoutAlgo::Force => {
            crate::layout::force(&project, crate::layout::force::default_steps(&project))
        }
    };
    let moved = moves.len();
    let edit = crate::edit::Edit::MoveNodes(moves);
    if let Err(e) = edit.apply(&mut project) {
        writeln!(err, "{}: {}", path.display(), e.message(lang))?;
        return Ok(EXIT_PROBLEM);
    }
    let after = crate::layout::supply_crossings(&project);
    let target = target.unwrap_or_else(|| path.to_owned());
    file::save(&target, &project).map_err(std::io::Error::other)?;
    writeln!(
        out,
        "{}: {} {moved} {}; {} {before} → {after}",
        target.display(),
        lang.pick("移动了", "moved"),
        lang.pick("个节点", "nodes"),
        lang.pick("供应连线交叉", "supply-link crossings"),
    )?;
    Ok(EXIT_OK)
}
