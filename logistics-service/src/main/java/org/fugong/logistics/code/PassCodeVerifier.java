package org.fugong.logistics.code;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

/**
 * Checks a pass code with nothing but the published key set and a clock: what a checkpoint's
 * handheld does with no connection. Only ES256 is accepted, whatever the header says (no "none",
 * no algorithm confusion); a key id not in the set, a broken signature or unreadable claims are
 * all FORGED. Whether the pass still exists or was revoked is for the revocation list, not for it.
 */
public final class PassCodeVerifier {

    public enum Outcome {
        VALID, FORGED, NOT_YET_VALID, EXPIRED
    }

    /** @param claims what the code says, when its signature holds (also when expired or not yet valid) */
    public record Result(Outcome outcome, PassClaims claims) {
    }

    private static final AlgorithmConstraints ES256_ONLY = new AlgorithmConstraints(ConstraintType.PERMIT,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);

    private final Map<String, PublicKey> keys = new HashMap<>();
    private final Clock clock;

    /** @param jwks the key set as published at {@code /api/v1/green-passes/keys} */
    public PassCodeVerifier(String jwks, Clock clock) {
        this.clock = clock;
        try {
            for (JsonWebKey key : new JsonWebKeySet(jwks).getJsonWebKeys()) {
                if (key instanceof PublicJsonWebKey pub && key.getKeyId() != null) {
                    keys.put(key.getKeyId(), pub.getPublicKey());
                }
            }
        } catch (JoseException e) {
            throw new IllegalArgumentException("not a JSON Web Key Set", e);
        }
    }

    public Result verify(String code) {
        PassClaims claims;
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(ES256_ONLY);
            jws.setCompactSerialization(code);
            PublicKey key = jws.getKeyIdHeaderValue() == null ? null : keys.get(jws.getKeyIdHeaderValue());
            if (key == null) {
                return forged();
            }
            jws.setKey(key);
            if (!jws.verifySignature()) {
                return forged();
            }
            claims = claims(JwtClaims.parse(jws.getPayload()));
        } catch (JoseException | InvalidJwtException | MalformedClaimException | RuntimeException e) {
            return forged();
        }
        if (claims == null) {
            return forged();
        }
        return judge(claims);
    }

    /** The outcome for claims whose signature held, by the clock alone. */
    public Result judge(PassClaims claims) {
        Instant now = clock.instant();
        if (now.isBefore(claims.validFrom())) {
            return new Result(Outcome.NOT_YET_VALID, claims);
        }
        if (!now.isBefore(claims.validUntil())) {
            return new Result(Outcome.EXPIRED, claims);
        }
        return new Result(Outcome.VALID, claims);
    }

    /** The claims, or null when one is missing: a signed code without them is not one of ours. */
    private static PassClaims claims(JwtClaims c) throws MalformedClaimException {
        String number = c.getStringClaimValue(PassClaims.NUMBER);
        String plate = c.getStringClaimValue(PassClaims.PLATE);
        List<String> route = c.hasClaim(PassClaims.ROUTE) ? c.getStringListClaimValue(PassClaims.ROUTE) : null;
        NumericDate from = c.getNotBefore();
        NumericDate until = c.getExpirationTime();
        if (number == null || plate == null || route == null || from == null || until == null) {
            return null;
        }
        return new PassClaims(number, plate, List.copyOf(route), Instant.ofEpochSecond(from.getValue()),
                Instant.ofEpochSecond(until.getValue()));
    }

    private static Result forged() {
        return new Result(Outcome.FORGED, null);
    }
}
