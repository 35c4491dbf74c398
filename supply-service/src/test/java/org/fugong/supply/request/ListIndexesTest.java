package org.fugong.supply.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.fugong.supply.support.SupplyTest;
import org.fugong.testing.KeysetIndexes;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every filter and scope of GET /api/v1/supply-requests is served by an index ending in the keyset, as migrated by Flyway. */
@QuarkusTest
@SupplyTest
class ListIndexesTest {

    @Inject
    DataSource db;

    @Test
    void everyListFilterHasAKeysetIndex() throws Exception {
        try (Connection c = db.getConnection()) {
            // RequestService.list: item, status; SupplyAccess's scopes: delivery region, requesting organisation.
            assertThat(KeysetIndexes.missing(c, "supply_request", List.of("item_code", "status", "delivery_region",
                    "requester_org_id"))).isEmpty();
        }
    }
}
