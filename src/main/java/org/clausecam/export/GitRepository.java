package org.clausecam.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One git repository of an export, driven through the {@code git} command line (the format's own
 * implementation, and {@code fast-import} writes thousands of dated commits in one process).
 */
final class GitRepository {

    private final Path dir;

    private GitRepository(Path dir) {
        this.dir = dir;
    }

    /** The repository at {@code dir}, created (branch {@code main}, Open Terms Archive's settings) when absent. */
    static GitRepository openOrInit(Path dir) throws ExportException {
        GitRepository repo = new GitRepository(dir);
        if (!Files.isDirectory(dir.resolve(".git"))) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new ExportException("cannot create " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
            }
            repo.run(null, "init", "-q", "-b", "main");
            // As the engine configures its repositories: paths with any character shown as they are.
            repo.run(null, "config", "core.quotePath", "false");
            repo.run(null, "config", "core.autocrlf", "false");
        }
        return repo;
    }

    Path dir() {
        return dir;
    }

    /** The commit HEAD points at, or empty in a repository without commits. */
    Optional<String> head() throws ExportException {
        String out = run(null, true, "rev-parse", "-q", "--verify", "HEAD^{commit}").trim();
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /** The full name of the branch HEAD points at ({@code refs/heads/main}). */
    String branch() throws ExportException {
        return run(null, "symbolic-ref", "HEAD").trim();
    }

    /** Every value of a trailer in the history of HEAD. */
    Set<String> trailerValues(String key) throws ExportException {
        Set<String> values = new HashSet<>();
        if (head().isEmpty()) return values;
        String prefix = key + ": ";
        for (String line : run(null, "log", "--format=%B").split("\n")) {
            if (line.startsWith(prefix)) values.add(line.substring(prefix.length()).trim());
        }
        return values;
    }

    /**
     * The commits of HEAD's history that carry a trailer, by trailer value and the path they
     * touched: {@code value + "\n" + path} to commit id.
     */
    Map<String, String> commitsByTrailer(String key) throws ExportException {
        Map<String, String> commits = new HashMap<>();
        if (head().isEmpty()) return commits;
        String format = "--format=%x1e%H%x1f%(trailers:key=" + key + ",valueonly,separator=%x1f)%x1f";
        for (String entry : run(null, "log", format, "--name-only", "-z").split("\u001e")) {
            if (entry.isEmpty()) continue;
            String[] fields = entry.split("\u001f", -1);
            String commit = fields[0];
            String paths = fields[fields.length - 1];
            for (int i = 1; i < fields.length - 1; i++) {
                String value = fields[i].trim();
                if (value.isEmpty()) continue;
                for (String path : paths.split("\0")) {
                    String clean = path.strip();
                    if (!clean.isEmpty()) commits.put(value + "\n" + clean, commit);
                }
            }
        }
        return commits;
    }

    /** A file in the repository's {@code .git} folder: the export's own bookkeeping, never committed. */
    Path privateFile(String name) {
        return dir.resolve(".git").resolve(name);
    }

    /** Path to git blob id of every file at HEAD. */
    Map<String, String> tree() throws ExportException {
        Map<String, String> files = new HashMap<>();
        if (head().isEmpty()) return files;
        for (String entry : run(null, "ls-tree", "-r", "-z", "HEAD").split("\0")) {
            if (entry.isEmpty()) continue;
            int tab = entry.indexOf('\t');
            String[] meta = entry.substring(0, tab).split(" ");
            files.put(entry.substring(tab + 1), meta[2]);
        }
        return files;
    }

    /** The last commit that touched a path, at HEAD. */
    Optional<String> lastCommitOf(String path) throws ExportException {
        String out = run(null, "rev-list", "-1", "HEAD", "--", path).trim();
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /**
     * Feeds a {@code git fast-import} stream and returns the marks it assigned (mark number to
     * commit id). Then brings the working tree to the new HEAD, so the folder shows the files.
     */
    Map<Integer, String> fastImport(FastImportStream.Writer writer) throws ExportException {
        Path marks;
        try {
            marks = Files.createTempFile("clausecam-marks", ".txt");
        } catch (IOException e) {
            throw new ExportException("cannot create a temporary file for git fast-import: " + e.getMessage(), e);
        }
        try {
            run(out -> writer.write(new FastImportStream(out)), "fast-import", "--quiet", "--done",
                    "--export-marks=" + marks.toAbsolutePath());
            Map<Integer, String> assigned = new HashMap<>();
            for (String line : Files.readAllLines(marks, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ");
                if (parts.length == 2 && parts[0].startsWith(":")) assigned.put(Integer.parseInt(parts[0].substring(1)), parts[1]);
            }
            if (head().isPresent()) run(null, "reset", "-q", "--hard");
            return assigned;
        } catch (IOException e) {
            throw new ExportException("cannot read git fast-import's marks in " + marks + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(marks);
            } catch (IOException e) {
                System.err.println("clausecam: could not remove the temporary file " + marks + ": " + e.getMessage());
            }
        }
    }

    private interface Input {
        void write(OutputStream stdin) throws IOException, ExportException;
    }

    private String run(Input input, String... args) throws ExportException {
        return run(input, false, args);
    }

    private String run(Input input, boolean exitOneIsEmpty, String... args) throws ExportException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ExportException("cannot run git (is it installed and on PATH?): " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> stdout = drain(process.getInputStream());
        CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) input.write(stdin);
        } catch (IOException e) {
            process.destroy();
            throw new ExportException("git " + args[0] + " in " + dir + " stopped reading its input: "
                    + new String(stderr.join(), StandardCharsets.UTF_8).trim(), e);
        }
        try {
            int code = process.waitFor();
            String err = new String(stderr.join(), StandardCharsets.UTF_8).trim();
            if (code != 0 && !(exitOneIsEmpty && code == 1)) {
                throw new ExportException("git " + String.join(" ", args) + " in " + dir + " failed (exit " + code + "): " + err);
            }
            return new String(stdout.join(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new ExportException("interrupted while git " + args[0] + " ran in " + dir, e);
        }
    }

    /** On a thread of its own: git blocks when a pipe it writes is full, whatever the other pipe does. */
    private static CompletableFuture<byte[]> drain(InputStream stream) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                stream.transferTo(bytes);
                result.complete(bytes.toByteArray());
            } catch (IOException e) {
                result.complete(("(output unreadable: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8));
            }
        }, "git-output");
        reader.setDaemon(true);
        reader.start();
        return result;
    }
}
