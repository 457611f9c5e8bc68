/** Tests of {@code viv bench} commands at test size. */
package org.vivarium.launcher.bench;
