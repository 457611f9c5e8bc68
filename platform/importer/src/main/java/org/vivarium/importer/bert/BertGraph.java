package org.vivarium.importer.bert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ActFn;
import org.vivarium.importer.onnx.OnnxModel;
import org.vivarium.importer.onnx.OnnxNode;
import org.vivarium.importer.onnx.OnnxTensor;

/**
 * Recognises a Hugging Face {@code BertModel} exported to ONNX from PyTorch (as all-MiniLM-L6-v2 is) and checks that
 * the hooked runtime computes the same function: standard ONNX ops only, post-LN blocks, one LayerNorm epsilon,
 * exact (erf) GELU or ReLU, and the last layer's hidden state as a graph output. Anything else fails with one
 * {@link VivariumException} naming what is unsupported and what is.
 *
 * <pre>{@code
 * BertLayout bert = BertGraph.analyse(OnnxReader.read(onnxFile), onnxFile.toString());
 * }</pre>
 */
public final class BertGraph {
    /** Standard ONNX ops that a PyTorch BERT export uses (math, shape plumbing, the attention mask). */
    public static final Set<String> SUPPORTED_OPS = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Sqrt", "Erf", "Relu",
            "Neg", "Not", "MatMul", "Gather", "Unsqueeze", "Squeeze", "Shape", "Concat", "Reshape", "Transpose",
            "Softmax", "Cast", "Slice", "Constant", "ConstantOfShape", "Identity", "ReduceMean",
            "LayerNormalization", "Equal", "Where", "Expand", "Range");
    /** The linear layers of one encoder layer, Hugging Face names under {@code encoder.layer.L.}. */
    static final List<String> LINEARS = List.of("attention.self.query", "attention.self.key", "attention.self.value",
            "attention.output.dense", "intermediate.dense", "output.dense");
    /** The LayerNorms of one encoder layer, post-attention then post-MLP. */
    static final List<String> NORMS = List.of("attention.output.LayerNorm", "output.LayerNorm");

    private static final String SUPPORTED = "supported: a Hugging Face BertModel exported from PyTorch in float32 "
            + "(embeddings.{word,position,token_type}_embeddings, embeddings.LayerNorm, and per layer "
            + "encoder.layer.L.{attention.self.{query,key,value},attention.output.dense,intermediate.dense,"
            + "output.dense} as MatMul + bias Add with attention.output.LayerNorm and output.LayerNorm), "
            + "post-LN, exact erf GELU or ReLU, standard ONNX ops " + new TreeSet<>(SUPPORTED_OPS);
    private static final Pattern LAYER = Pattern.compile("encoder\\.layer\\.(\\d+)\\.");
    private static final String WORD = "embeddings.word_embeddings.weight";

    private BertGraph() {
    }

    /**
     * Analyses a graph.
     *
     * @param m the parsed ONNX model
     * @param source the file, for messages
     * @return the encoder's sizes and weights
     * @throws VivariumException naming what is unsupported or missing, and what is supported
     */
    public static BertLayout analyse(OnnxModel m, String source) {
        checkOps(m, source);
        String prefix = prefix(m, source);
        int layers = layerCount(m, prefix, source);
        GraphLinks g = new GraphLinks(m);
        Map<String, OnnxTensor> t = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String e : List.of(WORD, "embeddings.position_embeddings.weight",
                "embeddings.token_type_embeddings.weight", "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias")) {
            take(m, prefix, e, t, missing);
        }
        for (int l = 0; l < layers; l++) {
            String p = "encoder.layer." + l + ".";
            for (String lin : LINEARS) {
                take(m, prefix, p + lin + ".bias", t, missing);
                OnnxTensor w = linearWeight(m, g, prefix + p + lin);
                if (w == null) {
                    missing.add(prefix + p + lin + ".weight (a MatMul initializer feeding the bias Add)");
                } else {
                    t.put(p + lin + ".weight", w);
                }
            }
            for (String ln : NORMS) {
                take(m, prefix, p + ln + ".weight", t, missing);
                take(m, prefix, p + ln + ".bias", t, missing);
            }
        }
        if (!missing.isEmpty()) {
            throw unsupported(source + " lacks " + missing.size() + " BERT initializer" + (missing.size() == 1 ? "" : "s")
                    + ": " + String.join(", ", missing.subList(0, Math.min(6, missing.size())))
                    + (missing.size() > 6 ? ", +" + (missing.size() - 6) + " more" : ""));
        }
        Sizes s = sizes(t, layers, source);
        float eps = epsilon(g, prefix, layers, source);
        ActFn act = activation(m, layers, source);
        int dHead = headWidth(m, g, layers, s.d(), source);
        checkOutput(m, g, prefix, layers, source);
        checkPositionIds(m, prefix, source);
        return new BertLayout(layers, s.d(), s.d() / dHead, dHead, s.ff(), s.vocab(), s.ctx(), s.types(), eps, act, t);
    }

    static VivariumException unsupported(String problem) {
        return new VivariumException(problem, SUPPORTED);
    }

    private static void checkOps(OnnxModel m, String source) {
        Map<String, Integer> bad = new TreeMap<>();
        for (OnnxNode n : m.nodes()) {
            boolean standard = n.domain().isEmpty() || n.domain().equals("ai.onnx");
            if (!standard || !SUPPORTED_OPS.contains(n.opType())) {
                bad.merge(n.qualifiedOp(), 1, Integer::sum);
            }
        }
        if (!bad.isEmpty()) {
            List<String> parts = new ArrayList<>();
            bad.forEach((op, c) -> parts.add(op + " (" + c + " node" + (c == 1 ? "" : "s") + ")"));
            throw unsupported(source + " uses unsupported ops " + String.join(", ", parts) + hint(bad.keySet()));
        }
    }

    private static String hint(Set<String> ops) {
        if (ops.stream().anyMatch(o -> o.startsWith("com.microsoft:"))) {
            return " (an ONNX Runtime-optimised graph with fused ops: export the plain graph instead)";
        }
        if (ops.stream().anyMatch(o -> o.contains("Quantize") || o.contains("Integer") || o.startsWith("QLinear"))) {
            return " (a quantized model: use the float32 export)";
        }
        if (ops.contains("Tanh")) {
            return " (Tanh: the tanh approximation of GELU; only the exact erf form is supported)";
        }
        return "";
    }

    private static String prefix(OnnxModel m, String source) {
        for (String name : m.initializers().keySet()) {
            if (name.endsWith(WORD)) {
                return name.substring(0, name.length() - WORD.length());
            }
        }
        List<String> some = new ArrayList<>(m.initializers().keySet()).subList(0, Math.min(5, m.initializers().size()));
        throw unsupported(source + " has no initializer named " + WORD + ", so it is not a Hugging Face BERT export"
                + " (its initializers include " + some + ")");
    }

    private static int layerCount(OnnxModel m, String prefix, String source) {
        TreeSet<Integer> seen = new TreeSet<>();
        for (String name : m.initializers().keySet()) {
            Matcher x = LAYER.matcher(name);
            if (name.startsWith(prefix) && x.find() && x.start() == prefix.length()) {
                seen.add(Integer.parseInt(x.group(1)));
            }
        }
        if (seen.isEmpty() || seen.last() != seen.size() - 1) {
            throw unsupported(source + " has encoder layers " + seen + "; expected encoder.layer.0 … encoder.layer.N-1");
        }
        return seen.size();
    }

    private static void take(OnnxModel m, String prefix, String name, Map<String, OnnxTensor> t, List<String> missing) {
        OnnxTensor x = m.initializers().get(prefix + name);
        if (x == null) {
            missing.add(prefix + name);
        } else {
            t.put(name, x);
        }
    }

    /** The weight {@code [in, out]} of a linear layer: the initializer B of the MatMul whose output meets the bias. */
    private static OnnxTensor linearWeight(OnnxModel m, GraphLinks g, String layer) {
        String bias = layer + ".bias";
        for (OnnxNode add : g.consumers(bias)) {
            if (!add.opType().equals("Add")) {
                continue;
            }
            OnnxNode mm = g.producer(GraphLinks.other(add, bias));
            if (mm != null && mm.opType().equals("MatMul") && m.initializers().containsKey(mm.input(1))) {
                return m.initializers().get(mm.input(1));
            }
        }
        String named = layer + ".weight";
        for (OnnxNode mm : g.consumers(named)) {
            if (mm.opType().equals("MatMul") && mm.input(1).equals(named)) {
                return m.initializers().get(named);
            }
        }
        return null;
    }

    /** Hidden, intermediate, vocabulary, position and token-type sizes. */
    private record Sizes(int d, int ff, int vocab, int ctx, int types) {
    }

    private static Sizes sizes(Map<String, OnnxTensor> t, int layers, String source) {
        long[] word = t.get(WORD).dims();
        long[] inter = t.get("encoder.layer.0.intermediate.dense.weight").dims();
        if (word.length != 2 || inter.length != 2) {
            throw unsupported(source + ": " + WORD + " has shape " + Arrays.toString(word) + " and "
                    + "encoder.layer.0.intermediate.dense.weight " + Arrays.toString(inter) + "; expected 2-d weights");
        }
        int d = (int) word[1];
        int ff = (int) inter[1];
        Map<String, long[]> want = new LinkedHashMap<>();
        want.put("embeddings.position_embeddings.weight", new long[] {-1, d});
        want.put("embeddings.token_type_embeddings.weight", new long[] {-1, d});
        want.put("embeddings.LayerNorm.weight", new long[] {d});
        want.put("embeddings.LayerNorm.bias", new long[] {d});
        for (int l = 0; l < layers; l++) {
            String p = "encoder.layer." + l + ".";
            for (String lin : LINEARS) {
                long in = lin.equals("output.dense") ? ff : d;
                long out = lin.equals("intermediate.dense") ? ff : d;
                want.put(p + lin + ".weight", new long[] {in, out});
                want.put(p + lin + ".bias", new long[] {out});
            }
            for (String ln : NORMS) {
                want.put(p + ln + ".weight", new long[] {d});
                want.put(p + ln + ".bias", new long[] {d});
            }
        }
        for (Map.Entry<String, long[]> e : want.entrySet()) {
            long[] got = t.get(e.getKey()).dims();
            long[] w = e.getValue();
            boolean ok = got.length == w.length;
            for (int i = 0; ok && i < w.length; i++) {
                ok = w[i] < 0 || w[i] == got[i];
            }
            if (!ok) {
                throw unsupported(source + ": " + e.getKey() + " has shape " + Arrays.toString(got)
                        + " but hidden size " + d + " and intermediate size " + ff + " imply "
                        + Arrays.toString(w).replace("-1", "*"));
            }
        }
        return new Sizes(d, ff, (int) word[0], (int) t.get("embeddings.position_embeddings.weight").dims()[0],
                (int) t.get("embeddings.token_type_embeddings.weight").dims()[0]);
    }

    private static float epsilon(GraphLinks g, String prefix, int layers, String source) {
        List<String> norms = new ArrayList<>(List.of("embeddings.LayerNorm"));
        for (int l = 0; l < layers; l++) {
            for (String ln : NORMS) {
                norms.add("encoder.layer." + l + "." + ln);
            }
        }
        Float eps = null;
        for (String ln : norms) {
            Float e = LayerNorms.epsilon(g, prefix + ln + ".weight");
            if (e == null) {
                throw unsupported(source + ": cannot read the epsilon of LayerNorm " + prefix + ln
                        + " (neither a LayerNormalization node nor the ReduceMean/Sub/Pow/ReduceMean/Add(eps)/Sqrt/Div"
                        + "/Mul/Add form PyTorch exports)");
            }
            if (eps != null && !eps.equals(e)) {
                throw unsupported(source + ": LayerNorms use different epsilons (" + eps + " and " + e + " at " + ln
                        + "); one epsilon for the whole model is supported");
            }
            eps = e;
        }
        return eps;
    }

    private static ActFn activation(OnnxModel m, int layers, String source) {
        long erf = m.nodes().stream().filter(n -> n.opType().equals("Erf")).count();
        long relu = m.nodes().stream().filter(n -> n.opType().equals("Relu")).count();
        if (erf == layers && relu == 0) {
            return ActFn.GELU;
        }
        if (relu == layers && erf == 0) {
            return ActFn.RELU;
        }
        throw unsupported(source + " has " + erf + " Erf and " + relu + " Relu nodes for " + layers
                + " layers; one exact GELU (Erf) or one ReLU per layer is supported");
    }

    /** d_head from the score scale before the first Softmax: {@code Div(q k^T, sqrt(d_head))} or a Mul by its inverse. */
    private static int headWidth(OnnxModel m, GraphLinks g, int layers, int d, String source) {
        List<OnnxNode> softmax = m.nodes().stream().filter(n -> n.opType().equals("Softmax")).toList();
        if (softmax.size() != layers) {
            throw unsupported(source + " has " + softmax.size() + " Softmax nodes for " + layers
                    + " layers; one attention softmax per layer is supported");
        }
        List<String> frontier = new ArrayList<>(List.of(softmax.get(0).input(0)));
        for (int depth = 0; depth < 4 && !frontier.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String v : frontier) {
                OnnxNode n = g.producer(v);
                if (n == null) {
                    continue;
                }
                Float c = g.scalar(n.input(1));
                int dh = 0;
                if (n.opType().equals("Div") && c != null && c > 0) {
                    dh = Math.round(c * c);
                } else if (n.opType().equals("Mul") && c != null && c > 0 && c < 1) {
                    dh = Math.round(1f / (c * c));
                }
                if (dh > 0 && d % dh == 0) {
                    return dh;
                }
                next.addAll(n.inputs());
            }
            frontier = next;
        }
        throw unsupported(source + ": cannot find the attention scale 1/sqrt(d_head) before the first Softmax");
    }

    private static void checkOutput(OnnxModel m, GraphLinks g, String prefix, int layers, String source) {
        String last = prefix + "encoder.layer." + (layers - 1) + ".output.LayerNorm";
        String out = LayerNorms.output(g, last + ".weight", last + ".bias");
        if (out == null || !m.outputs().contains(out)) {
            throw unsupported(source + " outputs " + m.outputs() + ", not the last layer's hidden state (the output of "
                    + last + "); graphs whose output is last_hidden_state are supported");
        }
    }

    private static void checkPositionIds(OnnxModel m, String prefix, String source) {
        OnnxTensor ids = m.initializers().get(prefix + "embeddings.position_ids");
        if (ids == null) {
            return;
        }
        long[] v = ids.longs();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != i) {
                throw unsupported(source + ": embeddings.position_ids is not 0, 1, 2, … (entry " + i + " is " + v[i]
                        + "); absolute positions counted from 0 are supported");
            }
        }
    }
}
