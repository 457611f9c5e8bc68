package org.vivarium.launcher.organism;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.ProvenanceJson;
import org.vivarium.organisms.Organism;
import org.vivarium.organisms.card.CardSeal;
import org.vivarium.organisms.card.TruthCard;

/**
 * The truth card of one trained run: derived host-side from its checkpoint's provenance
 * ({@link Organism#truthCard(Provenance)}), sealed into the run after training and unsealed with the host key
 * ({@link SealKey}) only when a claim is scored or a person asks with {@code --reveal}.
 */
public final class RunCards {
    private RunCards() {
    }

    /**
     * @param runDir a run directory or a checkpoint directory
     * @return the provenance of its checkpoint, if it holds one
     */
    public static Optional<Provenance> provenance(Path runDir) {
        Path ckpt = CheckpointPaths.resolve(runDir);
        return CheckpointIO.isCheckpoint(ckpt)
                ? Optional.of(ProvenanceJson.read(ckpt.resolve(CheckpointIO.PROVENANCE_FILE))) : Optional.empty();
    }

    /**
     * Derives a run's card: from its checkpoint's provenance, or the recipe-level card for organisms that write no
     * checkpoint (e.g. {@code superposition}).
     *
     * @param organism the organism
     * @param runDir its run directory
     * @return the card
     */
    public static TruthCard derive(Organism organism, Path runDir) {
        return provenance(runDir).map(organism::truthCard).orElseGet(organism::truthCard);
    }

    /**
     * Seals the run's card with the host key, replacing a sealed card there.
     *
     * @param organism the organism
     * @param runDir its run directory
     * @param env the process environment (names the key file)
     * @return the sealed file
     */
    public static Path seal(Organism organism, Path runDir, Map<String, String> env) {
        CardSeal.seal(derive(organism, runDir), runDir, SealKey.load(env));
        return CardSeal.file(runDir);
    }

    /**
     * Unseals the run's card with the host key.
     *
     * @param runDir the run directory
     * @param env the process environment (names the key file)
     * @return the card
     * @throws org.vivarium.api.VivariumException if it was sealed with another key, or is missing or damaged
     */
    public static TruthCard unseal(Path runDir, Map<String, String> env) {
        return CardSeal.unseal(runDir, SealKey.load(env));
    }
}
