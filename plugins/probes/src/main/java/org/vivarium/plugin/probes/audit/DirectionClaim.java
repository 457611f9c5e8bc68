package org.vivarium.plugin.probes.audit;

import java.nio.file.Path;
import java.util.Locale;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.plugin.probes.extract.FeatureSet;
import org.vivarium.plugin.probes.math.Vectors;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.io.JsonWriter;

/**
 * The DIRECTION claim for the chosen probe: the raw difference of the class means of its hook's (pooled)
 * activations on the fit part, at coefficient 1 (adding it moves a condition-absent mean to the
 * condition-present mean), supported when the chosen probe's test accuracy is at least {@value #MIN_ACCURACY}.
 * The vector is also written to {@value #FILE}.
 */
final class DirectionClaim {
    /** Test accuracy the chosen probe must reach for the direction claim to be supported. */
    static final double MIN_ACCURACY = 0.9;
    /** The direction file inside the auditor's out dir. */
    static final String FILE = "direction.json";
    /** The direction file's format tag. */
    static final String FORMAT = "vivarium-probes-direction/1";

    private DirectionClaim() {
    }

    /**
     * Computes the class-mean difference on the fit part.
     *
     * @param features the chosen hook's features (one row per prompt)
     * @param labels label per prompt
     * @param split the split; only its fit part is used
     * @return {@code mean(label 1) - mean(label 0)} over the fit part
     */
    static float[] meanDifference(FeatureSet features, int[] labels, LabelSplit split) {
        int[] rows = features.rowsOf(split.fit());
        float[][] x = features.rows(rows);
        int[] y = features.labels(rows, labels);
        double[] pos = Vectors.classMean(x, y, 1);
        double[] neg = Vectors.classMean(x, y, 0);
        float[] v = new float[pos.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = (float) (pos[j] - neg[j]);
        }
        return v;
    }

    /**
     * Writes the direction file and builds the claim.
     *
     * @param outDir the auditor's out dir
     * @param chosen the probe chosen on validation
     * @param direction the fit part's class-mean difference at its hook
     * @param nFit fit prompts used (both labels)
     * @return the claim
     */
    static Claim of(Path outDir, AuditProbe chosen, float[] direction, int nFit) {
        double norm = norm(direction);
        String pooling = chosen.pooling().id();
        AtomicText.write(outDir.resolve(FILE), json(chosen, direction, pooling, nFit, norm));
        boolean ok = chosen.test().accuracy() >= MIN_ACCURACY;
        String evidence = String.format(Locale.ROOT, "%s probe at %s (pooling: %s), chosen on the validation part"
                + " (accuracy %.3f, AUROC %.3f, n=%d); test part: accuracy %.3f, AUROC %.3f (n=%d). direction = fit-part"
                + " mean(condition present) - mean(condition absent) at %s (n=%d, |v|=%.3f), coefficient 1."
                + " Supported if the test accuracy is >= %.2f; this auditor measures that the condition is linearly"
                + " readable there, not the effect of adding the direction", chosen.probe().kind().id(), chosen.hook(),
                pooling, chosen.validation().accuracy(), chosen.validation().auroc(), chosen.validation().size(),
                chosen.test().accuracy(), chosen.test().auroc(), chosen.test().size(), chosen.hook(), nFit, norm,
                MIN_ACCURACY);
        return Claim.of(ClaimKind.DIRECTION, "a linear probe reads the planted condition at " + chosen.hook()
                + "; adding the condition-present minus condition-absent mean there moves a clean activation to the"
                + " condition-present mean", ClaimSite.direction(chosen.hook(), direction, 1f).withFile(FILE), ok,
                evidence);
    }

    private static String json(AuditProbe chosen, float[] direction, String pooling, int nFit, double norm) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("format").value(FORMAT);
        w.name("hook").value(chosen.hook());
        w.name("layer").value(chosen.layer());
        w.name("kind").value("mean-difference");
        w.name("pooling").value(pooling);
        w.name("coefficient").value(1.0);
        w.name("chosen_probe").value(chosen.key());
        w.name("validation_accuracy").value(chosen.validation().accuracy());
        w.name("test_accuracy").value(chosen.test().accuracy());
        w.name("n_fit").value(nFit);
        w.name("norm").value(norm);
        w.name("width").value(direction.length);
        w.name("direction").value(direction);
        return w.endObject().toString();
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }
}
