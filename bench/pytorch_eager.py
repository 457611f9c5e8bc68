#!/usr/bin/env python3
"""PyTorch-eager baseline for Vivarium's throughput benchmark (``viv bench train|forward``).

Re-implements, in plain PyTorch eager mode on the CPU, the same transformer and training step as the Java
side (``launcher/.../bench/ModelBenchmark.java`` over ``runtime/model/TransformerForward.java``,
``Layers.java``, ``NextTokenLoss.java``, ``train/Trainer.java`` and ``train/AdamW.java``):

* parameters with TransformerLens names and shapes (``embed.W_E [V,D]``, ``pos_embed.W_pos [C,D]``,
  ``attn.W_Q/W_K/W_V [H,D,E]``, ``attn.W_O [H,E,D]``, ``b_Q/b_K/b_V [H,E]``, separate ``unembed.W_U [D,V]``);
* pre-LN blocks, learned positions, causal mask added to the scores, exact (erf) GELU, LayerNorm eps 1e-5;
* training step: forward, next-token cross-entropy mean, backward, global-norm clip 1.0, AdamW
  (lr 1e-3 with the same warm-up-1/cosine schedule, betas (0.9, 0.99), eps 1e-8, weight decay 0.01 on
  ``W_*`` matrices only); forward = no-grad forward producing logits.

Two variants, both eager (no torch.compile):

* ``plain``: op for op what the Java code does (LayerNorm from mean/var, GELU from erf, attention as
  matmul + additive mask + softmax + matmul, loss as log_softmax + gather);
* ``fused``: what a PyTorch user would idiomatically write (``F.layer_norm``, ``F.gelu``,
  ``F.scaled_dot_product_attention(is_causal=True)``, ``F.cross_entropy``) -- same math, fused kernels.

Run ``python bench/pytorch_eager.py --help``; see ``bench/README.md``.
"""

import argparse
import math
import platform
import time

import torch
import torch.nn.functional as F

import scripted_model

#: Same settings as ModelBenchmark.setting(name): architecture, batch and sequence length.
CONFIGS = {
    "induction": dict(n_layers=2, d_model=64, n_heads=4, d_head=16, d_mlp=0, d_vocab=48, n_ctx=40,
                      attn_only=True, batch=32, seq=40),
    "lm": dict(n_layers=2, d_model=128, n_heads=4, d_head=32, d_mlp=512, d_vocab=96, n_ctx=128,
               attn_only=False, batch=16, seq=128),
    "medium": dict(n_layers=4, d_model=256, n_heads=8, d_head=32, d_mlp=1024, d_vocab=512, n_ctx=256,
                   attn_only=False, batch=8, seq=256),
}

LN_EPS = 1e-5
WARMUP_STEPS = 10
LR, MIN_LR_RATIO, LR_WARMUP = 1e-3, 0.1, 1
BETAS, EPS, WEIGHT_DECAY, GRAD_CLIP = (0.9, 0.99), 1e-8, 0.01, 1.0


def parameter_shapes(c):
    """Parameter names and shapes, in the order of ParameterShapes.forConfig (pre-LN, learned positions)."""
    d, h, e = c["d_model"], c["n_heads"], c["d_head"]
    shapes = {"embed.W_E": (c["d_vocab"], d), "pos_embed.W_pos": (c["n_ctx"], d)}
    for layer in range(c["n_layers"]):
        b = f"blocks.{layer}."
        shapes[b + "ln1.w"] = (d,)
        shapes[b + "ln1.b"] = (d,)
        for w in ("W_Q", "W_K", "W_V"):
            shapes[b + "attn." + w] = (h, d, e)
        shapes[b + "attn.W_O"] = (h, e, d)
        for bias in ("b_Q", "b_K", "b_V"):
            shapes[b + "attn." + bias] = (h, e)
        shapes[b + "attn.b_O"] = (d,)
        if not c["attn_only"]:
            shapes[b + "ln2.w"] = (d,)
            shapes[b + "ln2.b"] = (d,)
            shapes[b + "mlp.W_in"] = (d, c["d_mlp"])
            shapes[b + "mlp.b_in"] = (c["d_mlp"],)
            shapes[b + "mlp.W_out"] = (c["d_mlp"], d)
            shapes[b + "mlp.b_out"] = (d,)
    shapes["ln_final.w"] = (d,)
    shapes["ln_final.b"] = (d,)
    shapes["unembed.W_U"] = (d, c["d_vocab"])
    shapes["unembed.b_U"] = (c["d_vocab"],)
    return shapes


def init_params(c, seed):
    """Initialises like ParameterStore.initialise: W_* ~ N(0, 0.8/sqrt(d_model)), LN gains 1, biases 0."""
    g = torch.Generator().manual_seed(seed)
    std = 0.8 / math.sqrt(c["d_model"])
    params = {}
    for name, shape in parameter_shapes(c).items():
        leaf = name.rsplit(".", 1)[1]
        if leaf == "w":
            t = torch.ones(shape)
        elif leaf.startswith("W_"):
            t = torch.randn(shape, generator=g) * std
        else:
            t = torch.zeros(shape)
        params[name] = t.requires_grad_(True)
    return params


