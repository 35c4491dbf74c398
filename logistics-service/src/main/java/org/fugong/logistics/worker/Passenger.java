package org.fugong.logistics.worker;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One person on a request's manifest. Personal data: shown in full to the enterprise and to
 * administrators only, never in an event or a log line.
 */
@Entity
@Table(name = "worker_passenger")
public class Passenger extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID requestId;
    /** The place in the manifest as submitted, from 0. */
    public int position;
    public String name;
    public String idNumber;
    public String phone;
}
