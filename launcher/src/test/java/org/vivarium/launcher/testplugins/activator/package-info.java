/** Classes packed into test plugin bundles that register a Method from a BundleActivator. */
package org.vivarium.launcher.testplugins.activator;
