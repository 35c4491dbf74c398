package org.fugong.testing;

import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.fugong.devstack.KafkaAcls;

/**
 * A service's consumers against deploy/kafka/acls.txt: the tests run on an open broker, so a handler
 * of a topic the production broker does not let the service read would pass every test and fail
 * there. The dead-letter names are the platform's (ConsumerNames in platform-messaging).
 */
public final class KafkaGrants {

    private KafkaGrants() {
    }

    /**
     * Fails, naming every missing grant, unless the service may read the topics in the group and
     * dead-letter and replay them under its own names.
     */
    public static void assertMayConsume(String service, String group, List<String> topics) {
        KafkaAcls acls = KafkaAcls.bundled();
        List<String> missing = new ArrayList<>();
        require(acls, missing, service, GROUP, group, READ);
        for (String topic : topics) {
            require(acls, missing, service, TOPIC, topic, READ);
            for (String own : List.of(service + ".dlq." + topic, service + ".replay." + topic)) {
                require(acls, missing, service, TOPIC, own, READ);
                require(acls, missing, service, TOPIC, own, WRITE);
            }
            require(acls, missing, service, GROUP, service + ".dlq-replay." + topic, READ);
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("deploy/kafka/acls.txt lacks, for " + group + ": " + missing);
        }
    }

    private static void require(KafkaAcls acls, List<String> missing, String principal, ResourceType type, String name,
            AclOperation operation) {
        if (!acls.allows(principal, type, name, operation)) {
            missing.add(principal + " " + type.name().toLowerCase(Locale.ROOT) + " " + name + " " + operation);
        }
    }
}
