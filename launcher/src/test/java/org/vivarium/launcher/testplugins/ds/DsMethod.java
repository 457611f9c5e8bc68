package org.vivarium.launcher.testplugins.ds;

import java.util.List;
import java.util.Map;
import org.vivarium.api.method.Method;
import org.vivarium.api.method.MethodCommand;

/**
 * A DS component (descriptor written by the test) named by its {@code method.name} property; its
 * activate method throws when the property {@code fail} is {@code true}.
 */
public final class DsMethod implements Method {

    private String name = "unset";

    /**
     * DS activate method.
     *
     * @param properties the component properties
     */
    public void activate(Map<String, Object> properties) {
        if ("true".equals(properties.get("fail"))) {
            throw new IllegalStateException("ds boom");
        }
        name = String.valueOf(properties.get("method.name"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "a Declarative Services test method";
    }

    @Override
    public List<MethodCommand> commands() {
        return List.of();
    }
}
