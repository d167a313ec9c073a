package org.clausecam.notify;

/**
 * How a run's webhook events went.
 *
 * @param sent        delivered (a 2xx answer)
 * @param failed      given up after the last attempt, or refused by the receiver (4xx) or the network guard
 * @param dropped     not queued: the queue was full
 * @param undelivered still queued or in flight when the run stopped waiting
 */
public record WebhookDelivery(int sent, int failed, int dropped, int undelivered) {

    public boolean complete() {
        return failed == 0 && dropped == 0 && undelivered == 0;
    }
}
