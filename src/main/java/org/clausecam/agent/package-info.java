/**
 * The agent's parts wired once: the browser, the checking proxy, the HTTP fetcher, the host
 * policies and the store, built by the CLI from its options and passed down to the stages.
 */
package org.clausecam.agent;
