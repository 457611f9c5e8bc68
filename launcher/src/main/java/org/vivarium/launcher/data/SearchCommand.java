package org.vivarium.launcher.data;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.index.cli.SearchArgs;
import org.vivarium.index.cli.SearchCommandLine;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;

/** {@code viv search "QUERY" [--top N] [--features] [--json] [--index DIR]}. */
public final class SearchCommand implements CliCommand {
    @Override
    public String name() {
        return "search";
    }

    @Override
    public String usage() {
        return SearchArgs.USAGE.replaceFirst("^viv ", "");
    }

    @Override
    public String summary() {
        return "full-text search of the contexts where features fired (e.g. feature:neuron/L0/12 act>2 doctor)";
    }

    @Override
    public int run(List<String> args, CliContext ctx) {
        List<String> a = new ArrayList<>(args);
        if (!a.contains("--index")) {
            a.add("--index");
            a.add(ctx.workDir().resolve(SearchArgs.DEFAULT_INDEX).toString());
        }
        new SearchCommandLine(SearchArgs.parse(a), ctx.out()).run();
        return 0;
    }
}
