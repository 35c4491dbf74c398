package org.fugong.gateway.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one path the gateway decides on and forwards: the raw request path with percent-encoded
 * unreserved characters decoded ({@code %2e} is {@code .}), empty and {@code .} segments dropped
 * and {@code ..} segments resolved. The services normalise paths the same way, so deciding on the
 * raw path would let {@code /api/v1/supply-items/../supply-gaps} pass as public and reach a
 * non-public collection. What cannot be normalised safely is refused instead of guessed at: a
 * {@code ..} above the root, an encoded {@code /} or {@code \}, a backslash, a NUL or other control
 * character, a malformed escape, and a dot segment carrying parameters ({@code ..;x}).
 */
public final class SafePath {

    /** Why a path was refused; the message is safe to show the caller. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private SafePath() {
    }

    /** The normalised form of a raw path (no query); the same path when it is already normal. */
    public static String normalise(String raw) throws Refused {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            throw new Refused("The path must start with '/'");
        }
        if (isAlreadyNormal(raw)) {
            return raw; // the common case: nothing to decode, no dot or empty segment
        }
        String decoded = decodeUnreserved(raw);
        List<String> segments = new ArrayList<>();
        boolean previousWasEmpty = false;
        int start = 1;
        while (start <= decoded.length()) {
            int end = decoded.indexOf('/', start);
            if (end < 0) {
                end = decoded.length();
            }
            String segment = decoded.substring(start, end);
            if (segment.equals("..")) {
                if (previousWasEmpty) {
                    // RFC 3986 keeps empty segments, so "a//.." is "a/" there and "/" here: refused
                    // rather than resolved differently from a proxy or WAF that follows the RFC.
                    throw new Refused("A '..' after an empty segment ('//..') is ambiguous");
                }
                if (segments.isEmpty()) {
                    throw new Refused("The path climbs above the root with '..'");
                }
                segments.remove(segments.size() - 1);
            } else if (isDotWithParameters(segment)) {
                throw new Refused("A dot segment may not carry parameters");
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
            previousWasEmpty = segment.isEmpty();
            start = end + 1;
        }
        // As RFC 3986 5.2.4 does: a path ending in '/', '/.' or '/..' keeps a trailing slash.
        boolean trailingSlash = decoded.endsWith("/") || decoded.endsWith("/.") || decoded.endsWith("/..");
        StringBuilder path = new StringBuilder(decoded.length());
        for (String segment : segments) {
            path.append('/').append(segment);
        }
        if (path.length() == 0 || (trailingSlash && path.charAt(path.length() - 1) != '/')) {
            path.append('/');
        }
        return path.toString();
    }

    /** {@code ..;x}, {@code .;x}, or the same with {@code ;} encoded: a server that strips parameters would resolve them. */
    private static boolean isDotWithParameters(String segment) {
        String upper = segment.toUpperCase(Locale.ROOT);
        return upper.startsWith("..;") || upper.startsWith(".;") || upper.startsWith("..%3B") || upper.startsWith(".%3B");
    }

    /** True when the path has no escape, no dot segment, no empty segment and no forbidden character. */
    private static boolean isAlreadyNormal(String raw) throws Refused {
        char previous = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                throw new Refused("The path holds a control character or a backslash");
            }
            if (c == '%' || (c == '/' && previous == '/') || (c == '.' && previous == '/')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Decodes %XX of unreserved characters; keeps other escapes (upper-cased) and refuses dangerous ones. */
    private static String decodeUnreserved(String raw) throws Refused {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                throw new Refused("The path holds a malformed percent-escape");
            }
            int value = hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2));
            if (value == '/' || value == '\\') {
                throw new Refused("The path holds an encoded '/' or '\\'");
            }
            if (value < 0x20 || value == 0x7f) {
                throw new Refused("The path holds an encoded control character");
            }
            if (isUnreserved(value)) {
                out.append((char) value);
            } else {
                out.append('%').append(Character.toUpperCase(raw.charAt(i + 1)))
                        .append(Character.toUpperCase(raw.charAt(i + 2)));
            }
            i += 2;
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
