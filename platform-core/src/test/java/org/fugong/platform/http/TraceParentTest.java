package org.fugong.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceParentTest {

    @RepeatedTest(20)
    void newTracesAreValid() {
        assertThat(TraceParent.isValid(TraceParent.newTrace())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", "xx",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01" })
    void malformedValuesAreRejected(String value) {
        assertThat(TraceParent.isValid(value)).isFalse();
    }
}
