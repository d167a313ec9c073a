package org.clausecam.fetch;

/**
 * One try at fetching one document, with no retrying of its own: the policies around it decide
 * whether and when to try again.
 */
@FunctionalInterface
public interface FetchAttempt {
    FetchedDocument fetch() throws FetchException;
}
