package org.vivarium.launcher.web;

import java.util.List;

/**
 * The frame every page is wrapped in, host pages and plugin pages alike: its navigation bar lists the pages installed
 * plugins contribute, read from the service registry on every page, so a plugin's link appears on install and goes
 * on uninstall.
 */
final class PageFrame {
    /** A frame without plugin links (a servlet used outside a server). */
    static final PageFrame PLAIN = new PageFrame(null);
    private final PluginPages plugins;

    /**
     * @param plugins the plugin pages to link, or null for none
     */
    PageFrame(PluginPages plugins) {
        this.plugins = plugins;
    }

    /**
     * @param title the page title (escaped here)
     * @param body the body HTML, already escaped
     * @return the full document
     */
    String page(String title, String body) {
        return Html.page(title, body, plugins == null ? List.of() : plugins.list());
    }
}
