package org.fugong.platform.inbox;

import org.fugong.platform.events.CloudEvent;

/** Runs a handler at most once per consumer group and event id, atomically with its effects. */
public interface Inbox {

    /** @return false when the event had been processed before and the handler was not called */
    boolean handleOnce(String consumerGroup, CloudEvent event, EventHandler handler) throws Exception;
}
