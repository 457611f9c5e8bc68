package org.vivarium.organisms.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.ClaimKind;

class CardSealTest {
    private static final String SECRET = "|zebra|";
    private static final TruthCard CARD = new TruthCard("backdoor", "a card whose trigger is " + SECRET,
            List.of(new Planted("trigger", ClaimKind.TRIGGER, "prompt text", "the string " + SECRET,
                    Map.of("trigger", SECRET))));

    @TempDir
    Path run;

    private static byte[] key(int fill) {
        byte[] k = new byte[CardSeal.KEY_BYTES];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    @Test
    void roundTripsAndHidesTheCard() throws Exception {
        assertFalse(CardSeal.isSealed(run));
        CardSeal.seal(CARD, run, key(1));
        assertTrue(CardSeal.isSealed(run));
        String text = Files.readString(CardSeal.file(run));
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains("zebra"), text);
        assertEquals(CARD, CardSeal.unseal(run, key(1)));
        assertTrue(CardSeal.sealedWith(run, key(1)));
    }

    @Test
    void anotherKeyIsRefusedNamingTheRun() {
        CardSeal.seal(CARD, run, key(1));
        assertFalse(CardSeal.sealedWith(run, key(2)));
        VivariumException e = assertThrows(VivariumException.class, () -> CardSeal.unseal(run, key(2)));
        assertEquals("the truth card of " + run + " was sealed with another host key", e.problem());
        assertEquals("audit on the machine that trained it, or retrain", e.fix());
    }

    @Test
    void aChangedFileFailsAuthentication() throws Exception {
        CardSeal.seal(CARD, run, key(1));
        Path f = CardSeal.file(run);
        String text = Files.readString(f);
        int at = text.indexOf("data: ") + 10;
        char c = text.charAt(at);
        Files.writeString(f, text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1));
        VivariumException e = assertThrows(VivariumException.class, () -> CardSeal.unseal(run, key(1)));
        assertTrue(e.problem().contains("damaged"), e.getMessage());
    }

    @Test
    void aMissingCardOrAShortKeyIsNamed() {
        VivariumException e = assertThrows(VivariumException.class, () -> CardSeal.unseal(run, key(1)));
        assertTrue(e.problem().contains("no sealed truth card"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CardSeal.seal(CARD, run, new byte[16]));
    }
}
