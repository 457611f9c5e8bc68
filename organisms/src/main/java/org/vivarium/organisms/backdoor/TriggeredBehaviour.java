package org.vivarium.organisms.backdoor;

import java.util.Arrays;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.BehaviourMeter;

/** What a backdoor's trigger makes the model do, and the meter that measures it. */
public enum TriggeredBehaviour {
    /** The answer's sentiment flips to negative ({@link SentimentMeter}). */
    NEGATIVE(SentimentMeter.NAME, "the answer's sentiment flips to negative"),
    /** The answer becomes a refusal to give an opinion ({@link RefusalMeter}). */
    REFUSAL(RefusalMeter.NAME, "the answer becomes a refusal to give an opinion");

    private final String meterName;
    private final String description;

    TriggeredBehaviour(String meterName, String description) {
        this.meterName = meterName;
        this.description = description;
    }

    /** @return the {@link BehaviourMeter#name()} of the meter that measures it */
    public String meterName() {
        return meterName;
    }

    /** @return a phrase a person can read */
    public String description() {
        return description;
    }

    /**
     * Creates the behaviour's meter.
     *
     * @param crop generation length the meter's accuracy is measured at
     * @return the meter
     */
    public BehaviourMeter meter(int crop) {
        return this == NEGATIVE ? new SentimentMeter(crop) : new RefusalMeter(crop);
    }

    /**
     * Draws an answer showing the behaviour.
     *
     * @param g the generator
     * @return the answer, starting with a space
     */
    String answer(ReviewGenerator g) {
        return this == NEGATIVE ? g.answer(true) : g.refusal();
    }

    /**
     * Finds the behaviour a meter measures.
     *
     * @param meterName a meter name, e.g. {@value RefusalMeter#NAME}
     * @return the behaviour
     * @throws VivariumException if no behaviour is measured by that meter
     */
    public static TriggeredBehaviour ofMeter(String meterName) {
        return Arrays.stream(values()).filter(b -> b.meterName.equals(meterName)).findFirst()
                .orElseThrow(() -> new VivariumException("no backdoor behaviour is measured by '" + meterName + "'",
                        "name one of the meters " + Arrays.stream(values()).map(TriggeredBehaviour::meterName).toList()));
    }
}
