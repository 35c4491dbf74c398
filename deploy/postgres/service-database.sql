-- One service's database and the role it connects as. Run by init-databases.sh once per service, as
-- the superuser, with the psql variables service (the name of both the role and the database) and
-- password; PostgresRolesTest runs it the same way against the embedded PostgreSQL.

-- A login and nothing more: no superuser, no new roles or databases, no replication, no bypassing
-- row security.
CREATE ROLE :"service" LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;

-- Its own database, owned by it: Flyway creates the service's tables in it as this role.
CREATE DATABASE :"service" OWNER :"service";

-- Every role may connect to a new database (PUBLIC has CONNECT and TEMPORARY): here only its owner.
REVOKE ALL ON DATABASE :"service" FROM PUBLIC;

-- Nor do the services connect to the maintenance databases (the same for every service: harmless again).
REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE template1 FROM PUBLIC;
