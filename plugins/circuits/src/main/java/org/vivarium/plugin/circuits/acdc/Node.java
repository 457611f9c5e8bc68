package org.vivarium.plugin.circuits.acdc;

/**
 * A component of the computational graph: the embeddings, a head, an MLP or the logits.
 *
 * @param kind what it is
 * @param layer its block, -1 for the input and the logits
 * @param head its head index, -1 unless a head
 */
public record Node(Kind kind, int layer, int head) {
    /** The kinds of component. */
    public enum Kind {
        /** Token and positional embeddings. */
        INPUT,
        /** One attention head. */
        HEAD,
        /** One block's MLP. */
        MLP,
        /** The final LayerNorm and unembedding. */
        OUTPUT
    }

    /** @return the embeddings */
    public static Node input() {
        return new Node(Kind.INPUT, -1, -1);
    }

    /** @return the logits */
    public static Node output() {
        return new Node(Kind.OUTPUT, -1, -1);
    }

    /**
     * @param layer block
     * @param head head index
     * @return that head
     */
    public static Node head(int layer, int head) {
        return new Node(Kind.HEAD, layer, head);
    }

    /**
     * @param layer block
     * @return that block's MLP
     */
    public static Node mlp(int layer) {
        return new Node(Kind.MLP, layer, -1);
    }

    /** @return {@code input}, {@code L1H2}, {@code MLP0} or {@code logits} */
    public String id() {
        return switch (kind) {
            case INPUT -> "input";
            case HEAD -> "L" + layer + "H" + head;
            case MLP -> "MLP" + layer;
            case OUTPUT -> "logits";
        };
    }

    /**
     * A topological rank: a node reads only nodes of a lower rank.
     *
     * @param layers the model's number of layers
     * @return 0 for the input, {@code 2L + 1} for layer L's heads, {@code 2L + 2} for its MLP, the highest for
     *     the logits
     */
    public int rank(int layers) {
        return switch (kind) {
            case INPUT -> 0;
            case HEAD -> 2 * layer + 1;
            case MLP -> 2 * layer + 2;
            case OUTPUT -> 2 * layers + 1;
        };
    }
}
