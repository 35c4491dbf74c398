package org.fugong.gateway.auth;

/**
 * Why the gateway answers a request itself instead of forwarding it; becomes problem+json.
 * Carries no stack trace: it is an answer, not a fault.
 */
public class Rejection extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final String challenge;

    public Rejection(int status, String slug, String title, String detail, String challenge) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.challenge = challenge;
    }

    public static Rejection unauthenticated(String detail) {
        return new Rejection(401, "unauthenticated", "Unauthenticated", detail, "ApiKey, Bearer");
    }

    public static Rejection forbidden(String detail) {
        return new Rejection(403, "forbidden", "Forbidden", detail, null);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The WWW-Authenticate value, for 401s. */
    public String challenge() {
        return challenge;
    }
}
