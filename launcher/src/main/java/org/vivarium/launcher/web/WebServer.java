package org.vivarium.launcher.web;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.vivarium.api.VivariumException;
import org.vivarium.api.web.WebHost;
import org.vivarium.launcher.host.HostOptions;
import org.vivarium.launcher.host.VivariumHost;
import org.vivarium.launcher.plugins.PluginInfo;

/**
 * The web server of {@code viv serve}: installs Felix HTTP Jetty (and the bundles it needs) from a directory
 * into the running host, waits for its Servlet Whiteboard runtime, and registers the pages as whiteboard
 * servlets from the host. It also registers the {@link WebHost} service, so plugin page components (whiteboard servlets
 * of their own bundles) come up while it serves, and a security-header filter over every path. Closing it unregisters
 * all of that and uninstalls the Jetty bundles again.
 *
 * <pre>{@code
 * try (WebServer web = WebServer.start(host, ServeOptions.parse(args, workDir), home.resolve("bundles/web"))) {
 *     System.out.println("serving " + web.url());
 * }
 * }</pre>
 */
public final class WebServer implements AutoCloseable {
    /** The Jakarta Servlet Whiteboard runtime service Felix HTTP Jetty registers once it listens. */
    static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    static final String PATTERN = "osgi.http.whiteboard.servlet.pattern";
    static final String NAME = "osgi.http.whiteboard.servlet.name";
    static final String FILTER_PATTERN = "osgi.http.whiteboard.filter.pattern";
    static final String FILTER_NAME = "osgi.http.whiteboard.filter.name";
    private static final long START_TIMEOUT_MS = 20_000;

    private final List<Bundle> bundles;
    private final List<ServiceRegistration<?>> pages = new ArrayList<>();
    private PageFrame frame = PageFrame.PLAIN;
    private final WebIndex index;
    private final RunsDirectory runs;
    private final URI url;
    private final int port;

    private WebServer(List<Bundle> bundles, WebIndex index, RunsDirectory runs, URI url, int port) {
        this.bundles = bundles;
        this.index = index;
        this.runs = runs;
        this.url = url;
        this.port = port;
    }

    /**
     * Starts the server inside a running host.
     *
     * @param host the started host (its plugins feed the home page)
     * @param options port, bind address and index
     * @param webBundles directory of the Jetty bundle jars ({@code <home>/bundles/web})
     * @return the running server
     * @throws VivariumException if the bundles are missing or broken, or Jetty does not come up
     */
    public static WebServer start(VivariumHost host, ServeOptions options, Path webBundles) {
        return start(host, options, webBundles, Path.of("").toAbsolutePath());
    }

    /**
     * Starts the server inside a running host, with the directory plugin pages resolve user paths against.
     *
     * @param host the started host (its plugins feed the home page)
     * @param options port, bind address and index
     * @param webBundles directory of the Jetty bundle jars ({@code <home>/bundles/web})
     * @param workDir the work directory plugin pages read checkpoints and files from ({@link WebHost#workDir()})
     * @return the running server
     * @throws VivariumException if the bundles are missing or broken, or Jetty does not come up
     */
    public static WebServer start(VivariumHost host, ServeOptions options, Path webBundles, Path workDir) {
        return start(host.bundleContext(), () -> host.plugins().list(), options, webBundles, workDir);
    }

