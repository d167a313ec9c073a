package org.clausecam.email;

import java.util.Base64;

/**
 * A part an HTML e-mail refers to with a {@code cid:} URL, usually an image, or, in a
 * multipart/related, by its Content-Location (RFC 2557).
 *
 * @param contentId the Content-ID without its angle brackets; for a part that has only a
 *                  Content-Location, that location (it names the part in {@link EmailMessage#inlineParts()})
 * @param mimeType  e.g. {@code image/png}
 * @param bytes     the decoded content (a copy is returned: records do not protect arrays)
 * @param location  the Content-Location the HTML may use as the URL of the part, or null
 */
public record InlinePart(String contentId, String mimeType, byte[] bytes, String location) {

    public InlinePart {
        bytes = bytes.clone();
    }

    /** A part known by its Content-ID only. */
    public InlinePart(String contentId, String mimeType, byte[] bytes) {
        this(contentId, mimeType, bytes, null);
    }

    @Override
    public byte[] bytes() { return bytes.clone(); }

    public int size() { return bytes.length; }

    /** The content as a {@code data:} URL, which a browser loads without any request. */
    public String dataUrl() {
        return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InlinePart that && contentId.equals(that.contentId)
                && mimeType.equals(that.mimeType) && java.util.Arrays.equals(bytes, that.bytes)
                && java.util.Objects.equals(location, that.location);
    }

    @Override
    public int hashCode() {
        return contentId.hashCode() * 31 + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "InlinePart[" + contentId + ", " + mimeType + ", " + bytes.length + " bytes]";
    }
}
