package org.vivarium.runtime.finetune;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.train.FineTuneRequest;
import org.vivarium.api.train.Injection;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.checkpoint.Provenances;
import org.vivarium.runtime.nd.DjlEngine;
import org.vivarium.runtime.train.TrainerConfig;

/**
 * The provenance of a fine-tuned checkpoint: the request's recipe and seed, every optimisation setting, the
 * adapter spec with its targets resolved, a hash of the examples and the parent checkpoint's content hash.
 */
final class FineTuneProvenance {
    private FineTuneProvenance() {
    }

    /**
     * Builds the provenance.
     *
     * @param request the job
     * @param trainer the optimisation settings used
     * @param resolvedTargets the weight names the adapter covers (empty for full fine-tuning)
     * @param parentHash {@code CheckpointIO.contentHash} of the base checkpoint
     * @param dataHash {@link #dataHash} of the examples
     * @return the provenance, kind {@code checkpoint}
     */
    static Provenance of(FineTuneRequest request, TrainerConfig trainer, List<String> resolvedTargets,
            String parentHash, String dataHash) {
        Map<String, String> s = new LinkedHashMap<>(trainer.asSettings());
        s.put("finetune.adapter", request.adapter().describe());
        s.put("finetune.examples", String.valueOf(request.examples().size()));
        long injected = request.examples().stream().filter(TrainingExample::isInjected).count();
        if (injected > 0) {
            s.put("finetune.injected_examples", String.valueOf(injected));
        }
        request.recipeSettings().forEach((k, v) -> s.put("recipe." + k, v));
        if (!request.adapter().isFull()) {
            s.put("lora.rank", String.valueOf(request.adapter().rank()));
            s.put("lora.alpha", String.valueOf((float) request.adapter().alpha()));
            s.put("lora.targets", String.join(",", resolvedTargets));
        }
        Map<String, String> env = new LinkedHashMap<>(Provenances.environment());
        env.put("engine", DjlEngine.describe());
        return new Provenance("checkpoint", request.recipe(), s, request.seed(), dataHash,
                Provenances.codeVersion(), parentHash, Instant.now().toString(), env);
    }

    /**
     * Hashes the examples in order: each prompt and completion as length-prefixed UTF-8, then, if any example is
     * injected, each injected example's index and its injections (hook, position, vector as float bits), so data
     * without injections hashes as it always did.
     *
     * @param examples the training data
     * @return {@code sha256:<hex>}
     */
    static String dataHash(List<TrainingExample> examples) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(examples.size());
            for (TrainingExample e : examples) {
                write(out, e.prompt());
                write(out, e.completion());
            }
            for (int i = 0; i < examples.size(); i++) {
                for (Injection in : examples.get(i).injections()) {
                    out.writeInt(i);
                    write(out, in.hook());
                    out.writeInt(in.position());
                    float[] v = in.vector();
                    out.writeInt(v.length);
                    for (float f : v) {
                        out.writeInt(Float.floatToIntBits(f));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return Provenances.sha256(bytes.toByteArray());
    }

    private static void write(DataOutputStream out, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}
