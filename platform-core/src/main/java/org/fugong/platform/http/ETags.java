package org.fugong.platform.http;

import jakarta.ws.rs.core.EntityTag;

import org.fugong.platform.problem.ProblemException;

/**
 * Strong ETags from an entity's version number, and the If-Match check for updates where lost
 * updates matter: 428 when the header is missing, 412 when it names another version.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "Send If-Match with the ETag from your last GET of this resource");
        }
        String current = Long.toString(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || unquote(tag).equals(current)) {
                return;
            }
        }
        throw new ProblemException(412, "precondition-failed", "Precondition failed",
                "The resource has changed since your ETag " + ifMatch.trim() + "; GET it again");
    }

    private static String unquote(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
