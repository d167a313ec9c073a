package org.clausecam.store;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.ArrayList;
import java.util.List;

/**
 * Masks the credentials in use — access key id, secret key and session token — in the text of an
 * error and of every cause under it. Servers that echo request headers back (some S3-compatible
 * ones do, in error bodies) would otherwise put the key id and the session token into messages
 * that end up in logs and run summaries.
 */
final class CredentialMask {

    static final String MASK = "***";

    private final List<String> secrets;

    private CredentialMask(List<String> secrets) {
        this.secrets = secrets;
    }

    /** The mask of the credentials the provider hands out now; none when it has none to give. */
    static CredentialMask of(AwsCredentialsProvider provider) {
        List<String> secrets = new ArrayList<>();
        try {
            AwsCredentials c = provider.resolveCredentials();
            secrets.add(c.accessKeyId());
            secrets.add(c.secretAccessKey());
            if (c instanceof AwsSessionCredentials session) secrets.add(session.sessionToken());
        } catch (SdkException noCredentials) {
            // With no credentials at all there is nothing that could leak; the error says so itself.
            return new CredentialMask(List.of());
        }
        secrets.removeIf(s -> s == null || s.isEmpty());
        return new CredentialMask(List.copyOf(secrets));
    }

    String mask(String text) {
        if (text == null) return null;
        String masked = text;
        for (String secret : secrets) masked = masked.replace(secret, MASK);
        return masked;
    }

    /**
     * A copy of the chain whose messages are masked: each cause becomes a {@link MaskedCause}
     * naming the original class, with the original stack trace (for CLAUSECAM_DEBUG).
     */
    Throwable maskChain(Throwable error) {
        if (error == null) return null;
        Throwable cause = error.getCause() == error ? null : maskChain(error.getCause());
        MaskedCause copy = new MaskedCause(error.getClass().getSimpleName() + ": " + mask(String.valueOf(error.getMessage())), cause);
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** A cause whose message had credentials masked; the original class is named in the message. */
    static final class MaskedCause extends Exception {
        private static final long serialVersionUID = 1L;

        MaskedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
