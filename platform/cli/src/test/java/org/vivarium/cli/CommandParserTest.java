package org.vivarium.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;

class CommandParserTest {
    private static final String USAGE = "thing [--steps N] [--lr X] [--big N] [--layers A,B] [--data FILE] [--reveal]";
    private static final List<CommandOption> OPTIONS = List.of(
            CommandOption.integer("steps", "N", "steps", 1, 100),
            CommandOption.integer("big", "N", "a long", 1, Long.MAX_VALUE),
            CommandOption.number("lr", "X", "learning rate", 0, 10),
            CommandOption.list("layers", "A,B", "layers"),
            CommandOption.path("data", "FILE", "the data"),
            CommandOption.flag("reveal", "show it"));

    private static CommandInput parse(String... args) {
        return CommandParser.parse(List.of(args), OPTIONS, USAGE);
    }

    private static void assertProblem(String problem, Runnable call) {
        UsageException e = assertThrows(UsageException.class, call::run);
        assertEquals(problem + " — usage: viv " + USAGE, e.getMessage());
    }

    @Test
    void wholeNumbersOutsideTheirDeclaredRangeAreRejectedWhileParsing() {
        assertProblem("--steps \"-5\" is out of range (allowed: 1 to 100)", () -> parse("--steps", "-5"));
        assertProblem("--steps \"0\" is out of range (allowed: 1 to 100)", () -> parse("--steps=0"));
        assertProblem("--steps \"99999999999\" is out of range (allowed: 1 to 100)", () -> parse("--steps", "99999999999"));
        assertProblem("--big \"99999999999999999999\" is out of range (allowed: 1 to 9223372036854775807)",
                () -> parse("--big", "99999999999999999999"));
        assertProblem("--steps must be a whole number from 1 to 100, got \"1e3\"", () -> parse("--steps", "1e3"));
        assertEquals(100, parse("--steps", "100").getInt("steps", 0));
        assertEquals(0, parse().getInt("steps", 0), "the default is not range-checked");
        assertThrows(IllegalStateException.class, () -> parse("--big", "5").getInt("big", 1), "use getLong");
        assertEquals(5L, parse("--big", "5").getLong("big", 1));
    }

    @Test
    void numbersMustBeFiniteAndInRange() {
        assertProblem("--lr \"NaN\" is out of range (allowed: 0.0 to 10.0)", () -> parse("--lr", "NaN"));
        assertProblem("--lr \"-1\" is out of range (allowed: 0.0 to 10.0)", () -> parse("--lr", "-1"));
        assertProblem("--lr must be a number, got \"fast\"", () -> parse("--lr", "fast"));
        assertEquals(0.5, parse("--lr", "0.5").getDouble("lr", 1));
    }

    @Test
    void unknownOptionsSuggestTheClosestKnownOne() {
        assertProblem("unknown option --step — did you mean --steps?", () -> parse("--step", "5"));
        assertProblem("unknown option --lrr — did you mean --lr?", () -> parse("--lrr=0.1"));
        assertProblem("unknown option --frobnicate (known: --big, --data, --layers, --lr, --reveal, --steps)",
                () -> parse("--frobnicate"));
        assertProblem("--steps needs a value", () -> parse("--steps"));
        assertProblem("--reveal takes no value", () -> parse("--reveal=yes"));
    }

    @Test
    void requiredOptionsListsPathsAndPositionals() {
        List<CommandOption> needsData = List.of(CommandOption.path("data", "FILE.tsv", "labelled prompts").required());
        UsageException e = assertThrows(UsageException.class, () -> CommandParser.parse(List.of("ckpt"), needsData, USAGE));
        assertTrue(e.problem().startsWith("missing --data FILE.tsv (labelled prompts)"), e.problem());
        CommandInput in = parse("a", "--steps", "5", "b", "--steps=7", "@notafile", "--layers", " 1, ,2 ",
                "--data", "x/../d.tsv", "--reveal");
        assertEquals(List.of("a", "b", "@notafile"), in.positionals());
        assertEquals(7, in.getInt("steps", 0), "the last value wins");
        assertEquals(List.of("1", "2"), in.getList("layers", List.of()));
        assertEquals(List.of(1.0, 2.0), in.getNumbers("layers", List.of()));
        assertEquals(Path.of("/w/d.tsv"), in.requirePath("data", Path.of("/w")));
        assertTrue(in.flag("reveal"));
        assertFalse(parse().has("reveal"));
        assertProblem("--layers is empty", () -> parse("--layers", " , "));
        assertProblem("missing query", () -> parse().positional(0, "query"));
        assertProblem("too many arguments [a, b]; expected only CKPT", () -> parse("a", "b").onlyPositional("CKPT"));
        assertProblem("unexpected argument \"a\"", () -> parse("a").noPositionals());
        assertEquals("--x", parse("--", "--x").positional(0, "x"));
        assertThrows(IllegalArgumentException.class, () -> parse().has("undeclared"));
    }
}
