package org.fugong.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the gateway is told from outside: {@code fugong.gateway.*}. */
@ConfigMapping(prefix = "fugong.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name (registry, supply, ...). */
    Map<String, Service> services();

    Jwt jwt();

    Oidc oidc();

    RateLimit rateLimit();

    /**
     * Requests anyone may make without a key, as "METHOD /path-prefix": they are forwarded as an
     * anonymous READER and rate-limited per address.
     */
    @WithDefault("GET /api/v1/supply-items,GET /api/v1/stats,GET /api/v1/regions,GET /api/v1/green-passes/keys,"
            + "GET /api/v1/green-passes/revocations")
    List<String> publicPaths();

    /**
     * Proxies in front of the gateway (addresses or CIDR blocks) whose {@code X-Forwarded-For} is
     * believed; with none, the socket's peer is the client.
     */
    Optional<List<String>> trustedProxies();

    /** What a request may be before anything else looks at it. */
    Limits limits();

    /** A first administrator key, from the environment (FUGONG_GATEWAY_ADMIN_KEY); never stored in clear. */
    Optional<String> adminKey();

    /** One JSON line per request on standard output. */
    @WithDefault("true")
    boolean accessLog();

    /** How often queued access-log lines are written out, in one batch. */
    @WithDefault("100ms")
    Duration accessLogFlush();

    /** How often each replica reloads API keys (so revocations elsewhere take effect) and records last use. */
    @WithDefault("5s")
    Duration keyRefresh();

    interface Limits {
        /** Longest request target (path and query) in characters; longer is 414. */
        @WithDefault("4096")
        int maxRequestLine();

        /** Largest total of header names and values in bytes; larger is 431. */
        @WithDefault("20480")
        int maxHeaderSize();
    }

    interface Service {
        /**
         * Base URL of each replica, comma-separated, e.g. {@code http://registry:8081} or
         * {@code http://registry-1:8081,http://registry-2:8081}: requests take them in turn.
         */
        List<String> url();

        /** The first segments after /api/v1/ this service owns. */
        List<String> collections();

        /** How long the service may take to start answering before the caller gets 504. */
        @WithDefault("10s")
        Duration timeout();

        @WithDefault("2s")
        Duration connectTimeout();

        /** Retries after a failed connection, for idempotent methods or requests with an Idempotency-Key. */
        @WithDefault("1")
        int retries();

        /** Consecutive failures (no connection, timeout, 502–504) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit refuses calls before one trial request is let through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface Jwt {
        String issuer();

        /**
         * PKCS#8 PEM file of the signing key (FUGONG_GATEWAY_JWT_PRIVATE_KEY_LOCATION); without it a
         * key is made at start-up and services must read the JWKS.
         */
        Optional<String> privateKeyLocation();

        /**
         * Public keys (PEM) of keys signed with before a rotation: still published in the JWKS, so
         * tokens already on their way verify until they expire.
         */
        Optional<List<String>> previousPublicKeyLocations();

        /** Lifetime of the internal tokens; they are reused for half of it. */
        @WithDefault("60s")
        Duration lifetime();
    }

    /** Bearer tokens from an outside OpenID Connect issuer, mapped to roles and scope. */
    interface Oidc {
        /** The issuer ({@code iss}) accepted; OIDC is off without it. */
        Optional<String> issuer();

        /** Where the issuer publishes its keys (its {@code jwks_uri}). */
        Optional<String> jwksUrl();

        /** The audience ({@code aud}) tokens must name; required when an issuer is configured. */
        Optional<String> audience();

        /**
         * Client ids a token's {@code azp} (authorised party) may name besides the audience; a token
         * with another {@code azp} is refused. Tokens without {@code azp} are not affected.
         */
        Optional<List<String>> authorizedParties();

        /** The claim holding the caller's roles; dots walk into objects (realm_access.roles). */
        @WithDefault("roles")
        String rolesClaim();

        /**
         * The issuer's role names to ours, e.g. {@code role-map."fugong-authority"=AUTHORITY}; only
         * what is listed here maps, our own names included.
         */
        Map<String, String> roleMap();

        @WithDefault("org_id")
        String orgClaim();

        @WithDefault("region_scope")
        String regionClaim();

        /** The rate-limit tier of every OIDC caller (never taken from the token); the default tier when unset. */
        Optional<String> tier();

        @WithDefault("30s")
        Duration clockSkew();

        /** How often the issuer's keys are fetched again (sooner when a token names an unknown key). */
        @WithDefault("10m")
        Duration jwksRefresh();
    }

    interface RateLimit {
        /** Buckets by tier: every client has a tier (API keys: set when issued; OIDC: the tier claim). */
        Map<String, Tier> tiers();

        @WithDefault("standard")
        String defaultTier();

        /** The tier of anonymous callers on public paths, counted per address. */
        @WithDefault("anonymous")
        String anonymousTier();

        /** redis://host:port: counters shared by every gateway replica; in memory when unset. */
        Optional<String> redisUrl();

        /** Limits per client address, before authentication (in this replica's memory). */
        PerAddress perAddress();
    }

    /**
     * Per address (IPv6 per /64): all requests, and failed authentications. The defaults leave
     * room for a partner behind one NAT address; the failure budget is what stops key guessing.
     */
    interface PerAddress {
        @WithDefault("1000")
        double rate();

        @WithDefault("2000")
        int burst();

        /** Failed authentications (401) per second an address is allowed over time. */
        @WithDefault("1")
        double failureRate();

        /** Failed authentications an address may make in a row before it gets 429. */
        @WithDefault("20")
        int failureBurst();

        /** Addresses tracked at once; the least recently seen are forgotten beyond it. */
        @WithDefault("100000")
        int maxAddresses();
    }

    interface Tier {
        /** Sustained requests per second. */
        double rate();

        /** The bucket's size: requests a client may make at once after being idle. */
        int burst();
    }
}
