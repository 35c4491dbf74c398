package org.fugong.gateway.support;

import java.security.PrivateKey;

import org.fugong.testing.TestJwt;

/** A signing key nobody trusts: neither the OIDC issuer stand-in nor the gateway publish it. */
public final class UntrustedSigningKey {

    private static final PrivateKey KEY = TestJwt.newKeyPair().getPrivate();

    private UntrustedSigningKey() {
    }

    public static PrivateKey privateKey() {
        return KEY;
    }
}
