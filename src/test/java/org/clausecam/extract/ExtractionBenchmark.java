package org.clausecam.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clausecam.declarations.SourceDocument;

/**
 * Extraction throughput over a parity corpus, in one JVM: every source document of every case
 * extracted N times after warm-up rounds, reported in MB of snapshot HTML per second. Declared
 * filters are left out (they run in a browser, which is not what this measures).
 *
 * <p>Usage: {@code ExtractionBenchmark DIR [ROUNDS]}; scripts/bench/extract gives the shared corpus
 * by default. A developer tool kept with the tests, not part of the agent.
 */
public final class ExtractionBenchmark {
    private static final int WARM_UP_ROUNDS = 3;

    private ExtractionBenchmark() {
    }

    private record Job(SourceDocument document, byte[] html, java.net.URI location) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ExtractionBenchmark DIR [ROUNDS]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        if (!Files.isDirectory(root)) {
            System.err.println("ExtractionBenchmark: no folder of parity cases at " + root);
            System.exit(2);
        }
        List<Job> jobs = jobs(root);
        long bytes = jobs.stream().mapToLong(j -> j.html().length).sum();
        Extractor extractor = new Extractor();
        for (int i = 0; i < WARM_UP_ROUNDS; i++) runAll(extractor, jobs);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) runAll(extractor, jobs);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double mb = bytes * (double) rounds / 1_000_000;
        System.out.printf("%d documents, %.1f MB of snapshot HTML per round, %d rounds after %d warm-up rounds%n",
                jobs.size(), bytes / 1e6, rounds, WARM_UP_ROUNDS);
        System.out.printf("%.2f s, %.1f MB/s, %.1f documents/s (wall clock, one thread)%n", seconds, mb / seconds, jobs.size() * rounds / seconds);
        System.out.printf("%.2f CPU s of the extracting thread, %.1f MB per CPU second%n", cpuSeconds, mb / cpuSeconds);
    }

    private static List<Job> jobs(Path root) throws IOException, ExtractionException {
        List<Job> jobs = new ArrayList<>();
        for (Path dir : ParityCheck.caseDirs(root)) {
            ParityCase parityCase = ParityCase.read(dir);
            List<SourceDocument> documents = parityCase.terms().sourceDocuments();
            for (int i = 0; i < documents.size(); i++) {
                SourceDocument d = documents.get(i);
                SourceDocument withoutFilters = new SourceDocument(d.id(), d.location(), d.select(), d.remove(), List.of(),
                        d.executeClientScripts());
                jobs.add(new Job(withoutFilters, Files.readAllBytes(parityCase.snapshots().get(i)), d.location()));
            }
        }
        return jobs;
    }

    private static void runAll(Extractor extractor, List<Job> jobs) throws ExtractionException {
        for (Job job : jobs) extractor.extract(job.document(), null, job.html(), "text/html", job.location());
    }
}
