package org.clausecam.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.clausecam.report.PublishedFile;

/**
 * {@code --metrics-file}: the run's metrics, replaced whole. A collector that reads the file while
 * it is written (a node exporter's textfile collector scrapes at any instant) must see the old
 * run's or the new run's, never half of one: hence a temporary file in the same folder, renamed.
 */
final class MetricsFile {

    private MetricsFile() {
    }

    static void write(Path file, String exposition) throws IOException {
        // The collector ignores names not ending in .prom, so the temporary file is never read.
        PublishedFile.write(file, "." + file.getFileName() + ".", ".tmp", out -> out.write(exposition.getBytes(StandardCharsets.UTF_8)));
    }
}
