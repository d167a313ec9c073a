package org.clausecam.declarations;

import java.util.List;

/**
 * One terms of a service (its Privacy Policy, say): one source document, or several when the
 * declaration combines them, in declaration order.
 */
public record Terms(String service, String type, List<SourceDocument> sourceDocuments, boolean combined) {
    public Terms {
        sourceDocuments = List.copyOf(sourceDocuments);
    }
}
