package org.vivarium.report.plot;

/**
 * A JFreeChart series or category key: unique by position, shown by name, so two series (or categories)
 * may share a name without being merged.
 *
 * @param index the position, which orders the keys
 * @param name the text shown in legends and on axes
 */
record SeriesKey(int index, String name) implements Comparable<SeriesKey> {
    @Override
    public int compareTo(SeriesKey o) {
        return Integer.compare(index, o.index);
    }

    @Override
    public String toString() {
        return name;
    }
}
