-- Registry: organisations, regions and risk levels, resumption filings and reports, health reports.

CREATE TABLE region (
    code            text        PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
    name            text        NOT NULL,
    name_en         text,
    level           text        NOT NULL CHECK (level IN ('PROVINCE', 'PREFECTURE', 'COUNTY')),
    parent_code     text        REFERENCES region (code),
    county_level    boolean     NOT NULL,   -- where enterprises register and risk levels are set
    risk_level      text        NOT NULL DEFAULT 'LOW' CHECK (risk_level IN ('LOW', 'MEDIUM', 'HIGH')),
    risk_updated_at timestamptz,
    version         bigint      NOT NULL DEFAULT 0
);
-- Prefix filters (code LIKE '42%') use this index; the collation is irrelevant for digits.
CREATE INDEX region_code_prefix ON region (code text_pattern_ops);
CREATE INDEX region_parent ON region (parent_code, code);
CREATE INDEX region_risk ON region (risk_level, code);

CREATE TABLE region_risk_change (
    id             uuid        PRIMARY KEY,
    region_code    text        NOT NULL REFERENCES region (code),
    previous_level text        NOT NULL,
    risk_level     text        NOT NULL,
    reason         text,
    set_on_code    text        NOT NULL,    -- the region the authority acted on (a parent when cascaded)
    changed_by     text        NOT NULL,
    changed_at     timestamptz NOT NULL
);
CREATE INDEX region_risk_change_region ON region_risk_change (region_code, id);

CREATE TABLE enterprise (
    id                          uuid          PRIMARY KEY,
    kind                        text          NOT NULL,
    name                        text          NOT NULL,
    uscc                        text          NOT NULL UNIQUE CHECK (uscc ~ '^[0-9A-Z]{18}$'),
    region_code                 text          NOT NULL REFERENCES region (code),
    industry                    text          NOT NULL,
    ownership                   text          NOT NULL,
    employees                   integer       NOT NULL CHECK (employees >= 0),
    annual_revenue              numeric(17,2) NOT NULL CHECK (annual_revenue >= 0),
    size_class                  text          NOT NULL,
    priority_tier               text          NOT NULL,
    key_enterprise              boolean       NOT NULL DEFAULT false,
    status                      text          NOT NULL,
    status_reason               text,
    resumption_status           text          NOT NULL,
    contact_name                text,
    contact_phone               text,
    latest_report_date          date,
    latest_employees_total      integer,
    latest_employees_returned   integer,
    latest_capacity_utilisation numeric(5,2),
    created_at                  timestamptz   NOT NULL,
    updated_at                  timestamptz   NOT NULL,
    version                     bigint        NOT NULL DEFAULT 0
);
-- Every list filter is an index whose last column is the keyset (id).
CREATE INDEX enterprise_region ON enterprise (region_code text_pattern_ops, id);
CREATE INDEX enterprise_industry ON enterprise (industry, id);
CREATE INDEX enterprise_tier ON enterprise (priority_tier, id);
CREATE INDEX enterprise_size ON enterprise (size_class, id);
CREATE INDEX enterprise_status ON enterprise (status, id);
CREATE INDEX enterprise_resumption ON enterprise (resumption_status, region_code);

CREATE TABLE resumption_filing (
    id                  uuid        PRIMARY KEY,
    enterprise_id       uuid        NOT NULL REFERENCES enterprise (id),
    planned_date        date        NOT NULL,
    workforce           integer     NOT NULL,
    ventilation         boolean     NOT NULL,
    disinfection        boolean     NOT NULL,
    temperature_checks  boolean     NOT NULL,
    sanitary_facilities boolean     NOT NULL,
    health_monitoring   boolean     NOT NULL,
    emergency_plan      boolean     NOT NULL,
    region_risk_level   text        NOT NULL,
    priority_tier       text        NOT NULL,
    status              text        NOT NULL,
    rule                text        NOT NULL,
    review_note         text,
    reviewed_by         text,
    reviewed_at         timestamptz,
    filed_at            timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 0
);
CREATE INDEX resumption_filing_enterprise ON resumption_filing (enterprise_id, id);
CREATE INDEX resumption_filing_pending ON resumption_filing (status, id) WHERE status = 'PENDING_REVIEW';

CREATE TABLE resumption_report (
    id                     uuid         PRIMARY KEY,
    enterprise_id          uuid         NOT NULL REFERENCES enterprise (id),
    report_date            date         NOT NULL,
    employees_total        integer      NOT NULL,
    employees_returned     integer      NOT NULL,
    capacity_utilisation   numeric(5,2) NOT NULL,
    measures_in_place      boolean      NOT NULL,
    resumption_status      text         NOT NULL,
    submitted_at           timestamptz  NOT NULL
);
CREATE INDEX resumption_report_enterprise ON resumption_report (enterprise_id, id);

CREATE TABLE health_report (
    enterprise_id   uuid        NOT NULL REFERENCES enterprise (id),
    report_date     date        NOT NULL,
    confirmed       integer     NOT NULL,
    suspected       integer     NOT NULL,
    fever           integer     NOT NULL,
    close_contacts  integer     NOT NULL,
    alerted         boolean     NOT NULL DEFAULT false,
    first_submitted_at timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (enterprise_id, report_date)
);
CREATE INDEX health_report_date ON health_report (report_date, enterprise_id);
