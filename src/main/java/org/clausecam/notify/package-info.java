/**
 * Changes out: an Atom feed of a store's changes ({@link org.clausecam.notify.ChangeFeed}) and
 * webhook events sent during a run ({@link org.clausecam.notify.WebhookNotifier}). Stands after
 * {@code export} in the pipeline: it reads the store, names changes as {@code export} does, links
 * to the {@code report}'s pages and guards its requests with {@code fetch}'s network guard.
 */
package org.clausecam.notify;
