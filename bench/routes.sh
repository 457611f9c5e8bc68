#!/usr/bin/env bash
# Interleaved comparison of Vivarium's transformer (viv bench) with the PyTorch forms DJL could run instead:
# eager fused (the issue-16 reference), the same model scripted (TorchScript, which DJL can load and train
# through) and, for the forward pass, frozen + optimize_for_inference. Prints the load average before each line.
#   bench/routes.sh VIV PYTHON [ROUNDS] [THREADS] [CONFIGS] [MODES]
# CONFIGS defaults to "lm medium", MODES to "train forward"; 50 timed training steps, 300 forward passes.
# VIV: the viv launcher (e.g. launcher/target/vivarium/bin/viv); PYTHON: a python with torch (bench/README.md).
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "error: usage: bench/routes.sh VIV PYTHON [ROUNDS] [THREADS] -- give the viv launcher and a python with torch" >&2
  exit 2
fi
viv="$1"; py="$2"; rounds="${3:-2}"; threads="${4:-2}"; configs="${5:-lm medium}"; modes="${6:-train forward}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ -x "$viv" ] || { echo "error: $viv is not executable -- build with 'mvn -B -ntp -DskipTests package'" >&2; exit 2; }
"$py" -c "import torch" 2>/dev/null || { echo "error: $py cannot import torch -- see bench/README.md" >&2; exit 2; }
export VIV_JAVA_OPTS="${VIV_JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=1"
echo "# $(date -u +%FT%TZ) commit $(git -C "$here" rev-parse --short HEAD) threads $threads rounds $rounds"
for round in $(seq 1 "$rounds"); do
  for cfg in $configs; do
    for mode in $modes; do
      variants="fused scripted"; steps=50
      [ "$mode" = forward ] && variants="fused scripted frozen" && steps=300
      echo "## round $round $cfg $mode  load $(cut -d' ' -f1-3 /proc/loadavg)"
      "$viv" bench "$mode" --config "$cfg" --steps "$steps" 2>/dev/null | grep -i "tokens/s" | sed 's/^/vivarium /'
      for v in $variants; do
        "$py" "$here/pytorch_eager.py" --threads "$threads" --config "$cfg" --steps "$steps" --mode "$mode" --variant "$v" \
          | grep -E "^(train|forward)"
      done
    done
  done
done
echo "# end  load $(cut -d' ' -f1-3 /proc/loadavg)"
