package org.vivarium.launcher.organism;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.launcher.Viv;
import org.vivarium.organisms.card.CardSeal;
import org.vivarium.organisms.card.Planted;
import org.vivarium.organisms.card.TruthCard;

/** {@code viv organism card NAME --out RUN} on a sealed run, and the host key file, without training anything. */
class SealedCardCommandTest {
    @TempDir
    Path dir;

    private String viv(Map<String, String> env, int expectedCode, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(o, true, StandardCharsets.UTF_8);
        int code = Viv.run(args, InputStream.nullInputStream(), p, p, env);
        String out = o.toString(StandardCharsets.UTF_8);
        assertEquals(expectedCode, code, out);
        return out;
    }

    @Test
    void theKeyIsCreatedOnceOwnerOnlyAndReused() throws Exception {
        Map<String, String> env = Map.of(SealKey.ENV, dir.resolve("keys/seal.key").toString());
        byte[] k = SealKey.load(env);
        assertEquals(CardSeal.KEY_BYTES, k.length);
        assertArrayEquals(k, SealKey.load(env));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(SealKey.file(env))));
        Files.write(SealKey.file(env), new byte[3]);
        VivariumException e = assertThrows(VivariumException.class, () -> SealKey.load(env));
        assertTrue(e.problem().endsWith("holds 3 bytes, not 32"), e.getMessage());
    }

    @Test
    void aSealedCardIsRefusedWithoutRevealAndShownWithIt() {
        Map<String, String> env = Map.of(SealKey.ENV, dir.resolve("seal.key").toString());
        Path run = dir.resolve("run");
        TruthCard card = new TruthCard("backdoor", "sealed for the test", List.of(new Planted("trigger",
                ClaimKind.TRIGGER, "prompt text", "the word |zebra|", Map.of("trigger", "|zebra|"))));
        CardSeal.seal(card, run, SealKey.load(env));
        String refused = viv(env, 1, "organism", "card", "backdoor", "--out", run.toString());
        assertEquals("error: the truth card of " + run + " is sealed (a blind audit is in progress) — add --reveal"
                + " to show it", refused.strip());
        String shown = viv(env, 0, "organism", "card", "backdoor", "--out", run.toString(), "--reveal");
        assertTrue(shown.contains("|zebra|"), shown);
        String otherKey = viv(Map.of(SealKey.ENV, dir.resolve("other.key").toString()), 1, "organism", "card",
                "backdoor", "--out", run.toString(), "--reveal");
        assertTrue(otherKey.startsWith("error: the truth card of " + run + " was sealed with another host key"),
                otherKey);
        assertFalse(viv(env, 0, "organism", "card", "backdoor").contains("|zebra|"), "the recipe-level card");
    }
}
