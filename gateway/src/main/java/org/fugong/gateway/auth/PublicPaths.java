package org.fugong.gateway.auth;

import java.util.List;
import java.util.Locale;

/**
 * Which requests need no credentials: entries "METHOD /prefix" match that method on the prefix and
 * anything below it ({@code GET /api/v1/stats} opens {@code /api/v1/stats/resumption}, not
 * {@code /api/v1/statsx}).
 */
public final class PublicPaths {

    private record Entry(String method, String prefix) {
    }

    private final List<Entry> entries;

    public PublicPaths(List<String> entries) {
        this.entries = entries.stream().map(String::strip).filter(e -> !e.isEmpty()).map(e -> {
            String[] parts = e.split("\\s+", 2);
            if (parts.length != 2 || !parts[1].startsWith("/")) {
                throw new IllegalArgumentException("A public path is 'METHOD /path', not '" + e + "'");
            }
            String prefix = parts[1].endsWith("/") ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
            return new Entry(parts[0].toUpperCase(Locale.ROOT), prefix);
        }).toList();
    }

    public boolean isPublic(String method, String path) {
        for (Entry entry : entries) {
            boolean methodMatches = entry.method().equals(method) || ("GET".equals(entry.method()) && "HEAD".equals(method));
            if (methodMatches && (path.equals(entry.prefix()) || path.startsWith(entry.prefix() + "/"))) {
                return true;
            }
        }
        return false;
    }
}
