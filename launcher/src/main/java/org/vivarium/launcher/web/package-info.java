/**
 * {@code viv serve}: read-only web pages and their JSON API, served by Felix HTTP Jetty through the OSGi
 * Servlet Whiteboard inside the same Felix host. The servlets are registered from the host as whiteboard
 * services; every page answers GET/HEAD only, so no CSRF token is needed in this slice.
 */
package org.vivarium.launcher.web;
