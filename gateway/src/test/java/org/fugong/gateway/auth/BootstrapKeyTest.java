package org.fugong.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fugong.gateway.support.ApiKeysForTests;
import org.junit.jupiter.api.Test;

class BootstrapKeyTest {

    @Test
    void aBootstrapKeyShorterThan32CharactersStopsTheStart() {
        assertThatThrownBy(() -> ApiKeys.requireStrongBootstrapKey("fg_short_but_not_32_chars"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32");
        assertThatThrownBy(() -> ApiKeys.requireStrongBootstrapKey("  " + "x".repeat(31) + "  "))
                .as("spaces do not count").isInstanceOf(IllegalStateException.class);
        assertThat(ApiKeys.requireStrongBootstrapKey(ApiKeysForTests.ADMIN_KEY)).isEqualTo(ApiKeysForTests.ADMIN_KEY);
        assertThat(ApiKeysForTests.ADMIN_KEY).hasSizeGreaterThanOrEqualTo(ApiKeys.MIN_BOOTSTRAP_KEY_LENGTH);
    }
}
