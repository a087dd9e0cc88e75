//! The 招商 list: candidate lists read as counties keep them (titles, GBK, 亿元, bad cells), the
//! ranking on a hand-made list with hand-computed scores, the reasons, and the CLI's JSON.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::analysis::{Gap, GapClass, ProductReport, Status};
use chainmap::file::table::read_csv;
use chainmap::i18n::Lang;
use chainmap::model::{
    Candidate, CandidateStatus, Chain, ChainId, Product, Project, Stage, StageId,
};
use chainmap::targets::{MatchKind, Standing, import_table, rank_against, read_candidates};
use rust_decimal::Decimal;
use std::process::Command;
use std::str::FromStr;

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// A printed list: title, 填报单位 and unit lines over the header, a total and a note below;
/// revenue in 万元 by the unit line, some cells in 亿元 or 元, one unreadable, one row without
/// a name, one firm twice.
const MESSY: &str = "\
2024年XX县食用菌产业招商目标企业名录,,,,,\n\
填报单位:XX县招商服务中心,,,单位:万元,,\n\
序号,公司名称,注册地,主要产品,年营收,备注\n\
1,陕西秦岭菌业包装材料有限公司,西安市,菌袋、折角袋;筒袋,1.8亿元,省级专精特新企业\n\
2,宁波甬达灭菌设备股份有限公司,宁波市,灭菌设备/装袋机,约两亿,2021年创业板上市\n\
3,,商洛市,木屑,1200,\n\
4,汉中华菌机械有限公司,汉中市,\"装袋机,接种机\",3200000元,\n\
5,陕西秦岭菌业包装材料公司,西安市,菌袋,—,\n\
合计,,,,,\n\
注:名录仅供参考。,,,,,\n";

fn project_in(unit: &str) -> Project {
    let mut project = Project::default();
    project.meta.unit = unit.to_owned();
    project
}

#[test]
fn a_printed_gbk_list_is_read_with_units_tags_and_row_problems() {
    let (gbk, _, _) = encoding_rs::GBK.encode(MESSY);
    let table = read_csv("名录.csv", &gbk).unwrap();
    let import = import_table(table, &project_in("万元")).unwrap();
    let by_name = |name: &str| {
        import
            .candidates
            .values()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("{name} not imported"))
    };
    assert_eq!(import.added.len(), 3, "{:?}", import.candidates);
    let a = by_name("陕西秦岭菌业包装材料有限公司");
    assert_eq!(a.location, "西安市");
    assert_eq!(a.products, ["菌袋", "折角袋", "筒袋"]);
    assert_eq!(a.revenue, Some(dec("18000")), "1.8 亿元 is 18000 万元");
    assert_eq!(a.tags, ["专精特新"], "found in the 备注");
    assert_eq!(a.note, "省级专精特新企业", "a new firm's 备注 is its note");
    let b = by_name("宁波甬达灭菌设备股份有限公司");
    assert_eq!(b.revenue, None, "the unreadable cell is left out");
    assert_eq!(b.tags, ["上市"]);
    assert_eq!(b.products, ["灭菌设备", "装袋机"]);
    let c = by_name("汉中华菌机械有限公司");
    assert_eq!(c.revenue, Some(dec("320")), "3,200,000 元 is 320 万元");
    assert_eq!(c.products, ["装袋机", "接种机"]);
    // Every problem names its row and column.
    let places: Vec<(&str, &str)> = import
        .problems
        .iter()
        .map(|p| (p.place.as_str(), p.zh.as_str()))
        .collect();
    assert_eq!(
        places,
        [
            (
                "名录.csv row 5, column 年营收",
                "“约两亿”不是金额,营业收入留空"
            ),
            ("名录.csv row 6, column 公司名称", "没有企业名称,此行未导入"),
            (
                "名录.csv row 8, column 公司名称",
                "与第 4 行是同一企业,已跳过"
            ),
        ]
    );
    assert_eq!(
        import.problems[0].en,
        "\"约两亿\" is not an amount: revenue left empty"
    );
    // Title lines, the total and the note are not firms, and are said to be left out.
    let skipped: Vec<usize> = import.skipped.iter().map(|s| s.number).collect();
    assert_eq!(skipped, [1, 2, 9, 10]);
    assert!(
        import.summary(Lang::Zh).starts_with(
            "导入招商候选(名录.csv):新增 3 家,更新 0 家,未变 0 家;3 处问题,如 名录.csv row 5, column 年营收:"
        ),
        "{}",
        import.summary(Lang::Zh)
    );
}

