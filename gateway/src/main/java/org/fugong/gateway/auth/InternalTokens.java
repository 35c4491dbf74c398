package org.fugong.gateway.auth;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.fugong.gateway.GatewayConfig;
import org.fugong.platform.security.RsaKeys;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.http.HttpHeaders;

/**
 * Signs the short-lived internal JWT forwarded with every request (sub, groups, org_id,
 * region_scope, jti) and publishes the verification keys as a JWKS. A token is reused for half its
 * lifetime per identity, so signing stays off the hot path.
 *
 * <p>Rotation: the JWKS lists the signing key and every previous public key configured, each under
 * a key id derived from the key itself, so a token signed just before a restart with a new key
 * still verifies (by its {@code kid}) until it expires.
 */
@Singleton
public class InternalTokens {

    /** Past this many cached tokens the cache starts afresh: OIDC subjects are unbounded. */
    private static final int MAX_CACHED = 10_000;

    @Inject
    GatewayConfig config;

    private KeyPair keys;
    private String keyId;
    private List<Map<String, Object>> jwks;
    /** Per audience (the service a token is for), then per identity. */
    private final Map<String, Map<Identity, Cached>> caches = new ConcurrentHashMap<>();

    /** The header value is kept as bytes ready to write: the token is ~700 characters on every request. */
    private record Cached(CharSequence authorization, Instant renewAfter) {
    }

    @PostConstruct
    void loadKeys() {
        keys = config.jwt().privateKeyLocation().map(location -> RsaKeys.readPrivatePem(file(location)))
                .orElseGet(RsaKeys::generate);
        keyId = keyId(keys.getPublic());
        List<Map<String, Object>> published = new ArrayList<>();
        published.add(jwk(keys.getPublic()));
        config.jwt().previousPublicKeyLocations().orElse(List.of()).stream().map(location -> RsaKeys.readPublicPem(file(location)))
                .map(InternalTokens::jwk).filter(k -> !k.get("kid").equals(keyId)).forEach(published::add);
        jwks = List.copyOf(published);
    }

    /**
     * {@code Bearer <internal JWT>} for the identity, for one service only: {@code aud} names it,
     * and each service accepts only tokens naming itself, so a token seen by one service cannot be
     * replayed against another. Signed afresh once half its lifetime has passed.
     */
    public CharSequence authorizationFor(Identity caller, String audience) {
        Identity identity = caller.isAnonymous() ? Identity.ANONYMOUS_CALLER : caller;
        Instant now = Instant.now();
        Map<Identity, Cached> cache = caches.computeIfAbsent(audience, a -> new ConcurrentHashMap<>());
        Cached cached = cache.get(identity);
        if (cached != null && now.isBefore(cached.renewAfter())) {
            return cached.authorization();
        }
        JwtClaimsBuilder claims = Jwt.issuer(config.jwt().issuer()).audience(audience).subject(identity.subject())
                .groups(identity.roles()).claim("jti", UUID.randomUUID().toString())
                .issuedAt(now).expiresAt(now.plus(config.jwt().lifetime()));
        if (identity.orgId() != null) {
            claims.claim("org_id", identity.orgId().toString());
        }
        if (identity.regionScope() != null) {
            claims.claim("region_scope", identity.regionScope());
        }
        String token = claims.jws().keyId(keyId).sign(keys.getPrivate());
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        CharSequence authorization = HttpHeaders.createOptimized("Bearer " + token);
        cache.put(identity, new Cached(authorization, now.plus(config.jwt().lifetime().dividedBy(2))));
        return authorization;
    }

    /** The verification keys as a JSON Web Key Set: the signing key first, then previous ones. */
    public Map<String, Object> jwks() {
        return Map.of("keys", jwks);
    }

    /** The key id follows from the key, so every replica with the same key names it alike. */
    static String keyId(PublicKey key) {
        return UUID.nameUUIDFromBytes(key.getEncoded()).toString();
    }

    private static Map<String, Object> jwk(PublicKey publicKey) {
        RSAPublicKey key = (RSAPublicKey) publicKey;
        return Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", keyId(key),
                "n", base64Url(key.getModulus()), "e", base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A key location is a path, with or without {@code file:} in front. */
    private static Path file(String location) {
        return Path.of(location.replaceFirst("^file:", ""));
    }
}
