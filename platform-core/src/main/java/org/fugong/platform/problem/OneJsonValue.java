package org.fugong.platform.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A body is one JSON value and nothing after it. Jackson by default stops reading at the end of
 * the first value and ignores the rest, so {@code {"quantity": 5}[[[} or two objects one after
 * the other were taken as the first alone (the contract fuzzer's malformed bodies were answered 2xx,
 * issue 17): a client whose body was cut or doubled on the way must hear that, not see half of it
 * acted on.
 */
@Singleton
public class OneJsonValue implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Whether Jackson refused the body for what follows its value. */
    static boolean trailing(Exception e) {
        return e.getMessage() != null && e.getMessage().startsWith("Trailing token");
    }
}
