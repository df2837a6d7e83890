"""Shared helpers of the story tools (standard library only): where things are, checksums, texts."""
import hashlib
import json
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def stories_dir():
    """Where the third-party texts live: $PARALLAX_STORIES, else ../stories beside the repository."""
    return os.environ.get("PARALLAX_STORIES") or os.path.join(os.path.dirname(REPO), "stories")


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def normalized_sha256(data):
    """Checksum that ignores invisible differences: NFKC (no-break spaces become spaces) and runs of
    white space collapsed to one space, ends trimmed. Tells a rebuilt text that differs only there."""
    text = unicodedata.normalize("NFKC", data.decode("utf-8", "replace"))
    return sha256(" ".join(text.split()).encode("utf-8"))


def story_dirs(only=None):
    """(id, directory in tests/stories, kind) of every story with a story.json, in name order.
    kind is 'real' (texts outside the repository) or 'own' (texts in the story's own directory)."""
    out = []
    for kind, base in (("real", HERE), ("own", os.path.join(HERE, "own"))):
        if not os.path.isdir(base):
            continue
        for name in sorted(os.listdir(base)):
            d = os.path.join(base, name)
            if os.path.isfile(os.path.join(d, "story.json")) and (only is None or name == only):
                out.append((name, d, kind))
    return out


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def texts_dir(story_id, story_path, kind):
    """Own stories carry their texts; real ones are looked for under the stories directory."""
    if kind == "own":
        return story_path
    return os.path.join(stories_dir(), story_id)


def check_texts(story, tdir):
    """Problems with the texts of a story: missing files and checksum mismatches (empty if none)."""
    problems = []
    for doc in story["docs"]:
        path = os.path.join(tdir, doc["file"])
        if not os.path.isfile(path):
            problems.append(f"{doc['file']}: missing in {tdir}")
            continue
        with open(path, "rb") as f:
            data = f.read()
        if sha256(data) != doc["sha256"]:
            hint = ""
            if doc.get("sha256_normalized") == normalized_sha256(data):
                hint = " (differs only in white space or compatibility characters)"
            problems.append(f"{doc['file']}: sha256 does not match{hint}")
    return problems
