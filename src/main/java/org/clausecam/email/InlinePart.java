package org.clausecam.email;

import java.util.Base64;

/**
 * A part an HTML e-mail refers to with a {@code cid:} URL, usually an image.
 *
 * @param contentId the Content-ID without its angle brackets
 * @param mimeType  e.g. {@code image/png}
 * @param bytes     the decoded content (a copy is returned: records do not protect arrays)
 */
public record InlinePart(String contentId, String mimeType, byte[] bytes) {

    public InlinePart {
        bytes = bytes.clone();
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
                && mimeType.equals(that.mimeType) && java.util.Arrays.equals(bytes, that.bytes);
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