#[test]
fn revenue_lands_in_the_project_unit() {
    let text = "企业名称,营业收入(亿元),标签\n甲公司,1.5,国家级专精特新小巨人\n乙公司,20000万元,高新技术企业、外资\n";
    let table = read_csv("t.csv", text.as_bytes()).unwrap();
    let import = import_table(table, &project_in("元")).unwrap();
    let revenue: Vec<(String, Option<Decimal>, Vec<String>)> = import
        .candidates
        .values()
        .map(|c| (c.name.clone(), c.revenue, c.tags.clone()))
        .collect();
    assert_eq!(
        revenue,
        [
            (
                "甲公司".to_owned(),
                Some(dec("150000000")),
                vec!["小巨人".to_owned()]
            ),
            (
                "乙公司".to_owned(),
                Some(dec("200000000")),
                vec!["高新".to_owned(), "外资".to_owned()]
            ),
        ]
    );
}

#[test]
fn a_list_without_a_name_column_is_refused_with_a_message() {
    let table = read_csv("x.csv", "产品,营收\n菌袋,100\n".as_bytes()).unwrap();
    let e = import_table(table, &project_in("万元")).unwrap_err();
    assert_eq!(e.place, "x.csv");
    assert!(e.zh.contains("找不到企业名称列"), "{}", e.zh);
}

#[test]
fn a_reimport_updates_facts_and_keeps_status_and_note() {
    let mut project = project_in("万元");
    let table = read_csv(
        "a.csv",
        "企业名称,主营产品,营业收入\n甲菌业有限公司,菌袋,1000\n乙公司,木屑,200\n".as_bytes(),
    )
    .unwrap();
    project.candidates = import_table(table, &project).unwrap().candidates;
    let first = project.candidates["c1"].clone();
    assert_eq!(first.name, "甲菌业有限公司");
    let c1 = project.candidates.get_mut("c1").unwrap();
    c1.status = CandidateStatus::Contacted;
    c1.note = "3月已拜访".into();
    // The same firm written another way (legal form, full-width space), new figures.
    let again = read_csv(
        "b.csv",
        "企业名称,主营产品,营业收入,备注\n甲菌业公司,菌袋、菌包,1500,上市公司\n乙公司,木屑,200,\n丙公司,菌种,,\n"
            .as_bytes(),
    )
    .unwrap();
    let import = import_table(again, &project).unwrap();
    assert_eq!(import.updated, ["c1"]);
    assert_eq!(import.added, ["c3"]);
    assert_eq!(import.unchanged, 1);
    let c1 = &import.candidates["c1"];
    assert_eq!(c1.products, ["菌袋", "菌包"]);
    assert_eq!(c1.revenue, Some(dec("1500")));
    assert_eq!(c1.tags, ["上市"]);
    assert_eq!(c1.status, CandidateStatus::Contacted, "status kept");
    assert_eq!(c1.note, "3月已拜访", "note kept");
}

