package org.fugong.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.fugong.platform.problem.ProblemException;

/**
 * Opaque keyset cursors: the sort key of the last item shown, base64url-encoded. Clients pass it
 * back unchanged; lists continue strictly after it, so inserts never shift a page.
 */
public final class Cursor {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Cursor() {
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k:" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key in the cursor, or null for the first page; 400 naming {@code cursor} when it is not ours. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("k:") && text.length() > 2) {
                return text.substring(2);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the same answer as any other foreign cursor
        }
        throw ProblemException.invalid("cursor", "is not a cursor from a previous page");
    }

    /** A cursor whose key is a UUID, as for lists ordered by id; null for the first page. */
    public static UUID decodeUuid(String cursor) {
        String key = decode(cursor);
        if (key == null) {
            return null;
        }
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor from a previous page");
        }
    }

    /** The page size: default when absent, 400 naming {@code limit} outside 1..100. */
    public static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // same answer as out of range
        }
        throw ProblemException.invalid("limit", "must be an integer between 1 and " + MAX_LIMIT);
    }
}
