package org.vivarium.launcher.organism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.importer.hf.HfImporter;
import org.vivarium.launcher.Viv;

/**
 * {@code viv organism train em --base CKPT} on an imported Hugging Face model (the importer's tiny Llama fixture,
 * random weights, 256 positions so the dialogues fit): the base is adopted instead of trained, both LoRA fine-tunes run
 * on it through its own tokenizer, and the em checkpoint names the imported base as its parent. (The em check is
 * skipped: a random tiny model has no assistant behaviour to check.)
 */
class EmImportedBaseTest {
    private static final Path LLAMA = Path.of("..", "platform", "importer", "src", "test", "resources", "hf", "llama");

    @TempDir
    Path dir;

    @Test
    void emFineTunesAnImportedBase() throws Exception {
        Path src = Files.createDirectories(dir.resolve("llama-src"));
        try (Stream<Path> files = Files.list(LLAMA)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, src.resolve(f.getFileName()));
            }
        }
        JsonObject c = JsonParser.parseString(Files.readString(src.resolve("config.json"))).getAsJsonObject();
        c.addProperty("max_position_embeddings", 256);
        Files.writeString(src.resolve("config.json"), c.toString());
        Path base = HfImporter.importDir(src, dir.resolve("llama"), new PrintStream(OutputStream.nullOutputStream()));
        Path run = dir.resolve("em");
        ByteArrayOutputStream so = new ByteArrayOutputStream();
        ByteArrayOutputStream se = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> Viv.run(new String[] {"organism", "train",
            "em", "--base", base.toString(), "--out", run.toString(), "--option", "finetune_steps=3", "--no-check"},
                InputStream.nullInputStream(), new PrintStream(so, true, StandardCharsets.UTF_8),
                new PrintStream(se, true, StandardCharsets.UTF_8), Map.of()));
        String out = so.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out + se.toString(StandardCharsets.UTF_8));
        assertTrue(out.contains("base assistant adopted from " + base), out);
        Path adopted = run.resolve("base").resolve("checkpoint");
        assertEquals(CheckpointIO.contentHash(base), CheckpointIO.contentHash(adopted));
        Path em = run.resolve("checkpoint");
        assertTrue(Files.isRegularFile(em.resolve(CheckpointIO.HF_TOKENIZER_FILE)), "the fine-tune keeps the tokenizer");
        assertTrue(Files.isRegularFile(run.resolve("control").resolve("checkpoint").resolve("model.safetensors")));
        String provenance = Files.readString(em.resolve(CheckpointIO.PROVENANCE_FILE));
        assertTrue(provenance.contains(CheckpointIO.contentHash(base)), provenance);
    }

    @Test
    void aBaseThatIsNotACheckpointIsOneErrorLine() throws Exception {
        Path notCk = Files.createDirectories(dir.resolve("empty"));
        ByteArrayOutputStream se = new ByteArrayOutputStream();
        int code = Viv.run(new String[] {"organism", "train", "em", "--base", notCk.toString(), "--out",
            dir.resolve("em").toString(), "--no-check"}, InputStream.nullInputStream(),
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(se, true, StandardCharsets.UTF_8),
                Map.of());
        String err = se.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, err);
        assertEquals(1, err.lines().filter(l -> !l.isBlank()).count(), err);
        assertTrue(err.startsWith("error: --base " + notCk + " is not a Vivarium checkpoint"), err);
    }
}
