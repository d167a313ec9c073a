package org.clausecam.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The embedded default store ({@code file:./data}): the layout of {@code docs/storage.md} as
 * files under a directory. Every write goes to a temporary file in the target's directory, is
 * fsynced, and only then appears under its name — by a hard link for objects that must never be
 * overwritten (link fails if the name exists), by an atomic rename for heads. A crash leaves at
 * worst a {@code .tmp-*} file, which listings ignore and {@code verify --prune} removes.
 */
public final class FileStore extends LayoutStore {

    static final String TEMP_PREFIX = ".tmp-";

    private final Path root;
    private volatile boolean fsync = true;

    /** A store rooted at {@code root}; the directory is created on the first write. */
    public FileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * Turns fsync off (or on again). Only for tools that fill throw-away stores quickly, such as
     * the benchmark under {@code scripts/bench}; without fsync a power cut may lose or truncate
     * the latest writes.
     */
    void fsync(boolean on) {
        this.fsync = on;
    }

    @Override
    public String describe() {
        return "file:" + root;
    }

    @Override
    public void close() {
    }

    @Override
    Optional<byte[]> readObject(String key) throws StoreException {
        try {
            return Optional.of(Files.readAllBytes(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("cannot read", key, e);
        }
    }

    @Override
    boolean objectExists(String key) throws StoreException {
        return Files.isRegularFile(path(key), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    boolean createObject(String key, byte[] content) throws StoreException {
        Path target = path(key);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return false;
        Path temp = null;
        try {
            ensureDirectory(target.getParent());
            temp = writeTemporary(target.getParent(), content);
            try {
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException e) {
                // No hard links on this file system: a plain rename, which checks for an existing
                // target but not atomically with the move.
                try {
                    Files.move(temp, target);
                } catch (FileAlreadyExistsException exists) {
                    return false;
                }
            }
            syncDirectory(target.getParent());
            return true;
        } catch (IOException e) {
            throw failure("cannot write", key, e);
        } finally {
            deleteQuietly(temp, key);
        }
    }

    @Override
    void replaceObject(String key, byte[] content) throws StoreException {
        Path target = path(key);
        Path temp = null;
        try {
            ensureDirectory(target.getParent());
            temp = writeTemporary(target.getParent(), content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncDirectory(target.getParent());
        } catch (IOException e) {
            throw failure("cannot write", key, e);
        } finally {
            deleteQuietly(temp, key);
        }
    }

    @Override
    List<StoredObject> listObjects(String prefix) throws StoreException {
        // The prefix may end inside a name ("records/a" matches "records/ab/…"): walk from the
        // deepest directory it names and filter.
        String dirPart = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "";
        Path start = dirPart.isEmpty() ? root : path(dirPart);
        if (!Files.isDirectory(start)) return List.of();
        List<StoredObject> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(start)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
                String key = key(p);
                if (!key.startsWith(prefix) || hidden(key)) continue;
                objects.add(new StoredObject(key, Files.size(p), Files.getLastModifiedTime(p).toInstant()));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw failure("cannot list", prefix, e);
        }
        objects.sort(Comparator.comparing(StoredObject::key));
        return objects;
    }

    @Override
    List<String> listChildren(String prefix) throws StoreException {
        Path dir = path(prefix.substring(0, prefix.length() - 1));
        if (!Files.isDirectory(dir)) return List.of();
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) names.add(name);
            }
        } catch (IOException e) {
            throw failure("cannot list", prefix, e);
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    @Override
    void deleteObject(String key) throws StoreException {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw failure("cannot delete", key, e);
        }
    }

    @Override
    List<StoredObject> leftovers() throws StoreException {
        if (!Files.isDirectory(root)) return List.of();
        List<StoredObject> temps = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().startsWith(TEMP_PREFIX) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    temps.add(new StoredObject(key(p), Files.size(p), Files.getLastModifiedTime(p).toInstant()));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw failure("cannot list", "", e);
        }
        return temps;
    }

    @Override
    void probeWrite() throws StoreException {
        // A .tmp- name: if the process dies before the delete, verify --prune removes it.
        String probe = StoreLayout.PROBE_PREFIX + UUID.randomUUID();
        createObject(probe, new byte[0]);
        deleteObject(probe);
    }

    @Override
    StoreException notWritable(StoreException writeFailure) {
        boolean refused = false;
        for (Throwable c = writeFailure; c != null && !refused; c = c.getCause()) {
            refused = c instanceof AccessDeniedException || c instanceof ReadOnlyFileSystemException
                    || (c instanceof FileSystemException f && refusal(f.getReason()));
        }
        if (!refused) return writeFailure;
        String uid = ProcessOwner.uid();
        return new StoreNotWritableException(describe() + " is not writable by uid " + uid + ": chown " + uid + " " + root
                + " (on the host, for a bind mount) or run the container with --user set to the folder's owner ("
                + writeFailure.getMessage() + ")", writeFailure);
    }

    /** EROFS and EPERM (an immutable folder, a mount that forbids writes) as the JDK words them; EACCES is AccessDeniedException. */
    private static boolean refusal(String reason) {
        return reason != null && (reason.contains("Read-only file system") || reason.contains("Operation not permitted"));
    }

    // ---- files ------------------------------------------------------------------------------

    private Path path(String key) throws StoreException {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root) || key.isEmpty()) throw new StoreException(describe() + ": key escapes the store: " + key);
        return p;
    }

    private String key(Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    private static boolean hidden(String key) {
        for (String segment : key.split("/")) {
            if (segment.startsWith(".")) return true;
        }
        return false;
    }

    private Path writeTemporary(Path dir, byte[] content) throws IOException {
        Path temp = dir.resolve(TEMP_PREFIX + UUID.randomUUID());
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) ch.write(buf);
            // The content must be on disk before its name is: after a crash a name never points at a
            // partly written file.
            if (fsync) ch.force(true);
        }
        return temp;
    }

    /** Creates missing directories, making each new directory entry durable. */
    private void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        ensureDirectory(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) throw e;
            return;
        }
        syncDirectory(dir.getParent());
    }

    private void syncDirectory(Path dir) throws IOException {
        if (!fsync) return;
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; there the rename is what we have.
            if (Files.isDirectory(dir) && System.getProperty("os.name", "").startsWith("Windows")) return;
            throw e;
        }
    }

    private void deleteQuietly(Path temp, String key) throws StoreException {
        if (temp == null) return;
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw failure("cannot remove temporary file of", key, e);
        }
    }

    /** An I/O error here is the disk or the file system refusing (full, read-only, gone): the storage is unavailable. */
    private StoreException failure(String what, String key, Exception cause) {
        return new StoreUnavailableException(describe() + ": " + what + " " + key + ": " + reason(cause), cause);
    }

    /** What went wrong in words: a file-system exception's message is only the path, its class name the reason. */
    private static String reason(Exception cause) {
        if (cause instanceof java.nio.file.NoSuchFileException e) return "no such file or folder (" + e.getFile() + ")";
        if (cause instanceof java.nio.file.AccessDeniedException e) return "permission denied (" + e.getFile() + ")";
        if (cause instanceof java.nio.file.FileAlreadyExistsException e) return "a file is where a folder should be (" + e.getFile() + ")";
        if (cause instanceof java.nio.file.NotDirectoryException e) return "not a folder (" + e.getFile() + ")";
        if (cause instanceof java.nio.file.FileSystemException e && e.getReason() != null) {
            return e.getReason() + " (" + e.getFile() + ")";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
