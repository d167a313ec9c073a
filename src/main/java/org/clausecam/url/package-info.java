/**
 * URLs as the WHATWG URL Standard (and so the browser) reads them: parsing, resolution and
 * serialisation, hosts included ({@code 0177.0.0.1} is 127.0.0.1). Below every pipeline stage
 * that reads URLs ({@code fetch}, {@code extract}); uses nothing of ours.
 */
package org.clausecam.url;
