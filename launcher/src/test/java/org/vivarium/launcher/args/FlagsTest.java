package org.vivarium.launcher.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vivarium.launcher.cli.UsageException;

class FlagsTest {
    private static final String USAGE = "thing [--steps N] [--lr X]";

    private static Flags parse(String... args) {
        return Flags.parse(List.of(args), Set.of("steps", "lr"), Set.of(), USAGE);
    }

    private static void assertProblem(String problem, Runnable call) {
        UsageException e = assertThrows(UsageException.class, call::run);
        assertEquals(problem + " — usage: viv " + USAGE, e.getMessage());
    }

    @Test
    void wholeNumbersOutsideTheirRangeNameOptionValueAndRange() {
        assertProblem("--steps \"-5\" is out of range (allowed: 1 to 100)", () -> parse("--steps", "-5").intValue("steps", 0, 1, 100));
        assertProblem("--steps \"0\" is out of range (allowed: 1 to 100)", () -> parse("--steps=0").intValue("steps", 0, 1, 100));
        assertProblem("--steps \"99999999999\" is out of range (allowed: -2147483648 to 2147483647)",
                () -> parse("--steps", "99999999999").intValue("steps", 0));
        assertProblem("--steps \"99999999999999999999\" is out of range (allowed: 1 to 100)",
                () -> parse("--steps", "99999999999999999999").longValue("steps", 0, 1, 100));
        assertProblem("--steps must be a whole number from 1 to 100, got \"1e3\"",
                () -> parse("--steps", "1e3").intValue("steps", 0, 1, 100));
        assertEquals(100, parse("--steps", "100").intValue("steps", 0, 1, 100));
        assertEquals(0, parse().intValue("steps", 0, 1, 100), "the default is not range-checked");
    }

    @Test
    void numbersMustBeFiniteAndInRange() {
        assertProblem("--lr \"NaN\" is out of range (allowed: any finite number)", () -> parse("--lr", "NaN").floatValue("lr", 1f));
        assertProblem("--lr \"-1\" is out of range (allowed: 0.0 to 10.0)", () -> parse("--lr", "-1").floatValue("lr", 1f, 0f, 10f));
        assertProblem("--lr must be a number, got \"fast\"", () -> parse("--lr", "fast").floatValue("lr", 1f));
        assertEquals(0.5f, parse("--lr", "0.5").floatValue("lr", 1f, 0f, 10f));
    }

    @Test
    void unknownOptionsSuggestTheClosestKnownOne() {
        assertProblem("unknown option --step — did you mean --steps?", () -> parse("--step", "5"));
        assertProblem("unknown option --lrr — did you mean --lr?", () -> parse("--lrr=0.1"));
        assertProblem("unknown option --frobnicate (known: --lr, --steps)", () -> parse("--frobnicate"));
        assertProblem("--steps needs a value", () -> parse("--steps"));
    }

    @Test
    void positionalsKeepTheirOrderAndTheLastValueWins() {
        Flags f = parse("a", "--steps", "-5", "b", "--steps=7", "@notafile");
        assertEquals(List.of("a", "b", "@notafile"), f.positional());
        assertEquals(7, f.intValue("steps", 0));
        assertEquals("--x", Flags.parse(List.of("--", "--x"), Set.of(), Set.of(), USAGE).positional(0, "x"));
        assertTrue(Flags.parse(List.of("--reveal"), Set.of(), Set.of("reveal"), USAGE).has("reveal"));
        assertProblem("--reveal takes no value",
                () -> Flags.parse(List.of("--reveal=yes"), Set.of(), Set.of("reveal"), USAGE));
    }
}
