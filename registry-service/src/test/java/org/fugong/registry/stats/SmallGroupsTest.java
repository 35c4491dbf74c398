package org.fugong.registry.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SmallGroupsTest {

    @Test
    void groupsOfThreeOrMoreAreShownWhenTheSmallOnesHoldThreeTogether() {
        assertThat(SmallGroups.withheld(List.of(3L, 1L, 2L))).containsExactlyInAnyOrder(1, 2);
        assertThat(SmallGroups.withheld(List.of(5L, 3L, 10L))).isEmpty();
    }

    @Test
    void aLoneSmallGroupTakesTheSmallestShownGroupWithIt() {
        assertThat(SmallGroups.withheld(List.of(10L, 1L, 4L))).containsExactlyInAnyOrder(1, 2);
        assertThat(SmallGroups.withheld(List.of(2L))).containsExactly(0);
    }

    @Test
    void noShownGroupsLeaveTheWithheldOnesTogetherBelowTheMinimum() {
        Random random = new Random(20200301L);
        for (int run = 0; run < 10_000; run++) {
            List<Long> sizes = random.longs(1 + random.nextInt(6), 1, 8).boxed().toList();
            Set<Integer> withheld = SmallGroups.withheld(sizes);
            long together = withheld.stream().mapToLong(sizes::get).sum();
            long total = sizes.stream().mapToLong(Long::longValue).sum();
            for (int i = 0; i < sizes.size(); i++) {
                if (sizes.get(i) < SmallGroups.MINIMUM) {
                    assertThat(withheld).as("%s", sizes).contains(i);
                }
            }
            // What the total less the shown groups gives away covers at least three organisations, or the
            // total itself is withheld.
            assertThat(together == 0 || together >= SmallGroups.MINIMUM || SmallGroups.tooSmall(total))
                    .as("%s withheld %s", sizes, withheld).isTrue();
        }
    }
}
