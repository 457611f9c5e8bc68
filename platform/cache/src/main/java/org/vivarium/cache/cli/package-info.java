/** The logic behind {@code viv cache ls|export|rm}: parsed arguments in, text out. */
package org.vivarium.cache.cli;
