package org.fugong.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void idsAreVersion7AndStrictlyIncreasingEvenWithinOneMillisecond() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(UuidV7.next());
        }
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i).version()).isEqualTo(7);
            assertThat(ids.get(i).variant()).isEqualTo(2);
            // PostgreSQL compares uuids as unsigned bytes, as this string comparison does.
            assertThat(ids.get(i).toString()).isGreaterThan(ids.get(i - 1).toString());
        }
    }
}
