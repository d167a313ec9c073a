package org.clausecam.store;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The layout of {@code docs/storage.md} in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage,
 * S3Proxy…), with the AWS SDK v2. Records are created with {@code If-None-Match: *}, so two
 * writers can never both take the same place in a chain on servers that honour it (AWS,
 * S3Proxy 4.x, MinIO); on servers that ignore it the later write replaces the earlier one, and
 * {@code verify} reports the broken chain that follows.
 *
 * <p>Every request is retried by the SDK with exponential backoff and jitter on connection
 * errors, timeouts, 5xx and throttling (SlowDown); when the attempts are spent the
 * {@link StoreException} names the store and the key, never credentials.
 */
public final class S3Store extends LayoutStore {

    /** Attempts per request, the first included: about 25 s of backoff before giving up. */
    public static final int DEFAULT_MAX_ATTEMPTS = 8;

    private final S3Location location;
    private final URI endpoint;
    private final S3Client s3;
    private final AwsCredentialsProvider credentials;
    private final int maxAttempts;

    private S3Store(S3Location location, URI endpoint, S3Client s3, AwsCredentialsProvider credentials, int maxAttempts) {
        this.location = location;
        this.endpoint = endpoint;
        this.s3 = s3;
        this.credentials = credentials;
        this.maxAttempts = maxAttempts;
    }

    /** A store with the default AWS credentials chain (environment, system properties, profiles, container and instance roles). */
    public static S3Store open(S3Location location) throws StoreException {
        return open(location, DefaultCredentialsProvider.builder().build());
    }

