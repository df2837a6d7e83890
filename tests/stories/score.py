#!/usr/bin/env python3
"""Score Parallax on the story set: alignment and conflicts against the gold, per story.

usage: score.py [--bin PATH] [--shared DIR] [--story ID] [--verbose] [--json]

For every story under tests/stories (texts in $PARALLAX_STORIES/ID, default ../stories beside the
repository) and tests/stories/own (texts in the story's own directory), runs
`BIN export --format json FILES...` (files in name order) once with the installed dictionaries
and once with --no-dict, scores each export with SHARED/tools/score_gold.py, and prints one row
per story and setting: reports, languages, alignment recall (strong pairs), precision (against
strong and weak pairs), F1, boilerplate caught, gold conflicts found / total, conflicts reported,
reported conflicts that match a gold one, spurious ones (reported - matching) and false alarms
on the gold's known non-conflicts. --verbose adds the scorer's detail (missed links, wrong links,
missed conflicts); --json prints the rows as JSON. A story whose texts are missing or do not
match their sha256 is reported as such, and the script then exits 1.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
import storylib  # noqa: E402

ALIGN = re.compile(r"alignment: strong pairs (\d+)/(\d+) recall ([\d.]+); links (\d+) precision ([\d.]+); F1 ([\d.]+)")
BOILER = re.compile(r"boilerplate: (\d+)/(\d+)")
CONFL = re.compile(r"conflicts: found (\d+)/(\d+); reported (\d+), matching gold (\d+); "
                   r"false alarms on known non-conflicts (\d+)/(\d+)")


def run_export(binary, files, no_dict):
    cmd = [binary, "export", "--format", "json"] + (["--no-dict"] if no_dict else []) + files
    p = subprocess.run(cmd, capture_output=True)
    if p.returncode != 0:
        msg = p.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, f"export failed (exit {p.returncode}): {msg[-1] if msg else ''}"
    return p.stdout, None


def score(scorer, gold_path, export, tdir, verbose):
    with tempfile.NamedTemporaryFile("wb", suffix=".json", delete=False) as f:
        f.write(export)
        tmp = f.name
    try:
        cmd = [sys.executable, scorer, gold_path, tmp, "--texts", tdir] + (["--verbose"] if verbose else [])
        p = subprocess.run(cmd, capture_output=True)
    finally:
        os.unlink(tmp)
    out = p.stdout.decode("utf-8", "replace")
    m, b, c = ALIGN.search(out), BOILER.search(out), CONFL.search(out)
    if p.returncode != 0 or not (m and b and c):
        err = (out + p.stderr.decode("utf-8", "replace")).strip().splitlines()
        return None, f"scorer failed: {err[-1] if err else p.returncode}", []
    row = {
        "strong_found": int(m[1]), "strong_total": int(m[2]), "recall": float(m[3]),
        "links": int(m[4]), "precision": float(m[5]), "f1": float(m[6]),
        "boilerplate_ok": int(b[1]), "boilerplate_total": int(b[2]),
        "conflicts_found": int(c[1]), "conflicts_total": int(c[2]),
        "reported": int(c[3]), "matching": int(c[4]), "spurious": int(c[3]) - int(c[4]),
        "false_alarms": int(c[5]), "not_conflicts": int(c[6]),
    }
    detail = [line for line in out.splitlines() if line.startswith("  ")]
    return row, None, detail


def summarize(problems, tdir):
    """One line for a story that cannot be scored: missing texts counted, other problems listed."""
    missing = [p for p in problems if ": missing in " in p]
    rest = [p for p in problems if p not in missing]
    parts = []
    if missing:
        parts.append(f"{len(missing)} text(s) missing in {tdir} (rebuild them: tests/stories/README.md)")
    parts += rest
    return "NOT SCORED: " + "; ".join(parts)


def fmt(row):
    head = f"{row['story']:<26} {row['dict']:<7} {row['reports']:>3} {row['languages']:<15}"
    if "error" in row:
        return f"{head} {row['error']}"
    # A story with conflict gold only (no alignment clusters) has no alignment figures.
    if row["strong_total"] == 0:
        align = f"{'-':>6} {'-':>6} {'-':>6}"
    else:
        align = f"{row['recall']:6.3f} {row['precision']:6.3f} {row['f1']:6.3f}"
    return (f"{head} {align}"
            f" {row['boilerplate_ok']:>3}/{row['boilerplate_total']:<3}"
            f" {row['conflicts_found']:>3}/{row['conflicts_total']:<3} {row['reported']:>5} {row['matching']:>5}"
            f" {row['spurious']:>5} {row['false_alarms']:>3}/{row['not_conflicts']:<3}")


HEADER = (f"{'story':<26} {'dict':<7} {'rep':>3} {'languages':<15} {'recall':>6} {'prec':>6} {'F1':>6}"
          f" {'bplate':>7} {'confl':>7} {'repor':>5} {'match':>5} {'spur':>5} {'false':>7}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(storylib.REPO, "target", "release", "parallax"))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(storylib.REPO), "shared"))
    ap.add_argument("--story", help="score one story only")
    ap.add_argument("--verbose", action="store_true", help="the scorer's detail under each row")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    a = ap.parse_args()

    scorer = os.path.join(a.shared, "tools", "score_gold.py")
    if not os.path.isfile(scorer):
        sys.exit(f"score.py: no gold scorer at {scorer} (use --shared)")
    if not os.access(a.bin, os.X_OK):
        sys.exit(f"score.py: no executable at {a.bin} (build with `cargo build --release` or use --bin)")
    stories = storylib.story_dirs(a.story)
    if not stories:
        sys.exit(f"score.py: no story {a.story!r}" if a.story else "score.py: no stories found")

    rows, failed = [], False
    if not a.json:
        print(HEADER)
    for sid, path, kind in stories:
        story = storylib.load_json(os.path.join(path, "story.json"))
        gold_path = os.path.join(path, "gold.json")
        tdir = storylib.texts_dir(sid, path, kind)
        langs = ",".join(sorted({d["language"] for d in story["docs"]}))
        base = {"story": sid, "kind": kind, "reports": len(story["docs"]), "languages": langs}
        problems = storylib.check_texts(story, tdir)
        if not os.path.isfile(gold_path):
            problems.append("no gold.json")
        if problems:
            failed = True
            row = dict(base, dict="-", error=summarize(problems, tdir))
            rows.append(row)
            if not a.json:
                print(fmt(row))
            continue
        files = [os.path.join(tdir, name) for name in sorted(d["file"] for d in story["docs"])]
        for no_dict in (False, True):
            row = dict(base, dict="no-dict" if no_dict else "dict")
            export, err = run_export(a.bin, files, no_dict)
            detail = []
            if export is not None:
                scored, err, detail = score(scorer, gold_path, export, tdir, a.verbose)
                if scored:
                    row.update(scored)
            if err:
                failed = True
                row["error"] = err
            if a.verbose:
                row["detail"] = detail
            rows.append(row)
            if not a.json:
                print(fmt(row))
                for line in detail:
                    print(line)
    if a.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # output piped into `head` and closed early is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
