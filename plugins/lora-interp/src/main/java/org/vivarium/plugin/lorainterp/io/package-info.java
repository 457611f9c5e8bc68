/** Reading the files the CLI takes: prompt files and directions saved by the steering plugin. */
package org.vivarium.plugin.lorainterp.io;
