#!/usr/bin/env python3
"""Drop target sentences of a sentence-aligned benchmark: a test of unique content.

usage: drop_sentences.py SRC.txt TGT.txt GOLD OUT_DIR RATE SEED

Removes the target sentence of about RATE of the gold's one-to-one beads (chosen by a
random generator seeded with SEED, so the copy is the same on every machine), writes the
remaining target lines to OUT_DIR/tgt.txt, copies the source to OUT_DIR/src.txt and
writes the gold with the target's new line numbers to OUT_DIR/gold: a source sentence that
lost its counterpart becomes a bead of its own ("[i]:[]"), which an aligner must not link
to a neighbour's translation.
"""
import os
import random
import sys


def main():
    src, tgt, gold, out, rate, seed = sys.argv[1:7]
    rate, rng = float(rate), random.Random(int(seed))
    src_lines = open(src, encoding="utf-8").read().split("\n")[:-1]
    tgt_lines = open(tgt, encoding="utf-8").read().split("\n")[:-1]
    beads = []
    for line in open(gold, encoding="utf-8"):
        a, b = line.strip().split(":")
        beads.append(([int(x) for x in a.strip("[]").split(",") if x],
                      [int(x) for x in b.strip("[]").split(",") if x]))
    dropped = {b[0] for a, b in beads if len(a) == 1 and len(b) == 1 and rng.random() < rate}
    new_number, kept = {}, []
    for j, line in enumerate(tgt_lines):
        if j not in dropped:
            new_number[j] = len(kept)
            kept.append(line)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "src.txt"), "w", encoding="utf-8") as f:
        f.writelines(line + "\n" for line in src_lines)
    with open(os.path.join(out, "tgt.txt"), "w", encoding="utf-8") as f:
        f.writelines(line + "\n" for line in kept)
    with open(os.path.join(out, "gold"), "w", encoding="utf-8") as f:
        for a, b in beads:
            b = [new_number[j] for j in b if j not in dropped]
            if a or b:
                f.write("[%s]:[%s]\n" % (",".join(map(str, a)), ",".join(map(str, b))))
    print(f"{len(dropped)} of {len(tgt_lines)} target sentences dropped", file=sys.stderr)


if __name__ == "__main__":
    main()
