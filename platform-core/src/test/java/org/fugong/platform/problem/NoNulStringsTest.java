package org.fugong.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * A body string holding U+0000 is a 400 naming its field, never a value that reaches PostgreSQL
 * (whose text refuses it: that was a 500, issue 17's fuzzer found it in a supply request).
 */
class NoNulStringsTest {

    record Request(String itemCode, List<String> route, Nested contact) {
    }

    record Nested(String name) {
    }

    private final ObjectMapper mapper = mapper();

    @Test
    void aNulCharacterAnywhereInABodyIsABadRequestNamingTheField() {
        assertThat(problemOf("{\"item_code\": \"\\u0000\"}").errors())
                .containsExactly(new Problem.FieldError("item_code", "must not contain the NUL character (U+0000)"));
        assertThat(problemOf("{\"contact\": {\"name\": \"李\\u0000经理\"}}").errors())
                .extracting(Problem.FieldError::field).containsExactly("contact.name");
        assertThat(problemOf("{\"route\": [\"420102\", \"a\\u0000\"]}").errors())
                .extracting(Problem.FieldError::field).containsExactly("route[1]");
    }

    @Test
    void otherStringsAreReadAsBefore() throws Exception {
        Request read = mapper.readValue("{\"item_code\": \"MASK\\u0001\\u200b😷\", \"route\": null}", Request.class);
        assertThat(read.itemCode()).isEqualTo("MASK\u0001\u200b😷");
        assertThat(mapper.readValue("{\"contact\": {\"name\": null}}", Request.class).contact().name()).isNull();
    }

    private Problem problemOf(String json) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue(json, Request.class));
        assertThat(e).as(json).isInstanceOf(NoNulStrings.NulInString.class);
        Problem problem = ProblemMappers.jsonProblem(e);
        assertThat(problem.status()).isEqualTo(400);
        return problem;
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        new NoNulStrings().customize(mapper);
        return mapper;
    }
}
