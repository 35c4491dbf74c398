package org.fugong.finance.policy.eligibility;

import java.util.List;

/** A policy's eligibility that is not a valid rule: every bad node, named by its path. */
public class InvalidEligibility extends Exception {

    /** One bad node: its path ({@code eligibility.all_of[1].size_class[0]}) and what is wrong with it. */
    public record Problem(String path, String message) {
    }

    private final transient List<Problem> problems;

    public InvalidEligibility(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
