CREATE TYPE "public"."user_role" AS ENUM('subscriber', 'agent', 'auditor', 'coordinator', 'area_leader', 'collections', 'crew', 'legal', 'admin');--> statement-breakpoint
CREATE TYPE "public"."trail_actor_kind" AS ENUM('user', 'job', 'system');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('queued', 'running', 'succeeded', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."altitude_band" AS ENUM('below_1000', 'from_1000_to_2000', 'above_2000');--> statement-breakpoint
CREATE TYPE "public"."billing_frequency" AS ENUM('monthly', 'bimonthly');--> statement-breakpoint
CREATE TYPE "public"."account_status" AS ENUM('active', 'suspended', 'cut', 'inactive');--> statement-breakpoint
CREATE TYPE "public"."document_type" AS ENUM('RC', 'TI', 'CC', 'TE', 'CE', 'NIT', 'PA', 'DE', 'PEP', 'PPT', 'NITE', 'NUIP');--> statement-breakpoint
CREATE TYPE "public"."public_service" AS ENUM('acueducto', 'alcantarillado', 'aseo');--> statement-breakpoint
CREATE TYPE "public"."subscriber_kind" AS ENUM('person', 'company');--> statement-breakpoint
CREATE TYPE "public"."use_class" AS ENUM('residential', 'commercial', 'industrial', 'official', 'special');--> statement-breakpoint
CREATE TYPE "public"."period_status" AS ENUM('open', 'read', 'reviewed', 'liquidated', 'issued', 'closed');--> statement-breakpoint
CREATE TYPE "public"."reading_source" AS ENUM('import', 'manual', 'seed');--> statement-breakpoint
CREATE TYPE "public"."payment_agreement_status" AS ENUM('active', 'completed', 'broken');--> statement-breakpoint
CREATE TYPE "public"."service_status_event_kind" AS ENUM('suspension_notice', 'suspension', 'cut', 'reinstatement', 'reconnection');--> statement-breakpoint
CREATE TYPE "public"."work_order_kind" AS ENUM('deviation_visit', 'reading_check', 'meter_check', 'suspension', 'reinstatement', 'other');--> statement-breakpoint
CREATE TYPE "public"."work_order_status" AS ENUM('open', 'scheduled', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."tariff_status" AS ENUM('draft', 'approved', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."consumption_basis" AS ENUM('measured', 'average', 'estimated', 'category_average');--> statement-breakpoint
CREATE TYPE "public"."consumption_class" AS ENUM('normal', 'significant_deviation_up', 'significant_deviation_down', 'zero', 'negative', 'rollover', 'no_reading');--> statement-breakpoint
CREATE TYPE "public"."consumption_status" AS ENUM('pending', 'released', 'held');--> statement-breakpoint
CREATE TYPE "public"."hold_status" AS ENUM('active', 'released', 'credited');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('draft', 'issued');--> statement-breakpoint
CREATE TYPE "public"."ledger_entry_kind" AS ENUM('charge', 'payment', 'credit_note', 'debit_note', 'reversal', 'adjustment');--> statement-breakpoint
CREATE TYPE "public"."liquidation_status" AS ENUM('running', 'draft', 'approved', 'issued', 'failed');--> statement-breakpoint
CREATE TYPE "public"."payment_channel" AS ENUM('gateway', 'bank_file', 'counter');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('applied', 'reversed');--> statement-breakpoint
CREATE TYPE "public"."consent_kind" AS ENUM('data_processing', 'electronic_notification');--> statement-breakpoint
CREATE TYPE "public"."data_rights_kind" AS ENUM('query', 'correction', 'deletion');--> statement-breakpoint
CREATE TYPE "public"."data_rights_status" AS ENUM('pending', 'answered');--> statement-breakpoint
CREATE TYPE "public"."user_token_purpose" AS ENUM('password_reset', 'email_verification');--> statement-breakpoint
CREATE TYPE "public"."calendar_day_kind" AS ENUM('non_working', 'working');--> statement-breakpoint
CREATE SEQUENCE "public"."invoice_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."payment_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"full_name" text NOT NULL,
	"password_hash" text,
	"role" "user_role" NOT NULL,
	"service_area_id" uuid,
	"is_active" boolean DEFAULT true NOT NULL,
	"email_verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_trail" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"seq" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_kind" "trail_actor_kind" NOT NULL,
	"actor_user_id" uuid,
	"actor_job_id" uuid,
	"actor_label" text,
	"action" text NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text,
	"ip" text,
	"prev_hash" text,
	"hash" text NOT NULL,
	CONSTRAINT "audit_trail_entity_seq" UNIQUE("entity_type","entity_id","seq")
);
--> statement-breakpoint
CREATE TABLE "audit_trail_heads" (
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"seq" integer NOT NULL,
	"hash" text,
	CONSTRAINT "audit_trail_heads_entity_type_entity_id_pk" PRIMARY KEY("entity_type","entity_id")
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"template" text NOT NULL,
	"status" "email_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_at" timestamp with time zone,
	"last_error" text,
	"provider" text,
	"provider_id" text,
	"sent_at" timestamp with time zone,
	"related_entity_type" text,
	"related_entity_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_outbox_idempotency_key" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"last_error" text,
	"locked_by" text,
	"locked_at" timestamp with time zone,
	"progress_done" integer,
	"progress_total" integer,
	"progress_message" text,
	"unique_key" text,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"effective_from" date NOT NULL,
	"note" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settings_key_effective_from" UNIQUE("key","effective_from")
);
--> statement-breakpoint
CREATE TABLE "billing_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_area_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"frequency" "billing_frequency" NOT NULL,
	"reading_day" smallint NOT NULL,
	"issue_day" smallint NOT NULL,
	"due_days_after_issue" smallint NOT NULL,
	"suspension_days_after_due" smallint NOT NULL,
	CONSTRAINT "billing_cycles_area_code_key" UNIQUE("service_area_id","code"),
	CONSTRAINT "billing_cycles_days_check" CHECK ("billing_cycles"."reading_day" between 1 and 28 and "billing_cycles"."issue_day" between "billing_cycles"."reading_day" and 28),
	CONSTRAINT "billing_cycles_terms_check" CHECK ("billing_cycles"."due_days_after_issue" >= 5 and "billing_cycles"."suspension_days_after_due" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"municipality" text NOT NULL,
	"department" text NOT NULL,
	"dane_department" char(2) NOT NULL,
	"dane_municipality" char(5) NOT NULL,
	"dane_town" char(8) NOT NULL,
	"altitude_m" integer NOT NULL,
	"altitude_band" "altitude_band" NOT NULL,
	"gln" char(13) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_areas_code_unique" UNIQUE("code"),
	CONSTRAINT "service_areas_dane_check" CHECK ("service_areas"."dane_municipality" like "service_areas"."dane_department" || '%' and "service_areas"."dane_town" like "service_areas"."dane_municipality" || '%'),
	CONSTRAINT "service_areas_gln_check" CHECK ("service_areas"."gln" ~ '^[0-9]{13}$')
);
--> statement-breakpoint
CREATE TABLE "zones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_area_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "zones_area_code_key" UNIQUE("service_area_id","code")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"premise_id" uuid NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"services" "public_service"[] NOT NULL,
	"status" "account_status" DEFAULT 'active' NOT NULL,
	"opened_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_number_unique" UNIQUE("number"),
	CONSTRAINT "accounts_services_check" CHECK (cardinality("accounts"."services") >= 1)
);
--> statement-breakpoint
CREATE TABLE "meters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"serial" text NOT NULL,
	"brand" text NOT NULL,
	"diameter_in" text NOT NULL,
	"dial_digits" smallint DEFAULT 5 NOT NULL,
	"installed_on" date NOT NULL,
	"last_verified_on" date,
	"next_verification_on" date,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "meters_serial_unique" UNIQUE("serial"),
	CONSTRAINT "meters_dial_digits_check" CHECK ("meters"."dial_digits" between 4 and 8)
);
--> statement-breakpoint
CREATE TABLE "premises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"address" text NOT NULL,
	"address_parts" jsonb NOT NULL,
	"neighborhood" text NOT NULL,
	"estrato" smallint,
	"use_class" "use_class" NOT NULL,
	"route_order" integer NOT NULL,
	"is_protected" boolean DEFAULT false NOT NULL,
	"protected_reason" text,
	"units" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "premises_estrato_check" CHECK ("premises"."estrato" between 1 and 6),
	CONSTRAINT "premises_estrato_use_check" CHECK (("premises"."use_class" = 'residential') = ("premises"."estrato" is not null)),
	CONSTRAINT "premises_protected_reason_check" CHECK (not "premises"."is_protected" or "premises"."protected_reason" is not null),
	CONSTRAINT "premises_units_check" CHECK ("premises"."units" >= 1)
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_type" "document_type" NOT NULL,
	"document_number" text NOT NULL,
	"check_digit" char(1),
	"kind" "subscriber_kind" NOT NULL,
	"full_name" text NOT NULL,
	"email" text,
	"phone" text,
	"correspondence_address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscribers_document_key" UNIQUE("document_type","document_number"),
	CONSTRAINT "subscribers_document_number_check" CHECK ("subscribers"."document_number" ~ '^[0-9A-Za-z]{3,20}$'),
	CONSTRAINT "subscribers_check_digit_check" CHECK (("subscribers"."document_type" = 'NIT') = ("subscribers"."check_digit" is not null))
);
--> statement-breakpoint
CREATE TABLE "user_accounts" (
	"user_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_accounts_user_id_account_id_pk" PRIMARY KEY("user_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "billing_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"code" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reading_on" date NOT NULL,
	"issue_on" date NOT NULL,
	"due_on" date NOT NULL,
	"suspension_on" date NOT NULL,
	"status" "period_status" DEFAULT 'open' NOT NULL,
	CONSTRAINT "billing_periods_cycle_code_key" UNIQUE("cycle_id","code"),
	CONSTRAINT "billing_periods_code_check" CHECK ("billing_periods"."code" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "billing_periods_dates_check" CHECK ("billing_periods"."starts_on" <= "billing_periods"."ends_on" and "billing_periods"."ends_on" <= "billing_periods"."reading_on" and "billing_periods"."reading_on" <= "billing_periods"."issue_on" and "billing_periods"."issue_on" < "billing_periods"."due_on" and "billing_periods"."due_on" <= "billing_periods"."suspension_on")
);
--> statement-breakpoint
CREATE TABLE "readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meter_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"value" integer,
	"read_on" date NOT NULL,
	"reader_code" text,
	"anomaly_code" text,
	"source" "reading_source" NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readings_meter_period_key" UNIQUE("meter_id","period_id"),
	CONSTRAINT "readings_value_check" CHECK ("readings"."value" >= 0),
	CONSTRAINT "readings_missing_check" CHECK ("readings"."value" is not null or "readings"."anomaly_code" is not null)
);
--> statement-breakpoint
CREATE TABLE "payment_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"principal" numeric(14, 2) NOT NULL,
	"instalments" integer NOT NULL,
	"instalment_amount" numeric(14, 2) NOT NULL,
	"starts_on" date NOT NULL,
	"status" "payment_agreement_status" DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_agreements_amounts_check" CHECK ("payment_agreements"."principal" > 0 and "payment_agreements"."instalments" >= 1 and "payment_agreements"."instalment_amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "service_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" "service_status_event_kind" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"work_order_id" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" "work_order_kind" NOT NULL,
	"status" "work_order_status" DEFAULT 'open' NOT NULL,
	"reason" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scheduled_on" date,
	"completed_at" timestamp with time zone,
	"result" jsonb,
	"created_by" uuid,
	CONSTRAINT "work_orders_completed_check" CHECK (("work_orders"."status" = 'done') = ("work_orders"."completed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "tariff_metered_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"service" text NOT NULL,
	"fixed_charge" numeric(14, 2) NOT NULL,
	"basic_price" numeric(14, 2) NOT NULL,
	"complementary_price" numeric(14, 2) NOT NULL,
	"luxury_price" numeric(14, 2) NOT NULL,
	CONSTRAINT "tariff_metered_rates_key" UNIQUE("version_id","service"),
	CONSTRAINT "tariff_metered_rates_service_check" CHECK ("tariff_metered_rates"."service" in ('acueducto', 'alcantarillado'))
);
--> statement-breakpoint
CREATE TABLE "tariff_other_charges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"approval_act" text NOT NULL,
	CONSTRAINT "tariff_other_charges_key" UNIQUE("version_id","code")
);
--> statement-breakpoint
CREATE TABLE "tariff_solidarity_factors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"category" text NOT NULL,
	"service" text NOT NULL,
	"factor" numeric(6, 4) NOT NULL,
	CONSTRAINT "tariff_solidarity_factors_key" UNIQUE("version_id","category","service"),
	CONSTRAINT "tariff_solidarity_factors_category_check" CHECK ("tariff_solidarity_factors"."category" in ('estrato_1','estrato_2','estrato_3','estrato_4','estrato_5','estrato_6','commercial','industrial','official','special')),
	CONSTRAINT "tariff_solidarity_factors_service_check" CHECK ("tariff_solidarity_factors"."service" in ('acueducto', 'alcantarillado', 'aseo')),
	CONSTRAINT "tariff_solidarity_factors_range_check" CHECK ("tariff_solidarity_factors"."factor" between -1 and 5)
);
--> statement-breakpoint
CREATE TABLE "tariff_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_area_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"status" "tariff_status" DEFAULT 'draft' NOT NULL,
	"approval_act" text,
	"notes" text,
	"entered_by" uuid NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tariff_versions_four_eyes_check" CHECK ("tariff_versions"."approved_by" is null or "tariff_versions"."approved_by" <> "tariff_versions"."entered_by"),
	CONSTRAINT "tariff_versions_approved_check" CHECK ("tariff_versions"."status" = 'draft' or ("tariff_versions"."approved_by" is not null and "tariff_versions"."approved_at" is not null and coalesce("tariff_versions"."approval_act", '') <> ''))
);
--> statement-breakpoint
CREATE TABLE "tariff_waste_charges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"category" text NOT NULL,
	"fixed_charge" numeric(14, 2) NOT NULL,
	"variable_charge" numeric(14, 2) NOT NULL,
	CONSTRAINT "tariff_waste_charges_key" UNIQUE("version_id","category"),
	CONSTRAINT "tariff_waste_charges_category_check" CHECK ("tariff_waste_charges"."category" in ('estrato_1','estrato_2','estrato_3','estrato_4','estrato_5','estrato_6','commercial','industrial','official','special'))
);
--> statement-breakpoint
CREATE TABLE "consumptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"previous_reading" integer,
	"current_reading" integer,
	"measured_m3" integer,
	"billed_m3" integer NOT NULL,
	"basis" "consumption_basis" NOT NULL,
	"classification" "consumption_class" NOT NULL,
	"average_m3" numeric(10, 2),
	"status" "consumption_status" DEFAULT 'pending' NOT NULL,
	"work_order_id" uuid,
	"resolved_m3" integer,
	"resolved_at" timestamp with time zone,
	"resolution_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"settled_by_note_id" uuid,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consumptions_account_period_key" UNIQUE("account_id","period_id"),
	CONSTRAINT "consumptions_m3_check" CHECK ("consumptions"."billed_m3" >= 0 and ("consumptions"."measured_m3" is null or "consumptions"."measured_m3" >= 0)),
	CONSTRAINT "consumptions_review_check" CHECK ("consumptions"."status" = 'pending' or "consumptions"."reviewed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "dispute_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"ledger_entry_id" uuid,
	"invoice_id" uuid,
	"amount" numeric(14, 2) NOT NULL,
	"status" "hold_status" DEFAULT 'active' NOT NULL,
	"reason" text NOT NULL,
	"related_entity_type" text,
	"related_entity_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	CONSTRAINT "dispute_holds_target_check" CHECK ("dispute_holds"."ledger_entry_id" is not null or "dispute_holds"."invoice_id" is not null),
	CONSTRAINT "dispute_holds_amount_check" CHECK ("dispute_holds"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"service" "public_service",
	"concept" text NOT NULL,
	"description" text NOT NULL,
	"quantity_m3" numeric(12, 2),
	"unit_price" numeric(14, 2),
	"amount" numeric(14, 2) NOT NULL,
	"ledger_entry_id" uuid,
	CONSTRAINT "invoice_lines_invoice_id_position_pk" PRIMARY KEY("invoice_id","position")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"number" bigint,
	"status" "invoice_status" DEFAULT 'draft' NOT NULL,
	"issue_on" date NOT NULL,
	"due_on" date NOT NULL,
	"suspension_on" date NOT NULL,
	"billed_m3" numeric(12, 2),
	"previous_balance" numeric(14, 2) NOT NULL,
	"current_charges" numeric(14, 2) NOT NULL,
	"total_to_pay" numeric(14, 2) NOT NULL,
	"payment_reference" text NOT NULL,
	"liquidation_run_id" uuid,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_number_unique" UNIQUE("number"),
	CONSTRAINT "invoices_payment_reference_unique" UNIQUE("payment_reference")
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" "ledger_entry_kind" NOT NULL,
	"service" "public_service",
	"concept" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"due_on" date,
	"invoice_id" uuid,
	"payment_id" uuid,
	"note_of_invoice_id" uuid,
	"description" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "liquidation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"zone_id" uuid,
	"status" "liquidation_status" DEFAULT 'running' NOT NULL,
	"job_id" uuid,
	"totals" jsonb,
	"error" text,
	"started_by" uuid,
	"approved_by" uuid,
	"issued_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"issued_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"ledger_entry_id" uuid NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_allocations_amount_check" CHECK ("payment_allocations"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"paid_on" date NOT NULL,
	"channel" "payment_channel" NOT NULL,
	"external_ref" text,
	"status" "payment_status" DEFAULT 'applied' NOT NULL,
	"reversal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reversed_at" timestamp with time zone,
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "consent_kind" NOT NULL,
	"policy_version" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "data_rights_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "data_rights_kind" NOT NULL,
	"description" text NOT NULL,
	"status" "data_rights_status" DEFAULT 'pending' NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid
);
--> statement-breakpoint
CREATE TABLE "login_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pending_account_links" (
	"user_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"proven_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "user_token_purpose" NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_calendar_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day" date NOT NULL,
	"kind" "calendar_day_kind" DEFAULT 'non_working' NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_calendar_days_day_unique" UNIQUE("day")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_cycles" ADD CONSTRAINT "billing_cycles_service_area_id_service_areas_id_fk" FOREIGN KEY ("service_area_id") REFERENCES "public"."service_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zones" ADD CONSTRAINT "zones_service_area_id_service_areas_id_fk" FOREIGN KEY ("service_area_id") REFERENCES "public"."service_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_premise_id_premises_id_fk" FOREIGN KEY ("premise_id") REFERENCES "public"."premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meters" ADD CONSTRAINT "meters_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises" ADD CONSTRAINT "premises_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premises" ADD CONSTRAINT "premises_cycle_id_billing_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."billing_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_accounts" ADD CONSTRAINT "user_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_accounts" ADD CONSTRAINT "user_accounts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_periods" ADD CONSTRAINT "billing_periods_cycle_id_billing_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."billing_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_period_id_billing_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."billing_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_agreements" ADD CONSTRAINT "payment_agreements_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_agreements" ADD CONSTRAINT "payment_agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_status_events" ADD CONSTRAINT "service_status_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_status_events" ADD CONSTRAINT "service_status_events_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_status_events" ADD CONSTRAINT "service_status_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_metered_rates" ADD CONSTRAINT "tariff_metered_rates_version_id_tariff_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."tariff_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_other_charges" ADD CONSTRAINT "tariff_other_charges_version_id_tariff_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."tariff_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_solidarity_factors" ADD CONSTRAINT "tariff_solidarity_factors_version_id_tariff_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."tariff_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_versions" ADD CONSTRAINT "tariff_versions_service_area_id_service_areas_id_fk" FOREIGN KEY ("service_area_id") REFERENCES "public"."service_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_versions" ADD CONSTRAINT "tariff_versions_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_versions" ADD CONSTRAINT "tariff_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_waste_charges" ADD CONSTRAINT "tariff_waste_charges_version_id_tariff_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."tariff_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumptions" ADD CONSTRAINT "consumptions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumptions" ADD CONSTRAINT "consumptions_period_id_billing_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."billing_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumptions" ADD CONSTRAINT "consumptions_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumptions" ADD CONSTRAINT "consumptions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_holds" ADD CONSTRAINT "dispute_holds_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_holds" ADD CONSTRAINT "dispute_holds_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_holds" ADD CONSTRAINT "dispute_holds_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_period_id_billing_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."billing_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_liquidation_run_id_liquidation_runs_id_fk" FOREIGN KEY ("liquidation_run_id") REFERENCES "public"."liquidation_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_note_of_invoice_id_invoices_id_fk" FOREIGN KEY ("note_of_invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liquidation_runs" ADD CONSTRAINT "liquidation_runs_cycle_id_billing_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."billing_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liquidation_runs" ADD CONSTRAINT "liquidation_runs_period_id_billing_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."billing_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liquidation_runs" ADD CONSTRAINT "liquidation_runs_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liquidation_runs" ADD CONSTRAINT "liquidation_runs_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liquidation_runs" ADD CONSTRAINT "liquidation_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liquidation_runs" ADD CONSTRAINT "liquidation_runs_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liquidation_runs" ADD CONSTRAINT "liquidation_runs_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_rights_requests" ADD CONSTRAINT "data_rights_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_rights_requests" ADD CONSTRAINT "data_rights_requests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_account_links" ADD CONSTRAINT "pending_account_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_calendar_days" ADD CONSTRAINT "company_calendar_days_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_trail_occurred_idx" ON "audit_trail" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_trail_actor_user_idx" ON "audit_trail" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "email_outbox_pending_idx" ON "email_outbox" USING btree ("next_attempt_at") WHERE "email_outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "email_outbox_related_idx" ON "email_outbox" USING btree ("related_entity_type","related_entity_id");--> statement-breakpoint
CREATE INDEX "email_outbox_to_idx" ON "email_outbox" USING btree ("to_address");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_unique_key" ON "jobs" USING btree ("unique_key") WHERE "jobs"."unique_key" is not null;--> statement-breakpoint
CREATE INDEX "jobs_ready_idx" ON "jobs" USING btree ("priority","run_at") WHERE "jobs"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "jobs_running_idx" ON "jobs" USING btree ("locked_at") WHERE "jobs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "jobs_created_idx" ON "jobs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "billing_cycles_area_idx" ON "billing_cycles" USING btree ("service_area_id");--> statement-breakpoint
CREATE INDEX "zones_area_idx" ON "zones" USING btree ("service_area_id");--> statement-breakpoint
CREATE INDEX "accounts_premise_idx" ON "accounts" USING btree ("premise_id");--> statement-breakpoint
CREATE INDEX "accounts_subscriber_idx" ON "accounts" USING btree ("subscriber_id");--> statement-breakpoint
CREATE INDEX "accounts_status_idx" ON "accounts" USING btree ("status") WHERE "accounts"."status" <> 'active';--> statement-breakpoint
CREATE INDEX "meters_account_idx" ON "meters" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meters_one_active_per_account" ON "meters" USING btree ("account_id") WHERE "meters"."is_active";--> statement-breakpoint
CREATE INDEX "meters_next_verification_idx" ON "meters" USING btree ("next_verification_on") WHERE "meters"."is_active";--> statement-breakpoint
CREATE INDEX "premises_zone_idx" ON "premises" USING btree ("zone_id");--> statement-breakpoint
CREATE INDEX "premises_cycle_route_idx" ON "premises" USING btree ("cycle_id","route_order");--> statement-breakpoint
CREATE INDEX "premises_protected_idx" ON "premises" USING btree ("id") WHERE "premises"."is_protected";--> statement-breakpoint
CREATE INDEX "subscribers_email_idx" ON "subscribers" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "user_accounts_account_idx" ON "user_accounts" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "billing_periods_status_idx" ON "billing_periods" USING btree ("status","issue_on");--> statement-breakpoint
CREATE INDEX "readings_account_period_idx" ON "readings" USING btree ("account_id","period_id");--> statement-breakpoint
CREATE INDEX "readings_period_idx" ON "readings" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "readings_recorded_by_idx" ON "readings" USING btree ("recorded_by") WHERE "readings"."recorded_by" is not null;--> statement-breakpoint
CREATE INDEX "payment_agreements_account_idx" ON "payment_agreements" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "payment_agreements_active_idx" ON "payment_agreements" USING btree ("starts_on") WHERE "payment_agreements"."status" = 'active';--> statement-breakpoint
CREATE INDEX "payment_agreements_created_by_idx" ON "payment_agreements" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "service_status_events_account_idx" ON "service_status_events" USING btree ("account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "service_status_events_work_order_idx" ON "service_status_events" USING btree ("work_order_id");--> statement-breakpoint
CREATE INDEX "service_status_events_recorded_by_idx" ON "service_status_events" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "work_orders_account_idx" ON "work_orders" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "work_orders_queue_idx" ON "work_orders" USING btree ("kind","scheduled_on") WHERE "work_orders"."status" in ('open', 'scheduled');--> statement-breakpoint
CREATE INDEX "work_orders_created_by_idx" ON "work_orders" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "tariff_versions_area_effective_key" ON "tariff_versions" USING btree ("service_area_id","effective_from") WHERE "tariff_versions"."status" <> 'draft';--> statement-breakpoint
CREATE INDEX "tariff_versions_area_idx" ON "tariff_versions" USING btree ("service_area_id","effective_from");--> statement-breakpoint
CREATE INDEX "consumptions_period_status_idx" ON "consumptions" USING btree ("period_id","status","account_id");--> statement-breakpoint
CREATE INDEX "consumptions_period_class_idx" ON "consumptions" USING btree ("period_id","classification");--> statement-breakpoint
CREATE INDEX "consumptions_work_order_idx" ON "consumptions" USING btree ("work_order_id") WHERE "consumptions"."work_order_id" is not null;--> statement-breakpoint
CREATE INDEX "consumptions_reviewed_by_idx" ON "consumptions" USING btree ("reviewed_by") WHERE "consumptions"."reviewed_by" is not null;--> statement-breakpoint
CREATE INDEX "consumptions_unsettled_idx" ON "consumptions" USING btree ("period_id") WHERE "consumptions"."resolved_m3" is not null and "consumptions"."settled_by_note_id" is null;--> statement-breakpoint
CREATE INDEX "dispute_holds_account_idx" ON "dispute_holds" USING btree ("account_id") WHERE "dispute_holds"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_account_period_key" ON "invoices" USING btree ("account_id","period_id");--> statement-breakpoint
CREATE INDEX "invoices_run_idx" ON "invoices" USING btree ("liquidation_run_id");--> statement-breakpoint
CREATE INDEX "invoices_period_idx" ON "invoices" USING btree ("period_id","status");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account_id","occurred_on");--> statement-breakpoint
CREATE INDEX "ledger_entries_invoice_idx" ON "ledger_entries" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_payment_idx" ON "ledger_entries" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "liquidation_runs_active_key" ON "liquidation_runs" USING btree ("period_id",coalesce("zone_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "liquidation_runs"."status" <> 'failed';--> statement-breakpoint
CREATE INDEX "liquidation_runs_cycle_idx" ON "liquidation_runs" USING btree ("cycle_id","started_at");--> statement-breakpoint
CREATE INDEX "payment_allocations_payment_idx" ON "payment_allocations" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_entry_idx" ON "payment_allocations" USING btree ("ledger_entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_channel_ref_key" ON "payments" USING btree ("channel","external_ref") WHERE "payments"."external_ref" is not null;--> statement-breakpoint
CREATE INDEX "payments_account_idx" ON "payments" USING btree ("account_id","paid_on");--> statement-breakpoint
CREATE INDEX "consents_user_idx" ON "consents" USING btree ("user_id","kind");--> statement-breakpoint
CREATE INDEX "data_rights_status_due_idx" ON "data_rights_requests" USING btree ("status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "pending_account_links_key" ON "pending_account_links" USING btree ("user_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "user_tokens_hash_key" ON "user_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "user_tokens_user_idx" ON "user_tokens" USING btree ("user_id","purpose");