package org.vivarium.report.plot;

import org.vivarium.api.VivariumException;

/**
 * Fluent settings shared by all chart builders: title, axis labels, size, pixel scale and legend.
 *
 * @param <B> the concrete builder type, returned by every setter
 */
public abstract class ChartBuilder<B extends ChartBuilder<B>> {
    private String title = "";
    private String xLabel = "";
    private String yLabel = "";
    private int width = 800;
    private int height = 500;
    private double scale = 1;
    private Boolean legend;

    /** Creates a builder with an 800 x 500 canvas at scale 1 and no texts. */
    protected ChartBuilder() {
    }

    /**
     * Returns this builder as its concrete type.
     *
     * @return {@code this}
     */
    protected abstract B self();

    /**
     * Sets the title drawn above the plot.
     *
     * @param text the title; null or empty for none
     * @return this builder
     */
    public B title(String text) {
        this.title = text == null ? "" : text;
        return self();
    }

    /**
     * Sets the label under the x axis.
     *
     * @param text the label, e.g. {@code "step"}; null or empty for none
     * @return this builder
     */
    public B xLabel(String text) {
        this.xLabel = text == null ? "" : text;
        return self();
    }

    /**
     * Sets the label beside the y axis.
     *
     * @param text the label, e.g. {@code "loss"}; null or empty for none
     * @return this builder
     */
    public B yLabel(String text) {
        this.yLabel = text == null ? "" : text;
        return self();
    }

    /**
     * Sets the logical size; the PNG is {@code width * scale} by {@code height * scale} pixels.
     *
     * @param width logical width, 200 to 8000
     * @param height logical height, 150 to 8000
     * @return this builder
     * @throws VivariumException if a dimension is out of range
     */
    public B size(int width, int height) {
        if (width < 200 || height < 150 || width > 8000 || height > 8000) {
            throw new VivariumException("chart size " + width + "x" + height + " is out of range",
                    "use a width of 200..8000 and a height of 150..8000");
        }
        this.width = width;
        this.height = height;
        return self();
    }

    /**
     * Sets the pixel scale, e.g. 2 for sharp images on high-density screens and in slides.
     *
     * @param scale pixels per logical unit, 0.5 to 4
     * @return this builder
     * @throws VivariumException if the scale is out of range
     */
    public B scale(double scale) {
        if (!(scale >= 0.5 && scale <= 4)) {
            throw new VivariumException("chart scale " + scale + " is out of range", "use a scale of 0.5..4, e.g. 2");
        }
        this.scale = scale;
        return self();
    }

    /**
     * Forces the legend on or off; by default it is shown when there are two or more series.
     *
     * @param show true to always show, false to never show
     * @return this builder
     */
    public B legend(boolean show) {
        this.legend = show;
        return self();
    }

    /**
     * Returns the settings collected so far.
     *
     * @return the options
     */
    ChartOptions options() {
        return new ChartOptions(title, xLabel, yLabel, width, height, scale, legend);
    }
}
