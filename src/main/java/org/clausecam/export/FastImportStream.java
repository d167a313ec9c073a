package org.clausecam.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes commits in {@code git fast-import}'s format: each with its author and committer date set,
 * one file replaced per commit, the file's bytes inline (binary-safe: PDFs go as they are).
 */
final class FastImportStream {

    /** Writes the commits of one import. */
    @FunctionalInterface
    interface Writer {
        void write(FastImportStream stream) throws IOException, ExportException;
    }

    private final OutputStream out;

    FastImportStream(OutputStream out) {
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    /**
     * One commit on {@code branch}.
     *
     * @param parent the commit to continue from (the branch's tip before this import) for the
     *               import's first commit, else null: later commits follow the branch
     */
    void commit(String branch, int mark, String parent, String ident, Instant date, String message,
                String path, byte[] content) throws IOException {
        String when = date.getEpochSecond() + " +0000";
        byte[] messageBytes = message.getBytes(StandardCharsets.UTF_8);
        line("commit " + branch);
        line("mark :" + mark);
        line("author " + ident + " " + when);
        line("committer " + ident + " " + when);
        line("data " + messageBytes.length);
        out.write(messageBytes);
        out.write('\n');
        if (parent != null) line("from " + parent);
        line("M 100644 inline " + quoted(path));
        line("data " + content.length);
        out.write(content);
        out.write('\n');
    }

    void done() throws IOException {
        line("done");
        out.flush();
    }

    private void line(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /** fast-import reads a path as the rest of the line unless it starts with a quote; C-style quoting covers the rest. */
    static String quoted(String path) {
        if (!path.startsWith("\"") && path.indexOf('\n') < 0 && path.indexOf('\\') < 0) return path;
        StringBuilder q = new StringBuilder("\"");
        for (char c : path.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
