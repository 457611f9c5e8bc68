package org.vivarium.plugin.steering.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class CommandArgsTest {
    private static CommandArgs parse(String... args) {
        return CommandArgs.parse(List.of(args), Set.of("coeffs", "tokens"), Set.of("ablate"), "viv x CKPT");
    }

    @Test
    void parsesPositionalsOptionsAndFlags() {
        CommandArgs a = parse("runs/x", "--coeffs", "0, 2,4.5", "--tokens=12", "--ablate");
        assertEquals("runs/x", a.onlyPositional("a checkpoint"));
        assertEquals(List.of(0.0, 2.0, 4.5), a.getNumbers("coeffs", List.of()));
        assertEquals(12, a.getInt("tokens", 40, 1, 100));
        assertTrue(a.flag("ablate"));
        assertFalse(parse("runs/x").flag("ablate"));
        assertEquals(40, parse("runs/x").getInt("tokens", 40, 1, 100));
    }

    @Test
    void badInputNamesTheProblemAndTheUsage() {
        assertTrue(assertThrows(VivariumException.class, () -> parse("--nope", "1")).getMessage()
                .contains("unknown option --nope — usage: viv x CKPT"));
        assertTrue(assertThrows(VivariumException.class, () -> parse("x", "--tokens")).getMessage()
                .contains("needs a value"));
        assertTrue(assertThrows(VivariumException.class, () -> parse("x", "--tokens", "0").getInt("tokens", 1, 1, 9))
                .getMessage().contains("not an integer from 1 to 9"));
        assertTrue(assertThrows(VivariumException.class, () -> parse("x", "--coeffs", "1,a").getNumbers("coeffs",
                List.of())).getMessage().contains("entry \"a\" is not a number"));
        assertTrue(assertThrows(VivariumException.class, () -> parse().onlyPositional("a checkpoint")).getMessage()
                .startsWith("missing a checkpoint"));
        assertTrue(assertThrows(VivariumException.class, () -> parse("x", "--ablate", "--ablate")).getMessage()
                .contains("given twice"));
    }
}
