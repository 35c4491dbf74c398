package org.fugong.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.fugong.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    @Test
    void roundTrips() {
        UUID id = UUID.randomUUID();
        assertThat(Cursor.decodeUuid(Cursor.encode(id.toString()))).isEqualTo(id);
        assertThat(Cursor.decode(Cursor.encode("420102"))).isEqualTo("420102");
        assertThat(Cursor.decode(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "!!", "aGVsbG8", "azo" })
    void foreignCursorsAre400NamingCursor(String cursor) {
        assertThatThrownBy(() -> Cursor.decode(cursor)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().errors().get(0).field()).isEqualTo("cursor"));
    }

    @Test
    void limitsAreBounded() {
        assertThat(Cursor.limit(null)).isEqualTo(20);
        assertThat(Cursor.limit("1")).isEqualTo(1);
        assertThat(Cursor.limit("100")).isEqualTo(100);
        for (String bad : List.of("0", "101", "-1", "x", "1.5")) {
            assertThatThrownBy(() -> Cursor.limit(bad)).isInstanceOf(ProblemException.class);
        }
    }

    @Test
    void aPageWithAnExtraRowHasANextCursorAtItsLastItem() {
        Page<String> page = Page.of(List.of("a", "b", "c"), 2, s -> s.toUpperCase(), s -> s);
        assertThat(page.items()).containsExactly("A", "B");
        assertThat(Cursor.decode(page.nextCursor())).isEqualTo("b");
        assertThat(Page.of(List.of("a", "b"), 2, s -> s, s -> s).nextCursor()).isNull();
    }
}
