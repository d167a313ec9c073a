package org.clausecam.store;

/** A service id and a terms type: what the store keeps a history for. */
public record TermsKey(String service, String termsType) {
}
