package org.fugong.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;

import org.fugong.finance.policy.eligibility.Eligibility;
import org.fugong.finance.policy.eligibility.EnterpriseFacts;
import org.fugong.finance.policy.eligibility.Rule;
import org.fugong.finance.policy.eligibility.Rule.AllOf;
import org.fugong.finance.policy.eligibility.Rule.AnyOf;
import org.fugong.finance.policy.eligibility.Rule.Not;

/**
 * Policy matching as finance does it on a policy change or a registry event, in bulk: 100,000
 * synthetic enterprises against 200 synthetic policies in one thread with the plain evaluator,
 * first deciding every pair ({@link Eligibility#matches}), then explaining the pairs that matched
 * (what {@code policy_match} keeps, {@link Eligibility#evaluate}). Seeded, so every run evaluates the
 * same market. Run with {@code bench/run-policies.sh}; prints figures, never fails on them.
 */
public final class PolicyMatchingBenchmark {

    private static final Logger LOG = Logger.getLogger(PolicyMatchingBenchmark.class.getName());

    static final List<String> SIZES = List.of("MICRO", "SMALL", "MEDIUM", "LARGE");
    static final List<String> TIERS = List.of("ESSENTIAL", "KEY_INDUSTRY", "STRATEGIC_EMERGING", "STANDARD");
    static final List<String> OWNERSHIPS = List.of("CENTRAL_SOE", "LOCAL_SOE", "PRIVATE", "FOREIGN_INVESTED", "COLLECTIVE");
    static final List<String> RESUMPTION = List.of("NOT_RESUMED", "RESUMING", "RESUMED", "HALTED");
    static final List<String> COUNTIES = List.of("420102", "420103", "420111", "420502", "420606", "421303", "330106",
            "330212", "440305", "440106", "110101", "310101", "510104", "320506", "370202", "410105");
    static final List<String> PREFIXES = List.of("42", "4201", "4205", "33", "3301", "44", "11", "31", "51", "32", "37", "41");

    private PolicyMatchingBenchmark() {
    }

    public static void main(String[] args) {
        int enterprises = Integer.parseInt(System.getProperty("bench.enterprises", "100000"));
        int policies = Integer.parseInt(System.getProperty("bench.policies", "200"));
        Random random = new Random(20200220);
        List<EnterpriseFacts> market = new ArrayList<>(enterprises);
        for (int i = 0; i < enterprises; i++) {
            market.add(new EnterpriseFacts(pick(random, SIZES), pick(random, TIERS), random.nextInt(20) == 0,
                    pick(random, COUNTIES), pick(random, OWNERSHIPS), random.nextInt(5000),
                    BigDecimal.valueOf(random.nextInt(2_000_000_000), 2).multiply(BigDecimal.TEN), pick(random, RESUMPTION)));
        }
        List<Rule> rules = new ArrayList<>(policies);
        int conditions = 0;
        for (int i = 0; i < policies; i++) {
            Rule rule = policy(random);
            rules.add(rule);
            conditions += count(rule);
        }

        // Warm the JIT on a slice, as a running service would be.
        long warm = 0;
        for (int round = 0; round < 3; round++) {
            warm += matchAll(market.subList(0, Math.min(10_000, enterprises)), rules);
        }

        // Wall time, and this thread's CPU time: on a shared machine the difference is time spent waiting for a core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        long matched = matchAll(market, rules);
        double matching = (System.nanoTime() - start) / 1e9;
        double matchingCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;

        start = System.nanoTime();
        cpu = threads.getCurrentThreadCpuTime();
        long decisions = 0;
        for (Rule rule : rules) {
            for (EnterpriseFacts f : market) {
                if (Eligibility.matches(rule, f)) {
                    decisions += Eligibility.evaluate(rule, f).decidedBy().size();
                }
            }
        }
        double explaining = (System.nanoTime() - start) / 1e9;
        double explainingCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;

        LOG.info(String.format("%,d enterprises x %,d policies (%,d conditions): %,d pairs decided in %.2f s "
                + "(CPU %.2f s, %.0f ns a pair), %,d matches", enterprises, policies, conditions,
                (long) enterprises * policies, matching, matchingCpu, matchingCpu * 1e9 / ((double) enterprises * policies),
                matched));
        LOG.info(String.format("deciding again and explaining the %,d matches (%,d decisions kept): %.2f s (CPU %.2f s)",
                matched, decisions, explaining, explainingCpu));
        if (warm < 0) {
            LOG.info("unreachable: keeps the warm-up from being optimised away");
        }
    }

    static long matchAll(List<EnterpriseFacts> market, List<Rule> rules) {
        long matched = 0;
        for (EnterpriseFacts f : market) {
            for (Rule rule : rules) {
                if (Eligibility.matches(rule, f)) {
                    matched++;
                }
            }
        }
        return matched;
    }

    /**
     * A policy shaped like the real ones: a conjunction of two to four conditions (size, region or
     * its negation, tier, white list, ownership, employees, revenue, resumption), now and then an
     * alternative of two.
     */
    static Rule policy(Random random) {
        int parts = 2 + random.nextInt(3);
        List<Rule> all = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            Rule condition = condition(random);
            all.add(random.nextInt(6) == 0 ? new Not(condition) : condition);
        }
        if (random.nextInt(4) == 0) {
            all.add(new AnyOf(List.of(condition(random), condition(random))));
        }
        return new AllOf(all);
    }

    static Rule condition(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> new Rule.SizeClass(subset(random, SIZES));
            case 1 -> new Rule.RegionPrefix(List.of(pick(random, PREFIXES)));
            case 2 -> new Rule.PriorityTier(subset(random, TIERS));
            case 3 -> new Rule.KeyEnterprise(random.nextBoolean());
            case 4 -> new Rule.Ownership(subset(random, OWNERSHIPS));
            case 5 -> new Rule.Employees(null, 50 + random.nextInt(2000));
            case 6 -> new Rule.AnnualRevenue(null, BigDecimal.valueOf(1_000_000L + random.nextInt(400_000_000), 0).setScale(2));
            default -> new Rule.ResumptionStatus(subset(random, RESUMPTION));
        };
    }

    static List<String> subset(Random random, List<String> values) {
        List<String> subset = new ArrayList<>();
        for (String v : values) {
            if (random.nextBoolean()) {
                subset.add(v);
            }
        }
        return subset.isEmpty() ? List.of(values.get(random.nextInt(values.size()))) : subset;
    }

    static int count(Rule rule) {
        if (rule instanceof AllOf all) {
            return all.rules().stream().mapToInt(PolicyMatchingBenchmark::count).sum();
        }
        if (rule instanceof AnyOf any) {
            return any.rules().stream().mapToInt(PolicyMatchingBenchmark::count).sum();
        }
        if (rule instanceof Not not) {
            return count(not.rule());
        }
        return 1;
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
