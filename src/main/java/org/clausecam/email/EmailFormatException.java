package org.clausecam.email;

/** A file that is not a readable e-mail (not MIME, empty, truncated, binary); names the file. */
public class EmailFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;

    public EmailFormatException(String source, String message) {
        this(source, message, null);
    }

    public EmailFormatException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** The file (or other source) the e-mail was read from. */
    public String source() { return source; }
}
