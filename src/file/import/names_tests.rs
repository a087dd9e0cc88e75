use super::*;
use crate::model::{Node, NodeKind, Project};

fn places() -> Places {
    let mut p = Project::new("t");
    p.meta.county = "柞水县".into();
    p.nodes.insert(
        NodeId::from("T1"),
        Node {
            id: NodeId::from("T1"),
            name: "营盘镇".into(),
            kind: NodeKind::Region,
            ..Node::default()
        },
    );
    Places::of(&p)
}

fn key(name: &str) -> NameKey {
    name_key(name, &places())
}

#[test]
fn places_legal_forms_width_and_spaces_come_off() {
    let cases = [
        ("陕西省柞水县中博农业科技有限公司", "中博农业科技"),
        ("柞水中博农业科技有限责任公司", "中博农业科技"),
        ("中博农业科技股份有限公司", "中博农业科技"),
        ("中博农业科技集团有限公司", "中博农业科技"),
        ("陕西 中博 农业科技公司", "中博农业科技"),
        ("中博农业科技（柞水）有限公司", "中博农业科技"),
        ("ＡＢＣ食品有限公司", "abc食品"),
        (
            "陕西省商洛市柞水县金米村股份经济合作社",
            "金米村股份经济合作社",
        ),
        ("营盘镇朱家湾村合作社", "朱家湾村合作社"),
        ("宁夏回族自治区银川市中宁枸杞公司", "中宁枸杞"),
        ("恩施土家族苗族自治州硒茶有限公司", "硒茶"),
    ];
    for (name, bare) in cases {
        assert_eq!(key(name).bare, bare, "{name}");
    }
}

#[test]
fn a_city_or_district_at_the_front_is_only_a_place_after_another() {
    // 超市 and 园区 end in 市 and 区: the full and bare keys keep them.
    let k = key("好又多超市连锁经营有限公司");
    assert_eq!(k.bare, "好又多超市连锁经营");
    assert_eq!(key("商洛市中博农业科技有限公司").bare, "商洛市中博农业科技");
    // The loose key takes them off, for short names only.
    assert_eq!(key("商洛市中博农业科技有限公司").loose, "中博农业科技");
    assert_eq!(key("陕西省商洛市中博农业科技有限公司").bare, "中博农业科技");
}

#[test]
fn a_name_is_never_reduced_to_nothing() {
    assert_eq!(key("柞水县").bare, "柞水县");
    assert_eq!(key("有限公司").bare, "有限");
    assert_eq!(key("中博公司").bare, "中博");
    assert_eq!(key("陕西公司").bare, "陕西");
}

fn index(names: &[(&str, &str)]) -> NameIndex {
    let mut p = Project::new("t");
    p.meta.county = "柞水县".into();
    let mut index = NameIndex::new(&p);
    for (id, name) in names {
        index.add(&Node {
            id: NodeId::from(*id),
            name: (*name).into(),
            ..Node::default()
        });
    }
    index
}

#[test]
fn names_find_their_node_in_tiers() {
    let idx = index(&[
        ("a", "柞水县中博农业科技有限公司"),
        ("b", "陕西金米木耳有限公司"),
        ("c", "金米村股份经济合作社"),
        ("d", "商洛市秦峰菌业有限公司"),
    ]);
    let found = |t: &str| idx.find(t);
    let id = |s: &str| NodeId::from(s);
    assert_eq!(
        found("中博农业科技有限责任公司"),
        Found::Matched(id("a"), MatchKind::Alike)
    );
    assert_eq!(found("中博农业"), Found::Matched(id("a"), MatchKind::Short));
    assert_eq!(found("柞水中博"), Found::Matched(id("a"), MatchKind::Short));
    // A short name the start of two firms' names is a question, not a guess.
    assert_eq!(found("金米"), Found::Ambiguous(vec![id("b"), id("c")]));
    assert_eq!(found("金米木耳"), Found::Matched(id("b"), MatchKind::Alike));
    assert_eq!(found("金米木"), Found::Matched(id("b"), MatchKind::Short));
    // "商洛市" at the front is taken off for a short name.
    assert_eq!(found("秦峰菌业"), Found::Matched(id("d"), MatchKind::Short));
    // A generic word in the middle of a name is not its start.
    assert_eq!(found("农业科技"), Found::Nothing);
    assert_eq!(found("木耳"), Found::Nothing);
    // One character is not a name.
    assert_eq!(found("中"), Found::Nothing);
}

#[test]
fn a_full_name_finds_the_short_one_the_project_has() {
    let idx = index(&[("a", "中博农业"), ("b", "秦峰")]);
    assert_eq!(
        idx.find("陕西省柞水县中博农业科技有限公司"),
        Found::Matched(NodeId::from("a"), MatchKind::Short)
    );
    assert_eq!(
        idx.find("商洛市秦峰菌业有限公司"),
        Found::Matched(NodeId::from("b"), MatchKind::Short)
    );
}

#[test]
fn a_renamed_node_is_found_by_its_new_name_only() {
    let mut idx = index(&[("a", "中博农业科技有限公司")]);
    idx.add(&Node {
        id: NodeId::from("a"),
        name: "秦峰菌业有限公司".into(),
        ..Node::default()
    });
    assert_eq!(idx.find("中博农业"), Found::Nothing);
    assert_eq!(
        idx.find("秦峰菌业"),
        Found::Matched(NodeId::from("a"), MatchKind::Alike)
    );
}
