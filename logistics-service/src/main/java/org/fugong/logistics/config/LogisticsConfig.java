package org.fugong.logistics.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Logistics policy and the pass code's keys (FUGONG_LOGISTICS_...). */
@ConfigMapping(prefix = "fugong.logistics")
public interface LogisticsConfig {

    /** The longest validity window of a green pass, in days, both ends included. */
    @WithDefault("14")
    int maxPassDays();

    /** Whose calendar a pass's validity dates are in. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How many passes one transaction of the expiry sweep expires (and publishes) at most. */
    @WithDefault("500")
    int passExpiryBatchSize();

    PassCode passCode();

    interface PassCode {

        /**
         * Where the ES256 signing key is: a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}, P-256).
         * Without one a key pair is generated at start: fine for one instance in development, but
         * its codes stop verifying when the process ends.
         */
        Optional<String> signingKey();

        /**
         * Public keys (SubjectPublicKeyInfo PEM files) of keys that signed earlier: they stay in the
         * published key set so codes signed before a rotation verify until they expire.
         */
        Optional<List<String>> previousPublicKeys();

        /**
         * How many codes whose signature held the service remembers (least recently scanned forgotten
         * first), so a pass scanned at every checkpoint of its route has its signature checked once;
         * 0 checks every scan. About 1 KB each.
         */
        @WithDefault("10000")
        int rememberedCodes();
    }
}
