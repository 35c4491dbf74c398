package org.fugong.logistics.shipment;

import java.util.Map;
import java.util.Optional;

import org.fugong.logistics.pass.CargoCategory;

/**
 * The green-channel cargo category of a shipment, from the category of its item in supply's
 * catalogue (issue 13): medical equipment, protective gear, drugs and disinfectants are medical
 * supplies; raw materials production materials; components components; agricultural inputs
 * agricultural inputs; daily necessities livelihood goods. A category supply adds later has no
 * cargo category until this mapping learns it.
 */
public final class CargoMapping {

    private static final Map<String, CargoCategory> BY_ITEM_CATEGORY = Map.of(
            "MEDICAL_EQUIPMENT", CargoCategory.MEDICAL_SUPPLIES,
            "PROTECTIVE_GEAR", CargoCategory.MEDICAL_SUPPLIES,
            "DRUG", CargoCategory.MEDICAL_SUPPLIES,
            "DISINFECTANT", CargoCategory.MEDICAL_SUPPLIES,
            "RAW_MATERIAL", CargoCategory.PRODUCTION_MATERIALS,
            "COMPONENT", CargoCategory.COMPONENTS,
            "AGRICULTURAL_INPUT", CargoCategory.AGRICULTURAL_INPUTS,
            "DAILY_NECESSITY", CargoCategory.LIVELIHOOD_GOODS);

    private CargoMapping() {
    }

    /** The cargo category of supply's item category; empty for one this mapping does not know. */
    public static Optional<CargoCategory> cargoOf(String itemCategory) {
        return Optional.ofNullable(itemCategory == null ? null : BY_ITEM_CATEGORY.get(itemCategory));
    }
}
