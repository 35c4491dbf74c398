package org.fugong.finance.policy.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.fugong.finance.policy.eligibility.Rule.AllOf;
import org.fugong.finance.policy.eligibility.Rule.AnnualRevenue;
import org.fugong.finance.policy.eligibility.Rule.AnyOf;
import org.fugong.finance.policy.eligibility.Rule.Employees;
import org.fugong.finance.policy.eligibility.Rule.KeyEnterprise;
import org.fugong.finance.policy.eligibility.Rule.Not;
import org.fugong.finance.policy.eligibility.Rule.Ownership;
import org.fugong.finance.policy.eligibility.Rule.PriorityTier;
import org.fugong.finance.policy.eligibility.Rule.RegionPrefix;
import org.fugong.finance.policy.eligibility.Rule.ResumptionStatus;
import org.fugong.finance.policy.eligibility.Rule.SizeClass;

/**
 * Decides whether an enterprise meets a policy's eligibility, and which conditions decided it. A
 * plain class: no framework, no I/O, so that matching 100,000 enterprises against 200 policies is a
 * loop in one thread ({@link #matches}) and explaining a match costs only where one is kept
 * ({@link #evaluate}).
 * <p>
 * What "decided" means: for {@code all_of}, when it holds every condition it needed, and when it
 * fails the first one that failed; for {@code any_of}, when it holds the first one that held, and
 * when it fails every one that failed; {@code not} passes on what decided its rule (each decision
 * says whether its own condition held, so a decision under a {@code not} that held is why the
 * {@code not} failed).
 */
public final class Eligibility {

    /** Where decisions' paths start, as in the validation errors of a policy's {@code eligibility}. */
    public static final String ROOT = "eligibility";

    private Eligibility() {
    }

    /** One condition that decided the outcome: where it is, what it asks, what the registry has, and whether it held. */
    public record Decision(String path, String attribute, String condition, String actual, boolean held) {
    }

    /** Whether the enterprise matched, and the conditions that decided it. */
    public record Evaluation(boolean matched, List<Decision> decidedBy) {
        public Evaluation {
            decidedBy = List.copyOf(decidedBy);
        }
    }

    /** Whether the facts meet the rule, without explaining why: the fast path for bulk matching. */
    public static boolean matches(Rule rule, EnterpriseFacts f) {
        if (rule instanceof AllOf all) {
            for (Rule r : all.rules()) {
                if (!matches(r, f)) {
                    return false;
                }
            }
            return true;
        }
        if (rule instanceof AnyOf any) {
            for (Rule r : any.rules()) {
                if (matches(r, f)) {
                    return true;
                }
            }
            return false;
        }
        if (rule instanceof Not not) {
            return !matches(not.rule(), f);
        }
        return holds(rule, f);
    }

    /** Whether the facts meet the rule, and the conditions that decided it. */
    public static Evaluation evaluate(Rule rule, EnterpriseFacts f) {
        List<Decision> decided = new ArrayList<>();
        boolean matched = explain(rule, f, ROOT, decided);
        return new Evaluation(matched, decided);
    }

    private static boolean explain(Rule rule, EnterpriseFacts f, String path, List<Decision> decided) {
        if (rule instanceof AllOf all) {
            List<Decision> needed = new ArrayList<>();
            for (int i = 0; i < all.rules().size(); i++) {
                List<Decision> child = new ArrayList<>();
                if (!explain(all.rules().get(i), f, path + ".all_of[" + i + "]", child)) {
                    decided.addAll(child);
                    return false;
                }
                needed.addAll(child);
            }
            decided.addAll(needed);
            return true;
        }
        if (rule instanceof AnyOf any) {
            List<Decision> failed = new ArrayList<>();
            for (int i = 0; i < any.rules().size(); i++) {
                List<Decision> child = new ArrayList<>();
                if (explain(any.rules().get(i), f, path + ".any_of[" + i + "]", child)) {
                    decided.addAll(child);
                    return true;
                }
                failed.addAll(child);
            }
            decided.addAll(failed);
            return false;
        }
        if (rule instanceof Not not) {
            return !explain(not.rule(), f, path + ".not", decided);
        }
        boolean held = holds(rule, f);
        String attribute = EligibilityRules.attribute(rule);
        decided.add(new Decision(path + "." + attribute, attribute, condition(rule), actual(rule, f), held));
        return held;
    }

    /** Whether one condition (not a combination) holds. */
    static boolean holds(Rule rule, EnterpriseFacts f) {
        if (rule instanceof SizeClass r) {
            return r.values().contains(f.sizeClass());
        }
        if (rule instanceof RegionPrefix r) {
            String code = f.regionCode();
            for (String prefix : r.prefixes()) {
                if (code != null && code.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
        if (rule instanceof KeyEnterprise r) {
            return f.keyEnterprise() == r.value();
        }
        if (rule instanceof PriorityTier r) {
            return r.values().contains(f.priorityTier());
        }
        if (rule instanceof Ownership r) {
            return r.values().contains(f.ownership());
        }
        if (rule instanceof ResumptionStatus r) {
            return r.values().contains(f.resumptionStatus());
        }
        if (rule instanceof Employees r) {
            return (r.min() == null || f.employees() >= r.min()) && (r.max() == null || f.employees() <= r.max());
        }
        if (rule instanceof AnnualRevenue r) {
            BigDecimal revenue = f.annualRevenue();
            return revenue != null && (r.min() == null || revenue.compareTo(r.min()) >= 0)
                    && (r.max() == null || revenue.compareTo(r.max()) <= 0);
        }
        throw new IllegalArgumentException("Not a condition: " + rule);
    }

    private static String condition(Rule rule) {
        if (rule instanceof SizeClass r) {
            return "in " + r.values();
        }
        if (rule instanceof PriorityTier r) {
            return "in " + r.values();
        }
        if (rule instanceof Ownership r) {
            return "in " + r.values();
        }
        if (rule instanceof ResumptionStatus r) {
            return "in " + r.values();
        }
        if (rule instanceof RegionPrefix r) {
            return "starts with one of " + r.prefixes();
        }
        if (rule instanceof KeyEnterprise r) {
            return "is " + r.value();
        }
        if (rule instanceof Employees r) {
            return range(r.min(), r.max());
        }
        AnnualRevenue r = (AnnualRevenue) rule;
        return range(r.min() == null ? null : r.min().toPlainString(), r.max() == null ? null : r.max().toPlainString());
    }

    private static String range(Object min, Object max) {
        if (min != null && max != null) {
            return "between " + min + " and " + max;
        }
        return min != null ? "at least " + min : "at most " + max;
    }

    private static String actual(Rule rule, EnterpriseFacts f) {
        if (rule instanceof SizeClass) {
            return f.sizeClass();
        }
        if (rule instanceof PriorityTier) {
            return f.priorityTier();
        }
        if (rule instanceof Ownership) {
            return f.ownership();
        }
        if (rule instanceof ResumptionStatus) {
            return f.resumptionStatus();
        }
        if (rule instanceof RegionPrefix) {
            return f.regionCode();
        }
        if (rule instanceof KeyEnterprise) {
            return Boolean.toString(f.keyEnterprise());
        }
        if (rule instanceof Employees) {
            return Integer.toString(f.employees());
        }
        return f.annualRevenue() == null ? null : f.annualRevenue().setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
