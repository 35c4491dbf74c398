package org.fugong.finance.policy.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fugong.finance.policy.eligibility.Eligibility.Decision;
import org.fugong.finance.policy.eligibility.Eligibility.Evaluation;
import org.fugong.finance.policy.eligibility.Rule.AllOf;
import org.fugong.finance.policy.eligibility.Rule.AnyOf;
import org.fugong.finance.policy.eligibility.Rule.Not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The rule language's logic over random rules (up to four levels of all_of / any_of / not over
 * every kind of condition) and random enterprises. Seeded, so a run repeats exactly.
 */
class EligibilityPropertiesTest {

    static final String SEED = "20200220";
    static final List<String> COUNTIES = List.of("420102", "420111", "420502", "330106", "330212", "110101", "440305");

    @Provide
    Arbitrary<EnterpriseFacts> enterprises() {
        return Combinators.combine(values("size_class"), values("priority_tier"), Arbitraries.of(true, false),
                Arbitraries.of(COUNTIES), values("ownership"), Arbitraries.integers().between(0, 5000),
                Arbitraries.longs().between(0, 10_000_000_000L).map(c -> BigDecimal.valueOf(c, 2)),
                values("resumption_status")).as(EnterpriseFacts::new);
    }

    static Arbitrary<String> values(String attribute) {
        return Arbitraries.of(EligibilityRules.KNOWN_VALUES.get(attribute));
    }

    static Arbitrary<List<String>> subsets(String attribute) {
        return values(attribute).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
    }

    static Arbitrary<Rule> conditions() {
        Arbitrary<Integer> counts = Arbitraries.integers().between(0, 5000);
        Arbitrary<BigDecimal> money = Arbitraries.longs().between(0, 10_000_000_000L).map(c -> BigDecimal.valueOf(c, 2));
        return Arbitraries.oneOf(
                subsets("size_class").map(Rule.SizeClass::new),
                subsets("priority_tier").map(Rule.PriorityTier::new),
                subsets("ownership").map(Rule.Ownership::new),
                subsets("resumption_status").map(Rule.ResumptionStatus::new),
                Arbitraries.of(true, false).map(Rule.KeyEnterprise::new),
                Arbitraries.of("42", "4201", "420102", "33", "3302", "11", "44").list().ofMinSize(1).ofMaxSize(3)
                        .uniqueElements().map(Rule.RegionPrefix::new),
                Combinators.combine(counts, counts).as((a, b) -> new Rule.Employees(Math.min(a, b), Math.max(a, b))),
                counts.map(min -> new Rule.Employees(min, null)),
                Combinators.combine(money, money).as((a, b) -> new Rule.AnnualRevenue(a.min(b), a.max(b))),
                money.map(max -> new Rule.AnnualRevenue(null, max)));
    }

    @Provide
    Arbitrary<Rule> rules() {
        return rules(4);
    }

    static Arbitrary<Rule> rules(int depth) {
        if (depth == 0) {
            return conditions();
        }
        Arbitrary<Rule> inner = Arbitraries.lazy(() -> rules(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, conditions()),
                net.jqwik.api.Tuple.of(2, inner.list().ofMinSize(1).ofMaxSize(3).map(AllOf::new)),
                net.jqwik.api.Tuple.of(2, inner.list().ofMinSize(1).ofMaxSize(3).map(AnyOf::new)),
                net.jqwik.api.Tuple.of(1, inner.map(Not::new)));
    }

    @Property(tries = 2000, seed = SEED)
    void notNotIsTheRuleItself(@ForAll("rules") Rule r, @ForAll("enterprises") EnterpriseFacts f) {
        assertThat(Eligibility.matches(new Not(new Not(r)), f)).isEqualTo(Eligibility.matches(r, f));
    }

    @Property(tries = 2000, seed = SEED)
    void aRuleOrItsNegationAlwaysMatchesAndBothNever(@ForAll("rules") Rule r, @ForAll("enterprises") EnterpriseFacts f) {
        assertThat(Eligibility.matches(new AnyOf(List.of(r, new Not(r))), f)).isTrue();
        assertThat(Eligibility.matches(new AllOf(List.of(r, new Not(r))), f)).isFalse();
    }

    @Property(tries = 2000, seed = SEED)
    void deMorgan(@ForAll("rules") Rule a, @ForAll("rules") Rule b, @ForAll("enterprises") EnterpriseFacts f) {
        assertThat(Eligibility.matches(new Not(new AllOf(List.of(a, b))), f))
                .isEqualTo(Eligibility.matches(new AnyOf(List.of(new Not(a), new Not(b))), f));
        assertThat(Eligibility.matches(new Not(new AnyOf(List.of(a, b))), f))
                .isEqualTo(Eligibility.matches(new AllOf(List.of(new Not(a), new Not(b))), f));
    }

