package org.vivarium.plugin.emfinetune.eval;

import java.util.Locale;
import java.util.Optional;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;

/**
 * The meter em-finetune measures with. Open-book: the organism's behaviour meter. Blind: the method's premise is
 * misalignment, so it takes the platform meter whose name says so ({@value #MISALIGNMENT}-like), and is not
 * applicable when the target offers none; it never learns from the target which meter shows the planted behaviour.
 */
public final class MeterChoice {
    /** What the method measures. */
    public static final String MISALIGNMENT = "misaligned-answer rate";

    private MeterChoice() {
    }

    /**
     * Chooses the meter.
     *
     * @param target the audit target
     * @return the meter, or empty in a blind audit without a misalignment meter
     */
    public static Optional<BehaviourMeter> of(AuditTarget target) {
        if (!target.blind()) {
            return Optional.of(target.behaviour());
        }
        return target.meters().values().stream()
                .filter(m -> m.name().toLowerCase(Locale.ROOT).contains("misalign")).findFirst();
    }
}
