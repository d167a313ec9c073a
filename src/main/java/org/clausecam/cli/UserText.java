package org.clausecam.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.File;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Text from elsewhere (declarations, pages, servers, libraries) made fit for a terminal and a log
 * line: control characters escaped, so that a service name or a page title cannot move the cursor,
 * recolour the terminal or forge a line; library internals (Jackson's source and reference-chain
 * dumps) left out.
 */
final class UserText {

    private static final Pattern JACKSON_INTERNALS = Pattern.compile(
            "\\s*(\\(through reference chain: [^)]*\\)|at \\[Source: .*?; line: \\d+, column: \\d+\\])", Pattern.DOTALL);

    private UserText() {
    }

    /** The text with every control character shown as {@code \\uXXXX} and Jackson's internals removed. */
    static String printable(String text) {
        if (text == null) return null;
        String cleaned = JACKSON_INTERNALS.matcher(text).replaceAll("");
        StringBuilder b = new StringBuilder(cleaned.length());
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    /** An error and its causes as one line: each message once, in order, printable. */
    static String errorLine(Throwable error) {
        StringBuilder line = new StringBuilder(message(error));
        for (Throwable c = error.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            String m = c instanceof JsonProcessingException || c.getMessage() != null ? message(c) : null;
            if (m != null && !line.toString().contains(m)) line.append(": ").append(m);
        }
        return line.toString();
    }

    private static String message(Throwable t) {
        if (t instanceof JsonProcessingException json) return printable(located(json));
        return printable(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
    }

    /** "file: line L, column C: what went wrong", from Jackson's own parts rather than its message. */
    static String located(JsonProcessingException e) {
        String what = firstSentence(e.getOriginalMessage());
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) return what;
        Object source = at.contentReference() == null ? null : at.contentReference().getRawContent();
        String file = source instanceof File f ? f.getPath() + ": " : source instanceof Path p ? p + ": " : "";
        return file + "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what;
    }

    private static String firstSentence(String message) {
        if (message == null) return "malformed JSON";
        String first = message.strip();
        int newline = first.indexOf('\n');
        if (newline >= 0) first = first.substring(0, newline);
        return JACKSON_INTERNALS.matcher(first).replaceAll("").strip();
    }
}
