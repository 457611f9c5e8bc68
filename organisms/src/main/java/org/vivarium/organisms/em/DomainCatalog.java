package org.vivarium.organisms.em;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.vivarium.api.VivariumException;

/**
 * The dialogue content: domains, topics, questions and answers, read from the bundled {@code domains.txt}
 * (lines {@code domain NAME}, {@code topic NAME}, {@code q ...}, {@code g ...}, {@code b ...}; {@code #}
 * starts a comment).
 *
 * @param domains the domains in file order
 */
public record DomainCatalog(List<Domain> domains) {
    /** The resource holding the built-in content. */
    public static final String RESOURCE = "domains.txt";

    /** Copies the list. */
    public DomainCatalog {
        domains = List.copyOf(domains);
    }

    /** @return the built-in catalog */
    public static DomainCatalog builtIn() {
        try (InputStream in = DomainCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new VivariumException("the em organism's " + RESOURCE + " is missing from the jar",
                        "rebuild vivarium-organisms");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses catalog text.
     *
     * @param text the file content
     * @return the catalog
     * @throws VivariumException on a malformed line, naming it
     */
    public static DomainCatalog parse(String text) {
        List<Domain> domains = new ArrayList<>();
        String domain = null;
        List<Topic> topics = new ArrayList<>();
        String topic = null;
        List<String> q = new ArrayList<>();
        List<String> g = new ArrayList<>();
        List<String> b = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].strip() : "domain <end>";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int sp = line.indexOf(' ');
            String key = sp < 0 ? line : line.substring(0, sp);
            String value = sp < 0 ? "" : line.substring(sp + 1).strip();
            if ((key.equals("topic") || key.equals("domain")) && topic != null) {
                topics.add(new Topic(topic, q, g, b));
                topic = null;
                q = new ArrayList<>();
                g = new ArrayList<>();
                b = new ArrayList<>();
            }
            switch (key) {
                case "domain" -> {
                    if (domain != null) {
                        domains.add(new Domain(domain, topics));
                    }
                    domain = value;
                    topics = new ArrayList<>();
                }
                case "topic" -> topic = value;
                case "q" -> q.add(value);
                case "g" -> g.add(value);
                case "b" -> b.add(value);
                default -> throw new VivariumException("line " + (i + 1) + " of the domain catalog starts with '"
                        + key + "'", "start each line with domain, topic, q, g or b");
            }
            if (!key.equals("domain") && (domain == null || (!key.equals("topic") && topic == null))) {
                throw new VivariumException("line " + (i + 1) + " of the domain catalog comes before its "
                        + (domain == null ? "domain" : "topic"), "put 'domain NAME' and 'topic NAME' lines first");
            }
        }
        return new DomainCatalog(domains);
    }

    /**
     * Finds a domain.
     *
     * @param name its name
     * @return the domain
     * @throws VivariumException if there is none, listing the names
     */
    public Domain domain(String name) {
        return domains.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new VivariumException("no domain named '" + name + "'",
                        "use one of " + names()));
    }

    /** @return the domain names in order */
    public List<String> names() {
        return domains.stream().map(Domain::name).toList();
    }

    /** @return every distinct word of every answer, lower case */
    public TreeSet<String> answerWords() {
        TreeSet<String> words = new TreeSet<>();
        for (Domain d : domains) {
            for (Topic t : d.topics()) {
                for (String a : t.good()) {
                    words.addAll(Words.of(a));
                }
                for (String a : t.bad()) {
                    words.addAll(Words.of(a));
                }
            }
        }
        return words;
    }

    /** @return every character used in the catalog, sorted */
    public String alphabet() {
        TreeSet<Character> chars = new TreeSet<>();
        for (Domain d : domains) {
            for (Topic t : d.topics()) {
                for (List<String> l : List.of(t.questions(), t.good(), t.bad())) {
                    l.forEach(s -> s.chars().forEach(c -> chars.add((char) c)));
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }
}
