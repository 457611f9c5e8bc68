/**
 * {@code viv cache}, {@code viv index} and {@code viv search}: the shared activation cache and the
 * full-text context index from the command line.
 */
package org.vivarium.launcher.data;
