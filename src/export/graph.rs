//! The graph for other tools: GraphML that yEd opens with its shapes, colours, labels and
//! positions (yFiles extension) and that Gephi reads through its `label`, `x`, `y`, `size`,
//! `r`, `g`, `b` attributes; and GEXF 1.3 with `viz` positions, sizes and colours.
//!
//! Gephi's y axis points up and the canvas's down, so the Gephi coordinates (GraphML `y`,
//! GEXF `viz:position`) are flipped; yEd's geometry keeps the canvas's.

use crate::i18n::Lang;
use crate::model::{Link, Node, NodeKind, Project};
use crate::style::{self, hex};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use rust_decimal::prelude::ToPrimitive;
use std::io;

type Xml = Writer<Vec<u8>>;

/// `text` without the characters XML 1.0 cannot hold (control characters a pasted name may
/// carry); the writer escapes the rest.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| (*c as u32) >= 0x20 || matches!(c, '\t' | '\n' | '\r'))
        .filter(|c| !matches!(c, '\u{fffe}' | '\u{ffff}'))
        .collect()
}

fn stage_names(project: &Project, node: &Node) -> String {
    node.stages
        .iter()
        .map(|s| {
            project
                .stage(s)
                .map(|(_, st)| format!("{} {}", s, st.name))
                .unwrap_or_else(|| s.to_string())
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn output(node: &Node) -> Option<f64> {
    node.latest_figures()
        .and_then(|(_, f)| f.output)
        .and_then(|d| d.to_f64())
}

fn link_value(link: &Link) -> Option<f64> {
    link.value.and_then(|d| d.to_f64())
}

/// yEd's shape for a node kind.
fn yed_shape(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Enterprise | NodeKind::ExternalEnterprise => "roundrectangle",
        NodeKind::Cooperative | NodeKind::VillageCollective | NodeKind::FamilyFarms => "ellipse",
        NodeKind::Institute | NodeKind::PublicInstitution => "diamond",
        NodeKind::Financial => "hexagon",
        NodeKind::Park => "rectangle",
        NodeKind::Region => "triangle",
    }
}

/// A writer with the XML declaration written, indenting by two spaces.
fn xml_writer() -> io::Result<Xml> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    Ok(w)
}

/// The document's bytes, ending with a newline.
fn finish(w: Xml) -> Vec<u8> {
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    bytes
}

/// GEXF's `<viz:color r g b/>`.
fn viz_colour(w: &mut Xml, rgb: style::Rgb) -> io::Result<()> {
    w.create_element("viz:color")
        .with_attribute(("r", rgb[0].to_string().as_str()))
        .with_attribute(("g", rgb[1].to_string().as_str()))
        .with_attribute(("b", rgb[2].to_string().as_str()))
        .write_empty()?;
    Ok(())
}

fn data(w: &mut Xml, key: &str, value: &str) -> io::Result<()> {
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(&clean(value)))?;
    Ok(())
}

