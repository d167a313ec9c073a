package org.clausecam.declarations;

import java.util.Map;
import java.util.Optional;

/**
 * A service's declaration as it applies at one moment: its id (the file name without
 * {@code .json}), display name, the terms it declares by terms type, and the source of its
 * {@code .filters.js} (or {@code null}).
 */
public record Declaration(String serviceId, String name, Map<String, Terms> terms, String filtersSource) {
    public Declaration {
        terms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(terms));
    }

    public Optional<Terms> terms(String type) {
        return Optional.ofNullable(terms.get(type));
    }
}
