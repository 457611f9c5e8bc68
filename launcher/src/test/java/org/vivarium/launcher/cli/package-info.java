/** In-process tests of the viv command line: dispatch, exit codes, one-line errors, watch mode. */
package org.vivarium.launcher.cli;
