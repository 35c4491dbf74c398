package org.fugong.platform.inbox;

import java.util.List;

import org.fugong.platform.events.CloudEvent;

/**
 * A service's reaction to events on some topics. Implement it as a CDI bean: the platform runs a
 * consumer for it, calls {@link #handle} inside a transaction that also records the event as
 * processed, and never calls it twice for the same {@code ce_id}.
 */
public interface EventHandler {

    /** The topics to consume. */
    List<String> topics();

    /** Applies one event. Throwing rolls the transaction back; the event is retried, then dead-lettered. */
    void handle(CloudEvent event) throws Exception;
}
