package org.fugong.logistics.code;

import java.security.PrivateKey;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Signs pass claims into a compact JWS (ES256, key id in the header, no other header). */
public final class PassSigner {

    private PassSigner() {
    }

    public static String sign(PassClaims claims, String keyId, PrivateKey key) {
        JwtClaims payload = new JwtClaims();
        payload.setStringClaim(PassClaims.NUMBER, claims.number());
        payload.setStringClaim(PassClaims.PLATE, claims.plate());
        payload.setStringListClaim(PassClaims.ROUTE, claims.route());
        payload.setNotBefore(NumericDate.fromSeconds(claims.validFrom().getEpochSecond()));
        payload.setExpirationTime(NumericDate.fromSeconds(claims.validUntil().getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setKeyIdHeaderValue(keyId);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("signing the pass code failed", e);
        }
    }
}
