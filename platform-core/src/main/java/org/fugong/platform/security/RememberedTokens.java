package org.fugong.platform.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.fugong.platform.cache.Lru;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The JWT parser of every service: smallrye-jwt's, remembering the tokens it accepted. The gateway
 * signs one internal token per caller and reuses it for half its lifetime, so a service sees the
 * same few strings again and again, and verifying one (an RS256 signature, the issuer, the
 * audience) was a third of a request's CPU on the event loop. A remembered token is the exact
 * string that passed every check; it is accepted again only until its expiry (without the clock
 * skew the first check allows), because nothing else about it can change while the service's key
 * set does not. Everything else is smallrye-jwt's own parser.
 */
@Alternative
@Priority(1)
@Singleton
public class RememberedTokens implements JWTParser {

    /** A few per caller that called within a token's lifetime: far more than the gateway's identities. */
    static final int CAPACITY = 4096;

    private final JWTParser parser;
    private final Clock clock;
    private final Lru<String, JsonWebToken> accepted = new Lru<>(CAPACITY);

    /** @param parser smallrye-jwt's parser bean, with the service's configuration */
    @Inject
    public RememberedTokens(DefaultJWTParser parser) {
        this(parser, Clock.systemUTC());
    }

    RememberedTokens(JWTParser parser, Clock clock) {
        this.parser = parser;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = accepted.get(token);
        if (known != null) {
            if (clock.instant().getEpochSecond() < known.getExpirationTime()) {
                return known;
            }
            accepted.remove(token);
        }
        JsonWebToken verified = parser.parse(token);
        if (clock.instant().getEpochSecond() < verified.getExpirationTime()) {
            accepted.put(token, verified);
        }
        return verified;
    }

    /** Whether this exact token is remembered as accepted. */
    boolean remembers(String token) {
        return accepted.contains(token);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
