//! Reading a project file: every problem at once, each naming what and where; never a panic.
//!
//! Steps: bytes → UTF-8 → JSON (syntax errors with line and column) → envelope (format, version)
//! → `migrate()` → each section item by item (type errors with their path, duplicate ids) →
//! `validate()` (meaning). Problems that keep the model from holding the file faithfully block
//! loading; the rest come back beside the project.

use super::{CURRENT_VERSION, FORMAT, migrate};
use crate::model::validate::validate;
use crate::model::{Issue, Project, ProjectMeta};
use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::path::Path;

/// How strictly to read.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Unknown fields are errors instead of warnings.
    pub strict: bool,
}

/// A project that loaded, with the problems that did not stop it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub project: Project,
    pub issues: Vec<Issue>,
    /// The file's version before migration.
    pub file_version: u32,
}

/// The file could not be opened; `issues` holds every problem found, blocking ones included.
#[derive(Debug, Clone)]
pub struct LoadError {
    pub issues: Vec<Issue>,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lines: Vec<String> = self.issues.iter().map(|i| i.to_string()).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for LoadError {}

fn fail(issue: Issue) -> LoadError {
    LoadError {
        issues: vec![issue],
    }
}

/// The largest project file read (bytes): far beyond a county's chain (50,000 firms take about
/// 30 MB), and still memory a laptop has.
pub const MAX_PROJECT_BYTES: u64 = 256 * 1024 * 1024;

/// Reads and loads a project file.
pub fn load_path(path: &Path, options: LoadOptions) -> Result<Loaded, LoadError> {
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > MAX_PROJECT_BYTES
    {
        let mb = meta.len() / 1_048_576;
        let limit = MAX_PROJECT_BYTES / 1_048_576;
        return Err(fail(Issue::blocking(
            "too_large",
            path.display().to_string(),
            format!("文件有 {mb} MB,超过项目文件的上限 {limit} MB(可能不是串珠项目文件)"),
            format!(
                "the file is {mb} MB, over the {limit} MB limit for project files (is it a chainmap file?)"
            ),
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        fail(Issue::blocking(
            "io",
            path.display().to_string(),
            format!("无法读取文件:{e}"),
            format!("cannot read the file: {e}"),
        ))
    })?;
    load_bytes(&bytes, options)
}

/// Loads a project from the bytes of a file.
pub fn load_bytes(bytes: &[u8], options: LoadOptions) -> Result<Loaded, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(text, options),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            let column = good.iter().rev().take_while(|b| **b != b'\n').count() + 1;
            Err(fail(Issue::blocking(
                "not_utf8",
                format!("line {line}, column {column}"),
                format!(
                    "第 {line} 行第 {column} 列(字节 {})不是 UTF-8 编码;项目文件必须是 UTF-8(文件可能被转成了 GBK)",
                    e.valid_up_to()
                ),
                format!(
                    "byte {} is not UTF-8; project files are UTF-8 (was the file re-encoded, e.g. to GBK?)",
                    e.valid_up_to()
                ),
            )))
        }
    }
}

