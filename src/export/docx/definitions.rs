//! The appendix: a short definition of each indicator the document uses (the full rules, with
//! sources and worked examples, are docs/INDICATORS.md); only those whose section is in it.

use super::body::{Body, Look};
use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::model::Project;

/// A term and its definition, in Chinese and English.
struct Definition {
    term: (&'static str, &'static str),
    text: (&'static str, &'static str),
}

const LOCAL: Definition = Definition {
    term: ("本地", "Local"),
    text: (
        "企业所在地区或其入驻园区位于本县之内即为本地;本县飞地园区中的企业按协议约定的份额计入。",
        "A firm is local when its region, or its park's, lies within the home county; firms in the county's enclave parks count by the share their agreement gives.",
    ),
};
const SUPPLY: Definition = Definition {
    term: ("本地配套率", "Local supporting rate"),
    text: (
        "本地采购额 ÷ 采购总额,按调查数字,无调查时按供应连线;产业链的配套率只计链主与规上企业。",
        "Local purchases ÷ all purchases, from survey figures, else from supply links; the chain's rate counts the 链主 and above-scale (规上) firms.",
    ),
};
const STATUS: Definition = Definition {
    term: ("环节状态", "Stage status"),
    text: (
        "缺失:没有本地企业;薄弱:有本地企业,但没有规上、专精特新或高新企业;完整:其余。",
        "Missing: no local firm; weak: local firms but no 规上, 专精特新 or 高新 firm; OK: otherwise.",
    ),
};
const GAPS: Definition = Definition {
    term: ("缺口与优先级", "Gaps and their priority"),
    text: (
        "补链:环节无本地企业或必需产品本地无供应;强链:环节薄弱、本地供应不足一半或供应高度集中(HHI > 0.25);固链:关键企业只从县外购入或依赖唯一本地供应商。优先级得分 0–100 = 涉及供应额 40、本地买方数 25、链主依赖 20、供应集中度 15 的加权。",
        "Fill (补链): a stage with no local firm or a required product no local firm supplies; strengthen (强链): a weak stage, local supply under half of demand, or highly concentrated supply (HHI > 0.25); secure (固链): a key buyer sourcing only from outside, or one local supplier as the only source. Priority 0–100 weighs supply at stake 40, local buyers 25, a 链主 depending 20, concentration 15.",
    ),
};
const PANORAMA: Definition = Definition {
    term: ("全景图对照", "Reference chain comparison"),
    text: (
        "参考环节未匹配到本链环节或匹配环节无本地企业为缺,否则取该环节的状态;参考产品本地无企业能供应为缺,供应不足为弱。",
        "A reference stage is lacking when no stage of ours is matched to it or the matched stage has no local firm, else it has that stage's status; a reference product no local firm can supply is lacking, too little supply is weak.",
    ),
};
const LEADERS: Definition = Definition {
    term: ("链主得分", "Chain-leader score"),
    text: (
        "本县规上企业且营收达到门槛者为候选;得分 0–100 = 营收占比、本地配套、联农带农、研发强度、枢纽位置五个分项(各除以候选中最大值)的加权。",
        "Candidates are local above-scale firms with revenue above the threshold; score 0–100 weighs revenue share, local suppliers, farmers linked, R&D intensity and hub position, each over the largest among candidates.",
    ),
};
const TARGETS: Definition = Definition {
    term: ("招商得分", "招商 score"),
    text: (
        "得分 = 所补缺口的优先级 × 匹配度;匹配度 = 产品匹配 × (0.6 + 0.25 × 规模 + 0.15 × 资质)。",
        "Score = priority of the gap filled × fit; fit = product match × (0.6 + 0.25 × size + 0.15 × tags).",
    ),
};
const LAND: Definition = Definition {
    term: ("亩均效益", "Land efficiency (亩均)"),
    text: (
        "工业用地上正常经营的企业,规上规下分组;指标得分 = 权重 × min(值 ÷ 组平均, 2),综合得分为各项之和;组内前 25% 为 A,末 5% 为 D,其后 50% 为 B,其余为 C。",
        "Operating firms on industrial land, above and below scale apart; indicator score = weight × min(value ÷ group average, 2), summed; top 25 % of a group A, bottom 5 % D, the next 50 % B, the rest C.",
    ),
};
const INDICATORS: Definition = Definition {
    term: ("指标看板", "Indicator dashboard"),
    text: (
        "按年统计本县企业:规上企业数、产值、增加值、龙头带动率(链主与龙头产值 ÷ 总产值)、CR4/CR8(最大 4/8 家产值占比)、研发投入强度等;末列为较上年变化。",
        "Local firms year by year: above-scale firms, output, value added, leader share (链主 and 龙头 output ÷ all output), CR4/CR8 (the largest 4/8 firms' share), R&D intensity and more; the last column is the change from the year before.",
    ),
};
const TERRITORY: Definition = Definition {
    term: ("区位熵", "Location quotient"),
    text: (
        "LQ = (镇内该链段产值 ÷ 镇产值) ÷ (全县该链段产值 ÷ 全县产值),≥ 1.5 为专业化;核心平台集中度 = 入驻园区企业产值 ÷ 本县企业产值。",
        "LQ = (town's output in the segment ÷ town's output) ÷ (county's output in the segment ÷ county's output), ≥ 1.5 reads as specialised; core-platform concentration = output of firms in parks ÷ local output.",
    ),
};
const FAIR: Definition = Definition {
    term: ("公平分成", "Fair split"),
    text: (
        "v(S) 为联盟 S 各方只靠自己合作能得的价值。Shapley 值:各方对所有联盟的平均边际贡献;核仁:使最不满意联盟的不满尽量小的分法;核心:没有哪个联盟单干能得更多的分法。",
        "v(S) is what the parties of coalition S could make on their own. Shapley value: each party's average marginal contribution; nucleolus: the split that makes the least satisfied coalition as little dissatisfied as can be; core: splits no coalition would leave to do better alone.",
    ),
};

pub(super) fn definitions(body: &mut Body, project: &Project, analysis: &Analysis, lang: Lang) {
    let mut used = vec![&LOCAL, &SUPPLY, &STATUS, &GAPS];
    if !analysis.comparisons.is_empty() {
        used.push(&PANORAMA);
    }
    if !analysis.leaders.is_empty() {
        used.push(&LEADERS);
    }
    if !project.candidates.is_empty() {
        used.push(&TARGETS);
    }
    use crate::export::tables::{TableName, table};
    for (name, d) in [
        (TableName::Land, &LAND),
        (TableName::Indicators, &INDICATORS),
    ] {
        if !table(project, analysis, name, lang).rows.is_empty() {
            used.push(d);
        }
    }
    if !analysis.territory.towns.is_empty() {
        used.push(&TERRITORY);
    }
    if project
        .agreements
        .values()
        .any(|a| !a.coalition_values.is_empty())
    {
        used.push(&FAIR);
    }
    for d in used {
        let term = lang.pick(d.term.0, d.term.1);
        let text = lang.pick(d.text.0, d.text.1);
        body.para_runs(
            "Normal",
            &[
                (
                    format!("{term}{}", lang.pick(":", ": ")).as_str(),
                    Look {
                        bold: true,
                        colour: None,
                    },
                ),
                (text, Look::default()),
            ],
        );
    }
    body.para(
        "Note",
        lang.pick(
            "完整口径、依据与算例见 chainmap 的 docs/INDICATORS.md。",
            "The full rules, their sources and worked examples: chainmap's docs/INDICATORS.md.",
        ),
    );
}
