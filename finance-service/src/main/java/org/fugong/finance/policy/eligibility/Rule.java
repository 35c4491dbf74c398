package org.fugong.finance.policy.eligibility;

import java.math.BigDecimal;
import java.util.List;

/**
 * One node of a policy's eligibility: a condition on one attribute the registry knows of an
 * enterprise, or a combination of nodes. Parsed and validated by {@link EligibilityRules},
 * evaluated by {@link Eligibility}. Lists keep the order they were given in, so a rule renders back
 * as it was written.
 */
public sealed interface Rule {

    /** Every one of the rules holds. */
    record AllOf(List<Rule> rules) implements Rule {
        public AllOf {
            rules = List.copyOf(rules);
        }
    }

    /** At least one of the rules holds. */
    record AnyOf(List<Rule> rules) implements Rule {
        public AnyOf {
            rules = List.copyOf(rules);
        }
    }

    /** The rule does not hold. */
    record Not(Rule rule) implements Rule {
    }

    /** The registry's size class (工信部联企业〔2011〕300号) is one of these. */
    record SizeClass(List<String> values) implements Rule {
        public SizeClass {
            values = List.copyOf(values);
        }
    }

    /** The registry's priority tier is one of these. */
    record PriorityTier(List<String> values) implements Rule {
        public PriorityTier {
            values = List.copyOf(values);
        }
    }

    /** On the white list of key enterprises (or, with false, not on it). */
    record KeyEnterprise(boolean value) implements Rule {
    }

    /** The county's GB/T 2260 code starts with one of these prefixes ("42" Hubei, "4201" Wuhan). */
    record RegionPrefix(List<String> prefixes) implements Rule {
        public RegionPrefix {
            prefixes = List.copyOf(prefixes);
        }
    }

    /** The ownership is one of these. */
    record Ownership(List<String> values) implements Rule {
        public Ownership {
            values = List.copyOf(values);
        }
    }

    /** The resumption status is one of these. */
    record ResumptionStatus(List<String> values) implements Rule {
        public ResumptionStatus {
            values = List.copyOf(values);
        }
    }

    /** Employees between min and max, both inclusive; a null bound is open. */
    record Employees(Integer min, Integer max) implements Rule {
    }

    /** Annual revenue (CNY) between min and max, both inclusive; a null bound is open. */
    record AnnualRevenue(BigDecimal min, BigDecimal max) implements Rule {
    }
}
