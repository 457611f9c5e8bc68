/** A Declarative Services component packed into test plugin bundles with a hand-written descriptor. */
package org.vivarium.launcher.testplugins.ds;
