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
import random
import sys

import benchmark_copy


def main():
    src, tgt, gold, out, rate, seed = sys.argv[1:7]
    rate, rng = float(rate), random.Random(int(seed))
    src_lines, tgt_lines, beads = benchmark_copy.read(src, tgt, gold)
    dropped = {b[0] for a, b in beads if len(a) == 1 and len(b) == 1 and rng.random() < rate}
    new_number, kept = {}, []
    for j, line in enumerate(tgt_lines):
        if j not in dropped:
            new_number[j] = len(kept)
            kept.append(line)
    renumbered = [(a, [new_number[j] for j in b if j not in dropped]) for a, b in beads]
    benchmark_copy.write(out, src_lines, kept, renumbered)
    print(f"{len(dropped)} of {len(tgt_lines)} target sentences dropped", file=sys.stderr)


if __name__ == "__main__":
    main()
