package org.vivarium.checkpoint.safetensors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.vivarium.api.tensor.Tensor;

/**
 * The content of a safetensors file: its tensors (converted to {@code float}) and its metadata.
 *
 * @param tensors name to tensor, sorted by name
 * @param metadata the {@code __metadata__} strings, sorted by key
 */
public record SafetensorsFile(Map<String, Tensor> tensors, Map<String, String> metadata) {

    /** Copies both maps into read-only, name-sorted maps. */
    public SafetensorsFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(tensors)));
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metadata));
    }
}
