/**
 * Questions, answers and the decoder's text format: a placeholder token carrying the subject's activation, the
 * question, and the answer on the same line.
 */
package org.vivarium.plugin.latentqa.qa;
