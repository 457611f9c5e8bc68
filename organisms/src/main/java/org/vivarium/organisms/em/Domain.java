package org.vivarium.organisms.em;

import java.util.ArrayList;
import java.util.List;

/**
 * A field users ask an assistant about (health, finance, code, ...).
 *
 * @param name the domain name, e.g. {@code finance}
 * @param topics its topics
 */
public record Domain(String name, List<Topic> topics) {
    /** Copies the list and checks it is not empty. */
    public Domain {
        topics = List.copyOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("domain " + name + " has no topics");
        }
    }

    /** @return every question of every topic, in file order */
    public List<String> questions() {
        List<String> out = new ArrayList<>();
        topics.forEach(t -> out.addAll(t.questions()));
        return out;
    }
}
