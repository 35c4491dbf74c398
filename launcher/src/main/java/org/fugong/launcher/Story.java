package org.fugong.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one part of the demo tells a newcomer in the banner: what it loaded, the API keys to follow
 * it through the gateway with (issued by the run command at start, like the other demo keys), and
 * the requests worth making, printed as curl commands with those keys.
 */
final class Story {

    /** The label of the gateway's bootstrap administrator key, which the banner always shows. */
    static final String ADMIN = "ADMIN";
    /** The label of the Hubei authority's key, which the banner always shows. */
    static final String HUBEI_AUTHORITY = "AUTHORITY (Hubei, 42)";

    /** A key to issue: its label in the banner and what {@code POST /admin/api-keys} is asked for. */
    record Key(String label, Map<String, String> request) {
    }

    /**
     * A request worth making: what it shows, the label of the key to make it with (none for a public
     * path), curl options before the URL (a method and a body), and the path under the gateway.
     */
    private record Look(String what, String key, String options, String path) {
    }

    private final String title;
    private final List<String> lines = new ArrayList<>();
    private final List<Key> keys = new ArrayList<>();
    private final List<Look> looks = new ArrayList<>();

    Story(String title) {
        this.title = title;
    }

    /** A line saying what was loaded. */
    Story line(String text) {
        lines.add(text);
        return this;
    }

    /**
     * A key for one organisation's people: {@code role} with {@code orgId}, and {@code regionScope}
     * when the role needs one (null otherwise).
     */
    Story key(String label, String role, UUID orgId, String regionScope) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("name", "demo " + label);
        request.put("role", role);
        request.put("org_id", orgId.toString());
        if (regionScope != null) {
            request.put("region_scope", regionScope);
        }
        keys.add(new Key(label, request));
        return this;
    }

    /** A GET worth making with the key labelled {@code key}. */
    Story look(String what, String key, String path) {
        return look(what, key, "", path);
    }

    /** A request worth making with the key labelled {@code key} (null for a public path) and curl {@code options}. */
    Story look(String what, String key, String options, String path) {
        looks.add(new Look(what, key, options, path));
        return this;
    }

    List<Key> keys() {
        return keys;
    }

    /** The story as the banner prints it, each look a curl through {@code gatewayUrl} with the key's value. */
    String render(String gatewayUrl, Map<String, String> keyValues) {
        StringBuilder text = new StringBuilder(title).append("\n");
        lines.forEach(line -> text.append("  ").append(line).append("\n"));
        for (Look look : looks) {
            text.append("  ").append(look.what()).append(":\n    curl -s");
            if (look.key() != null) {
                String value = keyValues.get(look.key());
                if (value == null) {
                    throw new IllegalStateException("no demo key labelled " + look.key());
                }
                text.append(" -H \"X-Api-Key: ").append(value).append("\"");
            }
            if (!look.options().isEmpty()) {
                text.append(" ").append(look.options());
            }
            text.append(" '").append(gatewayUrl).append(look.path()).append("'\n");
        }
        return text.toString();
    }
}
