/** Test helpers: bundle jars built on the fly from test classes, and a recording plugin listener. */
package org.vivarium.launcher.support;
