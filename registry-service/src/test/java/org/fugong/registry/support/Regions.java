package org.fugong.registry.support;

import java.util.Map;

/** Sets risk levels through the API as an administrator. */
public final class Regions {

    private Regions() {
    }

    public static void setRisk(String code, String level) {
        Api.as(Api.admin()).header("If-Match", "*").body(Map.of("risk_level", level))
                .put("/api/v1/regions/" + code + "/risk-level").then().statusCode(200);
    }
}
