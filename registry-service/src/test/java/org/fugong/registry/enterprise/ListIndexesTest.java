package org.fugong.registry.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;

import jakarta.inject.Inject;

import org.fugong.registry.support.RegistryTest;
import org.fugong.testing.KeysetIndexes;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Every filter of GET /api/v1/enterprises is served by an index ending in the keyset, as migrated by Flyway. */
@QuarkusTest
@RegistryTest
class ListIndexesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyListFilterHasAKeysetIndex() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            // The columns of EnterpriseService.list's filters: region, industry, tier, size, status, kind, resumption_status.
            assertThat(KeysetIndexes.missing(c, "enterprise", List.of("region_code", "industry", "priority_tier",
                    "size_class", "status", "kind", "resumption_status"))).isEmpty();
        }
    }
}
