package org.vivarium.report.plot;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * A drawn chart plus where its parts went (in logical units), so tests can look inside the right regions.
 *
 * @param image the pixels
 * @param area the plot area (inside the axes)
 * @param legend the legend box, or null when no legend was drawn
 */
record Rendered(BufferedImage image, Rectangle2D area, Rectangle2D legend) {
}
