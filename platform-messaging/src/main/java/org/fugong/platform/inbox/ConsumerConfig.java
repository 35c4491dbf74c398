package org.fugong.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How event handlers consume (FUGONG_CONSUMER_...). */
@ConfigMapping(prefix = "fugong.consumer")
public interface ConsumerConfig {

    @WithDefault("true")
    boolean enabled();

    /** Attempts at one record before it goes to the dead-letter topic. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait before the second attempt; later ones wait proportionally longer. */
    @WithDefault("200ms")
    Duration retryBackoff();
}
