package org.fugong.platform.security;

/**
 * Region scopes are GB/T 2260 prefixes: two digits for a province, four for a prefecture, six for
 * a county. Trailing zero pairs of a full code are dropped, so "420000" and "42" both mean Hubei.
 */
public final class RegionScope {

    private RegionScope() {
    }

    public static boolean isValidScope(String scope) {
        return scope != null && scope.matches("\\d{2}|\\d{4}|\\d{6}");
    }

    /** The shortest prefix that names the same area: "420000" → "42", "420100" → "4201". */
    public static String prefixOf(String code) {
        String prefix = code;
        while (prefix.length() > 2 && prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }

    public static boolean covers(String scope, String regionCode) {
        return regionCode != null && isValidScope(scope) && regionCode.startsWith(prefixOf(scope));
    }
}
