package org.fugong.testing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** The one check of an RFC 9457 answer every service's tests use: shape, status, and nothing of the implementation. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("type", startsWith("urn:fugong:problem:")).body("title", notNullValue())
                .body("detail", notNullValue())
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("org.")));
    }
}
