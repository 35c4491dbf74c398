package org.fugong.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "fugong.gateway")
public interface GatewayConfig {

    /** Base URL of each upstream service by name: registry, supply. */
    Map<String, String> upstreams();

    Jwt jwt();

    /** A first administrator key, from the environment (FUGONG_GATEWAY_ADMIN_KEY); never stored in clear. */
    Optional<String> adminKey();

    /** How often each replica reloads API keys, so revocations elsewhere take effect. */
    @WithDefault("5s")
    Duration keyRefresh();

    interface Jwt {
        String issuer();

        /**
         * PKCS#8 PEM file of the signing key (FUGONG_GATEWAY_JWT_PRIVATE_KEY_LOCATION); without it a
         * key is made at start-up and services must read the JWKS.
         */
        Optional<String> privateKeyLocation();

        /** Lifetime of the internal tokens; they are reused for half of it. */
        @WithDefault("60s")
        Duration lifetime();
    }
}
