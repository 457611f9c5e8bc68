package org.vivarium.organisms.backdoor;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.Provenances;

/**
 * Hands the base model over to the fine-tune. {@link org.vivarium.organisms.training.OrganismTrainer}
 * starts either from fresh weights or from a resumable checkpoint in its run directory, so the
 * fine-tune is started by writing a resumable "step 0" checkpoint there: the base weights, zeroed Adam
 * moments and step 0, which resumes exactly like a fresh optimizer with its own warm-up and cosine
 * schedule. Afterwards the final checkpoint's provenance gets the base checkpoint as its parent.
 */
final class PhaseHandoff {
    /** Provenance setting holding the base checkpoint's content hash (set on every fine-tune checkpoint). */
    static final String PARENT_SETTING = "data.parent";

    private PhaseHandoff() {
    }

    /**
     * Writes the starting checkpoint of the fine-tune.
     *
     * @param base the base checkpoint directory
     * @param target the fine-tune checkpoint directory (replaced)
     * @param recipe the fine-tune's recipe name
     * @param totalSteps fine-tune steps
     * @param seed run seed
     */
    static void start(Path base, Path target, String recipe, int totalSteps, long seed) {
        Checkpoint b = CheckpointIO.read(base);
        String parent = CheckpointIO.contentHash(base);
        Map<String, Tensor> moments = new LinkedHashMap<>();
        b.weights().forEach((k, w) -> {
            moments.put("m." + k, Tensor.zeros(w.shape()));
            moments.put("v." + k, Tensor.zeros(w.shape()));
        });
        Map<String, String> settings = new LinkedHashMap<>(b.provenance().settings());
        settings.put(PARENT_SETTING, parent);
        settings.put("trained_steps", "0");
        Provenance p = new Provenance("checkpoint", recipe, settings, seed, b.provenance().dataHash(),
                Provenances.codeVersion(), parent, Instant.now().toString(), Provenances.environment());
        Map<String, String> state = Map.of("step", "0", "total_steps", String.valueOf(totalSteps), "recipe", recipe);
        CheckpointIO.write(target, new Checkpoint(b.config(), b.weights(), b.tokenizer(), p, moments, state));
    }

    /**
     * Tells whether a checkpoint is a fine-tune (finished or not) of the given base.
     *
     * @param target the fine-tune checkpoint directory
     * @param recipe the fine-tune's recipe name
     * @param parent content hash of the base checkpoint
     * @return whether it can be resumed as this base's fine-tune
     */
    static boolean isFineTuneOf(Path target, String recipe, String parent) {
        if (!CheckpointIO.isCheckpoint(target)) {
            return false;
        }
        Provenance p = CheckpointIO.read(target).provenance();
        return recipe.equals(p.recipe()) && parent.equals(p.settings().get(PARENT_SETTING));
    }

    /**
     * Sets the provenance parent of the finished fine-tune to the base checkpoint (the trainer leaves it
     * empty); the weights, optimizer and trainer state are kept.
     *
     * @param target the fine-tune checkpoint directory
     * @param parent content hash of the base checkpoint
     */
    static void linkParent(Path target, String parent) {
        Checkpoint c = CheckpointIO.read(target);
        Provenance p = c.provenance();
        if (parent.equals(p.parent())) {
            return;
        }
        Provenance linked = new Provenance(p.kind(), p.recipe(), p.settings(), p.seed(), p.dataHash(),
                p.codeVersion(), parent, p.createdAt(), p.environment());
        CheckpointIO.write(target, new Checkpoint(c.config(), c.weights(), c.tokenizer(), linked,
                c.optimizerState(), c.trainerState()));
    }
}
