package org.fugong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class SchedulersTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalTime JUST_AFTER_MIDNIGHT = LocalTime.of(0, 0, 5);

    @Test
    void theNextDailyRunIsTodaysWhileItIsAheadElseTomorrows() {
        ZonedDateTime evening = ZonedDateTime.of(2020, 2, 25, 23, 0, 0, 0, SHANGHAI);
        assertThat(Schedulers.untilNextDaily(evening, JUST_AFTER_MIDNIGHT)).isEqualTo(Duration.ofHours(1).plusSeconds(5));
        ZonedDateTime atTheMoment = ZonedDateTime.of(2020, 2, 26, 0, 0, 5, 0, SHANGHAI);
        assertThat(Schedulers.untilNextDaily(atTheMoment, JUST_AFTER_MIDNIGHT)).isEqualTo(Duration.ofDays(1));
        ZonedDateTime justBefore = atTheMoment.minusSeconds(1);
        assertThat(Schedulers.untilNextDaily(justBefore, JUST_AFTER_MIDNIGHT)).isEqualTo(Duration.ofSeconds(1));
    }
}
