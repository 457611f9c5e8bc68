/**
 * {@code viv serve}: web pages and their JSON API, served by Felix HTTP Jetty through the OSGi Servlet Whiteboard
 * inside the same Felix host. The host's own pages are servlets it registers as whiteboard services and answer
 * GET/HEAD only; plugins contribute further pages as whiteboard servlets of their own bundles, using the
 * {@link org.vivarium.api.web.WebHost} service the server registers (page frame, CSRF token for their POSTs, work
 * directory), and the home page lists them. Besides search and feature pages it shows the runs directory
 * ({@link org.vivarium.launcher.web.RunsDirectory}: runs, audits, leaderboards, their plots; nothing outside it can
 * be reached). Queries over 1,000 characters get 400 and searches past the time limit 503, each with the reason.
 */
package org.vivarium.launcher.web;
