package org.vivarium.plugin.circuits.acdc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What ACDC found.
 *
 * @param scoreMetric the metric the threshold applied to (higher = worse)
 * @param lossMetric the task loss reported alongside (lower = better)
 * @param tau the threshold
 * @param graph the full graph
 * @param decisions one per edge, in the order they were taken
 * @param kept the circuit's edges
 * @param score the score on the clean run, with every edge removed, and with the edges outside the circuit removed
 * @param loss the same for the task loss
 * @param passes forward passes run
 */
public record AcdcResult(String scoreMetric, String lossMetric, double tau, CircuitGraph graph,
        List<Decision> decisions, Set<Edge> kept, Scores score, Scores loss, int passes) {

    /** Copies the lists. */
    public AcdcResult {
        decisions = List.copyOf(decisions);
        kept = Set.copyOf(kept);
    }

    /**
     * One edge's test.
     *
     * @param edge the edge
     * @param change the score's rise when it was removed (NaN if untested)
     * @param kept whether it stayed
     * @param untested true when its receiver had already left the circuit
     */
    public record Decision(Edge edge, double change, boolean kept, boolean untested) {
    }

    /**
     * A metric on three runs.
     *
     * @param clean the full model on the clean input
     * @param corrupted every edge removed (the corrupted run)
     * @param circuit only the circuit's edges kept
     */
    public record Scores(double clean, double corrupted, double circuit) {
        /** @return {@code (corrupted - circuit) / (corrupted - clean)}: 1 when the circuit alone matches the model */
        public double kept() {
            double d = corrupted - clean;
            return d == 0 ? Double.NaN : (corrupted - circuit) / d;
        }
    }

    /**
     * Whether the circuit holds an edge.
     *
     * @param id e.g. {@code L0H1->L1H2.k}
     * @return true if kept
     */
    public boolean keeps(String id) {
        return kept.stream().anyMatch(x -> x.id().equals(id));
    }

    /** @return the nodes that send or receive a kept edge */
    public Set<Node> nodes() {
        Set<Node> out = new LinkedHashSet<>();
        for (Node n : graph.nodes()) {
            if (kept.stream().anyMatch(x -> x.sender().equals(n) || x.receiver().equals(n))) {
                out.add(n);
            }
        }
        return out;
    }
}
