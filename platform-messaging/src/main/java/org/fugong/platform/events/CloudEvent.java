package org.fugong.platform.events;

import java.time.OffsetDateTime;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** An event as consumers see it: the CloudEvents attributes and the JSON payload. */
public record CloudEvent(String id, String type, String source, String subject, OffsetDateTime time,
        String traceparent, String topic, String key, String data) {

    /** Reads a record in binary content mode; fails when the required attributes are missing. */
    public static CloudEvent from(ConsumerRecord<String, String> record) {
        String id = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
        String type = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new IllegalArgumentException("Record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " lacks the ce_id or ce_type header");
        }
        String time = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TIME);
        return new CloudEvent(id, type,
                CloudEventHeaders.read(record.headers(), CloudEventHeaders.SOURCE),
                CloudEventHeaders.read(record.headers(), CloudEventHeaders.SUBJECT),
                time == null ? null : OffsetDateTime.parse(time),
                CloudEventHeaders.read(record.headers(), CloudEventHeaders.TRACEPARENT),
                record.topic(), record.key(), record.value());
    }

    /** The same event as published on {@code originalTopic}: what a replayed letter is to its handler. */
    public CloudEvent onTopic(String originalTopic) {
        return new CloudEvent(id, type, source, subject, time, traceparent, originalTopic, key, data);
    }
}
