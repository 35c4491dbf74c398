package org.fugong.registry.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A day's health report, as a plain object: corrections replace figures, the day alerts once. */
class HealthReportTest {

    static final Instant FIRST = Instant.parse("2020-03-10T02:00:00Z");
    static final Instant LATER = Instant.parse("2020-03-10T09:00:00Z");

    @Test
    void aConfirmedCaseAlertsOnceHoweverOftenTheDayIsCorrected() {
        HealthReport r = HealthReport.firstOfDay(UUID.randomUUID(), LocalDate.parse("2020-03-10"), FIRST);
        assertThat(r.report(0, 0, 1, 0, 3, FIRST)).isEmpty();
        assertThat(r.report(1, 0, 1, 9, 3, LATER)).contains(OutbreakRule.CONFIRMED_CASE);
        assertThat(r.report(2, 4, 1, 9, 3, LATER)).isEmpty();
        assertThat(r.alerted).isTrue();
        assertThat(r.confirmed).isEqualTo(2);
        assertThat(r.suspected).isEqualTo(4);
        assertThat(r.closeContacts).isEqualTo(9);
        assertThat(r.firstSubmittedAt).as("on time is judged by the first report").isEqualTo(FIRST);
        assertThat(r.updatedAt).isEqualTo(LATER);
    }

    @Test
    void suspectedCasesAtTheThresholdAlert() {
        HealthReport r = HealthReport.firstOfDay(UUID.randomUUID(), LocalDate.parse("2020-03-10"), FIRST);
        assertThat(r.report(0, 2, 0, 0, 3, FIRST)).isEmpty();
        assertThat(r.alerted).isFalse();
        assertThat(r.report(0, 3, 0, 0, 3, LATER)).contains(OutbreakRule.SUSPECTED_CASES);
    }
}
