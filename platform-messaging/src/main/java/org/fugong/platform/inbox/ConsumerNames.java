package org.fugong.platform.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Kafka names a consuming service owns: its consumer groups, its dead-letter topics and its
 * replay topics, all under {@code <service>.} so that one prefixed grant per service covers them
 * and no service needs rights on another's topics (see deploy/kafka/acls.txt).
 * <ul>
 * <li>dead letters of {@code topic}: {@code <service>.dlq.<topic>}</li>
 * <li>what a replay sends back for the service's handlers: {@code <service>.replay.<topic>}</li>
 * <li>the replay's own consumer group: {@code <service>.dlq-replay.<topic>}</li>
 * </ul>
 * Before this naming, every consumer of a topic dead-lettered to {@code <topic>.dlq}; those topics
 * are still read by {@link DeadLetterReplay}, so letters already waiting there are not lost.
 */
public final class ConsumerNames {

    static final String DLQ_INFIX = ".dlq.";
    static final String REPLAY_INFIX = ".replay.";
    static final String REPLAY_GROUP_INFIX = ".dlq-replay.";

    /** The old, shared dead-letter topic of a topic: {@code <topic>.dlq}. Read-only now. */
    public static final String LEGACY_DLQ_SUFFIX = ".dlq";

    private ConsumerNames() {
    }

    public static String deadLetterTopic(String service, String topic) {
        return service + DLQ_INFIX + topic;
    }

    public static String replayTopic(String service, String topic) {
        return service + REPLAY_INFIX + topic;
    }

    public static String replayGroup(String service, String topic) {
        return service + REPLAY_GROUP_INFIX + topic;
    }

    public static String legacyDeadLetterTopic(String topic) {
        return topic + LEGACY_DLQ_SUFFIX;
    }

    /** Whether a consumer group belongs to the service: its name starts with {@code <service>.}. */
    public static boolean isOwnGroup(String service, String group) {
        return group != null && group.startsWith(service + ".") && group.length() > service.length() + 1;
    }

    /**
     * Refuses a handler whose group is not the service's own: the broker grants each service only
     * groups under its prefix, so such a consumer would be refused at its first poll, long after
     * start-up looked fine.
     */
    public static void requireOwnGroup(String service, String group) {
        if (!isOwnGroup(service, group)) {
            throw new IllegalStateException("Consumer group '" + group + "' must start with '" + service
                    + ".': the service may only use its own consumer groups");
        }
    }

    /** The topic a record was first published to: for a replayed letter, the topic it was dead-lettered from. */
    public static String originalTopic(String service, String topic) {
        String replay = service + REPLAY_INFIX;
        return topic.startsWith(replay) ? topic.substring(replay.length()) : topic;
    }

    /**
     * What a handler subscribes to: its topics and its service's replay topics of them, as one
     * pattern of exact names. A pattern, because a topic that does not exist yet (nobody published
     * on it, no letter was replayed) is then simply not matched until it appears, where a
     * subscription by name would ask for it on every metadata refresh and log a warning each time;
     * consumers do not create topics.
     */
    public static Pattern subscription(String service, List<String> topics) {
        List<String> names = new ArrayList<>(topics);
        topics.forEach(topic -> names.add(replayTopic(service, topic)));
        return Pattern.compile(names.stream().map(Pattern::quote).collect(Collectors.joining("|")));
    }
}
