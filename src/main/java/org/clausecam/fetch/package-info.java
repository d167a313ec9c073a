/**
 * Getting a source document over plain HTTP, and deciding whether that was enough.
 *
 * <ul>
 *   <li>{@link org.clausecam.fetch.HttpFetcher#fetch(java.net.URI)}: GET with redirects followed
 *       one hop at a time through the {@link org.clausecam.fetch.NetworkGuard}, size and time
 *       limits; non-2xx answers become {@link org.clausecam.fetch.FetchException}s classified by
 *       {@link org.clausecam.fetch.HttpStatus#failureKind(int)}, carrying the answer and any
 *       {@code Retry-After}.</li>
 *   <li>{@link org.clausecam.fetch.NetworkGuard}: the private-network guard, deciding on the URL
 *       as the browser reads it and on every resolved address against IANA's special-purpose
 *       registries; {@link org.clausecam.fetch.GuardedProxy}, the bounded checking proxy through
 *       which guarded traffic goes.</li>
 *   <li>{@link org.clausecam.fetch.BrowserFallback#looksBlockedOrEmpty}: Open Terms Archive's rule
 *       for trying a browser after plain HTTP.</li>
 * </ul>
 */
package org.clausecam.fetch;
