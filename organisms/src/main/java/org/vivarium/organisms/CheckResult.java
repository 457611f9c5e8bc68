package org.vivarium.organisms;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The verdict of an organism check against its truth card.
 *
 * @param organism organism name
 * @param passed whether every planted property was found at the stated strength
 * @param findings one human-readable line per planted property, with the measured numbers
 * @param metrics the measured numbers by name
 * @param report the Markdown report written
 */
public record CheckResult(String organism, boolean passed, List<String> findings, Map<String, Double> metrics,
        Path report) {
}
