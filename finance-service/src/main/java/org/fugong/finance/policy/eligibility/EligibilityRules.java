package org.fugong.finance.policy.eligibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.fugong.finance.policy.eligibility.InvalidEligibility.Problem;
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
import org.fugong.platform.security.RegionScope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The eligibility rule language (docs/finance.md): JSON objects of exactly one key each, either a
 * condition on what the registry knows of an enterprise or a combination of rules. Parsing
 * validates everything and names every bad node by its path; rendering gives the canonical JSON
 * that is stored and shown. Bounded, because a policy's rules are evaluated for every enterprise on
 * every change: at most {@value #MAX_DEPTH} levels, {@value #MAX_NODES} nodes, {@value #MAX_ITEMS}
 * items in a list.
 */
public final class EligibilityRules {

    public static final int MAX_DEPTH = 8;
    public static final int MAX_NODES = 200;
    public static final int MAX_ITEMS = 50;
    /** Revenue bounds as the read model can hold them (numeric(17, 2)). */
    static final BigDecimal MAX_REVENUE = new BigDecimal("1000000000000000");
    static final int MAX_EMPLOYEES = 100_000_000;

    /** The registry's values of each enumerated attribute (contracts' enterprise-state schema). */
    public static final Map<String, List<String>> KNOWN_VALUES = Map.of(
            "size_class", List.of("MICRO", "SMALL", "MEDIUM", "LARGE"),
            "priority_tier", List.of("ESSENTIAL", "KEY_INDUSTRY", "STRATEGIC_EMERGING", "STANDARD"),
            "ownership", List.of("CENTRAL_SOE", "LOCAL_SOE", "PRIVATE", "FOREIGN_INVESTED", "COLLECTIVE"),
            "resumption_status", List.of("NOT_RESUMED", "RESUMING", "RESUMED", "HALTED"));

    static final List<String> KEYS = List.of("all_of", "any_of", "not", "size_class", "priority_tier",
            "key_enterprise", "region_prefix", "ownership", "employees", "annual_revenue", "resumption_status");

    private static final Pattern REGION_PREFIX = Pattern.compile("\\d{2}|\\d{4}|\\d{6}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EligibilityRules() {
    }

    /** The rule the JSON states; every problem at once, each named by its path, when it states none. */
    public static Rule parse(JsonNode json) throws InvalidEligibility {
        Parser parser = new Parser();
        Rule rule = parser.rule(json, Eligibility.ROOT, 1);
        if (!parser.problems.isEmpty()) {
            throw new InvalidEligibility(parser.problems);
        }
        return rule;
    }

    /** The canonical JSON of a rule: what is stored, shown, and parses back to an equal rule. */
    public static JsonNode toJson(Rule rule) {
        ObjectNode node = NODES.objectNode();
        if (rule instanceof AllOf r) {
            ArrayNode rules = node.putArray("all_of");
            r.rules().forEach(child -> rules.add(toJson(child)));
        } else if (rule instanceof AnyOf r) {
            ArrayNode rules = node.putArray("any_of");
            r.rules().forEach(child -> rules.add(toJson(child)));
        } else if (rule instanceof Not r) {
            node.set("not", toJson(r.rule()));
        } else if (rule instanceof SizeClass r) {
            strings(node.putArray("size_class"), r.values());
        } else if (rule instanceof PriorityTier r) {
            strings(node.putArray("priority_tier"), r.values());
        } else if (rule instanceof Ownership r) {
            strings(node.putArray("ownership"), r.values());
        } else if (rule instanceof ResumptionStatus r) {
            strings(node.putArray("resumption_status"), r.values());
        } else if (rule instanceof RegionPrefix r) {
            strings(node.putArray("region_prefix"), r.prefixes());
        } else if (rule instanceof KeyEnterprise r) {
            node.put("key_enterprise", r.value());
        } else if (rule instanceof Employees r) {
            ObjectNode range = node.putObject("employees");
            if (r.min() != null) {
                range.put("min", r.min());
            }
            if (r.max() != null) {
                range.put("max", r.max());
            }
        } else if (rule instanceof AnnualRevenue r) {
            ObjectNode range = node.putObject("annual_revenue");
            if (r.min() != null) {
                range.put("min", r.min().toPlainString());
            }
            if (r.max() != null) {
                range.put("max", r.max().toPlainString());
            }
        }
        return node;
    }

    /** The key a rule is written with. */
    public static String attribute(Rule rule) {
        if (rule instanceof AllOf) {
            return "all_of";
        }
        if (rule instanceof AnyOf) {
            return "any_of";
        }
        if (rule instanceof Not) {
            return "not";
        }
        if (rule instanceof SizeClass) {
            return "size_class";
        }
        if (rule instanceof PriorityTier) {
            return "priority_tier";
        }
        if (rule instanceof KeyEnterprise) {
            return "key_enterprise";
        }
        if (rule instanceof RegionPrefix) {
            return "region_prefix";
        }
        if (rule instanceof Ownership) {
            return "ownership";
        }
        if (rule instanceof ResumptionStatus) {
            return "resumption_status";
        }
        if (rule instanceof Employees) {
            return "employees";
        }
        return "annual_revenue";
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** One parse: the problems found so far, and how many nodes it has seen (the size cap). */
    private static final class Parser {
        final List<Problem> problems = new ArrayList<>();
        int nodes;
        boolean tooLarge;

        Rule rule(JsonNode json, String path, int depth) {
            if (json == null || json.isNull() || json.isMissingNode()) {
                return problem(path, "must be a rule");
            }
            if (depth > MAX_DEPTH) {
                return problem(path, "nests deeper than " + MAX_DEPTH + " levels");
            }
            if (++nodes > MAX_NODES) {
                if (!tooLarge) {
                    tooLarge = true;
                    problems.add(new Problem(Eligibility.ROOT, "has more than " + MAX_NODES + " rules"));
                }
                return null;
            }
            if (!json.isObject() || json.size() != 1) {
                return problem(path, "must be an object with exactly one key, one of " + KEYS);
            }
            String key = json.fieldNames().next();
            JsonNode value = json.get(key);
            String at = path + "." + key;
            return switch (key) {
                case "all_of" -> {
                    List<Rule> rules = children(value, at, depth);
                    yield rules == null ? null : new AllOf(rules);
                }
                case "any_of" -> {
                    List<Rule> rules = children(value, at, depth);
                    yield rules == null ? null : new AnyOf(rules);
                }
                case "not" -> {
                    Rule inner = rule(value, at, depth + 1);
                    yield inner == null ? null : new Not(inner);
                }
                case "size_class" -> known(value, at, key, SizeClass::new);
                case "priority_tier" -> known(value, at, key, PriorityTier::new);
                case "ownership" -> known(value, at, key, Ownership::new);
                case "resumption_status" -> known(value, at, key, ResumptionStatus::new);
                case "region_prefix" -> regions(value, at);
                case "key_enterprise" -> value.isBoolean() ? new KeyEnterprise(value.booleanValue())
                        : problem(at, "must be true or false");
                case "employees" -> employees(value, at);
                case "annual_revenue" -> revenue(value, at);
                default -> problem(path, "has an unknown rule '" + key + "'; rules are " + KEYS);
            };
        }

        List<Rule> children(JsonNode value, String at, int depth) {
            if (!value.isArray() || value.isEmpty() || value.size() > MAX_ITEMS) {
                problem(at, "must be a list of 1 to " + MAX_ITEMS + " rules");
                return null;
            }
            List<Rule> rules = new ArrayList<>();
            for (int i = 0; i < value.size() && !tooLarge; i++) {
                rules.add(rule(value.get(i), at + "[" + i + "]", depth + 1));
            }
            return rules.contains(null) || tooLarge ? null : rules;
        }

        Rule known(JsonNode value, String at, String key, java.util.function.Function<List<String>, Rule> make) {
            List<String> allowed = KNOWN_VALUES.get(key);
            List<String> values = strings(value, at, "one of " + allowed, allowed::contains);
            return values == null ? null : make.apply(values);
        }

        Rule regions(JsonNode value, String at) {
            List<String> prefixes = strings(value, at, "a GB/T 2260 prefix of 2, 4 or 6 digits",
                    prefix -> REGION_PREFIX.matcher(prefix).matches());
            if (prefixes == null) {
                return null;
            }
            // "420000" and "42" both mean Hubei: stored as the shortest prefix.
            List<String> shortest = prefixes.stream().map(RegionScope::prefixOf).toList();
            if (new HashSet<>(shortest).size() < shortest.size()) {
                return problem(at, "names the same region twice");
            }
            return new RegionPrefix(shortest);
        }

        /** A list of 1 to MAX_ITEMS distinct strings, each acceptable; null (with the problems noted) otherwise. */
        List<String> strings(JsonNode value, String at, String expected, java.util.function.Predicate<String> ok) {
            if (!value.isArray() || value.isEmpty() || value.size() > MAX_ITEMS) {
                problem(at, "must be a list of 1 to " + MAX_ITEMS + " values, each " + expected);
                return null;
            }
            List<String> values = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            boolean bad = false;
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isTextual() || !ok.test(item.textValue())) {
                    problem(at + "[" + i + "]", "must be " + expected);
                    bad = true;
                } else if (!seen.add(item.textValue())) {
                    problem(at + "[" + i + "]", "is listed twice");
                    bad = true;
                } else {
                    values.add(item.textValue());
                }
            }
            return bad ? null : values;
        }

        Rule employees(JsonNode value, String at) {
            if (!bounds(value, at)) {
                return null;
            }
            Integer min = count(value.get("min"), at + ".min");
            Integer max = count(value.get("max"), at + ".max");
            if ((value.has("min") && min == null) || (value.has("max") && max == null)) {
                return null;
            }
            if (min != null && max != null && min > max) {
                return problem(at, "min is greater than max");
            }
            return new Employees(min, max);
        }

        Integer count(JsonNode bound, String at) {
            if (bound == null) {
                return null;
            }
            if (!bound.isIntegralNumber() || !bound.canConvertToInt() || bound.intValue() < 0
                    || bound.intValue() > MAX_EMPLOYEES) {
                problem(at, "must be a whole number from 0 to " + MAX_EMPLOYEES);
                return null;
            }
            return bound.intValue();
        }

        Rule revenue(JsonNode value, String at) {
            if (!bounds(value, at)) {
                return null;
            }
            BigDecimal min = money(value.get("min"), at + ".min");
            BigDecimal max = money(value.get("max"), at + ".max");
            if ((value.has("min") && min == null) || (value.has("max") && max == null)) {
                return null;
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                return problem(at, "min is greater than max");
            }
            return new AnnualRevenue(min, max);
        }

        BigDecimal money(JsonNode bound, String at) {
            if (bound == null) {
                return null;
            }
            BigDecimal amount = null;
            if (bound.isTextual()) {
                try {
                    amount = new BigDecimal(bound.textValue());
                } catch (NumberFormatException e) {
                    amount = null;
                }
            } else if (bound.isNumber()) {
                amount = bound.decimalValue();
            }
            if (amount == null || amount.signum() < 0 || amount.compareTo(MAX_REVENUE) > 0
                    || amount.stripTrailingZeros().scale() > 2 || amount.scale() > 2) {
                problem(at, "must be CNY as a decimal string from 0 to " + MAX_REVENUE.toPlainString()
                        + " with at most 2 decimal places");
                return null;
            }
            return amount.setScale(2);
        }

        /** An object of min and/or max and nothing else. */
        boolean bounds(JsonNode value, String at) {
            if (!value.isObject() || value.isEmpty()) {
                problem(at, "must be an object with min, max or both");
                return false;
            }
            boolean ok = true;
            for (Iterator<String> names = value.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!name.equals("min") && !name.equals("max")) {
                    problem(at + "." + name, "is not min or max");
                    ok = false;
                }
            }
            return ok;
        }

        Rule problem(String path, String message) {
            problems.add(new Problem(path, message));
            return null;
        }
    }
}
