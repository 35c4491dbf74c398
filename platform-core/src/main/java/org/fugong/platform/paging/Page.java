package org.fugong.platform.paging;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of a list and the cursor of the next, absent on the last page. */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    /**
     * Builds a page from a query that fetched up to {@code limit + 1} rows in key order: the extra
     * row only tells that there is more.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> map, Function<R, String> key) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.encode(key.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(map).toList(), next);
    }
}
