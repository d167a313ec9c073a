package org.clausecam.track;

import java.util.List;
import org.clausecam.capture.CaptureException;
import org.clausecam.extract.ExtractionException;
import org.clausecam.fetch.FetchException;

/**
 * Captures a terms again, each source document with the fetcher given ({@code http} or
 * {@code browser}), and returns its version: how {@link Recorder} tells a change of fetcher from
 * a change of the terms ({@link TermsCapturer#versionWith}).
 */
@FunctionalInterface
public interface VersionCheck {
    String versionWith(List<String> fetchers) throws FetchException, CaptureException, ExtractionException;
}
