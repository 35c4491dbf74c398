package org.fugong.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/** Remembering accepted tokens changes how often one is verified, never whether it is accepted. */
class RememberedTokensTest {

    static final String ISSUER = "https://gateway.fugong.test";
    static final KeyPair KEY = rsa();
    static final Instant NOW = Instant.now();

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovingClock clock = new MovingClock();
    final RememberedTokens tokens = new RememberedTokens(
            new DefaultJWTParser(new JWTAuthContextInfo((RSAPublicKey) KEY.getPublic(), ISSUER)), clock);

    @Test
    void anAcceptedTokenIsRememberedAndTheSamePrincipalGivenAgain() throws Exception {
        String token = sign(KEY, "alice", NOW.plusSeconds(300));
        JsonWebToken first = tokens.parse(token);
        assertThat(first.getSubject()).isEqualTo("alice");
        assertThat(tokens.remembers(token)).isTrue();
        assertThat(tokens.parse(token)).as("not verified again").isSameAs(first);
    }

    @Test
    void aRememberedTokenIsRefusedFromItsExpiryOn() throws Exception {
        String token = sign(KEY, "bob", NOW.plusSeconds(300));
        tokens.parse(token);
        clock.now = NOW.plusSeconds(300);
        assertThat(tokens.remembers(token)).isTrue();
        // smallrye-jwt itself allows 60 s of skew by default: the real clock is still before the expiry,
        // so the parser accepts it once more, but it is not remembered past its expiry by the moved clock.
        tokens.parse(token);
        assertThat(tokens.remembers(token)).as("forgotten at its expiry").isFalse();
    }

    @Test
    void anExpiredTokenIsRefusedAndNothingRefusedIsRemembered() throws Exception {
        String expired = sign(KEY, "carol", NOW.minusSeconds(3600));
        assertThatThrownBy(() -> tokens.parse(expired)).isInstanceOf(ParseException.class);
        assertThat(tokens.remembers(expired)).isFalse();

        String foreign = sign(rsa(), "mallory", NOW.plusSeconds(300));
        assertThatThrownBy(() -> tokens.parse(foreign)).isInstanceOf(ParseException.class);
        assertThat(tokens.remembers(foreign)).isFalse();
    }

    @Test
    void aTokenAlteredAfterAnAcceptedOneIsStillVerifiedAndRefused() throws Exception {
        String token = sign(KEY, "dave", NOW.plusSeconds(300));
        tokens.parse(token);
        String[] parts = token.split("\\.");
        String otherPayload = sign(KEY, "root", NOW.plusSeconds(300)).split("\\.")[1];
        String spliced = parts[0] + "." + otherPayload + "." + parts[2];
        assertThatThrownBy(() -> tokens.parse(spliced)).isInstanceOf(ParseException.class);
    }

    static String sign(KeyPair key, String subject, Instant expiry) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setIssuedAt(NumericDate.fromSeconds(expiry.getEpochSecond() - 600));
        claims.setExpirationTime(NumericDate.fromSeconds(expiry.getEpochSecond()));
        claims.setStringListClaim("groups", "ADMIN");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
