package org.clausecam.declarations;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The id of a source document inside combined terms, computed from its location as Open Terms
 * Archive names its snapshot files ({@code Privacy Policy #legal-privacy.html}): the decoded URL
 * path, without a file extension that names a known document type, its segments joined by
 * {@code -}, characters that file systems refuse replaced by {@code _}.
 */
public final class SourceDocumentId {

    /**
     * Extensions stripped from the last path segment: they are a web server's implementation
     * detail, not part of the document's identity.
     */
    private static final Set<String> KNOWN_EXTENSIONS = Set.of(
            ".html", ".htm", ".shtml", ".xhtml", ".xht", ".php", ".asp", ".aspx", ".jsp",
            ".pdf", ".txt", ".text", ".md", ".markdown", ".xml", ".json",
            ".doc", ".docx", ".odt", ".rtf");

    private static final String FILE_NAME_ILLEGAL = "\\:\"<>|*?";

    private SourceDocumentId() {}

    public static String of(URI location) {
        String path = decodePercents(location.getRawPath() == null ? "" : location.getRawPath());
        String extension = extensionOf(path);
        if (KNOWN_EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT))) {
            path = path.substring(0, path.length() - extension.length());
        }
        StringBuilder id = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) continue;
            if (id.length() > 0) id.append('-');
            id.append(segment);
        }
        StringBuilder safe = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            safe.append(FILE_NAME_ILLEGAL.indexOf(c) >= 0 ? '_' : c);
        }
        return safe.toString();
    }

    /**
     * The extension as Node's {@code path.extname} sees it (Open Terms Archive's reference):
     * trailing slashes are ignored and a leading dot does not start an extension.
     */
    static String extensionOf(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') end--;
        String trimmed = path.substring(0, end);
        int start = trimmed.lastIndexOf('/') + 1;
        String base = trimmed.substring(start);
        int dot = base.lastIndexOf('.');
        if (dot <= 0 || base.equals("..")) return "";
        return base.substring(dot);
    }

    /** Like JavaScript's decodeURIComponent, but an invalid escape stays as written instead of throwing. */
    private static String decodePercents(String raw) {
        if (raw.indexOf('%') < 0) return raw;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0 && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                byte[] encoded = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
