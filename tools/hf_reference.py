#!/usr/bin/env python3
"""Tiny Hugging Face causal-LM fixtures with reference logits, for `viv import hf` tests.

For each architecture (GPT-2, GPT-NeoX/Pythia, Llama, Qwen2) this script draws random weights with a fixed
seed, writes them in Hugging Face naming and layout as a model directory (config.json, model.safetensors,
tokenizer.json) and computes the logits for fixed token ids with its own forward pass, written here from
the math of the Hugging Face modelling code (transformers' modeling_gpt2.py, modeling_gpt_neox.py,
modeling_llama.py, modeling_qwen2.py). No transformers library, no hub: torch is the only dependency
besides numpy, and the safetensors files are written by hand from the format spec (8-byte little-endian
header length, JSON header, raw little-endian data).

Regenerate (torch is not installed system-wide; see bench/README.md):

    python3 -m venv --system-site-packages /tmp/torchenv
    /tmp/torchenv/bin/pip install --no-index --no-deps /opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl
    /tmp/torchenv/bin/python tools/hf_reference.py platform/importer/src/test/resources/hf

Each fixture directory also gets reference.json: {"token_ids": [[...]], "shape": [B, T, V], "logits": [...]}
(row-major float32 logits). The Java test HfImportEquivalenceTest requires agreement within 1e-4.
"""
import json
import math
import os
import struct
import sys

import numpy as np
import torch

VOCAB = 96
TOKENS = [[1, 17, 42, 3, 95, 0, 23, 61, 7, 7], [88, 2, 2, 50, 11, 64, 31, 5, 90, 12]]


# ---------------------------------------------------------------------------------------------- file writing
def write_safetensors(path, tensors):
    header, offset, blobs = {}, 0, []
    for name in sorted(tensors):
        a = np.ascontiguousarray(tensors[name], dtype="<f4")
        raw = a.tobytes()
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        blobs.append(raw)
    header["__metadata__"] = {"format": "pt"}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in blobs:
            f.write(raw)


def write_tokenizer(path):
    vocab = {"[UNK]": 0}
    for i in range(1, VOCAB):
        vocab["w%d" % i] = i
    tok = {"version": "1.0", "truncation": None, "padding": None, "added_tokens": [], "normalizer": None,
           "pre_tokenizer": {"type": "Whitespace"}, "post_processor": None, "decoder": None,
           "model": {"type": "WordLevel", "vocab": vocab, "unk_token": "[UNK]"}}
    with open(path, "w") as f:
        json.dump(tok, f)


def write_fixture(out, name, config, weights, logits):
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    write_safetensors(os.path.join(d, "model.safetensors"), {k: v.numpy() for k, v in weights.items()})
    write_tokenizer(os.path.join(d, "tokenizer.json"))
    ref = {"token_ids": TOKENS, "shape": list(logits.shape),
           "logits": [float("%.9g" % x) for x in logits.reshape(-1).tolist()]}
    with open(os.path.join(d, "reference.json"), "w") as f:
        json.dump(ref, f)
    print("%-6s %s logits %s, |logits| max %.3f" % (name, d, list(logits.shape), logits.abs().max().item()))


