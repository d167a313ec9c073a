package org.clausecam.track;

import org.clausecam.capture.CapturedSource;

import java.util.List;

/** A terms as captured: each source document in declaration order, and the version extracted from them all. */
public record CapturedTerms(List<CapturedSource> sources, String version) {

    public CapturedTerms {
        sources = List.copyOf(sources);
    }

    /** What the captures had to settle for (page taken before load, screenshot truncated…), one line each. */
    public List<String> notes() {
        return sources.stream().flatMap(source -> source.notes().stream()).toList();
    }
}
