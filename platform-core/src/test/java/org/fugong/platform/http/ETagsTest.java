package org.fugong.platform.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fugong.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ETagsTest {

    @ParameterizedTest
    @ValueSource(strings = { "\"3\"", "W/\"3\"", "*", "\"1\", \"3\"", "3" })
    void matchingTagsPass(String ifMatch) {
        assertThatCode(() -> ETags.requireMatch(ifMatch, 3)).doesNotThrowAnyException();
    }

    @Test
    void aMissingHeaderIs428AndAnotherVersion412() {
        assertThatThrownBy(() -> ETags.requireMatch(null, 3))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ProblemException) e).problem().status()).isEqualTo(428));
        assertThatThrownBy(() -> ETags.requireMatch("\"2\"", 3))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ProblemException) e).problem().status()).isEqualTo(412));
    }
}
