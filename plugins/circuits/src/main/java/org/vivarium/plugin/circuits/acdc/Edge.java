package org.vivarium.plugin.circuits.acdc;

/**
 * A direct path through the residual stream: the sender's output as read by one input of the receiver.
 *
 * @param sender the writing component
 * @param receiver the reading component
 * @param port which of the receiver's inputs
 */
public record Edge(Node sender, Node receiver, Port port) {
    /** @return e.g. {@code L0H1->L1H2.k} or {@code L1H0->logits} */
    public String id() {
        return sender.id() + "->" + receiver.id() + (port == Port.IN ? "" : "." + port.id());
    }
}
