package org.fugong.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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

/**
 * Mints RS256 tokens shaped like the gateway's internal JWT ({@code sub}, {@code groups},
 * {@code org_id}, {@code region_scope}, {@code jti}) for test callers of any role and scope, signed
 * with a key pair made for this JVM. Tokens can also be expired, from another issuer or signed
 * with a foreign key, to test rejection.
 */
public final class TestJwt {

    public static final String ISSUER = "https://gateway.fugong.test";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair KEYS = newKeyPair();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private PrivateKey signingKey = KEYS.getPrivate();
    private Duration lifetime = Duration.ofMinutes(5);

    private TestJwt(String role) {
        claims.put("iss", ISSUER);
        claims.put("sub", "test-" + role.toLowerCase() + "-" + UUID.randomUUID());
        claims.put("groups", List.of(role));
        claims.put("jti", UUID.randomUUID().toString());
    }

    public static TestJwt as(String role) {
        return new TestJwt(role);
    }

    public static String admin() {
        return as("ADMIN").token();
    }

    public static String reader() {
        return as("READER").token();
    }

    public static String authority(String regionScope) {
        return as("AUTHORITY").regionScope(regionScope).token();
    }

    public static String organisation(String role, UUID orgId) {
        return as(role).orgId(orgId).token();
    }

    public TestJwt subject(String subject) {
        claims.put("sub", subject);
        return this;
    }

    public TestJwt orgId(UUID orgId) {
        claims.put("org_id", orgId.toString());
        return this;
    }

    public TestJwt regionScope(String regionScope) {
        claims.put("region_scope", regionScope);
        return this;
    }

    /**
     * The services the token is for ({@code aud}); each service accepts only tokens naming it, as
     * the gateway mints them. Without this, a test's token names the service under test
     * ({@code fugong.service.name} of the Quarkus application in this JVM), and no audience outside one.
     */
    public TestJwt audience(String... services) {
        claims.put("aud", services.length == 1 ? services[0] : List.of(services));
        return this;
    }

    public TestJwt issuer(String issuer) {
        claims.put("iss", issuer);
        return this;
    }

    public TestJwt expiresIn(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    /** Signs with the given key, e.g. the run command's own key pair. */
    public TestJwt signedWith(PrivateKey key) {
        this.signingKey = key;
        return this;
    }

    /** Signs with a key the service does not trust. */
    public TestJwt signedWithForeignKey() {
        this.signingKey = newKeyPair().getPrivate();
        return this;
    }

    public String token() {
        Instant now = Instant.now();
        Map<String, Object> body = new LinkedHashMap<>(claims);
        if (!body.containsKey("aud")) {
            serviceUnderTest().ifPresent(service -> body.put("aud", service));
        }
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

    private static java.util.Optional<String> serviceUnderTest() {
        try {
            return org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue("fugong.service.name",
                    String.class);
        } catch (RuntimeException | LinkageError noConfigHere) {
            return java.util.Optional.empty();
        }
    }

    /** The verification key, as the base64 DER text that {@code mp.jwt.verify.publickey} accepts. */
    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** A fresh 2048-bit RSA key pair, for tests that need keys of their own (another issuer, a forger). */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
