package org.fugong.gateway.auth;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/.well-known/jwks.json")
@Tag(name = "Gateway")
public class JwksResource {

    @Inject
    InternalTokens tokens;

    @GET
    @PermitAll
    @Produces("application/jwk-set+json")
    @Operation(summary = "The keys services verify the internal JWT with")
    public Map<String, Object> jwks() {
        return tokens.jwks();
    }
}
