package org.fugong.devstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fugong.platform.security.RsaKeys;

/**
 * Mints RS256 tokens shaped like the gateway's internal JWT ({@code iss}, {@code aud}, {@code sub},
 * {@code groups}, {@code org_id}, {@code region_scope}, {@code jti}) with a key it is given: the run
 * command prints such tokens for calling each service directly, the benchmarks call with them, and
 * platform-testing's {@code TestJwt} gives tests the same builder with a key of the test JVM.
 * Tokens can also be expired, from another issuer or signed with a foreign key, to test rejection.
 */
public final class DevJwt {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private PrivateKey signingKey;
    private Duration lifetime = Duration.ofMinutes(5);

    private DevJwt(String role) {
        claims.put("sub", "dev-" + role.toLowerCase() + "-" + UUID.randomUUID());
        claims.put("groups", List.of(role));
        claims.put("jti", UUID.randomUUID().toString());
    }

    /** A token for one role; give it an issuer, an audience and a signing key before {@link #token()}. */
    public static DevJwt as(String role) {
        return new DevJwt(role);
    }

    public DevJwt subject(String subject) {
        claims.put("sub", subject);
        return this;
    }

    public DevJwt orgId(UUID orgId) {
        claims.put("org_id", orgId.toString());
        return this;
    }

    public DevJwt regionScope(String regionScope) {
        claims.put("region_scope", regionScope);
        return this;
    }

    /** The services the token is for ({@code aud}); each service accepts only tokens naming it. */
    public DevJwt audience(String... services) {
        claims.put("aud", services.length == 1 ? services[0] : List.of(services));
        return this;
    }

    public DevJwt issuer(String issuer) {
        claims.put("iss", issuer);
        return this;
    }

    public DevJwt expiresIn(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    /** Signs with the given key, e.g. the run command's own key pair. */
    public DevJwt signedWith(PrivateKey key) {
        this.signingKey = key;
        return this;
    }

    /** Signs with a key nobody trusts. */
    public DevJwt signedWithForeignKey() {
        this.signingKey = RsaKeys.generate().getPrivate();
        return this;
    }

    public String token() {
        if (signingKey == null) {
            throw new IllegalStateException("No signing key: call signedWith(...) first");
        }
        Instant now = Instant.now();
        Map<String, Object> body = new LinkedHashMap<>(claims);
        body.put("iat", now.getEpochSecond() - (lifetime.isNegative() ? 600 : 0));
        body.put("exp", now.plus(lifetime).getEpochSecond());
        try {
            String header = URL.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = URL.encodeToString(JSON.writeValueAsBytes(body));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signingKey);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + URL.encodeToString(rsa.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
