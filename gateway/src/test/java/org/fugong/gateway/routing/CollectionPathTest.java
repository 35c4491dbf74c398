package org.fugong.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which collection, and so which service, a path names. */
class CollectionPathTest {

    @Test
    void theFirstSegmentAfterTheApiPrefix() {
        assertEquals("enterprises", ProxyRoutes.collection("/api/v1/enterprises"));
        assertEquals("enterprises", ProxyRoutes.collection("/api/v1/enterprises/01a2/filings"));
        assertEquals("regions", ProxyRoutes.collection("/api/v1/regions/"));
    }

    @Test
    void noCollectionWithoutOne() {
        assertNull(ProxyRoutes.collection("/api/v1/"));
        assertNull(ProxyRoutes.collection("/api/v1"));
        assertNull(ProxyRoutes.collection("/api/v1//enterprises"));
        assertNull(ProxyRoutes.collection("/api/v2/enterprises"));
        assertNull(ProxyRoutes.collection(null));
    }
}
