package org.vivarium.plugin.probes.report;

import java.util.List;
import org.vivarium.plugin.probes.fit.ProbeResult;
import org.vivarium.report.table.Table;

/** The per-probe results as a {@link Table}, shared by the terminal, CSV, Markdown and HTML outputs. */
public final class ResultsTable {
    private ResultsTable() {
    }

    /**
     * Builds the compact table: hook, layer, kind, held-out accuracy and AUROC, train accuracy, validation accuracy
     * (MLP probes only: the prompts that stopped their training), sizes.
     *
     * @param results the probes
     * @return the table
     */
    public static Table of(List<ProbeResult> results) {
        Table t = Table.of("hook", "layer", "kind", "accuracy", "auroc", "train_acc", "val_acc", "n_train", "n_test");
        for (ProbeResult r : results) {
            t.row(r.hook(), r.layer(), r.probe().kind().id(), r.test().accuracy(), r.test().auroc(),
                    r.train().accuracy(), r.validation().map(v -> (Object) v.accuracy()).orElse(""),
                    r.train().size(), r.test().size());
        }
        return t;
    }
}
