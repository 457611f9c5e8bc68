package org.vivarium.launcher.plugins;

/** A reason a plugin jar cannot be installed or started, phrased to follow {@code plugin NAME.jar: }. */
final class PluginFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason e.g. {@code is not a jar (zip) file}
     */
    PluginFailure(String reason) {
        super(reason);
    }
}
