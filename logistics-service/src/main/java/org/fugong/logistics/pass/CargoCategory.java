package org.fugong.logistics.pass;

import java.util.EnumSet;
import java.util.Set;

/** What a green pass carries (DOMAIN.md's list). */
public enum CargoCategory {
    MEDICAL_SUPPLIES,
    LIVELIHOOD_GOODS,
    AGRICULTURAL_INPUTS,
    PRODUCTION_MATERIALS,
    COMPONENTS,
    KEY_INDUSTRY_PRODUCTS,
    RETURNING_WORKERS;

    /** The categories the green channel gives priority to. */
    public static final Set<CargoCategory> PRIORITY = EnumSet.of(MEDICAL_SUPPLIES, LIVELIHOOD_GOODS,
            AGRICULTURAL_INPUTS, PRODUCTION_MATERIALS, COMPONENTS, KEY_INDUSTRY_PRODUCTS);

    /** What the channel is for into and out of HIGH counties (opinion 2: Hubei and Wuhan first). */
    public static final Set<CargoCategory> THROUGH_HIGH_RISK = EnumSet.of(MEDICAL_SUPPLIES, LIVELIHOOD_GOODS);
}
