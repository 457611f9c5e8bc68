/**
 * The steering playground, the plugin's page in {@code viv serve}: a form (checkpoint, a saved direction or one
 * computed from contrasting prompts, hook, coefficient, prompt) whose POST generates the steered continuation beside
 * the unsteered one, and the same as JSON at {@code /api/steering/generate}. Both are whiteboard servlets of this
 * bundle, use the host's {@link org.vivarium.api.web.WebHost} for the page frame and the CSRF check, and share one
 * {@link org.vivarium.plugin.steering.web.Playground}, which runs one generation at a time.
 */
package org.vivarium.plugin.steering.web;