    /**
     * A store with the given credentials. Settings: endpoint from the location, else
     * {@code AWS_ENDPOINT_URL_S3}, else {@code AWS_ENDPOINT_URL}, else AWS; region from the
     * location, else the default region chain, else us-east-1; path-style addressing when the
     * endpoint is overridden (unless the location says otherwise). Against an overridden endpoint
     * the SDK's newer flexible checksums are sent and checked only when an operation requires
     * them, which every S3-compatible server accepts; every put still carries a Content-MD5 so
     * the server rejects a body damaged on the way.
     */
    public static S3Store open(S3Location location, AwsCredentialsProvider credentials) throws StoreException {
        URI endpoint = location.endpoint() != null ? location.endpoint() : endpointFromEnvironment();
        boolean pathStyle = location.pathStyle() != null ? location.pathStyle() : endpoint != null;
        int maxAttempts = location.maxAttempts() != null ? location.maxAttempts() : DEFAULT_MAX_ATTEMPTS;
        try {
            S3ClientBuilder b = S3Client.builder()
                    .region(region(location, endpoint))
                    .credentialsProvider(credentials)
                    .forcePathStyle(pathStyle)
                    .httpClient(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(5))
                            .socketTimeout(Duration.ofSeconds(30))
                            .build())
                    .overrideConfiguration(o -> o
                            .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                    .maxAttempts(maxAttempts)
                                    .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofSeconds(10)))
                                    .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofSeconds(1), Duration.ofSeconds(20)))
                                    // An outage must not make the SDK stop retrying for the rest of the run.
                                    .circuitBreakerEnabled(false)
                                    .build())
                            .apiCallAttemptTimeout(Duration.ofSeconds(120)));
            if (endpoint != null) {
                b.endpointOverride(endpoint)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            }
            return new S3Store(location, endpoint, b.build(), credentials, maxAttempts);
        } catch (SdkException | IllegalArgumentException e) {
            CredentialMask mask = CredentialMask.of(credentials);
            throw new StoreException("cannot open store " + location.display() + ": " + mask.mask(e.getMessage()), mask.maskChain(e));
        }
    }

    private static URI endpointFromEnvironment() throws StoreException {
        for (String name : List.of("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) return S3Location.endpoint(value.strip(), name);
        }
        return null;
    }

    private static Region region(S3Location location, URI endpoint) {
        if (location.region() != null && !location.region().isBlank()) return Region.of(location.region());
        // Against a server of our own the EC2 metadata service has nothing to say, and asking it
        // costs a timeout off AWS: only the environment, system properties and profiles count.
        AwsRegionProviderChain chain = endpoint != null
                ? new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
                : new DefaultAwsRegionProviderChain();
        try {
            return chain.getRegion();
        } catch (SdkClientException noRegionConfigured) {
            // S3-compatible servers mostly ignore the region; AWS redirects wrong-region calls.
            return Region.US_EAST_1;
        }
    }

    public S3Location location() {
        return location;
    }

    @Override
    public String describe() {
        if (endpoint == null) return location.display();
        return location.display() + " at " + endpoint.getScheme() + "://" + endpoint.getHost()
                + (endpoint.getPort() >= 0 ? ":" + endpoint.getPort() : "");
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    Optional<byte[]> readObject(String key) throws StoreException {
        try {
            return Optional.of(s3.getObjectAsBytes(GetObjectRequest.builder()
                    .bucket(location.bucket()).key(location.objectKey(key)).build()).asByteArray());
        } catch (SdkServiceException e) {
            if (e.statusCode() == 404 && !isNoSuchBucket(e)) return Optional.empty();
            throw failure("cannot read", key, e);
        } catch (SdkException e) {
            throw failure("cannot read", key, e);
        }
    }

    @Override
    boolean objectExists(String key) throws StoreException {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(location.bucket()).key(location.objectKey(key)).build());
            return true;
        } catch (SdkServiceException e) {
            // HEAD has no body, so a missing bucket looks like a missing key here; reads and
            // writes that follow name the bucket.
            if (e.statusCode() == 404) return false;
            throw failure("cannot check", key, e);
        } catch (SdkException e) {
            throw failure("cannot check", key, e);
        }
    }

    @Override
    boolean createObject(String key, byte[] content) throws StoreException {
        try {
            put(key, content, true);
            return true;
        } catch (SdkServiceException e) {
            if (e.statusCode() == 412) {
                // A retried PUT whose first attempt reached the server but whose answer was lost
                // sees its own object: that is success, not a lost race.
                return readObject(key).map(existing -> Arrays.equals(existing, content)).orElse(false);
            }
            throw failure("cannot write", key, e);
        } catch (SdkException e) {
            throw failure("cannot write", key, e);
        }
    }

    @Override
    void replaceObject(String key, byte[] content) throws StoreException {
        try {
            put(key, content, false);
        } catch (SdkException e) {
            throw failure("cannot write", key, e);
        }
    }

    private void put(String key, byte[] content, boolean onlyIfAbsent) {
        PutObjectRequest.Builder req = PutObjectRequest.builder()
                .bucket(location.bucket())
                .key(location.objectKey(key))
                .contentType(key.endsWith(StoreLayout.JSON) ? "application/json" : "application/octet-stream")
                .contentMD5(md5(content));
        if (onlyIfAbsent) req.ifNoneMatch("*");
        s3.putObject(req.build(), RequestBody.fromBytes(content));
    }

    @Override
    void probeWrite() throws StoreException {
        // The marker again, byte for byte: no new object, and no s3:DeleteObject needed.
        String marker = StoreLayout.MARKER;
        replaceObject(marker, readObject(marker).orElseThrow(() -> new NoStoreException(describe() + ": " + marker + " vanished")));
    }

    @Override
    StoreException notWritable(StoreException writeFailure) {
        if (writeFailure instanceof StoreUnavailableException) return writeFailure;
        return new StoreNotWritableException(describe() + " is not writable with the credentials in use (s3:PutObject is needed on "
                + location.objectKey("*") + "): " + writeFailure.getMessage(), writeFailure);
    }

    @Override
    List<StoredObject> listObjects(String prefix) throws StoreException {
        List<StoredObject> objects = new ArrayList<>();
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                    .bucket(location.bucket()).prefix(location.objectKey(prefix)).build())) {
                for (S3Object o : page.contents()) {
                    objects.add(new StoredObject(location.layoutKey(o.key()), o.size(), o.lastModified()));
                }
            }
        } catch (SdkException e) {
            throw failure("cannot list", prefix, e);
        }
        return objects;
    }

    @Override
    List<String> listChildren(String prefix) throws StoreException {
        String full = location.objectKey(prefix);
        List<String> names = new ArrayList<>();
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                    .bucket(location.bucket()).prefix(full).delimiter("/").build())) {
                for (CommonPrefix p : page.commonPrefixes()) {
                    String name = p.prefix().substring(full.length(), p.prefix().length() - 1);
                    if (!name.isEmpty()) names.add(name);
                }
            }
        } catch (SdkException e) {
            throw failure("cannot list", prefix, e);
        }
        return names;
    }

    @Override
    void deleteObject(String key) throws StoreException {
        try {
            // One key at a time: DeleteObjects needs a checksum header that some servers refuse.
            s3.deleteObject(b -> b.bucket(location.bucket()).key(location.objectKey(key)));
        } catch (SdkException e) {
            throw failure("cannot delete", key, e);
        }
    }

    private static boolean isNoSuchBucket(SdkServiceException e) {
        return e instanceof software.amazon.awssdk.services.s3.model.NoSuchBucketException
                || String.valueOf(e.getMessage()).contains("NoSuchBucket")
                || String.valueOf(e.getMessage()).contains("bucket does not exist");
    }

    private StoreException failure(String what, String key, SdkException e) {
        CredentialMask mask = CredentialMask.of(credentials);
        String reason = mask.mask(e.getMessage() == null ? "no message" : e.getMessage());
        Throwable cause = mask.maskChain(e);
        boolean transientFailure = e instanceof SdkServiceException s ? s.statusCode() >= 500 || s.isThrottlingException()
                : e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException || causedByIo(e);
        String message = describe() + ": " + what + " " + location.objectKey(key) + ": ";
        if (e instanceof SdkServiceException s && s.statusCode() == 404 && isNoSuchBucket(s)) {
            return new NoStoreException("no store at " + describe() + ": bucket " + location.bucket() + " does not exist", cause);
        }
        if (transientFailure) {
            return new StoreUnavailableException(message + "storage did not answer after " + maxAttempts + " attempts: " + reason, cause);
        }
        return new StoreException(message + reason, cause);
    }

    /** Connection refused or reset, timeouts: the network or the server; not missing credentials or bad settings. */
    private static boolean causedByIo(Throwable e) {
        for (Throwable c = e; c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof java.io.IOException || c instanceof java.io.UncheckedIOException) return true;
        }
        return false;
    }

    private static String md5(byte[] content) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
