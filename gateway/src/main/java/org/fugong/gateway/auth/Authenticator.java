package org.fugong.gateway.auth;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.fugong.gateway.GatewayConfig;
import org.fugong.gateway.edge.ClientAddress;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/**
 * Who is calling: an API key ({@code X-Api-Key}) or a bearer token from the OIDC issuer; with
 * neither, an anonymous reader on public paths and 401 elsewhere. A credential that is present but
 * wrong is 401 even on a public path, so a client learns at once that its key is bad.
 */
@Singleton
public class Authenticator {

    @Inject
    GatewayConfig config;

    @Inject
    ApiKeys apiKeys;

    @Inject
    OidcTokens oidc;

    private PublicPaths publicPaths;

    @PostConstruct
    void init() {
        publicPaths = new PublicPaths(config.publicPaths());
    }

    /**
     * @param path the request's normalised path (what public paths are decided on)
     * @param clientAddress where the request comes from (anonymous callers are limited per address)
     */
    public Future<Identity> authenticate(HttpServerRequest request, String path, String clientAddress) {
        String key = request.getHeader("X-Api-Key");
        if (key != null) {
            return apiKeys.identify(key).map(Future::succeededFuture)
                    .orElseGet(() -> Future.failedFuture(Rejection.unauthenticated("The X-Api-Key is unknown or revoked")));
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Future.failedFuture(Rejection.unauthenticated("Authorization must be 'Bearer <token>'"));
            }
            return oidc.verify(authorization.substring(7).strip());
        }
        if (publicPaths.isPublic(request.method().name(), path)) {
            return Future.succeededFuture(Identity.anonymous(ClientAddress.limitKey(clientAddress), config.rateLimit().anonymousTier()));
        }
        return Future.failedFuture(Rejection.unauthenticated("An X-Api-Key or a bearer token is required"));
    }
}
