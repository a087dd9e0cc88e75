"""Link crossings of our swimlane layout next to Graphviz dot's, for the same graph ranked by stage.

    cargo run -- layout sample_projects/X.chainmap.json -o /tmp/X.json
    python3 tools/compare_dot.py /tmp/X.json          # needs graphviz (Debian: graphviz)

Both drawings are measured the same way: supply links as straight segments between node centres,
pairs that share an end not counted. dot gets one rank per stage (rank=same, left to right, in
chain order) and lays out the supply links; its node positions come from `dot -Tplain`.
"""
import json, subprocess, sys

def crossings(segments):
    def orient(p, q, r):
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return 0 if abs(v) < 1e-9 else (1 if v > 0 else -1)
    n = 0
    for i, (a1, b1, p1, q1) in enumerate(segments):
        for a2, b2, p2, q2 in segments[i + 1:]:
            if len({a1, b1} & {a2, b2}):
                continue
            if orient(p1, q1, p2) * orient(p1, q1, q2) < 0 and orient(p2, q2, p1) * orient(p2, q2, q1) < 0:
                n += 1
    return n

def main(path):
    p = json.load(open(path, encoding="utf-8"))
    firms = {n["id"]: n for n in p["nodes"] if n["kind"] not in ("park", "region")}
    supply = [(l["from"], l["to"]) for l in p["links"] if l["kind"] == "supply" and l["from"] in firms and l["to"] in firms]
    ours = {i: (n["position"]["x"], n["position"]["y"]) for i, n in firms.items() if "position" in n}
    mine = crossings([(a, b, ours[a], ours[b]) for a, b in supply if a in ours and b in ours])
    stages = [s["id"] for c in p["chains"] for s in c["stages"]]
    lines = ["digraph G {", "rankdir=LR; node [shape=box, width=1, height=0.4];"]
    for s in stages:
        members = [i for i, n in firms.items() if n.get("stages", [None])[0] == s]
        if members:
            lines.append("{ rank=same; " + " ".join(f'"{m}";' for m in members) + " }")
    # Invisible chain of stage anchors keeps the ranks in chain order.
    for s in stages:
        lines.append(f'"stage_{s}" [style=invis];')
        for i, n in firms.items():
            if n.get("stages", [None])[0] == s:
                lines.append(f'"stage_{s}" -> "{i}" [style=invis, weight=0];')
                break
    lines.append(" -> ".join(f'"stage_{s}"' for s in stages) + " [style=invis];")
    for a, b in supply:
        lines.append(f'"{a}" -> "{b}";')
    lines.append("}")
    plain = subprocess.run(["dot", "-Tplain"], input="\n".join(lines), capture_output=True, text=True, check=True).stdout
    pos = {}
    for line in plain.splitlines():
        parts = line.split()
        if parts and parts[0] == "node":
            pos[parts[1].strip('"')] = (float(parts[2]), float(parts[3]))
    theirs = crossings([(a, b, pos[a], pos[b]) for a, b in supply if a in pos and b in pos])
    print(f"{path}: swimlane {mine} crossings, dot {theirs} crossings ({len(supply)} supply links)")

for path in sys.argv[1:]:
    main(path)