/// Loads a project from the text of a file.
pub fn load_str(text: &str, options: LoadOptions) -> Result<Loaded, LoadError> {
    let syntax = |e: serde_json::Error| {
        fail(Issue::blocking(
            "json_syntax",
            format!("line {}, column {}", e.line(), e.column()),
            format!("JSON 语法错误,第 {} 行第 {} 列:{e}", e.line(), e.column()),
            format!("JSON syntax error: {e}"),
        ))
    };
    // The top level as raw text per key: the big arrays are then read item by item straight
    // from the file's text, in one pass (a `Value` in between would double the work, and would
    // hand decimals an f64).
    let top: BTreeMap<String, &RawValue> = match serde_json::from_str(text) {
        Ok(top) => top,
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            return Err(fail(not_chainmap("the file is JSON, but not an object")));
        }
        Err(e) => return Err(syntax(e)),
    };
    match top
        .get("format")
        .map(|raw| serde_json::from_str::<Value>(raw.get()))
    {
        Some(Ok(Value::String(f))) if f == FORMAT => {}
        Some(Ok(other)) => {
            return Err(fail(not_chainmap(&format!(
                "its \"format\" is {other}, not \"{FORMAT}\""
            ))));
        }
        Some(Err(e)) => return Err(syntax(e)),
        None => {
            return Err(fail(not_chainmap(
                "it has no \"format\": \"chainmap\" field",
            )));
        }
    }
    let version = match top
        .get("version")
        .and_then(|raw| serde_json::from_str::<u64>(raw.get()).ok())
    {
        Some(v) => u32::try_from(v).unwrap_or(u32::MAX),
        None => {
            return Err(fail(Issue::blocking(
                "no_version",
                "version",
                "文件缺少版本号(\"version\" 应为非负整数)".to_owned(),
                "the file has no version (\"version\" must be a whole number)".to_owned(),
            )));
        }
    };
    if version > CURRENT_VERSION {
        return Err(fail(Issue::blocking(
            "newer_version",
            "version",
            format!(
                "此文件为第 {version} 版格式,由更新的串珠创建;本程序只能读取到第 {CURRENT_VERSION} 版。请升级到能读取第 {version} 版的串珠。"
            ),
            format!(
                "this file is format version {version}, written by a newer chainmap; this build reads versions up to {CURRENT_VERSION}. Update to a chainmap that reads version {version}."
            ),
        )));
    }
    // Older versions go through `migrate()` on a `Value`, then back to text per key.
    let migrated: Option<BTreeMap<String, String>> = if super::migrate::rewrites(version) {
        let Value::Object(mut map) = serde_json::from_str::<Value>(text).map_err(syntax)? else {
            return Err(fail(not_chainmap("the file is JSON, but not an object")));
        };
        migrate(&mut map, version).map_err(fail)?;
        Some(map.into_iter().map(|(k, v)| (k, v.to_string())).collect())
    } else {
        None
    };
    let entries: BTreeMap<&str, &str> = match &migrated {
        Some(map) => map.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect(),
        None => top.iter().map(|(k, v)| (k.as_str(), v.get())).collect(),
    };

    let mut reader = SectionReader {
        issues: Vec::new(),
        strict: options.strict,
        file: text,
    };
    let sections = [
        "chains",
        "nodes",
        "links",
        "agreements",
        "views",
        "references",
        "candidates",
        "scenarios",
    ];
    // The project's own fields: everything but the envelope and the sections.
    let meta_text = format!(
        "{{{}}}",
        entries
            .iter()
            .filter(|(k, _)| !sections.contains(k) && !matches!(**k, "format" | "version"))
            .map(|(k, v)| format!("{}:{v}", Value::String((*k).to_owned())))
            .collect::<Vec<_>>()
            .join(",")
    );
    let meta: ProjectMeta = reader.item(&meta_text, String::new).unwrap_or_default();
    let mut project = Project {
        meta,
        ..Project::default()
    };
    let section = |name: &str| entries.get(name).copied().unwrap_or("[]");
    project.chains = reader.keyed(section("chains"), "chains", |c: &crate::model::Chain| {
        c.id.0.clone()
    });
    project.nodes = reader.keyed(section("nodes"), "nodes", |n: &crate::model::Node| {
        n.id.0.clone()
    });
    project.links = reader.keyed(section("links"), "links", |l: &crate::model::Link| {
        l.id.0.clone()
    });
    project.agreements = reader.keyed(
        section("agreements"),
        "agreements",
        |a: &crate::model::Agreement| a.id.0.clone(),
    );
    project.views = reader.keyed(section("views"), "views", |v: &crate::model::View| {
        v.id.0.clone()
    });
    project.references = reader.keyed(
        section("references"),
        "references",
        |r: &crate::model::ReferenceMatch| r.chain.0.clone(),
    );
    project.candidates = reader.keyed(
        section("candidates"),
        "candidates",
        |c: &crate::model::Candidate| c.id.clone(),
    );
    project.scenarios = reader.keyed(
        section("scenarios"),
        "scenarios",
        |s: &crate::model::Scenario| s.id.clone(),
    );

    let mut issues = reader.issues;
    issues.extend(validate(&project));
    if issues.iter().any(|i| i.blocks_loading) {
        Err(LoadError { issues })
    } else {
        Ok(Loaded {
            project,
            issues,
            file_version: version,
        })
    }
}

fn not_chainmap(why: &str) -> Issue {
    Issue::blocking(
        "not_chainmap",
        "",
        format!("这不是串珠项目文件({why})"),
        format!("this is not a chainmap project file ({why})"),
    )
}

struct SectionReader<'a> {
    issues: Vec<Issue>,
    strict: bool,
    /// The whole file, to place an item's errors by the file's lines and columns.
    file: &'a str,
}

