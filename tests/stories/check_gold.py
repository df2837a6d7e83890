#!/usr/bin/env python3
"""Check the gold of the stories: every quote present exactly once in its text, and the shape right.

usage: check_gold.py [--story ID] [--rehash-own]

For every story under tests/stories (and tests/stories/own) whose texts are present — real
stories in $PARALLAX_STORIES/ID (default ../stories beside the repository), own stories in their
own directory — checks that the texts match story.json (sha256), that gold.json has the keys
the gold scorer reads (docs, boilerplate, clusters, conflicts, not_conflicts), that its letters
name the story's files, and that every quote is an exact substring of its text found once only
(the scorer stops on a quote that is missing or not unique). Also warns about a cluster quote
that crosses a line break (it would stand for two sentences). Exit code 1 if anything is wrong,
including a story whose texts are missing. --rehash-own first rewrites the checksums and sizes in
the story.json of our own stories (tests/stories/own) after their texts were edited.
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True
import storylib  # noqa: E402


def quotes(gold):
    """(where, letter, quote) of every quote in the gold."""
    for doc, q in gold["boilerplate"]:
        yield "boilerplate", doc, q
    for c in gold["clusters"]:
        for doc, q in c["units"]:
            yield f"cluster {c['id']}", doc, q
    for c in gold["conflicts"]:
        for side in c["sides"]:
            for doc, q in side:
                yield f"conflict {c['id']}", doc, q
    for c in gold["not_conflicts"]:
        for doc, q in c["units"]:
            yield f"not_conflict {c['id']}", doc, q


def shape_problems(story, gold):
    out = []
    for key in ("docs", "boilerplate", "clusters", "conflicts", "not_conflicts"):
        if key not in gold:
            out.append(f"gold.json lacks '{key}'")
    if out:
        return out
    files = {d["file"] for d in story["docs"]}
    for letter, name in gold["docs"].items():
        if name not in files:
            out.append(f"letter {letter} names {name}, not a file of story.json")
    ids = set()
    for c in gold["clusters"] + gold["conflicts"] + gold["not_conflicts"]:
        if c["id"] in ids:
            out.append(f"id {c['id']} used twice")
        ids.add(c["id"])
    for c in gold["clusters"]:
        if c.get("strength") not in ("strong", "weak"):
            out.append(f"cluster {c['id']}: strength must be strong or weak")
        if len({d for d, _ in c["units"]}) < 2:
            out.append(f"cluster {c['id']}: units from fewer than two documents")
    for c in gold["conflicts"]:
        if c.get("kind") not in ("figure", "date", "name"):
            out.append(f"conflict {c['id']}: kind must be figure, date or name")
        if len(c["sides"]) < 2:
            out.append(f"conflict {c['id']}: fewer than two sides")
        if not c.get("note"):
            out.append(f"conflict {c['id']}: no note")
    for c in gold["not_conflicts"]:
        if len(c["units"]) != 2:
            out.append(f"not_conflict {c['id']}: needs exactly two units")
    return out


def check_story(sid, path, kind):
    story = storylib.load_json(os.path.join(path, "story.json"))
    gold_path = os.path.join(path, "gold.json")
    if not os.path.isfile(gold_path):
        return [f"no gold.json"], 0
    gold = storylib.load_json(gold_path)
    tdir = storylib.texts_dir(sid, path, kind)
    problems = storylib.check_texts(story, tdir)
    if any("missing" in p for p in problems):
        return problems, 0
    problems += shape_problems(story, gold)
    texts = {}
    for letter, name in gold.get("docs", {}).items():
        fp = os.path.join(tdir, name)
        if os.path.isfile(fp):
            with open(fp, "rb") as f:
                texts[letter] = f.read()
    n = 0
    for where, doc, q in quotes(gold):
        n += 1
        if doc not in texts:
            problems.append(f"{where}: unknown document letter {doc}")
            continue
        raw, b = texts[doc], q.encode("utf-8")
        i = raw.find(b)
        if not q.strip():
            problems.append(f"{where}: empty quote in {doc}")
        elif i < 0:
            problems.append(f"{where}: quote missing in {doc}: {q!r}")
        elif raw.find(b, i + 1) >= 0:
            problems.append(f"{where}: quote not unique in {doc}: {q!r}")
        elif where.startswith("cluster") and "\n" in q:
            problems.append(f"{where}: quote crosses a line break in {doc}: {q!r}")
    return problems, n


def rehash(path):
    """Rewrite sha256, normalised sha256 and size of every text of an own story's story.json."""
    import json

    sp = os.path.join(path, "story.json")
    story = storylib.load_json(sp)
    for doc in story["docs"]:
        with open(os.path.join(path, doc["file"]), "rb") as f:
            data = f.read()
        doc.update(sha256=storylib.sha256(data), sha256_normalized=storylib.normalized_sha256(data), bytes=len(data))
    with open(sp, "w", encoding="utf-8") as f:
        json.dump(story, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--story", help="check one story only")
    ap.add_argument("--rehash-own", action="store_true", help="update the checksums of our own stories first")
    a = ap.parse_args()
    stories = storylib.story_dirs(a.story)
    if a.rehash_own:
        for sid, path, kind in stories:
            if kind == "own":
                rehash(path)
    if not stories:
        print(f"no story {a.story!r}" if a.story else "no stories found")
        return 1
    bad = 0
    for sid, path, kind in stories:
        problems, n = check_story(sid, path, kind)
        if problems:
            bad += 1
            for p in problems:
                print(f"{sid}: {p}")
        else:
            print(f"{sid}: {n} quotes, all present and unique")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