#[test]
fn an_excel_list_with_a_title_row_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("名录.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write_string(0, 0, "招商目标企业名录(单位:亿元)")
        .unwrap();
    for (c, h) in ["企业名称", "所在地", "主营产品", "营业收入", "资质"]
        .iter()
        .enumerate()
    {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    sheet.write_string(3, 0, "丽水菇源菌包有限公司").unwrap();
    sheet.write_string(3, 1, "浙江丽水").unwrap();
    sheet.write_string(3, 2, "菌包,菌棒").unwrap();
    sheet.write_number(3, 3, 0.9).unwrap();
    sheet.write_string(3, 4, "农业产业化龙头企业").unwrap();
    sheet.write_string(4, 0, "坏数据公司").unwrap();
    sheet.write_string(4, 3, "12%").unwrap();
    book.save(&path).unwrap();
    let import = read_candidates(&path, &project_in("万元")).unwrap();
    let c = &import.candidates["c1"];
    assert_eq!(c.name, "丽水菇源菌包有限公司");
    assert_eq!(c.products, ["菌包", "菌棒"]);
    assert_eq!(c.revenue, Some(dec("9000")), "0.9 亿元 by the title's unit");
    assert_eq!(c.tags, ["龙头"]);
    assert_eq!(import.problems.len(), 1);
    assert!(
        import.problems[0].place.ends_with("row 5, column 营业收入"),
        "{}",
        import.problems[0].place
    );
    assert!(import.problems[0].en.contains("not a percentage"));
}

// ---- ranking ----

fn stage(id: &str, name: &str, products: &[&str]) -> Stage {
    Stage {
        id: StageId::from(id),
        name: name.to_owned(),
        products: products
            .iter()
            .map(|p| Product {
                name: (*p).to_owned(),
                required: true,
            })
            .collect(),
        ..Stage::default()
    }
}

fn candidate(
    id: &str,
    name: &str,
    products: &[&str],
    revenue: Option<&str>,
    tags: &[&str],
) -> Candidate {
    Candidate {
        id: id.to_owned(),
        name: name.to_owned(),
        products: products.iter().map(|p| (*p).to_owned()).collect(),
        revenue: revenue.map(dec),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        ..Candidate::default()
    }
}

fn gap(class: GapClass, stage: &str, product: Option<&str>, priority: f64) -> Gap {
    let mut g = Gap::new(
        class,
        Some(&StageId::from(stage)),
        product,
        Vec::new(),
        (String::new(), String::new()),
        ("", ""),
    );
    g.priority.score = priority;
    g
}

fn supplied(stage: &str, name: &str) -> ProductReport {
    ProductReport {
        stage: StageId::from(stage),
        name: name.to_owned(),
        required: true,
        status: Status::Ok,
        suppliers: vec!["n1".into()],
        external_suppliers: Vec::new(),
        hhi: None,
        local_share: None,
        possible_suppliers: 1,
    }
}

/// A chain of five stages; gaps 补链 菌袋 (80), 强链 the 冷链 stage (50), 固链 木屑 (30), 补链
/// the 检测 stage (0); 干木耳 and 栽培种 supplied well.
fn hand_made() -> (Project, Vec<Gap>, Vec<ProductReport>) {
    let mut project = project_in("万元");
    project.chains.insert(
        ChainId::from("c"),
        Chain {
            id: ChainId::from("c"),
            name: "木耳".into(),
            stages: vec![
                stage("S1", "菌种", &["栽培种"]),
                stage("S2", "原辅料", &["菌袋", "木屑"]),
                stage("S3", "初加工", &["干木耳"]),
                stage("S4", "冷链", &["冷链运输"]),
                stage("S5", "检测", &["检测"]),
            ],
            ..Chain::default()
        },
    );
    for c in [
        candidate("c1", "甲包装", &["菌袋"], Some("18000"), &["专精特新"]),
        candidate("c2", "乙冷链", &["冷链物流"], Some("100000"), &["上市"]),
        candidate("c3", "丙木业", &["木屑", "菌袋耗材"], None, &[]),
        candidate(
            "c4",
            "丁干货",
            &["干木耳"],
            Some("500000"),
            &["龙头", "500强"],
        ),
        candidate("c5", "戊光伏", &["光伏组件"], Some("900000"), &["上市"]),
        candidate("c6", "己菌种", &["栽培种"], Some("100"), &[]),
        candidate("c7", "庚检测", &["检验检测"], Some("10"), &[]),
    ] {
        project.candidates.insert(c.id.clone(), c);
    }
    let gaps = vec![
        gap(GapClass::Missing, "S2", Some("菌袋"), 80.0),
        gap(GapClass::Weak, "S4", None, 50.0),
        gap(GapClass::AtRisk, "S2", Some("木屑"), 30.0),
        gap(GapClass::Missing, "S5", None, 0.0),
    ];
    let products = vec![supplied("S3", "干木耳"), supplied("S1", "栽培种")];
    (project, gaps, products)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn gap_fillers_outrank_firms_selling_what_the_county_has() {
    let (project, gaps, products) = hand_made();
    let list = rank_against(&project, &gaps, &products);
    let order: Vec<&str> = list.targets.iter().map(|t| t.candidate.as_str()).collect();
    // 甲 72.2, 乙 50, 丙 33.6, 庚 0 (a gap of priority 0 is still a gap); then the county's
    // own products: 丁 (fit 1) before 己 (fit 0.7), however large 丁 is; 戊 matches nothing.
    assert_eq!(order, ["c1", "c2", "c3", "c7", "c4", "c6", "c5"]);
    let t = |id: &str| list.targets.iter().find(|t| t.candidate == id).unwrap();
    // 甲: size log10(18000)/5 = 0.851055, tags 0.6: fit = 0.6 + 0.25·0.851055 + 0.15·0.6
    // = 0.902764, score 80 × fit = 72.2211.
    let size = 18000f64.log10() / 5.0;
    let fit = 0.6 + 0.25 * size + 0.15 * 0.6;
    assert!(close(t("c1").score, 80.0 * fit), "{}", t("c1").score);
    assert!(
        close(t("c1").score, 72.221_090_020_413),
        "{}",
        t("c1").score
    );
    // 乙: 冷链物流 is 冷链运输 (a common synonym): match 1, size 1 (10 亿元), tags 1 → fit 1.
    let b = t("c2");
    assert_eq!(b.best.as_ref().unwrap().fit.kind, MatchKind::Exact);
    assert!(close(b.score, 50.0));
    // 丙: 木屑 exactly (固链, 30 × 0.7 = 21) or 菌袋耗材 ⊃ 菌袋 (补链, 80 × 0.6 × 0.7 = 33.6).
    let c = t("c3");
    assert!(close(c.score, 33.6), "{}", c.score);
    assert_eq!(c.best.as_ref().unwrap().fit.kind, MatchKind::Partial);
    assert_eq!(c.others.len(), 1);
    assert!(close(c.others[0].score, 21.0));
    assert_eq!(t("c4").standing, Standing::AlreadySupplied);
    assert_eq!(t("c4").supplied, ["干木耳"]);
    assert_eq!(t("c5").standing, Standing::Unrelated);
    assert_eq!(
        list.targets.iter().map(|t| t.rank).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6, 7]
    );
}

#[test]
fn reasons_say_why_in_words() {
    let (project, gaps, products) = hand_made();
    let list = rank_against(&project, &gaps, &products);
    let reason = |id: &str, lang: Lang| {
        list.targets
            .iter()
            .find(|t| t.candidate == id)
            .unwrap()
            .reason(lang)
            .to_owned()
    };
    assert_eq!(
        reason("c1", Lang::Zh),
        "补链:填补“菌袋”本地空白;年营收 1.8 亿元;专精特新"
    );
    assert_eq!(
        reason("c1", Lang::En),
        "Fill: supplies “菌袋”, which no local firm does; revenue 180 M yuan; SRDI"
    );
    assert_eq!(
        reason("c2", Lang::Zh),
        "强链:补强“冷链”环节(主营“冷链物流”,即“冷链运输”);年营收 10 亿元;上市"
    );
    assert_eq!(
        reason("c3", Lang::Zh),
        "补链:填补“菌袋”本地空白(主营“菌袋耗材”,名称相近);另可固链“木屑”"
    );
    assert_eq!(
        reason("c3", Lang::En),
        "Fill: supplies “菌袋”, which no local firm does (makes “菌袋耗材”, a close name); also Secure “木屑”"
    );
    assert_eq!(
        reason("c4", Lang::Zh),
        "本县已有供应:“干木耳”(无缺口);年营收 50 亿元;龙头、500强"
    );
    assert_eq!(
        reason("c5", Lang::En),
        "Its products match no gap or product of the county's chains; revenue 9000 M yuan; listed"
    );
}

#[test]
fn a_reference_gap_is_met_through_the_compared_template() {
    let (mut project, _, products) = hand_made();
    project.candidates.clear();
    project.references.insert(
        ChainId::from("c"),
        chainmap::model::ReferenceMatch {
            chain: ChainId::from("c"),
            template: "edible-fungi".into(),
            ..Default::default()
        },
    );
    // The reference chain's S4 (金融保险与社会化服务), which the county lacks: the gap names no
    // project stage (the project's own S4, 冷链, is another stage) but the reference stage.
    let mut finance = gap(GapClass::Missing, "S4", None, 60.0);
    finance.stage = None;
    finance.origin = chainmap::analysis::GapOrigin::Reference;
    finance.reference = Some(chainmap::analysis::GapReference {
        chain: ChainId::from("c"),
        template: "edible-fungi".into(),
        template_name: "食用菌".into(),
        template_name_en: "Edible fungi".into(),
        stage: StageId::from("S4"),
        stage_name: "金融保险与社会化服务".into(),
        stage_name_en: "Finance, insurance and services".into(),
    });
    let gaps = vec![finance, gap(GapClass::Missing, "S2", Some("菌包"), 40.0)];
    for c in [
        candidate("c1", "辛保险", &["农业保险"], None, &[]),
        candidate("c2", "壬菌业", &["菌棒"], None, &[]),
        candidate("c3", "癸冷链", &["冷链运输"], None, &[]),
    ] {
        project.candidates.insert(c.id.clone(), c);
    }
    let list = rank_against(&project, &gaps, &products);
    let t = |id: &str| list.targets.iter().find(|t| t.candidate == id).unwrap();
    let insurer = t("c1").best.as_ref().unwrap();
    assert_eq!(list.gaps[insurer.gap].stage_name, "金融保险与社会化服务");
    assert!(close(t("c1").score, 60.0 * 0.7));
    assert_eq!(
        t("c1").reason(Lang::Zh),
        "补链:填补“金融保险与社会化服务”环节空白(主营“农业保险”)"
    );
    // 菌棒 is 菌包 by the template's synonyms: match 0.9, fit 0.9 × 0.7.
    let bags = t("c2").best.as_ref().unwrap();
    assert_eq!(bags.fit.kind, MatchKind::Synonym);
    assert!(close(t("c2").score, 40.0 * 0.9 * 0.7));
    assert_eq!(
        t("c2").reason(Lang::Zh),
        "补链:填补“菌包”本地空白(“菌棒”即“菌包”)"
    );
    // The project's own 冷链 stage is no gap here.
    assert_eq!(t("c3").standing, Standing::Unrelated);
}

// ---- the command line ----

fn chainmap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn the_cli_prints_the_ranked_list_as_json() {
    let o = chainmap(&[
        "targets",
        "sample_projects/zhashui-fungus.chainmap.json",
        "--candidates",
        "sample_projects/zhashui-candidates.csv",
        "--json",
        "--lang",
        "zh",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let targets = v["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 18);
    for (i, t) in targets.iter().enumerate() {
        assert_eq!(t["rank"], i + 1);
        for key in ["name", "location", "products"] {
            assert!(!t["candidate"][key].is_null(), "{key} in {t}");
        }
        assert!(t["score"].is_number());
        assert!(t["reason"].as_str().is_some_and(|r| !r.is_empty()));
        if !t["gap"].is_null() {
            for key in ["class", "stage", "product"] {
                assert!(t["gap"].get(key).is_some(), "{key} in {t}");
            }
        }
    }
    // Best first: the gap fillers, then firms whose products the county has (gap null).
    let first_null = targets.iter().position(|t| t["gap"].is_null()).unwrap();
    assert!(targets[first_null..].iter().all(|t| t["gap"].is_null()));
    assert!(
        targets[..first_null]
            .iter()
            .all(|t| t["gap"]["class"].is_string())
    );
    let scores: Vec<f64> = targets[..first_null]
        .iter()
        .map(|t| t["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    let bags = targets
        .iter()
        .find(|t| t["candidate"]["name"] == "陕西秦岭菌业包装材料有限公司")
        .unwrap();
    assert_eq!(bags["gap"]["class"], "missing");
    assert_eq!(bags["gap"]["product"], "菌袋");
    assert_eq!(bags["gap"]["stage"], "U2");
    assert_eq!(bags["candidate"]["revenue"], 18000.0);
    assert_eq!(bags["candidate"]["status"], "new");
    assert!(
        bags["reason"]
            .as_str()
            .unwrap()
            .starts_with("补链:填补“菌袋”本地空白;年营收 1.8 亿元;专精特新"),
        "{}",
        bags["reason"]
    );
    let dried = targets
        .iter()
        .find(|t| t["candidate"]["name"] == "东北林区木耳产业集团有限公司")
        .unwrap();
    assert!(dried["gap"].is_null());
    assert_eq!(dried["standing"], "already_supplied");
}

#[test]
fn the_cli_says_what_is_wrong_with_a_list() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("bad.csv");
    std::fs::write(&list, "产品,营收\n菌袋,100\n").unwrap();
    let o = chainmap(&[
        "targets",
        "sample_projects/zhashui-fungus.chainmap.json",
        "--candidates",
        list.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("bad.csv") && err.contains("no name column"),
        "{err}"
    );
    // Without a list and with none saved: an empty list and a hint, not an error.
    let o = chainmap(&[
        "targets",
        "sample_projects/zhashui-fungus.chainmap.json",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["targets"].as_array().unwrap().len(), 0);
    assert!(String::from_utf8_lossy(&o.stderr).contains("--candidates"));
}

// ---- exports ----

fn sample_with_candidates() -> Project {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut project = chainmap::file::load_path(
        &root.join("sample_projects/zhashui-fungus.chainmap.json"),
        Default::default(),
    )
    .unwrap()
    .project;
    let import = read_candidates(
        &root.join("sample_projects/zhashui-candidates.csv"),
        &project,
    )
    .unwrap();
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    assert_eq!(import.added.len(), 18);
    project.candidates = import.candidates;
    project
}

#[test]
fn exports_carry_the_targets_table_and_the_report_its_section() {
    use chainmap::export::{ExportFormat, ExportOptions, TableName, export};
    let project = sample_with_candidates();
    let options = ExportOptions {
        lang: Lang::Zh,
        table: Some(TableName::Targets),
        ..ExportOptions::default()
    };
    let csv = export(&project, ExportFormat::Csv, &options).unwrap();
    assert_eq!(csv[0].name, "targets.csv");
    let text = String::from_utf8(csv[0].bytes.clone()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap().trim_start_matches('\u{feff}'),
        "排名,企业,所在地,主营产品,营业收入(万元),标签,对策,缺口,得分,状态,理由,备注"
    );
    assert_eq!(
        text.lines().count(),
        19,
        "the header and a row per candidate"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("陕西秦岭菌业包装材料有限公司") && l.contains(",补链,菌袋,")),
        "{text}"
    );
    let report = export(
        &project,
        ExportFormat::Md,
        &ExportOptions {
            lang: Lang::En,
            ..ExportOptions::default()
        },
    )
    .unwrap();
    let md = String::from_utf8(report[0].bytes.clone()).unwrap();
    assert!(md.contains("## Firms to attract (招商) (18)"), "{md}");
    assert!(md.contains("Fill: supplies “菌袋”, which no local firm does"));
    let xlsx = export(&project, ExportFormat::Xlsx, &options).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    std::fs::write(&path, &xlsx[0].bytes).unwrap();
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    let sheet = book.worksheet_range("招商清单").unwrap();
    assert_eq!(sheet.height(), 19);
}
