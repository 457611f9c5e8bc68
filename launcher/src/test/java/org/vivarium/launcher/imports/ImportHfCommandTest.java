package org.vivarium.launcher.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.launcher.Viv;
import org.vivarium.launcher.support.CliRun;

/**
 * {@code viv import hf DIR} end to end on the importer's committed tiny Llama fixture (written by
 * {@code tools/hf_reference.py}; logits against the reference are tested in the importer module): the checkpoint
 * runs text through its own Hugging Face tokenizer.json with {@code viv run} and its hooks are cached; an unsupported config is one {@code error:} line and
 * nothing is written.
 */
class ImportHfCommandTest {
    /** The importer module's fixtures, from the launcher module's directory (where Surefire runs). */
    private static final Path FIXTURES = Path.of("..", "platform", "importer", "src", "test", "resources", "hf");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void aLlamaDirectoryImportsAndRuns() {
        Path src = FIXTURES.resolve("llama");
        assertTrue(Files.isRegularFile(src.resolve("config.json")), "fixture at " + src.toAbsolutePath());
        Path out = dir.resolve("llama");
        CliRun imp = CliRun.slow(TIMEOUT, "import", "hf", src.toString(), "--out", out.toString());
        assertEquals(0, imp.code(), imp.out() + imp.err());
        assertTrue(imp.out().contains("LlamaForCausalLM): 2 layers, d_model 32, 4 heads x 8 (2 key/value)"), imp.out());
        // viv run needs the real runtime (CliRun's runner has a stub one)
        ByteArrayOutputStream so = new ByteArrayOutputStream();
        ByteArrayOutputStream se = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(TIMEOUT, () -> Viv.run(new String[] {"run", out.toString(), "--prompt",
            "w1 w17 w42 w3", "--cache", "blocks.1.hook_resid_post"}, InputStream.nullInputStream(),
                new PrintStream(so, true, StandardCharsets.UTF_8), new PrintStream(se, true, StandardCharsets.UTF_8),
                Map.of()));
        String text = so.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text + se.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("blocks.1.hook_resid_post") && text.contains("[1, 4, 32]"), text);
    }

    @Test
    void anUnsupportedArchitectureIsOneErrorLine() throws Exception {
        Path src = Files.createDirectories(dir.resolve("bert"));
        Files.writeString(src.resolve("config.json"), "{\"model_type\": \"bert\", \"architectures\": [\"BertModel\"]}");
        Path out = dir.resolve("out");
        CliRun r = CliRun.slow(TIMEOUT, "import", "hf", src.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("error: " + src.resolve("config.json") + ": unsupported model_type"
                + " \"bert\" with architectures [BertModel] — supported: model_type gpt2"), r.err());
        assertTrue(Files.notExists(out), "nothing is written");
    }
}
