package org.fugong.platform.inbox;

import java.util.List;

import org.fugong.platform.events.CloudEvent;

/**
 * A service's reaction to events on some topics. Implement it as a CDI bean: the platform runs a
 * consumer for it, calls {@link #handle} inside a transaction that also records the event as
 * processed, and never calls it twice for the same {@code ce_id}.
 */
public interface EventHandler {

    /**
     * The consumer group, e.g. {@code supply.RegistryEventHandler}: declared, never derived from the
     * class name, so renaming a class does not silently start a new group that reads every event
     * still in Kafka again. Changing it is a migration (the new group starts from the beginning).
     */
    String group();

    /** The topics to consume. */
    List<String> topics();

    /** Applies one event. Throwing rolls the transaction back; the event is retried, then dead-lettered. */
    void handle(CloudEvent event) throws Exception;
}
