CREATE TYPE "public"."pending_charge_status" AS ENUM('pending', 'billed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."payment_attempt_status" AS ENUM('created', 'pending', 'approved', 'declined', 'voided', 'error');--> statement-breakpoint
CREATE TYPE "public"."bank_file_status" AS ENUM('queued', 'running', 'applied', 'rejected', 'failed');--> statement-breakpoint
CREATE TYPE "public"."invoice_delivery_result" AS ENUM('delivered', 'returned');--> statement-breakpoint
CREATE TYPE "public"."payment_gateway" AS ENUM('wompi', 'sandbox');--> statement-breakpoint
CREATE TYPE "public"."unidentified_payment_status" AS ENUM('pending', 'assigned', 'returned');--> statement-breakpoint
CREATE TYPE "public"."pqr_decision_status" AS ENUM('draft', 'pending_approval', 'approved', 'issued');--> statement-breakpoint
CREATE TYPE "public"."pqr_decision_type" AS ENUM('accede', 'accede_parcialmente', 'no_accede', 'rechaza', 'traslada_por_competencia', 'archiva');--> statement-breakpoint
CREATE TYPE "public"."pqr_notification_kind" AS ENUM('citacion', 'electronica', 'personal', 'aviso', 'publicacion', 'conducta_concluyente');--> statement-breakpoint
CREATE TYPE "public"."pqr_channel" AS ENUM('portal', 'web_publico', 'presencial', 'telefonico', 'escrito', 'correo');--> statement-breakpoint
CREATE TYPE "public"."pqr_state" AS ENUM('radicada', 'asignada', 'en_tramite', 'en_pruebas', 'remitida_por_competencia', 'decidida', 'citada', 'notificada', 'en_termino_de_recursos', 'firme', 'recurrida', 'por_trasladar_sspd', 'enviada_sspd', 'decidida_sspd', 'silencio_positivo', 'cerrada');--> statement-breakpoint
CREATE TYPE "public"."pqr_task_kind" AS ENUM('silencio_recognition', 'extension_approval', 'decision_approval', 'notification_step');--> statement-breakpoint
CREATE TYPE "public"."pqr_task_status" AS ENUM('open', 'done', 'cancelled');--> statement-breakpoint
CREATE TABLE "pending_charges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"requested_on" date NOT NULL,
	"status" "pending_charge_status" DEFAULT 'pending' NOT NULL,
	"invoice_id" uuid,
	"related_entity_type" text,
	"related_entity_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pending_charges_amount_check" CHECK ("pending_charges"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"content_hash" text NOT NULL,
	"duplicate_key" text,
	"bank_code" text,
	"file_date" date,
	"modifier" text,
	"status" "bank_file_status" DEFAULT 'queued' NOT NULL,
	"content" text NOT NULL,
	"record_count" integer,
	"total_amount" numeric(14, 2),
	"report" jsonb,
	"job_id" uuid,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "gateway_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gateway" "payment_gateway" NOT NULL,
	"event_type" text,
	"transaction_id" text,
	"transaction_status" text,
	"checksum_valid" boolean NOT NULL,
	"outcome" text NOT NULL,
	"outcome_detail" text,
	"attempt_id" uuid,
	"raw" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"batch_id" uuid,
	"result" "invoice_delivery_result" NOT NULL,
	"delivered_on" date NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_delivery_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"invoice_count" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"invoice_id" uuid,
	"gateway" "payment_gateway" NOT NULL,
	"reference" text NOT NULL,
	"attempt_no" integer NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"currency" text DEFAULT 'COP' NOT NULL,
	"status" "payment_attempt_status" DEFAULT 'created' NOT NULL,
	"gateway_transaction_id" text,
	"payment_method" text,
	"payment_id" uuid,
	"flagged_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_attempts_reference_unique" UNIQUE("reference"),
	CONSTRAINT "payment_attempts_amount_check" CHECK ("payment_attempts"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "unidentified_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bank_file_id" uuid,
	"line_no" integer,
	"reference_raw" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"paid_on" date NOT NULL,
	"channel_raw" text,
	"reason" text NOT NULL,
	"status" "unidentified_payment_status" DEFAULT 'pending' NOT NULL,
	"assigned_account_id" uuid,
	"payment_id" uuid,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unidentified_payments_amount_check" CHECK ("unidentified_payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "pqr_attachments" (
	"case_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"role" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pqr_attachments_case_id_file_id_pk" PRIMARY KEY("case_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "pqr_case_invoices" (
	"case_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"disputed_amount" numeric(14, 2) NOT NULL,
	"hold_id" uuid,
	CONSTRAINT "pqr_case_invoices_case_id_invoice_id_pk" PRIMARY KEY("case_id","invoice_id")
);
--> statement-breakpoint
CREATE TABLE "pqr_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"radicado" text NOT NULL,
	"radicado_year" smallint NOT NULL,
	"radicado_seq" integer NOT NULL,
	"type_code" text NOT NULL,
	"causal_code" text,
	"channel" "pqr_channel" NOT NULL,
	"state" "pqr_state" DEFAULT 'radicada' NOT NULL,
	"account_id" uuid,
	"area_id" uuid,
	"filed_by_user_id" uuid,
	"filer_name" text NOT NULL,
	"filer_document_type" text NOT NULL,
	"filer_document_number" text NOT NULL,
	"filer_email" text,
	"filer_phone" text,
	"filer_address" text,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"disputed_amount" numeric(14, 2),
	"extemporaneous" boolean DEFAULT false NOT NULL,
	"electronic_notification_consent" boolean DEFAULT false NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"filed_on" date NOT NULL,
	"due_on" date NOT NULL,
	"traslado_due_on" date,
	"next_step_due_on" date,
	"recurso_until" date,
	"silencio_risk" boolean DEFAULT false NOT NULL,
	"assigned_to" uuid,
	"parent_case_id" uuid,
	"idempotency_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "pqr_cases_radicado_unique" UNIQUE("radicado"),
	CONSTRAINT "pqr_cases_disputed_check" CHECK ("pqr_cases"."disputed_amount" is null or "pqr_cases"."disputed_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "pqr_causales" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"group_name" text NOT NULL,
	"scope" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pqr_decision_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"decision_type" "pqr_decision_type" NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"legal_grounds" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pqr_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"decision_type" "pqr_decision_type" NOT NULL,
	"status" "pqr_decision_status" DEFAULT 'draft' NOT NULL,
	"template_id" uuid,
	"body" text NOT NULL,
	"legal_grounds" text NOT NULL,
	"recursos" jsonb NOT NULL,
	"credit_amount" numeric(14, 2),
	"debit_amount" numeric(14, 2),
	"effect_invoice_id" uuid,
	"effect_ledger_entry_id" uuid,
	"outgoing_radicado" text,
	"pdf_file_id" uuid,
	"drafted_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"issued_by" uuid,
	"issued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pqr_decisions_outgoing_radicado_unique" UNIQUE("outgoing_radicado")
);
--> statement-breakpoint
CREATE TABLE "pqr_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_state" "pqr_state",
	"to_state" "pqr_state",
	"internal" boolean DEFAULT false NOT NULL,
	"body" text,
	"data" jsonb,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pqr_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"decision_id" uuid,
	"kind" "pqr_notification_kind" NOT NULL,
	"sent_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"effective_on" date,
	"courier" text,
	"guide_number" text,
	"delivered_on" date,
	"returned" boolean DEFAULT false NOT NULL,
	"published_from" date,
	"published_until" date,
	"evidence" jsonb,
	"token_hash" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pqr_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "pqr_task_kind" NOT NULL,
	"status" "pqr_task_status" DEFAULT 'open' NOT NULL,
	"due_at" timestamp with time zone,
	"payload" jsonb,
	"outcome" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pqr_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sui_code" text,
	"is_billing_claim" boolean DEFAULT false NOT NULL,
	"is_recurso" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pqr_work_orders" (
	"case_id" uuid NOT NULL,
	"work_order_id" uuid NOT NULL,
	CONSTRAINT "pqr_work_orders_case_id_work_order_id_pk" PRIMARY KEY("case_id","work_order_id")
);
--> statement-breakpoint
CREATE TABLE "radicado_counters" (
	"year" smallint NOT NULL,
	"direction" text NOT NULL,
	"last" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "radicado_counters_year_direction_pk" PRIMARY KEY("year","direction")
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "pending_charges" ADD CONSTRAINT "pending_charges_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_charges" ADD CONSTRAINT "pending_charges_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_charges" ADD CONSTRAINT "pending_charges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_files" ADD CONSTRAINT "bank_files_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_files" ADD CONSTRAINT "bank_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_events" ADD CONSTRAINT "gateway_events_attempt_id_payment_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."payment_attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_deliveries" ADD CONSTRAINT "invoice_deliveries_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_deliveries" ADD CONSTRAINT "invoice_deliveries_batch_id_invoice_delivery_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."invoice_delivery_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_deliveries" ADD CONSTRAINT "invoice_deliveries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_delivery_batches" ADD CONSTRAINT "invoice_delivery_batches_period_id_billing_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."billing_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_delivery_batches" ADD CONSTRAINT "invoice_delivery_batches_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_delivery_batches" ADD CONSTRAINT "invoice_delivery_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unidentified_payments" ADD CONSTRAINT "unidentified_payments_bank_file_id_bank_files_id_fk" FOREIGN KEY ("bank_file_id") REFERENCES "public"."bank_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unidentified_payments" ADD CONSTRAINT "unidentified_payments_assigned_account_id_accounts_id_fk" FOREIGN KEY ("assigned_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unidentified_payments" ADD CONSTRAINT "unidentified_payments_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unidentified_payments" ADD CONSTRAINT "unidentified_payments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_attachments" ADD CONSTRAINT "pqr_attachments_case_id_pqr_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."pqr_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_attachments" ADD CONSTRAINT "pqr_attachments_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_case_invoices" ADD CONSTRAINT "pqr_case_invoices_case_id_pqr_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."pqr_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_case_invoices" ADD CONSTRAINT "pqr_case_invoices_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_cases" ADD CONSTRAINT "pqr_cases_type_code_pqr_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."pqr_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_cases" ADD CONSTRAINT "pqr_cases_causal_code_pqr_causales_code_fk" FOREIGN KEY ("causal_code") REFERENCES "public"."pqr_causales"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_cases" ADD CONSTRAINT "pqr_cases_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_cases" ADD CONSTRAINT "pqr_cases_area_id_service_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."service_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_cases" ADD CONSTRAINT "pqr_cases_filed_by_user_id_users_id_fk" FOREIGN KEY ("filed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_cases" ADD CONSTRAINT "pqr_cases_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_cases" ADD CONSTRAINT "pqr_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_decision_templates" ADD CONSTRAINT "pqr_decision_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_decisions" ADD CONSTRAINT "pqr_decisions_case_id_pqr_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."pqr_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_decisions" ADD CONSTRAINT "pqr_decisions_template_id_pqr_decision_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."pqr_decision_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_decisions" ADD CONSTRAINT "pqr_decisions_effect_invoice_id_invoices_id_fk" FOREIGN KEY ("effect_invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_decisions" ADD CONSTRAINT "pqr_decisions_pdf_file_id_stored_files_id_fk" FOREIGN KEY ("pdf_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_decisions" ADD CONSTRAINT "pqr_decisions_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_decisions" ADD CONSTRAINT "pqr_decisions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_decisions" ADD CONSTRAINT "pqr_decisions_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_events" ADD CONSTRAINT "pqr_events_case_id_pqr_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."pqr_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_events" ADD CONSTRAINT "pqr_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_notifications" ADD CONSTRAINT "pqr_notifications_case_id_pqr_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."pqr_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_notifications" ADD CONSTRAINT "pqr_notifications_decision_id_pqr_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."pqr_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_notifications" ADD CONSTRAINT "pqr_notifications_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_tasks" ADD CONSTRAINT "pqr_tasks_case_id_pqr_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."pqr_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_tasks" ADD CONSTRAINT "pqr_tasks_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_work_orders" ADD CONSTRAINT "pqr_work_orders_case_id_pqr_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."pqr_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pqr_work_orders" ADD CONSTRAINT "pqr_work_orders_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pending_charges_account_idx" ON "pending_charges" USING btree ("account_id") WHERE "pending_charges"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "stored_files_owner_idx" ON "stored_files" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_files_content_key" ON "bank_files" USING btree ("content_hash") WHERE "bank_files"."status" <> 'rejected';--> statement-breakpoint
CREATE UNIQUE INDEX "bank_files_duplicate_key" ON "bank_files" USING btree ("duplicate_key") WHERE "bank_files"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "bank_files_uploaded_idx" ON "bank_files" USING btree ("uploaded_at");--> statement-breakpoint
CREATE INDEX "gateway_events_tx_idx" ON "gateway_events" USING btree ("gateway","transaction_id");--> statement-breakpoint
CREATE INDEX "gateway_events_received_idx" ON "gateway_events" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_deliveries_invoice_key" ON "invoice_deliveries" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "invoice_deliveries_batch_idx" ON "invoice_deliveries" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "invoice_delivery_batches_period_idx" ON "invoice_delivery_batches" USING btree ("period_id","zone_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_attempts_gateway_tx_key" ON "payment_attempts" USING btree ("gateway","gateway_transaction_id") WHERE "payment_attempts"."gateway_transaction_id" is not null;--> statement-breakpoint
CREATE INDEX "payment_attempts_account_idx" ON "payment_attempts" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_attempts_invoice_idx" ON "payment_attempts" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "unidentified_payments_queue_idx" ON "unidentified_payments" USING btree ("created_at") WHERE "unidentified_payments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "unidentified_payments_file_idx" ON "unidentified_payments" USING btree ("bank_file_id");--> statement-breakpoint
CREATE INDEX "pqr_case_invoices_invoice_idx" ON "pqr_case_invoices" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pqr_cases_radicado_seq_key" ON "pqr_cases" USING btree ("radicado_year","radicado_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "pqr_cases_idempotency_key" ON "pqr_cases" USING btree ("idempotency_key") WHERE "pqr_cases"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "pqr_cases_queue_idx" ON "pqr_cases" USING btree ("due_on","state") WHERE "pqr_cases"."state" not in ('cerrada', 'firme');--> statement-breakpoint
CREATE INDEX "pqr_cases_assigned_idx" ON "pqr_cases" USING btree ("assigned_to","due_on");--> statement-breakpoint
CREATE INDEX "pqr_cases_account_idx" ON "pqr_cases" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "pqr_cases_filer_idx" ON "pqr_cases" USING btree ("filed_by_user_id");--> statement-breakpoint
CREATE INDEX "pqr_cases_document_idx" ON "pqr_cases" USING btree ("filer_document_number");--> statement-breakpoint
CREATE UNIQUE INDEX "pqr_decision_templates_version_key" ON "pqr_decision_templates" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "pqr_decisions_case_idx" ON "pqr_decisions" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pqr_decisions_one_issued_key" ON "pqr_decisions" USING btree ("case_id") WHERE "pqr_decisions"."status" = 'issued';--> statement-breakpoint
CREATE INDEX "pqr_events_case_idx" ON "pqr_events" USING btree ("case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "pqr_notifications_case_idx" ON "pqr_notifications" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pqr_notifications_token_key" ON "pqr_notifications" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "pqr_tasks_open_idx" ON "pqr_tasks" USING btree ("kind","due_at") WHERE "pqr_tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "pqr_tasks_case_idx" ON "pqr_tasks" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pqr_tasks_one_open_key" ON "pqr_tasks" USING btree ("case_id","kind") WHERE "pqr_tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "payments_reference_idx" ON "payments" USING btree ("reference","paid_on") WHERE "payments"."reference" is not null;