class Init:
    """Random weights: matrices ~ N(0, 0.15^2), biases ~ N(0, 0.05^2), norm gains ~ 1 + N(0, 0.1^2)."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)

    def w(self, *shape):
        return torch.from_numpy(self.rng.normal(0.0, 0.15, shape).astype(np.float32))

    def b(self, *shape):
        return torch.from_numpy(self.rng.normal(0.0, 0.05, shape).astype(np.float32))

    def g(self, *shape):
        return torch.from_numpy((1.0 + self.rng.normal(0.0, 0.1, shape)).astype(np.float32))


# ------------------------------------------------------------------------------------------- shared math
def linear(x, weight, bias=None):
    """nn.Linear: weight is [out, in]."""
    y = x @ weight.T
    return y if bias is None else y + bias


def layer_norm(x, w, b, eps):
    mu = x.mean(-1, keepdim=True)
    var = ((x - mu) ** 2).mean(-1, keepdim=True)
    return (x - mu) / torch.sqrt(var + eps) * w + b


def rms_norm(x, w, eps):
    """LlamaRMSNorm / Qwen2RMSNorm: x * rsqrt(mean(x^2) + eps) * weight."""
    return w * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps))


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


def gelu_exact(x):
    return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))


def silu(x):
    return x * torch.sigmoid(x)


def rotate_half(x):
    h = x.shape[-1] // 2
    return torch.cat((-x[..., h:], x[..., :h]), dim=-1)


def rope(x, dim, base):
    """Rotary on the first `dim` features of x [B, H, T, E] (all of them for Llama/Qwen2, rotary_pct for NeoX)."""
    t = x.shape[2]
    inv_freq = 1.0 / (base ** (torch.arange(0, dim, 2, dtype=torch.int64).double() / dim))
    freqs = torch.outer(torch.arange(t, dtype=torch.float64), inv_freq)
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos()[None, None], emb.sin()[None, None]
    xr, xp = x[..., :dim], x[..., dim:]
    return torch.cat((xr * cos + rotate_half(xr) * sin, xp), dim=-1)


def causal_attention(q, k, v):
    """q, k, v: [B, H, T, E]; eager attention with scale 1/sqrt(E) and a causal mask."""
    t, e = q.shape[2], q.shape[3]
    scores = q @ k.transpose(-1, -2) / math.sqrt(e)
    mask = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)
    scores = scores.masked_fill(mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v


def heads(x, n, e):
    b, t, _ = x.shape
    return x.view(b, t, n, e).transpose(1, 2)


def merge(z):
    b, h, t, e = z.shape
    return z.transpose(1, 2).reshape(b, t, h * e)


# ---------------------------------------------------------------------------------------------------- GPT-2
def gpt2(out):
    d, h, layers, ctx, eps = 32, 4, 2, 16, 1e-5
    e = d // h
    cfg = {"architectures": ["GPT2LMHeadModel"], "model_type": "gpt2", "vocab_size": VOCAB, "n_positions": ctx,
           "n_embd": d, "n_layer": layers, "n_head": h, "n_inner": None, "activation_function": "gelu_new",
           "layer_norm_epsilon": eps, "tie_word_embeddings": True, "scale_attn_weights": True,
           "torch_dtype": "float32"}
    r = Init(2)
    w = {"transformer.wte.weight": r.w(VOCAB, d), "transformer.wpe.weight": r.w(ctx, d)}
    for i in range(layers):
        p = "transformer.h.%d." % i
        # Conv1D weights are [in, out]: y = x @ W + b
        w.update({p + "ln_1.weight": r.g(d), p + "ln_1.bias": r.b(d),
                  p + "attn.c_attn.weight": r.w(d, 3 * d), p + "attn.c_attn.bias": r.b(3 * d),
                  p + "attn.c_proj.weight": r.w(d, d), p + "attn.c_proj.bias": r.b(d),
                  p + "ln_2.weight": r.g(d), p + "ln_2.bias": r.b(d),
                  p + "mlp.c_fc.weight": r.w(d, 4 * d), p + "mlp.c_fc.bias": r.b(4 * d),
                  p + "mlp.c_proj.weight": r.w(4 * d, d), p + "mlp.c_proj.bias": r.b(d)})
    w.update({"transformer.ln_f.weight": r.g(d), "transformer.ln_f.bias": r.b(d)})
    w32, w = w, {k: v.double() for k, v in w.items()}  # the reference computes in float64
    ids = torch.tensor(TOKENS)
    t = ids.shape[1]
    x = w["transformer.wte.weight"][ids] + w["transformer.wpe.weight"][torch.arange(t)]
    for i in range(layers):
        p = "transformer.h.%d." % i
        a = layer_norm(x, w[p + "ln_1.weight"], w[p + "ln_1.bias"], eps)
        qkv = a @ w[p + "attn.c_attn.weight"] + w[p + "attn.c_attn.bias"]
        q, k, v = qkv.split(d, dim=2)
        z = merge(causal_attention(heads(q, h, e), heads(k, h, e), heads(v, h, e)))
        x = x + z @ w[p + "attn.c_proj.weight"] + w[p + "attn.c_proj.bias"]
        m = layer_norm(x, w[p + "ln_2.weight"], w[p + "ln_2.bias"], eps)
        m = gelu_new(m @ w[p + "mlp.c_fc.weight"] + w[p + "mlp.c_fc.bias"])
        x = x + m @ w[p + "mlp.c_proj.weight"] + w[p + "mlp.c_proj.bias"]
    x = layer_norm(x, w["transformer.ln_f.weight"], w["transformer.ln_f.bias"], eps)
    logits = x @ w["transformer.wte.weight"].T  # tied lm_head, no bias
    write_fixture(out, "gpt2", cfg, w32, logits)


# ------------------------------------------------------------------------------------------ GPT-NeoX (Pythia)
def neox(out):
    d, h, layers, ctx, eps, pct, base = 32, 2, 2, 16, 1e-5, 0.25, 10000
    e = d // h
    rot = int(e * pct)
    cfg = {"architectures": ["GPTNeoXForCausalLM"], "model_type": "gpt_neox", "vocab_size": VOCAB,
           "hidden_size": d, "num_hidden_layers": layers, "num_attention_heads": h, "intermediate_size": 4 * d,
           "hidden_act": "gelu", "rotary_pct": pct, "rotary_emb_base": base, "max_position_embeddings": ctx,
           "layer_norm_eps": eps, "use_parallel_residual": True, "attention_bias": True,
           "tie_word_embeddings": False, "torch_dtype": "float32"}
    r = Init(3)
    w = {"gpt_neox.embed_in.weight": r.w(VOCAB, d)}
    for i in range(layers):
        p = "gpt_neox.layers.%d." % i
        w.update({p + "input_layernorm.weight": r.g(d), p + "input_layernorm.bias": r.b(d),
                  p + "post_attention_layernorm.weight": r.g(d), p + "post_attention_layernorm.bias": r.b(d),
                  p + "attention.query_key_value.weight": r.w(3 * d, d),
                  p + "attention.query_key_value.bias": r.b(3 * d),
                  p + "attention.dense.weight": r.w(d, d), p + "attention.dense.bias": r.b(d),
                  p + "mlp.dense_h_to_4h.weight": r.w(4 * d, d), p + "mlp.dense_h_to_4h.bias": r.b(4 * d),
                  p + "mlp.dense_4h_to_h.weight": r.w(d, 4 * d), p + "mlp.dense_4h_to_h.bias": r.b(d)})
    w.update({"gpt_neox.final_layer_norm.weight": r.g(d), "gpt_neox.final_layer_norm.bias": r.b(d),
              "embed_out.weight": r.w(VOCAB, d)})
    w32, w = w, {k: v.double() for k, v in w.items()}  # the reference computes in float64
    ids = torch.tensor(TOKENS)
    b, t = ids.shape
    x = w["gpt_neox.embed_in.weight"][ids]
    for i in range(layers):
        p = "gpt_neox.layers.%d." % i
        a = layer_norm(x, w[p + "input_layernorm.weight"], w[p + "input_layernorm.bias"], eps)
        qkv = linear(a, w[p + "attention.query_key_value.weight"], w[p + "attention.query_key_value.bias"])
        # fused layout: per head [q | k | v], each head_size wide
        qkv = qkv.view(b, t, h, 3 * e).transpose(1, 2)
        q, k, v = qkv.chunk(3, dim=-1)
        q, k = rope(q, rot, base), rope(k, rot, base)
        attn = linear(merge(causal_attention(q, k, v)), w[p + "attention.dense.weight"], w[p + "attention.dense.bias"])
        m = layer_norm(x, w[p + "post_attention_layernorm.weight"], w[p + "post_attention_layernorm.bias"], eps)
        m = linear(gelu_exact(linear(m, w[p + "mlp.dense_h_to_4h.weight"], w[p + "mlp.dense_h_to_4h.bias"])),
                   w[p + "mlp.dense_4h_to_h.weight"], w[p + "mlp.dense_4h_to_h.bias"])
        x = x + attn + m  # use_parallel_residual
    x = layer_norm(x, w["gpt_neox.final_layer_norm.weight"], w["gpt_neox.final_layer_norm.bias"], eps)
    write_fixture(out, "neox", cfg, w32, linear(x, w["embed_out.weight"]))


# ------------------------------------------------------------------------------------------- Llama / Qwen2
def llama_like(out, name, qkv_bias, tied, theta, seed):
    d, h, kv, layers, ctx, inter, eps = 32, 4, 2, 2, 16, 48, 1e-6
    e = d // h
    arch = {"llama": "LlamaForCausalLM", "qwen2": "Qwen2ForCausalLM"}[name]
    cfg = {"architectures": [arch], "model_type": name, "vocab_size": VOCAB, "hidden_size": d,
           "intermediate_size": inter, "num_hidden_layers": layers, "num_attention_heads": h,
           "num_key_value_heads": kv, "hidden_act": "silu", "max_position_embeddings": ctx, "rms_norm_eps": eps,
           "rope_theta": theta, "tie_word_embeddings": tied, "torch_dtype": "float32"}
    if name == "llama":
        cfg.update({"attention_bias": False, "mlp_bias": False})
    r = Init(seed)
    w = {"model.embed_tokens.weight": r.w(VOCAB, d)}
    for i in range(layers):
        p = "model.layers.%d." % i
        w.update({p + "input_layernorm.weight": r.g(d), p + "post_attention_layernorm.weight": r.g(d),
                  p + "self_attn.q_proj.weight": r.w(h * e, d), p + "self_attn.k_proj.weight": r.w(kv * e, d),
                  p + "self_attn.v_proj.weight": r.w(kv * e, d), p + "self_attn.o_proj.weight": r.w(d, h * e),
                  p + "mlp.gate_proj.weight": r.w(inter, d), p + "mlp.up_proj.weight": r.w(inter, d),
                  p + "mlp.down_proj.weight": r.w(d, inter)})
        if qkv_bias:
            w.update({p + "self_attn.q_proj.bias": r.b(h * e), p + "self_attn.k_proj.bias": r.b(kv * e),
                      p + "self_attn.v_proj.bias": r.b(kv * e)})
    w["model.norm.weight"] = r.g(d)
    if not tied:
        w["lm_head.weight"] = r.w(VOCAB, d)
    w32, w = w, {k: v.double() for k, v in w.items()}  # the reference computes in float64
    ids = torch.tensor(TOKENS)
    x = w["model.embed_tokens.weight"][ids]
    for i in range(layers):
        p = "model.layers.%d." % i
        a = rms_norm(x, w[p + "input_layernorm.weight"], eps)
        q = heads(linear(a, w[p + "self_attn.q_proj.weight"], w.get(p + "self_attn.q_proj.bias")), h, e)
        k = heads(linear(a, w[p + "self_attn.k_proj.weight"], w.get(p + "self_attn.k_proj.bias")), kv, e)
        v = heads(linear(a, w[p + "self_attn.v_proj.weight"], w.get(p + "self_attn.v_proj.bias")), kv, e)
        q, k = rope(q, e, theta), rope(k, e, theta)
        # repeat_kv: key/value head j serves query heads j*g .. j*g+g-1
        k, v = k.repeat_interleave(h // kv, dim=1), v.repeat_interleave(h // kv, dim=1)
        x = x + linear(merge(causal_attention(q, k, v)), w[p + "self_attn.o_proj.weight"])
        m = rms_norm(x, w[p + "post_attention_layernorm.weight"], eps)
        m = linear(silu(linear(m, w[p + "mlp.gate_proj.weight"])) * linear(m, w[p + "mlp.up_proj.weight"]),
                   w[p + "mlp.down_proj.weight"])
        x = x + m
    x = rms_norm(x, w["model.norm.weight"], eps)
    head = w["model.embed_tokens.weight"] if tied else w["lm_head.weight"]
    write_fixture(out, name, cfg, w32, linear(x, head))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "platform/importer/src/test/resources/hf"
    torch.manual_seed(0)
    gpt2(out)
    neox(out)
    llama_like(out, "llama", qkv_bias=False, tied=False, theta=10000.0, seed=4)
    llama_like(out, "qwen2", qkv_bias=True, tied=True, theta=1000000.0, seed=5)


if __name__ == "__main__":
    with torch.no_grad():
        main()
