package org.vivarium.api.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.vivarium.api.VivariumException;

class CommandArgsTest {
    private static final String USAGE = "viv m cmd CKPT --n N [--x X] [--on]";
    private static final Set<String> VALUED = Set.of("n", "x", "list", "file");

    private static CommandArgs parse(String... args) {
        return CommandArgs.parse(List.of(args), VALUED, Set.of("on"), USAGE);
    }

    @Test
    void parsesPositionalsBothOptionSpellingsAndSwitches() {
        CommandArgs a = parse("ckpt", "--n", "7", "--x=0.5", "--on", "--", "--list", "--on");
        assertEquals(List.of("ckpt", "--"), a.positionals(), "a lone -- is a positional");
        assertEquals("--on", a.get("list", null), "the word after a valued option is its value");
        assertEquals(7, a.getInt("n", 1));
        assertEquals(7L, a.getLong("n", 1));
        assertEquals(0.5, a.getDouble("x", 1));
        assertTrue(a.flag("on"));
        assertTrue(a.has("n"));
        assertFalse(a.has("file"));
        assertFalse(a.flag("n"), "a valued option is not a switch");

        CommandArgs none = parse("ckpt");
        assertEquals("ckpt", none.onlyPositional("a checkpoint"));
        assertFalse(none.flag("on"));
        assertEquals("d", none.get("x", "d"));
        assertEquals(40, none.getInt("n", 40, 1, 100));
        assertEquals(-5L, none.getLong("n", -5));
        assertEquals(2.5, none.getPositive("x", 2.5));
        assertEquals(List.of(1.0), none.getNumbers("list", List.of(1.0)));
        assertEquals(List.of("a"), none.getList("list", List.of("a")));
        assertEquals(Optional.empty(), none.path("file", Path.of("w")));
        parse("--n", "1").noPositionals();
    }

    @Test
    void typedGettersParseTrimAndCheckBounds() {
        CommandArgs a = parse("--n", " 12 ", "--x", "0", "--list", " a, ,b ,");
        assertEquals(12, a.getInt("n", 0, 12, 12), "bounds are inclusive");
        assertEquals(0.0, a.getNonNegative("x", 1));
        assertEquals(List.of("a", "b"), a.getList("list", List.of()));
        assertEquals(List.of(0.0, 2.0, 4.5), parse("--list", "0, 2,4.5").getNumbers("list", List.of()));
        assertEquals(-3L, parse("--n", "-3").getLong("n", 0));
    }

    @Test
    void pathsResolveAgainstTheWorkDirAndNormalise() {
        Path work = Path.of("work", "dir").toAbsolutePath();
        CommandArgs a = parse("--file", "runs/./a/../b.tsv", "--x", work.resolve("abs").toString());
        assertEquals(work.resolve("runs/b.tsv"), a.requirePath("file", "FILE", work));
        assertEquals(Optional.of(work.resolve("runs/b.tsv")), a.path("file", work));
        assertEquals(Optional.of(work.resolve("abs")), a.path("x", Path.of("elsewhere")), "absolute stays absolute");
        assertProblem(() -> parse("--file", " ").path("file", work), "--file is empty");
        assertProblem(() -> parse().requirePath("file", "FILE.tsv (prompts)", work),
                "missing --file FILE.tsv (prompts)");
    }

    @Test
    void parseErrorsNameTheOptionAndShowTheUsage() {
        assertProblem(() -> parse("--bogus", "1"), "unknown option --bogus");
        assertProblem(() -> parse("x", "--n"), "option --n needs a value");
        assertProblem(() -> parse("--n", "1", "--n=2"), "option --n is given twice");
        assertProblem(() -> parse("--on", "--on"), "option --on is given twice");
        assertProblem(() -> parse("--on=yes"), "option --on takes no value, got \"yes\"");
        assertThrows(IllegalArgumentException.class,
                () -> CommandArgs.parse(List.of(), Set.of("a"), Set.of("a"), USAGE), "a name cannot be both");
    }

    @Test
    void accessorErrorsNameTheOptionAndShowTheUsage() {
        assertProblem(() -> parse().onlyPositional("a checkpoint"), "missing a checkpoint");
        assertProblem(() -> parse("a", "b").onlyPositional("a checkpoint"),
                "too many arguments [a, b]; expected only a checkpoint");
        assertProblem(() -> parse("extra", "more").noPositionals(), "unexpected argument \"extra\"");
        assertProblem(() -> parse().require("n", "N (steps)"), "missing --n N (steps)");
        assertProblem(() -> parse("--n", "  ").require("n", "N"), "missing --n N");
        assertProblem(() -> parse("--n", "0").getInt("n", 1, 1, 9), "--n \"0\" is not an integer from 1 to 9");
        assertProblem(() -> parse("--n", "1.5").getInt("n", 1), "--n \"1.5\" is not an integer");
        assertProblem(() -> parse("--n", "x").getLong("n", 1), "--n \"x\" is not an integer");
        assertProblem(() -> parse("--x", "NaN").getDouble("x", 1), "--x \"NaN\" is not a number");
        assertProblem(() -> parse("--n", "99999999999").getInt("n", 1),
                "--n \"99999999999\" is not an integer from -2147483648 to 2147483647");
        assertProblem(() -> parse("--n", "-5").getLong("n", 1, 1, 1000), "--n \"-5\" is not an integer from 1 to 1000");
        assertProblem(() -> parse("--n", "99999999999999999999").getLong("n", 1),
                "--n \"99999999999999999999\" is not an integer from -9223372036854775808 to 9223372036854775807");
        assertEquals(7L, parse("--n", "7").getLong("n", 1, 1, 1000));
        assertEquals(-1L, parse().getLong("n", -1, 1, 1000), "the fallback is not range-checked");
        assertProblem(() -> parse("--x", "0.6").getDouble("x", 0.05, 0, 0.5), "--x \"0.6\" is not a number from 0.0 to 0.5");
        assertEquals(0.5, parse("--x", "0.5").getDouble("x", 0.05, 0, 0.5));
        assertProblem(() -> parse("--x", "-1").getNonNegative("x", 1), "--x \"-1\" is not a number >= 0");
        assertProblem(() -> parse("--x", "0").getPositive("x", 1), "--x \"0\" is not a number > 0");
        assertProblem(() -> parse("--list", " , ").getList("list", List.of()), "--list is empty");
        assertProblem(() -> parse("--list", "1,a").getNumbers("list", List.of()), "--list entry \"a\" is not a number");
        assertProblem(() -> parse("--list", "1,Infinity").getNumbers("list", List.of()),
                "--list entry \"Infinity\" is not a number");
    }

    private static void assertProblem(Executable call, String problem) {
        VivariumException e = assertThrows(VivariumException.class, call);
        assertEquals(problem, e.problem());
        assertEquals("usage: " + USAGE, e.fix());
        assertEquals(problem + " — usage: " + USAGE, e.getMessage(), "one line: the problem, then the usage");
    }
}
