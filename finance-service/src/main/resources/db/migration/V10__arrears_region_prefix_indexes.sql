-- An authority's scope is a region prefix (debtor_region_code LIKE '42%'). A plain btree serves
-- LIKE only under the C collation (as the embedded test database has); a server initialised with
-- en_US.UTF-8, as the postgres image is, needs text_pattern_ops, as every other service's region
-- indexes have.
DROP INDEX arrears_claim_region;
CREATE INDEX arrears_claim_region ON arrears_claim (debtor_region_code text_pattern_ops, id);
DROP INDEX arrears_claim_open_by_region;
CREATE INDEX arrears_claim_open_by_region ON arrears_claim (debtor_region_code text_pattern_ops)
    INCLUDE (due_date, outstanding, status) WHERE status <> 'SETTLED';
