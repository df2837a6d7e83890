#!/usr/bin/env python3
"""Move passages of a sentence-aligned benchmark: a test of alignment with moved content.

usage: move_paragraphs.py SRC.txt TGT.txt GOLD OUT_DIR ORDER

Cuts the target side into len(ORDER) passages at gold bead boundaries (equal numbers of
beads), writes the passages in ORDER (comma-separated passage numbers, e.g. 2,3,5,0,4,1)
to OUT_DIR/tgt.txt, copies the source to OUT_DIR/src.txt and writes the gold beads with
the target's new line numbers to OUT_DIR/gold. Target lines no bead names stay with the
passage of the line before them.
"""
import sys

import benchmark_copy


def main():
    src, tgt, gold, out, order = sys.argv[1:6]
    order = [int(x) for x in order.split(",")]
    if sorted(order) != list(range(len(order))):
        sys.exit(f"ORDER must be a permutation of 0..{len(order) - 1}")
    src_lines, tgt_lines, beads = benchmark_copy.read(src, tgt, gold)
    k = len(order)
    cuts = [round(len(beads) * p / k) for p in range(k + 1)]
    owner = {}
    for p in range(k):
        for _, b in beads[cuts[p]:cuts[p + 1]]:
            for j in b:
                owner[j] = p
    passages = [[] for _ in range(k)]
    last = 0
    for j in range(len(tgt_lines)):
        last = owner.get(j, last)
        passages[last].append(j)
    remap, moved = {}, []
    for p in order:
        for j in passages[p]:
            remap[j] = len(moved)
            moved.append(tgt_lines[j])
    renumbered = [(a, sorted(remap[j] for j in b)) for a, b in beads]
    benchmark_copy.write(out, src_lines, moved, renumbered)


if __name__ == "__main__":
    main()
