/** {@code viv run}: run a checkpoint on a prompt, show predictions and cached activations. */
package org.vivarium.launcher.run;
