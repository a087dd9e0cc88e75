//! Reads an exported file back as what it claims to be, and checks it holds the chain.

use std::path::Path;

/// `path` parses as its format and names `firm` (pictures: decodes to a drawn image).
pub fn assert_exported(path: &Path, firm: &str, nodes: usize) {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    match ext {
        "svg" | "graphml" | "gexf" => {
            let text = std::fs::read_to_string(path).unwrap();
            let doc = roxmltree::Document::parse(&text).unwrap();
            assert!(
                doc.descendants()
                    .any(|n| n.text() == Some(firm) || n.attributes().any(|a| a.value() == firm)),
                "{ext} names {firm}"
            );
            if ext != "svg" {
                let count = doc
                    .descendants()
                    .filter(|n| n.tag_name().name() == "node")
                    .count();
                assert!(count >= nodes, "{ext}: {count} nodes, want {nodes}");
            }
        }
        "png" => {
            let decoder =
                png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
            let reader = decoder.read_info().unwrap();
            let info = reader.info();
            assert!(info.width >= 400 && info.height >= 200, "{info:?}");
        }
        "xlsx" => {
            use calamine::{DataType, Reader};
            let mut book = calamine::open_workbook_auto(path).unwrap();
            let first = book.sheet_names()[0].clone();
            let range = book.worksheet_range(&first).unwrap();
            assert_eq!(range.height(), nodes + 1, "a row per node and the header");
            assert!(
                range
                    .rows()
                    .any(|r| r.iter().any(|c| c.get_string() == Some(firm)))
            );
        }
        "md" | "html" | "report-html" => {
            let text = std::fs::read_to_string(path).unwrap();
            assert!(text.contains(firm), "{ext} names {firm}");
        }
        other => panic!("no check for .{other}"),
    }
}
