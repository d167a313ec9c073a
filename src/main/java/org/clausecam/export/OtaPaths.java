package org.clausecam.export;

import java.util.Locale;
import java.util.Map;

/**
 * File paths in Open Terms Archive's repositories, as its engine writes them
 * ({@code recorder/repositories/git/dataMapper.js}): {@code <Service>/<Terms type>.<ext>}, and for
 * terms combined from several source documents {@code <Service>/<Terms type> #<document id>.<ext>},
 * the extension chosen by media type.
 */
final class OtaPaths {

    /** What the engine's {@code mime.getExtension} answers for the media types captures hold. */
    private static final Map<String, String> EXTENSIONS = Map.of(
            "text/html", "html",
            "application/xhtml+xml", "xhtml",
            "application/pdf", "pdf",
            "text/markdown", "md",
            "text/plain", "txt",
            "application/xml", "xml",
            "text/xml", "xml",
            "application/json", "json");

    private static final String DOCUMENT_ID_SEPARATOR = " #";

    private OtaPaths() {
    }

    static String version(String service, String termsType) {
        return service + "/" + termsType + ".md";
    }

    /** @param documentId the source document's id when the terms combines several, else null */
    static String snapshot(String service, String termsType, String documentId, String mimeType) {
        String name = documentId == null ? termsType : termsType + DOCUMENT_ID_SEPARATOR + documentId;
        return service + "/" + name + "." + extension(mimeType);
    }

    /** Unknown media types get {@code bin}: the engine's {@code *} is not a name a file system keeps everywhere. */
    static String extension(String mimeType) {
        if (mimeType == null) return "bin";
        String bare = mimeType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return EXTENSIONS.getOrDefault(bare, "bin");
    }
}
