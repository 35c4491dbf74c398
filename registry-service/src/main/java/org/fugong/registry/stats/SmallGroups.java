package org.fugong.registry.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Small-cell suppression of public statistics: a group of fewer than {@link #MINIMUM} organisations
 * shows its count only, since its figures would be one or two enterprises' own. Withholding a group
 * is not enough when the total is shown: the total less the shown groups is the withheld ones
 * together. So when the withheld groups hold fewer than the minimum together, the smallest shown
 * groups are withheld too until they hold at least the minimum.
 */
public final class SmallGroups {

    public static final int MINIMUM = 3;

    private SmallGroups() {
    }

    /** The indices of the groups (by number of organisations) whose figures are withheld. */
    public static Set<Integer> withheld(List<Long> sizes) {
        Set<Integer> withheld = new HashSet<>();
        long withheldTogether = 0;
        for (int i = 0; i < sizes.size(); i++) {
            if (sizes.get(i) < MINIMUM) {
                withheld.add(i);
                withheldTogether += sizes.get(i);
            }
        }
        List<Integer> shownSmallestFirst = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            if (!withheld.contains(i)) {
                shownSmallestFirst.add(i);
            }
        }
        shownSmallestFirst.sort(Comparator.comparing(sizes::get));
        for (int i = 0; withheldTogether > 0 && withheldTogether < MINIMUM && i < shownSmallestFirst.size(); i++) {
            withheld.add(shownSmallestFirst.get(i));
            withheldTogether += sizes.get(shownSmallestFirst.get(i));
        }
        return withheld;
    }

    /** Whether a single figure (a total) covers too few organisations to show. */
    public static boolean tooSmall(long size) {
        return size < MINIMUM;
    }
}
