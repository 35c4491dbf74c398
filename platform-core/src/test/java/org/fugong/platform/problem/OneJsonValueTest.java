package org.fugong.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * A body with anything after its JSON value is a 400 on the body, not its first value acted on
 * (issue 17's fuzzer: {@code {}} followed by {@code [[[} was answered 2xx).
 */
class OneJsonValueTest {

    record Request(String itemCode, Integer quantity) {
    }

    private final ObjectMapper mapper = mapper();

    @Test
    void aValueFollowedByAnythingIsABadRequestOnTheBody() {
        for (String json : new String[] { "{\"quantity\": 5}[[[", "{\"quantity\": 5}{\"quantity\": 500}",
                "{} 1", "{\"item_code\": \"MASK\"} \"more\"" }) {
            JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                    () -> mapper.readValue(json, Request.class));
            assertThat(e).as(json).isNotNull();
            Problem problem = ProblemMappers.jsonProblem(e);
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).as(json).containsExactly(
                    new Problem.FieldError("body", "is not one JSON value: something follows it"));
        }
    }

    @Test
    void aStrayCloseAfterTheValueIsABadRequestOnTheBodyToo() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue("{\"item_code\": \"MASK\"}}", Request.class));
        assertThat(e).isNotNull();
        assertThat(ProblemMappers.jsonProblem(e).errors()).extracting(Problem.FieldError::field).containsExactly("body");
    }

    @Test
    void oneValueWithSpaceAroundItIsReadAsBefore() throws Exception {
        assertThat(mapper.readValue(" {\"item_code\": \"MASK\", \"quantity\": 5}\n\t ", Request.class))
                .isEqualTo(new Request("MASK", 5));
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        new OneJsonValue().customize(mapper);
        return mapper;
    }
}
