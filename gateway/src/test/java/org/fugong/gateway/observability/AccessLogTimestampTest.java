package org.fugong.gateway.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The access log's hand-made timestamps read the same as the JDK's formatter would write them. */
class AccessLogTimestampTest {

    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(strings = { "2026-11-28T19:26:13.781128Z", "2026-01-01T00:00:00Z", "2024-02-29T23:59:59.999999Z",
            "2020-01-23T10:00:00.000001Z", "1999-12-31T09:05:07.050Z" })
    void matchesTheJdkFormatter(String text) {
        Instant instant = Instant.parse(text);
        StringBuilder line = new StringBuilder();
        AccessLog.appendTimestamp(line, ChronoUnit.MICROS.between(Instant.EPOCH, instant));
        assertEquals(ISO_MICROS.format(instant), line.toString());
    }
}
