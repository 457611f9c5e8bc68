#!/usr/bin/env python3
"""Writes the lm organism's corpus as prompts for `viv cache`: whitespace folded to single spaces, cut
into consecutive non-overlapping windows of 128 characters (the organism's context), one per line.

usage: python3 plugins/sae/scripts/lm_prompts.py launcher/target/vivarium/lib/vivarium-organisms-*.jar lm-text.txt
"""
import gzip
import re
import sys
import zipfile

WIDTH = 128
RESOURCE = "org/vivarium/organisms/lm/sotu-1990-2021.txt.gz"

jar, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(jar) as z:
    text = gzip.decompress(z.read(RESOURCE)).decode("utf-8")
text = re.sub(r"\s+", " ", text)
windows = [text[i:i + WIDTH] for i in range(0, len(text) - WIDTH, WIDTH)]
# a leading '#' would make viv cache skip the line as a comment
windows = [" " + w[1:] if w.startswith("#") else w for w in windows if w.strip()]
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(windows) + "\n")
print(f"{len(windows)} prompts, {sum(len(w) for w in windows):,} characters -> {out}")
