package org.fugong.logistics.code;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.logistics.config.LogisticsConfig;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The pass code's keys: the current signing key (from a PKCS#8 PEM file, or generated at start) and
 * the public keys of earlier ones, all published as a JWKS so codes signed before a rotation still
 * verify until they expire. To rotate: configure the new private key and add the old one's public
 * key to {@code previous-public-keys}; drop it once the last pass it signed has expired.
 */
@ApplicationScoped
public class PassKeys {

    private static final Logger LOG = Logger.getLogger(PassKeys.class);

    @Inject
    LogisticsConfig config;

    private KeyPair signing;
    private String signingKeyId;
    private String publicKeySet;

    @PostConstruct
    void load() {
        signing = config.passCode().signingKey().map(location -> EcKeys.readPrivatePem(EcKeys.read(location)))
                .orElseGet(() -> {
                    LOG.warn("No fugong.logistics.pass-code.signing-key: signing pass codes with a key generated "
                            + "for this process; its codes stop verifying when it ends");
                    return EcKeys.generate();
                });
        List<ECPublicKey> previous = new ArrayList<>();
        config.passCode().previousPublicKeys().orElse(List.of())
                .forEach(location -> previous.add(EcKeys.readPublicPem(EcKeys.read(location))));
        signingKeyId = EcKeys.keyId((ECPublicKey) signing.getPublic());
        publicKeySet = jwks((ECPublicKey) signing.getPublic(), previous);
        LOG.infof("Pass codes signed with key %s; %d earlier key(s) published", signingKeyId, previous.size());
    }

    public KeyPair signing() {
        return signing;
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    /** The JWKS document: the current key first, then the earlier ones. */
    public String publicKeySet() {
        return publicKeySet;
    }

    /** A JWKS of public keys, each with its key id, {@code use=sig} and {@code alg=ES256}. */
    public static String jwks(ECPublicKey current, List<ECPublicKey> previous) {
        Map<String, PublicJsonWebKey> byId = new LinkedHashMap<>();
        List<ECPublicKey> all = new ArrayList<>();
        all.add(current);
        all.addAll(previous);
        try {
            for (ECPublicKey key : all) {
                PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
                jwk.setKeyId(EcKeys.keyId(key));
                jwk.setUse("sig");
                jwk.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
                byId.putIfAbsent(jwk.getKeyId(), jwk);
            }
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
        return new JsonWebKeySet(new ArrayList<>(byId.values())).toJson(OutputControlLevel.PUBLIC_ONLY);
    }
}
