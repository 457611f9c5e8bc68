#!/usr/bin/env python3
"""How token-level are an SAE's latents? Reads `viv sae dashboards`' dashboards.json (standard library only).

For every latent that fired, takes its top contexts (up to 20), reads the firing token of each (the context text at
its `span`, lower-cased) and counts the most common one. A latent is called single-token when that token fires in at
least 15 of its top 20 contexts (or the same share of fewer). Prints the count and share, and, for the first latents
in index order (not picked), their most common firing tokens.

Usage: tools/feature_tokens.py DASHBOARDS_JSON [--first 12] [--min-share 0.75]
"""
import argparse
import collections
import json


def firing_tokens(latent):
    """The firing token of each of a latent's top contexts, lower-cased."""
    return [c["text"][c["span"][0]:c["span"][1]].lower() for c in latent["contexts"]]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dashboards")
    ap.add_argument("--first", type=int, default=12, help="latents to describe, in index order")
    ap.add_argument("--min-share", type=float, default=0.75, help="share of top contexts with one firing token")
    a = ap.parse_args()
    with open(a.dashboards, encoding="utf-8") as f:
        latents = json.load(f)["latents"]
    fired = [l for l in latents if l.get("count", 0) > 0 and l.get("contexts")]
    single = 0
    for l in fired:
        tokens = firing_tokens(l)
        top, n = collections.Counter(tokens).most_common(1)[0]
        if n >= a.min_share * len(tokens):
            single += 1
    print(f"{len(latents)} latents, {len(fired)} fired; single-token (one firing token in >= {a.min_share:.0%}"
          f" of the top contexts): {single} ({single / max(1, len(fired)):.0%} of those that fired)")
    for l in latents[:a.first]:
        if not l.get("contexts"):
            print(f"  latent {l['latent']}: never fired")
            continue
        tokens = firing_tokens(l)
        common = ", ".join(f"{t!r} {n}" for t, n in collections.Counter(tokens).most_common(4))
        print(f"  latent {l['latent']}: {len(tokens)} top contexts; firing tokens {common}")


if __name__ == "__main__":
    main()
