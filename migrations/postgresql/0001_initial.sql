-- 0001_initial.sql: ectflow's fixed tables (migrations, flow versions, journeys, events) and the
-- tables and new-id counters of the records in flows/, as the store's DDL generators write them
-- (written by ectflow db new-migration initial). Applied databases depend on this text: never
-- edit it; write another migration.

-- ectflow's table ectflow_migrations
CREATE TABLE IF NOT EXISTS ectflow_migrations (version TEXT PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL);

-- ectflow's table ectflow_flow_versions
CREATE TABLE IF NOT EXISTS ectflow_flow_versions (flow_version TEXT PRIMARY KEY, created_at TEXT NOT NULL, sources TEXT NOT NULL);

-- ectflow's table ectflow_journeys
CREATE TABLE IF NOT EXISTS ectflow_journeys (id TEXT PRIMARY KEY, flow_version TEXT NOT NULL, journey TEXT NOT NULL, actor_id TEXT NOT NULL, subject_id TEXT, step TEXT NOT NULL, completed INTEGER NOT NULL, instance TEXT NOT NULL, version BIGINT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- ectflow's table ectflow_events
CREATE TABLE IF NOT EXISTS ectflow_events (seq BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, actor_id TEXT NOT NULL, journey_id TEXT, journey TEXT NOT NULL, flow_version TEXT NOT NULL, action TEXT NOT NULL, step TEXT NOT NULL, answers TEXT NOT NULL, result TEXT NOT NULL, result_step TEXT, problem TEXT, lookups TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ectflow_events_by_journey ON ectflow_events (journey_id, seq);

-- record teacher
CREATE TABLE IF NOT EXISTS rec_teacher (id TEXT PRIMARY KEY, "trn" TEXT, "first_name" TEXT, "last_name" TEXT, "date_of_birth" DATE, "national_insurance_number" TEXT, "qts_awarded" DATE, "induction_status" TEXT, "prohibited" INTEGER, "completed_mentor_training" INTEGER, "started_mentor_training" DATE, version BIGINT NOT NULL, seq BIGSERIAL);
CREATE SEQUENCE IF NOT EXISTS ids_teacher;

-- record school
CREATE TABLE IF NOT EXISTS rec_school (id TEXT PRIMARY KEY, "urn" TEXT, "name" TEXT, "kind" TEXT, "induction_tutor_name" TEXT, "induction_tutor_email" TEXT, version BIGINT NOT NULL, seq BIGSERIAL);
CREATE SEQUENCE IF NOT EXISTS ids_school;

-- record ect
CREATE TABLE IF NOT EXISTS rec_ect (id TEXT PRIMARY KEY, "school_id" TEXT, "trn" TEXT, "name" TEXT, "email" TEXT, "start_date" DATE, "working_pattern" TEXT, "appropriate_body_id" TEXT, "programme_type" TEXT, "lead_provider_id" TEXT, "cohort" DOUBLE PRECISION, "left_on" DATE, version BIGINT NOT NULL, seq BIGSERIAL);
CREATE SEQUENCE IF NOT EXISTS ids_ect;

-- record mentor
CREATE TABLE IF NOT EXISTS rec_mentor (id TEXT PRIMARY KEY, "school_id" TEXT, "trn" TEXT, "name" TEXT, "email" TEXT, "start_date" DATE, "cohort" DOUBLE PRECISION, "left_on" DATE, version BIGINT NOT NULL, seq BIGSERIAL);
CREATE SEQUENCE IF NOT EXISTS ids_mentor;

-- record mentorship
CREATE TABLE IF NOT EXISTS rec_mentorship (id TEXT PRIMARY KEY, "ect_id" TEXT, "mentor_id" TEXT, "started_on" DATE, "finished_on" DATE, version BIGINT NOT NULL, seq BIGSERIAL);
CREATE SEQUENCE IF NOT EXISTS ids_mentorship;

-- record lead_provider
CREATE TABLE IF NOT EXISTS rec_lead_provider (id TEXT PRIMARY KEY, "name" TEXT, "cohorts" TEXT, version BIGINT NOT NULL, seq BIGSERIAL);
CREATE SEQUENCE IF NOT EXISTS ids_lead_provider;

-- record appropriate_body
CREATE TABLE IF NOT EXISTS rec_appropriate_body (id TEXT PRIMARY KEY, "name" TEXT, "kind" TEXT, version BIGINT NOT NULL, seq BIGSERIAL);
CREATE SEQUENCE IF NOT EXISTS ids_appropriate_body;

-- record cohort
CREATE TABLE IF NOT EXISTS rec_cohort (id TEXT PRIMARY KEY, "year" DOUBLE PRECISION, "start" DATE, "end" DATE, "open_for_registration" INTEGER, "payments_frozen" INTEGER, version BIGINT NOT NULL, seq BIGSERIAL);
CREATE SEQUENCE IF NOT EXISTS ids_cohort;
