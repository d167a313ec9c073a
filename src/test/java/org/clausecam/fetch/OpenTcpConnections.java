package org.clausecam.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets this process holds open, seen from outside the code under test: the kernel's
 * connection tables ({@code /proc/net/tcp}, {@code tcp6}) joined with this process's file
 * descriptors ({@code /proc/self/fd}). A socket that was closed, even one the kernel still
 * keeps in FIN_WAIT or TIME_WAIT, has no descriptor and is not counted; a half-closed one is.
 */
final class OpenTcpConnections {
    private static final String LISTEN = "0A";

    private OpenTcpConnections() {
    }

    /** Connected sockets of this process whose local end has this port (a server's accepted sockets). */
    static long withLocalPort(int port) {
        return ours().filter(e -> port(e[1]) == port).count();
    }

    /** Connected sockets of this process whose remote end has this port (clients of a server). */
    static long withRemotePort(int port) {
        return ours().filter(e -> port(e[2]) == port).count();
    }

    /** Every socket descriptor of this process, listening, connected or reset. */
    static int socketDescriptors() {
        return socketInodes().size();
    }

    private static Stream<String[]> ours() {
        Set<String> inodes = socketInodes();
        return entries().stream().filter(e -> !e[3].equals(LISTEN) && inodes.contains(e[9]));
    }

    private static int port(String hexAddressAndPort) {
        return Integer.parseInt(hexAddressAndPort.substring(hexAddressAndPort.indexOf(':') + 1), 16);
    }

    private static Set<String> socketInodes() {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                } catch (java.nio.file.NoSuchFileException closedMeanwhile) {
                    // A descriptor closed while listing is not open: skipping it is the right count.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list this process's file descriptors", e);
        }
        return inodes;
    }

    private static List<String[]> entries() {
        try {
            List<String[]> entries = new java.util.ArrayList<>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path path = Path.of(table);
                if (!Files.exists(path)) continue;
                Files.readAllLines(path).stream().skip(1).map(line -> line.strip().split("\\s+")).forEach(entries::add);
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kernel's TCP tables", e);
        }
    }
}
