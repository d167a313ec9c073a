package org.clausecam.cli;

/** Bad usage or input detected after parsing (an unreadable folder, a malformed store URI): exit 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) { super(message); }
    public UsageException(String message, Throwable cause) { super(message, cause); }
}
