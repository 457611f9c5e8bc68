package org.vivarium.plugin.probes.cli;

import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.plugin.probes.report.ProbesSummary;

/** {@code viv probes show DIR}: prints the provenance and scores saved in a fit's {@code probes.json}. */
public final class ShowCommand implements MethodCommand {

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String usage() {
        return "DIR";
    }

    @Override
    public String summary() {
        return "print the probes saved by 'viv probes fit' (DIR or DIR/probes.json)";
    }

    @Override
    public int run(CommandInput args, MethodContext ctx) {
        String dir = args.onlyPositional("the fit's output DIR");
        ProbesSummary.print(ctx.workDir().resolve(dir), ctx.out());
        return 0;
    }
}
