#!/usr/bin/env python3
"""Seed corpora for `make fuzz`, written at run time into OUT (never committed).

digest/:  our own fixtures and examples whole, plus fragments cut from the real digests
          (a heading and the lines after it, a few entries, a section boundary).
formats/: NUL-separated fields (topic, short name, title, method, parent, dataset,
          baseline, free text, link, default label) taken from the same digests'
          headings, link texts and names, and from our hostile fixture.

usage: seeds.py OUT FIXTURES_DIR EXAMPLES_DIR [CORPUS_DIR]
"""
import os, re, sys, hashlib

out, fixtures, examples = sys.argv[1], sys.argv[2], sys.argv[3]
corpus = sys.argv[4] if len(sys.argv) > 4 else None
for sub in ("digest", "formats"):
    os.makedirs(os.path.join(out, sub), exist_ok=True)

def put(sub, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = data[:6000]
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(out, sub, name), "wb") as f:
        f.write(data)

own = [os.path.join(d, f) for d in (fixtures, examples) for f in sorted(os.listdir(d)) if f.endswith(".md")]
for path in own:
    put("digest", open(path, "rb").read())

real = []
if corpus and os.path.isdir(corpus):
    real = [os.path.join(corpus, f) for f in sorted(os.listdir(corpus)) if f.endswith(".md")]

link = re.compile(r"\[([^\]]{1,200})\]\((https?://[^)\s]{1,200})\)")
count = {"digest": 0, "formats": 0}
for path in real:
    text = open(path, encoding="utf-8", errors="replace").read()
    lines = text.split("\n")
    head = "\n".join(lines[:3]) + "\n\n## 学术研究\n\n"
    starts = [i for i, l in enumerate(lines) if l.startswith("#### ") or l.startswith("### ") or l.startswith("- **")]
    # A handful of fragments per digest: one or two entries after the digest's own title.
    for k, i in enumerate(starts[:: max(1, len(starts) // 6)][:6]):
        put("digest", head + "\n".join(lines[i : i + 12 + 8 * (k % 2)]))
        count["digest"] += 1
    topics = [l[4:] for l in lines if l.startswith("### ")][:8]
    headings = [l[5:] for l in lines if l.startswith("#### ")][:8]
    links = link.findall(text)[:8]
    names = sorted(set(re.findall(r"\b[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*\b", text)))[:40]
    for j in range(min(len(links), 6)):
        short = headings[j].split("：")[0] if j < len(headings) else "Name"
        fields = [topics[j % len(topics)] if topics else "主题", short, links[j][0]]
        fields += [names[(j * 5 + n) % len(names)] if names else "X" for n in range(4)]
        fields += ["。", links[j][1], ""]
        put("formats", "\0".join(fields))
        count["formats"] += 1

hostile = open(os.path.join(fixtures, "hostile.md"), encoding="utf-8").read()
pieces = [l for l in hostile.split("\n") if l.strip()]
for j in range(0, len(pieces), 3):
    put("formats", "\0".join(pieces[j : j + 10]))
put("formats", "\0".join(['<script>alert(1)</script>', 'Q"uo\\te', ']]|{}%', "=SUM(A1)", "\u202eRTL\u200f", "a\nb\rc", "x" * 300, "\t", "https://e.org/a b{c}", "\\N"]))
print(f"seeds: {len(own)} own files, {count['digest']} digest fragments and {count['formats']} field sets from {len(real)} real digests -> {out}")
