/**
 * What a running plugin command sees: the host's {@code MethodContext} and its progress displays (the
 * platform report module's progress bar).
 */
package org.vivarium.launcher.method;
