package org.fugong.logistics.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.fugong.logistics.pass.CargoCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CargoMappingTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "MEDICAL_EQUIPMENT, MEDICAL_SUPPLIES",
            "PROTECTIVE_GEAR, MEDICAL_SUPPLIES",
            "DRUG, MEDICAL_SUPPLIES",
            "DISINFECTANT, MEDICAL_SUPPLIES",
            "RAW_MATERIAL, PRODUCTION_MATERIALS",
            "COMPONENT, COMPONENTS",
            "AGRICULTURAL_INPUT, AGRICULTURAL_INPUTS",
            "DAILY_NECESSITY, LIVELIHOOD_GOODS" })
    void everyCategoryOfSuppliesCatalogueHasItsCargo(String itemCategory, CargoCategory cargo) {
        assertThat(CargoMapping.cargoOf(itemCategory)).contains(cargo);
    }

    /** Supply's catalogue categories, as its contract lists them: none is left without a cargo category. */
    @Test
    void theMappingCoversTheContractsCategoriesAndOnlyPriorityCargo() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(
                getClass().getClassLoader().getResourceAsStream("contracts/schemas/allocation-state.schema.json"));
        schema.at("/properties/item_category/enum").forEach(category -> {
            assertThat(CargoMapping.cargoOf(category.asText())).as(category.asText()).isPresent();
            assertThat(CargoCategory.PRIORITY).contains(CargoMapping.cargoOf(category.asText()).get());
        });
        assertThat(schema.at("/properties/item_category/enum").size()).isEqualTo(8);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "WEAPONS", "drug", "MEDICAL_SUPPLIES" })
    void aCategoryItDoesNotKnowHasNone(String itemCategory) {
        assertThat(CargoMapping.cargoOf(itemCategory)).isEmpty();
    }

    @Test
    void returningWorkersAndKeyIndustryProductsNeverComeFromSupply() {
        Map<String, CargoCategory> mapped = new HashMap<>();
        for (String c : new String[] { "MEDICAL_EQUIPMENT", "PROTECTIVE_GEAR", "DRUG", "DISINFECTANT", "RAW_MATERIAL",
                "COMPONENT", "AGRICULTURAL_INPUT", "DAILY_NECESSITY" }) {
            mapped.put(c, CargoMapping.cargoOf(c).orElseThrow());
        }
        assertThat(mapped.values()).doesNotContain(CargoCategory.RETURNING_WORKERS, CargoCategory.KEY_INDUSTRY_PRODUCTS);
    }
}