# ---------------------------------------------------------------- plain: op for op like the Java code

def layer_norm_plain(x, w, b):
    mu = x.mean(-1, keepdim=True)
    c = x - mu
    var = c.square().mean(-1, keepdim=True)
    return c / (var + LN_EPS).sqrt() * w + b


def gelu_plain(x):
    return x * ((x * (1 / math.sqrt(2))).erf() + 1) * 0.5


def heads_in(w):
    """[H, D, E] -> [D, H*E], as Layers.headsIn."""
    h, d, e = w.shape
    return w.transpose(0, 1).reshape(d, h * e)


def attention_plain(p, a, c, x, mask):
    b, t, _ = x.shape
    h, e = c["n_heads"], c["d_head"]
    q = (x @ heads_in(p[a + "W_Q"]) + p[a + "b_Q"].flatten()).reshape(b, t, h, e)
    k = (x @ heads_in(p[a + "W_K"]) + p[a + "b_K"].flatten()).reshape(b, t, h, e)
    v = (x @ heads_in(p[a + "W_V"]) + p[a + "b_V"].flatten()).reshape(b, t, h, e)
    scores = (q.permute(0, 2, 1, 3) @ k.permute(0, 2, 3, 1)) / math.sqrt(e)
    pattern = (scores + mask).softmax(-1)
    z = (pattern @ v.permute(0, 2, 1, 3)).permute(0, 2, 1, 3)
    return z.reshape(b, t, h * e) @ p[a + "W_O"].reshape(h * e, c["d_model"]) + p[a + "b_O"]


# ---------------------------------------------------------------- fused: idiomatic PyTorch kernels

def layer_norm_fused(x, w, b):
    return F.layer_norm(x, (x.shape[-1],), w, b, LN_EPS)


def gelu_fused(x):
    return F.gelu(x)  # approximate="none": exact erf GELU


def attention_fused(p, a, c, x, mask):
    b, t, _ = x.shape
    h, e = c["n_heads"], c["d_head"]
    q = (x @ heads_in(p[a + "W_Q"]) + p[a + "b_Q"].flatten()).reshape(b, t, h, e).transpose(1, 2)
    k = (x @ heads_in(p[a + "W_K"]) + p[a + "b_K"].flatten()).reshape(b, t, h, e).transpose(1, 2)
    v = (x @ heads_in(p[a + "W_V"]) + p[a + "b_V"].flatten()).reshape(b, t, h, e).transpose(1, 2)
    z = F.scaled_dot_product_attention(q, k, v, is_causal=True).transpose(1, 2)
    return z.reshape(b, t, h * e) @ p[a + "W_O"].reshape(h * e, c["d_model"]) + p[a + "b_O"]


VARIANTS = {
    "plain": (layer_norm_plain, gelu_plain, attention_plain),
    "fused": (layer_norm_fused, gelu_fused, attention_fused),
}


def causal_mask(t):
    """Additive [T, T] mask: 0 on and below the diagonal, -inf above."""
    return torch.full((t, t), float("-inf")).triu(1)


def logits(p, c, tokens, variant):
    """The forward pass of TransformerForward.logits for a pre-LN, learned-position model."""
    ln, act, attn = VARIANTS[variant]
    t = tokens.shape[1]
    x = p["embed.W_E"][tokens] + p["pos_embed.W_pos"][:t].unsqueeze(0)
    mask = causal_mask(t)
    for layer in range(c["n_layers"]):
        pre = f"blocks.{layer}."
        x = x + attn(p, pre + "attn.", c, ln(x, p[pre + "ln1.w"], p[pre + "ln1.b"]), mask)
        if not c["attn_only"]:
            h = ln(x, p[pre + "ln2.w"], p[pre + "ln2.b"]) @ p[pre + "mlp.W_in"] + p[pre + "mlp.b_in"]
            x = x + act(h) @ p[pre + "mlp.W_out"] + p[pre + "mlp.b_out"]
    x = ln(x, p["ln_final.w"], p["ln_final.b"])
    return x @ p["unembed.W_U"] + p["unembed.b_U"]


def next_token_loss(lg, tokens, variant):
    """Mean next-token cross-entropy, as NextTokenLoss.mean."""
    if variant == "plain":
        logp = lg[:, :-1, :].log_softmax(-1)
        return logp.gather(-1, tokens[:, 1:].unsqueeze(-1)).squeeze(-1).neg().mean()
    return F.cross_entropy(lg[:, :-1, :].reshape(-1, lg.shape[-1]), tokens[:, 1:].reshape(-1))


def lr_at(step, total):
    """LrSchedule.at: linear warm-up for LR_WARMUP steps, then cosine decay to LR * MIN_LR_RATIO."""
    if step <= LR_WARMUP:
        return LR * step / LR_WARMUP
    progress = min(1.0, (step - LR_WARMUP) / max(1, total - LR_WARMUP))
    floor = LR * MIN_LR_RATIO
    return floor + 0.5 * (LR - floor) * (1 + math.cos(math.pi * progress))


