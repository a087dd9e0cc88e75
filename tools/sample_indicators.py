#!/usr/bin/env python3
"""Adds the illustrative data issue 16's indicators read to the bundled samples: the home county,
stage activities, 规上 / land type / status, value added, revenue, energy, emissions, R&D, surveyed
purchases, a second year of figures for trends, and brand tags. Every number is made up (the
samples say so); the rules below only keep them plausible and repeatable. Run from the project
root: `python3 tools/sample_indicators.py` (idempotent), then `cargo run -- fmt sample_projects/*.json`.
"""
import json
import sys

SAMPLES = {
    "sample_projects/zhashui-fungus.chainmap.json": {
        "home": "R0",
        "farming": ["M1"], "processing": ["M2", "M3", "D1"],
        "commercial_stages": ["D2", "D3", "D4", "S2"],
        "key": ["E05", "E19", "E23", "E24"],
        "products": {"E03": ["木屑"], "E09": ["大棚"]},
        "status": {"E25": "new", "E39": "under_construction"},
        "tags": {"E28": ["区域公用品牌"], "E23": ["地理标志产品"], "E24": ["木耳品牌"]},
    },
    "sample_projects/meixian-kiwi.chainmap.json": {
        "home": "R0",
        "farming": ["K3"], "processing": ["K5", "K6"],
        "commercial_stages": [],
        "key": ["N11", "N09"],
        "products": {},
        "status": {},
        "tags": {"N11": ["地理标志产品", "眉县猕猴桃品牌"]},
    },
    "sample_projects/ankang-enclave.chainmap.json": {
        "home": "SRC",
        "farming": ["A1"], "processing": ["A2", "A3"],
        "commercial_stages": [],
        "key": ["F1", "F3"],
        "products": {},
        "status": {},
        "tags": {"F1": ["魔芋品牌"]},
    },
}

FIRM_KINDS = {"enterprise", "cooperative", "village_collective", "family_farms",
              "institute", "public_institution", "financial"}


def land_type(node, plan):
    kind = node["kind"]
    if kind in ("cooperative", "family_farms", "village_collective"):
        return "agricultural"
    if kind in ("institute", "public_institution"):
        return "public"
    if kind == "financial":
        return "commercial"
    stages = node.get("stages", [])
    if any(s in plan["commercial_stages"] for s in stages):
        return "commercial"
    return "industrial"


def round2(v):
    return round(v, 2) if v != int(v) else int(v)


def spread(node_id, steps):
    """A repeatable 0 … steps-1 per firm, so firms differ the way real ones do."""
    return sum(ord(c) for c in node_id) % steps


def enrich_figures(node, year, industrial, above):
    f = node.setdefault("figures", {}).get(str(year))
    if not f or "output" not in f:
        return
    out = f["output"]
    energy = 0.02 + 0.01 * spread(node["id"], 5)
    emissions = 0.001 + 0.0005 * spread(node["id"][::-1], 4)
    f.setdefault("revenue", round2(round(out * 1.03)))
    f.setdefault("value_added", round2(round(out * (0.32 if industrial else 0.45))))
    if industrial:
        f.setdefault("energy_tce", round2(round(out * energy, 1)))
        f.setdefault("emissions_t", round2(round(out * emissions, 2)))
        f.setdefault("rd", round2(round(out * (0.028 if above else 0.009))))


def local_share(project, node_id, local_ids):
    """The share of a buyer's supply-link value from local suppliers (0.5 when unknown)."""
    total = local = 0.0
    for link in project["links"]:
        if link.get("kind", "supply") != "supply" or link["to"] != node_id:
            continue
        value = float(link.get("value") or 0)
        total += value
        if link["from"] in local_ids:
            local += value
    return local / total if total > 0 else 0.5


def earlier_year(f):
    """Last year's figures: about 8 % below, whole numbers."""
    earlier = {}
    for key in ("output", "tax", "revenue", "value_added", "employees", "land_mu",
                "farmers_linked", "rd", "energy_tce"):
        if key in f:
            v = f[key]
            earlier[key] = v if key == "land_mu" else round2(round(v * 0.92, 1))
            if key in ("employees", "farmers_linked"):
                earlier[key] = int(round(v * 0.95))
    return earlier


def enrich(path, plan):
    with open(path, encoding="utf-8") as fh:
        project = json.load(fh)
    year = project.get("base_year") or 2024
    project["home_region"] = plan["home"]
    for chain in project["chains"]:
        for stage in chain["stages"]:
            if stage["id"] in plan["farming"]:
                stage["activity"] = "farming"
            elif stage["id"] in plan["processing"]:
                stage["activity"] = "processing"
            else:
                stage["activity"] = "other"
    local_ids = {n["id"] for n in project["nodes"] if n["kind"] != "external_enterprise"}
    for node in project["nodes"]:
        if node["kind"] not in FIRM_KINDS:
            continue
        above = "规上" in node.get("tags", []) or node.get("above_scale", False)
        if above:
            node["above_scale"] = True
        lt = land_type(node, plan)
        node["land_type"] = lt
        if node["id"] in plan["status"]:
            node["status"] = plan["status"][node["id"]]
        if node["id"] in plan["products"]:
            node["products"] = plan["products"][node["id"]]
        for tag in plan["tags"].get(node["id"], []):
            node.setdefault("tags", [])
            if tag not in node["tags"]:
                node["tags"].append(tag)
        enrich_figures(node, year, lt == "industrial", above)
        f = node.get("figures", {}).get(str(year))
        if f and node["id"] in plan["key"] and "output" in f:
            purchases = round(f["output"] * 0.55)
            f.setdefault("purchases", purchases)
            f.setdefault("local_purchases",
                         round(purchases * local_share(project, node["id"], local_ids)))
        if f and str(year - 1) not in node["figures"] and len(node["figures"]) == 1:
            node["figures"][str(year - 1)] = earlier_year(f)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(project, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


if __name__ == "__main__":
    for path, plan in SAMPLES.items():
        enrich(path, plan)
        print("enriched", path, file=sys.stderr)
