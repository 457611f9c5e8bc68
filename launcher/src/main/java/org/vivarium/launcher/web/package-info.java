/**
 * {@code viv serve}: read-only web pages and their JSON API, served by Felix HTTP Jetty through the OSGi
 * Servlet Whiteboard inside the same Felix host. The servlets are registered from the host as whiteboard
 * services; every page answers GET/HEAD only, so no CSRF token is needed in this slice. Besides search and feature
 * pages it shows the runs directory ({@link org.vivarium.launcher.web.RunsDirectory}: runs, audits, leaderboards, their
 * plots; nothing outside it can be reached). Queries over 1,000 characters get 400 and searches past the time limit
 * 503, each with the reason.
 */
package org.vivarium.launcher.web;
