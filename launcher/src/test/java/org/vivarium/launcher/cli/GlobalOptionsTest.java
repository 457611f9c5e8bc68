package org.vivarium.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class GlobalOptionsTest {

    @Test
    void leadingOptionsAreGlobalAndDebugIsAcceptedAnywhere() {
        GlobalOptions options = GlobalOptions.parse(new String[] {"--home", "/h", "probes", "fit", "--debug", "--home", "x"});
        assertEquals("/h", options.home());
        assertTrue(options.debug());
        assertEquals(List.of("probes", "fit", "--home", "x"), options.command());
        GlobalOptions literal = GlobalOptions.parse(new String[] {"run", "--", "--debug"});
        assertFalse(literal.debug());
        assertEquals(List.of("run", "--", "--debug"), literal.command());
    }

    @Test
    void homeWithoutValueIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> GlobalOptions.parse(new String[] {"--home"}));
        assertEquals("--home needs a directory — usage: viv [--home DIR] [--debug] COMMAND [ARGS...]", e.getMessage());
    }

    @Test
    void errorLinesFollowTheOneLinePolicy() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        assertEquals(ExitCodes.ERROR, ErrorReporter.report(new VivariumException("file x is missing", "create it"), err, false));
        assertEquals(ExitCodes.ERROR, ErrorReporter.report(new IOException("disk\nfull"), err, false));
        assertEquals(ExitCodes.USAGE, ErrorReporter.report(new UsageException("bad", "viv x"), err, false));
        assertEquals(List.of("error: file x is missing — create it",
                "error: IOException: disk full — run with --debug for the stack trace",
                "error: bad — usage: viv x"), buffer.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
