"""Reference crossing counts from Graphviz `dot` for the swimlane layout (tests/layout.rs holds the
figures this prints; neither the tests nor CI need Graphviz).

    apt-get install graphviz
    python3 tests/data/graphviz_reference.py            # prints the figures
    python3 tests/data/graphviz_reference.py --fixture  # also rewrites tests/fixtures/layered-random.json

Each project becomes the graph the swimlane layout orders: enterprise-like nodes (everything but
parks and regions), one rank per stage column, in the column order of `lane_columns` (chains one
after another in id order, a gap column before each chain's support lanes, nodes without a known
stage in a column of their own on the left). Ranks are pinned with `rank=same` groups tied
together by a chain of invisible anchor nodes, so `dot` only chooses the order within each rank
and the coordinates; the script checks that every rank came out as one column, in order. Supply
links are ordinary edges pointing downstream with `minlen` the number of columns they span (as
`constraint=false` edges `dot` hardly orders them: 62, 19, 1 and 804 crossings, a much weaker
reference).
Crossings are then counted on `dot`'s node centres exactly as `chainmap::layout::supply_crossings`
counts ours: supply links as straight segments, proper crossings only, links sharing an end never
cross.
"""
import json, pathlib, random, subprocess, sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROJECTS = [
    "sample_projects/zhashui-fungus.chainmap.json",
    "sample_projects/meixian-kiwi.chainmap.json",
    "sample_projects/ankang-enclave.chainmap.json",
    "tests/fixtures/layered-random.json",
]


def layered_random(seed=11, stages=6, n=60, m=130):
    """A chain of `stages` stages and `n` firms with `m` supply links, mostly one or two stages
    downstream, some skipping further, a few upstream: harder to order than the samples."""
    rng = random.Random(seed)
    segments = ["upstream", "upstream", "midstream", "midstream", "downstream", "downstream"]
    chain = {"id": "c", "name": "随机链", "stages": [
        {"id": f"s{i}", "name": f"环节{i}", "segment": segments[i % len(segments)], "products": []}
        for i in range(stages)]}
    nodes = []
    for i in range(n):
        s = rng.randrange(stages)
        nodes.append({"id": f"f{i:03}", "name": f"企业{i}",
                      "kind": rng.choice(["enterprise"] * 5 + ["cooperative"]),
                      "stages": [f"s{s}"],
                      "position": {"x": 0.0, "y": float(rng.randrange(1000))}})
    stage_of = {nd["id"]: int(nd["stages"][0][1:]) for nd in nodes}
    links, k = [], 0
    while len(links) < m:
        a = rng.choice(nodes)["id"]
        step = rng.choice([1, 1, 1, 2, 2, 3, -1])
        targets = [nd["id"] for nd in nodes if stage_of[nd["id"]] == stage_of[a] + step]
        if not targets:
            continue
        b = rng.choice(targets)
        links.append({"id": f"l{k:03}", "kind": "supply", "from": a, "to": b, "product": "p",
                      "value": rng.randint(1, 500)})
        k += 1
    return {"format": "chainmap", "version": 1, "name": "layered random supply", "unit": "万元",
            "land_classes": [], "chains": [chain], "nodes": nodes, "links": links,
            "agreements": [], "views": []}


def columns(project):
    """stage id -> column, as `lane_columns` numbers them."""
    out, column = {}, 0
    for chain in sorted(project["chains"], key=lambda c: c["id"]):
        in_support = False
        for stage in chain["stages"]:
            if stage.get("segment") == "support" and not in_support:
                in_support = True
                column += 1
            out[stage["id"]] = column
            column += 1
        column += 1
    return out


def dot_positions(project):
    cols = columns(project)
    firms = [n for n in project["nodes"] if n["kind"] not in ("park", "region")]
    rank = {}
    for n in firms:
        stages = n.get("stages") or []
        rank[n["id"]] = cols.get(stages[0], -1) if stages else -1
    ranks = sorted(set(rank.values()) | set(cols.values()))
    lines = ["digraph g {", "  rankdir=LR; newrank=true;",
             "  node [shape=box, fixedsize=true, width=1.6, height=0.5];"]
    for r in ranks:
        members = " ".join(f'"{i}";' for i, c in sorted(rank.items()) if c == r)
        lines.append(f'  {{ rank=same; "_r{r}" [style=invis]; {members} }}')
    for a, b in zip(ranks, ranks[1:]):
        lines.append(f'  "_r{a}" -> "_r{b}" [style=invis, weight=100];')
    for l in sorted(project["links"], key=lambda l: l["id"]):
        a, b = l["from"], l["to"]
        if l["kind"] != "supply" or a not in rank or b not in rank:
            continue
        # Ordinary edges, pointing downstream so they agree with the pinned ranks (an upstream
        # link is drawn reversed); `minlen` is exactly the columns apart, so no rank moves.
        if rank[a] <= rank[b]:
            lines.append(f'  "{a}" -> "{b}" [minlen={rank[b] - rank[a]}];')
        else:
            lines.append(f'  "{b}" -> "{a}" [dir=back, minlen={rank[a] - rank[b]}];')
    lines.append("}")
    plain = subprocess.run(["dot", "-Tplain"], input="\n".join(lines), capture_output=True,
                           text=True, check=True).stdout
    pos = {}
    for line in plain.splitlines():
        parts = line.split()
        if parts and parts[0] == "node":
            name = parts[1].strip('"')
            if not name.startswith("_r"):
                pos[name] = (float(parts[2]), float(parts[3]))
    xs = {}
    for name, (x, _) in pos.items():
        xs.setdefault(rank[name], set()).add(round(x, 2))
    assert all(len(x) == 1 for x in xs.values()), "a rank is not one column"
    assert sorted(xs) == sorted(xs, key=lambda r: min(xs[r])), "ranks out of order"
    return pos


def orient(p, q, r):
    v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return 0 if abs(v) < 1e-9 else (1 if v > 0 else -1)


def crossings(project, pos):
    segs = [(l["from"], l["to"], pos[l["from"]], pos[l["to"]])
            for l in sorted(project["links"], key=lambda l: l["id"])
            if l["kind"] == "supply" and l["from"] in pos and l["to"] in pos]
    count = 0
    for i, (a1, b1, p1, q1) in enumerate(segs):
        for a2, b2, p2, q2 in segs[i + 1:]:
            if {a1, b1} & {a2, b2}:
                continue
            if orient(p1, q1, p2) * orient(p1, q1, q2) < 0 and orient(p2, q2, p1) * orient(p2, q2, q1) < 0:
                count += 1
    return count


def main():
    if "--fixture" in sys.argv:
        text = json.dumps(layered_random(), ensure_ascii=False, indent=2) + "\n"
        (ROOT / "tests/fixtures/layered-random.json").write_text(text, encoding="utf-8")
    version = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    print(version)
    for name in PROJECTS:
        project = json.loads((ROOT / name).read_text(encoding="utf-8"))
        print(f"{name}: {crossings(project, dot_positions(project))}")


if __name__ == "__main__":
    main()
