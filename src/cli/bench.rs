//! `chainmap bench`: speed measured on generated chains, as a table or JSON.

use super::EXIT_OK;
use crate::i18n::Lang;
use std::io::Write;

pub(super) fn bench(
    nodes: Option<usize>,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<u8> {
    let sizes = match nodes {
        Some(n) => vec![n.max(10)],
        None => vec![1_000, 10_000, 50_000],
    };
    let measures = crate::bench::run(&sizes);
    if json {
        serde_json::to_writer_pretty(&mut *out, &measures)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    writeln!(
        out,
        "{:>7} {:>7}  {:<26} {:>11}",
        lang.pick("节点", "nodes"),
        lang.pick("连线", "links"),
        lang.pick("测量", "measure"),
        lang.pick("中位数 ms", "median ms")
    )?;
    for m in &measures {
        writeln!(
            out,
            "{:>7} {:>7}  {:<26} {:>11.2}",
            m.nodes, m.links, m.what, m.median_ms
        )?;
    }
    Ok(EXIT_OK)
}
