/**
 * Testing method plugins outside the OSGi host, for plugin authors (a test-scope dependency; plugin main code
 * never sees it). A plugin's tests need nothing but the API and this package:
 * <ul>
 * <li>{@link org.vivarium.testkit.LocalMethodContext}: a {@code MethodContext} over the real DJL runtime and
 * fine-tuner, optionally a real activation cache, with captured output and a log of finished progress
 * displays; {@code ctx.run(method, "fit", args...)} runs a command as {@code viv} would;</li>
 * <li>{@link org.vivarium.testkit.TestRuntime}: the one runtime a test JVM shares;</li>
 * <li>{@link org.vivarium.testkit.TinyCheckpoint}: a seeded random character-level checkpoint over any
 * corpus, written in milliseconds;</li>
 * <li>{@link org.vivarium.testkit.TestAuditTarget} and {@link org.vivarium.testkit.Meters}: audit targets
 * and behaviour meters as the host builds them, without an answer key;</li>
 * <li>{@link org.vivarium.testkit.TestIndexes}: a real context index;
 * {@link org.vivarium.testkit.RecordingProgress}: a silent progress that counts;
 * {@link org.vivarium.testkit.TestFiles}: JVM-wide scratch directories, tree deletion, JSON reading.</li>
 * </ul>
 * See {@code docs/PLUGINS.md}, <i>Testing outside the host</i>, for a whole plugin and its test.
 */
package org.vivarium.testkit;
