package org.vivarium.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.ActivationCache;
import org.vivarium.api.method.Method;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;

class LocalMethodContextTest {
    @TempDir
    Path work;

    /** A method whose one command prints its arguments and reports 3 units of progress. */
    private static final Method ECHO = new Method() {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String description() {
            return "prints its arguments";
        }

        @Override
        public List<MethodCommand> commands() {
            return List.of(new MethodCommand() {
                @Override
                public String name() {
                    return "say";
                }

                @Override
                public String usage() {
                    return "viv echo say WORDS";
                }

                @Override
                public String summary() {
                    return "prints WORDS";
                }

                @Override
                public int run(CommandInput input, MethodContext ctx) {
                    List<String> args = input.positionals();
                    try (Progress p = ctx.progress("echo", 3, "word")) {
                        p.advance(2);
                        p.metric("loss", 0.5);
                        p.advance(1);
                    }
                    ctx.out().println(String.join(" ", args));
                    return args.size();
                }
            });
        }
    };

    @Test
    void runsACommandCapturingOutputAndFinishedProgress() throws Exception {
        LocalMethodContext ctx = LocalMethodContext.in(work);
        assertEquals(2, ctx.run(ECHO, "say", "hello", "world"));
        assertEquals("hello world\n", ctx.output());
        assertEquals(List.of("echo 3/3 word"), ctx.progressLog());
        assertSame(TestRuntime.shared(), ctx.runtime());
        assertEquals(work, ctx.workDir());
    }

    @Test
    void anUnknownCommandListsTheMethodsCommands() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalMethodContext.command(ECHO, "shout"));
        assertEquals("method echo has no command shout; it has [say]", e.getMessage());
    }

    @Test
    void aCacheOpensOnlyWhenAskedFor() throws Exception {
        VivariumException none = assertThrows(VivariumException.class,
                () -> LocalMethodContext.in(work).openCache(work.resolve("cache")));
        assertTrue(none.getMessage().contains("withCache"), none.getMessage());
        try (ActivationCache cache = LocalMethodContext.withCache(work).openCache(work.resolve("runs/cache"))) {
            assertTrue(cache.runs().isEmpty());
        }
        assertTrue(Files.isDirectory(work.resolve("runs/cache")));
    }

    @Test
    void theFineTunerRunsOnTheContextsRuntime() {
        assertTrue(LocalMethodContext.in(work).fineTuner() != null);
    }
}
