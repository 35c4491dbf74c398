package org.fugong.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathTest {

    @ParameterizedTest
    @CsvSource({ "/api/v1/enterprises, /api/v1/enterprises", "/api/v1/enterprises/, /api/v1/enterprises/",
            "/api/v1/supply-items/../supply-gaps, /api/v1/supply-gaps",
            "/api/v1/supply-items/%2e%2e/supply-gaps, /api/v1/supply-gaps",
            "/api/v1/supply-items/%2E%2E/supply-gaps, /api/v1/supply-gaps", "/api/v1//regions, /api/v1/regions",
            "/api/v1/./regions/., /api/v1/regions/", "/api/v1/regions/42/.., /api/v1/regions/",
            "/api/v1/regions/%34%32, /api/v1/regions/42", "/api/v1/x%20y, /api/v1/x%20y", "/api/v1/x%c3%a9, /api/v1/x%C3%A9",
            "/api/v1/.well-known, /api/v1/.well-known", "/a/..., /a/...", "/, /", "/a/.., /" })
    void normalisesAsTheServicesDo(String raw, String normal) {
        assertThat(normalise(raw)).isEqualTo(normal);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/..", "/../etc", "/a/../../b", "/a/%2e%2e/%2E%2E/b", "/a%2fb", "/a%2F..", "/a%5cb", "/a\\b",
            "/a%00", "/a\u0000", "/a\tb", "/a%7f", "/a/..;/b", "/a/.;x/b", "/a/..%3Bx/b", "/a/..%3bx/b", "/a//../b", "/api/v1/supply-items//../supply-gaps", "/a%", "/a%4", "/a%g0", "relative", "" })
    void refusesWhatCannotBeNormalisedSafely(String raw) {
        assertThatThrownBy(() -> SafePath.normalise(raw)).isInstanceOf(SafePath.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/enterprises", "/api/v1/supply-items/../supply-gaps", "/a//b/./c/%2e./d/" })
    void isIdempotent(String raw) {
        String once = normalise(raw);
        assertThat(normalise(once)).isEqualTo(once);
    }

    private static String normalise(String raw) {
        try {
            return SafePath.normalise(raw);
        } catch (SafePath.Refused e) {
            throw new AssertionError(raw + ": " + e.getMessage(), e);
        }
    }
}
