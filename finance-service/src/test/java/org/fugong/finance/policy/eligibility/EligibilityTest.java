package org.fugong.finance.policy.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.fugong.finance.policy.eligibility.Eligibility.Decision;
import org.fugong.finance.policy.eligibility.Eligibility.Evaluation;
import org.fugong.finance.policy.eligibility.InvalidEligibility.Problem;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The rule language by example: what matches, what decided, and every kind of bad rule named by its path. */
class EligibilityTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A small private maker in Wuhan, on the white list, resuming. */
    static final EnterpriseFacts WUHAN_SME = new EnterpriseFacts("SMALL", "ESSENTIAL", true, "420102", "PRIVATE", 250,
            new BigDecimal("48000000.00"), "RESUMING");
    /** A large central SOE in Beijing. */
    static final EnterpriseFacts BEIJING_SOE = new EnterpriseFacts("LARGE", "KEY_INDUSTRY", false, "110101",
            "CENTRAL_SOE", 12000, new BigDecimal("9000000000.00"), "RESUMED");

    static Rule parse(String json) throws Exception {
        return EligibilityRules.parse(JSON.readTree(json));
    }

    static List<Problem> problems(String json) throws Exception {
        try {
            EligibilityRules.parse(JSON.readTree(json));
        } catch (InvalidEligibility e) {
            return e.problems();
        }
        throw new AssertionError("expected " + json + " to be refused");
    }

    /** The social-security relief for SMEs outside Hubei (人社部发〔2020〕11号). */
    static final String SME_OUTSIDE_HUBEI = """
            {"all_of": [{"size_class": ["MICRO", "SMALL", "MEDIUM"]}, {"not": {"region_prefix": ["42"]}}]}""";

    @Test
    void anSmeOutsideHubeiMatchesAndBothConditionsDecided() throws Exception {
        Rule rule = parse(SME_OUTSIDE_HUBEI);
        EnterpriseFacts hangzhou = new EnterpriseFacts("SMALL", "STANDARD", false, "330106", "PRIVATE", 80,
                new BigDecimal("12000000.00"), "RESUMED");
        Evaluation e = Eligibility.evaluate(rule, hangzhou);
        assertThat(e.matched()).isTrue();
        assertThat(e.decidedBy()).containsExactly(
                new Decision("eligibility.all_of[0].size_class", "size_class", "in [MICRO, SMALL, MEDIUM]", "SMALL", true),
                new Decision("eligibility.all_of[1].not.region_prefix", "region_prefix", "starts with one of [42]",
                        "330106", false));
    }

    @Test
    void aFailedAllOfIsDecidedByTheFirstConditionThatFailed() throws Exception {
        Rule rule = parse(SME_OUTSIDE_HUBEI);
        Evaluation wuhan = Eligibility.evaluate(rule, WUHAN_SME);
        assertThat(wuhan.matched()).isFalse();
        assertThat(wuhan.decidedBy()).extracting(Decision::path, Decision::held)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("eligibility.all_of[1].not.region_prefix", true));
        Evaluation soe = Eligibility.evaluate(rule, BEIJING_SOE);
        assertThat(soe.decidedBy()).extracting(Decision::path).containsExactly("eligibility.all_of[0].size_class");
        assertThat(soe.decidedBy().get(0).actual()).isEqualTo("LARGE");
    }

    @Test
    void anyOfIsDecidedByTheFirstThatHeldOrElseByAllThatFailed() throws Exception {
        Rule rule = parse("""
                {"any_of": [{"key_enterprise": true}, {"priority_tier": ["ESSENTIAL"]}, {"employees": {"max": 20}}]}""");
        Evaluation keyed = Eligibility.evaluate(rule, WUHAN_SME);
        assertThat(keyed.matched()).isTrue();
        assertThat(keyed.decidedBy()).extracting(Decision::path).containsExactly("eligibility.any_of[0].key_enterprise");
        Evaluation none = Eligibility.evaluate(rule, BEIJING_SOE);
        assertThat(none.matched()).isFalse();
        assertThat(none.decidedBy()).extracting(Decision::condition)
                .containsExactly("is true", "in [ESSENTIAL]", "at most 20");
        assertThat(none.decidedBy()).allMatch(d -> !d.held());
    }

    @Test
    void everyConditionAgainstTheRegistrysFacts() throws Exception {
        assertThat(Eligibility.matches(parse("{\"ownership\": [\"PRIVATE\", \"COLLECTIVE\"]}"), WUHAN_SME)).isTrue();
        assertThat(Eligibility.matches(parse("{\"ownership\": [\"CENTRAL_SOE\"]}"), WUHAN_SME)).isFalse();
        assertThat(Eligibility.matches(parse("{\"resumption_status\": [\"RESUMING\"]}"), WUHAN_SME)).isTrue();
        assertThat(Eligibility.matches(parse("{\"key_enterprise\": false}"), WUHAN_SME)).isFalse();
        assertThat(Eligibility.matches(parse("{\"region_prefix\": [\"4201\", \"33\"]}"), WUHAN_SME)).isTrue();
        assertThat(Eligibility.matches(parse("{\"region_prefix\": [\"4202\"]}"), WUHAN_SME)).isFalse();
        // Both bounds are inclusive.
        assertThat(Eligibility.matches(parse("{\"employees\": {\"min\": 250, \"max\": 250}}"), WUHAN_SME)).isTrue();
        assertThat(Eligibility.matches(parse("{\"employees\": {\"min\": 251}}"), WUHAN_SME)).isFalse();
        assertThat(Eligibility.matches(parse("{\"annual_revenue\": {\"max\": \"48000000.00\"}}"), WUHAN_SME)).isTrue();
        assertThat(Eligibility.matches(parse("{\"annual_revenue\": {\"max\": \"47999999.99\"}}"), WUHAN_SME)).isFalse();
        assertThat(Eligibility.evaluate(parse("{\"annual_revenue\": {\"min\": 1000, \"max\": \"2000.5\"}}"), WUHAN_SME)
                .decidedBy().get(0).condition()).isEqualTo("between 1000.00 and 2000.50");
    }

    @Test
    void aSixDigitRegionIsStoredAsItsShortestPrefixAndRendersBackCanonically() throws Exception {
        Rule rule = parse("{\"region_prefix\": [\"420000\", \"330100\"]}");
        assertThat(rule).isEqualTo(new Rule.RegionPrefix(List.of("42", "3301")));
        assertThat(EligibilityRules.toJson(rule).toString()).isEqualTo("{\"region_prefix\":[\"42\",\"3301\"]}");
        Rule written = parse(SME_OUTSIDE_HUBEI);
        assertThat(EligibilityRules.parse(EligibilityRules.toJson(written))).isEqualTo(written);
    }

    @Test
    void everyBadNodeIsNamedByItsPath() throws Exception {
        List<Problem> problems = problems("""
                {"all_of": [
                  {"size_class": ["SMALL", "HUGE", "SMALL"]},
                  {"not": {"region_prefix": ["420"]}},
                  {"employees": {"min": 10, "max": 5}},
                  {"annual_revenue": {"min": "1.005", "avg": "3"}},
                  {"key_enterprise": "yes"},
                  {"vibe": ["GOOD"]},
                  {"size_class": ["SMALL"], "ownership": ["PRIVATE"]},
                  {"any_of": []},
                  {"employees": {"max": -1}},
                  {"priority_tier": "ESSENTIAL"}
                ]}""");
        assertThat(problems).extracting(Problem::path).containsExactly(
                "eligibility.all_of[0].size_class[1]",
                "eligibility.all_of[0].size_class[2]",
                "eligibility.all_of[1].not.region_prefix[0]",
                "eligibility.all_of[2].employees",
                "eligibility.all_of[3].annual_revenue.avg",
                "eligibility.all_of[4].key_enterprise",
                "eligibility.all_of[5]",
                "eligibility.all_of[6]",
                "eligibility.all_of[7].any_of",
                "eligibility.all_of[8].employees.max",
                "eligibility.all_of[9].priority_tier");
        assertThat(problems.get(0).message()).contains("one of [MICRO, SMALL, MEDIUM, LARGE]");
        assertThat(problems.get(1).message()).isEqualTo("is listed twice");
        assertThat(problems.get(3).message()).isEqualTo("min is greater than max");
        assertThat(problems.get(6).message()).contains("unknown rule 'vibe'");
        assertThat(problems("{\"annual_revenue\": {\"min\": \"1.005\"}}")).extracting(Problem::path)
                .containsExactly("eligibility.annual_revenue.min");
        assertThat(problems("[]")).extracting(Problem::path).containsExactly("eligibility");
        assertThat(problems("null")).extracting(Problem::path).containsExactly("eligibility");
        assertThat(problems("{\"not\": null}")).extracting(Problem::path).containsExactly("eligibility.not");
        assertThat(problems("{\"employees\": {}}")).extracting(Problem::message)
                .containsExactly("must be an object with min, max or both");
    }

    @Test
    void depthAndSizeAreCapped() throws Exception {
        String deep = "{\"key_enterprise\": true}";
        for (int i = 1; i < EligibilityRules.MAX_DEPTH; i++) {
            deep = "{\"not\": " + deep + "}";
        }
        assertThat(Eligibility.matches(parse(deep), WUHAN_SME)).isEqualTo(EligibilityRules.MAX_DEPTH % 2 == 1);
        List<Problem> tooDeep = problems("{\"not\": " + deep + "}");
        assertThat(tooDeep).hasSize(1);
        assertThat(tooDeep.get(0).path()).isEqualTo("eligibility" + ".not".repeat(EligibilityRules.MAX_DEPTH));
        assertThat(tooDeep.get(0).message()).isEqualTo("nests deeper than 8 levels");

        StringBuilder wide = new StringBuilder("{\"any_of\": [");
        for (int i = 0; i < 5; i++) {
            wide.append(i == 0 ? "" : ",").append("{\"all_of\": [");
            for (int j = 0; j < 45; j++) {
                wide.append(j == 0 ? "" : ",").append("{\"key_enterprise\": true}");
            }
            wide.append("]}");
        }
        wide.append("]}");
        assertThat(problems(wide.toString())).extracting(Problem::path, Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("eligibility", "has more than 200 rules"));
        String tooMany = "{\"any_of\": [" + "{\"key_enterprise\": true},".repeat(50) + "{\"key_enterprise\": true}]}";
        assertThat(problems(tooMany)).extracting(Problem::path).containsExactly("eligibility.any_of");
    }

    @Test
    void aCombinationIsNotACondition() {
        assertThatThrownBy(() -> Eligibility.holds(new Rule.Not(new Rule.KeyEnterprise(true)), WUHAN_SME))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
