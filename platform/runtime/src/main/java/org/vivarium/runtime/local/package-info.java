/**
 * Running method plugins outside the OSGi host: a {@link org.vivarium.runtime.local.LocalMethodContext} over the
 * real DJL runtime and fine-tuner, for plugin tests and for embedding a plugin's commands in another program.
 */
package org.vivarium.runtime.local;
