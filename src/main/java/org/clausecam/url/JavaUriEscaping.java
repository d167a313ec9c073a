package org.clausecam.url;

/**
 * Percent-encodes what the URL Standard leaves as is but {@link java.net.URI} (RFC 2396 with
 * RFC 2732's brackets) refuses, so that a parsed URL can be handed to {@code java.net.http}.
 */
final class JavaUriEscaping {
    private JavaUriEscaping() {
    }

    /**
     * @param bracketsAllowed true in a query or fragment, where {@code java.net.URI} accepts
     *                        {@code [} and {@code ]}; false in a path or userinfo, where it does not
     */
    static String escape(String component, boolean bracketsAllowed) {
        StringBuilder out = null;
        // Non-ASCII never gets here unencoded (every component's encode set holds it), and
        // java.net.URI accepts it anyway, so only ASCII is looked at.
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            boolean refused = c <= 0x20 || c == 0x7F || "\"<>\\^`{|}#".indexOf(c) >= 0
                    || (!bracketsAllowed && (c == '[' || c == ']'))
                    || (c == '%' && !(i + 2 < component.length() && PercentEncoding.isHexDigit(component.charAt(i + 1))
                            && PercentEncoding.isHexDigit(component.charAt(i + 2))));
            if (refused && out == null) {
                out = new StringBuilder(component.length() + 8).append(component, 0, i);
            }
            if (out == null) continue;
            if (refused) PercentEncoding.appendByte(out, c);
            else out.append(c);
        }
        return out == null ? component : out.toString();
    }
}
