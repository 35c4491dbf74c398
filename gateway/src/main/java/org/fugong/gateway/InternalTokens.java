package org.fugong.gateway;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signs the short-lived internal JWT forwarded with every request (sub, groups, org_id,
 * region_scope, jti) and publishes its public key as a JWKS. A token is reused for half its
 * lifetime per client, so signing stays off the hot path.
 */
@ApplicationScoped
public class InternalTokens {

    @Inject
    GatewayConfig config;

    private KeyPair keys;
    private String keyId;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String token, Instant renewAfter) {
    }

    @PostConstruct
    void loadKeys() {
        keys = config.jwt().privateKeyLocation().map(InternalTokens::readKeyPair).orElseGet(InternalTokens::newKeyPair);
        // The key id follows from the key, so every replica with the same key names it alike.
        keyId = UUID.nameUUIDFromBytes(keys.getPublic().getEncoded()).toString();
    }

    public String tokenFor(ApiClient client) {
        Instant now = Instant.now();
        Cached cached = cache.get(client.id());
        if (cached != null && now.isBefore(cached.renewAfter())) {
            return cached.token();
        }
        JwtClaimsBuilder claims = Jwt.issuer(config.jwt().issuer()).subject("client:" + client.id())
                .groups(Set.of(client.role())).claim("jti", UUID.randomUUID().toString())
                .issuedAt(now).expiresAt(now.plus(config.jwt().lifetime()));
        if (client.orgId() != null) {
            claims.claim("org_id", client.orgId().toString());
        }
        if (client.regionScope() != null) {
            claims.claim("region_scope", client.regionScope());
        }
        String token = claims.jws().keyId(keyId).sign(keys.getPrivate());
        cache.put(client.id(), new Cached(token, now.plus(config.jwt().lifetime().dividedBy(2))));
        return token;
    }

    /** The verification keys as a JSON Web Key Set. */
    public Map<String, Object> jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return Map.of("keys", List.of(Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", keyId,
                "n", base64Url(key.getModulus()), "e", base64Url(key.getPublicExponent()))));
    }

    public java.security.PublicKey publicKey() {
        return keys.getPublic();
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Reads a PKCS#8 PEM RSA private key; the public key is derived from it. */
    static KeyPair readKeyPair(String location) {
        try {
            String pem = Files.readString(Path.of(location.replaceFirst("^file:", "")), StandardCharsets.US_ASCII);
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(),
                    privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the JWT signing key at " + location, e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
