package org.clausecam.declarations;

import java.nio.file.Path;

/**
 * One thing wrong with a declaration file, located by JSON pointer ({@code ""} for the whole
 * file), printed as {@code file: /json/pointer: message} so editors and CI logs can point at it.
 */
public record DeclarationProblem(Path file, String pointer, String message) {

    public DeclarationProblem {
        if (pointer == null) pointer = "";
    }

    /** Escapes one JSON-pointer token (RFC 6901): {@code ~} and {@code /} may appear in terms types. */
    public static String token(String key) {
        return "/" + key.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public String toString() {
        return file + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
