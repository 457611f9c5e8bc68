/**
 * The OSGi host: starts Felix with the platform API exported from the classpath, runs Declarative
 * Services, publishes the {@code ModelRuntime} and tracks the {@code Method} services plugins register.
 */
package org.vivarium.launcher.host;
