package org.clausecam.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A repository's history as git itself tells it, oldest first. */
record GitLog(List<Commit> commits) {

    /** One commit: its id, author and committer dates (seconds since the epoch), full message and the one path it touched. */
    record Commit(String id, long authorDate, long committerDate, String author, String message, String path) {
        String subject() {
            return message.lines().findFirst().orElse("");
        }
    }

    static GitLog of(Path repo) throws IOException, InterruptedException {
        String out = git(repo, "log", "--reverse", "--format=%H%x1f%at%x1f%ct%x1f%an <%ae>%x1f%B%x1e");
        List<Commit> commits = new ArrayList<>();
        for (String entry : out.split("\u001e")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) continue;
            String[] f = trimmed.split("\u001f", 5);
            if (f.length < 5) continue;
            commits.add(new Commit(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], f[4], null));
        }
        // Paths separately, by commit id: each commit of an export touches one file.
        java.util.Map<String, String> pathOf = new java.util.HashMap<>();
        for (String block : git(repo, "log", "--format=%x1e%H", "--name-only").split("\u001e")) {
            List<String> lines = block.lines().filter(l -> !l.isBlank()).toList();
            if (lines.size() >= 2) pathOf.put(lines.get(0), lines.get(1));
        }
        List<Commit> withPaths = new ArrayList<>();
        for (Commit c : commits) {
            withPaths.add(new Commit(c.id(), c.authorDate(), c.committerDate(), c.author(), c.message(), pathOf.get(c.id())));
        }
        return new GitLog(withPaths);
    }

    List<String> subjects() {
        return commits.stream().map(Commit::subject).toList();
    }

    List<String> paths() {
        return commits.stream().map(Commit::path).toList();
    }

    static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotePath=false", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException("git " + String.join(" ", args) + " failed: " + out);
        return out;
    }
}
