#!/usr/bin/env python3
"""Save the excerpts of one story as its text files, outside the repository, and check them.

usage: save_texts.py EXCERPTS.json [--out DIR] [--write-story]

EXCERPTS.json is {"id": STORY_ID, "docs": [{"file": "03_lemonde.txt", "text": EXCERPT, ...}, ...]}:
each text is the `excerpt` string of the search tool's `pages` answer for that document's URL,
exactly as returned (JSON-decoded). The files are written as UTF-8 bytes of the excerpt, nothing
added, to DIR/STORY_ID/ (DIR: $PARALLAX_STORIES, else ../stories beside the repository) and
checked against tests/stories/STORY_ID/story.json.

--write-story (used when a story is built) writes story.json instead: title, event date,
queries and, per document, file, url, outlet, language, sha256 and bytes, from EXCERPTS.json
(which then also holds "title", "event_date", "queries" and per document "url", "outlet",
"language" and "query", the index of the query that found it).
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True
import storylib  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("excerpts")
    ap.add_argument("--out", default=None, help="stories directory (default $PARALLAX_STORIES or ../stories)")
    ap.add_argument("--write-story", action="store_true")
    a = ap.parse_args()

    src = storylib.load_json(a.excerpts)
    sid = src["id"]
    out = os.path.join(a.out or storylib.stories_dir(), sid)
    os.makedirs(out, exist_ok=True)
    for doc in src["docs"]:
        with open(os.path.join(out, doc["file"]), "wb") as f:
            f.write(doc["text"].encode("utf-8"))

    story_path = os.path.join(storylib.HERE, sid, "story.json")
    if a.write_story:
        import json

        story = {
            "id": sid,
            "title": src["title"],
            "event_date": src["event_date"],
            "queries": [{"query": q, "corpus": "pages"} for q in src["queries"]],
            "docs": [],
        }
        for doc in src["docs"]:
            data = doc["text"].encode("utf-8")
            story["docs"].append({
                "file": doc["file"],
                "url": doc["url"],
                "outlet": doc["outlet"],
                "language": doc["language"],
                "query": src["queries"][doc["query"]],
                "sha256": storylib.sha256(data),
                "sha256_normalized": storylib.normalized_sha256(data),
                "bytes": len(data),
            })
        os.makedirs(os.path.dirname(story_path), exist_ok=True)
        with open(story_path, "w", encoding="utf-8") as f:
            json.dump(story, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"{sid}: {len(story['docs'])} texts in {out}, {story_path} written")
        return 0

    story = storylib.load_json(story_path)
    problems = storylib.check_texts(story, out)
    for p in problems:
        print(f"{sid}: {p}")
    if problems:
        return 1
    print(f"{sid}: {len(story['docs'])} texts in {out}, all checksums match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
