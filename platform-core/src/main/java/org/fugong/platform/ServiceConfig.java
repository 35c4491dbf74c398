package org.fugong.platform;

import io.smallrye.config.ConfigMapping;

/** Who this service is: names its consumer group, relay lock and CloudEvents source. */
@ConfigMapping(prefix = "fugong.service")
public interface ServiceConfig {

    /** Short name such as {@code registry}. */
    String name();

    /** The CloudEvents {@code source} attribute of the events this service publishes. */
    default String eventSource() {
        return "/fugong/" + name();
    }
}
