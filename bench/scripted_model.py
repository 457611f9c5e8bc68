"""The ``fused`` model of ``pytorch_eager.py`` as a TorchScript module: the fastest form in which DJL can run it.

DJL drives libtorch either op by op through JNI (what Vivarium does) or by running a TorchScript module
(``PtSymbolBlock``). Timing this module inside PyTorch itself (newer libtorch, no JNI) gives an upper bound
for the second route: a Java program running the same scripted graph through DJL can at best match it.

* ``scripted``: ``torch.jit.script`` of the fused model (forward and the loss); training backpropagates through
  the scripted graph with autograd, as ``IValueUtils.forward(block, inputs, true)`` would in DJL.
* TorchScript's CPU fuser (NNC) is not offered: it needs libtorch built with LLVM, which neither the CPU wheel
  nor DJL's libtorch is ("LLVM Backend not found").
* ``frozen`` (forward only): ``torch.jit.freeze`` + ``torch.jit.optimize_for_inference``, the inference form.
"""

import math
from typing import List

import torch
import torch.nn.functional as F
from torch import nn

LN_EPS = 1e-5


class Block(nn.Module):
    """One pre-LN block; parameters share storage with the dict ``p`` of ``pytorch_eager.init_params``."""

    def __init__(self, p, prefix, c):
        super().__init__()
        d, h, e = c["d_model"], c["n_heads"], c["d_head"]
        self.h, self.e, self.attn_only, self.eps = h, e, bool(c["attn_only"]), LN_EPS
        a = prefix + "attn."
        self.ln1_w = nn.Parameter(p[prefix + "ln1.w"])
        self.ln1_b = nn.Parameter(p[prefix + "ln1.b"])
        self.W_Q = nn.Parameter(p[a + "W_Q"])
        self.W_K = nn.Parameter(p[a + "W_K"])
        self.W_V = nn.Parameter(p[a + "W_V"])
        self.W_O = nn.Parameter(p[a + "W_O"])
        self.b_Q = nn.Parameter(p[a + "b_Q"])
        self.b_K = nn.Parameter(p[a + "b_K"])
        self.b_V = nn.Parameter(p[a + "b_V"])
        self.b_O = nn.Parameter(p[a + "b_O"])
        if self.attn_only:
            z = torch.zeros(0)
            self.ln2_w, self.ln2_b, self.W_in, self.b_in, self.W_out, self.b_out = (nn.Parameter(z.clone())
                                                                                  for _ in range(6))
        else:
            self.ln2_w = nn.Parameter(p[prefix + "ln2.w"])
            self.ln2_b = nn.Parameter(p[prefix + "ln2.b"])
            self.W_in = nn.Parameter(p[prefix + "mlp.W_in"])
            self.b_in = nn.Parameter(p[prefix + "mlp.b_in"])
            self.W_out = nn.Parameter(p[prefix + "mlp.W_out"])
            self.b_out = nn.Parameter(p[prefix + "mlp.b_out"])

    def heads_in(self, w: torch.Tensor) -> torch.Tensor:
        return w.transpose(0, 1).reshape(w.shape[1], self.h * self.e)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape[0], x.shape[1], x.shape[2]
        y = F.layer_norm(x, [d], self.ln1_w, self.ln1_b, self.eps)
        q = (y @ self.heads_in(self.W_Q) + self.b_Q.flatten()).reshape(b, t, self.h, self.e).transpose(1, 2)
        k = (y @ self.heads_in(self.W_K) + self.b_K.flatten()).reshape(b, t, self.h, self.e).transpose(1, 2)
        v = (y @ self.heads_in(self.W_V) + self.b_V.flatten()).reshape(b, t, self.h, self.e).transpose(1, 2)
        z = F.scaled_dot_product_attention(q, k, v, is_causal=True).transpose(1, 2)
        x = x + z.reshape(b, t, self.h * self.e) @ self.W_O.reshape(self.h * self.e, d) + self.b_O
        if not self.attn_only:
            m = F.layer_norm(x, [d], self.ln2_w, self.ln2_b, self.eps) @ self.W_in + self.b_in
            x = x + F.gelu(m) @ self.W_out + self.b_out
        return x


class Model(nn.Module):
    """Embedding, blocks, final LayerNorm and unembedding; ``loss`` is the mean next-token cross-entropy."""

    def __init__(self, p, c):
        super().__init__()
        self.eps = LN_EPS
        self.W_E = nn.Parameter(p["embed.W_E"])
        self.W_pos = nn.Parameter(p["pos_embed.W_pos"])
        self.blocks = nn.ModuleList([Block(p, f"blocks.{i}.", c) for i in range(c["n_layers"])])
        self.ln_w = nn.Parameter(p["ln_final.w"])
        self.ln_b = nn.Parameter(p["ln_final.b"])
        self.W_U = nn.Parameter(p["unembed.W_U"])
        self.b_U = nn.Parameter(p["unembed.b_U"])

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        t = tokens.shape[1]
        x = self.W_E[tokens] + self.W_pos[:t].unsqueeze(0)
        for block in self.blocks:
            x = block(x)
        x = F.layer_norm(x, [x.shape[2]], self.ln_w, self.ln_b, self.eps)
        return x @ self.W_U + self.b_U

    @torch.jit.export
    def loss(self, tokens: torch.Tensor) -> torch.Tensor:
        lg = self.forward(tokens)
        return F.cross_entropy(lg[:, :-1, :].reshape(-1, lg.shape[2]), tokens[:, 1:].reshape(-1))


VARIANTS = ("scripted", "frozen")


def build(p, c, variant, train):
    """The scripted model for a variant; ``p`` is the eager parameter dict (its tensors become the parameters)."""
    model = Model(p, c)
    if variant == "frozen":
        if train:
            raise SystemExit("error: the frozen variant is forward only; use --mode forward")
        return torch.jit.optimize_for_inference(torch.jit.freeze(torch.jit.script(model.eval())))
    return torch.jit.script(model)