impl SectionReader<'_> {
    /// Where an error inside `item` is in the file: serde counts from the item's first
    /// character; the file's count is wanted. None when the item is not part of the file's text
    /// (a migrated old version is re-written first).
    fn file_position(&self, item: &str, e: &serde_json::Error) -> Option<(usize, usize)> {
        let start = (item.as_ptr() as usize).checked_sub(self.file.as_ptr() as usize)?;
        let before = self.file.get(..start)?;
        let line0 = before.matches('\n').count() + 1;
        let column0 = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        Some(if e.line() <= 1 {
            (line0, column0 + e.column().saturating_sub(1))
        } else {
            (line0 + e.line() - 1, e.column())
        })
    }

    /// Reads a section (an array of items with ids) into a map, item by item, so one bad item
    /// does not hide the problems of the others.
    fn keyed<K, T>(
        &mut self,
        text: &str,
        section: &str,
        id_of: impl Fn(&T) -> String,
    ) -> BTreeMap<K, T>
    where
        K: Ord + From<String>,
        T: DeserializeOwned,
    {
        let mut map = BTreeMap::new();
        let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(text) else {
            self.issues.push(Issue::blocking(
                "wrong_type",
                section,
                format!("“{section}”应为数组"),
                format!("\"{section}\" must be an array"),
            ));
            return map;
        };
        let mut first_index: BTreeMap<String, usize> = BTreeMap::new();
        for (index, item) in items.into_iter().enumerate() {
            // Only a problem needs the place, so its id is read only then.
            let place = || {
                #[derive(serde::Deserialize)]
                struct IdOnly {
                    id: Option<Value>,
                }
                match serde_json::from_str::<IdOnly>(item.get())
                    .ok()
                    .and_then(|i| i.id)
                {
                    Some(Value::String(id)) if !id.is_empty() => format!("{section}/{id}"),
                    _ => format!("{section}[{index}]"),
                }
            };
            let Some(parsed) = self.item::<T>(item.get(), place) else {
                continue;
            };
            let id = id_of(&parsed);
            if id.trim().is_empty() {
                self.issues.push(Issue::blocking(
                    "missing_id",
                    place(),
                    format!("{section} 中第 {} 项没有编号(id)", index + 1),
                    format!("item {} of {section} has no id", index + 1),
                ));
                continue;
            }
            if let Some(first) = first_index.get(&id) {
                self.issues.push(Issue::blocking(
                    "duplicate_id",
                    place(),
                    format!(
                        "编号“{id}”重复:{section} 中第 {} 项和第 {} 项用了同一个编号",
                        first + 1,
                        index + 1
                    ),
                    format!(
                        "id \"{id}\" is used twice in {section}: by items {} and {}",
                        first + 1,
                        index + 1
                    ),
                ));
                continue;
            }
            first_index.insert(id.clone(), index);
            map.insert(K::from(id), parsed);
        }
        map
    }

    /// Reads one item from its text, recording unknown fields and a type error with its path.
    fn item<T: DeserializeOwned>(&mut self, text: &str, place: impl Fn() -> String) -> Option<T> {
        let mut unknown = Vec::new();
        let result: Result<T, _> = {
            let mut json = serde_json::Deserializer::from_str(text);
            serde_ignored::deserialize(&mut json, |path| unknown.push(path.to_string()))
        };
        if unknown.is_empty()
            && let Ok(v) = result
        {
            return Some(v);
        }
        let place = place();
        let join = |inner: &str| match (place.is_empty(), inner.is_empty() || inner == ".") {
            (_, true) => place.clone(),
            (true, false) => inner.to_owned(),
            (false, false) => format!("{place}/{}", inner.replace('.', "/")),
        };
        for field in unknown {
            let where_ = join(&field);
            let (zh, en) = (
                format!("未知字段“{field}”,保存时不会保留"),
                format!("unknown field \"{field}\"; it will not be kept when saving"),
            );
            self.issues.push(if self.strict {
                Issue::error("unknown_field", where_, zh, en)
            } else {
                Issue::warning("unknown_field", where_, zh, en)
            });
        }
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                // Read again with path tracking, only now that there is an error to place.
                let mut track = serde_path_to_error::Track::new();
                let mut json = serde_json::Deserializer::from_str(text);
                let de = serde_path_to_error::Deserializer::new(&mut json, &mut track);
                let _ = T::deserialize(de);
                let path = track.path().to_string();
                // serde's "at line 1 column 80" counts within the item: say where in the file.
                let message = e.to_string();
                let bare = message
                    .rfind(" at line ")
                    .map_or(message.as_str(), |i| &message[..i]);
                let (zh, en) = match self.file_position(text, &e) {
                    Some((line, column)) => (
                        format!("数据类型不对(第 {line} 行第 {column} 列):{bare}"),
                        format!("wrong type (line {line}, column {column}): {bare}"),
                    ),
                    None => (
                        format!("数据类型不对:{bare}"),
                        format!("wrong type: {bare}"),
                    ),
                };
                self.issues
                    .push(Issue::blocking("wrong_type", join(&path), zh, en));
                None
            }
        }
    }
}
