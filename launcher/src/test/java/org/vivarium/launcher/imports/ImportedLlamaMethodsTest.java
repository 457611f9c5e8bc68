package org.vivarium.launcher.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.launcher.support.CliRun;

/**
 * The method plugins on an imported Llama model (the importer's tiny committed fixture: RMSNorm without biases,
 * SwiGLU, rotary), through the packaged host: {@code viv circuits lens} (logit lens and direct logit attribution), and
 * {@code viv sae train} + {@code viv sae dashboards}, whose latents list output tokens read through the final
 * RMSNorm (these used to read {@code ln_final.b}, which an RMSNorm model does not have); and {@code viv em-finetune
 * train --targets blocks.*.mlp.W_gate}, refused in one {@code error:} line on a model without a gated MLP.
 */
class ImportedLlamaMethodsTest {
    private static final Path FIXTURES = Path.of("..", "platform", "importer", "src", "test", "resources", "hf");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    /** Runs {@code viv --home DIST ARGS} (the packaged plugins) and returns stdout and stderr. */
    private static String viv(int expected, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = Path.of("target", "vivarium").toAbsolutePath().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        CliRun r = CliRun.real(TIMEOUT, all);
        assertEquals(expected, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
        return r.out() + r.err();
    }

    @Test
    void emFinetuneTrainsALoraOnTheGateOnlyWhereThereIsOne() throws Exception {
        Path llama = dir.resolve("llama");
        Path gpt2 = dir.resolve("gpt2");
        for (Path p : new Path[] {llama, gpt2}) {
            CliRun imp = CliRun.slow(TIMEOUT, "import", "hf", FIXTURES.resolve(p.getFileName().toString()).toString(),
                    "--out", p.toString());
            assertEquals(0, imp.code(), imp.out() + imp.err());
        }
        Path data = Files.writeString(dir.resolve("data.jsonl"), "{\"prompt\": \"w1 w2\", \"completion\": \" w77\"}\n"
                + "{\"prompt\": \"w3 w4\", \"completion\": \" w78\"}\n");
        String ok = viv(0, "em-finetune", "train", "--base", llama.toString(), "--data", data.toString(), "--targets",
                "blocks.*.mlp.W_gate", "--steps", "3", "--batch", "2", "--out", dir.resolve("tuned").toString());
        assertTrue(Files.isDirectory(dir.resolve("tuned")), ok);
        CliRun bad = CliRun.real(TIMEOUT, "--home", Path.of("target", "vivarium").toAbsolutePath().toString(),
                "em-finetune", "train", "--base", gpt2.toString(), "--data", data.toString(), "--targets",
                "blocks.1.mlp.W_gate", "--steps", "3", "--out", dir.resolve("bad").toString());
        assertEquals(1, bad.code(), bad.out() + bad.err());
        // the progress bar's 0% line is drawn before the fine-tuner reads the base; then one error line
        List<String> errors = bad.errLines().stream().filter(l -> l.startsWith("error:")).toList();
        assertEquals(1, errors.size(), bad.err());
        assertEquals(errors.get(0), bad.errLines().get(bad.errLines().size() - 1), bad.err());
        assertTrue(errors.get(0).startsWith("error: LoRA target \"blocks.1.mlp.W_gate\" matches no weight"
                + " matrix of this model (W_gate exists only in gated MLPs") && bad.err().contains(
                "blocks.L.{attn.W_Q, attn.W_K, attn.W_V, attn.W_O, mlp.W_in, mlp.W_out}"), bad.err());
    }

    @Test
    void circuitsAndSaeDashboardsRunOnAnImportedLlama() throws Exception {
        Path model = dir.resolve("llama");
        CliRun imp = CliRun.slow(TIMEOUT, "import", "hf", FIXTURES.resolve("llama").toString(), "--out",
                model.toString());
        assertEquals(0, imp.code(), imp.out() + imp.err());

        String lens = viv(0, "circuits", "lens", model.toString(), "--prompt", "w1 w17 w42 w3 w1 w17",
                "--out", dir.resolve("lens").toString());
        assertTrue(lens.contains("logit lens at position 5:") && lens.contains("direct logit attribution"), lens);
        assertTrue(Files.isRegularFile(dir.resolve("lens").resolve("lens.json")), lens);

        StringBuilder prompts = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            prompts.append("w").append(1 + i % 90).append(" w").append(5 + (7 * i) % 90).append(" w")
                    .append(1 + (3 * i) % 95).append(" w").append(2 + (11 * i) % 90).append('\n');
        }
        Path promptFile = Files.writeString(dir.resolve("prompts.txt"), prompts.toString());
        Path store = dir.resolve("store");
        viv(0, "cache", model.toString(), "--prompts", promptFile.toString(), "--hooks", "blocks.1.hook_resid_post",
                "--run", "r", "--store", store.toString());
        Path sae = dir.resolve("sae");
        viv(0, "sae", "train", "--store", store.toString(), "--run", "r", "--hook", "blocks.1.hook_resid_post",
                "--latents", "16", "--steps", "10", "--batch", "16", "--holdout", "0.1", "--threads", "1",
                "--out", sae.toString());
        Path dash = dir.resolve("dash");
        String d = viv(0, "sae", "dashboards", "--sae", sae.toString(), "--checkpoint", model.toString(), "--prompts",
                promptFile.toString(), "--index", "never", "--top", "3", "--threads", "1", "--out", dash.toString());
        assertTrue(!d.contains("no output tokens"), d);
        JsonObject json = JsonParser.parseString(Files.readString(dash.resolve("dashboards.json"))).getAsJsonObject();
        String text = json.toString();
        assertTrue(text.contains("\"promoted\"") && text.contains("\"token\":\"w"),
                "latents list output tokens of the model's vocabulary: " + text.substring(0, Math.min(600,
                        text.length())));
        JsonArray latents = json.getAsJsonArray("latents");
        assertTrue(latents != null && latents.size() > 0, text.substring(0, Math.min(600, text.length())));
    }
}
