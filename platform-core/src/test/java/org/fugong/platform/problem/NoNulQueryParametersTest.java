package org.fugong.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A query parameter holding U+0000 is refused naming it (issue 17: it was a 500 from PostgreSQL). */
class NoNulQueryParametersTest {

    @Test
    void theParameterHoldingANulIsNamed() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("limit", List.of("20"));
        query.put("item", List.of("MASK", "\u0000\u0000"));
        assertThat(NoNulQueryParameters.refusedParameter(query)).isEqualTo("item");
        assertThat(NoNulQueryParameters.refusedParameter(Map.of("a\u0000", List.of("x")))).isEqualTo("query");
    }

    @Test
    void otherOddValuesPass() {
        assertThat(NoNulQueryParameters.refusedParameter(Map.of("item", List.of("\u0001😷\u200b", "%00")))).isNull();
        assertThat(NoNulQueryParameters.refusedParameter(Map.of())).isNull();
    }
}