    static WebServer start(BundleContext context, Supplier<List<PluginInfo>> plugins, ServeOptions options,
            Path webBundles, Path workDir) {
        List<Path> jars = jars(webBundles);
        if (context.getBundle(0).getBundleContext().getServiceReference(RUNTIME) != null) {
            throw new VivariumException("a web server already runs in this host", "stop it first");
        }
        Map<String, String> jetty = new LinkedHashMap<>();
        jetty.put("org.osgi.service.http.port", Integer.toString(options.port()));
        jetty.put("org.apache.felix.http.host", options.host());
        jetty.put("org.apache.felix.http.enable", "true");
        jetty.put("org.apache.felix.https.enable", "false");
        jetty.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        // Felix answers BundleContext.getProperty from the system properties for keys the framework config lacks
        Map<String, String> previous = new LinkedHashMap<>();
        jetty.forEach((k, v) -> previous.put(k, System.getProperty(k)));
        List<Bundle> installed = new ArrayList<>();
        WebIndex index = new WebIndex(options.index(), options.searchTimeLimit(), options.maxSearches());
        try {
            jetty.forEach(System::setProperty);
            for (Path jar : jars) {
                installed.add(context.installBundle(jar.toUri().toString()));
            }
            for (Bundle b : installed) {
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    b.start();
                }
            }
            int port = awaitPort(context, options);
            URI url = URI.create("http://" + (options.host().contains(":") && !options.host().startsWith("[")
                    ? "[" + options.host() + "]" : options.host()) + ":" + port + "/");
            WebServer server = new WebServer(installed, index, new RunsDirectory(options.runs()), url, port);
            try {
                server.register(context, plugins);
                server.registerPluginSupport(context, workDir);
                server.awaitReady();
            } catch (RuntimeException e) {
                server.close(); // no WebHost may outlive a failed start
                throw e;
            }
            return server;
        } catch (BundleException e) {
            uninstall(installed);
            index.close();
            throw new VivariumException("the web bundles in " + webBundles + " failed: " + e.getMessage(),
                    "rebuild the distribution with 'mvn -B -ntp -DskipTests package'", e);
        } catch (RuntimeException e) {
            uninstall(installed);
            index.close();
            throw e;
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    /** @return the address to open in a browser, e.g. {@code http://127.0.0.1:8077/} */
    public URI url() {
        return url;
    }

    /** @return the index the pages search (package-private: tests hold its search permits) */
    WebIndex index() {
        return index;
    }

    /** @return the port the server listens on */
    public int port() {
        return port;
    }

    private void register(BundleContext context, Supplier<List<PluginInfo>> plugins) {
        frame = new PageFrame(new PluginPages(context));
        page(context, "home", "/", new HomePage(plugins, index, new PluginPages(context), runs));
        page(context, "search", "/search", new SearchPage(index));
        FeatureArtifacts artifacts = new FeatureArtifacts(runs.root());
        page(context, "feature", "/feature/*", new FeaturePage(index, artifacts));
        page(context, "static", "/static/*", new StaticFiles());
        page(context, "api-search", "/api/search", new ApiServlets.Search(index));
        page(context, "api-feature", "/api/feature/*", new ApiServlets.Feature(index, artifacts));
        page(context, "api-plugins", "/api/plugins", new JsonEndpoint(() -> Map.of("plugins", HomePage.pluginsJson(plugins.get()))));
        page(context, "run", "/run/*", new RunPage(runs));
        page(context, "audit", "/audit/*", new AuditPage(runs));
        page(context, "leaderboard", "/leaderboard/*", new LeaderboardPage(runs));
        page(context, "file", "/file/*", new RunFiles(runs));
        page(context, "api-runs", "/api/runs/*", new RunApiServlets.Runs(runs));
        page(context, "api-audits", "/api/audits/*", new RunApiServlets.Audits(runs));
        page(context, "api-leaderboards", "/api/leaderboards/*", new RunApiServlets.Leaderboards(runs));
    }

    /** @return the servlet patterns this server registered, e.g. {@code /api/runs/*}, in registration order */
    public synchronized List<String> routes() {
        List<String> out = new ArrayList<>();
        for (ServiceRegistration<?> r : pages) {
            try {
                out.add(String.valueOf(r.getReference().getProperty(PATTERN)));
            } catch (IllegalStateException e) {
                // unregistered meanwhile
            }
        }
        return out;
    }

    /**
     * What plugin pages rely on: security headers over every path, {@code /api/pages}, {@code /api/csrf}, and last
     * the {@link WebHost} service (plugin page components reference it, so their servlets appear now and, as it is
     * unregistered first, go first on close).
     */
    private void registerPluginSupport(BundleContext context, Path workDir) {
        CsrfToken csrf = new CsrfToken();
        Hashtable<String, Object> filter = new Hashtable<>();
        filter.put(FILTER_PATTERN, "/*");
        filter.put(FILTER_NAME, "vivarium-security-headers");
        pages.add(context.registerService(Filter.class, new SecurityHeaders(), filter));
        PluginPages plugins = new PluginPages(context);
        page(context, "api-pages", "/api/pages", new JsonEndpoint(() -> Map.of("pages", plugins.json())));
        page(context, "api-csrf", "/api/csrf", new JsonEndpoint(() -> Map.of("token", csrf.value(),
                "header", WebHost.CSRF_HEADER, "parameter", WebHost.CSRF_PARAMETER)));
        pages.add(context.registerService(WebHost.class, new HostWebServices(csrf, workDir, frame), new Hashtable<>()));
    }

    private void page(BundleContext context, String name, String pattern, Servlet servlet) {
        if (servlet instanceof PageServlet p) {
            p.frame(frame);
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(PATTERN, pattern);
        props.put(NAME, "vivarium-" + name);
        pages.add(context.registerService(Servlet.class, servlet, props));
    }

    private static int awaitPort(BundleContext context, ServeOptions options) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            try {
                ServiceReference<?>[] refs = context.getServiceReferences(RUNTIME, null);
                if (refs != null) {
                    for (ServiceReference<?> ref : refs) {
                        for (String endpoint : strings(ref.getProperty("osgi.http.endpoint"))) {
                            int p = URI.create(endpoint).getPort();
                            if (p > 0) {
                                return p;
                            }
                        }
                    }
                }
                Thread.sleep(50);
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new VivariumException("the web server did not start on " + options.host() + ":" + options.port(),
                "the port may be in use or the address not local; pass another --port or --host (--debug shows why)");
    }

    /** Waits until the whiteboard serves the pages (registration is asynchronous in some runtimes). */
    private void awaitReady() {
        String bound = url.getHost().replace("[", "").replace("]", "");
        boolean wildcard = bound.equals("0.0.0.0") || bound.equals("::");
        URI probe = wildcard || new ServeOptions(port, bound, Path.of(".")).loopback()
                ? URI.create("http://127.0.0.1:" + port + "/api/plugins") : url.resolve("/api/plugins");
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) probe.toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                int code = c.getResponseCode();
                c.disconnect();
                if (code == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet listening
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new VivariumException("the web pages did not appear at " + url, "run with --debug to see Jetty's log");
    }

    private static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof String[] a) {
            return List.of(a);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static List<Path> jars(Path dir) {
        return HostOptions.bundleJars(dir, "web bundles");
    }

    private static void uninstall(List<Bundle> bundles) {
        for (int i = bundles.size() - 1; i >= 0; i--) {
            try {
                bundles.get(i).uninstall();
            } catch (BundleException | IllegalStateException e) {
                // the framework is stopping anyway
            }
        }
    }

    /** Unregisters the pages, uninstalls the Jetty bundles and closes the index. Idempotent. */
    @Override
    public synchronized void close() {
        for (int i = pages.size() - 1; i >= 0; i--) {
            try {
                pages.get(i).unregister();
            } catch (IllegalStateException e) {
                // already gone with the framework
            }
        }
        pages.clear();
        uninstall(bundles);
        bundles.clear();
        index.close();
    }
}
