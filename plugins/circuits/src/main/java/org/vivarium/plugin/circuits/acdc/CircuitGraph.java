package org.vivarium.plugin.circuits.acdc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vivarium.api.model.ModelConfig;

/**
 * The full graph ACDC starts from: every node, and an edge from every residual-stream writer (the embeddings,
 * earlier heads, earlier MLPs) to every later reader input (a head's q, k and v, an MLP, the logits). Heads of a
 * block read the stream before that block; a block's MLP also reads its own block's heads.
 *
 * @param layers the model's number of layers
 * @param nodes every node, in topological order
 * @param edges every edge
 */
public record CircuitGraph(int layers, List<Node> nodes, List<Edge> edges) {

    /**
     * Builds the full graph of a model.
     *
     * @param cfg the architecture
     * @return the graph
     */
    public static CircuitGraph of(ModelConfig cfg) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(Node.input());
        for (int l = 0; l < cfg.nLayers(); l++) {
            for (int h = 0; h < cfg.nHeads(); h++) {
                nodes.add(Node.head(l, h));
            }
            if (!cfg.attnOnly()) {
                nodes.add(Node.mlp(l));
            }
        }
        nodes.add(Node.output());
        int layers = cfg.nLayers();
        List<Edge> edges = new ArrayList<>();
        for (Node r : nodes) {
            for (Node s : nodes) {
                if (s.kind() == Node.Kind.OUTPUT || s.rank(layers) >= r.rank(layers)
                        || r.kind() == Node.Kind.INPUT) {
                    continue;
                }
                if (r.kind() == Node.Kind.HEAD && s.kind() == Node.Kind.HEAD && s.layer() == r.layer()) {
                    continue;
                }
                if (r.kind() == Node.Kind.HEAD) {
                    for (Port p : List.of(Port.Q, Port.K, Port.V)) {
                        edges.add(new Edge(s, r, p));
                    }
                } else {
                    edges.add(new Edge(s, r, Port.IN));
                }
            }
        }
        return new CircuitGraph(layers, List.copyOf(nodes), List.copyOf(edges));
    }

    /**
     * The edges into one receiver, latest sender first (the order ACDC tries them in).
     *
     * @param receiver the reading node
     * @return its incoming edges
     */
    public List<Edge> into(Node receiver) {
        return edges.stream().filter(e -> e.receiver().equals(receiver))
                .sorted(Comparator.comparingInt((Edge e) -> -e.sender().rank(layers))
                        .thenComparingInt(e -> e.sender().head()).thenComparing(Edge::port))
                .toList();
    }

    /** @return the receiving nodes, logits first, then from the last layer down (reverse topological order) */
    public List<Node> receiversReversed() {
        List<Node> out = new ArrayList<>(nodes.stream().filter(n -> n.kind() != Node.Kind.INPUT).toList());
        out.sort(Comparator.comparingInt((Node n) -> -n.rank(layers)).thenComparingInt(Node::head));
        return out;
    }
}
