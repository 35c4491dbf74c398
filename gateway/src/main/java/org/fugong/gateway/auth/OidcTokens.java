package org.fugong.gateway.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.fugong.gateway.GatewayConfig;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Verifies bearer tokens from the configured OIDC issuer against its published keys (JWKS), and
 * maps their claims to an {@link Identity}. The keys are fetched at start-up, refreshed
 * periodically, and fetched again at once (at most every few seconds) when a token names a key we
 * do not know yet, which is how an issuer's own key rotation looks from here.
 */
@ApplicationScoped
public class OidcTokens {

    private static final Logger LOG = Logger.getLogger(OidcTokens.class);
    private static final Duration MIN_REFETCH = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private ClaimMapping mapping;
    /** Built once per key set, not per token. */
    private volatile JwtConsumer consumer;
    private volatile Instant fetchedAt = Instant.EPOCH;

    @PostConstruct
    void init() {
        GatewayConfig.Oidc oidc = config.oidc();
        requireAudience(oidc.issuer(), oidc.audience());
        mapping = new ClaimMapping(oidc.rolesClaim(), oidc.roleMap(), oidc.orgClaim(), oidc.regionClaim(),
                oidc.tier().orElse(config.rateLimit().defaultTier()));
    }

    /**
     * An issuer without an audience would accept every token the issuer signs for any of its
     * clients (a token for the canteen app would open this API): the gateway refuses to start.
     */
    static void requireAudience(Optional<String> issuer, Optional<String> audience) {
        if (issuer.filter(i -> !i.isBlank()).isPresent() && audience.filter(a -> !a.isBlank()).isEmpty()) {
            throw new IllegalStateException("fugong.gateway.oidc.issuer is set but fugong.gateway.oidc.audience is not"
                    + " (FUGONG_OIDC_AUDIENCE): set the audience this API's tokens carry");
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled()) {
            vertx.executeBlocking(() -> fetchKeys(), false);
            long every = config.oidc().jwksRefresh().toMillis();
            vertx.setPeriodic(every, id -> vertx.executeBlocking(() -> fetchKeys(), false));
        }
    }

    public boolean enabled() {
        return config.oidc().issuer().isPresent() && config.oidc().jwksUrl().isPresent();
    }

    /** The caller the token stands for; fails with a {@link Rejection} when it is not acceptable. */
    public Future<Identity> verify(String token) {
        if (!enabled()) {
            return Future.failedFuture(Rejection.unauthenticated("Bearer tokens are not accepted: no OIDC issuer is configured"));
        }
        try {
            return Future.succeededFuture(identify(token));
        } catch (Rejection rejection) {
            return Future.failedFuture(rejection);
        } catch (UnknownKey unknown) {
            if (Instant.now().isBefore(fetchedAt.plus(MIN_REFETCH))) {
                return Future.failedFuture(unknownKey());
            }
            return vertx.executeBlocking(() -> fetchKeys(), false).map(ignored -> {
                try {
                    return identify(token);
                } catch (UnknownKey stillUnknown) {
                    throw unknownKey();
                }
            });
        }
    }

    private static Rejection unknownKey() {
        return Rejection.unauthenticated("The bearer token is signed with a key the issuer does not publish");
    }

    private Identity identify(String token) {
        JwtConsumer current = consumer == null ? consumer(List.of()) : consumer;
        try {
            JwtClaims claims = current.processToClaims(token);
            checkAuthorizedParty(claims);
            return mapping.identify(claims.getClaimsMap());
        } catch (InvalidJwtException e) {
            if (causedBy(e, UnresolvableKeyException.class)) {
                throw new UnknownKey();
            }
            throw Rejection.unauthenticated(reason(e));
        } catch (MalformedClaimException e) {
            throw Rejection.unauthenticated("The bearer token's audience (aud) is malformed");
        }
    }

    private JwtConsumer consumer(List<JsonWebKey> keys) {
        GatewayConfig.Oidc oidc = config.oidc();
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) oidc.clockSkew().toSeconds())
                .setExpectedIssuer(oidc.issuer().orElseThrow())
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
                        AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                        AlgorithmIdentifiers.RSA_PSS_USING_SHA256);
        builder.setExpectedAudience(true, oidc.audience().orElseThrow());
        return builder.build();
    }

    /**
     * {@code azp}, when present, must be the audience itself or a client configured as allowed; a
     * token for several audiences must name it (OIDC Core 2), or a token issued to any client that
     * merely lists this API among others would pass.
     */
    private void checkAuthorizedParty(JwtClaims claims) throws MalformedClaimException {
        Object azp = claims.getClaimValue("azp");
        if (azp == null) {
            if (claims.getAudience().size() > 1) {
                throw Rejection.unauthenticated("A bearer token for several audiences must name its client (azp)");
            }
            return;
        }
        GatewayConfig.Oidc oidc = config.oidc();
        boolean allowed = azp.toString().equals(oidc.audience().orElse(null))
                || oidc.authorizedParties().orElse(List.of()).contains(azp.toString());
        if (!allowed) {
            throw Rejection.unauthenticated("The bearer token was issued to a client (azp) this API does not accept");
        }
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "The bearer token has expired";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "The bearer token is not from the configured issuer";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "The bearer token is not meant for this API (audience)";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "The bearer token's signature does not verify";
        }
        return "The bearer token is not valid";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Blocking: runs on a worker thread. */
    private Void fetchKeys() {
        String url = config.oidc().jwksUrl().orElseThrow();
        fetchedAt = Instant.now();
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warnf("The OIDC issuer's keys at %s answered %d; keeping the last known keys", url, response.statusCode());
                return null;
            }
            consumer = consumer(List.copyOf(new JsonWebKeySet(response.body()).getJsonWebKeys()));
        } catch (java.io.IOException | JoseException e) {
            LOG.warnf("Fetching the OIDC issuer's keys from %s failed (%s); keeping the last known keys", url, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** A token signed by a key not (yet) in our copy of the issuer's key set. */
    private static final class UnknownKey extends RuntimeException {
        UnknownKey() {
            super(null, null, false, false);
        }
    }
}
