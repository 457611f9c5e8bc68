package org.vivarium.report.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** A finished chart that can be rendered to an image or written as a PNG file. */
public interface Chart {
    /**
     * Draws the chart.
     *
     * @return an RGB image of (width x scale) by (height x scale) pixels
     */
    BufferedImage render();

    /**
     * Renders the chart and writes it as a PNG, atomically (temporary file, then rename). Missing parent
     * directories are created.
     *
     * @param png the file to create or replace
     * @throws org.vivarium.api.VivariumException if the file cannot be written
     */
    void write(Path png);
}
