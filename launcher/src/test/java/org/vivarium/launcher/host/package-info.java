/** Tests of the Felix host against the real framework, SCR and generated plugin bundles. */
package org.vivarium.launcher.host;