/// The project as GraphML (UTF-8).
pub fn graphml(project: &Project, lang: Lang) -> io::Result<Vec<u8>> {
    let mut w = xml_writer()?;
    let max_out = style::max_output(project);
    w.create_element("graphml")
        .with_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"))
        .with_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"))
        .with_attribute(("xmlns:y", "http://www.yworks.com/xml/graphml"))
        .with_attribute((
            "xsi:schemaLocation",
            "http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd",
        ))
        .write_inner_content(|w| {
            graphml_keys(w)?;
            w.create_element("graph")
                .with_attribute(("id", "G"))
                .with_attribute(("edgedefault", "directed"))
                .write_inner_content(|w| {
                    for node in project.nodes.values() {
                        graphml_node(w, project, node, max_out, lang)?;
                    }
                    for link in project.links.values() {
                        graphml_edge(w, link, lang)?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(finish(w))
}

/// The GraphML keys: the data of nodes and edges, and yEd's graphics.
fn graphml_keys(w: &mut Xml) -> io::Result<()> {
    let keys: [(&str, &str, &str, &str); 15] = [
        ("label", "node", "label", "string"),
        ("kind", "node", "kind", "string"),
        ("stage", "node", "stage", "string"),
        ("tags", "node", "tags", "string"),
        ("output", "node", "output", "double"),
        ("x", "node", "x", "float"),
        ("y", "node", "y", "float"),
        ("size", "node", "size", "float"),
        ("r", "node", "r", "int"),
        ("g", "node", "g", "int"),
        ("b", "node", "b", "int"),
        ("ekind", "edge", "kind", "string"),
        ("product", "edge", "product", "string"),
        ("value", "edge", "value", "double"),
        ("weight", "edge", "weight", "double"),
    ];
    for (id, of, name, ty) in keys {
        w.create_element("key")
            .with_attribute(("id", id))
            .with_attribute(("for", of))
            .with_attribute(("attr.name", name))
            .with_attribute(("attr.type", ty))
            .write_empty()?;
    }
    w.create_element("key")
        .with_attribute(("id", "ng"))
        .with_attribute(("for", "node"))
        .with_attribute(("yfiles.type", "nodegraphics"))
        .write_empty()?;
    w.create_element("key")
        .with_attribute(("id", "eg"))
        .with_attribute(("for", "edge"))
        .with_attribute(("yfiles.type", "edgegraphics"))
        .write_empty()?;
    Ok(())
}

/// A GraphML node: its data for Gephi and its yEd shape.
fn graphml_node(
    w: &mut Xml,
    project: &Project,
    node: &Node,
    max_out: f64,
    lang: Lang,
) -> io::Result<()> {
    let pos = node.position.unwrap_or_default();
    let r = style::node_radius(node, max_out);
    let rgb = style::node_fill(node.kind);
    w.create_element("node")
        .with_attribute(("id", clean(node.id.as_str()).as_str()))
        .write_inner_content(|w| {
            data(w, "label", &node.name)?;
            data(w, "kind", node.kind.label(lang))?;
            data(w, "stage", &stage_names(project, node))?;
            data(w, "tags", &node.tags.join(";"))?;
            if let Some(o) = output(node) {
                data(w, "output", &o.to_string())?;
            }
            data(w, "x", &pos.x.to_string())?;
            data(w, "y", &(-pos.y).to_string())?;
            data(w, "size", &(2.0 * r).to_string())?;
            data(w, "r", &rgb[0].to_string())?;
            data(w, "g", &rgb[1].to_string())?;
            data(w, "b", &rgb[2].to_string())?;
            w.create_element("data")
                .with_attribute(("key", "ng"))
                .write_inner_content(|w| {
                    w.create_element("y:ShapeNode").write_inner_content(|w| {
                        w.create_element("y:Geometry")
                            .with_attribute(("x", (pos.x - r).to_string().as_str()))
                            .with_attribute(("y", (pos.y - r).to_string().as_str()))
                            .with_attribute(("width", (2.0 * r).to_string().as_str()))
                            .with_attribute(("height", (2.0 * r).to_string().as_str()))
                            .write_empty()?;
                        w.create_element("y:Fill")
                            .with_attribute(("color", hex(rgb).as_str()))
                            .with_attribute(("transparent", "false"))
                            .write_empty()?;
                        w.create_element("y:BorderStyle")
                            .with_attribute(("color", "#333333"))
                            .with_attribute((
                                "type",
                                if node.kind == NodeKind::ExternalEnterprise {
                                    "dashed"
                                } else {
                                    "line"
                                },
                            ))
                            .with_attribute(("width", "1.0"))
                            .write_empty()?;
                        w.create_element("y:NodeLabel")
                            .with_attribute(("modelName", "sides"))
                            .with_attribute(("modelPosition", "s"))
                            .with_attribute(("fontFamily", "Noto Sans SC"))
                            .write_text_content(BytesText::new(&clean(&node.name)))?;
                        w.create_element("y:Shape")
                            .with_attribute(("type", yed_shape(node.kind)))
                            .write_empty()?;
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

/// A GraphML edge: its data for Gephi and its yEd line.
fn graphml_edge(w: &mut Xml, link: &Link, lang: Lang) -> io::Result<()> {
    let rgb = style::link_colour(link.kind);
    w.create_element("edge")
        .with_attribute(("id", clean(link.id.as_str()).as_str()))
        .with_attribute(("source", clean(link.from.as_str()).as_str()))
        .with_attribute(("target", clean(link.to.as_str()).as_str()))
        .write_inner_content(|w| {
            data(w, "ekind", link.kind.label(lang))?;
            if !link.product.is_empty() {
                data(w, "product", &link.product)?;
            }
            if let Some(v) = link_value(link) {
                data(w, "value", &v.to_string())?;
                data(w, "weight", &v.to_string())?;
            }
            w.create_element("data")
                .with_attribute(("key", "eg"))
                .write_inner_content(|w| {
                    w.create_element("y:PolyLineEdge")
                        .write_inner_content(|w| {
                            w.create_element("y:LineStyle")
                                .with_attribute(("color", hex(rgb).as_str()))
                                .with_attribute((
                                    "type",
                                    if style::link_dash(link.kind).is_some() {
                                        "dashed"
                                    } else {
                                        "line"
                                    },
                                ))
                                .with_attribute(("width", "1.5"))
                                .write_empty()?;
                            w.create_element("y:Arrows")
                                .with_attribute(("source", "none"))
                                .with_attribute(("target", "standard"))
                                .write_empty()?;
                            if !link.product.is_empty() {
                                w.create_element("y:EdgeLabel")
                                    .write_text_content(BytesText::new(&clean(&link.product)))?;
                            }
                            Ok(())
                        })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

/// The project as GEXF 1.3 (UTF-8).
pub fn gexf(project: &Project, lang: Lang) -> io::Result<Vec<u8>> {
    let mut w = xml_writer()?;
    let max_out = style::max_output(project);
    w.create_element("gexf")
        .with_attribute(("xmlns", "http://gexf.net/1.3"))
        .with_attribute(("xmlns:viz", "http://gexf.net/1.3/viz"))
        .with_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"))
        .with_attribute((
            "xsi:schemaLocation",
            "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        ))
        .with_attribute(("version", "1.3"))
        .write_inner_content(|w| {
            w.create_element("meta").write_inner_content(|w| {
                w.create_element("creator")
                    .write_text_content(BytesText::new("chainmap 串珠"))?;
                w.create_element("description")
                    .write_text_content(BytesText::new(&clean(&project.meta.name)))?;
                Ok(())
            })?;
            w.create_element("graph")
                .with_attribute(("defaultedgetype", "directed"))
                .with_attribute(("mode", "static"))
                .write_inner_content(|w| {
                    attributes(
                        w,
                        "node",
                        &[
                            ("kind", "string"),
                            ("stage", "string"),
                            ("tags", "string"),
                            ("output", "double"),
                        ],
                    )?;
                    attributes(
                        w,
                        "edge",
                        &[
                            ("kind", "string"),
                            ("product", "string"),
                            ("value", "double"),
                        ],
                    )?;
                    w.create_element("nodes").write_inner_content(|w| {
                        for node in project.nodes.values() {
                            let pos = node.position.unwrap_or_default();
                            let rgb = style::node_fill(node.kind);
                            w.create_element("node")
                                .with_attribute(("id", clean(node.id.as_str()).as_str()))
                                .with_attribute(("label", clean(&node.name).as_str()))
                                .write_inner_content(|w| {
                                    w.create_element("attvalues").write_inner_content(|w| {
                                        attvalue(w, "kind", node.kind.label(lang))?;
                                        attvalue(w, "stage", &stage_names(project, node))?;
                                        attvalue(w, "tags", &node.tags.join(";"))?;
                                        if let Some(o) = output(node) {
                                            attvalue(w, "output", &o.to_string())?;
                                        }
                                        Ok(())
                                    })?;
                                    viz_colour(w, rgb)?;
                                    w.create_element("viz:position")
                                        .with_attribute(("x", pos.x.to_string().as_str()))
                                        .with_attribute(("y", (-pos.y).to_string().as_str()))
                                        .with_attribute(("z", "0.0"))
                                        .write_empty()?;
                                    w.create_element("viz:size")
                                        .with_attribute((
                                            "value",
                                            style::node_radius(node, max_out).to_string().as_str(),
                                        ))
                                        .write_empty()?;
                                    Ok(())
                                })?;
                        }
                        Ok(())
                    })?;
                    w.create_element("edges").write_inner_content(|w| {
                        for link in project.links.values() {
                            let rgb = style::link_colour(link.kind);
                            let mut edge = w
                                .create_element("edge")
                                .with_attribute(("id", clean(link.id.as_str()).as_str()))
                                .with_attribute(("source", clean(link.from.as_str()).as_str()))
                                .with_attribute(("target", clean(link.to.as_str()).as_str()));
                            let weight = link_value(link).map(|v| v.to_string());
                            if let Some(v) = &weight {
                                edge = edge.with_attribute(("weight", v.as_str()));
                            }
                            edge.write_inner_content(|w| {
                                w.create_element("attvalues").write_inner_content(|w| {
                                    attvalue(w, "kind", link.kind.label(lang))?;
                                    if !link.product.is_empty() {
                                        attvalue(w, "product", &link.product)?;
                                    }
                                    if let Some(v) = &weight {
                                        attvalue(w, "value", v)?;
                                    }
                                    Ok(())
                                })?;
                                viz_colour(w, rgb)?;
                                Ok(())
                            })?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(finish(w))
}

fn attributes(w: &mut Xml, class: &str, list: &[(&str, &str)]) -> io::Result<()> {
    w.create_element("attributes")
        .with_attribute(("class", class))
        .write_inner_content(|w| {
            for (id, ty) in list {
                w.create_element("attribute")
                    .with_attribute(("id", *id))
                    .with_attribute(("title", *id))
                    .with_attribute(("type", *ty))
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

fn attvalue(w: &mut Xml, key: &str, value: &str) -> io::Result<()> {
    w.create_element("attvalue")
        .with_attribute(("for", key))
        .with_attribute(("value", clean(value).as_str()))
        .write_empty()?;
    Ok(())
}
