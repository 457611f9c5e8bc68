/** Reading the labelled prompt set ({@code label<TAB>text} lines) that probes are fitted on. */
package org.vivarium.plugin.probes.data;