def random_tokens(c, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.randint(0, c["d_vocab"], (c["batch"], c["seq"]), generator=g, dtype=torch.int64)


def bench_train(name, steps, variant):
    """Times `steps` training steps after WARMUP_STEPS; returns (tokens/s, wall s, CPU s, last loss)."""
    c = CONFIGS[name]
    p = init_params(c, 1)
    tokens = random_tokens(c, 1)
    scripted = scripted_model.build(p, c, variant, True) if variant in scripted_model.VARIANTS else None
    if scripted is not None:
        p = dict(scripted.named_parameters())  # new leaves sharing p's storage: these receive the gradients
    matrices = [w for n, w in p.items() if n.rsplit(".", 1)[-1].startswith("W_")]
    others = [w for n, w in p.items() if not n.rsplit(".", 1)[-1].startswith("W_")]
    opt = torch.optim.AdamW([{"params": matrices, "weight_decay": WEIGHT_DECAY},
                             {"params": others, "weight_decay": 0.0}], lr=LR, betas=BETAS, eps=EPS)
    total = steps + WARMUP_STEPS

    def step(i):
        for group in opt.param_groups:
            group["lr"] = lr_at(i, total)
        if scripted is not None:
            loss = scripted.loss(tokens)
        else:
            loss = next_token_loss(logits(p, c, tokens, variant), tokens, variant)
        opt.zero_grad(set_to_none=False)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(p.values(), GRAD_CLIP)
        opt.step()
        return loss.item()

    for i in range(1, WARMUP_STEPS + 1):
        step(i)
    t0, cpu0 = time.perf_counter(), time.process_time()
    for i in range(WARMUP_STEPS + 1, total + 1):
        loss = step(i)
    secs, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    return steps * c["batch"] * c["seq"] / secs, secs, cpu, loss


def bench_forward(name, passes, variant):
    """Times `passes` no-grad forward passes after WARMUP_STEPS; returns (tokens/s, wall s, CPU s)."""
    c = CONFIGS[name]
    p = init_params(c, 1)
    tokens = random_tokens(c, 2)
    if variant in scripted_model.VARIANTS:
        model = scripted_model.build(p, c, variant, False)
        run = model  # noqa: E731
    else:
        def run(t):
            return logits(p, c, t, variant)
    with torch.no_grad():
        for _ in range(WARMUP_STEPS):
            run(tokens)
        t0, cpu0 = time.perf_counter(), time.process_time()
        for _ in range(passes):
            run(tokens)
        secs, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    return passes * c["batch"] * c["seq"] / secs, secs, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", choices=[*CONFIGS, "all"], default="all")
    ap.add_argument("--mode", choices=["train", "forward", "both"], default="both")
    ap.add_argument("--variant", choices=[*VARIANTS, *scripted_model.VARIANTS, "both"], default="both",
                    help="both = plain and fused; the scripted ones (TorchScript, DJL's other route) on request")
    ap.add_argument("--steps", type=int, default=50, help="measured steps / passes after 10 warm-up ones")
    ap.add_argument("--threads", type=int, default=2, help="torch.set_num_threads")
    ap.add_argument("--repeat", type=int, default=1, help="repetitions of each measurement")
    a = ap.parse_args()
    if a.steps <= 0 or a.threads <= 0 or a.repeat <= 0:
        ap.error("--steps, --threads and --repeat must be > 0")

    torch.manual_seed(0)
    torch.set_num_threads(a.threads)
    print(f"torch {torch.__version__}  python {platform.python_version()}  threads {torch.get_num_threads()}"
          f"  interop {torch.get_num_interop_threads()}  {platform.machine()}")
    names = list(CONFIGS) if a.config == "all" else [a.config]
    variants = list(VARIANTS) if a.variant == "both" else [a.variant]
    if a.mode != "forward" and "frozen" in variants:
        ap.error("the frozen variant is forward only: add --mode forward")
    for name in names:
        c = CONFIGS[name]
        n_params = sum(math.prod(s) for s in parameter_shapes(c).values())
        for variant in variants:
            for rep in range(1, a.repeat + 1):
                if a.mode in ("train", "both"):
                    tps, secs, cpu, loss = bench_train(name, a.steps, variant)
                    print(f"train   {name:<9} {variant:<5} rep {rep}  {n_params:,} params  batch {c['batch']} x "
                          f"{c['seq']}  {a.steps} steps  {secs:.2f} s (cpu {cpu:.2f} s)  {a.steps / secs:.1f} steps/s  "
                          f"{tps:,.0f} tokens/s  (loss {loss:.3f})", flush=True)
                if a.mode in ("forward", "both"):
                    tps, secs, cpu = bench_forward(name, a.steps, variant)
                    print(f"forward {name:<9} {variant:<5} rep {rep}  batch {c['batch']} x {c['seq']}  {a.steps} "
                          f"passes  {secs:.2f} s (cpu {cpu:.2f} s)  {tps:,.0f} tokens/s", flush=True)


if __name__ == "__main__":
    main()
