package org.clausecam.declarations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Open Terms Archive's list of terms types, the only keys a declaration's {@code terms} may use.
 * The list is {@code terms-types.json} from the npm package {@code @opentermsarchive/terms-types}
 * 2.2.0 (EUPL-1.2), shipped as a resource next to this class.
 */
public final class TermsTypes {

    private static final String RESOURCE = "terms-types.json";
    private static final Set<String> NAMES = load();

    private TermsTypes() {}

    public static Set<String> names() { return NAMES; }

    public static boolean isKnown(String type) { return NAMES.contains(type); }

    private static Set<String> load() {
        try (InputStream in = TermsTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            JsonNode root = new ObjectMapper().readTree(in);
            Set<String> names = new LinkedHashSet<>();
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) names.add(it.next());
            return Collections.unmodifiableSet(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }
}
