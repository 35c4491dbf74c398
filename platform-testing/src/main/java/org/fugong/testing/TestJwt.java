package org.fugong.testing;

import java.security.KeyPair;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.fugong.devstack.DevJwt;
import org.fugong.platform.security.RsaKeys;

/**
 * Tokens for test callers of any role and scope, shaped like the gateway's internal JWT: the
 * devstack's {@link DevJwt}, issued by {@link #ISSUER} and signed with a key pair made for this JVM
 * (which {@link FugongTestResource} gives the service under test), for the service under test
 * ({@code fugong.service.name} of the Quarkus application in this JVM) unless told otherwise.
 */
public final class TestJwt {

    public static final String ISSUER = "https://gateway.fugong.test";

    private static final KeyPair KEYS = RsaKeys.generate();

    private TestJwt() {
    }

    public static DevJwt as(String role) {
        DevJwt jwt = DevJwt.as(role).subject("test-" + role.toLowerCase() + "-" + UUID.randomUUID()).issuer(ISSUER)
                .signedWith(KEYS.getPrivate());
        serviceUnderTest().ifPresent(jwt::audience);
        return jwt;
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

    private static Optional<String> serviceUnderTest() {
        try {
            return ConfigProvider.getConfig().getOptionalValue("fugong.service.name", String.class);
        } catch (RuntimeException | LinkageError noConfigHere) {
            return Optional.empty();
        }
    }

    /** The verification key, as the base64 DER text that {@code mp.jwt.verify.publickey} accepts. */
    public static String publicKeyBase64() {
        return RsaKeys.publicKeyBase64(KEYS);
    }

    /** A fresh 2048-bit RSA key pair, for tests that need keys of their own (another issuer, a forger). */
    public static KeyPair newKeyPair() {
        return RsaKeys.generate();
    }
}
