package org.fugong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SchedulersTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void theNextDailyRunIsTodaysWhileItIsAheadElseTomorrows() {
        ZonedDateTime evening = ZonedDateTime.of(2020, 2, 25, 23, 0, 0, 0, SHANGHAI);
        assertThat(Schedulers.untilNextDaily(evening, Schedulers.JUST_AFTER_MIDNIGHT))
                .isEqualTo(Duration.ofHours(1).plusSeconds(5));
        ZonedDateTime atTheMoment = ZonedDateTime.of(2020, 2, 26, 0, 0, 5, 0, SHANGHAI);
        assertThat(Schedulers.untilNextDaily(atTheMoment, Schedulers.JUST_AFTER_MIDNIGHT)).isEqualTo(Duration.ofDays(1));
        ZonedDateTime justBefore = atTheMoment.minusSeconds(1);
        assertThat(Schedulers.untilNextDaily(justBefore, Schedulers.JUST_AFTER_MIDNIGHT)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aDailyJobRunsAtOnceAndAFailedRunStillSchedulesTheNext() throws Exception {
        Semaphore ran = new Semaphore(0);
        ScheduledExecutorService scheduler = Schedulers.daily("test-daily", SHANGHAI, () -> {
            ran.release();
            throw new IllegalStateException("the database is away");
        });
        try {
            assertThat(ran.tryAcquire(10, TimeUnit.SECONDS)).as("the first run, at start").isTrue();
            ScheduledThreadPoolExecutor executor = (ScheduledThreadPoolExecutor) scheduler;
            Instant deadline = Instant.now().plusSeconds(10);
            while (executor.getQueue().isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }
            assertThat(executor.getQueue()).as("the run after the next midnight").hasSize(1);
            long delay = ((java.util.concurrent.ScheduledFuture<?>) executor.getQueue().peek()).getDelay(TimeUnit.SECONDS);
            assertThat(delay).isBetween(0L, Duration.ofDays(1).toSeconds());
        } finally {
            scheduler.shutdownNow();
        }
    }
}
