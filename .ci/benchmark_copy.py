"""Reading and writing a sentence-aligned benchmark (source lines, target lines, gold beads
"[i,j]:[k]") for the scripts that make altered copies of it."""
import os


def read(src, tgt, gold):
    """The source lines, the target lines and the gold beads as (source, target) lists."""
    src_lines = open(src, encoding="utf-8").read().split("\n")[:-1]
    tgt_lines = open(tgt, encoding="utf-8").read().split("\n")[:-1]
    beads = []
    for line in open(gold, encoding="utf-8"):
        a, b = line.strip().split(":")
        beads.append(([int(x) for x in a.strip("[]").split(",") if x],
                      [int(x) for x in b.strip("[]").split(",") if x]))
    return src_lines, tgt_lines, beads


def write(out, src_lines, tgt_lines, beads):
    """OUT/src.txt, OUT/tgt.txt and OUT/gold (beads empty on both sides are left out)."""
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "src.txt"), "w", encoding="utf-8") as f:
        f.writelines(line + "\n" for line in src_lines)
    with open(os.path.join(out, "tgt.txt"), "w", encoding="utf-8") as f:
        f.writelines(line + "\n" for line in tgt_lines)
    with open(os.path.join(out, "gold"), "w", encoding="utf-8") as f:
        for a, b in beads:
            if a or b:
                f.write("[%s]:[%s]\n" % (",".join(map(str, a)), ",".join(map(str, b))))
