package org.clausecam.declarations;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a declaration's {@code filter} list: the name of a function exported by
 * {@code <Service>.filters.js} (or a built-in one), with the parameters given in the
 * {@code {"name": params}} form, or {@code null} when none were given.
 */
public record FilterRef(String name, JsonNode params) {
    public FilterRef {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("filter name is empty");
    }
}
