package org.fugong.launcher.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One scenario's count, in Jepsen's queue vocabulary (see {@link Checker}), with what the clients
 * saw: how many writes were sent, acknowledged, refused (4xx), answered 5xx (503 among them) or
 * not at all, the slowest failed answer and whether every 5xx was a problem+json; how long the
 * events and consumers took to catch up after the load, and how many events Kafka holds more than
 * once (at-least-once delivery: allowed, as long as no effect is doubled).
 */
record Verdict(long attempted, long acknowledged, long refused, long serverErrors, long unavailable, long unanswered,
        long slowestFailureMillis, boolean everyServerErrorProblemJson, long ok, long lost, long duplicated,
        long unexpected, long recovered, Duration settledIn, long redeliveredEvents, java.util.Map<String, Long> answers,
        List<String> examples) {

    private static final int EXAMPLES = 10;

    /** Nothing lost, nothing doubled, nothing made that was refused or never asked. */
    boolean holds() {
        return lost == 0 && duplicated == 0 && unexpected == 0;
    }

    static final class Counter {
        private long attempted;
        private long acknowledged;
        private long refused;
        private long serverErrors;
        private long unavailable;
        private long unanswered;
        private long slowestFailure;
        private boolean problemJson = true;
        private long ok;
        private long lost;
        private long duplicated;
        private long unexpected;
        private long recovered;
        private final List<String> examples = new ArrayList<>();
        private final java.util.Map<String, Long> answers = new java.util.TreeMap<>();

        void attempt(Op op) {
            attempted++;
            answers.merge(op.kind + " " + (op.status() <= 0 ? "none" : String.valueOf(op.status())), 1L, Long::sum);
            if (op.acknowledged()) {
                acknowledged++;
                return;
            }
            if (op.refused()) {
                refused++;
                example("refused " + op.key + " (" + op.kind + "): " + op.status());
            } else if (op.status() >= 500) {
                serverErrors++;
                if (op.status() == 503) {
                    unavailable++;
                }
                problemJson &= op.problemJson();
            } else if (op.status() <= 0) {
                unanswered++;
            }
            slowestFailure = Math.max(slowestFailure, op.latencyMillis());
        }

        void ok() {
            ok++;
        }

        void lost(String what) {
            lost++;
            example("lost " + what);
        }

        void duplicated(String what) {
            duplicated++;
            example("duplicated " + what);
        }

        void unexpected(String what) {
            unexpected++;
            example("unexpected " + what);
        }

        void recovered() {
            recovered++;
        }

        private void example(String what) {
            if (examples.size() < EXAMPLES) {
                examples.add(what);
            }
        }

        Verdict build(Duration settledIn, long redelivered) {
            return new Verdict(attempted, acknowledged, refused, serverErrors, unavailable, unanswered, slowestFailure,
                    problemJson, ok, lost, duplicated, unexpected, recovered, settledIn, redelivered, java.util.Map.copyOf(answers),
                    List.copyOf(examples));
        }
    }
}
