package org.fugong.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

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

    /** The page size: default when absent, 400 naming {@code limit} outside 1..100. */
    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
