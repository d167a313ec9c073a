package org.clausecam.track;

import java.nio.charset.StandardCharsets;
import org.clausecam.store.Sha256;

/**
 * One part of a collection split across N workers ({@code --shard I/N}, or a Kubernetes Indexed
 * Job's {@code JOB_COMPLETION_INDEX}). Services go to shards by a hash of their id rather than by
 * position, so adding or removing a service does not move every other service to a new worker.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard must be I/N with 0 <= I < N, got " + index + "/" + count);
        }
    }

    /** Parses {@code I/N}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) throw new IllegalArgumentException("shard must be I/N (e.g. 0/4), got '" + text + "'");
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard must be I/N (e.g. 0/4), got '" + text + "'", e);
        }
    }

    public boolean includes(String serviceId) {
        if (count == 1) return true;
        byte[] h = Sha256.digest(serviceId.getBytes(StandardCharsets.UTF_8));
        long v = ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
        return v % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
