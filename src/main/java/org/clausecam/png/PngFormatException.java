package org.clausecam.png;

import java.io.IOException;

/** A picture that is not a PNG this package reads: damaged, truncated, or interlaced. Names the picture. */
public final class PngFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String reason;

    PngFormatException(String source, String reason, Throwable cause) {
        super(source + ": " + reason, cause);
        this.source = source;
        this.reason = reason;
    }

    PngFormatException(String source, String reason) {
        this(source, reason, null);
    }

    /** The picture, as named by whoever opened it (usually its file). */
    public String source() {
        return source;
    }

    /** What is wrong, without the picture's name. */
    public String reason() {
        return reason;
    }
}
