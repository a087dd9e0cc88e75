"""Reference values from networkx for the supply-graph measures (tests/analysis.rs reads the output).

    python3 tests/data/networkx_reference.py   # writes tests/data/networkx_reference.json

The supply graph is built as DOMAIN.md defines it: enterprise-like nodes (everything but parks and
regions) and supply links, parallel links counted once. Also writes a random project fixture
(tests/fixtures/random-supply.json) so the comparison covers more than the samples.
"""
import json, random, pathlib
import networkx as nx

ROOT = pathlib.Path(__file__).resolve().parents[2]

def random_project(seed=7, n=80, m=220):
    rng = random.Random(seed)
    nodes = [{"id": f"r{i:03}", "name": f"企业{i}", "kind": rng.choice(["enterprise"] * 4 + ["external_enterprise", "cooperative"])} for i in range(n)]
    links = []
    for k in range(m):
        a, b = rng.randrange(n), rng.randrange(n)
        if a == b:
            continue
        links.append({"id": f"s{k:03}", "kind": "supply", "from": nodes[a]["id"], "to": nodes[b]["id"], "product": "p", "value": rng.randint(1, 500)})
    return {"format": "chainmap", "version": 1, "name": "random supply graph", "unit": "万元",
            "land_classes": [], "chains": [], "nodes": nodes, "links": links, "agreements": [], "views": []}

def supply_graph(project):
    g = nx.DiGraph()
    keep = {n["id"] for n in project["nodes"] if n["kind"] not in ("park", "region")}
    g.add_nodes_from(sorted(keep))
    for l in project["links"]:
        if l["kind"] == "supply" and l["from"] in keep and l["to"] in keep and l["from"] != l["to"]:
            g.add_edge(l["from"], l["to"])
    return g

def measures(project):
    g = supply_graph(project)
    u = g.to_undirected()
    return {
        "betweenness": nx.betweenness_centrality(g),
        # Converged (tol=1e-13), as chainmap iterates: the stationary vector, not networkx's early stop.
        "pagerank": nx.pagerank(g, alpha=0.85, tol=1e-13, max_iter=10000),
        "articulation_points": sorted(nx.articulation_points(u)),
        "bridges": sorted(tuple(sorted(e)) for e in nx.bridges(u)),
        "components": sorted((sorted(c) for c in nx.weakly_connected_components(g)), key=lambda c: (-len(c), c[0])),
    }

fixture = ROOT / "tests/fixtures/random-supply.json"
fixture.write_text(json.dumps(random_project(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
out = {"networkx": nx.__version__}
for name in ["sample_projects/zhashui-fungus.chainmap.json", "sample_projects/meixian-kiwi.chainmap.json",
             "sample_projects/ankang-enclave.chainmap.json", "tests/fixtures/random-supply.json"]:
    out[name] = measures(json.loads((ROOT / name).read_text(encoding="utf-8")))
(ROOT / "tests/data/networkx_reference.json").write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
print("wrote tests/data/networkx_reference.json with networkx", nx.__version__)
