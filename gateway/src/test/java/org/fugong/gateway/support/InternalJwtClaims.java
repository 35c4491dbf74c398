package org.fugong.gateway.support;

import java.util.Base64;

import io.restassured.path.json.JsonPath;

/** The claims of the internal JWT the gateway forwarded, as a stand-in service received it. */
public final class InternalJwtClaims {

    private InternalJwtClaims() {
    }

    /** The payload of {@code bearer} ("Bearer header.payload.signature"), not verified: tests read what was sent. */
    public static JsonPath of(String bearer) {
        String payload = bearer.substring("Bearer ".length()).split("\\.")[1];
        return new JsonPath(new String(Base64.getUrlDecoder().decode(payload)));
    }
}
