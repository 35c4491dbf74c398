package org.fugong.platform.security;

/** The roles the gateway puts into the internal JWT's {@code groups} claim. */
public final class Role {
    public static final String ADMIN = "ADMIN";
    /** A government official acting inside a region scope. */
    public static final String AUTHORITY = "AUTHORITY";
    public static final String ENTERPRISE = "ENTERPRISE";
    public static final String HEALTH_INSTITUTION = "HEALTH_INSTITUTION";
    public static final String LENDER = "LENDER";
    /** A checkpoint officer acting inside a region scope. */
    public static final String CHECKPOINT = "CHECKPOINT";
    /** Statistics and public catalogue only. */
    public static final String READER = "READER";

    private Role() {
    }
}