    @Property(tries = 2000, seed = SEED)
    void aCombinationOfOneIsThatOne(@ForAll("rules") Rule r, @ForAll("enterprises") EnterpriseFacts f) {
        boolean alone = Eligibility.matches(r, f);
        assertThat(Eligibility.matches(new AllOf(List.of(r)), f)).isEqualTo(alone);
        assertThat(Eligibility.matches(new AnyOf(List.of(r)), f)).isEqualTo(alone);
    }

    /**
     * The explanation agrees with the fast path, is never empty, and each decision is true to the
     * facts: its condition, found at its path in the rule, held exactly when it says it did.
     */
    @Property(tries = 2000, seed = SEED)
    void whatDecidedIsTrueToTheFactsAndToTheOutcome(@ForAll("rules") Rule r, @ForAll("enterprises") EnterpriseFacts f) {
        Evaluation e = Eligibility.evaluate(r, f);
        assertThat(e.matched()).isEqualTo(Eligibility.matches(r, f));
        assertThat(e.decidedBy()).isNotEmpty();
        Map<String, Rule> conditions = new java.util.HashMap<>();
        collect(r, Eligibility.ROOT, conditions);
        for (Decision d : e.decidedBy()) {
            Rule condition = conditions.get(d.path());
            assertThat(condition).as(d.path()).isNotNull();
            assertThat(Eligibility.holds(condition, f)).as(d.path()).isEqualTo(d.held());
        }
    }

    /** Without negations, a match rests only on conditions that held and a failure on at least one that failed. */
    @Property(tries = 2000, seed = SEED)
    void aMatchWithoutNegationsRestsOnConditionsThatHeld(@ForAll("rules") Rule r, @ForAll("enterprises") EnterpriseFacts f) {
        if (EligibilityRules.toJson(r).toString().contains("\"not\"")) {
            return;
        }
        Evaluation e = Eligibility.evaluate(r, f);
        if (e.matched()) {
            assertThat(e.decidedBy()).allMatch(Decision::held);
        } else {
            assertThat(e.decidedBy()).anyMatch(d -> !d.held());
        }
    }

    @Property(tries = 2000, seed = SEED)
    void theCanonicalJsonParsesBackToTheSameRule(@ForAll("rules") Rule r) throws Exception {
        assertThat(EligibilityRules.parse(EligibilityRules.toJson(r))).isEqualTo(r);
    }

    /** Random JSON of the right shape but arbitrary content never escapes as anything but a list of problems. */
    @Property(tries = 2000, seed = SEED)
    void arbitraryJsonIsAcceptedOrRefusedWithNamedProblemsNeverWithAnException(@ForAll("junk") JsonNode junk) {
        try {
            EligibilityRules.parse(junk);
        } catch (InvalidEligibility refused) {
            assertThat(refused.problems()).isNotEmpty().allMatch(p -> p.path().startsWith(Eligibility.ROOT));
        }
    }

    @Provide
    Arbitrary<JsonNode> junk() {
        return junk(4);
    }

    static Arbitrary<JsonNode> junk(int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(EligibilityRules.KEYS),
                Arbitraries.of("min", "max", "other"));
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).map(nodes::textNode),
                Arbitraries.of("SMALL", "LARGE", "42", "4201", "420", "1.005", "-1", "99").map(nodes::textNode),
                Arbitraries.integers().between(-5, 10_000).map(i -> (JsonNode) nodes.numberNode(i)),
                Arbitraries.of(true, false).map(b -> (JsonNode) nodes.booleanNode(b)),
                Arbitraries.just(nodes.nullNode()));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<JsonNode> inner = Arbitraries.lazy(() -> junk(depth - 1));
        Arbitrary<JsonNode> objects = Combinators.combine(keys.list().ofMaxSize(3), inner.list().ofSize(3))
                .as((names, values) -> {
                    ObjectNode o = nodes.objectNode();
                    for (int i = 0; i < names.size(); i++) {
                        o.set(names.get(i), values.get(i));
                    }
                    return (JsonNode) o;
                });
        Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(4).map(items -> {
            List<JsonNode> copy = new ArrayList<>(items);
            return (JsonNode) nodes.arrayNode().addAll(copy);
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, leaves), net.jqwik.api.Tuple.of(4, objects),
                net.jqwik.api.Tuple.of(2, arrays));
    }

    static void collect(Rule r, String path, Map<String, Rule> conditions) {
        if (r instanceof AllOf all) {
            for (int i = 0; i < all.rules().size(); i++) {
                collect(all.rules().get(i), path + ".all_of[" + i + "]", conditions);
            }
        } else if (r instanceof AnyOf any) {
            for (int i = 0; i < any.rules().size(); i++) {
                collect(any.rules().get(i), path + ".any_of[" + i + "]", conditions);
            }
        } else if (r instanceof Not not) {
            collect(not.rule(), path + ".not", conditions);
        } else {
            conditions.put(path + "." + EligibilityRules.attribute(r), r);
        }
    }
}
