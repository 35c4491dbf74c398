package org.fugong.registry.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndustryTest {

    @ParameterizedTest
    @CsvSource({
            "MEDICAL_SUPPLIES, ESSENTIAL", "PROTECTIVE_GEAR, ESSENTIAL", "PHARMACEUTICALS, ESSENTIAL",
            "AGRICULTURAL_INPUTS, ESSENTIAL", "FOOD, ESSENTIAL", "DAILY_NECESSITIES, ESSENTIAL",
            "AUTOMOBILES, KEY_INDUSTRY", "AUTO_PARTS, KEY_INDUSTRY", "ELECTRONICS, KEY_INDUSTRY",
            "SHIPBUILDING, KEY_INDUSTRY", "AEROSPACE, KEY_INDUSTRY", "POWER_EQUIPMENT, KEY_INDUSTRY",
            "MACHINE_TOOLS, KEY_INDUSTRY", "PHOTOVOLTAICS, KEY_INDUSTRY", "LITHIUM_BATTERIES, KEY_INDUSTRY",
            "FIVE_G, STRATEGIC_EMERGING", "INDUSTRIAL_INTERNET, STRATEGIC_EMERGING",
            "INTEGRATED_CIRCUITS, STRATEGIC_EMERGING", "INDUSTRIAL_ROBOTS, STRATEGIC_EMERGING",
            "ADDITIVE_MANUFACTURING, STRATEGIC_EMERGING", "SMART_MANUFACTURING, STRATEGIC_EMERGING",
            "DISPLAYS, STRATEGIC_EMERGING", "NEW_ENERGY_VEHICLES, STRATEGIC_EMERGING",
            "ENERGY_CONSERVATION, STRATEGIC_EMERGING",
            "TEXTILES, STANDARD", "RETAIL, STANDARD", "OTHER, STANDARD" })
    void tierFollowsTheOpinionsListOfIndustries(Industry industry, PriorityTier tier) {
        assertThat(industry.tier()).isEqualTo(tier);
    }

    @Test
    void everyTierHasIndustries() {
        Map<PriorityTier, Long> counts = Arrays.stream(Industry.values())
                .collect(Collectors.groupingBy(Industry::tier, Collectors.counting()));
        assertThat(counts).containsOnlyKeys(PriorityTier.values());
    }

    @Test
    void classifyDerivesSizeAndTier() {
        Enterprise e = new Enterprise();
        e.classify(Industry.PHOTOVOLTAICS, 400, new java.math.BigDecimal("25000000"));
        assertThat(e.sizeClass).isEqualTo(SizeClass.MEDIUM);
        assertThat(e.priorityTier).isEqualTo(PriorityTier.KEY_INDUSTRY);
    }
}
