/**
 * What the host offers the web pages a plugin contributes to {@code viv serve}: a plugin registers a servlet
 * through the OSGi HTTP Whiteboard (a Declarative Services component with
 * {@code osgi.http.whiteboard.servlet.pattern}) and takes the shared page frame, the CSRF token and the work
 * directory from the {@link org.vivarium.api.web.WebHost} service; {@link org.vivarium.api.web.HtmlText} escapes
 * every user string.
 */
@Export
@Version("1.0.0")
package org.vivarium.api.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
