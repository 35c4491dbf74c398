package org.fugong.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay's settings; each can be overridden by environment variable (FUGONG_OUTBOX_...). */
@ConfigMapping(prefix = "fugong.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay at all (one of the replicas becomes the active one). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows published per round trip. */
    @WithDefault("500")
    int batchSize();

    /** Longest wait between looks at the table when no notification arrives. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How often a standby replica tries to become the active relay. */
    @WithDefault("5s")
    Duration standbyInterval();

    /** Published rows older than this are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** How often published rows are pruned. */
    @WithDefault("1h")
    Duration pruneInterval();

    /** How long a send may wait for Kafka metadata before the relay backs off. */
    @WithDefault("5s")
    Duration maxBlock();

    /** Upper bound on the time to report success or failure of one send. */
    @WithDefault("30s")
    Duration deliveryTimeout();

    /** Longest wait before the relay tries again after Kafka failed. */
    @WithDefault("10s")
    Duration maxBackoff();
}
