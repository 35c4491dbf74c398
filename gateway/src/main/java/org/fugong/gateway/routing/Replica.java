package org.fugong.gateway.routing;

import java.net.URI;
import java.time.Duration;

/**
 * One running copy of a service: where it listens and its own circuit, so a replica that fails is
 * taken out of the rotation by its circuit while the others go on serving, and is put back when a
 * trial call after {@code openFor} succeeds.
 */
record Replica(String url, String host, int port, CircuitBreaker breaker) {

    static Replica of(String url, int failureThreshold, Duration openFor) {
        URI uri = URI.create(url.strip());
        if (uri.getHost() == null || !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("A service URL must be http://host[:port], not " + url);
        }
        return new Replica(url.strip(), uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 80,
                new CircuitBreaker(failureThreshold, openFor, System::currentTimeMillis));
    }

    /** host:port, to name the replica in health and errors. */
    String address() {
        return host + ":" + port;
    }
}
