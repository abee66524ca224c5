"""Reads papergraph's exports back with parsers that are not papergraph's, and checks them
against `export json` of the same graph. Usage:

    read_exports.py JSON GRAPHML GEXF CSV_DIR BIBTEX VAULT_DIR

Exits non-zero with a message on the first disagreement. Needs networkx, PyYAML and
bibtexparser (`make test` installs them).
"""
import csv
import json
import os
import re
import sys

import networkx as nx
import yaml
import bibtexparser


def fail(message):
    print("read_exports: " + message)
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


json_path, graphml_path, gexf_path, csv_dir, bib_path, vault = sys.argv[1:7]
graph = json.load(open(json_path, encoding="utf-8"))
papers = {p["id"]: p for p in graph["papers"]}
entities = {e["id"]: e for e in graph["entities"]}
nodes = len(papers) + len(entities)
edges = graph["edges"]

# GraphML (networkx): every node and edge, with their typed attributes.
g = nx.read_graphml(graphml_path, force_multigraph=True)
expect(g.number_of_nodes() == nodes, f"graphml: {g.number_of_nodes()} nodes, json has {nodes}")
expect(g.number_of_edges() == len(edges), f"graphml: {g.number_of_edges()} edges, json has {len(edges)}")
for pid, p in papers.items():
    data = g.nodes[pid]
    expect(data["kind"] == "paper" and data["title"] == p["title"], f"graphml: paper {pid} reads back as {data}")
for eid, e in entities.items():
    data = g.nodes[eid]
    expect(data["kind"] == e["kind"] and data["name"] == e["name"], f"graphml: entity {eid} reads back as {data}")
    expect(isinstance(data["papers"], int), f"graphml: papers of {eid} is not an int")
found = sorted((s, t, d["relation"], d["digest"], d["line"], d["evidence"]) for s, t, d in g.edges(data=True))
wanted = sorted((e["source"], e["target"], e["relation"], e["digest"], e["line"], e["evidence"]) for e in edges)
expect(found == wanted, "graphml: edges differ from json")

# GEXF 1.3 (networkx): the same graph, and time on every node and edge.
x = nx.read_gexf(gexf_path, version="1.3")
expect(x.number_of_nodes() == nodes, f"gexf: {x.number_of_nodes()} nodes, json has {nodes}")
expect(x.number_of_edges() == len(edges), f"gexf: {x.number_of_edges()} edges, json has {len(edges)}")
date = re.compile(r"^\d{4}-\d{2}-\d{2}$")
for nid, data in x.nodes(data=True):
    expect(date.match(str(data.get("start", ""))), f"gexf: node {nid} has no start date: {data}")
for s, t, data in x.edges(data=True):
    expect(date.match(str(data.get("start", ""))), f"gexf: edge {s} -> {t} has no start date")
    expect(data.get("label") == data.get("relation"), f"gexf: edge label is not the relation: {data}")
for pid, p in papers.items():
    expect(x.nodes[pid]["title"] == p["title"], f"gexf: title of {pid} reads back as {x.nodes[pid]['title']!r}")

# CSV (Python's csv module): Gephi's and Cytoscape's columns.
with open(os.path.join(csv_dir, "nodes.csv"), newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
expect(len(rows) == nodes, f"csv: {len(rows)} nodes, json has {nodes}")
expect({"Id", "Label", "kind"} <= set(rows[0].keys()) if rows else True, "csv: nodes.csv lacks Id, Label or kind")
for row in rows:
    for value in row.values():
        expect(not value or value[0] not in "=+-@", f"csv: a cell a spreadsheet would run: {value!r}")
with open(os.path.join(csv_dir, "edges.csv"), newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
expect(len(rows) == len(edges), f"csv: {len(rows)} edges, json has {len(edges)}")
expect(all(r["Type"] == "Directed" for r in rows), "csv: an edge is not Directed")
expect(sorted((r["Source"], r["Target"], r["relation"]) for r in rows)
       == sorted((e["source"], e["target"], e["relation"]) for e in edges), "csv: edges differ from json")

# BibTeX (bibtexparser): one entry per paper, unique keys, no failed blocks.
text = open(bib_path, encoding="utf-8").read()
if hasattr(bibtexparser, "parse_string"):
    library = bibtexparser.parse_string(text)
    expect(not library.failed_blocks, f"bibtex: {len(library.failed_blocks)} blocks failed to parse")
    entries = [{"ID": e.key, **{k: f.value for k, f in e.fields_dict.items()}} for e in library.entries]
else:
    entries = bibtexparser.loads(text).entries
expect(len(entries) == len(papers), f"bibtex: {len(entries)} entries, json has {len(papers)} papers")
expect(len({e["ID"] for e in entries}) == len(entries), "bibtex: keys are not unique")
eprints = {e.get("eprint") for e in entries if e.get("eprint")}
expect(eprints == {p["arxiv"] for p in papers.values() if p["arxiv"]}, "bibtex: eprints differ from the papers' arXiv ids")

# Obsidian vault (PyYAML): front matter of every note, and every wiki link resolves.
notes = []
for folder, _, files in os.walk(vault):
    notes += [os.path.join(folder, f) for f in files if f.endswith(".md")]
expect(len(notes) >= nodes, f"obsidian: {len(notes)} notes for {nodes} papers and entities")
names = {os.path.relpath(n, vault)[:-3] for n in notes}
expect(len({n.lower() for n in names}) == len(names), "obsidian: two notes differ only by case")
link = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]*))?\]\]")
ids = set()
for note in notes:
    body = open(note, encoding="utf-8").read()
    expect(body.startswith("---\n"), f"obsidian: {note} has no front matter")
    front = yaml.safe_load(body.split("---\n")[1])
    expect(isinstance(front, dict) and "papergraph" in front, f"obsidian: front matter of {note} does not parse to a mapping")
    if "id" in front:
        ids.add(front["id"])
    for target, _ in link.findall(body):
        expect(target in names, f"obsidian: [[{target}]] in {note} has no note")
expect(ids == set(papers) | set(entities), "obsidian: the notes' ids differ from the json's papers and entities")
print(f"read_exports: ok ({len(papers)} papers, {len(entities)} entities, {len(edges)} edges)")
