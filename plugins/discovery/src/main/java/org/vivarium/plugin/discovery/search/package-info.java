/** The {@code trigger-search} auditor: vocabulary scan and greedy character search for a trigger. */
package org.vivarium.plugin.discovery.search;
